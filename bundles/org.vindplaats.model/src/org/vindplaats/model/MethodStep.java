package org.vindplaats.model;

import java.util.Locale;

/** The seven methodical steps of (online) youth work, in the handbook's order. */
public enum MethodStep implements Term {
    ORIENT, BECOME_KNOWN, SIGNAL, MAKE_CONTACT, BUILD_RELATIONSHIP, GAUGE_NEEDS, OFFER_PERSPECTIVE;

    @Override
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String vocabularyKey() {
        return "step." + id();
    }

    /** 1-based number as used in the handbook ("Stap 3: Signaleren"). */
    public int number() {
        return ordinal() + 1;
    }
}
