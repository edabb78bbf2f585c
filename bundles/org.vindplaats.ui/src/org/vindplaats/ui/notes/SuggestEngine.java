package org.vindplaats.ui.notes;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.osgi.util.NLS;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.suggest.LabelSuggester;
import org.vindplaats.suggest.RankedLabel;
import org.vindplaats.ui.Messages;

/**
 * The Note editor's label suggestions, from the application layer's
 * {@link org.vindplaats.app.NoteSuggestions}: the same sources as the command line's
 * {@code notes suggest} (base word list, the organisation plugins' word lists and labelled
 * examples, the catalog's platforms, what workers confirmed in this workspace). The suggester
 * learns again when the note files changed, always off the UI thread (the editor asks in a job).
 * The workbench holds one for all parts (WorkspaceAddon puts it in the application context), so
 * the Note editor, the inbox and the needs map share one trained suggester.
 */
public final class SuggestEngine implements LabelSuggestions, AutoCloseable {

    private final NotesWorkspace notes;
    private final org.vindplaats.app.NoteSuggestions sources;

    public SuggestEngine(NotesWorkspace notes, Catalog catalog) {
        this.notes = notes;
        this.sources = new org.vindplaats.app.NoteSuggestions(catalog,
                problem -> ILog.of(SuggestEngine.class).warn(problem));
    }

    private LabelSuggester suggester() {
        return sources.labels(notes.store().orElse(null), new NullProgressMonitor());
    }

    /** The trained suggester (learns again when the note files changed); call off the UI thread. */
    public LabelSuggester labels(org.eclipse.core.runtime.IProgressMonitor monitor) {
        return sources.labels(notes.store().orElse(null), monitor);
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

    /** Frees the trained suggester (the workbench closes it when it ends). */
    @Override
    public void close() {
        sources.close();
    }
}
