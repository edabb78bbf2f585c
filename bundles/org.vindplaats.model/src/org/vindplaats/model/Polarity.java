package org.vindplaats.model;

import java.util.Locale;

/** Whether a trend is an opportunity for young people, a risk, or both. */
public enum Polarity {
    OPPORTUNITY, RISK, MIXED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public LocalizedText label() {
        return Vocabulary.text("polarity." + id());
    }
}
