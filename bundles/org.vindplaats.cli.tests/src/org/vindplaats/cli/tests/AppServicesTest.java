package org.vindplaats.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.vindplaats.app.CatalogQueries;
import org.vindplaats.app.NotesService;
import org.vindplaats.app.WorkspaceSession;
import org.vindplaats.app.OrientationBriefs;
import org.vindplaats.app.PlatformComparison;
import org.vindplaats.app.PluginUpdateService;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.catalog.Settings;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.Platform;
import org.vindplaats.notes.WorkspaceException;
import org.vindplaats.notes.imports.ImportOptions;
import org.vindplaats.testing.Services;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The application layer offers its services through Declarative Services, as the products start
 * it (lazily: registered at start, its classes loaded on first use).
 */
class AppServicesTest {

    @Test
    void pluginUpdateServiceIsADeclarativeServicesComponent() throws Exception {
        BundleContext ctx = FrameworkUtil.getBundle(AppServicesTest.class).getBundleContext();
        Bundle app = Arrays.stream(ctx.getBundles()).filter(b -> b.getSymbolicName().equals("org.vindplaats.app"))
                .findFirst().orElseThrow();
        assertNotNull(app.getHeaders("").get("Service-Component"), "the build generated the component description");
        if (app.getState() != Bundle.ACTIVE && app.getState() != Bundle.STARTING) {
            app.start(Bundle.START_ACTIVATION_POLICY); // as the products' configuration does
        }
        PluginUpdateService service = Services.await(PluginUpdateService.class);
        assertNotNull(service.updates().repositories(), "with the catalog and installer injected");
        assertTrue(service.lastOffer().isEmpty(), "no check ran");
    }

    @Test
    void catalogQueriesAnswerOnTheRunningCatalogAndCompareAsTheCommandDoes() throws Exception {
        CatalogQueries queries = Services.await(CatalogQueries.class);
        assertEquals(1, Services.count(CatalogQueries.class), "one for the whole application");
        assertSame(Services.await(Catalog.class), queries.catalog(), "the catalog service injected");
        assertEquals(Optional.of("snapchat"), queries.platformGuess("snapcht"), "a typo");
        assertEquals(Optional.of("instagram"), queries.platformGuess("Insta "), "a nickname");
        assertEquals(Optional.empty(), queries.platformGuess("zzzzzzzz"));

        Platform tiktok = queries.platform("tiktok").orElseThrow();
        Platform signal = queries.platform("signal").orElseThrow();
        PlatformComparison c = queries.compare(List.of(tiktok, signal));
        assertTrue(c.complete());
        List<String> differing = c.notableDifferences().stream().map(Affordance::id).toList();
        assertFalse(differing.isEmpty(), "TikTok and Signal differ a lot");
        for (Affordance a : Affordance.values()) {
            int t = tiktok.profile().level(a).orElseThrow();
            int s = signal.profile().level(a).orElseThrow();
            assertEquals(Math.abs(t - s), c.spread(a), a.id());
            assertEquals(Math.abs(t - s) >= PlatformComparison.NOTABLE_DIFFERENCE, differing.contains(a.id()), a.id());
        }
        // The command line marks exactly these.
        JsonNode json = CliHarness.run("compare", "tiktok", "signal", "--format", "json").json();
        List<String> marked = new ArrayList<>();
        json.get("notableDifferences").forEach(n -> marked.add(n.asText()));
        assertEquals(differing, marked);

        assertFalse(queries.compare(List.of(tiktok)).complete(), "one platform is not a comparison");
        assertTrue(queries.compare(List.of(tiktok)).notableDifferences().isEmpty());
        List<Platform> five = queries.catalog().platforms().subList(0, 5);
        assertThrows(IllegalArgumentException.class, () -> queries.compare(five));
    }

    @Test
    void theBriefServiceNamesThePluginThatSuppliedTheFacts() throws Exception {
        OrientationBriefs briefs = Services.await(OrientationBriefs.class);
        CatalogQueries queries = Services.await(CatalogQueries.class);
        Platform discord = queries.platform("discord").orElseThrow();
        String html = briefs.html(OrientationBriefs.Request.of(discord, null, Locale.ENGLISH), problem -> fail(problem));
        assertTrue(html.contains("Facts from plugin org.vindplaats.platform.discord"), "provenance from the catalog");
        assertTrue(html.contains("No organisation chosen"), "says no policy applies");
        assertFalse(html.contains("Latest trend notes of the team"));
    }

    /**
     * The workspaces service opens a folder with the running catalog, and imports there take the
     * catalog's platforms and the retention of the organisation chosen in the shared settings.
     */
    @Test
    void theNotesServiceOpensWorkspacesWithTheCatalogAndTheActiveOrganisation(@TempDir Path dir) throws Exception {
        NotesService notes = Services.await(NotesService.class);
        assertEquals(1, Services.count(NotesService.class), "one for the whole application");
        assertEquals(dir.resolve("ws"), notes.locate("ws", dir).directory(), "a folder typed relative to where the worker is");
        assertThrows(WorkspaceException.class, () -> notes.open(dir.resolve("missing"), false, p -> { }),
                "a list or search does not create a workspace");
        String before = Settings.activeOrganisation().orElse(null);
        try (WorkspaceSession session = notes.open(dir.resolve("ws"), true, problem -> fail(problem))) {
            assertSame(Services.await(Catalog.class), session.catalog());
            Settings.setActiveOrganisation("stad-voorbeeld");
            ImportOptions city = notes.importOptions(session);
            assertTrue(city.knownPlatforms().contains("tiktok"), "the catalog's platforms");
            assertEquals(Services.await(Catalog.class).organisation("stad-voorbeeld").orElseThrow().retentionMonths(),
                    city.retentionMonths(), "the active organisation's retention");
            Settings.setActiveOrganisation(null);
            assertEquals(null, notes.importOptions(session).retentionMonths(), "no organisation chosen: notes do not expire");
        } finally {
            Settings.setActiveOrganisation(before);
        }
    }
}
