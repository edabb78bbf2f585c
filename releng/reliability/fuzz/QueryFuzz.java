import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.vindplaats.index.IndexConfig;
import org.vindplaats.index.NoteIndex;
import org.vindplaats.index.NoteSource;
import org.vindplaats.index.SearchRequest;
import org.vindplaats.index.SearchResult;
import org.vindplaats.model.TrendNote;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

/**
 * The forgiving query parser on any text: a search never throws, hits never exceed the total, and
 * highlight ranges lie inside their snippet, in order.
 */
public final class QueryFuzz {

    private static final NoteIndex INDEX = open();

    private static NoteIndex open() {
        List<TrendNote> notes = new ArrayList<>();
        String[] platforms = { "tiktok", "snapchat", "instagram", "discord", "whatsapp" };
        String[] words = { "pesten", "groepsapp", "nudes", "streaks", "gamen", "sextortion", "challenge", "bullying",
                "group chat", "left on read", "privé", "café", "fyp", "catfish", "vape" };
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 60; i++) {
            String body = words[i % words.length] + " en " + words[(i * 7) % words.length] + " bij jongeren, nummer " + i;
            notes.add(new TrendNote("q-" + i, "Notitie " + i + " over " + words[(i * 3) % words.length], body,
                    List.of(platforms[i % platforms.length]), LocalDate.of(2025, 1 + i % 12, 1 + i % 28),
                    i % 3 == 0 ? "en" : "nl", TrendNote.TEAM_OBSERVATION, "team", null, null, Set.of(), Set.of(), t, t,
                    null, Set.of(), false));
        }
        try {
            Path dir = Files.createTempDirectory("vindplaats-fuzz-index");
            return NoteIndex.open(dir.resolve("index"), NoteSource.of(notes::stream, notes.size()),
                    IndexConfig.defaults(), new NullProgressMonitor());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void fuzzerTestOneInput(FuzzedDataProvider data) throws IOException {
        boolean facets = data.consumeBoolean();
        SearchRequest.Sort sort = data.pickValue(SearchRequest.Sort.values());
        String query = data.consumeRemainingAsString();
        SearchResult r = INDEX.search(SearchRequest.of(query).facets(facets).sort(sort));
        if (r.hits().size() > r.total()) {
            throw new IllegalStateException(r.hits().size() + " hits but a total of " + r.total());
        }
        for (SearchResult.Hit h : r.hits()) {
            int end = 0;
            for (SearchResult.Range range : h.highlights()) {
                if (range.start() < end || range.end() > h.snippet().length() || range.start() > range.end()) {
                    throw new IllegalStateException("highlight " + range + " outside or out of order in " + h.snippet());
                }
                end = range.end();
            }
        }
    }
}
