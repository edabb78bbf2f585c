package org.vindplaats.cli.commands;

import java.util.List;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;
import org.vindplaats.app.PluginContributions;
import org.vindplaats.cli.CliContext;
import org.vindplaats.cli.ExitCodes;
import org.vindplaats.cli.JsonViews;
import org.vindplaats.cli.Messages;
import org.vindplaats.cli.TextTable;
import org.vindplaats.cli.UsageException;
import org.vindplaats.model.Phenomenon;
import org.vindplaats.model.Term;
import org.vindplaats.model.Terms;
import org.vindplaats.model.Thesaurus;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * vindplaats phenomena [show &lt;id&gt;]: the phenomena the organisation plugins' thesauri describe,
 * the words search and suggestions recognise them by, and their example notes.
 */
@Command(name = "phenomena", aliases = "fenomenen", mixinStandardHelpOptions = true, subcommands = PhenomenaCommand.Show.class)
public final class PhenomenaCommand extends CommandBase {

    @Mixin
    FormatOption format;

    public PhenomenaCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        Thesaurus t = PluginContributions.thesaurus(ctx.catalog(), ctx.err()::println);
        if (format.format == Format.json) {
            ArrayNode a = JsonViews.MAPPER.createArrayNode();
            for (Phenomenon p : t.all()) {
                ObjectNode n = a.addObject().put("id", p.id()).put("label", p.label().get(ctx.language()));
                strings(n.putArray("broader"), p.broader());
                n.put("examples", p.examples().size()).put("plugin", p.source());
            }
            printJson(a);
            return ExitCodes.OK;
        }
        if (t.isEmpty()) {
            ctx.out().println(NLS.bind(Messages.Phenomena_none, null));
            return ExitCodes.OK;
        }
        TextTable table = new TextTable(Messages.Head_id, Messages.Head_name, Messages.Head_group, Messages.Head_examples);
        // Groups first, each followed by its members, as a worker would browse them.
        for (Phenomenon p : t.all()) {
            if (!p.broader().isEmpty() && p.broader().stream().anyMatch(b -> t.get(b).isPresent())) {
                continue;
            }
            table.row(p.id(), p.label().get(ctx.language()), "", String.valueOf(p.examples().size()));
            for (String n : t.narrower(p.id())) {
                Phenomenon m = t.get(n).orElseThrow();
                table.row("  " + m.id(), m.label().get(ctx.language()), p.label().get(ctx.language()),
                        String.valueOf(m.examples().size()));
            }
        }
        table.print(ctx.out());
        ctx.out().println();
        ctx.out().println(NLS.bind(Messages.Phenomena_count, t.size()));
        return ExitCodes.OK;
    }

    @Command(name = "show", mixinStandardHelpOptions = true)
    public static final class Show extends CommandBase {
        @Parameters(paramLabel = "<phenomenon>", descriptionKey = "param.phenomenon")
        String id;
        @Mixin
        FormatOption format;

        public Show(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            Thesaurus t = PluginContributions.thesaurus(ctx.catalog(), ctx.err()::println);
            Phenomenon p = find(t, id);
            String lang = ctx.language();
            if (format.format == Format.json) {
                ObjectNode n = JsonViews.MAPPER.createObjectNode().put("id", p.id()).put("plugin", p.source());
                n.putObject("label").put("nl", p.label().nl()).put("en", p.label().en());
                n.putObject("description").put("nl", p.description().nl()).put("en", p.description().en());
                ObjectNode alt = n.putObject("altLabels");
                strings(alt.putArray("nl"), p.altLabelsNl());
                strings(alt.putArray("en"), p.altLabelsEn());
                strings(n.putArray("hiddenLabels"), p.hiddenLabels());
                strings(n.putArray("broader"), p.broader());
                strings(n.putArray("narrower"), t.narrower(p.id()));
                strings(n.putArray("related"), p.related());
                strings(n.putArray("needs"), p.needs().stream().map(Term::id).sorted().toList());
                strings(n.putArray("affordances"), p.affordances().stream().map(Term::id).sorted().toList());
                strings(n.putArray("platforms"), p.platforms());
                ArrayNode ex = n.putArray("examples");
                p.examples().forEach(e -> ex.addObject().put("lang", e.lang()).put("text", e.text()));
                printJson(n);
                return ExitCodes.OK;
            }
            ctx.out().println(p.label().get(lang) + "  (" + p.id() + ")");
            if (!p.description().isEmpty()) {
                ctx.out().println(p.description().get(lang));
            }
            ctx.out().println();
            line(Messages.Phenomena_alsoCalled, String.join(", ", "en".equals(lang) ? concat(p.altLabelsEn(), p.altLabelsNl())
                    : concat(p.altLabelsNl(), p.altLabelsEn())));
            line(Messages.Phenomena_slang, String.join(", ", p.hiddenLabels()));
            line(Messages.Phenomena_broader, labels(t, p.broader(), lang));
            line(Messages.Phenomena_narrower, labels(t, t.narrower(p.id()), lang));
            line(Messages.Phenomena_related, labels(t, p.related(), lang));
            line(Messages.Phenomena_needs, terms(p.needs(), lang));
            line(Messages.Phenomena_affordances, terms(p.affordances(), lang));
            line(Messages.Phenomena_platforms, String.join(", ", p.platforms()));
            line(Messages.Phenomena_plugin, p.source());
            if (!p.examples().isEmpty()) {
                ctx.out().println();
                ctx.out().println(NLS.bind(Messages.Phenomena_examples, p.examples().size()));
                for (Phenomenon.Example e : p.examples()) {
                    ctx.out().println("  [" + e.lang() + "] " + e.text());
                }
            }
            return ExitCodes.OK;
        }

        private void line(String head, String value) {
            if (!value.isBlank()) {
                ctx.out().println(head + ": " + value);
            }
        }
    }

    /** The phenomenon with this id or label, or a usage error that proposes the closest ids. */
    static Phenomenon find(Thesaurus t, String idOrLabel) {
        String key = idOrLabel == null ? "" : idOrLabel.strip();
        Optional<Phenomenon> p = t.get(key);
        if (p.isEmpty()) {
            p = t.all().stream().filter(x -> x.allLabels().stream().anyMatch(l -> l.equalsIgnoreCase(key))).findFirst();
        }
        if (p.isPresent()) {
            return p.get();
        }
        String message = NLS.bind(Messages.Phenomena_unknown, key);
        Optional<String> guess = Terms.didYouMean(key, t.all().stream().map(Phenomenon::id).toList());
        throw new UsageException(guess.map(g -> message + " " + NLS.bind(Messages.Cli_didYouMean, g)).orElse(message));
    }

    private static void strings(ArrayNode a, java.util.Collection<String> values) {
        values.forEach(a::add);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        java.util.List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String labels(Thesaurus t, List<String> ids, String lang) {
        return String.join(", ", ids.stream().map(i -> t.get(i).map(x -> x.label().get(lang)).orElse(i)).toList());
    }

    private static String terms(java.util.Collection<? extends Term> terms, String lang) {
        return String.join(", ", terms.stream().map(x -> x.label().get(lang)).sorted().toList());
    }
}
