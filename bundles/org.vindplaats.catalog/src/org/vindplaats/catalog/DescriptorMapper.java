package org.vindplaats.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.vindplaats.model.Affordance;
import org.vindplaats.model.AffordanceProfile;
import org.vindplaats.model.AffordanceScore;
import org.vindplaats.model.Confidence;
import org.vindplaats.model.Feature;
import org.vindplaats.model.LocalizedText;
import org.vindplaats.model.MethodStep;
import org.vindplaats.model.Need;
import org.vindplaats.model.Organisation;
import org.vindplaats.model.Platform;
import org.vindplaats.model.PolicyStatus;
import org.vindplaats.model.Source;
import org.vindplaats.model.Terms;
import org.vindplaats.model.Urgency;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Maps a descriptor that passed validation onto the model records. Because validation ran first,
 * this code can assume the shape is right and stays a plain transcription.
 */
final class DescriptorMapper {

    private DescriptorMapper() {
    }

    static PluginDescriptor map(JsonNode root) {
        String kind = root.get("kind").asText();
        String id = root.get("id").asText();
        String name = root.get("name").asText();
        String publisher = root.path("publisher").path("name").asText(null);
        if ("platform".equals(kind)) {
            return new PluginDescriptor(PluginDescriptor.Kind.PLATFORM, id, root.get("version").asText(), name, publisher,
                    platform(id, name, root.get("platform")), null);
        }
        return new PluginDescriptor(PluginDescriptor.Kind.ORGANISATION, id, root.get("version").asText(), name, publisher,
                null, organisation(id, name, root.get("organisation")));
    }

    static LocalizedText text(JsonNode n) {
        if (n == null || !n.isObject()) {
            return LocalizedText.EMPTY;
        }
        return LocalizedText.of(n.path("nl").asText(null), n.path("en").asText(null));
    }

    static List<LocalizedText> texts(JsonNode n) {
        List<LocalizedText> list = new ArrayList<>();
        if (n != null) {
            n.forEach(t -> list.add(text(t)));
        }
        return list;
    }

    static Source source(JsonNode n) {
        return new Source(n.get("title").asText(), n.get("url").asText(), LocalDate.parse(n.get("checked").asText()));
    }

    static List<Source> sources(JsonNode n) {
        List<Source> list = new ArrayList<>();
        if (n != null) {
            n.forEach(s -> list.add(source(s)));
        }
        return list;
    }

    private static Platform platform(String id, String name, JsonNode p) {
        List<String> aliases = new ArrayList<>();
        p.path("aliases").forEach(a -> aliases.add(a.asText()));

        Platform.MinimumAge minimumAge = null;
        JsonNode age = p.get("minimumAge");
        if (age != null) {
            minimumAge = new Platform.MinimumAge(age.get("years").asInt(), text(age.get("note")), source(age.get("source")));
        }

        Map<Feature, Platform.FeatureValue> features = new EnumMap<>(Feature.class);
        p.path("features").fields().forEachRemaining(e -> Terms.byId(Feature.class, e.getKey()).ifPresent(f -> features.put(f,
                new Platform.FeatureValue(Feature.Availability.valueOf(e.getValue().get("value").asText().toUpperCase(Locale.ROOT)),
                        text(e.getValue().get("note"))))));

        Map<Affordance, AffordanceScore> scores = new EnumMap<>(Affordance.class);
        p.path("affordances").fields().forEachRemaining(e -> Terms.byId(Affordance.class, e.getKey()).ifPresent(a -> {
            JsonNode s = e.getValue();
            Confidence confidence = s.has("confidence") ? Confidence.valueOf(s.get("confidence").asText().toUpperCase(Locale.ROOT))
                    : null;
            scores.put(a, new AffordanceScore(a, s.get("level").asInt(), confidence, text(s.get("rationale")),
                    text(s.get("positiveUse")), text(s.get("negativeUse")), sources(s.get("sources"))));
        }));

        Map<Need, Platform.NeedOutlook> needs = new EnumMap<>(Need.class);
        p.path("needs").fields().forEachRemaining(e -> Terms.byId(Need.class, e.getKey()).ifPresent(n -> needs.put(n,
                new Platform.NeedOutlook(text(e.getValue().get("opportunities")), text(e.getValue().get("risks"))))));

        Map<MethodStep, LocalizedText> steps = new EnumMap<>(MethodStep.class);
        p.path("stepGuidance").fields().forEachRemaining(
                e -> Terms.byId(MethodStep.class, e.getKey()).ifPresent(s -> steps.put(s, text(e.getValue()))));

        List<Platform.YouthView> views = new ArrayList<>();
        p.path("youthViews").forEach(v -> views.add(new Platform.YouthView(text(v.get("who")), v.path("when").asText(),
                text(v.get("method")), text(v.get("said")))));

        return new Platform(id, name, aliases, p.path("category").asText(null), p.path("website").asText(null),
                text(p.get("summary")), minimumAge, features, new AffordanceProfile(scores), text(p.get("reportAndBlock")),
                texts(p.get("safetySettings")), needs, steps, texts(p.get("orientationQuestions")), views,
                sources(p.get("sources")), professionalUse(p.get("professionalUse")));
    }

