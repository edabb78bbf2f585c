package org.vindplaats.ui.notes;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.osgi.util.NLS;
import org.vindplaats.app.WorkspaceIndex;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.index.NoteIndex;
import org.vindplaats.index.SearchRequest;
import org.vindplaats.index.SearchResult;
import org.vindplaats.model.TrendNote;
import org.vindplaats.notes.NoteStore;
import org.vindplaats.notes.NoteStoreException;
import org.vindplaats.notes.StoredNote;
import org.vindplaats.notes.Workspace;
import org.vindplaats.ui.Messages;
import org.vindplaats.ui.notes.SearchResults.Hit;
import org.vindplaats.ui.notes.SearchResults.Range;

/**
 * Searches with the workspace's Lucene index (stemming, synonyms, nicknames, phenomena, relevance)
 * through the application layer's {@link WorkspaceIndex}, as the command line does: one query
 * language, one engine. The index is opened (and built when needed) in the first search's job,
 * never on the UI thread, and synced whenever the note files changed. When the index folder cannot
 * be used the index lives in memory; only when even that fails does the search say why instead
 * of answering.
 */
public final class IndexNoteSearch implements NoteSearch {

    private final NoteStore store;
    private final Workspace workspace;
    private final WorkspaceIndex index;
    private String indexProblem;

    public IndexNoteSearch(Workspace workspace, Catalog catalog) {
        this.workspace = workspace;
        this.store = workspace.notes();
        this.index = new WorkspaceIndex(workspace, catalog, problem -> ILog.of(IndexNoteSearch.class).warn(problem));
    }

    @Override
    public String engine() {
        return "index";
    }

    /** The index, synced with the note files; null (and {@link #indexProblem} set) when it cannot be opened. */
    private synchronized NoteIndex index(IProgressMonitor monitor) {
        if (indexProblem != null) {
            return null;
        }
        try {
            return index.current(monitor);
        } catch (OperationCanceledException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            indexProblem = NLS.bind(Messages.Search_indexUnavailable, workspace.indexDirectory(),
                    e.getMessage() == null ? e.toString() : e.getMessage());
            return null;
        }
    }

    @Override
    public SearchResults search(NoteQuery query, IProgressMonitor monitor) throws IOException {
        SubMonitor sub = SubMonitor.convert(monitor, 3);
        NoteIndex idx = index(sub.split(2));
        if (idx == null) {
            return new SearchResults(List.of(), 0, Map.of(), List.of(indexProblem));
        }
        LocalDate from = query.from();
        LocalDate to = query.to();
        String month = query.filter(NoteQuery.MONTH);
        if (month != null) {
            // The index filters dates by range; a month is the range of its days.
            YearMonth ym = YearMonth.parse(month);
            from = from == null || from.isBefore(ym.atDay(1)) ? ym.atDay(1) : from;
            to = to == null || to.isAfter(ym.atEndOfMonth()) ? ym.atEndOfMonth() : to;
        }
        long count = Math.max(1, idx.count());
        // Without words "best match first" means nothing: the list is newest first then.
        SearchRequest.Sort sort = query.text().isBlank() && query.sort() == NoteQuery.Sort.RELEVANCE
                ? SearchRequest.Sort.NEWEST : SearchRequest.Sort.valueOf(query.sort().name());
        SearchRequest request = SearchRequest.of(query.text()).limit((int) Math.min(query.limit(), count)).facets(true)
                .sort(sort).observed(from, to);
        for (Map.Entry<String, Set<String>> f : query.filters().entrySet()) {
            if (!NoteQuery.MONTH.equals(f.getKey())) {
                for (String v : f.getValue()) {
                    request = request.filter(f.getKey(), v);
                }
            }
        }
        return results(idx.search(request), sub);
    }

    @Override
    public SearchResults similar(String id, int limit, IProgressMonitor monitor) throws IOException {
        SubMonitor sub = SubMonitor.convert(monitor, 3);
        NoteIndex idx = index(sub.split(2));
        if (idx == null) {
            return new SearchResults(List.of(), 0, Map.of(), List.of(Messages.Notes_similarNeedsIndex, indexProblem));
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
                stored = store.get(h.id());
            } catch (NoteStoreException e) {
                stored = Optional.empty();
            }
            if (stored.isEmpty()) {
                continue; // deleted since the index saw it; the next sync removes it
            }
            TrendNote n = stored.get().note();
            hits.add(new Hit(n, h.score(), h.snippet(),
                    h.highlights().stream().map(x -> new Range(x.start(), x.end())).toList(), h.phenomena()));
        }
        Map<String, Map<String, Integer>> facets = new LinkedHashMap<>();
        r.facets().forEach((field, values) -> {
            Map<String, Integer> m = new LinkedHashMap<>();
            values.forEach((k, v) -> m.put(k, v.intValue()));
            facets.put(field, m);
        });
        return new SearchResults(hits, (int) Math.min(Integer.MAX_VALUE, r.total()), facets, r.hints(), r.estimated());
    }

    @Override
    public synchronized void close() {
        try {
            index.close();
        } catch (IOException e) {
            // The index is a cache; the next open repairs it.
        }
    }
}
