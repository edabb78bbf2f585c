package org.vindplaats.app;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.vindplaats.model.Affordance;
import org.vindplaats.model.Platform;

/**
 * The comparison of platforms side by side, as {@code vindplaats compare} and the workbench's
 * Compare part both make it: two to {@value #MAX_PLATFORMS} platforms, and per affordance the
 * spread of their levels; a spread of {@value #NOTABLE_DIFFERENCE} or more is worth a worker's
 * attention (marked in both).
 */
public final class PlatformComparison {

    /** Levels this far apart are worth a conversation. */
    public static final int NOTABLE_DIFFERENCE = 2;
    public static final int MIN_PLATFORMS = 2;
    public static final int MAX_PLATFORMS = 4;

    private PlatformComparison() {
    }

    /** The spread (highest minus lowest known level) of an affordance among {@code platforms}; 0 when none is known. */
    public static int spread(List<Platform> platforms, Affordance a) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (Platform p : platforms) {
            OptionalInt l = p.profile().level(a);
            if (l.isPresent()) {
                min = Math.min(min, l.getAsInt());
                max = Math.max(max, l.getAsInt());
            }
        }
        return max < min ? 0 : max - min;
    }

    /** Whether {@code platforms} (more than one) differ notably on {@code a}. */
    public static boolean isNotable(List<Platform> platforms, Affordance a) {
        return platforms.size() > 1 && spread(platforms, a) >= NOTABLE_DIFFERENCE;
    }

    /** The affordances {@code platforms} differ notably on, in the handbook's order. */
    public static List<Affordance> notableDifferences(List<Platform> platforms) {
        List<Affordance> out = new ArrayList<>();
        for (Affordance a : Affordance.values()) {
            if (isNotable(platforms, a)) {
                out.add(a);
            }
        }
        return out;
    }
}