    private static Platform.ProfessionalUse professionalUse(JsonNode u) {
        if (u == null || !u.isObject()) {
            return null;
        }
        return new Platform.ProfessionalUse(featureValue(u.get("workAccount")), featureValue(u.get("autoReply")),
                featureValue(u.get("severalAdmins")), text(u.get("workerChats")), text(u.get("gdpr")), sources(u.get("sources")));
    }

    private static Platform.FeatureValue featureValue(JsonNode v) {
        if (v == null || !v.has("value")) {
            return null;
        }
        return new Platform.FeatureValue(Feature.Availability.valueOf(v.get("value").asText().toUpperCase(Locale.ROOT)),
                text(v.get("note")));
    }

    private static Organisation organisation(String id, String name, JsonNode o) {
        JsonNode policy = o.path("policy");
        PolicyStatus defaultPolicy = policy.has("default") ? policyStatus(policy.get("default").asText()) : null;
        Map<String, Organisation.PlatformPolicy> policies = new LinkedHashMap<>();
        policy.path("platforms").fields().forEachRemaining(e -> policies.put(e.getKey(),
                new Organisation.PlatformPolicy(policyStatus(e.getValue().get("status").asText()), text(e.getValue().get("note")))));

        JsonNode r = o.get("reachability");
        Organisation.Reachability reachability = r == null ? null
                : new Organisation.Reachability(text(r.get("hours")), text(r.get("autoReply")), text(r.get("responseTime")));

        List<Organisation.ReferralPartner> partners = new ArrayList<>();
        o.path("referralPartners").forEach(rp -> {
            Set<Need> needs = EnumSet.noneOf(Need.class);
            rp.path("needs").forEach(n -> Terms.byId(Need.class, n.asText()).ifPresent(needs::add));
            Set<Urgency> urgencies = EnumSet.noneOf(Urgency.class);
            rp.path("urgency").forEach(u -> urgencies.add(Urgency.valueOf(u.asText().toUpperCase(Locale.ROOT))));
            partners.add(new Organisation.ReferralPartner(rp.get("name").asText(), text(rp.get("description")), needs,
                    urgencies, rp.path("channel").asText(null), rp.path("region").asText(null), rp.path("contact").asText(null)));
        });

        Map<Urgency, LocalizedText> duty = new EnumMap<>(Urgency.class);
        o.path("dutyToReport").fields().forEachRemaining(
                e -> duty.put(Urgency.valueOf(e.getKey().toUpperCase(Locale.ROOT)), text(e.getValue())));

        Map<String, String> resources = new LinkedHashMap<>();
        o.path("resources").fields().forEachRemaining(e -> resources.put(e.getKey(), e.getValue().asText()));

        List<Organisation.HelpLine> helpLines = new ArrayList<>();
        o.path("helpLines").forEach(h -> {
            List<String> channels = new ArrayList<>();
            h.path("channels").forEach(c -> channels.add(c.asText()));
            Set<Urgency> urgencies = EnumSet.noneOf(Urgency.class);
            h.path("urgency").forEach(u -> urgencies.add(Urgency.valueOf(u.asText().toUpperCase(Locale.ROOT))));
            List<String> phenomena = new ArrayList<>();
            h.path("phenomena").forEach(x -> phenomena.add(x.asText()));
            Set<Need> needs = EnumSet.noneOf(Need.class);
            h.path("needs").forEach(n -> Terms.byId(Need.class, n.asText()).ifPresent(needs::add));
            helpLines.add(new Organisation.HelpLine(h.get("name").asText(), h.path("contact").asText(null), channels,
                    text(h.get("hours")), text(h.get("helpsWith")), urgencies, phenomena, needs, h.path("url").asText(null),
                    h.has("source") ? source(h.get("source")) : null));
        });

        List<Organisation.PlatformYouthView> youthViews = new ArrayList<>();
        o.path("youthViews").forEach(v -> youthViews.add(new Organisation.PlatformYouthView(v.path("platform").asText(),
                new Platform.YouthView(text(v.get("who")), v.path("when").asText(), text(v.get("method")), text(v.get("said"))))));

        Integer retention = o.path("retention").has("noteMonths") ? o.path("retention").get("noteMonths").asInt() : null;
        Organisation.Type type = Organisation.Type.valueOf(o.get("type").asText().toUpperCase(Locale.ROOT));
        return new Organisation(id, name, type, o.path("region").asText(null), text(o.get("summary")), defaultPolicy,
                policies, texts(o.get("accountRules")), reachability, partners, retention, duty, text(o.get("transparency")),
                resources, helpLines, youthViews);
    }

    private static PolicyStatus policyStatus(String id) {
        return PolicyStatus.valueOf(id.toUpperCase(Locale.ROOT));
    }
}
