package org.vindplaats.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.catalog.PluginInfo;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.notes.NoteBuilder;
import org.vindplaats.notes.NoteStore;
import org.vindplaats.notes.Workspace;
import org.vindplaats.model.Organisation;
import org.vindplaats.model.Platform;
import org.vindplaats.suggest.PhenomenonSuggester;
import org.vindplaats.testing.Services;

/**
 * The suggestions service: one for the whole application (the Note editor, the inbox, the needs
 * map and the command line's resident server share its trained models), trained again when the
 * plugins change.
 */
class NoteSuggestionsServiceTest {

    /** A catalog without plugins that changes as the real one does: a new plugin list, then the listeners. */
    private static final class ChangingCatalog implements Catalog {
        final List<Runnable> listeners = new CopyOnWriteArrayList<>();
        volatile List<PluginInfo> plugins = new java.util.ArrayList<>();

        void change() {
            plugins = new java.util.ArrayList<>();
            listeners.forEach(Runnable::run);
        }

        @Override
        public List<Platform> platforms() {
            return List.of();
        }

        @Override
        public Optional<Platform> platform(String id) {
            return Optional.empty();
        }

        @Override
        public List<Organisation> organisations() {
            return List.of();
        }

        @Override
        public Optional<Organisation> organisation(String id) {
            return Optional.empty();
        }

        @Override
        public List<PluginInfo> plugins() {
            return plugins;
        }

        @Override
        public void addListener(Runnable listener) {
            listeners.add(listener);
        }

        @Override
        public void removeListener(Runnable listener) {
            listeners.remove(listener);
        }
    }

    @Test
    void theServiceIsOneForTheApplicationAndKnowsThePluginsThesauri() {
        NoteSuggestions service = Services.await(NoteSuggestions.class); // registered by Declarative Services
        assertEquals(1, Services.count(NoteSuggestions.class), "one for the whole application");
        PhenomenonSuggester phenomena = service.phenomena();
        assertFalse(phenomena.thesaurus().isEmpty(), "trained on the installed knowledge centre's thesaurus");
        assertSame(phenomena, service.phenomena(), "trained once while nothing changes");
    }

    /**
     * The phenomenon model learns from the notes workers confirmed: saving any other note (every
     * save in the Note editor) must not train it again, which takes seconds; a confirmed note does.
     */
    @Test
    void onlyConfirmedNotesTrainThePhenomenaAgain(@TempDir java.nio.file.Path dir) throws Exception {
        List<String> problems = new CopyOnWriteArrayList<>();
        try (NoteSuggestions suggestions = new NoteSuggestions(Services.await(Catalog.class), problems::add)) {
            NoteStore store = Workspace.open(dir, Workspace.Settings.DEFAULT.withScrubber(null)).notes();
            store.save(NoteBuilder.create("a").title("Snel geld").body("Iemand vraagt op snap of hij zijn bankpas mag lenen.")
                    .build(), NoteStore.NEW);
            PhenomenonSuggester first = suggestions.phenomena(store);
            assertSame(suggestions.phenomena(), first, "nothing confirmed: the plugins' model");
            store.save(NoteBuilder.create("b").title("Dansje").body("Een nieuwe dans op het plein.").build(), NoteStore.NEW);
            assertSame(first, suggestions.phenomena(store), "a note nobody confirmed changes nothing");

            store.save(NoteBuilder.create("c").title("Pasje uitlenen").body("Voor 200 euro je rekening laten gebruiken.")
                    .phenomena(List.of("money_mules")).confirm(LabelFamily.PHENOMENA).build(), NoteStore.NEW);
            PhenomenonSuggester second = suggestions.phenomena(store);
            assertNotSame(first, second, "a confirmed note is one more example");
            store.save(NoteBuilder.create("d").title("Skins").body("Skins kopen met zakgeld.").build(), NoteStore.NEW);
            assertSame(second, suggestions.phenomena(store), "again: a note nobody confirmed changes nothing");

            var c = store.get("c").orElseThrow();
            store.update(c, NoteBuilder.from(c.note()).body("Voor 300 euro je rekening en pas laten gebruiken.").build());
            assertNotSame(second, suggestions.phenomena(store), "a confirmed note's new text is learned");
        }
        assertTrue(problems.isEmpty(), problems.toString());
    }

