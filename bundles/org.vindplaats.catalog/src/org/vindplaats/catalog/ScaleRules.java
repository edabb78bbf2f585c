package org.vindplaats.catalog;

import java.util.List;

/**
 * The rules between a platform's features and its affordance levels that follow from the written
 * scales (docs/affordance-scales.md, "Orderings that follow"). 'plugin validate' and the catalog
 * report a plugin that breaks one; the shipped platforms are also checked against each other in
 * the tests.
 */
public final class ScaleRules {

    /** When {@code feature} has {@code featureValue}, {@code affordance} must be at least {@code min} and at most {@code max}. */
    public record Rule(int number, String feature, String featureValue, String affordance, int min, int max) {
        public boolean allows(int level) {
            return level >= min && level <= max;
        }

        /** "≤ 2" or "≥ 2", for messages. */
        public String bound() {
            return max < 4 ? "\u2264 " + max : "\u2265 " + min;
        }
    }

    public static final List<Rule> RULES = List.of(
            new Rule(1, "anonymous_accounts", "no", "anonymity", 0, 2),
            new Rule(1, "anonymous_accounts", "yes", "anonymity", 2, 4),
            new Rule(2, "algorithmic_feed", "yes", "visibility", 2, 4),
            new Rule(2, "algorithmic_feed", "yes", "accessibility", 2, 4),
            new Rule(3, "direct_messages", "no", "reachability", 0, 2),
            new Rule(4, "disappearing_messages", "no", "permanence", 2, 4));

    private ScaleRules() {
    }
}
