package org.vindplaats.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a worker needs to orient on one platform: its affordance profile, features, minimum
 * age, how to report and block, risks and opportunities per developmental need, guidance per
 * methodical step, orientation questions and, when a worker collected it, young people's own view.
 */
public record Platform(String id, String name, List<String> aliases, String category, String website,
        LocalizedText summary, MinimumAge minimumAge, Map<Feature, FeatureValue> features, AffordanceProfile profile,
        LocalizedText reportAndBlock, List<LocalizedText> safetySettings, Map<Need, NeedOutlook> needs,
        Map<MethodStep, LocalizedText> stepGuidance, List<LocalizedText> orientationQuestions,
        List<YouthView> youthViews, List<Source> sources, ProfessionalUse professionalUse) {

    public Platform {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases == null ? List.of() : aliases);
        summary = summary == null ? LocalizedText.EMPTY : summary;
        features = unmodifiableEnumMap(Feature.class, features);
        profile = profile == null ? new AffordanceProfile(Map.of()) : profile;
        reportAndBlock = reportAndBlock == null ? LocalizedText.EMPTY : reportAndBlock;
        safetySettings = List.copyOf(safetySettings == null ? List.of() : safetySettings);
        needs = unmodifiableEnumMap(Need.class, needs);
        stepGuidance = unmodifiableEnumMap(MethodStep.class, stepGuidance);
        orientationQuestions = List.copyOf(orientationQuestions == null ? List.of() : orientationQuestions);
        youthViews = List.copyOf(youthViews == null ? List.of() : youthViews);
        sources = List.copyOf(sources == null ? List.of() : sources);
    }

    /** A platform without a description of professional use (tests, older callers). */
    public Platform(String id, String name, List<String> aliases, String category, String website,
            LocalizedText summary, MinimumAge minimumAge, Map<Feature, FeatureValue> features, AffordanceProfile profile,
            LocalizedText reportAndBlock, List<LocalizedText> safetySettings, Map<Need, NeedOutlook> needs,
            Map<MethodStep, LocalizedText> stepGuidance, List<LocalizedText> orientationQuestions,
            List<YouthView> youthViews, List<Source> sources) {
        this(id, name, aliases, category, website, summary, minimumAge, features, profile, reportAndBlock, safetySettings,
                needs, stepGuidance, orientationQuestions, youthViews, sources, null);
    }

    /**
     * Using the platform as a worker (seed 002; the local-government framework, chapter 4): a
     * separate work account, an automatic reply outside working hours, several colleagues managing
     * one account, what happens to the worker's own chats (encryption, retention, backups to a
     * personal cloud) and what that means under the GDPR. Null when a plugin does not describe it.
     */
    public record ProfessionalUse(FeatureValue workAccount, FeatureValue autoReply, FeatureValue severalAdmins,
            LocalizedText workerChats, LocalizedText gdpr, List<Source> sources) {
        public ProfessionalUse {
            workerChats = workerChats == null ? LocalizedText.EMPTY : workerChats;
            gdpr = gdpr == null ? LocalizedText.EMPTY : gdpr;
            sources = List.copyOf(sources == null ? List.of() : sources);
        }
    }

    static <K extends Enum<K>, V> Map<K, V> unmodifiableEnumMap(Class<K> type, Map<K, V> source) {
        EnumMap<K, V> copy = new EnumMap<>(type);
        if (source != null) {
            copy.putAll(source);
        }
        return Collections.unmodifiableMap(copy);
    }

    /** Minimum age from the platform's own terms. */
    public record MinimumAge(int years, LocalizedText note, Source source) {
    }

    /** Whether the platform has a feature, with an optional remark. */
    public record FeatureValue(Feature.Availability value, LocalizedText note) {
        public FeatureValue {
            Objects.requireNonNull(value, "value");
            note = note == null ? LocalizedText.EMPTY : note;
        }
    }

    /** Opportunities and risks of this platform for one developmental need. */
    public record NeedOutlook(LocalizedText opportunities, LocalizedText risks) {
        public NeedOutlook {
            opportunities = opportunities == null ? LocalizedText.EMPTY : opportunities;
            risks = risks == null ? LocalizedText.EMPTY : risks;
        }
    }

    /** What young people themselves said about the platform (e.g. a worker's poll): who, when, how, what. */
    public record YouthView(LocalizedText who, String when, LocalizedText method, LocalizedText said) {
    }
}
