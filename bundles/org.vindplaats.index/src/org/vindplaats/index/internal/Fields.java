package org.vindplaats.index.internal;

/** Field names of the index schema. Change {@link #SCHEMA_VERSION} when they change. */
public final class Fields {

    /** Part of the index stamp: a different schema makes the index rebuild itself. */
    public static final int SCHEMA_VERSION = 5;

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

    // The facet fields have their public names in FacetFields (one list for index, hub and front ends).
    public static final String PLATFORM = org.vindplaats.index.FacetFields.PLATFORM;
    public static final String NEED = org.vindplaats.index.FacetFields.NEED;
    public static final String AFFORDANCE = org.vindplaats.index.FacetFields.AFFORDANCE;
    public static final String POLARITY = org.vindplaats.index.FacetFields.POLARITY;
    public static final String URGENCY = org.vindplaats.index.FacetFields.URGENCY;
    public static final String MONTH = org.vindplaats.index.FacetFields.MONTH;
    /** Phenomena the note names or the tagger recognised (ids; also stored, to say why a note was found). */
    public static final String PHENOMENON = org.vindplaats.index.FacetFields.PHENOMENON;
    /**
     * Phenomena the tagger finds likely for a note without tagging it (a feature per phenomenon
     * id, its value the model's share): the resemblance to a phenomenon's examples counts only here.
     */
    public static final String PHENOMENON_LIKELY = "phenomenon.likely";
    /**
     * The phenomena the tagger's model ranks first for a note, tagged or not (ids): only for these
     * can a note's words alone make it one of a phenomenon's closest notes.
     */
    public static final String PHENOMENON_FIRST = "phenomenon.first";

    /** Facet dimensions, in the order results list them. */
    public static final String[] FACETS = org.vindplaats.index.FacetFields.ALL.toArray(String[]::new);

    /** Language value of notes whose language is not Dutch or English (indexed as both). */
    public static final String LANG_UNKNOWN = "und";

    private Fields() {
    }
}
