package org.vindplaats.cli;

import java.util.List;
import java.util.Map;

import org.vindplaats.catalog.PluginInfo;
import org.vindplaats.catalog.Problem;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.AffordanceScore;
import org.vindplaats.model.LocalizedText;
import org.vindplaats.model.Organisation;
import org.vindplaats.model.Platform;
import org.vindplaats.model.Source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON that '--format json' prints. Written out field by field on purpose: this is a
 * contract scripts depend on, so it must not change when a Java record gains a field. Ids are the
 * stable lower-case ids used in plugin files.
 */
public final class JsonViews {

    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonViews() {
    }

    public static String write(Object node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode text(LocalizedText t) {
        return org.vindplaats.catalog.LocalizedJson.of(t);
    }

    static ArrayNode texts(List<LocalizedText> list) {
        ArrayNode a = MAPPER.createArrayNode();
        list.forEach(t -> a.add(text(t)));
        return a;
    }

    static ArrayNode sources(List<Source> list) {
        ArrayNode a = MAPPER.createArrayNode();
        for (Source s : list) {
            a.addObject().put("title", s.title()).put("url", s.url()).put("checked", s.checked().toString())
                    .put("stale", s.isStale(java.time.LocalDate.now()));
        }
        return a;
    }

    /** Affordance id → level, in handbook order; unscored affordances are left out. */
    public static ObjectNode levels(Platform p) {
        ObjectNode n = MAPPER.createObjectNode();
        for (Affordance a : Affordance.values()) {
            p.profile().level(a).ifPresent(l -> n.put(a.id(), l));
        }
        return n;
    }

    public static ObjectNode platformSummary(Platform p, Organisation org) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", p.id()).put("name", p.name());
        if (p.category() != null) {
            n.put("category", p.category());
        }
        if (p.minimumAge() != null) {
            n.put("minimumAge", p.minimumAge().years());
        }
        n.set("affordances", levels(p));
        if (org != null) {
            n.set("policy", policy(org, p.id()));
        }
        return n;
    }

    public static ObjectNode policy(Organisation org, String platformId) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("organisation", org.id());
        Organisation.PlatformPolicy pp = org.policyFor(platformId);
        if (pp == null) {
            n.putNull("status");
        } else {
            n.put("status", pp.status().id());
            if (!pp.note().isEmpty()) {
                n.set("note", text(pp.note()));
            }
        }
        return n;
    }

    public static ObjectNode platform(Platform p, Organisation org) {
        ObjectNode n = platformSummary(p, org);
        n.remove("affordances");
        n.set("aliases", MAPPER.valueToTree(p.aliases()));
        if (p.website() != null) {
            n.put("website", p.website());
        }
        n.set("summary", text(p.summary()));
        if (p.minimumAge() != null) {
            ObjectNode age = n.putObject("minimumAgeDetail");
            age.put("years", p.minimumAge().years());
            age.set("note", text(p.minimumAge().note()));
            age.set("source", sources(List.of(p.minimumAge().source())).get(0));
        }
        ObjectNode features = n.putObject("features");
        p.features().forEach((f, v) -> {
            ObjectNode fv = features.putObject(f.id()).put("value", v.value().id());
            if (!v.note().isEmpty()) {
                fv.set("note", text(v.note()));
            }
        });
        ObjectNode affordances = n.putObject("affordances");
        for (Map.Entry<Affordance, AffordanceScore> e : p.profile().scores().entrySet()) {
            AffordanceScore s = e.getValue();
            ObjectNode a = affordances.putObject(e.getKey().id());
            a.put("level", s.level()).put("confidence", s.confidence().id());
            a.set("rationale", text(s.rationale()));
            a.set("positiveUse", text(s.positiveUse()));
            a.set("negativeUse", text(s.negativeUse()));
            a.set("sources", sources(s.sources()));
        }
        n.set("reportAndBlock", text(p.reportAndBlock()));
        if (org != null) {
            n.set("helpLines", helpLines(org.helpLines()));
        }
        n.set("safetySettings", texts(p.safetySettings()));
        if (p.professionalUse() != null) {
            Platform.ProfessionalUse u = p.professionalUse();
            ObjectNode pu = n.putObject("professionalUse");
            java.util.Map<String, Platform.FeatureValue> values = new java.util.LinkedHashMap<>();
            values.put("workAccount", u.workAccount());
            values.put("autoReply", u.autoReply());
            values.put("severalAdmins", u.severalAdmins());
            values.forEach((k, v) -> {
                if (v != null) {
                    pu.putObject(k).put("value", v.value().id()).set("note", text(v.note()));
                }
            });
            pu.set("workerChats", text(u.workerChats()));
            pu.set("gdpr", text(u.gdpr()));
            pu.set("sources", sources(u.sources()));
        }
        ObjectNode needs = n.putObject("needs");
        p.needs().forEach((need, o) -> {
            ObjectNode x = needs.putObject(need.id());
            x.set("opportunities", text(o.opportunities()));
            x.set("risks", text(o.risks()));
        });
        ObjectNode steps = n.putObject("stepGuidance");
        p.stepGuidance().forEach((s, t) -> steps.set(s.id(), text(t)));
        n.set("orientationQuestions", texts(p.orientationQuestions()));
        ArrayNode views = n.putArray("youthViews");
        for (Platform.YouthView v : p.youthViews()) {
            youthView(views.addObject(), v, null);
        }
        n.set("sources", sources(p.sources()));
        return n;
    }

    /** One young people's view: who, when, how it was gathered, what they said, and who recorded it (null: the platform plugin). */
    public static ObjectNode youthView(ObjectNode x, Platform.YouthView v, String recordedBy) {
        x.set("who", text(v.who()));
        x.put("when", v.when());
        if (v.method() != null) {
            x.set("method", text(v.method()));
        }
        x.set("said", text(v.said()));
        if (recordedBy != null) {
            x.put("recordedBy", recordedBy);
        }
        return x;
    }

    /** Help lines as JSON: how to reach them, when, for what, and the source of those facts. */
    public static ArrayNode helpLines(List<Organisation.HelpLine> lines) {
        ArrayNode a = MAPPER.createArrayNode();
        for (Organisation.HelpLine h : lines) {
            ObjectNode x = a.addObject().put("name", h.name()).put("contact", h.contact());
            x.set("channels", MAPPER.valueToTree(h.channels()));
            x.set("hours", text(h.hours()));
            x.set("helpsWith", text(h.helpsWith()));
            x.set("urgency", MAPPER.valueToTree(h.urgencies().stream().map(u -> u.id()).sorted().toList()));
            x.set("phenomena", MAPPER.valueToTree(h.phenomena()));
            x.put("url", h.url());
            if (h.source() != null) {
                x.set("source", sources(List.of(h.source())).get(0));
            }
        }
        return a;
    }

    public static ObjectNode problem(Problem p) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("severity", p.severity().name().toLowerCase());
        n.put("plugin", p.plugin()).put("file", p.file()).put("line", p.line()).put("column", p.column());
        n.put("message", p.message()).put("fix", p.fix());
        return n;
    }

    public static ArrayNode problems(List<Problem> list) {
        ArrayNode a = MAPPER.createArrayNode();
        list.forEach(p -> a.add(problem(p)));
        return a;
    }

    public static ObjectNode plugin(PluginInfo info) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("bundle", info.source()).put("bundleVersion", info.bundleVersion()).put("location", info.location());
        n.put("kind", info.kind() == null ? null : info.kind().id());
        n.put("id", info.id()).put("name", info.name()).put("version", info.version());
        n.put("state", info.state().id());
        n.set("problems", problems(info.problems()));
        return n;
    }
}
