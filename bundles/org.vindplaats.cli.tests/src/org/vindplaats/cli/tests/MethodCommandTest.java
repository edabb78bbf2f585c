package org.vindplaats.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.vindplaats.app.PluginContributions;
import org.eclipse.osgi.util.NLS;
import org.vindplaats.cli.ExitCodes;
import org.vindplaats.cli.Messages;
import org.vindplaats.model.MethodGuide;
import org.vindplaats.model.MethodStep;
import org.vindplaats.model.Principle;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 'vindplaats method': the handbook's method reaches the worker from the shipped knowledge-centre
 * plugin, every part with its source and pages, in Dutch and English.
 */
class MethodCommandTest {

    /** Several workbench parts ask for the guide: it is read once per state of the catalog. */
    @Test
    void theGuideIsReadOncePerCatalogState() throws Exception {
        MethodGuide first = PluginContributions.guide(CliHarness.catalog(), p -> { });
        org.junit.jupiter.api.Assertions.assertSame(first, PluginContributions.guide(CliHarness.catalog(), p -> { }));
        MethodGuide none = PluginContributions.guide(new org.vindplaats.catalog.PluginRegistry(), p -> { });
        org.junit.jupiter.api.Assertions.assertNotSame(first, none, "another catalog, another guide");
        MethodGuide again = PluginContributions.guide(CliHarness.catalog(), p -> { });
        org.junit.jupiter.api.Assertions.assertNotSame(none, again);
        assertEquals(first, again, "read again, the same content");

        // The thesaurus likewise (Trend notes' phenomenon names, the index's configuration, search).
        var thesaurus = PluginContributions.thesaurus(CliHarness.catalog(), p -> { });
        org.junit.jupiter.api.Assertions.assertSame(thesaurus, PluginContributions.thesaurus(CliHarness.catalog(), p -> { }));
        org.junit.jupiter.api.Assertions.assertNotSame(thesaurus,
                PluginContributions.thesaurus(new org.vindplaats.catalog.PluginRegistry(), p -> { }));
    }

    @Test
    void theShippedGuideDescribesEveryStepAndPrincipleInBothLanguagesWithSources() throws Exception {
        List<String> problems = new ArrayList<>();
        MethodGuide guide = PluginContributions.guide(CliHarness.catalog(), problems::add);
        assertTrue(problems.isEmpty(), problems.toString());
        assertEquals(MethodGuide.TOPIC_IDS, guide.topics().stream().map(MethodGuide.Topic::id).toList());
        for (MethodStep s : MethodStep.values()) {
            MethodGuide.Entry e = guide.step(s).orElseThrow(() -> new AssertionError(s + " missing"));
            assertFalse(e.points().isEmpty(), s + " says how");
            assertEquals(s.number() <= 4, e.continuous(), "the handbook: steps 1 to 4 never stop (" + s + ")");
        }
        for (Principle p : Principle.values()) {
            MethodGuide.Entry e = guide.principle(p).orElseThrow(() -> new AssertionError(p + " missing"));
            assertFalse(e.steps().isEmpty(), p + " is linked to the steps where it applies");
        }
        for (MethodGuide.Topic t : guide.topics()) {
            for (MethodGuide.Entry e : t.entries()) {
                assertTrue(e.source() != null && guide.sources().containsKey(e.source().ref()), t.id() + "/" + e.id());
                assertFalse(e.heading().isMissingALanguage() || e.body().isMissingALanguage(), t.id() + "/" + e.id());
                e.points().forEach(p -> assertFalse(p.isMissingALanguage(), t.id() + "/" + e.id() + ": " + p));
            }
        }
    }

    @Test
    void stepsInDutchSayWhichNeverStopWhereTheyComeFromAndWhenToSkipToStep7() throws Exception {
        var r = CliHarness.run(Locale.of("nl"), "method", "stappen");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        for (MethodStep s : MethodStep.values()) {
            assertTrue(r.out().contains(s.number() + ". " + s.label().nl()), s + " in:\n" + r.out());
        }
        // (The command's own words follow the JVM's language in this test framework; the texts are the guide's Dutch.)
        assertEquals(4, r.out().lines().filter(l -> l.endsWith("[" + Messages.Method_continuous + "]")).count(), r.out());
        assertTrue(r.out().contains(NLS.bind(Messages.Method_source, "Echt zijn in de online leefwereld")), r.out());
        assertTrue(r.out().contains("ga dan meteen naar stap 7"), r.out());
        // A step lists the principles the handbook uses with it.
        String become = r.out().substring(r.out().indexOf("2. Bekendheid"), r.out().indexOf("3. Signaleren"));
        assertTrue(become.contains(Messages.Method_principles + ": Werken met de omgeving, Belonen, Peer support"), become);
    }

    @Test
    void signallingInEnglishNamesTheWeighingPoints() throws Exception {
        var r = CliHarness.run(Locale.ENGLISH, "method", "signalling");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        for (String s : List.of("Picking up signals", "Urgency:", "The relationship:", "Colleagues and partners:",
                "What you miss online:", "No reaction can be a signal too", "p. 29-32")) {
            assertTrue(r.out().contains(s), s + " in:\n" + r.out());
        }
    }

    @Test
    void principlesAsJsonLinkEveryPrincipleToSteps() throws Exception {
        var r = CliHarness.run("method", "principles", "--format", "json");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        JsonNode entries = r.json().get("topics").get(0).get("entries");
        assertEquals(Principle.values().length, entries.size());
        for (JsonNode e : entries) {
            assertTrue(e.get("steps").size() > 0, e.toString());
            assertTrue(e.get("source").get("cite").asText().contains("p. "), e.toString());
        }
    }

    @Test
    void anOverviewWithoutTopicAndAHelpfulErrorForATypo() throws Exception {
        var all = CliHarness.run(Locale.of("nl"), "method");
        assertEquals(ExitCodes.OK, all.exitCode(), all.err());
        assertTrue(all.out().contains("vindplaats method chat") && all.out().contains(Messages.Method_sources), all.out());
        assertTrue(all.out().indexOf("Echt zijn") < all.out().indexOf("SAM"), "sources in the guide's order");
        var typo = CliHarness.run(Locale.of("nl"), "method", "principels");
        assertEquals(ExitCodes.USAGE, typo.exitCode());
        assertTrue(typo.err().contains("(principes?)") || typo.err().contains("(principles?)"), typo.err());
    }
}
