package org.vindplaats.model;

import java.util.Locale;

/**
 * A named concept from the handbook with a stable id (used in plugin files, notes and queries)
 * and a Dutch and English name and description.
 */
public interface Term {

    /** Stable lower-case id, e.g. {@code anonymity} or {@code privacy_safety}. Never translated. */
    String id();

    /** The key prefix in vocabulary.properties, e.g. {@code affordance.anonymity}. */
    String vocabularyKey();

    default LocalizedText label() {
        return Vocabulary.text(vocabularyKey() + ".name");
    }

    default LocalizedText description() {
        return Vocabulary.text(vocabularyKey() + ".description");
    }

    default String label(Locale locale) {
        return label().get(locale);
    }
}
