package org.vindplaats.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.junit.jupiter.api.Test;
import org.vindplaats.cli.ExitCodes;
import org.vindplaats.cli.Messages;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.Need;
import org.vindplaats.model.Organisation;
import org.vindplaats.model.Urgency;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Help when it is needed: the organisation's help lines in a platform's report-and-block
 * section, the best ones first for an urgent note; no "0+" minimum age; which orientation
 * questions the handbook asks.
 */
class HelpLinesTest {

    @Test
    void platformShowListsTheOrganisationsHelpLinesAfterReportAndBlock() throws Exception {
        var r = CliHarness.run(Locale.of("nl"), "platform", "show", "snapchat", "--org", "stad-voorbeeld");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        int report = r.out().indexOf(Messages.Show_reportAndBlock);
        int help = r.out().indexOf(NLS.bind(Messages.Show_helpLines, "Stad Voorbeeld"));
        assertTrue(report > 0 && help > report, r.out());
        assertTrue(r.out().contains("Child Focus \u2014 116 000"), r.out());
        assertTrue(r.out().contains("Zelfmoordlijn \u2014 1813"), r.out());
    }

    @Test
    void theJsonCarriesTheHelpLinesWithTheirSources() throws Exception {
        var r = CliHarness.run("platform", "show", "discord", "--org", "stad-voorbeeld", "--format", "json");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        JsonNode lines = r.json().get("helpLines");
        assertTrue(lines.size() >= 5, lines.toString());
        for (JsonNode h : lines) {
            assertFalse(h.get("contact").asText().isBlank(), h.toString());
            assertTrue(h.get("source").get("checked").asText().matches("\\d{4}-\\d{2}-\\d{2}"), h.toString());
        }
    }

    @Test
    void anUrgentNoteAboutSextortionGetsChildFocusBeforeTheGeneralLines() throws Exception {
        Organisation org = CliHarness.catalog().organisation("stad-voorbeeld").orElseThrow();
        List<Organisation.HelpLine> immediate = org.helpLinesFor(Urgency.IMMEDIATE, List.of("sextortion"), Set.of());
        assertEquals("Politie", immediate.get(0).name(), "lines for the phenomenon first, in plugin order");
        assertTrue(immediate.stream().map(Organisation.HelpLine::name).toList().indexOf("Child Focus")
                < immediate.stream().map(Organisation.HelpLine::name).toList().indexOf("Noodnummer 112"));
        assertTrue(immediate.stream().noneMatch(h -> h.name().equals("Unia")), "Unia is not for immediate danger");
        List<Organisation.HelpLine> health = org.helpLinesFor(Urgency.CONCERN, List.of(), Set.of(Need.HEALTH));
        assertTrue(health.stream().anyMatch(h -> h.name().equals("Zelfmoordlijn")), health.toString());
    }

    @Test
    void aPlatformWithoutMinimumAgeSaysSoInsteadOfZeroPlus() throws Exception {
        var r = CliHarness.run("platform", "show", "roblox");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertFalse(r.out().contains("0+"), r.out());
        assertTrue(r.out().contains(Messages.Show_noMinimumAge), r.out());
        var list = CliHarness.run("platforms");
        assertTrue(list.out().lines().filter(l -> l.startsWith("roblox ")).allMatch(l -> !l.contains("0+")
                && l.contains(Messages.Platforms_noMinimumAge)), list.out());
    }

    @Test
    void theHandbooksOwnOrientationQuestionsAreMarked() throws Exception {
        var r = CliHarness.run("platform", "show", "tiktok");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        long handbook = r.out().lines().filter(l -> l.endsWith("[" + Messages.Show_fromHandbook + "]")).count();
        long ours = r.out().lines().filter(l -> l.endsWith("[" + Messages.Show_fromVindplaats + "]")).count();
        assertEquals(19, handbook, "the handbook asks 19 of them (step 1, p. 16-18)");
        int all = 0;
        for (Affordance a : Affordance.values()) {
            all += a.opportunityQuestions().size() + a.riskQuestions().size();
        }
        assertEquals(all - 19, ours);
    }
}
