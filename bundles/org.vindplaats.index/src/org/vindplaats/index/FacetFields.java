package org.vindplaats.index;

import java.util.List;

/**
 * The names of the fields a search counts notes by (facets) and filters on: one list for the
 * local index, the team hub's schema and both front ends, so a facet has one name everywhere.
 */
public final class FacetFields {

    public static final String PLATFORM = "platform";
    public static final String NEED = "need";
    public static final String AFFORDANCE = "affordance";
    /** A phenomenon of the knowledge centres' thesaurus (also {@code fenomeen:} in a query). */
    public static final String PHENOMENON = "phenomenon";
    public static final String POLARITY = "polarity";
    public static final String URGENCY = "urgency";
    /** The month a note was observed ({@code 2026-10}). */
    public static final String MONTH = "month";

    /** Every facet field, in the order results and filters list them. */
    public static final List<String> ALL = List.of(PLATFORM, NEED, AFFORDANCE, PHENOMENON, POLARITY, URGENCY, MONTH);

    private FacetFields() {
    }
}
