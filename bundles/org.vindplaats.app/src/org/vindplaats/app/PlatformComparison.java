package org.vindplaats.app;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.vindplaats.model.Affordance;
import org.vindplaats.model.Platform;

/**
 * Platforms side by side, as {@code vindplaats compare} and the workbench's Compare part both show
 * them ({@link CatalogQueries#compare(List)} makes one): up to {@value #MAX_PLATFORMS} platforms,
 * and per affordance the spread of their levels. A spread of {@value #NOTABLE_DIFFERENCE} or more
 * is worth a worker's attention (marked in both).
 */
public final class PlatformComparison {

    /** Levels this far apart are worth a conversation. */
    public static final int NOTABLE_DIFFERENCE = 2;
    /** A comparison says something from two platforms on. */
    public static final int MIN_PLATFORMS = 2;
    public static final int MAX_PLATFORMS = 4;

    private final List<Platform> platforms;

    PlatformComparison(List<Platform> platforms) {
        if (platforms.size() > MAX_PLATFORMS) {
            throw new IllegalArgumentException("At most " + MAX_PLATFORMS + " platforms side by side, not " + platforms.size());
        }
        this.platforms = List.copyOf(platforms);
    }

    /** The platforms, in the order they were chosen. */
    public List<Platform> platforms() {
        return platforms;
    }

    /** Whether there are enough platforms to compare ({@value #MIN_PLATFORMS} or more). */
    public boolean complete() {
        return platforms.size() >= MIN_PLATFORMS;
    }

    /** The spread (highest minus lowest known level) of an affordance; 0 when no level is known. */
    public int spread(Affordance a) {
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

    /** Whether the platforms (more than one) differ notably on {@code a}. */
    public boolean isNotable(Affordance a) {
        return platforms.size() > 1 && spread(a) >= NOTABLE_DIFFERENCE;
    }

    /** The affordances the platforms differ notably on, in the handbook's order. */
    public List<Affordance> notableDifferences() {
        List<Affordance> out = new ArrayList<>();
        for (Affordance a : Affordance.values()) {
            if (isNotable(a)) {
                out.add(a);
            }
        }
        return out;
    }
}
