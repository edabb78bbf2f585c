package org.vindplaats.catalog.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vindplaats.catalog.LoadResult;
import org.vindplaats.catalog.PluginDescriptor;
import org.vindplaats.catalog.PluginInfo;
import org.vindplaats.catalog.PluginRegistry;
import org.vindplaats.model.Platform;

/** The duplicate-id rule, without OSGi: highest version wins, then alphabetical source. */
class RegistryTest {

    private static LoadResult ok(String id, String version) {
        Platform p = new Platform(id, id.toUpperCase(), null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
        return new LoadResult("x", Optional.of(new PluginDescriptor(PluginDescriptor.Kind.PLATFORM, id, version, id, null, p,
                null)), List.of());
    }

    @Test
    void equalVersionsAlphabeticalSourceWins() {
        PluginRegistry r = new PluginRegistry();
        r.put("org.z", "loc", "1.0.0", ok("app", "1.0.0"));
        r.put("org.a", "loc", "1.0.0", ok("app", "1.0.0"));
        PluginInfo a = r.plugins().stream().filter(p -> p.source().equals("org.a")).findFirst().orElseThrow();
        PluginInfo z = r.plugins().stream().filter(p -> p.source().equals("org.z")).findFirst().orElseThrow();
        assertEquals(PluginInfo.State.ACTIVE, a.state());
        assertEquals(PluginInfo.State.SHADOWED, z.state());
    }

    @Test
    void versionsCompareNumericallyNotAsText() {
        PluginRegistry r = new PluginRegistry();
        r.put("org.a", "loc", "1.9.0", ok("app", "1.9.0"));
        r.put("org.b", "loc", "1.10.0", ok("app", "1.10.0"));
        assertEquals(PluginInfo.State.ACTIVE,
                r.plugins().stream().filter(p -> p.source().equals("org.b")).findFirst().orElseThrow().state());
        assertTrue(r.platform("APP").isPresent(), "ids are looked up case-insensitively");
    }

    @Test
    void policyForAnUninstalledPlatformIsFlaggedWithDidYouMean() {
        PluginRegistry r = new PluginRegistry();
        r.put("p", "loc", "1.0.0", ok("tiktok", "1.0.0"));
        var city = new org.vindplaats.model.Organisation("stad", "Stad", org.vindplaats.model.Organisation.Type.CITY, null,
                null, null, java.util.Map.of("tikok", new org.vindplaats.model.Organisation.PlatformPolicy(
                        org.vindplaats.model.PolicyStatus.BANNED, null)), null, null, null, 12, null, null, null);
        r.put("o", "loc", "1.0.0", new LoadResult("o", Optional.of(new PluginDescriptor(PluginDescriptor.Kind.ORGANISATION,
                "stad", "1.0.0", "Stad", null, null, city)), List.of()));
        PluginInfo info = r.plugins().stream().filter(p -> p.source().equals("o")).findFirst().orElseThrow();
        assertEquals(1, info.problems().size(), info.problems().toString());
        assertTrue(info.problems().get(0).message().contains("\"tikok\", which is not installed"), info.problems().toString());
        assertTrue(info.problems().get(0).message().contains("did you mean \"tiktok\"?"), info.problems().toString());
        assertTrue(info.problems().get(0).fix().contains("platform's plugin"), info.problems().get(0).fix());
    }

    @Test
    void platformsAreSortedByName() {
        PluginRegistry r = new PluginRegistry();
        r.put("s1", "loc", "1.0.0", ok("zeta", "1.0.0"));
        r.put("s2", "loc", "1.0.0", ok("alpha", "1.0.0"));
        assertEquals(List.of("alpha", "zeta"), r.platforms().stream().map(Platform::id).toList());
    }

    /** A batch (the extender reading every plugin at start) is one change: listeners hear of it once, at the end. */
    @Test
    void aBatchIsOneChangeForListenersAndTheSnapshot() {
        PluginRegistry r = new PluginRegistry();
        java.util.concurrent.atomic.AtomicInteger heard = new java.util.concurrent.atomic.AtomicInteger();
        r.addListener(heard::incrementAndGet);
        r.batch(() -> {
            r.put("s1", "loc", "1.0.0", ok("alpha", "1.0.0"));
            r.put("s2", "loc", "1.0.0", ok("beta", "1.0.0"));
            r.put("s3", "loc", "1.0.0", ok("gamma", "1.0.0"));
            r.remove("s3");
            assertEquals(0, heard.get(), "nothing is announced inside the batch");
        });
        assertEquals(1, heard.get());
        assertEquals(List.of("alpha", "beta"), r.platforms().stream().map(Platform::id).toList());
        r.batch(() -> {
        });
        assertEquals(1, heard.get(), "an empty batch changes nothing");
        r.put("s4", "loc", "1.0.0", ok("delta", "1.0.0"));
        assertEquals(2, heard.get(), "outside a batch every change is announced");
    }
}
