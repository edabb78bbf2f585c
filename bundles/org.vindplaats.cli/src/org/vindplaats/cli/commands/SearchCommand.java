package org.vindplaats.cli.commands;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;

import org.eclipse.osgi.util.NLS;
import org.vindplaats.app.NoteQuery;
import org.vindplaats.app.NoteSearch;
import org.vindplaats.app.PluginContributions;
import org.vindplaats.app.SearchResults;
import org.vindplaats.cli.CliContext;
import org.vindplaats.cli.ExitCodes;
import org.vindplaats.cli.JsonViews;
import org.vindplaats.cli.Messages;
import org.vindplaats.cli.NotesSession;
import org.vindplaats.cli.TerminalWriter;
import org.vindplaats.cli.UsageException;
import org.vindplaats.hub.Hub;
import org.vindplaats.hub.HubException;
import org.vindplaats.index.SearchResult.Recognised;
import org.vindplaats.model.TrendNote;
import org.vindplaats.notes.NoteBuilder;
import org.vindplaats.model.SafeText;
import org.vindplaats.model.Thesaurus;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * vindplaats search QUERY...: the notes of the workspace in the forgiving query syntax. Output
 * formats: text (readable list), json (one document), jsonl (one line per hit, best first, then
 * with --facets a last line {"facets":{...}}). Remarks about the query go to stderr. With --like ID:
 * the notes most like that note instead of a query.
 */
@Command(name = "search", mixinStandardHelpOptions = true)
public final class SearchCommand extends CommandBase {

    public enum SearchFormat {
        text, json, jsonl
    }

    public enum SortOrder {
        relevance, newest, oldest
    }

    @Parameters(paramLabel = "<query>", arity = "0..*", descriptionKey = "param.query")
    List<String> query = new ArrayList<>();
    @Option(names = "--format", paramLabel = "text|json|jsonl", descriptionKey = "option.searchFormat")
    SearchFormat format = SearchFormat.text;
    @Option(names = "--limit", paramLabel = "<n>", descriptionKey = "option.limit")
    int limit = 10;
    @Option(names = "--facets", descriptionKey = "option.facets")
    boolean facets;
    @Option(names = "--sort", paramLabel = "relevance|newest|oldest", descriptionKey = "option.sort")
    SortOrder sort = SortOrder.relevance;
    @Option(names = "--like", paramLabel = "<id>", descriptionKey = "option.like")
    String like;
    @Option(names = "--explain", descriptionKey = "option.explain")
    boolean explain;
    @Option(names = "--hub", descriptionKey = "option.hub")
    boolean hub;
    @Option(names = "--scope", paramLabel = "team|shared", descriptionKey = "option.hubScope")
    Hub.Scope scope;
    @Option(names = "--team", paramLabel = "<team>", descriptionKey = "option.hubTeam")
    String team;
    /** The hub's hits by id, for the fields only hub hits have (team, day, platforms). */
    private Map<String, Hub.Hit> hubHits = Map.of();
    @Mixin
    NotesCommand.WorkspaceOption ws;

    public SearchCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() throws IOException {
        if (limit < 0) {
            throw new UsageException(NLS.bind(Messages.Search_badLimit, limit));
        }
        if (like != null && !query.isEmpty()) {
            throw new UsageException(NLS.bind(Messages.Search_likeWithQuery, like, String.join(" ", query)));
        }
        if (scope != null && !hub) {
            throw new UsageException(Messages.Search_scopeWithoutHub);
        }
        if (team != null && !hub) {
            throw new UsageException(NLS.bind(Messages.Search_teamWithoutHub, team));
        }
        if (hub) {
            return searchHub();
        }
        try (NotesSession session = NotesSession.open(ctx, ws.workspace, false)) {
            if (like != null && session.store().get(like).isEmpty()) {
                throw new UsageException(NLS.bind(Messages.Search_unknownLike, like));
            }
            NoteSearch search = session.search();
            // Quiet: usually nothing or little changed since the last search, and a progress line
            // per search is noise (opening or rebuilding the index has its own progress line).
            NullProgressMonitor quiet = new NullProgressMonitor();
            // "More like this": the notes sharing the most distinctive words with that note.
            SearchResults result = like != null ? search.similar(like, limit, quiet)
                    : search.search(new NoteQuery(String.join(" ", query), Map.of(), null, null,
                            NoteQuery.Sort.valueOf(sort.name().toUpperCase(Locale.ROOT)), limit, facets), quiet);
            print(result);
            return ExitCodes.OK;
        }
    }

