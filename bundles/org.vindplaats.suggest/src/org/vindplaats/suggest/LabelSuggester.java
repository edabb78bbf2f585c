package org.vindplaats.suggest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.osgi.util.NLS;
import org.vindplaats.analysis.TextChain;
import org.vindplaats.analysis.TextChain.Token;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.suggest.internal.LexiconMatcher;
import org.vindplaats.suggest.internal.LexiconMatcher.Hit;
import org.vindplaats.suggest.internal.Messages;

/**
 * Suggests needs, affordances, platforms, polarity and urgency for trend notes from two kinds of
 * evidence (and, for needs, a third: the usual needs of the phenomena the note is about, see
 * {@link Builder#phenomena}): signal words of knowledge-centre lexicons, and the labels of the most similar labelled
 * notes (Lucene MoreLikeThis over an in-memory BM25 index of plugin examples and the workspace's
 * worker-confirmed notes). How often a lexicon word went with a label in the labelled notes tunes
 * its weight, so confirmed labels improve later suggestions. A note never sees its own labels: it
 * is excluded by id from neighbours and from those statistics.
 * <p>
 * Immutable and thread-safe once built; build a new one when the training notes change.
 */
public final class LabelSuggester implements AutoCloseable {

    private static final List<LabelFamily> LEARNED = List.of(LabelFamily.NEEDS, LabelFamily.AFFORDANCES,
            LabelFamily.POLARITY, LabelFamily.URGENCY);

    private final Lexicon lexicon;
    private final Tuning tuning;
    private final LexiconMatcher matcher;
    private final Analyzer dutch = TextChain.of(TextChain.Kind.DUTCH).analyzer();
    private final Analyzer english = TextChain.of(TextChain.Kind.ENGLISH).analyzer();
    private final TrainingNotes training = new TrainingNotes();
    // The signals, one class each.
    private final LexiconScorer lexiconScorer;
    private final SimilarNotes similarNotes;
    private final SimilarNotes needsNeighbours;
    /**
     * The thesaurus' example notes among the labelled notes (PhenomenonPrior#needsExamples), by
     * identity: a plugin example or workspace note with the same id replaces one and is none.
     */
    private final Set<TrendNote> thesaurusExamples = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final LearnedWords learnedWords;
    private final PhenomenonPrior phenomenonPrior;
    private final PlatformMentions platforms;
    private final Calibration calibration;
    private final NeedsModel needsModel;

    private LabelSuggester(Builder b, IProgressMonitor monitor) {
        this.lexicon = b.baseLexicon ? Lexicon.combine(List.of(Lexicon.base(), b.lexicon)) : b.lexicon;
        this.tuning = b.tuning;
        this.matcher = new LexiconMatcher(lexicon);
        this.platforms = new PlatformMentions(b.platforms);
        this.phenomenonPrior = new PhenomenonPrior(b.phenomena);
        Map<String, TrendNote> notes = new LinkedHashMap<>();
        // The thesaurus' examples, then the plugins' labelled examples, then the workspace's
        // confirmed notes: a later one wins on the same id.
        if (b.phenomena != null) {
            thesaurusExamples.addAll(PhenomenonPrior.needsExamples(b.phenomena.thesaurus()));
            thesaurusExamples.forEach(n -> notes.put(n.id(), n));
        }
        b.examples.forEach(n -> notes.put(n.id(), n));
        b.training.forEach(n -> notes.put(n.id(), n));
        SubMonitor progress = SubMonitor.convert(monitor, Messages.Suggest_training, notes.size() + 1);
        List<Evidence> trainedEvidence = new ArrayList<>();
        for (TrendNote n : notes.values()) {
            if (progress.isCanceled()) {
                throw new OperationCanceledException();
            }
            progress.split(1);
            Labels labels = Labels.confirmedOf(n);
            if (!teaches(labels)) {
                continue;
            }
            Set<String> keys = new HashSet<>();
            Evidence ev = evidence(n);
            ev.hits().forEach(h -> keys.add(h.entry().key()));
            Set<String> stems = new HashSet<>(surfaces(text(n)).keySet());
            int ord = training.add(new TrainingNotes.Trained(n, labels, keys, stems), LEARNED);
            trainedEvidence.add(ord, ev);
        }
        this.lexiconScorer = new LexiconScorer(lexicon, training, tuning.lexiconScale());
        this.learnedWords = new LearnedWords(training, tuning.wordScale());
        // The thesaurus' examples are neighbours for needs only: as neighbours for the other
        // families they crowd out the notes that carry those (and change which words tell).
        this.similarNotes = new SimilarNotes(training, tuning.neighbours(), dutch, english,
                n -> !thesaurusExamples.contains(n));
        this.needsNeighbours = training.all().stream().anyMatch(t -> thesaurusExamples.contains(t.note()))
                ? new SimilarNotes(training, tuning.neighbours(), dutch, english, n -> true)
                : similarNotes;
        this.calibration = tuning.calibrated() > 0 ? new Calibration(training) : null;
        this.needsModel = calibration == null ? null : calibrate(b.needModel, trainedEvidence);
        progress.done();
    }

