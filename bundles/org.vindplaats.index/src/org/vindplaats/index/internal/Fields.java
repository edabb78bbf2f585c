package org.vindplaats.index.internal;

/** Field names of the index schema. Change {@link #SCHEMA_VERSION} when they change. */
public final class Fields {

    /** Part of the index stamp: a different schema makes the index rebuild itself. */
    public static final int SCHEMA_VERSION = 3;

    public static final String NL_SUFFIX = ".nl";
    public static final String EN_SUFFIX = ".en";

    public static final String ID = "id";
    public static final String UPDATED = "updated";
    public static final String TITLE = "title";
    public static final String TITLE_NL = "title.nl";
    public static final String TITLE_EN = "title.en";
    public static final String BODY_NL = "body.nl";
    public static final String BODY_EN = "body.en";
    /** Title and body lower-cased and folded but not stemmed: typo-tolerant (fuzzy) matching. */
    public static final String ALL = "all";
    /** Title and body with compounds split into known parts (low weight: recall for compounds). */
    public static final String PARTS = "parts";
    public static final String LANG = "lang";
    public static final String OBSERVED = "observed";
    public static final String OBSERVED_STORED = "observed.stored";

    public static final String PLATFORM = "platform";
    public static final String NEED = "need";
    public static final String AFFORDANCE = "affordance";
    public static final String POLARITY = "polarity";
    public static final String URGENCY = "urgency";
    public static final String MONTH = "month";
    /** Phenomena the note names or the tagger recognised (ids; also stored, to say why a note was found). */
    public static final String PHENOMENON = "phenomenon";

    /** Facet dimensions, in the order results list them. */
    public static final String[] FACETS = { PLATFORM, NEED, AFFORDANCE, PHENOMENON, POLARITY, URGENCY, MONTH };

    /** Language value of notes whose language is not Dutch or English (indexed as both). */
    public static final String LANG_UNKNOWN = "und";

    private Fields() {
    }
}
