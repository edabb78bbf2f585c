package org.vindplaats.model;

import java.util.List;
import java.util.Objects;

/**
 * How strongly a platform offers one affordance (0–4), why, how young people use it for good and
 * for ill, and where that comes from.
 */
public record AffordanceScore(Affordance affordance, int level, Confidence confidence, LocalizedText rationale,
        LocalizedText positiveUse, LocalizedText negativeUse, List<Source> sources) {

    public AffordanceScore {
        Objects.requireNonNull(affordance, "affordance");
        if (level < Affordance.MIN_LEVEL || level > Affordance.MAX_LEVEL) {
            throw new IllegalArgumentException(affordance.id() + ": level must be 0–4, was " + level);
        }
        confidence = confidence == null ? Confidence.MEDIUM : confidence;
        rationale = rationale == null ? LocalizedText.EMPTY : rationale;
        positiveUse = positiveUse == null ? LocalizedText.EMPTY : positiveUse;
        negativeUse = negativeUse == null ? LocalizedText.EMPTY : negativeUse;
        sources = List.copyOf(sources == null ? List.of() : sources);
    }
}
