package org.vindplaats.app;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.model.TrendNote;
import org.vindplaats.notes.NoteStore;
import org.vindplaats.suggest.LabelSuggester;
import org.vindplaats.suggest.PhenomenonSuggester;

/**
 * Label and phenomenon suggestions as the command line ({@code notes suggest}) and the workbench
 * (the Note editor) both make them, from the same sources: Vindplaats' base word list, the
 * organisation plugins' word lists, labelled examples and thesauri (whose phenomena are evidence
 * for needs too), the catalog's platforms and
 * what workers confirmed in the workspace's notes.
 */
public final class NoteSuggestions implements AutoCloseable {

    private final Catalog catalog;
    private final Consumer<String> problems;
    private LabelSuggester labels;
    private int trainedOn;
    private PhenomenonSuggester phenomena;

    /** @param problems told about plugin files that could not be read (with where and what to do) */
    public NoteSuggestions(Catalog catalog, Consumer<String> problems) {
        this.catalog = catalog;
        this.problems = problems;
    }

    /**
     * A label suggester trained on the plugins and on {@code training} (the workspace's notes: they
     * count in the families a worker confirmed; a note being suggested is left out of its own
     * training by id). The caller closes it.
     */
    public static LabelSuggester train(Catalog catalog, Consumer<String> problems, List<TrendNote> training,
            IProgressMonitor monitor) {
        PluginContributions.Training plugins = PluginContributions.training(catalog, problems);
        return LabelSuggester.builder().lexicon(plugins.lexicon()).examples(plugins.examples()).training(training)
                .platforms(PluginContributions.platformAliases(catalog)).phenomena(trainPhenomena(catalog, problems))
                .build(monitor);
    }

    /**
     * The label suggester for a workspace's notes, trained again when the note files changed since
     * the last call (one listing tells). Long work: not on a UI thread.
     */
    public synchronized LabelSuggester labels(NoteStore store, IProgressMonitor monitor) {
        int now = store == null ? 0 : NoteFiles.stamp(store);
        if (labels == null || now != trainedOn) {
            List<TrendNote> training = List.of();
            if (store != null) {
                try (Stream<TrendNote> s = store.notes(p -> {
                })) {
                    training = s.toList();
                }
            }
            if (labels != null) {
                labels.close();
            }
            labels = train(catalog, problems, training, monitor);
            trainedOn = now;
        }
        return labels;
    }

    /**
     * A phenomenon suggester trained on the organisation plugins' thesauri (their labels and
     * examples), once per state of the catalog.
     */
    public static PhenomenonSuggester trainPhenomena(Catalog catalog, Consumer<String> problems) {
        return PluginContributions.phenomenonSuggester(catalog, problems);
    }

    /** The phenomena of the organisation plugins' thesauri, trained once. */
    public synchronized PhenomenonSuggester phenomena() {
        if (phenomena == null) {
            phenomena = trainPhenomena(catalog, problems);
        }
        return phenomena;
    }

    @Override
    public synchronized void close() {
        if (labels != null) {
            labels.close();
            labels = null;
        }
    }
}
