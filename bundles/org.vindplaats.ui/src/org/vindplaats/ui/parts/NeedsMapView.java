package org.vindplaats.ui.parts;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.eclipse.core.runtime.ILog;
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
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.vindplaats.app.NeedsMap;
import org.vindplaats.app.PluginContributions;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.Need;
import org.vindplaats.model.Platform;
import org.vindplaats.model.Polarity;
import org.vindplaats.model.Thesaurus;
import org.vindplaats.model.TrendNote;
import org.vindplaats.ui.Messages;
import org.vindplaats.app.NoteQuery;
import org.vindplaats.app.NoteSearch;
import org.vindplaats.ui.notes.NotesWorkspace;
import org.vindplaats.app.SearchResults;
import org.vindplaats.ui.widgets.Heatmap;
import org.vindplaats.ui.widgets.Ui;

/**
 * The needs map: how many notes touch each developmental need per platform, per affordance or per
 * phenomenon, over a chosen period and polarity, and below it the trend of the phenomena over the
 * last weeks (all platforms or one). A click or Enter on a cell, or on a trend row, opens those
 * notes in Trend notes. The counting and the rising rule are the application layer's
 * ({@link NeedsMap}); this part only searches and shows.
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
    private final Label trendTitle;
    private final Combo trendPlatform;
    private final Table trend;
    private final Runnable notesListener;
    private final List<String> rowIds = new ArrayList<>();
    /** The platform ids of the trend's platform filter, after "all platforms". */
    private final List<String> trendPlatforms = new ArrayList<>();
    /** The notes of the last count, for the trend's platform filter. */
    private List<NeedsMap.Entry> trendNotes = List.of();
    private List<NeedsMap.Trend> trends = List.of();
    private NeedsMap trendCounter;
    private LocalDate trendDay = LocalDate.now();
    /** What the rows of the map on screen are (the mode may have changed since). */
    private NeedsMap.Rows shownRows = NeedsMap.Rows.PLATFORMS;
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
        Composite bar = wrappingBar(parent);
        new Label(bar, SWT.NONE).setText(Messages.Map_rows);
        mode = Ui.name(new Combo(bar, SWT.READ_ONLY | SWT.DROP_DOWN), "needs.mode");
        mode.setItems(Messages.Map_platforms, Messages.Map_affordances, Messages.Map_phenomena);
        mode.select(0);
        new Label(bar, SWT.NONE).setText(Messages.Map_period);
        period = Ui.name(new Combo(bar, SWT.READ_ONLY | SWT.DROP_DOWN), "needs.period");
        for (int months : PERIODS) {
            period.add(months == 0 ? Messages.Map_allTime : NLS.bind(Messages.Map_lastMonths, months));
        }
        period.select(0);
        new Label(bar, SWT.NONE).setText(Messages.Map_polarity);
        polarity = Ui.name(new Combo(bar, SWT.READ_ONLY | SWT.DROP_DOWN), "needs.polarity");
        polarity.add(Messages.Notes_any);
        for (Polarity p : Polarity.values()) {
            polarity.add(p.label().get(locale));
        }
        polarity.select(0);
        new Label(bar, SWT.NONE).setText(Messages.Map_counting_label);
        counting = Ui.name(new Combo(bar, SWT.READ_ONLY | SWT.DROP_DOWN), "needs.counting");
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
        map = Ui.name(new Heatmap(scroller), "needs.map");
        scroller.setContent(map);
        map.onOpen(this::open);

        status = Ui.name(new Label(parent, SWT.WRAP), "needs.status");
        GridDataFactory.fillDefaults().grab(true, false).hint(10, SWT.DEFAULT).applyTo(status);

        Composite trendBar = wrappingBar(parent);
        trendTitle = new Label(trendBar, SWT.NONE);
        trendTitle.setText(trendTitle(today));
        new Label(trendBar, SWT.NONE).setText(Messages.Trend_platform);
        trendPlatform = Ui.name(new Combo(trendBar, SWT.READ_ONLY | SWT.DROP_DOWN), "needs.trendPlatform");
        trendPlatform.add(Messages.Trend_allPlatforms);
        trendPlatform.select(0);
        trendPlatform.addListener(SWT.Selection, e -> showTrend());
        Label trendHint = new Label(parent, SWT.WRAP);
        trendHint.setText(NLS.bind(Messages.Trend_hint, NeedsMap.WEEKS / 2, NeedsMap.MIN_RECENT));
        GridDataFactory.fillDefaults().grab(true, false).hint(10, SWT.DEFAULT).applyTo(trendHint);
        trend = Ui.name(new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE), "needs.trend");
        trend.setHeaderVisible(true);
        trend.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, false).hint(10, 8 * trend.getItemHeight() + trend.getHeaderHeight())
                .applyTo(trend);
        trend.addListener(SWT.DefaultSelection, e -> openTrend(trend.getSelectionIndex()));
        new TableColumn(trend, SWT.LEFT).setText(Messages.Trend_phenomenon);
        new TableColumn(trend, SWT.LEFT).setText(Messages.Trend_perWeek);
        new TableColumn(trend, SWT.LEFT).setText(Messages.Trend_course);
        new TableColumn(trend, SWT.RIGHT).setText(NLS.bind(Messages.Trend_recentBefore, NeedsMap.WEEKS / 2));
        new TableColumn(trend, SWT.LEFT).setText("");
        // The phenomenon's name takes the room the numbers leave, so the table never scrolls sideways.
        trend.addListener(SWT.Resize, e -> fitTrendColumns());

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
    private boolean withSuggested() {
        return counting.getSelectionIndex() == 1 && suggesters != null;
    }

    private NeedsMap.Rows rows() {
        return switch (mode.getSelectionIndex()) {
            case 1 -> NeedsMap.Rows.AFFORDANCES;
            case 2 -> NeedsMap.Rows.PHENOMENA;
            default -> NeedsMap.Rows.PLATFORMS;
        };
    }

    /** The phenomena's names and relations, from the knowledge centres' thesaurus (read again when the plugins change). */
    private Thesaurus thesaurus() {
        return PluginContributions.thesaurus(catalog, problem -> ILog.of(NeedsMapView.class).warn(problem));
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
    private NoteQuery baseQuery() {
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
        NeedsMap.Rows rows = rows();
        boolean withSuggestedNow = withSuggested();
        LocalDate day = today;
        LocalDate from = from();
        LocalDate trendFrom = NeedsMap.firstDay(day, NeedsMap.WEEKS);
        // The trend looks at its own weeks; a shorter period than those needs a search of its own.
        NoteQuery trendQuery = from != null && from.isAfter(trendFrom) ? q.withDates(trendFrom, null) : null;
        running = new Job(Messages.Map_counting) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    SearchResults r = engine.search(q, monitor);
                    // Suggestions for the notes whose needs nobody confirmed, when asked for.
                    Map<String, org.vindplaats.suggest.Suggestion> suggested = new java.util.HashMap<>();
                    if (withSuggestedNow) {
                        List<TrendNote> pending = r.hits().stream().map(SearchResults.Hit::note)
                                .filter(n -> !n.isConfirmed(TrendNote.LabelFamily.NEEDS)).toList();
                        suggesters.labels(monitor).suggestAll(pending, monitor).forEach(sg -> suggested.put(sg.noteId(), sg));
                    }
                    List<NeedsMap.Entry> entries = r.hits().stream()
                            .map(h -> new NeedsMap.Entry(h.note(), h.phenomena(), suggested.get(h.note().id()))).toList();
                    List<NeedsMap.Entry> forTrend = trendQuery == null ? entries
                            : engine.search(trendQuery, monitor).hits().stream()
                                    .map(h -> new NeedsMap.Entry(h.note(), h.phenomena())).toList();
                    Thesaurus thesaurus = thesaurus();
                    NeedsMap counter = new NeedsMap(thesaurus);
                    NeedsMap.Counts counts = counter.count(entries, rows, id -> rowName(id, rows, thesaurus));
                    List<String> names = counts.rows().stream().map(row -> rowName(row.id(), rows, thesaurus)).toList();
                    map.getDisplay().asyncExec(() -> {
                        if (!map.isDisposed() && mine == generation) {
                            show(counts, names, rows, !suggested.isEmpty());
                            takeTrendNotes(counter, forTrend, day);
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

    private void show(NeedsMap.Counts counts, List<String> names, NeedsMap.Rows rows, boolean withSuggestions) {
        rowIds.clear();
        shownRows = rows;
        int[][] values = new int[counts.rows().size()][];
        int[][] extras = new int[counts.rows().size()][];
        for (int i = 0; i < counts.rows().size(); i++) {
            NeedsMap.Row row = counts.rows().get(i);
            rowIds.add(row.id());
            values[i] = row.counts();
            extras[i] = row.suggested();
        }
        List<String> columns = Arrays.stream(Need.values()).map(n -> n.shortLabel().get(locale)).toList();
        map.setData(names, columns, values, withSuggestions ? extras : null);
        map.getParent().layout(true);
        if (map.getParent() instanceof ScrolledComposite sc) {
            sc.setMinSize(map.computeSize(SWT.DEFAULT, SWT.DEFAULT));
        }
        String empty = rows == NeedsMap.Rows.PHENOMENA ? Messages.Map_emptyPhenomena : Messages.Map_empty;
        status.setText(counts.rows().isEmpty() ? empty : NLS.bind(Messages.Map_counted, counts.counted())
                + (counts.suggestedNotes() > 0 ? " " + NLS.bind(Messages.Map_suggestedCounted, counts.suggestedNotes()) : ""));
    }

    /** Takes the notes the trend counts, offers their platforms in the filter, and shows the trend. */
    private void takeTrendNotes(NeedsMap counter, List<NeedsMap.Entry> forTrend, LocalDate day) {
        trendCounter = counter;
        trendNotes = forTrend;
        trendDay = day;
        String chosen = chosenPlatform();
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        LocalDate first = NeedsMap.firstDay(day, NeedsMap.WEEKS);
        for (NeedsMap.Entry e : forTrend) {
            if (e.note().observed() != null && !e.note().observed().isBefore(first)) {
                for (String p : e.note().platforms()) {
                    byName.putIfAbsent(rowName(p, NeedsMap.Rows.PLATFORMS, null) + "\u0000" + p, p);
                }
            }
        }
        trendPlatforms.clear();
        trendPlatforms.addAll(byName.values());
        trendPlatform.removeAll();
        trendPlatform.add(Messages.Trend_allPlatforms);
        byName.forEach((name, id) -> trendPlatform.add(name.substring(0, name.indexOf('\u0000'))));
        trendPlatform.select(chosen == null || !trendPlatforms.contains(chosen) ? 0 : trendPlatforms.indexOf(chosen) + 1);
        trendPlatform.getParent().layout(true);
        showTrend();
    }

    private void showTrend() {
        String platform = chosenPlatform();
        Thesaurus thesaurus = trendCounter == null ? Thesaurus.EMPTY : thesaurus();
        trends = trendCounter == null ? List.of() : trendCounter.trends(trendNotes, platform, trendDay, NeedsMap.WEEKS);
        trend.setRedraw(false);
        try {
            trend.removeAll();
            trendTitle.setText(trendTitle(trendDay));
            trendTitle.getParent().layout(true);
            for (NeedsMap.Trend t : trends) {
                TableItem item = new TableItem(trend, SWT.NONE);
                StringBuilder perWeek = new StringBuilder();
                for (int w : t.weeks()) {
                    perWeek.append(perWeek.isEmpty() ? "" : " ").append(w);
                }
                item.setText(new String[] { rowName(t.phenomenon(), NeedsMap.Rows.PHENOMENA, thesaurus), perWeek.toString(),
                        t.sparkline(), t.recent() + " / " + t.before(), t.rising() ? Messages.Trend_rises : "" });
                item.setData(t.phenomenon());
            }
            if (trends.isEmpty()) {
                new TableItem(trend, SWT.NONE).setText(0, NLS.bind(Messages.Trend_empty, NeedsMap.WEEKS));
            }
            fitTrendColumns();
        } finally {
            trend.setRedraw(true);
        }
    }

    private String trendTitle(LocalDate day) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("d MMM", locale);
        return NLS.bind(Messages.Trend_title, new Object[] { NeedsMap.WEEKS,
                format.format(NeedsMap.firstDay(day, NeedsMap.WEEKS)), format.format(day) });
    }

    /** The number columns as wide as their contents, the name column the rest (long names end in "..."). */
    private void fitTrendColumns() {
        TableColumn[] columns = trend.getColumns();
        int others = 0;
        for (int i = 1; i < columns.length; i++) {
            columns[i].pack();
            others += columns[i].getWidth();
        }
        int room = trend.getClientArea().width - others;
        if (room > 0) {
            columns[0].setWidth(room);
        } else {
            columns[0].pack();
        }
    }

    /** The trend's platform filter: a platform id, or null for all platforms. */
    private String chosenPlatform() {
        int i = trendPlatform.getSelectionIndex();
        return i <= 0 || i > trendPlatforms.size() ? null : trendPlatforms.get(i - 1);
    }

    private String rowName(String id, NeedsMap.Rows rows, Thesaurus thesaurus) {
        return switch (rows) {
            case AFFORDANCES -> Arrays.stream(Affordance.values()).filter(a -> a.id().equals(id)).findFirst()
                    .map(a -> a.label(locale)).orElse(id);
            case PHENOMENA -> thesaurus.get(id).map(p -> p.label().get(locale)).filter(Objects::nonNull).orElse(id);
            case PLATFORMS -> catalog.platform(id).map(Platform::name).orElse(id);
        };
    }

    /**
     * The query that lists the notes of one cell, e.g. {@code platform:tiktok need:relationships}
     * or {@code fenomeen:grooming need:privacy_safety}.
     */
    private NoteQuery cellQuery(int row, int column) {
        String field = switch (shownRows) {
            case AFFORDANCES -> "affordance";
            case PHENOMENA -> "fenomeen";
            case PLATFORMS -> "platform";
        };
        String text = field + ":" + rowIds.get(row) + " need:" + Need.values()[column].id();
        return NoteQuery.of(withPolarity(text)).withDates(from(), null);
    }

    /** The query that lists the notes of a row of the trend, e.g. {@code fenomeen:grooming platform:snapchat}. */
    private NoteQuery trendQuery(int row) {
        String text = "fenomeen:" + trends.get(row).phenomenon();
        String platform = chosenPlatform();
        if (platform != null) {
            text += " platform:" + platform;
        }
        return NoteQuery.of(withPolarity(text)).withDates(NeedsMap.firstDay(trendDay, NeedsMap.WEEKS), trendDay);
    }

    private String withPolarity(String text) {
        String pol = polarityId();
        return pol == null ? text : text + " polarity:" + pol;
    }

    private void open(int row, int column) {
        if (row < rowIds.size()) {
            onOpen.accept(cellQuery(row, column));
        }
    }

    private void openTrend(int row) {
        if (row >= 0 && row < trends.size()) {
            onOpen.accept(trendQuery(row));
        }
    }

    // ------------------------------------------------------------------ for parts and tests

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

    /** Puts the focus on the map (the arrow keys move between its cells). */
    public void setFocus() {
        map.setFocus();
    }

    /** A row of controls that wraps on a narrow part (the map's and the trend's choices). */
    private static Composite wrappingBar(Composite parent) {
        Composite bar = new Composite(parent, SWT.NONE);
        RowLayout layout = new RowLayout(SWT.HORIZONTAL);
        layout.wrap = true;
        layout.center = true;
        layout.marginLeft = 0;
        layout.spacing = 6;
        bar.setLayout(layout);
        GridDataFactory.fillDefaults().grab(true, false).hint(10, SWT.DEFAULT).applyTo(bar);
        return bar;
    }
}
