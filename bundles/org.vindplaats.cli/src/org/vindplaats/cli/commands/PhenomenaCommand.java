package org.vindplaats.cli.commands;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.vindplaats.app.NeedsMap;
import org.vindplaats.app.PluginContributions;
import org.vindplaats.cli.CliContext;
import org.vindplaats.cli.ExitCodes;
import org.vindplaats.cli.JsonViews;
import org.vindplaats.cli.Messages;
import org.vindplaats.cli.NotesSession;
import org.vindplaats.cli.TextTable;
import org.vindplaats.cli.UsageException;
import org.vindplaats.index.IndexInUseException;
import org.vindplaats.index.NoteIndex;
import org.vindplaats.index.SearchRequest;
import org.vindplaats.index.SearchResult;
import org.vindplaats.notes.NoteStoreException;
import org.vindplaats.model.Phenomenon;
import org.vindplaats.model.Term;
import org.vindplaats.model.Terms;
import org.vindplaats.model.Thesaurus;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * vindplaats phenomena [show &lt;id&gt; | trend]: the phenomena the organisation plugins' thesauri
 * describe, the words search and suggestions recognise them by, and their example notes; with
 * trend, how many of the workspace's notes each phenomenon had per week lately and which rise
 * (the needs map's trend in the workbench, counted by the same {@link NeedsMap}).
 */
@Command(name = "phenomena", aliases = "fenomenen", mixinStandardHelpOptions = true, subcommands = {
        PhenomenaCommand.Show.class, PhenomenaCommand.Trend.class, PhenomenaCommand.Confirm.class })
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
                // Numbered: a suggestion names the example it resembles "thesaurus-<id>-<number>".
                int number = 0;
                for (Phenomenon.Example e : p.examples()) {
                    ctx.out().println("  " + ++number + ". [" + e.lang() + "] " + e.text());
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

    /**
     * vindplaats phenomena trend [--platform id] [--weeks n]: per phenomenon the workspace's notes
     * per week over the last weeks (the newest ends today) and whether it rises.
     */
    @Command(name = "trend", mixinStandardHelpOptions = true)
    public static final class Trend extends CommandBase {
        @Option(names = "--platform", paramLabel = "<id>", descriptionKey = "option.trendPlatform")
        String platform;
        @Option(names = "--weeks", paramLabel = "<n>", descriptionKey = "option.trendWeeks")
        int weeks = NeedsMap.WEEKS;
        @Mixin
        FormatOption format;
        @Mixin
        NotesCommand.WorkspaceOption ws;

        public Trend(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() throws IOException {
            if (weeks < 2 || weeks > 104) {
                throw new UsageException(NLS.bind(Messages.Trend_badWeeks, weeks));
            }
            if (platform != null && ctx.catalog().platform(platform.strip().toLowerCase(java.util.Locale.ROOT)).isEmpty()) {
                ctx.err().println(NLS.bind(Messages.Trend_unknownPlatform, platform));
            }
            Thesaurus t = PluginContributions.thesaurus(ctx.catalog(), ctx.err()::println);
            LocalDate today = LocalDate.now();
            LocalDate first = NeedsMap.firstDay(today, weeks);
            List<NeedsMap.Entry> entries = new ArrayList<>();
            try (NotesSession session = NotesSession.open(ctx, ws.workspace, false)) {
                NoteIndex index = session.index();
                if (!index.isReadOnly()) {
                    try {
                        index.sync(session.noteSource(), new NullProgressMonitor());
                    } catch (IndexInUseException e) {
                        // Taken over meanwhile; count what is there.
                    }
                }
                int all = (int) Math.max(1, Math.min(Integer.MAX_VALUE, index.count()));
                SearchResult r = index.search(SearchRequest.of("").limit(all).sort(SearchRequest.Sort.NEWEST).observed(first, today));
                for (SearchResult.Hit h : r.hits()) {
                    try {
                        session.store().get(h.id()).ifPresent(n -> entries.add(new NeedsMap.Entry(n.note(), h.phenomena())));
                    } catch (NoteStoreException e) {
                        ctx.err().println(e.getMessage());
                    }
                }
            }
            List<NeedsMap.Trend> trends = new NeedsMap(t).trends(entries, platform, today, weeks);
            String lang = ctx.language();
            if (format.format == Format.json) {
                ObjectNode n = JsonViews.MAPPER.createObjectNode().put("from", first.toString()).put("to", today.toString())
                        .put("weeks", weeks).put("platform", platform).put("minRecent", NeedsMap.MIN_RECENT);
                ArrayNode a = n.putArray("phenomena");
                for (NeedsMap.Trend tr : trends) {
                    ObjectNode o = a.addObject().put("id", tr.phenomenon())
                            .put("label", t.get(tr.phenomenon()).map(p -> p.label().get(lang)).orElse(tr.phenomenon()));
                    ArrayNode w = o.putArray("perWeek");
                    for (int c : tr.weeks()) {
                        w.add(c);
                    }
                    o.put("recent", tr.recent()).put("before", tr.before()).put("rising", tr.rising());
                }
                printJson(n);
                return ExitCodes.OK;
            }
            ctx.out().println(NLS.bind(platform == null ? Messages.Trend_header : Messages.Trend_headerPlatform,
                    new Object[] { weeks, first, today, platform }));
            if (trends.isEmpty()) {
                ctx.out().println(NLS.bind(Messages.Trend_none, weeks));
                return ExitCodes.OK;
            }
            TextTable table = new TextTable(Messages.Head_id, Messages.Head_name, Messages.Head_perWeek, Messages.Head_course,
                    Messages.Head_rising);
            for (NeedsMap.Trend tr : trends) {
                StringBuilder perWeek = new StringBuilder();
                for (int c : tr.weeks()) {
                    perWeek.append(perWeek.isEmpty() ? "" : " ").append(c);
                }
                table.row(tr.phenomenon(), t.get(tr.phenomenon()).map(p -> p.label().get(lang)).orElse(tr.phenomenon()),
                        perWeek, tr.sparkline(), tr.rising() ? Messages.Trend_rises : "");
            }
            table.print(ctx.out());
            ctx.out().println();
            ctx.out().println(NLS.bind(Messages.Trend_rule, new Object[] { weeks / 2, NeedsMap.MIN_RECENT }));
            return ExitCodes.OK;
        }
    }

    /** The phenomenon with this id or label, or a usage error that proposes the closest ids. */
    /**
     * vindplaats phenomena confirm &lt;note&gt; [phenomenon...] [--none]: the worker's word on a
     * note's phenomena. Without phenomena it takes what is suggested for the note now; with them,
     * exactly those; --none says "none of these". Saved against the revision read (a colleague's
     * change meanwhile is not overwritten); search, the needs map, the hub and later suggestions
     * follow it.
     */
    @Command(name = "confirm", aliases = "bevestig", mixinStandardHelpOptions = true)
    public static final class Confirm extends CommandBase {
        @Parameters(index = "0", paramLabel = "<note>", descriptionKey = "param.confirmNote")
        String noteId;
        @Parameters(index = "1..*", arity = "0..*", paramLabel = "<phenomenon>", descriptionKey = "param.confirmPhenomena")
        List<String> phenomena = new ArrayList<>();
        @Option(names = "--none", descriptionKey = "option.confirmNone")
        boolean none;
        @Mixin
        NotesCommand.WorkspaceOption ws;

        public Confirm(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() throws IOException {
            if (none && !phenomena.isEmpty()) {
                throw new UsageException(Messages.Phenomena_noneAndSome);
            }
            Thesaurus t = PluginContributions.thesaurus(ctx.catalog(), ctx.err()::println);
            if (t.isEmpty()) {
                throw new UsageException(NLS.bind(Messages.Phenomena_none, null));
            }
            List<String> chosen = new ArrayList<>();
            phenomena.forEach(p -> chosen.add(find(t, p).id()));
            try (NotesSession session = NotesSession.open(ctx, ws.workspace, false)) {
                org.vindplaats.notes.StoredNote stored = session.store().get(noteId)
                        .orElseThrow(() -> new UsageException(NLS.bind(Messages.Notes_unknown, noteId)));
                if (!none && chosen.isEmpty()) {
                    // What is suggested now, learnt also from what workers confirmed before.
                    ctx.suggestions().phenomena(session.store()).suggest(stored.note()).forEach(r -> chosen.add(r.id()));
                }
                try {
                    session.store().update(stored, org.vindplaats.app.SignalInbox.withConfirmedPhenomena(stored.note(), chosen));
                } catch (NoteStoreException e) {
                    ctx.err().println("vindplaats: " + e.getMessage());
                    return ExitCodes.PROBLEMS_FOUND;
                }
                session.indexChangesOrExplain();
            }
            String lang = ctx.language();
            ctx.out().println(NLS.bind(Messages.Phenomena_confirmed, noteId,
                    chosen.isEmpty() ? Messages.Phenomena_noneOfThese : labels(t, chosen, lang)));
            return ExitCodes.OK;
        }
    }

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
