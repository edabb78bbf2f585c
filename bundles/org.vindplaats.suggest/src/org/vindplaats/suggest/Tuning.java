package org.vindplaats.suggest;

import java.util.Set;

/**
 * Every number need mapping decides with, in one place: the knobs of the record, which
 * {@link #DEFAULT} sets to values chosen by 5-fold cross-validation on the development set (see
 * docs/need-mapping.md), and below them the fixed weights and thresholds, each with how it was
 * chosen. None was chosen by looking at single notes or at a set kept aside for measuring.
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

    // --- The lexicon (LexiconScorer) ---

    /** Prior belief that a lexicon word is right, and how many labelled notes it is worth. */
    static final double PRIOR_RELIABILITY = 0.7;
    static final double PRIOR_WEIGHT = 2.0;
    /** A word may prove more telling than listed, up to this factor. */
    static final double MAX_RELIABILITY = 1.5;
    /** A phrase of several words says more than a single word. */
    static final double PHRASE_FACTOR = 1.3;
    /** "mixed" from risk and opportunity words together; the factor was chosen by cross-validation. */
    static final double MIXED_BOOST = 2.0;

    // --- Labelled notes (the neighbours' vote and the learned words) ---

    /** With fewer labelled notes of a family than this, the lexicon is trusted more. */
    static final double FULL_TRUST_NOTES = 20.0;
    /** Without any evidence the most common label ranks first, by this small share of its rate. */
    static final double BASE_RATE_SHARE = 0.01;
    /** A word counts for a label when it raises the label's rate by more than this. */
    static final double MIN_LIFT = 0.1;
    /** A word seen in fewer labelled notes than this says nothing. */
    static final int MIN_WORD_NOTES = 2;
    /** How many words learned from labelled notes (examples and confirmed notes) an explanation names per label. */
    static final int EXPLAINED_LEARNED_WORDS = 3;
    /** How many similar notes an explanation names per label. */
    static final int EXPLAINED_NEIGHBOURS = 3;

    // --- Phenomena as evidence for needs and affordances (PhenomenonPrior) ---

    /**
     * Share of the phenomena's usual needs in a need's confidence. 5-fold CV on the dev set, seeds
     * 42, 1, 2, 3: 0.1 gave 0.772, 0.2 0.791, 0.3 0.787, 0.5 0.748 (seed 42); without phenomena
     * 0.745 and with 0.2 0.793 on average over the four seeds.
     */
    static final double PHENOMENON_SHARE = 0.2;
    /**
     * The same for affordances: the phenomena's usual affordances. Chosen on 7 Dec 2026 on the dev
     * set (5-fold CV and plugin alone) and the concept and multi-label sets: 0.1 and 0.2 raised all
     * four, 0.3 and more lowered the dev set below the lexicon alone (dev CV 0.668 → 0.707, 0.691,
     * 0.648, 0.583 for 0.1, 0.2, 0.3, 0.5; concept 0.430 → 0.479, 0.500, 0.665, 0.686).
     */
    static final double PHENOMENON_AFFORDANCE_SHARE = 0.2;

    // --- Calibrated scales and the needs model (Calibration, NeedsModel) ---

    /** Fewer labelled notes with (or without) a label than this: its confidence is used as it is. */
    static final int MIN_CALIBRATION_NOTES = 4;
    /** A label whose scale is narrower than this has no usable scale. */
    static final double MIN_SCALE = 0.02;
    /** Most notes touch two needs; choosing two whenever the scales are known scored best in CV. */
    static final int MIN_CALIBRATED_NEEDS = 2;
    /*
     * The needs model: one-vs-rest logistic regression over the note's tf-idf stems and the
     * calibrated scores of the three signals. It corrects the calibrated choice rather than
     * replacing it: on its own it scored below the calibrated scales in CV (0.66 against 0.68),
     * as a correction of MODEL_WEIGHT * (2p - 1) it scored 0.693 (mean of five seeds, was 0.683).
     */
    static final double MODEL_C = 1.0;
    static final double MODEL_WEIGHT = 0.3;
    /** A stem in fewer labelled notes than this says nothing general. */
    static final int MODEL_MIN_DF = 2;
    /** Fewer labelled notes with needs: no model, the signals alone decide. */
    static final int MIN_MODEL_NOTES = 20;
    /**
     * Up to this many labelled notes, a labelled note is scored by a model trained without exactly
     * that note. Beyond it, retraining per note would make suggesting a whole workspace quadratic:
     * the labelled notes are split by id into {@link #MODEL_FOLDS} folds and a note is scored by
     * the (cached) model trained without its fold. Either way it never sees its own labels.
     */
    static final int PER_NOTE_MODELS_UP_TO = 300;
    static final int MODEL_FOLDS = 10;

    // --- Urgency (StrongSignals) ---

    /** Confidence of "immediate" when a strong signal is in the text. */
    static final double STRONG_SIGNAL_CONFIDENCE = 0.9;
    /** At least this confidence for "concern" when a signal rules out "for information". */
    static final double RAISED_TO_CONCERN_CONFIDENCE = 0.6;

    // --- Platforms (PlatformMentions) ---

    /** Single words that are also platform names only count when written with a capital (Signal, Threads). */
    static final Set<String> AMBIGUOUS_NAMES = Set.of("signal", "threads", "x", "messenger", "discord");
    /** A platform the author tagged, also named in the text / only tagged. */
    static final double TAGGED_AND_NAMED = 0.95;
    static final double TAGGED_ONLY = 0.85;
    /** A platform only named in the text: this much, plus a step per distinct mention, at most the cap. */
    static final double NAMED = 0.6;
    static final double NAMED_STEP = 0.1;
    static final double NAMED_CAP = 0.9;
}
