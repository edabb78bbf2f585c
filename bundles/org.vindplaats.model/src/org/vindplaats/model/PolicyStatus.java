package org.vindplaats.model;

import java.util.Locale;

/** What an organisation's social-media policy says about working on a platform. */
public enum PolicyStatus {
    /** Official work accounts may be used. */
    ALLOWED,
    /** Workers may look around to orient and signal, but not post or chat as the organisation. */
    OBSERVE_ONLY,
    /** Not to be used for work at all (e.g. a government ban). */
    BANNED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public LocalizedText label() {
        return Vocabulary.text("policy." + id());
    }
}
