package org.vindplaats.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How urgently a signal needs action (handbook, step 3 "Signaleren"): {@link #IMMEDIATE} means direct
 * danger or a criminal offence, act now; {@link #CONCERN} means weigh it with the team;
 * {@link #INFO} means good to know.
 */
public enum Urgency {
    IMMEDIATE, CONCERN, INFO;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The urgency with this id ("immediate"), if any. */
    public static Optional<Urgency> byId(String id) {
        return Arrays.stream(values()).filter(v -> v.id().equals(id)).findFirst();
    }

    public LocalizedText label() {
        return Vocabulary.text("urgency." + id());
    }
}