    /** The remarks about the query on stderr, the result on stdout in the chosen format. */
    private void print(SearchResults result) {
        for (String hint : result.hints()) {
            ctx.err().println(NLS.bind(Messages.Search_hint, hint));
        }
        switch (format) {
        case jsonl -> printJsonl(result);
        case json -> printJson(json(result));
        case text -> printText(result);
        }
    }

    /**
     * The team's notes in the hub the workspace is connected to (or, with --scope shared, the
     * notes teams shared with the knowledge centre), shown as local results are.
     */
    private int searchHub() throws IOException {
        try (NotesSession session = NotesSession.open(ctx, ws.workspace, false);
                Hub h = new Hub(HubCommand.connection(session), session.workspace().directory(),
                        PluginContributions.searchConfig(ctx.catalog(), problem -> ctx.err().println("vindplaats: " + problem)))) {
            Hub.Result r = h.search(Hub.Query.of(String.join(" ", query)).scope(scope).rows(limit).facets(facets).like(like).team(team));
            hubHits = new java.util.HashMap<>();
            List<SearchResults.Hit> hits = new ArrayList<>();
            for (Hub.Hit hit : r.hits()) {
                hubHits.put(hit.id(), hit);
                // Not a note of this workspace: only what the hub said (the rest is printed from hubHits).
                TrendNote note = NoteBuilder.create(hit.id()).title(hit.title()).build();
                hits.add(new SearchResults.Hit(note, 0f, hit.snippet(), hit.highlights().stream()
                        .map(x -> new SearchResults.Range(x.start(), x.end())).toList(), hit.phenomena()));
            }
            SearchResults result = new SearchResults(hits, (int) Math.min(Integer.MAX_VALUE, r.found()),
                    NoteSearch.counts(r.facets()), r.hints(), r.estimated(), r.recognised());
            print(result);
            return ExitCodes.OK;
        } catch (HubException e) {
            ctx.err().println("vindplaats: " + e.getMessage());
            return ExitCodes.UNREACHABLE;
        }
    }

    private ObjectNode hit(SearchResults result, SearchResults.Hit h) {
        ObjectNode o = JsonViews.MAPPER.createObjectNode();
        o.put("id", h.note().id());
        Hub.Hit fromHub = hubHits.get(h.note().id());
        if (fromHub == null) {
            o.put("score", h.score());
        }
        o.put("title", h.note().title()).put("snippet", h.snippet());
        if (fromHub != null) {
            if (fromHub.team() != null) {
                o.put("team", fromHub.team());
            }
            if (fromHub.observed() != null) {
                o.put("observed", fromHub.observed().toString());
            }
            fromHub.platforms().forEach(o.putArray("platforms")::add);
            fromHub.needs().forEach(o.putArray("needs")::add);
        }
        h.phenomena().forEach(o.putArray("phenomena")::add);
        h.resembles().forEach(o.putArray("resembles")::add);
        if (!result.namedNeeds().isEmpty()) {
            result.needsNamed(h).forEach(o.putArray("needsNamed")::add);
        }
        return o;
    }

    private static ObjectNode facets(SearchResults r) {
        ObjectNode f = JsonViews.MAPPER.createObjectNode();
        for (Map.Entry<String, Map<String, Integer>> dim : r.facets().entrySet()) {
            ObjectNode values = f.putObject(dim.getKey());
            dim.getValue().forEach(values::put);
        }
        return f;
    }

