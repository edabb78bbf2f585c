package org.vindplaats.ui.parts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.Need;
import org.vindplaats.model.Platform;
import org.vindplaats.model.Polarity;
import org.vindplaats.model.Terms;
import org.vindplaats.model.TrendNote;
import org.vindplaats.ui.Messages;
import org.vindplaats.ui.notes.NoteQuery;
import org.vindplaats.ui.notes.NoteSearch;
import org.vindplaats.ui.notes.NotesWorkspace;
import org.vindplaats.ui.notes.SearchResults;
import org.vindplaats.ui.widgets.Heatmap;

/**
 * The needs map: how many notes touch each developmental need per platform (or per affordance),
 * over a chosen period and polarity. A click or Enter on a cell opens those notes in Trend notes.
 */
public final class NeedsMapView {

    /** How far back the map looks: all notes, or the last n months. */
    public static final int[] PERIODS = { 0, 3, 6, 12 };

    private final Catalog catalog;
    private final NotesWorkspace notes;
    private final Locale locale;
    private final Combo mode;
    private final Combo period;
    private final Combo polarity;
    private final Combo counting;
    /** Gives the trained suggester for "confirmed + suggested" (null: only confirmed can be counted). */
    private InboxView.Suggesters suggesters;
    private final Heatmap map;
    private final Label status;
    private final Runnable notesListener;
    private final List<String> rowIds = new ArrayList<>();
    private Consumer<NoteQuery> onOpen = q -> {
    };
    private Job running;
    private volatile int generation;
    private volatile int finished;
    private LocalDate today = LocalDate.now();

    public NeedsMapView(Composite parent, Catalog catalog, NotesWorkspace notes, Locale locale) {
        this.catalog = catalog;
        this.notes = notes;
        this.locale = locale;
        GridLayoutFactory.fillDefaults().margins(8, 8).spacing(8, 6).applyTo(parent);
        Composite bar = new Composite(parent, SWT.NONE);
        RowLayout rl = new RowLayout(SWT.HORIZONTAL);
        rl.wrap = true;
        rl.center = true;
        rl.marginLeft = 0;
        rl.spacing = 6;
        bar.setLayout(rl);
        GridDataFactory.fillDefaults().grab(true, false).hint(10, SWT.DEFAULT).applyTo(bar);
        new Label(bar, SWT.NONE).setText(Messages.Map_rows);
        mode = new Combo(bar, SWT.READ_ONLY | SWT.DROP_DOWN);
        mode.setItems(Messages.Map_platforms, Messages.Map_affordances);
        mode.select(0);
        new Label(bar, SWT.NONE).setText(Messages.Map_period);
        period = new Combo(bar, SWT.READ_ONLY | SWT.DROP_DOWN);
        for (int months : PERIODS) {
            period.add(months == 0 ? Messages.Map_allTime : NLS.bind(Messages.Map_lastMonths, months));
        }
        period.select(0);
        new Label(bar, SWT.NONE).setText(Messages.Map_polarity);
        polarity = new Combo(bar, SWT.READ_ONLY | SWT.DROP_DOWN);
        polarity.add(Messages.Notes_any);
        for (Polarity p : Polarity.values()) {
            polarity.add(p.label().get(locale));
        }
        polarity.select(0);
        new Label(bar, SWT.NONE).setText(Messages.Map_counting_label);
        counting = new Combo(bar, SWT.READ_ONLY | SWT.DROP_DOWN);
        counting.setItems(Messages.Map_confirmedOnly, Messages.Map_withSuggested);
        counting.select(0);
        for (Combo c : List.of(mode, period, polarity, counting)) {
            c.addListener(SWT.Selection, e -> refresh());
        }

        Label hint = new Label(parent, SWT.WRAP);
        hint.setText(Messages.Map_hint);
        GridDataFactory.fillDefaults().grab(true, false).hint(10, SWT.DEFAULT).applyTo(hint);

        ScrolledComposite scroller = new ScrolledComposite(parent, SWT.H_SCROLL | SWT.V_SCROLL);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(scroller);
        map = new Heatmap(scroller);
        scroller.setContent(map);
        map.onOpen(this::open);

        status = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(10, SWT.DEFAULT).applyTo(status);

        notesListener = () -> {
            if (!map.isDisposed()) {
                map.getDisplay().asyncExec(() -> {
                    if (!map.isDisposed()) {
                        refresh();
                    }
                });
            }
        };
        notes.addListener(notesListener);
        parent.addDisposeListener(e -> {
            notes.removeListener(notesListener);
            if (running != null) {
                running.cancel();
            }
        });
        refresh();
    }

