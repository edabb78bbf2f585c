package org.vindplaats.model;

import java.util.Locale;

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

    public LocalizedText label() {
        return Vocabulary.text("urgency." + id());
    }
}
