package org.vindplaats.app;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.vindplaats.app.internal.Messages;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.notes.NoteStore;
import org.vindplaats.suggest.LabelSuggester;
import org.vindplaats.suggest.PhenomenonSuggester;
import org.vindplaats.suggest.RankedLabel;
import org.vindplaats.suggest.Suggestion;

/**
 * Label and phenomenon suggestions as the command line ({@code notes suggest}) and the workbench
 * (the Note editor) both make them, from the same sources: Vindplaats' base word list, the
 * organisation plugins' word lists, labelled examples and thesauri (whose phenomena are evidence
 * for needs too), the catalog's platforms and
 * what workers confirmed in the workspace's notes.
 */
@Component(service = NoteSuggestions.class)
public final class NoteSuggestions implements AutoCloseable {

    private final Catalog catalog;
    private final Consumer<String> problems;
    /**
     * Counts the catalog's changes (plugins installed, updated, removed): a model trained on older
     * plugins is trained again at its next use. Not under the lock: the catalog's thread must not
     * wait for a training.
     */
    private final AtomicInteger plugins = new AtomicInteger();
    private final Runnable pluginsChanged = plugins::incrementAndGet;
    /** The workspace's notes that teach, read again only where files changed. */
    private final TeachingNotes teachingNotes = new TeachingNotes();
    private LabelSuggester labels;
    private int labelsPlugins;
    /** What {@link #labels} learned from the workspace: {@link LabelSuggester#learnedFrom} of its notes, in id order. */
    private List<String> labelsLearned = List.of();
    private PhenomenonSuggester workspacePhenomena;
    private int workspacePhenomenaPlugins;
    /** What {@link #workspacePhenomena} learned from: the confirmed notes, see {@link #confirmedKey}. */
    private List<String> phenomenaConfirmed = List.of();

    /**
     * The service: one per application, so the Note editor, the inbox and the needs map (and the
     * command line's resident server) share the trained models; plugin problems go to the log.
     */
    @Activate
    public NoteSuggestions(@Reference Catalog catalog) {
        this(catalog, problem -> ILog.of(NoteSuggestions.class).warn(problem));
    }

