package org.vindplaats.model;

import java.util.List;
import java.util.Locale;

/**
 * The seven online affordances of the handbook (Table 1): what a platform makes easy or hard.
 * Each platform scores each affordance from 0 (not at all) to 4 (very much). Ephemerality
 * (disappearing content) is the low end of {@link #PERMANENCE}.
 */
public enum Affordance implements Term {
    ASYNCHRONICITY, ANONYMITY, REACHABILITY, ACCESSIBILITY, VISIBILITY, SPREADABILITY, PERMANENCE;

    public static final int MIN_LEVEL = 0;
    public static final int MAX_LEVEL = 4;

    /** Made once: ids are compared and looked up for every note that is suggested. */
    private final String id = name().toLowerCase(Locale.ROOT);

    @Override
    public String id() {
        return id;
    }

    @Override
    public String vocabularyKey() {
        return "affordance." + id();
    }

    /** A short name for narrow columns, e.g. "Anon" (the full name goes in the tooltip). */
    public LocalizedText shortLabel() {
        return Vocabulary.text(vocabularyKey() + ".short");
    }

    /** What level 0 and level 4 mean for this affordance. */
    public LocalizedText scale() {
        return Vocabulary.text(vocabularyKey() + ".scale");
    }

    /** Orientation questions about how young people use this affordance for good. */
    public List<LocalizedText> opportunityQuestions() {
        return Vocabulary.numbered(vocabularyKey() + ".question.opportunity");
    }

    /** Orientation questions about how this affordance can harm young people. */
    public List<LocalizedText> riskQuestions() {
        return Vocabulary.numbered(vocabularyKey() + ".question.risk");
    }

    /**
     * The orientation questions the handbook itself asks (step 1, p. 16-18), as
     * "affordance.polarity.number"; the others were added by Vindplaats in the same spirit.
     */
    private static final java.util.Set<String> HANDBOOK_QUESTIONS = java.util.Set.of("asynchronicity.opportunity.1",
            "anonymity.opportunity.1", "anonymity.opportunity.2", "anonymity.risk.1", "anonymity.risk.2",
            "reachability.opportunity.1", "reachability.opportunity.2", "reachability.opportunity.3", "reachability.risk.1",
            "reachability.risk.2", "reachability.risk.3", "accessibility.opportunity.1", "accessibility.risk.1",
            "visibility.opportunity.1", "visibility.risk.1", "spreadability.opportunity.1", "spreadability.risk.1",
            "permanence.opportunity.1", "permanence.risk.1");

    /** Where the handbook asks its orientation questions. */
    public static final String HANDBOOK_QUESTION_PAGES = "16-18";

    /**
     * Whether the {@code number}th (1-based) opportunity or risk question comes from the handbook
     * (false: Vindplaats added it).
     */
    public boolean isHandbookQuestion(boolean risk, int number) {
        return HANDBOOK_QUESTIONS.contains(id() + (risk ? ".risk." : ".opportunity.") + number);
    }

    /** The name of a level (0–4), e.g. "hoog" / "high". */
    public static LocalizedText levelName(int level) {
        if (level < MIN_LEVEL || level > MAX_LEVEL) {
            throw new IllegalArgumentException("Affordance level must be 0–4, was " + level);
        }
        return Vocabulary.text("level." + level);
    }
}
