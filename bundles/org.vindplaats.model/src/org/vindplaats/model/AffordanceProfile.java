package org.vindplaats.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** A platform's scores on the seven affordances. A complete profile scores all seven. */
public record AffordanceProfile(Map<Affordance, AffordanceScore> scores) {

    public AffordanceProfile {
        EnumMap<Affordance, AffordanceScore> copy = new EnumMap<>(Affordance.class);
        if (scores != null) {
            copy.putAll(scores);
        }
        scores = Collections.unmodifiableMap(copy);
    }

    public Optional<AffordanceScore> score(Affordance affordance) {
        return Optional.ofNullable(scores.get(affordance));
    }

    public OptionalInt level(Affordance affordance) {
        AffordanceScore s = scores.get(affordance);
        return s == null ? OptionalInt.empty() : OptionalInt.of(s.level());
    }

    public boolean isComplete() {
        return scores.size() == Affordance.values().length;
    }
}