    /** One compact line per record (the shared mapper indents). */
    private static String line(Object node) {
        try {
            return JsonViews.MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void printJsonl(SearchResults r) {
        for (SearchResults.Hit h : r.hits()) {
            ctx.out().println(line(hit(r, h)));
        }
        if (facets) {
            ObjectNode last = JsonViews.MAPPER.createObjectNode();
            last.set("facets", facets(r));
            last.put("total", r.total());
            if (r.estimated()) {
                last.put("estimated", true);
            }
            ctx.out().println(line(last));
        }
    }

    private ObjectNode json(SearchResults r) {
        ObjectNode o = JsonViews.MAPPER.createObjectNode();
        o.put("total", r.total());
        if (r.estimated()) {
            o.put("estimated", true);
        }
        ArrayNode hits = o.putArray("hits");
        for (SearchResults.Hit h : r.hits()) {
            ObjectNode n = hit(r, h);
            ArrayNode ranges = n.putArray("highlights");
            h.highlights().forEach(x -> ranges.addObject().put("start", x.start()).put("end", x.end()));
            hits.add(n);
        }
        if (facets) {
            o.set("facets", facets(r));
        }
        ArrayNode hints = o.putArray("hints");
        r.hints().forEach(hints::add);
        o.put("resemblingOnly", r.resemblingOnly());
        ArrayNode recognised = o.putArray("recognised");
        for (Recognised x : r.recognised()) {
            ObjectNode n = recognised.addObject().put("phenomenon", x.id()).put("words", x.words());
            x.narrower().forEach(n.putArray("narrower")::add);
        }
        r.namedNeeds().forEach(o.putArray("namedNeeds")::add);
        return o;
    }

    private String needLabel(String id) {
        return org.vindplaats.model.Terms.byId(org.vindplaats.model.Need.class, id).map(n -> n.label().get(ctx.language())).orElse(id);
    }

    private String label(Thesaurus t, String id) {
        return t.get(id).map(p -> p.label().get(ctx.language())).orElse(id);
    }

    private static final String MARK_ON = "\uE000";
    private static final String MARK_OFF = "\uE001";

    private void printText(SearchResults r) {
        boolean terminal = ctx.terminal().wantsColour();
        String pre = terminal ? "\u001b[1m" : "";
        String post = terminal ? "\u001b[0m" : "";
        // The bold marks are ours, the text is the note's: mark with private-use characters, clean
        // the text, then put the escape sequences in and print past the terminal filter.
        PrintWriter snippets = ctx.out() instanceof TerminalWriter t ? t.raw() : ctx.out();
        Thesaurus thesaurus = explain && !r.recognised().isEmpty()
                ? PluginContributions.thesaurus(ctx.catalog(), ctx.err()::println) : Thesaurus.EMPTY;
        for (Recognised x : explain ? r.recognised() : List.<Recognised>of()) {
            ctx.out().println(NLS.bind(x.narrower().isEmpty() ? Messages.Search_recognised : Messages.Search_recognisedWithNarrower,
                    new Object[] { label(thesaurus, x.id()), x.words(), String.join(", ", x.narrower().stream().map(n -> label(thesaurus, n)).toList()) }));
        }
        for (String need : explain ? r.namedNeeds() : List.<String>of()) {
            ctx.out().println(NLS.bind(Messages.Search_recognisedNeed, needLabel(need)));
        }
        int i = 0;
        for (SearchResults.Hit h : r.hits()) {
            Hub.Hit fromHub = hubHits.get(h.note().id());
            ctx.out().printf(Locale.ROOT, "%d. %s  [%s]%s%n", ++i, h.note().title(), h.note().id(), fromHub == null ? ""
                    : "  " + (fromHub.observed() == null ? "" : fromHub.observed() + " ") + String.join(", ", fromHub.platforms()));
            String snippet = SafeText.clean(h.snippet(MARK_ON, MARK_OFF)).replace(MARK_ON, pre).replace(MARK_OFF, post);
            snippets.println("   " + snippet);
            if (explain) {
                snippets.flush();
                List<String> why = r.foundBecause(h).stream().map(p -> label(thesaurus, p)).toList();
                if (!why.isEmpty()) {
                    ctx.out().println("   " + NLS.bind(Messages.Search_why, String.join(", ", why)));
                }
                List<String> like = h.resembles().stream().map(p -> label(thesaurus, p)).toList();
                if (!like.isEmpty()) {
                    ctx.out().println("   " + NLS.bind(Messages.Search_resembles, String.join(", ", like)));
                }
                List<String> needs = r.needsNamed(h).stream().map(this::needLabel).toList();
                if (!needs.isEmpty()) {
                    ctx.out().println("   " + NLS.bind(Messages.Search_needsNamed, String.join(", ", needs)));
                }
            }
        }
        snippets.flush();
        ctx.out().println(NLS.bind(r.estimated() ? Messages.Search_countEstimated : Messages.Search_count, r.hits().size(),
                r.total()));
        if (r.resemblingOnly() > 0) {
            ctx.out().println(NLS.bind(Messages.Search_resemblingOnly, r.resemblingOnly()));
        }
        if (facets) {
            for (Map.Entry<String, Map<String, Integer>> dim : r.facets().entrySet()) {
                List<String> parts = new ArrayList<>();
                dim.getValue().forEach((k, v) -> parts.add(k + " " + v));
                ctx.out().println(dim.getKey() + ": " + String.join(", ", parts));
            }
        }
    }
}
