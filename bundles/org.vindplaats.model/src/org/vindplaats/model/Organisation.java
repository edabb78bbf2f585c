package org.vindplaats.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A city, knowledge centre or organisation and what it has settled for online work: its
 * social-media policy per platform, account rules, reachability agreements, referral partners,
 * how long trend notes are kept, duty-to-report guidance and what it tells young people.
 */
public record Organisation(String id, String name, Type type, String region, LocalizedText summary,
        PolicyStatus defaultPolicy, Map<String, PlatformPolicy> platformPolicies, List<LocalizedText> accountRules,
        Reachability reachability, List<ReferralPartner> referralPartners, Integer retentionMonths,
        Map<Urgency, LocalizedText> dutyToReport, LocalizedText transparency, Map<String, String> resources) {

    public Organisation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        summary = summary == null ? LocalizedText.EMPTY : summary;
        platformPolicies = Map.copyOf(platformPolicies == null ? Map.of() : platformPolicies);
        accountRules = List.copyOf(accountRules == null ? List.of() : accountRules);
        referralPartners = List.copyOf(referralPartners == null ? List.of() : referralPartners);
        dutyToReport = Platform.unmodifiableEnumMap(Urgency.class, dutyToReport);
        transparency = transparency == null ? LocalizedText.EMPTY : transparency;
        resources = Map.copyOf(resources == null ? Map.of() : resources);
    }

    /** The policy for a platform: its own entry, else the organisation's default, else none. */
    public PlatformPolicy policyFor(String platformId) {
        PlatformPolicy own = platformPolicies.get(platformId);
        if (own != null) {
            return own;
        }
        return defaultPolicy == null ? null : new PlatformPolicy(defaultPolicy, LocalizedText.EMPTY);
    }

    public enum Type {
        CITY, KNOWLEDGE_CENTRE, ORGANISATION
    }

    public record PlatformPolicy(PolicyStatus status, LocalizedText note) {
        public PlatformPolicy {
            Objects.requireNonNull(status, "status");
            note = note == null ? LocalizedText.EMPTY : note;
        }
    }

    public record Reachability(LocalizedText hours, LocalizedText autoReply, LocalizedText responseTime) {
    }

    public record ReferralPartner(String name, LocalizedText description, Set<Need> needs, Set<Urgency> urgencies,
            String channel, String region, String contact) {
    }
}
