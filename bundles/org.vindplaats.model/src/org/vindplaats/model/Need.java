package org.vindplaats.model;

import java.util.Locale;

/** The six developmental needs of young people online (handbook, Table 2). */
public enum Need implements Term {
    IDENTITY, RELATIONSHIPS, HEALTH, INFORMATION, PRIVACY_SAFETY, TALENT;

    /** Made once: ids are compared and looked up for every note that is suggested. */
    private final String id = name().toLowerCase(Locale.ROOT);

    @Override
    public String id() {
        return id;
    }

    @Override
    public String vocabularyKey() {
        return "need." + id();
    }

    /** One or two words, for narrow table headers. */
    public LocalizedText shortLabel() {
        return Vocabulary.text(vocabularyKey() + ".short");
    }
}
