package org.vindplaats.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vindplaats.cli.tests.CliHarness.plugin;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.catalog.PluginRegistry;
import org.vindplaats.model.Need;
import org.vindplaats.model.Polarity;
import org.vindplaats.notes.NoteBuilder;
import org.vindplaats.notes.NoteStore;
import org.vindplaats.notes.Workspace;
import org.vindplaats.app.NoteQuery;
import org.vindplaats.app.SearchResults;
import org.vindplaats.app.NoteSearch;

/**
 * The forgiving syntax of the search both front ends use (the application layer's, over the index): fields in
 * English or Dutch, labels, prefixes, hints, dates, sort, facets.
 */
class NoteSearchTest {

    @TempDir
    Path dir;

    private NoteSearch search;

    @BeforeEach
    void notes() throws Exception {
        PluginRegistry catalog = new PluginRegistry();
        catalog.put("t", "loc", "1", plugin("tiktok"));
        catalog.put("s", "loc", "1", plugin("snapchat"));
        Workspace ws = Workspace.open(dir, Workspace.Settings.DEFAULT.withScrubber(null));
        NoteStore store = ws.notes();
        store.save(NoteBuilder.create("a").title("Foto's verdwijnen").body("Op Snapchat verdwijnen foto's maar screenshots blijven.")
                .platforms(List.of("snapchat")).needs(Set.of(Need.RELATIONSHIPS, Need.PRIVACY_SAFETY)).polarity(Polarity.RISK)
                .observed(LocalDate.of(2026, 10, 2)).build(), NoteStore.NEW);
        store.save(NoteBuilder.create("b").title("Dansje").body("Een nieuwe dans op TikTok, veel cr\u00e9ativiteit en foto's van de repetitie.")
                .platforms(List.of("tiktok")).needs(Set.of(Need.TALENT)).polarity(Polarity.OPPORTUNITY)
                .observed(LocalDate.of(2026, 11, 20)).build(), NoteStore.NEW);
        store.save(NoteBuilder.create("c").title("Groepschat").body("Ruzie in een groepschat op Snapchat.")
                .platforms(List.of("snapchat")).needs(Set.of(Need.RELATIONSHIPS)).polarity(Polarity.RISK)
                .observed(LocalDate.of(2026, 11, 3)).build(), NoteStore.NEW);
        search = new NoteSearch(ws, catalog, problem -> {
        });
    }

    private List<String> ids(String text) throws Exception {
        return ids(NoteQuery.of(text));
    }

    private List<String> ids(NoteQuery q) throws Exception {
        return search.search(q, new NullProgressMonitor()).hits().stream().map(h -> h.note().id()).toList();
    }

    @Test
    void wordsAccentsFieldsAndLabels() throws Exception {
        assertEquals(List.of("a", "b"), ids("foto"), "part of a word; the title counts more");
        assertEquals(List.of("b"), ids("CREATIVITEIT"), "case and accents do not matter");
        assertEquals(List.of("a", "c"), ids("platform:snapchat").stream().sorted().toList());
        assertEquals(List.of("a", "c"), ids("platform:Snap").stream().sorted().toList(), "a nickname");
        assertEquals(List.of("a", "c"), ids("behoefte:relaties").stream().sorted().toList(), "Dutch field and label");
        assertEquals(List.of("a"), ids("need:relationships foto"));
        assertEquals(List.of("c"), ids("platform:snapchat -foto"));
        assertEquals(List.of("a"), ids("\"screenshots blijven\""));
        assertEquals(List.of("a"), ids("\"screenshots blijven"), "an unclosed quote is forgiven");
        assertEquals(List.of("b"), ids("polariteit:kans"));
        assertEquals(List.of("b"), ids("month:2026-11 dans"));
    }

    @Test
    void unknownFieldsAndValuesAreExplainedInAHint() throws Exception {
        // The command line's rules (one query language): an unknown value drops its filter and
        // names the known values; an unknown field is searched as words.
        SearchResults r = search.search(NoteQuery.of("platform:myspace"), new NullProgressMonitor());
        assertEquals(3, r.total(), "the filter was ignored");
        assertEquals(1, r.hints().size(), r.hints().toString());
        assertTrue(r.hints().get(0).contains("\"myspace\"") && r.hints().get(0).contains("snapchat") && r.hints().get(0).contains("tiktok"),
                r.hints().toString());
        r = search.search(NoteQuery.of("kleur:rood ruzie"), new NullProgressMonitor());
        assertEquals(List.of("c"), r.hits().stream().map(h -> h.note().id()).toList());
        assertTrue(r.hints().stream().anyMatch(h -> h.startsWith("\"kleur\" is not a field")), r.hints().toString());
    }

    @Test
    void datesSortFiltersAndFacets() throws Exception {
        assertEquals(List.of("b", "c", "a"), ids(NoteQuery.of("").withSort(NoteQuery.Sort.NEWEST)));
        assertEquals(List.of("b", "c", "a"), ids(NoteQuery.of("")), "without words the list is newest first");
        assertEquals(List.of("a", "c", "b"), ids(NoteQuery.of("").withSort(NoteQuery.Sort.OLDEST)));
        assertEquals(List.of("c", "b"), ids(NoteQuery.of("").withSort(NoteQuery.Sort.OLDEST)
                .withDates(LocalDate.of(2026, 11, 1), null)));
        assertEquals(List.of("c"), ids(NoteQuery.of("").withDates(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 10))));
        SearchResults r = search.search(NoteQuery.of("").withFilter(NoteQuery.PLATFORM, "snapchat"), new NullProgressMonitor());
        assertEquals(2, r.total());
        assertEquals(Map.of("snapchat", 2, "tiktok", 1), r.facets().get(NoteQuery.PLATFORM),
                "a field's own filter does not narrow its counts, so other choices stay visible");
        assertEquals(Map.of("relationships", 2, "privacy_safety", 1), r.facets().get(NoteQuery.NEED));
        assertEquals(Map.of("2026-10", 1, "2026-11", 1), r.facets().get(NoteQuery.MONTH));
        assertTrue(search.search(NoteQuery.of("").withLimit(1), new NullProgressMonitor()).hits().size() == 1);
    }

    @AfterEach
    void close() {
        search.close();
    }
}