    /**
     * Scores every labelled note with needs as if it were new (leave-one-out) and gives the scores
     * to {@link Calibration}; then trains the needs model on the same notes, when asked.
     *
     * @param trainedEvidence per training ord, the lexicon evidence found while training
     */
    private NeedsModel calibrate(boolean withModel, List<Evidence> trainedEvidence) {
        Map<Integer, Set<String>> needStems = new HashMap<>();
        List<String> known = Labels.known(LabelFamily.NEEDS);
        for (int ord = 0; ord < training.size(); ord++) {
            TrendNote n = training.get(ord).note();
            // The scales are measured on notes people labelled: a thesaurus example carries its
            // phenomenon's usual needs, not a reading of its text (and scoring its 1 000 or more
            // examples here tripled the time training takes, for a third of their gain).
            if (training.get(ord).labels().ids(LabelFamily.NEEDS).isEmpty() || thesaurusExamples.contains(n)) {
                continue;
            }
            // Matched once, while training: the lexicon match is the costly part of a note.
            Evidence ev = trainedEvidence.get(ord);
            Set<Integer> self = training.self(n.id());
            Map<String, String> noteStems = surfaces(ev.expanded());
            double[] scores = new double[known.size()];
            for (RankedLabel l : rank(LabelFamily.NEEDS, ev.hits(), neighbours(n, ev.expanded(), false), self, noteStems,
                    phenomenonPrior.of(n))) {
                scores[known.indexOf(l.label())] = l.confidence();
            }
            calibration.put(ord, scores);
            needStems.put(ord, noteStems.keySet());
        }
        return withModel ? NeedsModel.train(training, calibration, needStems) : null;
    }

    public static Builder builder() {
        return new Builder();
    }

    private static boolean teaches(Labels confirmed) {
        return LEARNED.stream().anyMatch(f -> !confirmed.ids(f).isEmpty());
    }

    /** Whether the suggester learns from a workspace note: {@link #learnedFrom} is not null, without building its key. */
    public static boolean learnsFrom(TrendNote n) {
        return teaches(Labels.confirmedOf(n));
    }

    /**
     * What the suggester learns from a workspace note: its id, text and the confirmed labels of the
     * families it learns (not platforms or phenomena); null when
     * it learns nothing from it (no label it learns was confirmed). Suggesters trained on notes with
     * equal keys suggest the same, so a caller can keep one while the keys stay the same (saving an
     * unconfirmed note, every save in the Note editor, need not train it again).
     */
    public static String learnedFrom(TrendNote n) {
        Labels labels = Labels.confirmedOf(n);
        if (!teaches(labels)) {
            return null;
        }
        StringBuilder key = new StringBuilder(n.id()).append('\u0000').append(n.title()).append('\u0000').append(n.body());
        for (LabelFamily f : LEARNED) { // platforms and phenomena are not learned from notes here
            key.append('\u0000').append(f).append('=').append(labels.ids(f));
        }
        return key.toString();
    }

    /** The lexicon used, all sources combined. */
    public Lexicon lexicon() {
        return lexicon;
    }

