package org.vindplaats.ui.notes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.osgi.util.NLS;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.contributions.PluginContributions;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.notes.NoteStore;
import org.vindplaats.suggest.LabelSuggester;
import org.vindplaats.suggest.RankedLabel;
import org.vindplaats.ui.Messages;

/**
 * Label suggestions from the suggest engine: Vindplaats' base word list, the organisation plugins'
 * word lists and labelled examples, the platforms of the catalog, and what workers confirmed in
 * this workspace's notes (the same sources as the CLI's {@code notes suggest}). The suggester learns again when
 * the note files changed (one listing tells), always off the UI thread (the editor asks in a job).
 */
public final class SuggestEngine implements LabelSuggestions {

    private final NotesWorkspace notes;
    private final Catalog catalog;
    private LabelSuggester suggester;
    private int trainedOn;

    public SuggestEngine(NotesWorkspace notes, Catalog catalog) {
        this.notes = notes;
        this.catalog = catalog;
    }

    private int stamps(NoteStore store) {
        try {
            return store.stamps().hashCode();
        } catch (IOException e) {
            return 0;
        }
    }

    private synchronized LabelSuggester suggester() {
        NoteStore store = notes.store().orElse(null);
        int now = store == null ? 0 : stamps(store);
        if (suggester == null || now != trainedOn) {
            List<TrendNote> training = List.of();
            if (store != null) {
                try (Stream<TrendNote> s = store.notes(p -> {
                })) {
                    training = s.toList();
                }
            }
            Map<String, List<String>> platforms = PluginContributions.platformAliases(catalog);
            if (suggester != null) {
                suggester.close();
            }
            // Organisation plugins' word lists and labelled examples, read as "vindplaats notes suggest" does.
            PluginContributions.Training plugins = PluginContributions.training(catalog, System.err::println);
            suggester = LabelSuggester.builder().lexicon(plugins.lexicon()).examples(plugins.examples())
                    .training(training).platforms(platforms).build(new NullProgressMonitor());
            trainedOn = now;
        }
        return suggester;
    }

    @Override
    public List<Suggestion> suggest(TrendNote draft) {
        org.vindplaats.suggest.Suggestion r = suggester().suggest(draft);
        List<Suggestion> out = new ArrayList<>();
        for (LabelFamily f : LabelFamily.values()) {
            for (String label : r.chosen(f)) {
                RankedLabel c = r.candidate(f, label).orElse(null);
                out.add(new Suggestion(f, label, c == null ? 0 : c.confidence(), explain(c)));
            }
        }
        return out;
    }

    private static String explain(RankedLabel c) {
        List<String> why = new ArrayList<>();
        if (c != null && !c.words().isEmpty()) {
            why.add(NLS.bind(Messages.Suggest_words, String.join(", ", c.words())));
        }
        if (c != null && !c.similar().isEmpty()) {
            why.add(NLS.bind(Messages.Suggest_similar,
                    String.join(", ", c.similar().stream().limit(3).map(n -> "\u201c" + n.title() + "\u201d").toList())));
        }
        return why.isEmpty() ? Messages.Suggest_noReason : String.join("; ", why);
    }
}
