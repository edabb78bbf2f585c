package org.vindplaats.ui.parts;

import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalInt;

import org.vindplaats.model.Affordance;
import org.vindplaats.model.Feature;
import org.vindplaats.model.Feature.Availability;
import org.vindplaats.model.Organisation;
import org.vindplaats.model.Organisation.PlatformPolicy;
import org.vindplaats.model.Platform;
import org.vindplaats.model.PolicyStatus;

/**
 * What the Platforms list is narrowed to: a name, a level range per affordance (e.g. anonymity
 * 3–4, permanence 0–1), a feature the platform must have (optionally also "partly"), and the
 * active organisation's policy. A platform whose level is unknown does not pass a narrowed range.
 */
public record PlatformFilter(String query, int[] min, int[] max, Feature feature, boolean partlyCounts,
        PolicyStatus policy) {

    public static final PlatformFilter NONE = new PlatformFilter("", fill(Affordance.MIN_LEVEL), fill(Affordance.MAX_LEVEL),
            null, true, null);

    public PlatformFilter {
        query = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        min = min.clone();
        max = max.clone();
    }

    private static int[] fill(int v) {
        int[] a = new int[Affordance.values().length];
        Arrays.fill(a, v);
        return a;
    }

    public PlatformFilter withQuery(String q) {
        return new PlatformFilter(q, min, max, feature, partlyCounts, policy);
    }

    public PlatformFilter withRange(Affordance a, int low, int high) {
        int[] mi = min.clone();
        int[] ma = max.clone();
        mi[a.ordinal()] = low;
        ma[a.ordinal()] = high;
        return new PlatformFilter(query, mi, ma, feature, partlyCounts, policy);
    }

    public PlatformFilter withFeature(Feature f, boolean partly) {
        return new PlatformFilter(query, min, max, f, partly, policy);
    }

    public PlatformFilter withPolicy(PolicyStatus p) {
        return new PlatformFilter(query, min, max, feature, partlyCounts, p);
    }

    public boolean isNarrowed(Affordance a) {
        return min[a.ordinal()] > Affordance.MIN_LEVEL || max[a.ordinal()] < Affordance.MAX_LEVEL;
    }

    /** Whether {@code p} passes; {@code organisation} (may be null) decides the policy filter. */
    public boolean test(Platform p, Organisation organisation) {
        if (!query.isEmpty() && !(p.name().toLowerCase(Locale.ROOT).contains(query) || p.id().contains(query)
                || p.aliases().stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).startsWith(query)))) {
            return false;
        }
        for (Affordance a : Affordance.values()) {
            if (!isNarrowed(a)) {
                continue;
            }
            OptionalInt level = p.profile().level(a);
            if (level.isEmpty() || level.getAsInt() < min[a.ordinal()] || level.getAsInt() > max[a.ordinal()]) {
                return false;
            }
        }
        if (feature != null) {
            Platform.FeatureValue v = p.features().get(feature);
            Availability has = v == null ? null : v.value();
            if (!(has == Availability.YES || (partlyCounts && has == Availability.PARTLY))) {
                return false;
            }
        }
        if (policy != null) {
            PlatformPolicy pp = organisation == null ? null : organisation.policyFor(p.id());
            if (pp == null || pp.status() != policy) {
                return false;
            }
        }
        return true;
    }
}
