package org.vindplaats.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.vindplaats.catalog.PluginInfo;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.Feature;
import org.vindplaats.model.MethodStep;
import org.vindplaats.model.Need;
import org.vindplaats.model.Platform;

/** Every platform plugin we ship loads without a single error or warning, and is complete. */
class ShippedPluginsTest {

    @Test
    void shippedOrganisationPluginsAreClean() throws Exception {
        var orgs = CliHarness.catalog().plugins().stream()
                .filter(p -> p.source().startsWith("org.vindplaats.organisation.")).toList();
        assertEquals(3, orgs.size(), orgs.toString());
        for (PluginInfo info : orgs) {
            assertEquals(PluginInfo.State.ACTIVE, info.state(), info.source());
            assertTrue(info.problems().isEmpty(), info.source() + ": " + info.problems());
        }
    }

    @Test
    void everyShippedPluginIsCleanAndComplete() throws Exception {
        var plugins = CliHarness.catalog().plugins().stream()
                .filter(p -> p.source().startsWith("org.vindplaats.platform.")).toList();
        assertFalse(plugins.isEmpty());
        for (PluginInfo info : plugins) {
            assertEquals(PluginInfo.State.ACTIVE, info.state(), info.source());
            assertTrue(info.problems().isEmpty(), info.source() + ":\n"
                    + info.problems().stream().map(Object::toString).collect(Collectors.joining("\n")));
            Platform p = CliHarness.catalog().platform(info.id()).orElseThrow();
            assertEquals(Affordance.values().length, p.profile().scores().size(), p.id());
            assertEquals(Feature.values().length, p.features().size(), p.id());
            assertEquals(Need.values().length, p.needs().size(), p.id());
            assertEquals(MethodStep.values().length, p.stepGuidance().size(), p.id());
            assertFalse(p.orientationQuestions().isEmpty(), p.id());
            assertTrue(p.minimumAge() != null, p.id());
            assertEquals("org.vindplaats.platform." + p.id(), info.source(), "bundle name follows the id");
            p.profile().scores().values().forEach(s -> assertFalse(s.sources().isEmpty(), p.id() + " " + s.affordance()));
        }
    }
}
