package org.vindplaats.suggest;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.osgi.util.NLS;
import org.vindplaats.analysis.TextChain;
import org.vindplaats.model.Need;
import org.vindplaats.model.Phenomenon;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.suggest.internal.LexiconMatcher;
import org.vindplaats.suggest.internal.LinearLabelModel;
import org.vindplaats.suggest.internal.LexiconMatcher.Hit;
import org.vindplaats.suggest.internal.Messages;
import org.vindplaats.analysis.TextChain.Token;

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

    /** Confidence of "immediate" when a strong signal is in the text (see {@link StrongSignals}). */
    private static final double STRONG_SIGNAL_CONFIDENCE = 0.9;
    /** At least this confidence for "concern" when a signal rules out "for information". */
    private static final double RAISED_TO_CONCERN_CONFIDENCE = 0.6;


    /**
     * The knobs of the suggester. {@link #DEFAULT} was chosen by 5-fold cross-validation on the
     * development set (see docs/need-mapping.md), not by looking at single notes.
     *
     * @param neighbours      how many similar notes vote
     * @param neighbourWeight share of the neighbours' vote against the lexicon when both exist
     * @param lexiconScale    how many weighted lexicon hits make a label fairly sure (1 - e^-1)
     * @param needThreshold   confidence from which a further need is chosen
     * @param affordanceThreshold confidence from which a further affordance is chosen
     * @param platformThreshold confidence from which a platform is chosen
     * @param maxLabels       at most this many needs and affordances
     * @param wordWeight      share of the term statistics (words that went with a label in labelled notes)
     * @param wordScale       how much summed lift makes a label fairly sure from term statistics
     * @param relative        a further need or affordance must reach this share of the best one's confidence
     * @param calibrated      with enough labelled notes, labels are chosen on a per-label scale instead:
     *                        0 is the label's mean confidence on labelled notes without it, 1 the mean
     *                        on notes with it; a further need or affordance needs this much (0 = off)
     */
    public record Tuning(int neighbours, double neighbourWeight, double lexiconScale, double needThreshold,
            double affordanceThreshold, double platformThreshold, int maxLabels, double wordWeight, double wordScale,
            double relative, double calibrated) {
        public static final Tuning DEFAULT = new Tuning(8, 0.2, 2.5, 0.3, 0.35, 0.5, 3, 0.35, 3.0, 0.5, 0.8);
    }

    /** Single words that are also platform names only count when written with a capital (Signal, Threads). */
    private static final Set<String> AMBIGUOUS_NAMES = Set.of("signal", "threads", "x", "messenger", "discord");
    private static final List<LabelFamily> LEARNED = List.of(LabelFamily.NEEDS, LabelFamily.AFFORDANCES,
            LabelFamily.POLARITY, LabelFamily.URGENCY);
    private static final List<LabelFamily> CALIBRATED = List.of(LabelFamily.NEEDS);
    /** Prior belief that a lexicon word is right, and how many labelled notes it is worth. */
    private static final double PRIOR_RELIABILITY = 0.7;
    private static final double PRIOR_WEIGHT = 2.0;
    private static final double MAX_RELIABILITY = 1.5;
    /** How many words learned from confirmed notes an explanation names per label. */
    private static final int EXPLAINED_LEARNED_WORDS = 3;
    /** "mixed" from risk and opportunity words together; the factor was chosen by cross-validation. */
    private static final double MIXED_BOOST = 2.0;

    /**
     * Share of the phenomena's usual needs in a need's confidence (see {@link Builder#phenomena}).
     * 5-fold CV on the dev set, seeds 42, 1, 2, 3: 0.1 gave 0.772, 0.2 0.791, 0.3 0.787, 0.5 0.748
     * (seed 42); without phenomena 0.745 and with 0.2 0.793 on average over the four seeds.
     */
    private static final double PHENOMENON_SHARE = 0.2;

    private final Lexicon lexicon;
    private final PhenomenonSuggester phenomena;
    private final LexiconMatcher matcher;
    private final Tuning tuning;
    private final List<Trained> trained;
    private final Map<String, List<Integer>> trainedById = new HashMap<>();
    /** family → lexicon entry key → [notes with the family where it matched, per label: with that label] */
    private final Map<LabelFamily, Map<String, EntryStats>> entryStats = new EnumMap<>(LabelFamily.class);
    private final Map<LabelFamily, Integer> familyCounts = new EnumMap<>(LabelFamily.class);
    /** family → stem → notes with the family containing the stem, and per label */
    private final Map<LabelFamily, Map<String, EntryStats>> wordStats = new EnumMap<>(LabelFamily.class);
    private final Map<LabelFamily, Map<String, Integer>> labelCounts = new EnumMap<>(LabelFamily.class);
    private final Map<String, List<String[]>> platformAliases = new LinkedHashMap<>();
    private final Analyzer plain = TextChain.plain();
    private final ByteBuffersDirectory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final PerFieldAnalyzerWrapper indexAnalyzer;
    private final Analyzer nlIndex = TextChain.of(TextChain.Kind.DUTCH).analyzer();
    private final Analyzer enIndex = TextChain.of(TextChain.Kind.ENGLISH).analyzer();

    private record Trained(TrendNote note, Labels labels, Set<String> hitKeys, Set<String> stems) {
    }

    /** family → per labelled note (by ord) its confidences in {@link Labels#known} order, its own labels unseen. */
    private final Map<LabelFamily, double[][]> trainedScores = new EnumMap<>(LabelFamily.class);
    /** Fewer labelled notes with (or without) a label than this: its confidence is used as it is. */
    private static final int MIN_CALIBRATION_NOTES = 4;
    /** Most notes touch two needs; choosing two whenever the scales are known scored best in CV. */
    private static final int MIN_CALIBRATED_NEEDS = 2;

    /*
     * The needs model: one-vs-rest logistic regression over the note's tf-idf stems and the
     * calibrated scores of the three signals. It corrects the calibrated choice rather than
     * replacing it: on its own it scored below the calibrated scales in CV (0.66 against 0.68),
     * as a correction of MODEL_WEIGHT * (2p - 1) it scored 0.693 (mean of five seeds, was 0.683).
     */
    private static final double MODEL_C = 1.0;
    private static final double MODEL_WEIGHT = 0.3;
    /** A stem in fewer labelled notes than this says nothing general. */
    private static final int MODEL_MIN_DF = 2;
    /** Fewer labelled notes with needs: no model, the signals alone decide. */
    static final int MIN_MODEL_NOTES = 20;
    /** Per labelled note with needs (by ord): its stems, for the needs model. */
    private final Map<Integer, Set<String>> modelStems = new HashMap<>();
    private final Map<String, Integer> needDf = new HashMap<>();
    private final Map<Integer, Map<String, Double>> modelX = new HashMap<>();
    private int needNotes;
    private final boolean useModel;
    private LinearLabelModel needModel;
    /**
     * Up to this many labelled notes, a labelled note is scored by a model trained without exactly
     * that note. Beyond it, retraining per note would make suggesting a whole workspace quadratic:
     * the labelled notes are split by id into {@value #MODEL_FOLDS} folds and a note is scored by
     * the (cached) model trained without its fold. Either way it never sees its own labels.
     */
    static final int PER_NOTE_MODELS_UP_TO = 300;
    static final int MODEL_FOLDS = 10;
    private final Map<Integer, LinearLabelModel> foldModels = new java.util.concurrent.ConcurrentHashMap<>();

    private static final class EntryStats {
        int matched;
        final Map<String, Integer> withLabel = new HashMap<>();
    }

    private LabelSuggester(Builder b, IProgressMonitor monitor) {
        this.lexicon = b.baseLexicon ? Lexicon.combine(List.of(Lexicon.base(), b.lexicon)) : b.lexicon;
        this.tuning = b.tuning;
        this.useModel = b.needModel;
        this.phenomena = b.phenomena;
        this.matcher = new LexiconMatcher(lexicon);
        Map<String, TrendNote> training = new LinkedHashMap<>();
        // Examples first, the workspace's confirmed notes win on the same id.
        b.examples.forEach(n -> training.put(n.id(), n));
        b.training.forEach(n -> training.put(n.id(), n));
        SubMonitor progress = SubMonitor.convert(monitor, Messages.Suggest_training, training.size() + 1);
        b.platforms.forEach((id, aliases) -> {
            Set<String> all = new LinkedHashSet<>();
            all.add(id);
            all.addAll(aliases);
            List<String[]> forms = new ArrayList<>();
            for (String a : all) {
                List<String> words = TextChain.terms(plain, a);
                if (!words.isEmpty()) {
                    forms.add(words.toArray(String[]::new));
                }
            }
            platformAliases.put(id.toLowerCase(Locale.ROOT), forms);
        });

        trained = new ArrayList<>();
        indexAnalyzer = new PerFieldAnalyzerWrapper(nlIndex,
                Map.of("en", enIndex));
        directory = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(directory, new IndexWriterConfig(indexAnalyzer))) {
            for (TrendNote n : training.values()) {
                if (progress.isCanceled()) {
                    throw new OperationCanceledException();
                }
                progress.split(1);
                Labels labels = Labels.confirmedOf(n);
                if (LEARNED.stream().allMatch(f -> labels.ids(f).isEmpty())) {
                    continue;
                }
                Set<String> keys = new HashSet<>();
                evidence(n).hits().forEach(h -> keys.add(h.entry().key()));
                int ord = trained.size();
                Set<String> stems = new HashSet<>(surfaces(indexText(n)).keySet());
                trained.add(new Trained(n, labels, keys, stems));
                trainedById.computeIfAbsent(n.id(), k -> new ArrayList<>()).add(ord);
                for (LabelFamily f : LEARNED) {
                    List<String> ids = labels.ids(f);
                    if (ids.isEmpty()) {
                        continue;
                    }
                    familyCounts.merge(f, 1, Integer::sum);
                    Map<String, EntryStats> stats = entryStats.computeIfAbsent(f, x -> new HashMap<>());
                    for (String key : keys) {
                        EntryStats s = stats.computeIfAbsent(key, x -> new EntryStats());
                        s.matched++;
                        ids.forEach(l -> s.withLabel.merge(l, 1, Integer::sum));
                    }
                    Map<String, EntryStats> words = wordStats.computeIfAbsent(f, x -> new HashMap<>());
                    for (String stem : stems) {
                        EntryStats s = words.computeIfAbsent(stem, x -> new EntryStats());
                        s.matched++;
                        ids.forEach(l -> s.withLabel.merge(l, 1, Integer::sum));
                    }
                    Map<String, Integer> lc = labelCounts.computeIfAbsent(f, x -> new HashMap<>());
                    ids.forEach(l -> lc.merge(l, 1, Integer::sum));
                }
                Document d = new Document();
                d.add(new StringField("id", n.id(), Field.Store.YES));
                d.add(new StoredField("ord", ord));
                String text = indexText(n);
                d.add(new TextField("nl", text, Field.Store.NO));
                d.add(new TextField("en", text, Field.Store.NO));
                w.addDocument(d);
            }
            w.commit();
            reader = DirectoryReader.open(directory);
            searcher = new IndexSearcher(reader);
        } catch (IOException e) {
            // An in-memory directory does not fail on I/O.
            throw new UncheckedIOException(e);
        }
        if (tuning.calibrated() > 0) {
            calibrate();
        }
        progress.done();
    }

    /**
     * Scores every labelled note as if it were new (leave-one-out), so that each label's scale can be
     * read off: a label with many lexicon words or many neighbours scores high on every note, and
     * would otherwise be chosen too often, while a label that is mostly implied scores low.
     */
    private void calibrate() {
        for (LabelFamily f : CALIBRATED) {
            trainedScores.put(f, new double[trained.size()][]);
        }
        for (int ord = 0; ord < trained.size(); ord++) {
            TrendNote n = trained.get(ord).note();
            Evidence ev = evidence(n);
            Set<Integer> self = new HashSet<>(trainedById.getOrDefault(n.id(), List.of()));
            List<ScoredNeighbour> neighbours = neighbours(n, ev.expanded());
            Map<String, String> noteStems = surfaces(ev.expanded());
            for (LabelFamily f : CALIBRATED) {
                if (trained.get(ord).labels().ids(f).isEmpty()) {
                    continue;
                }
                List<String> known = Labels.known(f);
                double[] scores = new double[known.size()];
                for (RankedLabel l : rank(f, ev.hits(), neighbours, self, noteStems, phenomenonNeeds(n))) {
                    scores[known.indexOf(l.label())] = l.confidence();
                }
                trainedScores.get(f)[ord] = scores;
                if (f == LabelFamily.NEEDS) {
                    modelStems.put(ord, noteStems.keySet());
                }
            }
        }
        if (useModel && modelStems.size() >= MIN_MODEL_NOTES) {
            needNotes = modelStems.size();
            modelStems.values().forEach(st -> st.forEach(x -> needDf.merge(x, 1, Integer::sum)));
            // Computed once: the model for a labelled note (trained without it) reuses the others' features.
            modelStems.forEach((ord, st) -> modelX.put(ord,
                    modelFeatures(st, signal(trainedScores.get(LabelFamily.NEEDS)[ord], Set.of(ord)))));
            needModel = trainNeedModel(Set.of());
        }
    }

    private static int modelFold(String id) {
        return Math.floorMod(id.hashCode(), MODEL_FOLDS);
    }

    /** The needs model trained on the labelled notes other than {@code without}. */
    private LinearLabelModel trainNeedModel(Set<Integer> without) {
        List<Map<String, Double>> x = new ArrayList<>();
        List<Set<String>> y = new ArrayList<>();
        modelStems.forEach((ord, st) -> {
            if (!without.contains(ord)) {
                x.add(modelX.get(ord));
                y.add(new HashSet<>(trained.get(ord).labels().ids(LabelFamily.NEEDS)));
            }
        });
        return LinearLabelModel.train(x, y, Labels.known(LabelFamily.NEEDS), MODEL_C);
    }

    /** The signal scores on their per-label calibrated scales (as used for the choice), else as they are. */
    private double[] signal(double[] scores, Set<Integer> self) {
        List<String> known = Labels.known(LabelFamily.NEEDS);
        List<RankedLabel> r = new ArrayList<>();
        for (int i = 0; i < known.size(); i++) {
            r.add(new RankedLabel(known.get(i), scores[i], List.of(), List.of()));
        }
        Map<String, Double> cal = calibrated(LabelFamily.NEEDS, r, self);
        if (cal == null) {
            return scores;
        }
        double[] out = new double[known.size()];
        for (int i = 0; i < known.size(); i++) {
            out[i] = cal.get(known.get(i));
        }
        return out;
    }

    /** Features of a note: its stems' tf-idf (L2-normalised) and the per-label signal scores. */
    private Map<String, Double> modelFeatures(Set<String> stems, double[] scores) {
        Map<String, Double> f = new HashMap<>();
        double norm = 0;
        for (String st : stems) {
            Integer df = needDf.get(st);
            if (df == null || df < MODEL_MIN_DF) {
                continue;
            }
            double w = Math.log((needNotes + 1.0) / df);
            f.put("w|" + st, w);
            norm += w * w;
        }
        double n = Math.sqrt(norm);
        if (n > 0) {
            f.replaceAll((k, v) -> v / n);
        }
        List<String> known = Labels.known(LabelFamily.NEEDS);
        for (int i = 0; i < known.size(); i++) {
            f.put("s|" + known.get(i), scores[i]);
        }
        return f;
    }

    /**
     * The needs model's probability per need, or null without a model. A labelled note is scored
     * by a model trained without it, so it never sees its own labels.
     */
    private Map<String, Double> modelProbabilities(List<RankedLabel> ranked, Map<String, String> noteStems,
            Set<Integer> self) {
        if (needModel == null) {
            return null;
        }
        Set<Integer> without = new HashSet<>(self);
        without.retainAll(modelStems.keySet());
        LinearLabelModel model;
        if (without.isEmpty()) {
            model = needModel;
        } else if (modelStems.size() <= PER_NOTE_MODELS_UP_TO) {
            // Not cached: one model per labelled note would hold a weight per stem and need each.
            model = trainNeedModel(without);
        } else {
            // Copies of a note share its id and so its fold: all of them are left out together.
            int fold = modelFold(trained.get(without.iterator().next()).note().id());
            model = foldModels.computeIfAbsent(fold, f -> {
                Set<Integer> inFold = new HashSet<>();
                modelStems.keySet().forEach(ord -> {
                    if (modelFold(trained.get(ord).note().id()) == f) {
                        inFold.add(ord);
                    }
                });
                return trainNeedModel(inFold);
            });
        }
        List<String> known = Labels.known(LabelFamily.NEEDS);
        double[] scores = new double[known.size()];
        for (RankedLabel l : ranked) {
            scores[known.indexOf(l.label())] = l.confidence();
        }
        return model.probabilities(modelFeatures(noteStems.keySet(), signal(scores, self)));
    }

    /**
     * The label's confidence on its own scale (see {@link Tuning#calibrated()}), or null when too
     * few labelled notes (other than the note itself) show the scale.
     */
    private Map<String, Double> calibrated(LabelFamily family, List<RankedLabel> ranked, Set<Integer> self) {
        double[][] scores = trainedScores.get(family);
        if (scores == null) {
            return null;
        }
        List<String> known = Labels.known(family);
        Map<String, Double> out = new HashMap<>();
        for (RankedLabel l : ranked) {
            int i = known.indexOf(l.label());
            double pos = 0, neg = 0;
            int np = 0, nn = 0;
            for (int ord = 0; ord < scores.length; ord++) {
                if (scores[ord] == null || self.contains(ord)) {
                    continue;
                }
                if (trained.get(ord).labels().ids(family).contains(l.label())) {
                    pos += scores[ord][i];
                    np++;
                } else {
                    neg += scores[ord][i];
                    nn++;
                }
            }
            if (np < MIN_CALIBRATION_NOTES || nn < MIN_CALIBRATION_NOTES || pos / np - neg / nn < 0.02) {
                return null;
            }
            out.put(l.label(), (l.confidence() - neg / nn) / (pos / np - neg / nn));
        }
        return out;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The lexicon used, all sources combined. */
    public Lexicon lexicon() {
        return lexicon;
    }

    /** How many labelled notes the suggester learned from (examples and confirmed notes). */
    public int trainingSize() {
        return trained.size();
    }

    /** Suggestions for many notes, in order; cancellable. */
    public List<Suggestion> suggestAll(Collection<TrendNote> notes, IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, Messages.Suggest_suggesting, notes.size());
        List<Suggestion> out = new ArrayList<>();
        for (TrendNote n : notes) {
            if (progress.isCanceled()) {
                throw new OperationCanceledException();
            }
            out.add(suggest(n));
            progress.split(1);
        }
        return out;
    }

    /** Suggests labels for a note as if it had none: its own labels and same-id copies are never used. */
    public Suggestion suggest(TrendNote note) {
        Evidence ev = evidence(note);
        Set<Integer> self = new HashSet<>(trainedById.getOrDefault(note.id(), List.of()));
        List<ScoredNeighbour> neighbours = neighbours(note, ev.expanded());

        Map<LabelFamily, List<RankedLabel>> ranked = new EnumMap<>(LabelFamily.class);
        Map<LabelFamily, List<String>> chosen = new EnumMap<>(LabelFamily.class);
        Map<String, String> noteStems = surfaces(ev.expanded());
        NeedPrior needPrior = phenomenonNeeds(note);
        for (LabelFamily f : LEARNED) {
            List<RankedLabel> labels = rank(f, ev.hits(), neighbours, self, noteStems, needPrior);
            Map<String, Double> calibrated = f == LabelFamily.NEEDS ? calibrated(f, labels, self) : null;
            Map<String, Double> p = calibrated == null ? null : modelProbabilities(labels, noteStems, self);
            if (p != null) {
                // The model shifts each need's calibrated confidence up (p > 0.5) or down.
                Map<String, Double> corrected = new HashMap<>();
                calibrated.forEach((l, c) -> corrected.put(l, c + MODEL_WEIGHT * (2 * p.getOrDefault(l, 0.0) - 1)));
                calibrated = corrected;
            }
            ranked.put(f, labels);
            // Only needs are chosen on calibrated scales: for the other families 5-fold CV on
            // three seeds showed no gain (affordances lost 0.04).
            chosen.put(f, choose(f, labels, calibrated));
        }
        applyStrongSignals(note, ranked, chosen);
        List<RankedLabel> platforms = platforms(note, ev.expanded(), ev.text().length());
        ranked.put(LabelFamily.PLATFORMS, platforms);
        chosen.put(LabelFamily.PLATFORMS, platforms.stream().filter(l -> l.confidence() >= tuning.platformThreshold())
                .map(RankedLabel::label).toList());
        return new Suggestion(note.id(), ranked, chosen);
    }

    private record Evidence(String text, String expanded, List<Hit> hits) {
    }

    /** Lexicon hits in the note's text and in the plain meanings of its slang. */
    private Evidence evidence(TrendNote n) {
        String text = n.title() + "\n" + n.body();
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
            for (Token t : TextChain.tokens("nl".equals(field) ? nlIndex : enIndex, text)) {
                String surface = text.substring(t.start(), t.end());
                if (t.term().length() >= 3 && !TextChain.isStopWord(surface)) {
                    out.putIfAbsent(field + ":" + t.term(), surface);
                }
            }
        }
        return out;
    }

    private static String indexText(TrendNote n) {
        return n.title() + "\n" + n.body();
    }

    private record ScoredNeighbour(Trained note, double weight, double similarity) {
    }

    private List<ScoredNeighbour> neighbours(TrendNote note, String text) {
        if (trained.isEmpty() || tuning.neighbours() <= 0) {
            return List.of();
        }
        try {
            MoreLikeThis mlt = new MoreLikeThis(reader);
            mlt.setAnalyzer(indexAnalyzer);
            mlt.setFieldNames(new String[] { "nl", "en" });
            // A small corpus: every word may count, and a word used in one note is the most telling.
            mlt.setMinTermFreq(1);
            mlt.setMinDocFreq(1);
            mlt.setMinWordLen(3);
            mlt.setMaxQueryTerms(40);
            mlt.setBoost(true);
            BooleanQuery.Builder q = new BooleanQuery.Builder();
            for (String field : List.of("nl", "en")) {
                Query like = mlt.like(field, new StringReader(text));
                q.add(like, Occur.SHOULD);
            }
            // The note itself (and any copy with its id) must not vote for its own labels.
            q.add(new TermQuery(new Term("id", note.id())), Occur.MUST_NOT);
            TopDocs top = searcher.search(q.build(), tuning.neighbours());
            List<ScoredNeighbour> out = new ArrayList<>();
            double best = top.scoreDocs.length == 0 ? 1 : top.scoreDocs[0].score;
            for (ScoreDoc sd : top.scoreDocs) {
                int ord = searcher.storedFields().document(sd.doc).getField("ord").numericValue().intValue();
                out.add(new ScoredNeighbour(trained.get(ord), sd.score, sd.score / best));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Per need: how much of the note's phenomena, by share, usually touch it (0..1), and the names
     * of the suggested phenomena that do (for the explanation).
     */
    private record NeedPrior(Map<String, Double> prior, Map<String, List<String>> because) {
    }

    private NeedPrior phenomenonNeeds(TrendNote n) {
        if (phenomena == null || phenomena.thesaurus().isEmpty()) {
            return null;
        }
        Map<String, Double> shares = phenomena.shares(n.title() + "\n" + n.body());
        Map<String, Double> prior = new HashMap<>();
        Map<String, List<String>> because = new HashMap<>();
        double best = shares.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            Phenomenon p = phenomena.thesaurus().get(e.getKey()).orElse(null);
            if (p == null) {
                continue;
            }
            for (Need need : p.needs()) {
                prior.merge(need.id(), e.getValue(), Double::sum);
                // Named only when it is suggested too, so the explanation matches what the worker sees.
                if (e.getValue() >= PhenomenonSuggester.THRESHOLD && e.getValue() >= PhenomenonSuggester.RELATIVE * best) {
                    because.computeIfAbsent(need.id(), k -> new ArrayList<>()).add(p.label().get(Locale.getDefault()));
                }
            }
        }
        return new NeedPrior(prior, because);
    }

    private List<RankedLabel> rank(LabelFamily family, List<Hit> hits, List<ScoredNeighbour> neighbours,
            Set<Integer> self, Map<String, String> noteStems, NeedPrior needPrior) {
        List<String> labels = Labels.known(family);
        Map<String, Double> raw = new HashMap<>();
        Map<String, List<String>> words = new HashMap<>();
        Map<String, Set<String>> phraseLabels = new HashMap<>();
        for (Hit h : hits) {
            if (h.entry().family() == family) {
                phraseLabels.computeIfAbsent(h.entry().language() + "|" + h.entry().phrase(), k -> new HashSet<>())
                        .add(h.entry().label());
            }
        }
        Map<String, EntryStats> stats = entryStats.getOrDefault(family, Map.of());
        for (Hit h : hits) {
            if (h.entry().family() != family) {
                continue;
            }
            String label = h.entry().label();
            // A word listed for several labels says less about each of them.
            double specificity = 1.0 / phraseLabels.get(h.entry().language() + "|" + h.entry().phrase()).size();
            double reliability = reliability(family, h.entry().key(), label, stats, self);
            double phrase = h.entry().stems().length > 1 ? 1.3 : 1.0;
            raw.merge(label, specificity * reliability * phrase, Double::sum);
            List<String> w = words.computeIfAbsent(label, k -> new ArrayList<>());
            if (!w.contains(h.surface())) {
                w.add(h.surface());
            }
        }
        Map<String, Double> lex = new HashMap<>();
        for (String l : labels) {
            lex.put(l, 1 - Math.exp(-raw.getOrDefault(l, 0.0) / tuning.lexiconScale()));
        }
        // Lexicons name signals of risk and opportunity, of immediate danger and concern; "mixed"
        // is both at once and "info" is the absence of alarm.
        if (family == LabelFamily.POLARITY && lexicon.words(family, "mixed", "nl").isEmpty()
                && lexicon.words(family, "mixed", "en").isEmpty()) {
            lex.put("mixed", Math.min(1, MIXED_BOOST * Math.sqrt(lex.get("risk") * lex.get("opportunity"))));
        }
        if (family == LabelFamily.URGENCY && lexicon.words(family, "info", "nl").isEmpty()
                && lexicon.words(family, "info", "en").isEmpty()) {
            lex.put("info", 0.5 * (1 - lex.get("immediate")) * (1 - lex.get("concern")));
        }

        Map<String, Double> vote = new HashMap<>();
        Map<String, List<RankedLabel.Neighbour>> similar = new HashMap<>();
        double total = 0;
        for (ScoredNeighbour n : neighbours) {
            List<String> ids = n.note().labels().ids(family);
            if (ids.isEmpty()) {
                continue;
            }
            total += n.weight();
            for (String l : ids) {
                vote.merge(l, n.weight(), Double::sum);
                similar.computeIfAbsent(l, k -> new ArrayList<>()).add(
                        new RankedLabel.Neighbour(n.note().note().id(), n.note().note().title(), n.similarity()));
            }
        }
        int known = familyCounts.getOrDefault(family, 0) - countWithFamily(self, family);
        Map<String, Double> learned = learnedWords(family, noteStems, self, known, words);
        // Few labelled notes: trust the lexicon more.
        double trust = Math.min(1.0, known / 20.0);
        double share = total == 0 ? 0 : tuning.neighbourWeight() * trust;
        double wordShare = known == 0 ? 0 : tuning.wordWeight() * trust;
        List<RankedLabel> out = new ArrayList<>();
        for (String l : labels) {
            double knn = total == 0 ? 0 : vote.getOrDefault(l, 0.0) / total;
            double confidence = share * knn + wordShare * learned.getOrDefault(l, 0.0)
                    + (1 - share - wordShare) * lex.get(l);
            // Without any evidence the most common label in the labelled notes ranks first.
            confidence += known <= 0 ? 0 : 0.01 * labelCount(family, l, self) / known;
            List<String> why = words.getOrDefault(l, List.of());
            if (family == LabelFamily.NEEDS && needPrior != null) {
                confidence = (1 - PHENOMENON_SHARE) * confidence + PHENOMENON_SHARE * needPrior.prior().getOrDefault(l, 0.0);
                List<String> named = needPrior.because().getOrDefault(l, List.of());
                if (!named.isEmpty()) {
                    why = new ArrayList<>(why);
                    for (String name : named) {
                        why.add(NLS.bind(Messages.Suggest_phenomenon, name));
                    }
                }
            }
            List<RankedLabel.Neighbour> sim = similar.getOrDefault(l, List.of());
            out.add(new RankedLabel(l, confidence, why, sim.subList(0, Math.min(3, sim.size()))));
        }
        out.sort(Comparator.comparingDouble(RankedLabel::confidence).reversed());
        return out;
    }

    /**
     * Term statistics of the labelled notes (without the note itself): words of this note that
     * went with a label clearly more often than the label's base rate. Seen in two notes at least.
     * The strongest such words are added to the label's explanation.
     */
    private Map<String, Double> learnedWords(LabelFamily family, Map<String, String> noteStems, Set<Integer> self,
            int known,
            Map<String, List<String>> explanationWords) {
        Map<String, Double> out = new HashMap<>();
        if (known <= 0) {
            return out;
        }
        Map<String, EntryStats> stats = wordStats.getOrDefault(family, Map.of());
        Map<String, Map<String, Double>> contributions = new HashMap<>();
        for (String stem : noteStems.keySet()) {
            EntryStats s = stats.get(stem);
            if (s == null) {
                continue;
            }
            int matched = s.matched;
            Map<String, Integer> with = new HashMap<>(s.withLabel);
            for (int o : self) {
                Trained t = trained.get(o);
                if (!t.labels().ids(family).isEmpty() && t.stems().contains(stem)) {
                    matched--;
                    t.labels().ids(family).forEach(l -> with.merge(l, -1, Integer::sum));
                }
            }
            if (matched < 2) {
                continue;
            }
            for (Map.Entry<String, Integer> e : with.entrySet()) {
                double base = labelCount(family, e.getKey(), self) / (double) known;
                double p = (e.getValue() + PRIOR_WEIGHT * base) / (matched + PRIOR_WEIGHT);
                double lift = p - base;
                if (lift > 0.1) {
                    out.merge(e.getKey(), lift, Double::sum);
                    contributions.computeIfAbsent(e.getKey(), k -> new HashMap<>()).put(stem, lift);
                }
            }
        }
        out.replaceAll((l, v) -> 1 - Math.exp(-v / tuning.wordScale()));
        contributions.forEach((label, byStem) -> {
            List<String> words = explanationWords.computeIfAbsent(label, k -> new ArrayList<>());
            byStem.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .limit(EXPLAINED_LEARNED_WORDS).forEach(e -> {
                        String surface = noteStems.get(e.getKey());
                        String w = NLS.bind(Messages.Suggest_learnedWord, surface);
                        // A word the lexicon already named is not repeated.
                        if (!words.contains(w) && words.stream().noneMatch(x -> x.equalsIgnoreCase(surface))) {
                            words.add(w);
                        }
                    });
        });
        return out;
    }

    /** How many labelled notes carry this label, without the note being suggested. */
    private int labelCount(LabelFamily family, String label, Set<Integer> self) {
        int count = labelCounts.getOrDefault(family, Map.of()).getOrDefault(label, 0);
        for (int o : self) {
            if (trained.get(o).labels().ids(family).contains(label)) {
                count--;
            }
        }
        return count;
    }

    private int countWithFamily(Set<Integer> ords, LabelFamily family) {
        int c = 0;
        for (int o : ords) {
            if (!trained.get(o).labels().ids(family).isEmpty()) {
                c++;
            }
        }
        return c;
    }

    /**
     * How telling this lexicon word is for this label in the labelled notes (without the note
     * itself): 1.0 means "as listed" (also when the word was rarely seen), 0 means the label is no
     * more frequent with the word than without it, above 1 means more telling than assumed.
     */
    private double reliability(LabelFamily family, String key, String label, Map<String, EntryStats> stats,
            Set<Integer> self) {
        int known = familyCounts.getOrDefault(family, 0) - countWithFamily(self, family);
        if (known <= 0) {
            return 1.0;
        }
        EntryStats s = stats.get(key);
        double matched = s == null ? 0 : s.matched;
        double with = s == null ? 0 : s.withLabel.getOrDefault(label, 0);
        for (int o : self) {
            Trained t = trained.get(o);
            List<String> ids = t.labels().ids(family);
            if (!ids.isEmpty() && t.hitKeys().contains(key)) {
                matched--;
                if (ids.contains(label)) {
                    with--;
                }
            }
        }
        double base = labelCount(family, label, self) / (double) known;
        if (base >= PRIOR_RELIABILITY) {
            // A label most notes carry: lift says little, fall back to the plain rate.
            double p = (with + PRIOR_WEIGHT * PRIOR_RELIABILITY) / (matched + PRIOR_WEIGHT);
            return p / PRIOR_RELIABILITY;
        }
        double p = (with + PRIOR_WEIGHT * PRIOR_RELIABILITY) / (matched + PRIOR_WEIGHT);
        return Math.max(0, Math.min(MAX_RELIABILITY, (p - base) / (PRIOR_RELIABILITY - base)));
    }

    /**
     * Strong signals ({@link StrongSignals}): sexual contact between an adult and a minor means
     * "act now"; the other signals are never "for information". The signal is the reason given.
     */
    private static void applyStrongSignals(TrendNote note, Map<LabelFamily, List<RankedLabel>> ranked,
            Map<LabelFamily, List<String>> chosen) {
        List<StrongSignals.Signal> strong = StrongSignals.find(note.title() + "\n" + note.body());
        if (strong.isEmpty() || !ranked.containsKey(LabelFamily.URGENCY)) {
            return;
        }
        boolean now = strong.stream().anyMatch(StrongSignals.Signal::immediate);
        String current = chosen.getOrDefault(LabelFamily.URGENCY, List.of()).stream().findFirst().orElse("info");
        String raised = now ? "immediate" : "info".equals(current) ? "concern" : current;
        if (raised.equals(current) && !now) {
            return; // already "concern" or "immediate": the counts said enough
        }
        List<String> why = new ArrayList<>();
        strong.stream().filter(sig -> !now || sig.immediate()).forEach(sig -> why.addAll(sig.words()));
        double floor = now ? STRONG_SIGNAL_CONFIDENCE : RAISED_TO_CONCERN_CONFIDENCE;
        List<RankedLabel> urgency = new ArrayList<>();
        for (RankedLabel l : ranked.get(LabelFamily.URGENCY)) {
            if (l.label().equals(raised)) {
                List<String> words = new ArrayList<>(why);
                l.words().stream().filter(w -> !words.contains(w)).forEach(words::add);
                urgency.add(0, new RankedLabel(raised, Math.max(floor, l.confidence()), words, l.similar()));
            } else {
                urgency.add(l);
            }
        }
        if (urgency.stream().noneMatch(l -> l.label().equals(raised))) {
            urgency.add(0, new RankedLabel(raised, floor, why, List.of()));
        }
        ranked.put(LabelFamily.URGENCY, urgency);
        chosen.put(LabelFamily.URGENCY, List.of(raised));
    }

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
                if (out.size() < MIN_CALIBRATED_NEEDS
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

    /** Platform names and nicknames in the text (and in the meaning of slang), plus the author's tags. */
    private List<RankedLabel> platforms(TrendNote note, String expanded, int textLength) {
        List<Token> tokens = TextChain.tokens(plain, expanded);
        Map<String, List<String>> mentions = new LinkedHashMap<>();
        platformAliases.forEach((id, forms) -> {
            for (String[] form : forms) {
                for (int i = 0; i + form.length <= tokens.size(); i++) {
                    boolean match = true;
                    for (int k = 0; k < form.length && match; k++) {
                        match = tokens.get(i + k).term().equals(form[k]);
                    }
                    if (!match) {
                        continue;
                    }
                    Token first = tokens.get(i);
                    String surface = expanded.substring(first.start(), tokens.get(i + form.length - 1).end());
                    if (form.length == 1 && AMBIGUOUS_NAMES.contains(form[0])
                            && !Character.isUpperCase(surface.charAt(0))) {
                        continue;
                    }
                    if (first.start() >= textLength) {
                        surface = "(" + surface + ")";
                    }
                    List<String> w = mentions.computeIfAbsent(id, k -> new ArrayList<>());
                    if (!w.contains(surface)) {
                        w.add(surface);
                    }
                }
            }
        });
        Set<String> tagged = new LinkedHashSet<>();
        note.platforms().forEach(p -> tagged.add(p.toLowerCase(Locale.ROOT)));
        Set<String> all = new LinkedHashSet<>(tagged);
        all.addAll(mentions.keySet());
        List<RankedLabel> out = new ArrayList<>();
        for (String id : all) {
            List<String> words = new ArrayList<>(mentions.getOrDefault(id, List.of()));
            double confidence;
            if (tagged.contains(id)) {
                words.add(0, Messages.Suggest_authorTag);
                confidence = mentions.containsKey(id) ? 0.95 : 0.85;
            } else {
                confidence = Math.min(0.9, 0.6 + 0.1 * words.size());
            }
            out.add(new RankedLabel(id, confidence, words, List.of()));
        }
        out.sort(Comparator.comparingDouble(RankedLabel::confidence).reversed());
        return out;
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
