package org.vindplaats.suggest;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.vindplaats.model.Affordance;
import org.vindplaats.model.Need;
import org.vindplaats.model.Polarity;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.model.Urgency;

/**
 * The labels of one note in all families, e.g. a gold standard line or a worker's confirmed
 * labels. Platforms are ids; a null polarity or urgency means "not labelled".
 */
public record Labels(Set<Need> needs, Set<Affordance> affordances, List<String> platforms, Polarity polarity,
        Urgency urgency) {

    public Labels {
        needs = needs == null ? Set.of() : Set.copyOf(needs);
        affordances = affordances == null ? Set.of() : Set.copyOf(affordances);
        platforms = platforms == null ? List.of() : List.copyOf(platforms);
    }

    /** The labels a note carries in the families a worker confirmed; the rest is left empty. */
    public static Labels confirmedOf(TrendNote n) {
        return new Labels(n.isConfirmed(LabelFamily.NEEDS) ? n.needs() : null,
                n.isConfirmed(LabelFamily.AFFORDANCES) ? n.affordances() : null,
                n.isConfirmed(LabelFamily.PLATFORMS) ? n.platforms() : null,
                n.isConfirmed(LabelFamily.POLARITY) ? n.polarity() : null,
                n.isConfirmed(LabelFamily.URGENCY) ? n.urgency() : null);
    }

    /** The label ids of one family. */
    public List<String> ids(LabelFamily family) {
        return switch (family) {
        case NEEDS -> needs.stream().map(Need::id).sorted().toList();
        case AFFORDANCES -> affordances.stream().map(Affordance::id).sorted().toList();
        case PLATFORMS -> platforms;
        case POLARITY -> polarity == null ? List.of() : List.of(polarity.id());
        case URGENCY -> urgency == null ? List.of() : List.of(urgency.id());
        case PHENOMENA -> List.of(); // suggested by PhenomenonSuggester, not here
        };
    }

    /** Every label id a family knows (platforms and phenomena: none, they come from the catalog and the thesaurus). */
    public static List<String> known(LabelFamily family) {
        return switch (family) {
        case NEEDS -> Arrays.stream(Need.values()).map(Need::id).toList();
        case AFFORDANCES -> Arrays.stream(Affordance.values()).map(Affordance::id).toList();
        case POLARITY -> Arrays.stream(Polarity.values()).map(Polarity::id).toList();
        case URGENCY -> Arrays.stream(Urgency.values()).map(Urgency::id).toList();
        case PLATFORMS, PHENOMENA -> List.of();
        };
    }

    /**
     * A label's name for people in the given language ("privacy_safety" becomes "Privacy en
     * veiligheid"); platform and phenomenon ids and unknown ids come back as they are (the caller
     * knows the platform and phenomenon names).
     */
    public static String name(LabelFamily family, String id, java.util.Locale locale) {
        return switch (family) {
        case NEEDS -> Arrays.stream(Need.values()).filter(n -> n.id().equals(id)).findFirst()
                .map(n -> n.label(locale)).orElse(id);
        case AFFORDANCES -> Arrays.stream(Affordance.values()).filter(a -> a.id().equals(id)).findFirst()
                .map(a -> a.label(locale)).orElse(id);
        case POLARITY -> Arrays.stream(Polarity.values()).filter(p -> p.id().equals(id)).findFirst()
                .map(p -> p.label().get(locale)).orElse(id);
        case URGENCY -> Arrays.stream(Urgency.values()).filter(u -> u.id().equals(id)).findFirst()
                .map(u -> u.label().get(locale)).orElse(id);
        case PLATFORMS, PHENOMENA -> id;
        };
    }
}
