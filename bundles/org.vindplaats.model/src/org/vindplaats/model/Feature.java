package org.vindplaats.model;

import java.util.Locale;

/** Key features a worker wants to know about a platform before going there. */
public enum Feature implements Term {
    DIRECT_MESSAGES, GROUPS, STORIES, DISAPPEARING_MESSAGES, LIVESTREAMS, VOICE_VIDEO, LOCATION_SHARING,
    ANONYMOUS_ACCOUNTS, ALGORITHMIC_FEED, MONEY_GIFTS;

    @Override
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String vocabularyKey() {
        return "feature." + id();
    }

    @Override
    public LocalizedText label() {
        return Vocabulary.text(vocabularyKey());
    }

    /** Whether a platform has a feature. */
    public enum Availability {
        YES, NO, PARTLY;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public LocalizedText label() {
            return Vocabulary.text("availability." + id());
        }
    }
}
