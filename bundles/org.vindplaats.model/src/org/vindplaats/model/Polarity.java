package org.vindplaats.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Whether a trend is an opportunity for young people, a risk, or both. */
public enum Polarity {
    OPPORTUNITY, RISK, MIXED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The polarity with this id ("risk"), if any. */
    public static Optional<Polarity> byId(String id) {
        return Arrays.stream(values()).filter(v -> v.id().equals(id)).findFirst();
    }

    public LocalizedText label() {
        return Vocabulary.text("polarity." + id());
    }
}