    /** How many labelled notes the suggester learned from (examples and confirmed notes). */
    public int trainingSize() {
        return training.size();
    }

    /**
     * Suggestions for many notes, in order; cancellable. The notes are suggested on every core (a
     * suggester is thread-safe once built), a batch at a time so that progress and cancelling stay
     * on the caller's thread: the inbox of a workspace of 20 000 imported notes took 148 s on one.
     */
    public List<Suggestion> suggestAll(Collection<TrendNote> notes, IProgressMonitor monitor) {
        List<TrendNote> all = List.copyOf(notes);
        SubMonitor progress = SubMonitor.convert(monitor, Messages.Suggest_suggesting, all.size());
        Suggestion[] out = new Suggestion[all.size()];
        for (int start = 0; start < all.size(); start += PARALLEL_BATCH) {
            if (progress.isCanceled()) {
                throw new OperationCanceledException();
            }
            int end = Math.min(all.size(), start + PARALLEL_BATCH);
            java.util.stream.IntStream.range(start, end).parallel().forEach(i -> out[i] = suggest(all.get(i)));
            progress.split(end - start);
        }
        return List.of(out);
    }

    /** How many notes {@link #suggestAll} suggests between two looks at the monitor. */
    private static final int PARALLEL_BATCH = 64;

    /** Suggests labels for a note as if it had none: its own labels and same-id copies are never used. */
    public Suggestion suggest(TrendNote note) {
        Evidence ev = evidence(note);
        Set<Integer> self = training.self(note.id());
        Neighbours neighbours = neighbours(note, ev.expanded(), true);

        Map<LabelFamily, List<RankedLabel>> ranked = new EnumMap<>(LabelFamily.class);
        Map<LabelFamily, List<String>> chosen = new EnumMap<>(LabelFamily.class);
        Map<String, String> noteStems = surfaces(ev.expanded());
        PhenomenonPrior.Prior prior = phenomenonPrior.of(note);
        for (LabelFamily f : LEARNED) {
            List<RankedLabel> labels = rank(f, ev.hits(), neighbours, self, noteStems, prior);
            Map<String, Double> calibrated = f == LabelFamily.NEEDS && calibration != null
                    ? calibration.calibrated(labels, self) : null;
            Map<String, Double> p = calibrated == null || needsModel == null ? null
                    : needsModel.probabilities(labels, noteStems, self);
            if (p != null) {
                // The model shifts each need's calibrated confidence up (p > 0.5) or down.
                Map<String, Double> corrected = new HashMap<>();
                calibrated.forEach((l, c) -> corrected.put(l, c + Tuning.MODEL_WEIGHT * (2 * p.getOrDefault(l, 0.0) - 1)));
                calibrated = corrected;
            }
            ranked.put(f, labels);
            chosen.put(f, choose(f, labels, calibrated));
        }
        StrongSignals.raiseUrgency(text(note), ranked, chosen);
        List<RankedLabel> found = platforms.rank(note, ev.expanded(), ev.text().length());
        ranked.put(LabelFamily.PLATFORMS, found);
        chosen.put(LabelFamily.PLATFORMS, found.stream().filter(l -> l.confidence() >= tuning.platformThreshold())
                .map(RankedLabel::label).toList());
        return new Suggestion(note.id(), ranked, chosen);
    }

    /** The labelled notes most like a note: for needs, and for the other families (see the constructor). */
    private record Neighbours(List<SimilarNotes.Neighbour> forNeeds, List<SimilarNotes.Neighbour> forOthers) {
    }

    /** @param others whether the neighbours for the other families are needed too */
    private Neighbours neighbours(TrendNote note, String text, boolean others) {
        List<SimilarNotes.Neighbour> forNeeds = needsNeighbours.of(note, text);
        return new Neighbours(forNeeds,
                !others ? List.of() : needsNeighbours == similarNotes ? forNeeds : similarNotes.of(note, text));
    }

    /** The text of a note the signals read: its title and body. */
    static String text(TrendNote n) {
        return n.title() + "\n" + n.body();
    }

    private record Evidence(String text, String expanded, List<Hit> hits) {
    }

