package org.vindplaats.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.vindplaats.model.Need;
import org.vindplaats.model.Platform;
import org.vindplaats.model.Polarity;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.Urgency;
import org.vindplaats.app.BriefWriter;

/** The orientation brief carries the team's latest notes about the platform, never personal data. */
class BriefNotesTest {

    private static TrendNote note(String id, String platform, LocalDate observed, String title, String body,
            boolean piiKept) {
        return new TrendNote(id, title, body, List.of(platform), observed, "nl", TrendNote.TEAM_OBSERVATION, "team",
                Polarity.RISK, Urgency.CONCERN, Set.of(Need.HEALTH), Set.of(), Instant.EPOCH, Instant.EPOCH, null,
                Set.of(), piiKept);
    }

    @Test
    void latestNotesAreAboutThePlatformNewestFirstAndLimited() {
        List<TrendNote> all = List.of(
                note("a", "tiktok", LocalDate.of(2025, 1, 5), "oud", "x", false),
                note("b", "tiktok", LocalDate.of(2025, 6, 1), "nieuw", "x", false),
                note("c", "discord", LocalDate.of(2025, 7, 1), "ander platform", "x", false),
                note("d", "tiktok", null, "zonder datum", "x", false),
                note("e", "tiktok", LocalDate.of(2025, 3, 1), "midden", "x", false));
        List<TrendNote> latest = BriefWriter.latestNotes(all.stream(), "tiktok", 3);
        assertEquals(List.of("b", "e", "a"), latest.stream().map(TrendNote::id).toList());
        assertEquals(List.of("b", "e", "a", "d"),
                BriefWriter.latestNotes(all.stream(), "tiktok", 10).stream().map(TrendNote::id).toList());
        assertTrue(BriefWriter.latestNotes(Stream.empty(), "tiktok", 3).isEmpty());
    }

    @Test
    void notesAppearEscapedAndWithoutPersonalDataEvenWhenTheNoteKeptIt() {
        Platform p = TestData.platform("tiktok", "TikTok", TestData.levels(3, 3, 3, 4, 4, 4, 3), Map.of(), "samenvatting");
        TrendNote kept = note("k", "tiktok", LocalDate.of(2025, 6, 1), "Challenge <script>alert(1)</script>",
                "Een jongere belde ons op 0470 12 34 56 en mailde jan.peeters@example.org over de challenge.", true);
        String html = new BriefWriter(Locale.ENGLISH).html(p, null, LocalDate.of(2026, 12, 2), List.of(kept));
        assertTrue(html.contains("Latest trend notes of the team"), html);
        assertTrue(html.contains("Challenge &lt;script&gt;alert(1)&lt;/script&gt;"), "title escaped");
        assertFalse(html.contains("<script>"));
        assertFalse(html.contains("0470 12 34 56"), "phone number must not reach the brief");
        assertFalse(html.contains("jan.peeters@example.org"), "e-mail must not reach the brief");
        assertTrue(html.contains("[telefoon]") && html.contains("[e-mail]"), "placeholders instead");
        assertTrue(html.contains("2025-06-01"));
    }

    @Test
    void theBriefNamesThePluginAndPublisherOfItsFacts() {
        Platform p = TestData.platform("tiktok", "TikTok", TestData.levels(3, 3, 3, 4, 4, 4, 3), Map.of(), "s");
        var from = new org.vindplaats.catalog.PluginProvenance("org.vindplaats.platform.tiktok", "9.0.0",
                new org.vindplaats.catalog.PluginInstaller.PublisherId("Kenniscentrum <Ander>", "AB:CD"));
        String html = new BriefWriter(Locale.ENGLISH).suppliedBy(from).html(p, null, LocalDate.of(2026, 12, 2));
        assertTrue(html.contains("Facts from plugin org.vindplaats.platform.tiktok 9.0.0, published by Kenniscentrum "
                + "&lt;Ander&gt; (AB:CD)."), html);
    }

    @Test
    void withoutTheWorkersTickTheBriefHasNoNotesAtAll() {
        // Before issue 13 every exported brief carried the latest notes; now only when the worker ticks it.
        Platform p = TestData.platform("tiktok", "TikTok", TestData.levels(3, 3, 3, 4, 4, 4, 3), Map.of(), "samenvatting");
        String html = new BriefWriter(Locale.ENGLISH).html(p, null, LocalDate.of(2026, 12, 2));
        assertFalse(html.contains("Latest trend notes of the team"), html);
        assertFalse(html.contains("no trend notes about this platform yet"), html);
        String ticked = new BriefWriter(Locale.ENGLISH).html(p, null, LocalDate.of(2026, 12, 2),
                List.of(note("n", "tiktok", LocalDate.of(2025, 6, 1), "Trend", "Lotte belde op 0470 12 34 56.", false)));
        assertTrue(ticked.contains("Latest trend notes of the team"), ticked);
        assertFalse(ticked.contains("Lotte") || ticked.contains("0470 12 34 56"), "scrubbed: " + ticked);
        assertTrue(ticked.contains("[naam] belde op [telefoon]."), ticked);
    }

    @Test
    void aBriefWithoutNotesSaysSoAndLongNotesAreCut() {
        Platform p = TestData.platform("discord", "Discord", TestData.levels(2, 4, 3, 3, 2, 3, 3), Map.of(), "s");
        String empty = new BriefWriter(Locale.ENGLISH).html(p, null, LocalDate.of(2026, 12, 2), List.of());
        assertTrue(empty.contains("no trend notes about this platform yet"));
        String longBody = "woord ".repeat(500).trim();
        String html = new BriefWriter(Locale.ENGLISH).html(p, null, LocalDate.of(2026, 12, 2),
                List.of(note("l", "discord", LocalDate.of(2025, 1, 1), "lang", longBody, false)));
        assertFalse(html.contains(longBody));
        assertTrue(html.contains("woord woord \u2026"));
    }
}
