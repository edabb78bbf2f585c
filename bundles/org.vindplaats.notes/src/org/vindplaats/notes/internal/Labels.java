package org.vindplaats.notes.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.eclipse.osgi.util.NLS;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.Need;
import org.vindplaats.model.Polarity;
import org.vindplaats.model.Terms;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.model.Urgency;

/** Reads label ids written by people (files, JSON Lines), with "did you mean" for typos. */
public final class Labels {

    private static final Pattern PLATFORM_ID = Pattern.compile("[a-z0-9][a-z0-9_.]*");

    private Labels() {
    }

    /** A label id read from input: the value, or a message saying why it was not understood. */
    public record Parsed<T>(T value, String error) {
        public boolean ok() {
            return value != null;
        }
    }

    public static Parsed<Need> need(String id) {
        return lookup(id, Need.class, Need::id, Messages.Labels_need);
    }

    public static Parsed<Affordance> affordance(String id) {
        if (id != null && ("ephemerality".equals(normalise(id)) || "vluchtigheid".equals(normalise(id)))) {
            // The handbook treats ephemerality as the low end of permanence.
            return new Parsed<>(Affordance.PERMANENCE, null);
        }
        return lookup(id, Affordance.class, Affordance::id, Messages.Labels_affordance);
    }

    public static Parsed<Polarity> polarity(String id) {
        return lookup(id, Polarity.class, Polarity::id, Messages.Labels_polarity);
    }

    public static Parsed<Urgency> urgency(String id) {
        return lookup(id, Urgency.class, Urgency::id, Messages.Labels_urgency);
    }

    public static Parsed<LabelFamily> family(String id) {
        return lookup(id, LabelFamily.class, LabelFamily::id, Messages.Labels_family);
    }

    /**
     * Dutch words workers naturally write for a label ("kans", "gezondheid", "zichtbaarheid"),
     * mapped to the stable English ids. Files written by Vindplaats always use the ids.
     */
    private static final java.util.Map<String, String> DUTCH = java.util.Map.ofEntries(
            java.util.Map.entry("identiteit", "identity"), java.util.Map.entry("zelfbeeld", "identity"),
            java.util.Map.entry("relaties", "relationships"), java.util.Map.entry("relatie", "relationships"),
            java.util.Map.entry("gezondheid", "health"), java.util.Map.entry("welzijn", "health"),
            java.util.Map.entry("informatie", "information"), java.util.Map.entry("privacy", "privacy_safety"),
            java.util.Map.entry("veiligheid", "privacy_safety"), java.util.Map.entry("privacy_en_veiligheid", "privacy_safety"),
            java.util.Map.entry("talentontwikkeling", "talent"), java.util.Map.entry("asynchroniciteit", "asynchronicity"),
            java.util.Map.entry("anonimiteit", "anonymity"), java.util.Map.entry("bereikbaarheid", "reachability"),
            java.util.Map.entry("toegankelijkheid", "accessibility"), java.util.Map.entry("zichtbaarheid", "visibility"),
            java.util.Map.entry("verspreidbaarheid", "spreadability"), java.util.Map.entry("permanentie", "permanence"),
            java.util.Map.entry("vluchtigheid", "permanence"), java.util.Map.entry("kans", "opportunity"),
            java.util.Map.entry("risico", "risk"), java.util.Map.entry("gemengd", "mixed"),
            java.util.Map.entry("direct", "immediate"), java.util.Map.entry("direct_ingrijpen", "immediate"),
            java.util.Map.entry("dringend", "immediate"), java.util.Map.entry("zorgelijk", "concern"),
            java.util.Map.entry("zorg", "concern"), java.util.Map.entry("ter_info", "info"));

    private static <E extends Enum<E>> Parsed<E> lookup(String raw, Class<E> type, Function<E, String> idOf,
            String what) {
        String wanted = raw == null ? "" : normalise(raw);
        wanted = DUTCH.getOrDefault(wanted, wanted);
        for (E e : type.getEnumConstants()) {
            if (idOf.apply(e).equals(wanted)) {
                return new Parsed<>(e, null);
            }
        }
        List<String> ids = Arrays.stream(type.getEnumConstants()).map(idOf).toList();
        Optional<String> guess = Terms.didYouMean(wanted, ids);
        String message = guess.isPresent()
                ? NLS.bind(Messages.Labels_unknownDidYouMean, new Object[] { what, raw, guess.get() })
                : NLS.bind(Messages.Labels_unknown, new Object[] { what, raw, String.join(", ", ids) });
        return new Parsed<>(null, message);
    }

    private static String normalise(String id) {
        return id.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }

    /**
     * A platform id as the catalog spells it: lower case, spaces and hyphens as '_'
     * ("Dating apps" becomes "dating_apps"); an error when it still contains other characters.
     */
    public static Parsed<String> platform(String raw) {
        String id = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        if (!PLATFORM_ID.matcher(id).matches()) {
            return new Parsed<>(null, NLS.bind(Messages.Labels_badPlatform, raw));
        }
        return new Parsed<>(id, null);
    }

    /** A phenomenon id as the thesaurus writes it ("Money mules" and "money-mules" read as money_mules). */
    public static Parsed<String> phenomenon(String raw) {
        String id = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        if (!PLATFORM_ID.matcher(id).matches()) {
            return new Parsed<>(null, NLS.bind(Messages.Labels_badPhenomenon, raw));
        }
        return new Parsed<>(id, null);
    }
}
