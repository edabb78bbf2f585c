package org.vindplaats.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.vindplaats.model.Affordance;
import org.vindplaats.model.Feature;
import org.vindplaats.model.MethodStep;
import org.vindplaats.model.Need;
import org.vindplaats.model.Urgency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * 'vindplaats plugin new': a plugin folder with every field present, filled with instructions
 * (marked {@value #MARK}) instead of content. It validates as it is, so an author can build and
 * try it at once; validation warns about every instruction still left in.
 */
public final class PluginScaffold {

    /** Marks text the author still has to replace. */
    public static final String MARK = "\u270E";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PluginScaffold() {
    }

    public static Path create(PluginDescriptor.Kind kind, String id, Path parent, LocalDate today) throws IOException {
        Path dir = parent.resolve(id);
        if (Files.exists(dir)) {
            throw new FileAlreadyExistsException(dir.toString());
        }
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", "https://vindplaats.org/schema/vindplaats-plugin-1.schema.json");
        root.put("format", 1).put("kind", kind.id()).put("id", id).put("version", "1.0.0");
        root.put("name", MARK + " " + id);
        root.putObject("publisher").put("name", MARK + " organisation / organisatie").put("url", "https://example.org");
        if (kind == PluginDescriptor.Kind.PLATFORM) {
            root.set("platform", platform(today));
        } else {
            root.set("organisation", organisation());
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(PluginDescriptor.FILE_NAME), MAPPER.writeValueAsString(root) + "\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("README.md"), readme(kind, id), StandardCharsets.UTF_8);
        return dir;
    }

    private static ObjectNode text(String nl, String en) {
        return MAPPER.createObjectNode().put("nl", MARK + " " + nl).put("en", MARK + " " + en);
    }

    private static ObjectNode source(LocalDate today) {
        return MAPPER.createObjectNode().put("title", MARK + " title of the page / titel van de pagina")
                .put("url", "https://example.org/" + MARK).put("checked", today.toString());
    }

    private static ObjectNode platform(LocalDate today) {
        ObjectNode p = MAPPER.createObjectNode();
        p.putArray("aliases").add("nickname-1");
        p.put("category", "social_network");
        p.put("website", "https://example.org");
        p.set("summary", text("Wat is dit platform, in 2-3 zinnen?", "What is this platform, in 2-3 sentences?"));
        ObjectNode age = p.putObject("minimumAge");
        age.put("years", 13);
        age.set("note", text("Wat zeggen de voorwaarden over leeftijd en toestemming van ouders?",
                "What do the terms say about age and parental consent?"));
        age.set("source", source(today));
        ObjectNode features = p.putObject("features");
        for (Feature f : Feature.values()) {
            ObjectNode v = features.putObject(f.id());
            v.put("value", "partly");
            v.set("note", text("yes, no of partly; leg uit bij partly", "yes, no or partly; explain when partly"));
        }
        ObjectNode affordances = p.putObject("affordances");
        for (Affordance a : Affordance.values()) {
            ObjectNode s = affordances.putObject(a.id());
            s.put("level", 2).put("confidence", "low");
            s.set("rationale", text("Waarom dit niveau (0-4)? " + a.scale().nl(), "Why this level (0-4)? " + a.scale().en()));
            s.set("positiveUse", text("Hoe gebruiken jongeren dit positief?", "How do young people use this for good?"));
            s.set("negativeUse", text("Wat loopt er mis?", "What goes wrong?"));
            s.putArray("sources").add(source(today));
        }
        p.set("reportAndBlock", text("Hoe meld je inhoud en blokkeer je iemand, stap voor stap?",
                "How do you report content and block someone, step by step?"));
        p.putArray("safetySettings").add(text("Een veiligheidsinstelling die werkers moeten kennen",
                "A safety setting workers should know"));
        ObjectNode needs = p.putObject("needs");
        for (Need n : Need.values()) {
            ObjectNode o = needs.putObject(n.id());
            o.set("opportunities", text("Kansen voor: " + n.label().nl(), "Opportunities for: " + n.label().en()));
            o.set("risks", text("Risico's voor: " + n.label().nl(), "Risks for: " + n.label().en()));
        }
        ObjectNode steps = p.putObject("stepGuidance");
        for (MethodStep s : MethodStep.values()) {
            steps.set(s.id(), text("Wat doet een werker hier bij stap " + s.number() + " (" + s.label().nl() + ")?",
                    "What does a worker do here at step " + s.number() + " (" + s.label().en() + ")?"));
        }
        p.putArray("orientationQuestions").add(text("Een vraag om je op dit platform te oriënteren",
                "A question to orient on this platform"));
        ObjectNode pro = p.putObject("professionalUse");
        for (String[] f : new String[][] { { "workAccount", "Kan een werker een apart werkaccount hebben?", "Can a worker have a separate work account?" },
                { "autoReply", "Kan het account buiten de uren automatisch antwoorden?", "Can the account reply automatically outside working hours?" },
                { "severalAdmins", "Kunnen meerdere collega's een account beheren?", "Can several colleagues manage one account?" } }) {
            pro.putObject(f[0]).put("value", "partly").set("note", text(f[1], f[2]));
        }
        pro.set("workerChats", text("Wat gebeurt er met de chats van de werker (versleuteling, bewaren, back-ups)?",
                "What happens to the worker's chats (encryption, retention, backups)?"));
        pro.set("gdpr", text("Wat betekent dit voor de AVG?", "What does this mean under the GDPR?"));
        pro.putArray("sources").add(source(today));
        ArrayNode views = p.putArray("youthViews");
        ObjectNode view = views.addObject();
        view.set("who", text("Wie werd bevraagd (zonder namen), bv. 12 jongeren van 14-16 in het jongerenhuis",
                "Who was asked (no names), e.g. 12 young people aged 14-16 at the youth centre"));
        view.put("when", today.toString().substring(0, 7));
        view.set("method", text("Hoe, bv. een poll in de story", "How, e.g. a poll in a story"));
        view.set("said", text("Wat zeiden ze? Of laat youthViews leeg.", "What did they say? Or leave youthViews empty."));
        p.putArray("sources").add(source(today));
        return p;
    }

    private static ObjectNode organisation() {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("type", "city");
        o.put("region", MARK + " region / regio");
        o.set("summary", text("Wie zijn jullie en wat doen jullie online?", "Who are you and what do you do online?"));
        ObjectNode policy = o.putObject("policy");
        policy.put("default", "observe_only");
        ObjectNode platforms = policy.putObject("platforms");
        ObjectNode example = platforms.putObject("tiktok");
        example.put("status", "observe_only");
        example.set("note", text("allowed, observe_only of banned, en waarom", "allowed, observe_only or banned, and why"));
        o.putArray("accountRules").add(text("Werkaccount of persoonlijk account? Wie maakt accounts aan?",
                "Work or personal account? Who creates accounts?"));
        ObjectNode reach = o.putObject("reachability");
        reach.set("hours", text("Wanneer zijn jullie online bereikbaar?", "When can young people reach you online?"));
        reach.set("autoReply", text("Automatisch antwoord buiten de uren", "Automatic reply outside those hours"));
        reach.set("responseTime", text("Binnen hoeveel tijd antwoorden jullie?", "How soon do you answer?"));
        ObjectNode partner = o.putArray("referralPartners").addObject();
        partner.put("name", MARK + " partner");
        partner.set("description", text("Waarvoor kan je doorverwijzen?", "What can you refer for?"));
        partner.putArray("needs").add("health");
        partner.putArray("urgency").add("concern");
        partner.put("channel", "both").put("region", MARK).put("contact", MARK + " telefoon, website / phone, website");
        o.putObject("retention").put("noteMonths", 12).set("note",
                text("Waarom zo lang (doelbinding, AVG)?", "Why this long (purpose limitation, GDPR)?"));
        ObjectNode duty = o.putObject("dutyToReport");
        for (Urgency u : Urgency.values()) {
            duty.set(u.id(), text("Wat doe je bij urgentie '" + u.label().nl() + "'?",
                    "What do you do at urgency '" + u.label().en() + "'?"));
        }
        o.set("transparency", text("Wat vertellen jullie jongeren over jullie online werk?",
                "What do you tell young people about your online work?"));
        return o;
    }

    private static String readme(PluginDescriptor.Kind kind, String id) {
        return """
                # Plugin %s (%s)

                NL — Vul `vindplaats-plugin.json` in: vervang elke tekst met %s door echte inhoud, in het
                Nederlands (`nl`) en het Engels (`en`). Controleer met `vindplaats plugin validate .`,
                bouw met `vindplaats plugin build .` en installeer met `vindplaats plugin install <jar>`.
                Uitleg bij elk veld: docs/plugin-authoring.md en het JSON Schema.

                EN — Fill in `vindplaats-plugin.json`: replace every text marked %s with real content, in
                Dutch (`nl`) and English (`en`). Check with `vindplaats plugin validate .`, build with
                `vindplaats plugin build .` and install with `vindplaats plugin install <jar>`.
                Every field is explained in docs/plugin-authoring.md and the JSON Schema.
                """.formatted(id, kind.id(), MARK, MARK);
    }
}
