package org.vindplaats.app;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.osgi.util.NLS;
import org.vindplaats.app.SearchResults.Hit;
import org.vindplaats.app.SearchResults.Range;
import org.vindplaats.app.internal.Messages;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.index.NoteIndex;
import org.vindplaats.index.SearchRequest;
import org.vindplaats.index.SearchResult;
import org.vindplaats.model.TrendNote;
import org.vindplaats.notes.NoteStoreException;
import org.vindplaats.notes.StoredNote;
import org.vindplaats.notes.Workspace;

/**
 * Searching a workspace's notes, the one way both front ends do it (the workbench's Trend notes
 * part and needs map, the command line's {@code search}): a {@link NoteQuery} in, the notes as they
 * are now out, with snippets, facets and hints. The engine is the workspace's Lucene index
 * (stemming, synonyms, nicknames, phenomena, relevance) through {@link WorkspaceIndex}: opened (and
 * built when needed) by the first search, never to be called on a UI thread, and synced whenever
 * the note files changed. When the index folder cannot be used the index lives in memory; only
 * when even that fails does the search say why instead of answering.
 */
public final class NoteSearch implements AutoCloseable {

    private final WorkspaceIndex index;
    /** Whether {@link #close()} closes the index (this search opened it). */
    private final boolean owned;
    /** See {@link WorkspaceIndex#current(IProgressMonitor, boolean)}. */
    private final boolean takeOver;
    private String indexProblem;

    /**
     * A search over the workspace's own index, closed with this search.
     *
     * @param catalog  the installed plugins (null: the built-in configuration only)
     * @param problems told about unreadable notes and plugin files, with where and what to do
     */
    public NoteSearch(Workspace workspace, Catalog catalog, Consumer<String> problems) {
        this(new WorkspaceIndex(workspace, catalog, problems), true, true);
    }

    /**
     * A search over an index its owner closes (a command line session that also writes to it).
     *
     * @param takeOver when another program holds the index: whether to wait for it and take the
     *        index over ({@link WorkspaceIndex#current(IProgressMonitor, boolean)})
     */
    public NoteSearch(WorkspaceIndex index, boolean takeOver) {
        this(index, false, takeOver);
    }

    private NoteSearch(WorkspaceIndex index, boolean owned, boolean takeOver) {
        this.index = index;
        this.owned = owned;
        this.takeOver = takeOver;
    }

    /** The index searched. */
    public WorkspaceIndex index() {
        return index;
    }

    /** The index, synced with the note files; null (and {@link #indexProblem} set) when it cannot be opened. */
    private synchronized NoteIndex open(IProgressMonitor monitor) {
        if (indexProblem != null) {
            return null;
        }
        try {
            return index.current(monitor, takeOver);
        } catch (OperationCanceledException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            indexProblem = NLS.bind(Messages.Search_indexUnavailable, index.workspace().indexDirectory(),
                    e.getMessage() == null ? e.toString() : e.getMessage());
            return null;
        }
    }

    /** Runs a query; long work checks {@code monitor} and stops when it is cancelled. */
    public SearchResults search(NoteQuery query, IProgressMonitor monitor) throws IOException {
        SubMonitor sub = SubMonitor.convert(monitor, 3);
        NoteIndex idx = open(sub.split(2));
        if (idx == null) {
            return new SearchResults(List.of(), 0, Map.of(), List.of(indexProblem));
        }
        return results(idx.search(request(query, idx.count())), sub);
    }

    /** What the index is asked for {@code query} on an index of {@code count} notes. */
    private static SearchRequest request(NoteQuery query, long count) {
        LocalDate from = query.from();
        LocalDate to = query.to();
        String month = query.filter(NoteQuery.MONTH);
        if (month != null) {
            // The index filters dates by range; a month is the range of its days.
            YearMonth ym = YearMonth.parse(month);
            from = from == null || from.isBefore(ym.atDay(1)) ? ym.atDay(1) : from;
            to = to == null || to.isAfter(ym.atEndOfMonth()) ? ym.atEndOfMonth() : to;
        }
        // Without words "best match first" means nothing: the list is newest first then.
        SearchRequest.Sort sort = query.text().isBlank() && query.sort() == NoteQuery.Sort.RELEVANCE
                ? SearchRequest.Sort.NEWEST : SearchRequest.Sort.valueOf(query.sort().name());
        SearchRequest request = SearchRequest.of(query.text()).limit((int) Math.min(query.limit(), Math.max(1, count)))
                .facets(query.facets()).sort(sort).observed(from, to);
        for (Map.Entry<String, Set<String>> f : query.filters().entrySet()) {
            if (!NoteQuery.MONTH.equals(f.getKey())) {
                for (String v : f.getValue()) {
                    request = request.filter(f.getKey(), v);
                }
            }
        }
        return request;
    }

    /** The notes most like note {@code id} ("more like this"), the note itself left out. */
    public SearchResults similar(String id, int limit, IProgressMonitor monitor) throws IOException {
        SubMonitor sub = SubMonitor.convert(monitor, 3);
        NoteIndex idx = open(sub.split(2));
        if (idx == null) {
            return new SearchResults(List.of(), 0, Map.of(), List.of(Messages.Search_similarNeedsIndex, indexProblem));
        }
        return results(idx.moreLikeThis(id, limit), sub);
    }

    /** The index's hits as the notes they are now (a hit deleted since the last sync is left out). */
    private SearchResults results(SearchResult r, SubMonitor sub) {
        List<Hit> hits = new ArrayList<>();
        for (SearchResult.Hit h : r.hits()) {
            if (sub.isCanceled()) {
                throw new OperationCanceledException();
            }
            Optional<StoredNote> stored;
            try {
                stored = index.workspace().notes().get(h.id());
            } catch (NoteStoreException e) {
                stored = Optional.empty();
            }
            if (stored.isEmpty()) {
                continue; // deleted since the index saw it; the next sync removes it
            }
            TrendNote n = stored.get().note();
            hits.add(new Hit(n, h.score(), h.snippet(),
                    h.highlights().stream().map(x -> new Range(x.start(), x.end())).toList(), h.phenomena(),
                    h.resembles()));
        }
        return new SearchResults(hits, (int) Math.min(Integer.MAX_VALUE, r.total()), counts(r.facets()), r.hints(),
                r.estimated(), r.recognised(), (int) Math.min(Integer.MAX_VALUE, r.resemblingOnly()), r.namedNeeds());
    }

    /** Facet counts as the front ends show them, in the index's order. */
    public static Map<String, Map<String, Integer>> counts(Map<String, Map<String, Long>> facets) {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        facets.forEach((field, values) -> {
            Map<String, Integer> m = new LinkedHashMap<>();
            values.forEach((k, v) -> m.put(k, (int) Math.min(Integer.MAX_VALUE, v)));
            out.put(field, m);
        });
        return out;
    }

    /** Closes the index when this search opened it. */
    @Override
    public synchronized void close() {
        if (!owned) {
            return;
        }
        try {
            index.close();
        } catch (IOException e) {
            // The index is a cache; the next open repairs it.
        }
    }
}