    /** Lets the map also count what Vindplaats suggests for notes nobody confirmed (shown as "+n"). */
    public void setSuggesters(InboxView.Suggesters value) {
        suggesters = value;
    }

    /** True when the map counts suggested needs too. */
    public boolean withSuggested() {
        return counting.getSelectionIndex() == 1 && suggesters != null;
    }

    public Combo counting() {
        return counting;
    }

    private boolean byAffordance() {
        return mode.getSelectionIndex() == 1;
    }

    private LocalDate from() {
        int months = PERIODS[Math.max(0, period.getSelectionIndex())];
        return months == 0 ? null : today.minusMonths(months);
    }

    private String polarityId() {
        int i = polarity.getSelectionIndex();
        return i <= 0 ? null : Polarity.values()[i - 1].id();
    }

    /** The notes the map counts: the period and polarity filters, no text. */
    public NoteQuery baseQuery() {
        return NoteQuery.of("").withFilter(NoteQuery.POLARITY, polarityId()).withDates(from(), null)
                .withLimit(Integer.MAX_VALUE);
    }

    /** Counts again in the background (after a filter change or when notes changed). */
    public void refresh() {
        if (running != null) {
            running.cancel();
        }
        int mine = ++generation;
        NoteSearch engine = notes.search().orElse(null);
        if (engine == null) {
            finished = mine;
            map.setData(List.of(), List.of(), new int[0][0]);
            status.setText(NLS.bind(Messages.Notes_noWorkspace, notes.problem()));
            return;
        }
        NoteQuery q = baseQuery();
        boolean aff = byAffordance();
        boolean withSuggestedNow = withSuggested();
        running = new Job(Messages.Map_counting) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    SearchResults r = engine.search(q, monitor);
                    List<TrendNote> all = r.hits().stream().map(SearchResults.Hit::note).toList();
                    // Suggestions for the notes whose needs nobody confirmed, when asked for.
                    Map<String, org.vindplaats.suggest.Suggestion> suggested = new java.util.HashMap<>();
                    if (withSuggestedNow) {
                        List<TrendNote> pending = all.stream().filter(n -> !n.isConfirmed(TrendNote.LabelFamily.NEEDS)).toList();
                        suggesters.labels(monitor).suggestAll(pending, monitor).forEach(sg -> suggested.put(sg.noteId(), sg));
                    }
                    map.getDisplay().asyncExec(() -> {
                        if (!map.isDisposed() && mine == generation) {
                            show(all, aff, suggested);
                            finished = mine;
                        }
                    });
                } catch (OperationCanceledException e) {
                    return Status.CANCEL_STATUS;
                } catch (Exception e) {
                    map.getDisplay().asyncExec(() -> {
                        if (!map.isDisposed() && mine == generation) {
                            status.setText(NLS.bind(Messages.Notes_searchFailed, notes.location(), e.getMessage()));
                            finished = mine;
                        }
                    });
                }
                return Status.OK_STATUS;
            }
        };
        running.setSystem(true);
        running.schedule();
    }

    private void show(List<TrendNote> all, boolean aff, Map<String, org.vindplaats.suggest.Suggestion> suggested) {
        Map<String, int[]> rows = new LinkedHashMap<>();
        Map<String, int[]> extra = new LinkedHashMap<>();
        if (aff) {
            for (Affordance a : Affordance.values()) {
                rows.put(a.id(), new int[Need.values().length]);
            }
        }
        int counted = 0;
        int suggestedNotes = 0;
        for (TrendNote n : all) {
            org.vindplaats.suggest.Suggestion sg = suggested.get(n.id());
            boolean confirmedNeeds = n.isConfirmed(TrendNote.LabelFamily.NEEDS) || sg == null;
            List<Need> needs = confirmedNeeds ? List.copyOf(n.needs())
                    : sg.chosen(TrendNote.LabelFamily.NEEDS).stream().flatMap(id -> Terms.byId(Need.class, id).stream()).toList();
            List<String> keys = aff ? n.affordances().stream().map(Affordance::id).toList() : n.platforms();
            if (keys.isEmpty() && sg != null) {
                keys = aff ? sg.chosen(TrendNote.LabelFamily.AFFORDANCES) : sg.chosen(TrendNote.LabelFamily.PLATFORMS);
            }
            if (!needs.isEmpty() && !keys.isEmpty()) {
                if (confirmedNeeds) {
                    counted++;
                } else {
                    suggestedNotes++;
                }
            }
            for (String k : keys) {
                int[] row = rows.computeIfAbsent(k, x -> new int[Need.values().length]);
                int[] xrow = extra.computeIfAbsent(k, x -> new int[Need.values().length]);
                for (Need need : needs) {
                    (confirmedNeeds ? row : xrow)[need.ordinal()]++;
                }
            }
        }
        List<Map.Entry<String, int[]>> entries = new ArrayList<>(rows.entrySet());
        if (!aff) {
            // Busiest platforms first: that is where the team's attention goes.
            entries.sort(Comparator.comparingInt((Map.Entry<String, int[]> e) -> -Arrays.stream(e.getValue()).sum())
                    .thenComparing(e -> rowName(e.getKey(), false)));
        }
        rowIds.clear();
        List<String> names = new ArrayList<>();
        int[][] counts = new int[entries.size()][];
        int[][] extras = new int[entries.size()][];
        for (int i = 0; i < entries.size(); i++) {
            rowIds.add(entries.get(i).getKey());
            names.add(rowName(entries.get(i).getKey(), aff));
            counts[i] = entries.get(i).getValue();
            extras[i] = extra.getOrDefault(entries.get(i).getKey(), new int[Need.values().length]);
        }
        List<String> columns = Arrays.stream(Need.values()).map(n -> n.shortLabel().get(locale)).toList();
        map.setData(names, columns, counts, suggested.isEmpty() ? null : extras);
        map.getParent().layout(true);
        if (map.getParent() instanceof ScrolledComposite sc) {
            sc.setMinSize(map.computeSize(SWT.DEFAULT, SWT.DEFAULT));
        }
        status.setText(entries.isEmpty() ? Messages.Map_empty : NLS.bind(Messages.Map_counted, counted)
                + (suggestedNotes > 0 ? " " + NLS.bind(Messages.Map_suggestedCounted, suggestedNotes) : ""));
    }

    private String rowName(String id, boolean aff) {
        if (aff) {
            return Arrays.stream(Affordance.values()).filter(a -> a.id().equals(id)).findFirst().map(a -> a.label(locale))
                    .orElse(id);
        }
        return catalog.platform(id).map(Platform::name).orElse(id);
    }

    /** The query that lists the notes of one cell, e.g. {@code platform:tiktok need:relationships}. */
    public NoteQuery cellQuery(int row, int column) {
        String field = byAffordance() ? "affordance" : "platform";
        String text = field + ":" + rowIds.get(row) + " need:" + Need.values()[column].id();
        String pol = polarityId();
        if (pol != null) {
            text += " polarity:" + pol;
        }
        return NoteQuery.of(text).withDates(from(), null);
    }

    private void open(int row, int column) {
        if (row < rowIds.size()) {
            onOpen.accept(cellQuery(row, column));
        }
    }

    // ------------------------------------------------------------------ access for parts and tests

    public void onOpen(Consumer<NoteQuery> listener) {
        onOpen = listener;
    }

    public boolean idle() {
        return finished == generation;
    }

    /** For tests: the day the period is counted back from. */
    public void today(LocalDate value) {
        today = value;
    }

    public List<String> rowIds() {
        return List.copyOf(rowIds);
    }

    public Heatmap map() {
        return map;
    }

    public Combo mode() {
        return mode;
    }

    public Combo period() {
        return period;
    }

    public Combo polarity() {
        return polarity;
    }

    public Label status() {
        return status;
    }
}