    /**
     * The label suggester learns from the labels workers confirmed: saving a note without them
     * (every save in the Note editor) must not train it again, which takes seconds; a note with a
     * confirmed label, or a change to one, does.
     */
    @Test
    void onlyNotesWithConfirmedLabelsTrainTheLabelsAgain(@TempDir java.nio.file.Path dir) throws Exception {
        List<String> problems = new CopyOnWriteArrayList<>();
        try (NoteSuggestions suggestions = new NoteSuggestions(Services.await(Catalog.class), problems::add)) {
            NoteStore store = Workspace.open(dir, Workspace.Settings.DEFAULT.withScrubber(null)).notes();
            store.save(NoteBuilder.create("a").title("Snel geld").body("Iemand vraagt op snap of hij zijn bankpas mag lenen.")
                    .build(), NoteStore.NEW);
            var first = suggestions.labels(store, null);
            store.save(NoteBuilder.create("b").title("Dansje").body("Een nieuwe dans op het plein.")
                    .needs(java.util.Set.of(org.vindplaats.model.Need.IDENTITY)).build(), NoteStore.NEW);
            assertSame(first, suggestions.labels(store, null), "a need nobody confirmed teaches nothing");

            store.save(NoteBuilder.create("c").title("Pasje uitlenen").body("Voor 200 euro je rekening laten gebruiken.")
                    .needs(java.util.Set.of(org.vindplaats.model.Need.PRIVACY_SAFETY)).confirm(LabelFamily.NEEDS).build(),
                    NoteStore.NEW);
            var second = suggestions.labels(store, null);
            assertNotSame(first, second, "a confirmed need is one more example");
            assertEquals(first.trainingSize() + 1, second.trainingSize());
            // A job that took the first one before (the inbox, say) can still finish with it.
            var draft = NoteBuilder.create("x").title("Geld voor je pasje").body("Iemand biedt 100 euro voor je bankpas.").build();
            assertFalse(first.suggest(draft).chosen(LabelFamily.NEEDS).isEmpty());
            store.save(NoteBuilder.create("d").title("Skins").body("Skins kopen met zakgeld.").build(), NoteStore.NEW);
            assertSame(second, suggestions.labels(store, null), "again: a note without confirmed labels changes nothing");

            var c = store.get("c").orElseThrow();
            store.update(c, NoteBuilder.from(c.note()).body("Voor 300 euro je rekening en pas laten gebruiken.").build());
            var third = suggestions.labels(store, null);
            assertNotSame(second, third, "a confirmed note's new text is learned");
            var a = store.get("a").orElseThrow();
            store.update(a, NoteBuilder.from(a.note()).platforms(List.of("snapchat")).confirm(LabelFamily.PLATFORMS).build());
            assertSame(third, suggestions.labels(store, null), "platforms are not learned from notes");
            var taught = store.get("c").orElseThrow();
            store.update(taught, NoteBuilder.from(taught.note()).platforms(List.of("snapchat")).confirm(LabelFamily.PLATFORMS).build());
            assertSame(third, suggestions.labels(store, null), "nor on a note that teaches needs: no training again");
            // Only changed files are read again: a deleted confirmed note is forgotten, a broken file teaches nothing.
            store.delete("c");
            java.nio.file.Files.writeString(dir.resolve("notes/broken.md"), "---\nnot: [a note\n");
            var fourth = suggestions.labels(store, null);
            assertEquals(first.trainingSize(), fourth.trainingSize(), "the deleted note no longer teaches");
        }
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void aChangeOfThePluginsTrainsTheModelsAgainAndClosingStopsListening() {
        ChangingCatalog catalog = new ChangingCatalog();
        List<String> problems = new CopyOnWriteArrayList<>();
        NoteSuggestions suggestions = new NoteSuggestions(catalog, problems::add);
        assertEquals(1, catalog.listeners.size(), "follows the catalog");
        var first = suggestions.labels(null, null);
        assertSame(first, suggestions.labels(null, null), "trained once while nothing changes");
        catalog.change(); // a plugin was installed
        var second = suggestions.labels(null, null);
        assertNotSame(first, second, "trained again on the plugins as they are now");
        assertSame(second, suggestions.labels(null, null));
        suggestions.close();
        assertTrue(catalog.listeners.isEmpty(), "a closed service no longer follows the catalog");
        assertTrue(problems.isEmpty(), problems.toString());
    }
}
