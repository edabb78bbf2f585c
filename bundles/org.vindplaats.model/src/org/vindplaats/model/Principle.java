package org.vindplaats.model;

import java.util.Locale;

/** The twelve methodical principles a worker applies across the steps. */
public enum Principle implements Term {
    MEANINGFUL_RELATIONSHIP, LIFEWORLD, NEEDS_BASED, LEARNING_BY_DOING, PROXIMITY, EMPOWERMENT,
    ENVIRONMENT, PRACTICAL_HELP, RULES, REWARDING, ONE_TO_ONE, PEER_SUPPORT;

    @Override
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String vocabularyKey() {
        return "principle." + id();
    }
}