    /** Lexicon hits in the note's text and in the plain meanings of its slang. */
    private Evidence evidence(TrendNote n) {
        String text = text(n);
        Map<String, Hit> hits = new LinkedHashMap<>();
        matcher.match(text).forEach(h -> hits.putIfAbsent(h.entry().key(), h));
        StringBuilder expanded = new StringBuilder(text);
        matcher.slangIn(text).forEach((term, meanings) -> {
            for (String m : meanings) {
                expanded.append('\n').append(m);
                for (Hit h : matcher.match(m)) {
                    hits.putIfAbsent(h.entry().key(), new Hit(h.entry(), term + " (" + m + ")"));
                }
            }
        });
        return new Evidence(text, expanded.toString(), new ArrayList<>(hits.values()));
    }

    /**
     * The stems of a text in both languages with the word each came from, function words of
     * either language left out (term statistics: "van" is no English stop word, "the" no Dutch one).
     */
    private Map<String, String> surfaces(String text) {
        Map<String, String> out = new HashMap<>();
        for (String field : List.of("nl", "en")) {
            for (Token t : TextChain.tokens("nl".equals(field) ? dutch : english, text)) {
                String surface = text.substring(t.start(), t.end());
                if (t.term().length() >= 3 && !TextChain.isStopWord(surface)) {
                    out.putIfAbsent(field + ":" + t.term(), surface);
                }
            }
        }
        return out;
    }

    /**
     * The family's labels by confidence: the lexicon, the neighbours' vote and the learned words,
     * mixed by how many labelled notes there are to trust; for needs and affordances also the
     * phenomena's prior.
     */
    private List<RankedLabel> rank(LabelFamily family, List<Hit> hits, Neighbours neighbours,
            Set<Integer> self, Map<String, String> noteStems, PhenomenonPrior.Prior prior) {
        LexiconScorer.Scores lex = lexiconScorer.score(family, hits, self);
        Map<String, List<String>> words = lex.words();
        SimilarNotes.Votes votes = SimilarNotes.votes(family,
                family == LabelFamily.NEEDS ? neighbours.forNeeds() : neighbours.forOthers());
        int known = training.known(family, self);
        Map<String, Double> learned = learnedWords.score(family, noteStems, self, known, words);
        // Few labelled notes: trust the lexicon more.
        double trust = Math.min(1.0, known / Tuning.FULL_TRUST_NOTES);
        double share = votes.total() == 0 ? 0 : tuning.neighbourWeight() * trust;
        double wordShare = known == 0 ? 0 : tuning.wordWeight() * trust;
        List<RankedLabel> out = new ArrayList<>();
        for (String l : Labels.known(family)) {
            double confidence = share * votes.share(l) + wordShare * learned.getOrDefault(l, 0.0)
                    + (1 - share - wordShare) * lex.confidence().get(l);
            // Without any evidence the most common label in the labelled notes ranks first.
            confidence += known <= 0 ? 0 : Tuning.BASE_RATE_SHARE * training.labelCount(family, l, self) / known;
            List<String> why = words.getOrDefault(l, List.of());
            double priorShare = family == LabelFamily.NEEDS ? Tuning.PHENOMENON_SHARE
                    : family == LabelFamily.AFFORDANCES ? Tuning.PHENOMENON_AFFORDANCE_SHARE : 0;
            if (priorShare > 0 && prior != null) {
                confidence = PhenomenonPrior.mix(confidence, prior, l, priorShare);
                List<String> named = prior.because().getOrDefault(l, List.of());
                if (!named.isEmpty()) {
                    why = new ArrayList<>(why);
                    for (String name : named) {
                        why.add(NLS.bind(Messages.Suggest_phenomenon, name));
                    }
                }
            }
            List<RankedLabel.Neighbour> sim = votes.similar().getOrDefault(l, List.of());
            out.add(new RankedLabel(l, confidence, why, sim.subList(0, Math.min(Tuning.EXPLAINED_NEIGHBOURS, sim.size()))));
        }
        out.sort(Comparator.comparingDouble(RankedLabel::confidence).reversed());
        return out;
    }

