package org.vindplaats.model;

import java.util.ArrayList;
import java.util.Collection;
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
        Map<Urgency, LocalizedText> dutyToReport, LocalizedText transparency, Map<String, String> resources,
        List<HelpLine> helpLines, List<PlatformYouthView> youthViews) {

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
        helpLines = List.copyOf(helpLines == null ? List.of() : helpLines);
        youthViews = List.copyOf(youthViews == null ? List.of() : youthViews);
    }

    /** An organisation without help lines (tests, older callers). */
    public Organisation(String id, String name, Type type, String region, LocalizedText summary,
            PolicyStatus defaultPolicy, Map<String, PlatformPolicy> platformPolicies, List<LocalizedText> accountRules,
            Reachability reachability, List<ReferralPartner> referralPartners, Integer retentionMonths,
            Map<Urgency, LocalizedText> dutyToReport, LocalizedText transparency, Map<String, String> resources) {
        this(id, name, type, region, summary, defaultPolicy, platformPolicies, accountRules, reachability, referralPartners,
                retentionMonths, dutyToReport, transparency, resources, List.of(), List.of());
    }

    /**
     * What young people themselves said about a platform, as a team or knowledge centre recorded
     * it (a youth panel, a workshop): shown next to the professional view, marked with this
     * organisation as where it came from.
     */
    public record PlatformYouthView(String platform, Platform.YouthView view) {
        public PlatformYouthView {
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(view, "view");
        }
    }

    /** The youth views this organisation recorded about {@code platformId}. */
    public List<Platform.YouthView> youthViewsOf(String platformId) {
        return youthViews.stream().filter(v -> v.platform().equals(platformId)).map(PlatformYouthView::view).toList();
    }

    /**
     * The help lines to show for a situation, best first: those for one of these phenomena, then
     * those for one of these needs, then the general ones (no phenomena or needs named), then the
     * rest. Only lines meant for this urgency (or for any urgency) count; {@code urgency} null means
     * all.
     */
    public List<HelpLine> helpLinesFor(Urgency urgency, Collection<String> phenomena, Collection<Need> needs) {
        List<HelpLine> out = new ArrayList<>();
        List<HelpLine> fitting = helpLines.stream()
                .filter(h -> urgency == null || h.urgencies().isEmpty() || h.urgencies().contains(urgency)).toList();
        fitting.stream().filter(h -> h.phenomena().stream().anyMatch(phenomena::contains)).forEach(out::add);
        fitting.stream().filter(h -> !out.contains(h) && h.needs().stream().anyMatch(needs::contains)).forEach(out::add);
        fitting.stream().filter(h -> !out.contains(h) && h.phenomena().isEmpty() && h.needs().isEmpty()).forEach(out::add);
        fitting.stream().filter(h -> !out.contains(h)).forEach(out::add);
        return out;
    }

    /**
     * The referral partners for a note of this urgency: those that list it, and those that list
     * none (they take every urgency). {@code urgency} null means all partners.
     */
    public List<ReferralPartner> referralPartnersFor(Urgency urgency) {
        return referralPartners.stream().filter(p -> urgency == null || p.urgencies() == null || p.urgencies().isEmpty()
                || p.urgencies().contains(urgency)).toList();
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

    /**
     * A help line or reporting point young people or workers can turn to (Child Focus, Awel,
     * 113, Helpwanted, the police ...): how to reach it, when, for what, and where that was checked.
     */
    public record HelpLine(String name, String contact, List<String> channels, LocalizedText hours,
            LocalizedText helpsWith, Set<Urgency> urgencies, List<String> phenomena, Set<Need> needs, String url,
            Source source) {
        public HelpLine {
            Objects.requireNonNull(name, "name");
            channels = List.copyOf(channels == null ? List.of() : channels);
            hours = hours == null ? LocalizedText.EMPTY : hours;
            helpsWith = helpsWith == null ? LocalizedText.EMPTY : helpsWith;
            urgencies = Set.copyOf(urgencies == null ? Set.of() : urgencies);
            phenomena = List.copyOf(phenomena == null ? List.of() : phenomena);
            needs = Set.copyOf(needs == null ? Set.of() : needs);
        }

        /** "Child Focus — 116 000 (telefoon, chat; dag en nacht)": one line for a list. */
        public String summary(String language) {
            StringBuilder sb = new StringBuilder(name);
            if (contact != null && !contact.isBlank()) {
                sb.append(" \u2014 ").append(contact);
            }
            List<String> parts = new ArrayList<>();
            if (!channels.isEmpty()) {
                parts.add(String.join(", ", channels.stream().map(c -> channelName(c, language)).toList()));
            }
            if (!hours.isEmpty()) {
                parts.add(hours.get(language));
            }
            if (!parts.isEmpty()) {
                sb.append(" (").append(String.join("; ", parts)).append(')');
            }
            return sb.toString();
        }

        /** "telefoon", "chat", ... in the language; an unknown channel as written. */
        public static String channelName(String channel, String language) {
            String t = Vocabulary.text("helpline.channel." + channel).get(language);
            return t.isEmpty() ? channel : t;
        }
    }

    public record ReferralPartner(String name, LocalizedText description, Set<Need> needs, Set<Urgency> urgencies,
            String channel, String region, String contact) {
    }
}