    /** @param problems told about plugin files that could not be read (with where and what to do) */
    public NoteSuggestions(Catalog catalog, Consumer<String> problems) {
        this.catalog = catalog;
        this.problems = problems;
        catalog.addListener(pluginsChanged);
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
     * The label suggester for a workspace's notes, trained again when what it learns from them
     * changed: the notes with confirmed labels (their text and labels), not every save, since
     * training takes seconds. Long work: not on a UI thread.
     */
    public LabelSuggester labels(NoteStore store, IProgressMonitor monitor) {
        return labels(teaching(store), monitor);
    }

    private TeachingNotes.Snapshot teaching(NoteStore store) {
        return store == null ? TeachingNotes.Snapshot.NONE : teachingNotes.of(store);
    }

    private synchronized LabelSuggester labels(TeachingNotes.Snapshot notes, IProgressMonitor monitor) {
        int pluginsNow = plugins.get();
        List<TrendNote> training = new ArrayList<>();
        List<String> learned = new ArrayList<>();
        for (TrendNote n : notes.notes()) {
            String key = LabelSuggester.learnedFrom(n); // once per note: it copies the note's text
            if (key != null) {
                training.add(n);
                learned.add(key);
            }
        }
        if (labels == null || pluginsNow != labelsPlugins || !learned.equals(labelsLearned)) {
            // The one it replaces is not closed: another job (the inbox, the needs map) may still
            // be suggesting with it. It holds memory only, which is freed when nobody uses it.
            labels = train(catalog, problems, training, monitor);
            labelsLearned = learned;
            labelsPlugins = pluginsNow;
        }
        return labels;
    }

    /**
     * One suggested label of a note, with why.
     *
     * @param family which kind of label
     * @param value the label's id (a platform id, need id, affordance id, polarity or urgency id)
     * @param confidence 0..1
     * @param words the words of the note that point to it
     * @param similar the labelled notes most like this one that carry it
     * @param resembles for a phenomenon: the example note (or confirmed note) of it most like this one
     */
    public record Label(LabelFamily family, String value, double confidence, List<String> words,
            List<RankedLabel.Neighbour> similar, String resembles) {

        public Label {
            words = List.copyOf(words);
            similar = List.copyOf(similar);
            resembles = resembles == null ? "" : resembles;
        }

        public Label(LabelFamily family, String value, double confidence, List<String> words,
                List<RankedLabel.Neighbour> similar) {
            this(family, value, confidence, words, similar, "");
        }

        /** Why, in the user's language: the words that point to it and (up to three) notes like it. */
        public String explanation() {
            if (!resembles.isBlank()) {
                String example = resembles.strip().replaceAll("\\s+", " ");
                return NLS.bind(Messages.Suggest_resembles, example.length() <= 90 ? example : example.substring(0, 89) + "\u2026");
            }
            List<String> why = new ArrayList<>();
            if (!words.isEmpty()) {
                why.add(NLS.bind(Messages.Suggest_words, String.join(", ", words)));
            }
            if (!similar.isEmpty()) {
                why.add(NLS.bind(Messages.Suggest_similar,
                        String.join(", ", similar.stream().limit(3).map(n -> "\u201c" + n.title() + "\u201d").toList())));
            }
            return why.isEmpty() ? Messages.Suggest_noReason : String.join("; ", why);
        }
    }

    /** The labels a suggestion chose, family by family in the order of {@code families}, each with its reasons. */
    public static List<Label> chosen(Suggestion suggestion, Collection<LabelFamily> families) {
        List<Label> out = new ArrayList<>();
        for (LabelFamily f : families) {
            for (String label : suggestion.chosen(f)) {
                RankedLabel c = suggestion.candidate(f, label).orElse(null);
                out.add(c == null ? new Label(f, label, 0, List.of(), List.of())
                        : new Label(f, label, c.confidence(), c.words(), c.similar()));
            }
        }
        return out;
    }

    /**
     * The labels suggested for a note being written, every family, by the suggester of the
     * workspace's notes ({@link #labels}: trained again when the note files changed), and its
     * phenomena ({@link #phenomena(NoteStore)}). Long work: not on a UI thread.
     *
     * @param store the workspace's notes (null: trained on the plugins only)
     */
    public List<Label> suggest(NoteStore store, TrendNote draft, IProgressMonitor monitor) {
        TeachingNotes.Snapshot notes = teaching(store); // one listing for both models
        List<Label> out = new ArrayList<>(chosen(labels(notes, monitor).suggest(draft), List.of(LabelFamily.values())));
        // Phenomena from their own model (the thesauri and what workers confirmed), those not given yet.
        for (PhenomenonSuggester.Ranked r : (store == null ? phenomena() : phenomena(notes)).suggest(draft)) {
            if (!draft.phenomena().contains(r.id())) {
                out.add(new Label(LabelFamily.PHENOMENA, r.id(), r.confidence(), List.of(), List.of(), r.because()));
            }
        }
        return out;
    }

    /**
     * A phenomenon suggester trained on the organisation plugins' thesauri (their labels and
     * examples), once per state of the catalog.
     */
    public static PhenomenonSuggester trainPhenomena(Catalog catalog, Consumer<String> problems) {
        return PluginContributions.phenomenonSuggester(catalog, problems);
    }

    /** The phenomena of the organisation plugins' thesauri (trained once per state of the plugins). */
    public PhenomenonSuggester phenomena() {
        return trainPhenomena(catalog, problems);
    }

    /**
     * A phenomenon suggester trained on the plugins' thesauri and on the notes whose phenomena a
     * worker confirmed in {@code notes} (the workspace's). Without such notes, the plugins' one.
     */
    public static PhenomenonSuggester trainPhenomena(Catalog catalog, Consumer<String> problems, Collection<TrendNote> notes) {
        List<TrendNote> confirmed = notes.stream().filter(n -> n.isConfirmed(LabelFamily.PHENOMENA)).toList();
        return confirmed.isEmpty() ? trainPhenomena(catalog, problems)
                : PhenomenonSuggester.train(PluginContributions.thesaurus(catalog, problems), confirmed);
    }

    /**
     * The phenomena suggested for the workspace's notes: trained on the plugins' thesauri and on
     * the notes whose phenomena a worker confirmed, again when the note files changed since the
     * last call (one listing tells). Long work: not on a UI thread.
     *
     * @param store the workspace's notes (null: the plugins' thesauri only)
     */
    public PhenomenonSuggester phenomena(NoteStore store) {
        return store == null ? phenomena() : phenomena(teaching(store));
    }

    /**
     * {@link #phenomena(NoteStore)} on the workspace's teaching notes: only the notes a worker
     * confirmed phenomena of train the model, again only when they changed (its training takes
     * seconds).
     */
    private synchronized PhenomenonSuggester phenomena(TeachingNotes.Snapshot notes) {
        int pluginsNow = plugins.get();
        List<TrendNote> confirmed = notes.notes().stream().filter(n -> n.isConfirmed(LabelFamily.PHENOMENA)).toList();
        List<String> key = confirmedKey(confirmed);
        if (workspacePhenomena == null || pluginsNow != workspacePhenomenaPlugins || !key.equals(phenomenaConfirmed)) {
            workspacePhenomena = trainPhenomena(catalog, problems, confirmed);
            phenomenaConfirmed = key;
            workspacePhenomenaPlugins = pluginsNow;
        }
        return workspacePhenomena;
    }

    /** What of the confirmed notes the phenomenon model learns from: id, phenomena and text, in id order. */
    private static List<String> confirmedKey(List<TrendNote> confirmed) {
        return confirmed.stream()
                .map(n -> n.id() + '\u0000' + String.join(",", new java.util.TreeSet<>(n.phenomena())) + '\u0000'
                        + n.title().length() + ':' + n.title().hashCode() + ':' + n.body().length() + ':' + n.body().hashCode())
                .sorted().toList();
    }

    @Override
    @Deactivate
    public synchronized void close() {
        catalog.removeListener(pluginsChanged);
        if (labels != null) {
            labels.close();
            labels = null;
        }
    }
}
