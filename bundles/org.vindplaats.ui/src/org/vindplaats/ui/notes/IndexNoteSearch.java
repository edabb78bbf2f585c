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

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.osgi.util.NLS;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.contributions.PluginContributions;
import org.vindplaats.index.IndexConfig;
import org.vindplaats.index.NoteIndex;
import org.vindplaats.index.NoteSource;
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
 * Searches with the Lucene index in the workspace's {@code index/} folder (stemming, synonyms,
 * nicknames, relevance). The index is opened (and built when needed) in the first search's job,
 * never on the UI thread, and follows changes made through the note store; a sync at open picks
 * up what team mates changed. When the index cannot be used the store is searched instead and a
 * hint says why.
 */
public final class IndexNoteSearch implements NoteSearch {

    private final NoteStore store;
    private final Catalog catalog;
    private final Workspace workspace;
    private final StoreNoteSearch fallback;
    private NoteIndex index;
    private String indexProblem;
    /** The note files' stamps the index was last synced with; another value means sync first. */
    private int synced;

    public IndexNoteSearch(Workspace workspace, Catalog catalog) {
        this.workspace = workspace;
        this.store = workspace.notes();
        this.catalog = catalog;
        this.fallback = new StoreNoteSearch(store, catalog);
    }

    @Override
    public String engine() {
        return index == null ? fallback.engine() : "index";
    }

    private NoteSource source() {
        return NoteSource.of(() -> store.notes(p -> {
        }), Math.max(0, store.count()));
    }

    /** The same configuration as the command line's, so both can share one index without rebuilding it. */
    private IndexConfig config() {
        return catalog == null ? IndexConfig.defaults() : PluginContributions.searchConfig(catalog, System.err::println);
    }

    private int stamps() {
        try {
            return store.stamps().hashCode();
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Opens the index on first use, and syncs it whenever the note files changed (through this
     * workbench, the command line or a team mate on a shared folder: one listing tells).
     */
    private synchronized NoteIndex index(IProgressMonitor monitor) {
        SubMonitor sub = SubMonitor.convert(monitor, 2);
        if (index == null && indexProblem == null) {
            try {
                index = NoteIndex.open(workspace.indexDirectory(), source(), config(), sub.split(1));
            } catch (OperationCanceledException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                indexProblem = NLS.bind(Messages.Search_indexUnavailable, workspace.indexDirectory(),
                        e.getMessage() == null ? e.toString() : e.getMessage());
                index = null;
            }
        }
        if (index != null) {
            int now = stamps();
            if (now != synced) {
                try {
                    index.sync(source(), sub.split(1));
                    synced = now;
                } catch (IOException | RuntimeException e) {
                    // Another program holds the index (the command line, a team mate): searching still
                    // works on what it committed, and the next search tries again.
                }
            }
        }
        return index;
    }

    @Override
    public SearchResults search(NoteQuery query, IProgressMonitor monitor) throws IOException {
        SubMonitor sub = SubMonitor.convert(monitor, 3);
        NoteIndex idx = index(sub.split(2));
        if (idx == null) {
            SearchResults r = fallback.search(query, sub.split(1));
            List<String> hints = new ArrayList<>(r.hints());
            hints.add(indexProblem);
            return new SearchResults(r.hits(), r.total(), r.facets(), hints);
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
        SearchRequest request = SearchRequest.of(query.text()).limit((int) Math.min(query.limit(), count)).facets(true)
                .sort(SearchRequest.Sort.valueOf(query.sort().name())).observed(from, to);
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
                    h.highlights().stream().map(x -> new Range(x.start(), x.end())).toList()));
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
        if (index != null) {
            try {
                index.close();
            } catch (IOException e) {
                // The index is a cache; the next open repairs it.
            }
            index = null;
        }
    }
}
