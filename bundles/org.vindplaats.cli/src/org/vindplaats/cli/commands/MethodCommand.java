package org.vindplaats.cli.commands;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.osgi.util.NLS;
import org.vindplaats.app.PluginContributions;
import org.vindplaats.cli.CliContext;
import org.vindplaats.cli.ExitCodes;
import org.vindplaats.cli.JsonViews;
import org.vindplaats.cli.Messages;
import org.vindplaats.cli.UsageException;
import org.vindplaats.model.LocalizedText;
import org.vindplaats.model.MethodGuide;
import org.vindplaats.model.Term;
import org.vindplaats.model.Terms;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * vindplaats method [steps|principles|signalling|presence|chat|functions]: the method guide the
 * organisation plugins publish, with the source and pages of every part. Without a topic: what
 * each topic holds.
 */
@Command(name = "method", aliases = "methode", mixinStandardHelpOptions = true)
public final class MethodCommand extends CommandBase {

    /** Dutch names a worker may type for the topics. */
    private static final Map<String, String> DUTCH = Map.of("stappen", "steps", "principes", "principles",
            "signaleren", "signalling", "signaling", "signalling", "aanwezigheid", "presence", "functies", "functions");

    @Parameters(arity = "0..1", paramLabel = "<topic>", descriptionKey = "param.topic")
    String topic;

    @Mixin
    FormatOption format;

    public MethodCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        MethodGuide guide = PluginContributions.guide(ctx.catalog(), ctx.err()::println);
        List<MethodGuide.Topic> topics = guide.topics();
        if (topic != null) {
            String id = DUTCH.getOrDefault(topic.toLowerCase(java.util.Locale.ROOT), topic.toLowerCase(java.util.Locale.ROOT));
            if (!MethodGuide.TOPIC_IDS.contains(id)) {
                List<String> names = new ArrayList<>(MethodGuide.TOPIC_IDS);
                names.addAll(DUTCH.keySet());
                String dym = Terms.didYouMean(topic, names).map(d -> " (" + d + "?)").orElse("");
                throw new UsageException(NLS.bind(Messages.Method_unknownTopic, new Object[] { topic, dym,
                        String.join(", ", MethodGuide.TOPIC_IDS) }));
            }
            topics = guide.topic(id).map(List::of).orElse(List.of());
        }
        if (format.format == Format.json) {
            printJson(json(guide, topics));
            return ExitCodes.OK;
        }
        PrintWriter out = ctx.out();
        if (topics.isEmpty()) {
            out.println(Messages.Method_none);
            return ExitCodes.OK;
        }
        if (topic == null) {
            for (MethodGuide.Topic t : topics) {
                out.println(t(t.title()) + "  (vindplaats method " + t.id() + ")");
                out.println("    " + t.entries().stream().map(e -> t(e.heading())).collect(Collectors.joining(" · ")));
            }
            out.println();
            out.println(Messages.Method_sources);
            guide.sources().values().forEach(s -> out.println("- " + s.title() + (s.url() == null ? "" : " — " + s.url())));
            return ExitCodes.OK;
        }
        MethodGuide.Topic t = topics.get(0);
        out.println(t(t.title()).toUpperCase(ctx.locale()));
        if (!t.intro().isEmpty()) {
            out.println(t(t.intro()));
        }
        for (MethodGuide.Entry e : t.entries()) {
            out.println();
            String number = e.step() == null ? "" : e.step().number() + ". ";
            out.println(number + t(e.heading()) + (e.continuous() ? "  [" + Messages.Method_continuous + "]" : ""));
            out.println("    " + t(e.body()));
            e.points().forEach(p -> out.println("    - " + t(p)));
            line(Messages.Method_steps, e.steps().stream().map(s -> s.number() + ". " + t(s.label())).toList());
            List<String> principles = new ArrayList<>(e.principles().stream().map(p -> t(p.label())).toList());
            if (e.step() != null) {
                principles = guide.principlesFor(e.step()).stream().map(p -> t(p.label())).toList();
            }
            line(Messages.Method_principles, principles);
            line(Messages.Method_affordances, e.affordances().stream().map(a -> t(a.label())).toList());
            if (e.source() != null) {
                out.println("    " + NLS.bind(Messages.Method_source, guide.cite(e.source())));
            }
        }
        return ExitCodes.OK;
    }

    private void line(String label, List<String> values) {
        if (!values.isEmpty()) {
            ctx.out().println("    " + label + ": " + String.join(", ", values));
        }
    }

    private String t(LocalizedText text) {
        return text.get(ctx.language());
    }

    private ObjectNode json(MethodGuide guide, List<MethodGuide.Topic> topics) {
        ObjectNode root = JsonViews.MAPPER.createObjectNode();
        ObjectNode sources = root.putObject("sources");
        guide.sources().forEach((k, s) -> sources.putObject(k).put("title", s.title()).put("url", s.url()));
        ArrayNode ts = root.putArray("topics");
        for (MethodGuide.Topic t : topics) {
            ObjectNode tn = ts.addObject().put("id", t.id()).put("title", t(t.title())).put("intro", t(t.intro()));
            ArrayNode es = tn.putArray("entries");
            for (MethodGuide.Entry e : t.entries()) {
                ObjectNode en = es.addObject().put("id", e.id());
                if (e.step() != null) {
                    en.put("step", e.step().id()).put("number", e.step().number()).put("continuous", e.continuous());
                }
                if (e.principle() != null) {
                    en.put("principle", e.principle().id());
                }
                en.put("title", t(e.heading())).put("text", t(e.body()));
                ArrayNode points = en.putArray("points");
                e.points().forEach(p -> points.add(t(p)));
                ids(en.putArray("steps"), e.steps());
                ids(en.putArray("principles"), e.step() == null ? e.principles() : List.copyOf(guide.principlesFor(e.step())));
                ids(en.putArray("affordances"), e.affordances());
                if (e.source() != null) {
                    en.putObject("source").put("ref", e.source().ref()).put("pages", e.source().pages())
                            .put("cite", guide.cite(e.source()));
                }
                en.put("plugin", e.plugin());
            }
        }
        return root;
    }

    private static void ids(ArrayNode a, List<? extends Term> terms) {
        terms.forEach(t -> a.add(t.id()));
    }
}
