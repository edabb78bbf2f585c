package org.vindplaats.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A short field observation of what young people do online. Labels (platforms, needs,
 * affordances, phenomena, polarity, urgency) are either confirmed by a worker or suggested by
 * Vindplaats; {@link #confirmed()} says which label families a worker confirmed.
 *
 * @param piiKept   true only when a worker deliberately chose to keep personal data in this note
 * @param phenomena thesaurus ids of the phenomena a worker gave the note (see
 *                  {@link LabelFamily#PHENOMENA}: confirmed, they are all of its phenomena, and
 *                  none confirmed means "none of these")
 */
public record TrendNote(String id, String title, String body, List<String> platforms, LocalDate observed,
        String language, String source, String author, Polarity polarity, Urgency urgency, Set<Need> needs,
        Set<Affordance> affordances, Instant created, Instant updated, LocalDate expires, Set<LabelFamily> confirmed,
        boolean piiKept, List<String> phenomena) {

    /** The text used when a note has no URL source. */
    public static final String TEAM_OBSERVATION = "team observation";

    public TrendNote {
        Objects.requireNonNull(id, "id");
        title = title == null ? "" : title;
        body = body == null ? "" : body;
        platforms = List.copyOf(platforms == null ? List.of() : platforms);
        needs = immutableEnumSet(Need.class, needs);
        affordances = immutableEnumSet(Affordance.class, affordances);
        confirmed = immutableEnumSet(LabelFamily.class, confirmed);
        phenomena = List.copyOf(phenomena == null ? List.of() : new java.util.LinkedHashSet<>(phenomena));
    }

    /** A note without phenomena of its own (those are suggested, or given later). */
    public TrendNote(String id, String title, String body, List<String> platforms, LocalDate observed, String language,
            String source, String author, Polarity polarity, Urgency urgency, Set<Need> needs, Set<Affordance> affordances,
            Instant created, Instant updated, LocalDate expires, Set<LabelFamily> confirmed, boolean piiKept) {
        this(id, title, body, platforms, observed, language, source, author, polarity, urgency, needs, affordances, created,
                updated, expires, confirmed, piiKept, List.of());
    }

    private static <E extends Enum<E>> Set<E> immutableEnumSet(Class<E> type, Set<E> source) {
        EnumSet<E> copy = EnumSet.noneOf(type);
        if (source != null) {
            copy.addAll(source);
        }
        return Collections.unmodifiableSet(copy);
    }

    /**
     * True for the invented example notes a new workspace starts with ("sample-001", titled
     * "[Voorbeeld] ..." or "[Example] ..."): they are for trying Vindplaats out, never for a team hub.
     */
    public boolean isExample() {
        return id.matches("sample-\\d+") && (title.startsWith("[Voorbeeld]") || title.startsWith("[Example]"));
    }

    /**
     * The day the note stands for: the day it was observed, else the day it was written (UTC);
     * null when it has neither. Lists show it and retention counts from it.
     */
    public LocalDate day() {
        if (observed != null) {
            return observed;
        }
        return created == null ? null : LocalDate.ofInstant(created, java.time.ZoneOffset.UTC);
    }

    /** True when the note's retention date has passed on {@code today}. */
    public boolean isExpired(LocalDate today) {
        return expires != null && expires.isBefore(today);
    }

    public boolean isConfirmed(LabelFamily family) {
        return confirmed.contains(family);
    }

    /** Whether the note has a value in this family (a platform, a need, a polarity ...), confirmed or not. */
    public boolean hasLabel(LabelFamily family) {
        return switch (family) {
        case PLATFORMS -> !platforms.isEmpty();
        case NEEDS -> !needs.isEmpty();
        case AFFORDANCES -> !affordances.isEmpty();
        case PHENOMENA -> !phenomena.isEmpty();
        case POLARITY -> polarity != null;
        case URGENCY -> urgency != null;
        };
    }

    /** The families of labels a note carries; each is either worker-confirmed or suggested. */
    public enum LabelFamily {
        PLATFORMS, NEEDS, AFFORDANCES, POLARITY, URGENCY,
        /** Phenomena from the knowledge centres' thesaurus (ids); suggested by their own model. */
        PHENOMENA;

        /** Made once: ids are compared and looked up for every note that is suggested. */
        private final String id = name().toLowerCase(java.util.Locale.ROOT);

        public String id() {
            return id;
        }

        /** The family's name for people: "behoeften" / "needs". */
        public LocalizedText label() {
            return Vocabulary.text("family." + id());
        }
    }
}
