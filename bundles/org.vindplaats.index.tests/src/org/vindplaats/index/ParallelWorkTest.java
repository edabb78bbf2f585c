package org.vindplaats.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.model.Need;
import org.vindplaats.model.Polarity;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.Urgency;

/**
 * The rebuild hands batches of notes to one worker per core, and a search runs over slices of
 * segments in parallel: neither may lose, double or miscount a note. The expected figures are
 * counted by hand from the generated notes, not by the index.
 */
class ParallelWorkTest {

    @TempDir
    Path tmp;

    private static final String[] PLATFORMS = { "tiktok", "snapchat", "discord", "twitch", "roblox" };

    /** Note i: platform i % 5, need health when i % 3 == 0, risk when i is even; a unique word per note. */
    private static TrendNote note(int i) {
        return TestNotes.note("p" + i, i % 4 == 0 ? "en" : "nl", "Observatie " + i,
                "Jongeren op het platform delen uniekwoord" + i + " en praten over streaks.",
                List.of(PLATFORMS[i % 5]), "2025-0" + (1 + i % 9) + "-15", i % 2 == 0 ? Polarity.RISK : Polarity.OPPORTUNITY,
                Urgency.INFO, i % 3 == 0 ? Set.of(Need.HEALTH) : Set.of(Need.TALENT), Set.of());
    }

    @Test
    void aRebuildInBatchesIndexesEveryNoteExactlyOnce() throws IOException {
        List<TrendNote> notes = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            notes.add(note(i));
        }
        try (NoteIndex ix = NoteIndex.open(tmp.resolve("ix"), TestNotes.source(notes), IndexConfig.defaults(),
                new RecordingMonitor())) {
            RecordingMonitor progress = new RecordingMonitor();
            ix.rebuild(progress);
            assertEquals(3000, ix.count());
            assertEquals(progress.total, progress.worked, "progress reaches the end");
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < 3000; i += 37) {
                SearchResult r = ix.search(SearchRequest.of("\"uniekwoord" + i + "\""));
                assertEquals(1, r.total(), "note " + i + " indexed exactly once");
                seen.add(r.hits().get(0).id());
            }
            assertEquals(82, seen.size());
            assertEquals(3000, ix.search(SearchRequest.of("streaks").limit(1)).total());
        }
    }

    @Test
    void facetsAndTotalsOverManySegmentsMatchAHandCount() throws IOException {
        // One note at a time: every change is its own commit, so the index ends up with many
        // segments and a search is split over more than one slice.
        List<TrendNote> notes = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            notes.add(note(i));
        }
        try (NoteIndex ix = NoteIndex.open(tmp.resolve("ix"), TestNotes.source(List.of()), IndexConfig.defaults(),
                new RecordingMonitor())) {
            for (TrendNote n : notes) {
                ix.index(n);
            }
            Map<String, Long> platforms = new HashMap<>();
            long health = 0;
            long riskyHealth = 0;
            for (int i = 0; i < 60; i++) {
                platforms.merge(PLATFORMS[i % 5], 1L, Long::sum);
                if (i % 3 == 0) {
                    health++;
                    if (i % 2 == 0) {
                        riskyHealth++;
                    }
                }
            }
            SearchResult all = ix.search(SearchRequest.of("streaks").facets(true).limit(5));
            assertEquals(60, all.total());
            assertEquals(5, all.hits().size());
            assertEquals(platforms, all.facets().get("platform"));
            assertEquals(health, all.facets().get("need").get("health"));

            SearchResult risky = ix.search(SearchRequest.of("need:health polarity:risk").facets(true).limit(100));
            assertEquals(riskyHealth, risky.total());
            assertEquals(riskyHealth, risky.hits().size());
            assertEquals(Map.of("risk", riskyHealth), risky.facets().get("polarity"));
            assertTrue(risky.hits().stream().allMatch(h -> Integer.parseInt(h.id().substring(1)) % 6 == 0),
                    "only notes with both labels");
        }
    }
}