    /**
     * The labels chosen from the ranking: on the calibrated scales when they are known (needs),
     * else by thresholds; one polarity and one urgency.
     */
    private List<String> choose(LabelFamily family, List<RankedLabel> ranked, Map<String, Double> calibrated) {
        if (ranked.isEmpty()) {
            return List.of();
        }
        if (calibrated != null) {
            List<String> order = ranked.stream().map(RankedLabel::label)
                    .sorted(Comparator.comparingDouble((String l) -> calibrated.get(l)).reversed()).toList();
            if (family == LabelFamily.POLARITY || family == LabelFamily.URGENCY) {
                return List.of(order.get(0));
            }
            List<String> out = new ArrayList<>();
            for (String l : order) {
                if (out.size() < Tuning.MIN_CALIBRATED_NEEDS
                        || (calibrated.get(l) >= tuning.calibrated() && out.size() < tuning.maxLabels())) {
                    out.add(l);
                }
            }
            return out;
        }
        if (family == LabelFamily.POLARITY || family == LabelFamily.URGENCY) {
            return List.of(ranked.get(0).label());
        }
        double threshold = family == LabelFamily.NEEDS ? tuning.needThreshold() : tuning.affordanceThreshold();
        List<String> out = new ArrayList<>();
        for (RankedLabel l : ranked) {
            // The best label always: a note without any need or affordance is not a trend note.
            if (out.isEmpty() || (l.confidence() >= threshold && l.confidence() >= tuning.relative() * ranked.get(0).confidence()
                    && out.size() < tuning.maxLabels())) {
                out.add(l.label());
            }
        }
        return out;
    }

    @Override
    public void close() {
        similarNotes.close();
        if (needsNeighbours != similarNotes) {
            needsNeighbours.close();
        }
    }

    /** Collects the training sources; every part is optional. */
    public static final class Builder {
        private Lexicon lexicon = Lexicon.empty();
        private final List<TrendNote> examples = new ArrayList<>();
        private final List<TrendNote> training = new ArrayList<>();
        private Map<String, List<String>> platforms = Map.of();
        private Tuning tuning = Tuning.DEFAULT;
        private boolean baseLexicon = true;
        private boolean needModel = true;
        private PhenomenonSuggester phenomena;

        private Builder() {
        }

        /**
         * The phenomena of the thesaurus as evidence for needs: each phenomenon brings the needs it
         * usually touches, in proportion to how much the note is about it. Null: none.
         */
        public Builder phenomena(PhenomenonSuggester phenomena) {
            this.phenomena = phenomena;
            return this;
        }

        /**
         * Whether needs are corrected by a model learned from the labelled notes (on by default; it
         * needs at least 20 labelled notes with needs). Off leaves the three signals alone.
         */
        public Builder needModel(boolean use) {
            this.needModel = use;
            return this;
        }

        /** Whether Vindplaats' own base word list ({@link Lexicon#base()}) is used too; it is by default. */
        public Builder baseLexicon(boolean use) {
            this.baseLexicon = use;
            return this;
        }

        /** Signal words (combine several plugins' lexicons with {@link Lexicon#combine}). */
        public Builder lexicon(Lexicon lexicon) {
            this.lexicon = lexicon == null ? Lexicon.empty() : lexicon;
            return this;
        }

        /** Labelled examples contributed by plugins; their labels count in the families they carry. */
        public Builder examples(Collection<TrendNote> examples) {
            this.examples.addAll(examples);
            return this;
        }

        /** The workspace's notes; only the label families a worker confirmed are learned from. */
        public Builder training(Collection<TrendNote> notes) {
            this.training.addAll(notes);
            return this;
        }

        /** Platform id → names and nicknames to recognise in free text. */
        public Builder platforms(Map<String, List<String>> idToAliases) {
            this.platforms = Map.copyOf(idToAliases);
            return this;
        }

        public Builder tuning(Tuning tuning) {
            this.tuning = tuning;
            return this;
        }

        public LabelSuggester build() {
            return build(null);
        }

        /** Builds the in-memory index of the labelled notes; cancellable. */
        public LabelSuggester build(IProgressMonitor monitor) {
            return new LabelSuggester(this, monitor);
        }
    }
}
