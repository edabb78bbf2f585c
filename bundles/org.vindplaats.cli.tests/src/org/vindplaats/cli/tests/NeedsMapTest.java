package org.vindplaats.cli.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.cli.ExitCodes;
import org.vindplaats.app.NeedsMap;
import org.vindplaats.model.LocalizedText;
import org.vindplaats.model.Need;
import org.vindplaats.model.Phenomenon;
import org.vindplaats.model.Thesaurus;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.notes.NoteBuilder;
import org.vindplaats.suggest.Suggestion;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The application layer's needs map counts phenomena x needs by the rule of the platform rows,
 * broader phenomena including their narrower ones, and tells which phenomena rose over the last
 * weeks before a fixed day; 'vindplaats phenomena trend' prints that trend for a workspace.
 */
class NeedsMapTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    private static Phenomenon phenomenon(String id, String nl, String en, String... broader) {
        return new Phenomenon(id, LocalizedText.of(nl, en), List.of(), List.of(), List.of(), LocalizedText.EMPTY,
                List.of(broader), List.of(), Set.of(), Set.of(), List.of(), List.of(), "test");
    }

    private static final Thesaurus THESAURUS = Thesaurus.of(List.of(
            phenomenon("online_sexual_abuse", "Online seksueel misbruik", "Online sexual abuse"),
            phenomenon("grooming", "Grooming", "Grooming", "online_sexual_abuse"),
            phenomenon("sextortion", "Sextortion", "Sextortion", "online_sexual_abuse"),
            phenomenon("cyberpesten", "Cyberpesten", "Cyberbullying")));

    private static NeedsMap.Entry note(String id, String platform, LocalDate observed, Set<Need> needs, String... phenomena) {
        TrendNote n = NoteBuilder.create(id).title(id).platforms(List.of(platform)).observed(observed).needs(needs)
                .confirm(LabelFamily.NEEDS).build();
        return new NeedsMap.Entry(n, List.of(phenomena));
    }

    /** Weeks of the trend before 30 November 2026: week 0 is 6-12 October, week 7 is 24-30 November. */
    private static List<NeedsMap.Entry> notes() {
        return List.of(
                note("n1", "snapchat", LocalDate.of(2026, 11, 28), Set.of(Need.RELATIONSHIPS, Need.PRIVACY_SAFETY), "grooming"),
                note("n2", "snapchat", LocalDate.of(2026, 11, 20), Set.of(Need.PRIVACY_SAFETY), "grooming"),
                note("n3", "instagram", LocalDate.of(2026, 11, 5), Set.of(Need.RELATIONSHIPS), "grooming"),
                note("n4", "snapchat", LocalDate.of(2026, 10, 10), Set.of(Need.PRIVACY_SAFETY), "sextortion"),
                note("n5", "tiktok", LocalDate.of(2026, 10, 20), Set.of(Need.IDENTITY), "cyberpesten"),
                note("n6", "tiktok", LocalDate.of(2026, 11, 25), Set.of(Need.IDENTITY), "cyberpesten"),
                note("n7", "tiktok", LocalDate.of(2026, 11, 26), Set.of(Need.TALENT)), // no phenomenon
                note("n8", "instagram", LocalDate.of(2026, 9, 1), Set.of(Need.RELATIONSHIPS), "grooming"), // before the weeks
                note("n9", "snapchat", LocalDate.of(2026, 12, 2), Set.of(Need.HEALTH), "grooming"), // after today
                note("n10", "snapchat", LocalDate.of(2026, 11, 27), Set.of(), "cyberpesten")); // no need
    }

    private static NeedsMap.Row row(NeedsMap.Counts counts, String id) {
        return counts.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id));
    }

    @Test
    void phenomenaByNeedsCountEveryNoteOnceInEachOfItsCellsBroaderIncludingNarrower() {
        NeedsMap map = new NeedsMap(THESAURUS);
        NeedsMap.Counts c = map.count(notes(), NeedsMap.Rows.PHENOMENA, id -> THESAURUS.get(id).orElseThrow().label().en());

        assertEquals(List.of("online_sexual_abuse", "grooming", "cyberpesten", "sextortion"),
                c.rows().stream().map(NeedsMap.Row::id).toList(), "busiest first");
        assertArrayEquals(new int[] { 0, 3, 1, 0, 2, 0 }, row(c, "grooming").counts()); // n1 n3 n8 / n9 / n1 n2
        assertArrayEquals(new int[] { 0, 0, 0, 0, 1, 0 }, row(c, "sextortion").counts());
        assertArrayEquals(new int[] { 0, 3, 1, 0, 3, 0 }, row(c, "online_sexual_abuse").counts(), "grooming and sextortion notes");
        assertArrayEquals(new int[] { 2, 0, 0, 0, 0, 0 }, row(c, "cyberpesten").counts(), "n10 has no need");
        assertEquals(8, c.counted(), "notes with a phenomenon and a need: not n7 (no phenomenon) nor n10 (no need)");
        assertEquals(0, c.suggestedNotes());
        assertArrayEquals(new int[6], row(c, "grooming").suggested());
    }

    @Test
    void platformRowsFollowTheSameRule() {
        NeedsMap.Counts c = new NeedsMap(THESAURUS).count(notes(), NeedsMap.Rows.PLATFORMS, id -> id);
        assertEquals(List.of("snapchat", "tiktok", "instagram"), c.rows().stream().map(NeedsMap.Row::id).toList());
        assertArrayEquals(new int[] { 0, 1, 1, 0, 3, 0 }, row(c, "snapchat").counts());
        assertArrayEquals(new int[] { 2, 0, 0, 0, 0, 1 }, row(c, "tiktok").counts());
        assertEquals(9, c.counted(), "every note with a platform and a need, n10 not");
    }

    @Test
    void suggestedNeedsOfUnconfirmedNotesCountApart() {
        TrendNote unconfirmed = NoteBuilder.create("s1").title("s1").platforms(List.of("snapchat"))
                .observed(LocalDate.of(2026, 11, 29)).needs(Set.of(Need.HEALTH)).build();
        Suggestion sg = new Suggestion("s1", Map.of(), Map.of(LabelFamily.NEEDS, List.of("identity")));
        List<NeedsMap.Entry> entries = List.of(new NeedsMap.Entry(unconfirmed, List.of("sextortion"), sg),
                note("n4", "snapchat", LocalDate.of(2026, 10, 10), Set.of(Need.PRIVACY_SAFETY), "sextortion"));
        NeedsMap.Counts c = new NeedsMap(THESAURUS).count(entries, NeedsMap.Rows.PHENOMENA, id -> id);
        assertArrayEquals(new int[] { 0, 0, 0, 0, 1, 0 }, row(c, "sextortion").counts(), "its own HEALTH is not counted");
        assertArrayEquals(new int[] { 1, 0, 0, 0, 0, 0 }, row(c, "sextortion").suggested());
        assertArrayEquals(new int[] { 1, 0, 0, 0, 0, 0 }, row(c, "online_sexual_abuse").suggested());
        assertEquals(1, c.counted());
        assertEquals(1, c.suggestedNotes());
    }

    @Test
    void trendCountsNotesPerWeekBeforeTodayAndMarksRisingOnes() {
        NeedsMap map = new NeedsMap(THESAURUS);
        assertEquals(LocalDate.of(2026, 10, 6), NeedsMap.firstDay(TODAY, 8));
        List<NeedsMap.Trend> trends = map.trends(notes(), null, TODAY, 8);

        assertEquals(List.of("online_sexual_abuse", "grooming", "cyberpesten", "sextortion"),
                trends.stream().map(NeedsMap.Trend::phenomenon).toList(), "rising first, then most recent notes");
        NeedsMap.Trend grooming = trends.get(1);
        assertArrayEquals(new int[] { 0, 0, 0, 0, 1, 0, 1, 1 }, grooming.weeks(), "n8 before, n9 after the weeks");
        assertTrue(grooming.rising(), "0 -> 3");
        assertEquals(3, grooming.recent());
        assertEquals(0, grooming.before());
        NeedsMap.Trend abuse = trends.get(0);
        assertArrayEquals(new int[] { 1, 0, 0, 0, 1, 0, 1, 1 }, abuse.weeks());
        assertTrue(abuse.rising(), "1 -> 3");
        NeedsMap.Trend bullying = trends.get(2);
        assertArrayEquals(new int[] { 0, 0, 1, 0, 0, 0, 0, 2 }, bullying.weeks(), "n10 counts: the trend needs no need");
        assertFalse(bullying.rising(), "1 -> 2 is too few to rise");
        assertFalse(trends.get(3).rising());
        assertEquals("\u2581\u2581\u2581\u2581\u2588\u2581\u2588\u2588", grooming.sparkline());
    }

    @Test
    void trendPerPlatformCountsOnlyThatPlatformsNotes() {
        List<NeedsMap.Trend> snapchat = new NeedsMap(THESAURUS).trends(notes(), "Snapchat", TODAY, 8);
        NeedsMap.Trend grooming = snapchat.stream().filter(t -> t.phenomenon().equals("grooming")).findFirst().orElseThrow();
        assertArrayEquals(new int[] { 0, 0, 0, 0, 0, 0, 1, 1 }, grooming.weeks(), "not n3 on Instagram");
        assertFalse(grooming.rising(), "2 recent notes are below the minimum");
        assertTrue(snapchat.stream().noneMatch(NeedsMap.Trend::rising));
        assertTrue(new NeedsMap(THESAURUS).trends(notes(), "youtube", TODAY, 8).isEmpty());
    }

    @Test
    void risingNeedsAMinimumAndOneAndAHalfTimesTheWeeksBefore() {
        assertFalse(NeedsMap.rising(new int[] { 0, 0, 0, 1, 0, 0, 0, 2 }), "1 -> 2");
        assertTrue(NeedsMap.rising(new int[] { 0, 0, 0, 0, 1, 1, 1, 0 }), "0 -> 3");
        assertTrue(NeedsMap.rising(new int[] { 1, 1, 0, 0, 1, 1, 1, 1 }), "2 -> 4");
        assertFalse(NeedsMap.rising(new int[] { 1, 1, 0, 0, 1, 1, 1, 0 }), "2 -> 3");
        assertFalse(NeedsMap.rising(new int[] { 2, 2, 2, 2, 2, 2, 2, 2 }), "steady");
        assertTrue(NeedsMap.rising(new int[] { 9, 0, 0, 0, 1, 1, 1 }), "odd weeks: the oldest is left out");
    }

    @Test
    void theCommandLinePrintsTheTrendOfAWorkspace(@TempDir Path tmp) throws Exception {
        LocalDate today = LocalDate.now();
        StringBuilder jsonl = new StringBuilder();
        for (int ago : new int[] { 1, 3, 10 }) {
            jsonl.append("{\"id\": \"g").append(ago).append("\", \"title\": \"Volwassene zoekt contact met een meisje\", ")
                    .append("\"body\": \"Een onbekende volwassene stuurt complimenten en vraagt om foto's. Typisch grooming.\", ")
                    .append("\"platforms\": [\"snapchat\"], \"observed\": \"").append(today.minusDays(ago))
                    .append("\", \"lang\": \"nl\", \"source\": \"team observation\"}\n");
        }
        Path file = tmp.resolve("notes.jsonl");
        Files.writeString(file, jsonl, StandardCharsets.UTF_8);
        String ws = tmp.resolve("ws").toString();
        var imported = CliHarness.run("notes", "import", "--workspace", ws, "--format", "json", file.toString());
        assertEquals(3, imported.json().get("imported").asInt(), imported.out() + imported.err());

        var r = CliHarness.run("phenomena", "trend", "--workspace", ws, "--format", "json");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        JsonNode json = r.json();
        assertEquals(NeedsMap.firstDay(today, 8).toString(), json.get("from").asText());
        JsonNode grooming = null;
        for (JsonNode p : json.get("phenomena")) {
            if (p.get("id").asText().equals("grooming")) {
                grooming = p;
            }
        }
        assertTrue(grooming != null, json.toString());
        assertEquals("[0,0,0,0,0,0,1,2]", grooming.get("perWeek").toString());
        assertTrue(grooming.get("rising").asBoolean(), "0 -> 3");

        var text = CliHarness.run("phenomena", "trend", "--workspace", ws, "--platform", "snapchat");
        assertEquals(ExitCodes.OK, text.exitCode(), text.err());
        assertTrue(text.out().lines().anyMatch(l -> l.startsWith("grooming ") && l.contains("0 0 0 0 0 0 1 2")
                && l.endsWith("rises")), text.out());
        var elsewhere = CliHarness.run("phenomena", "trend", "--workspace", ws, "--platform", "discord", "--format", "json");
        assertEquals(0, elsewhere.json().get("phenomena").size(), elsewhere.out());
        var bad = CliHarness.run("phenomena", "trend", "--workspace", ws, "--weeks", "1");
        assertEquals(ExitCodes.USAGE, bad.exitCode(), bad.out() + bad.err());
    }
}
