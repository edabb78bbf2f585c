package org.vindplaats.ui.parts;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.osgi.service.prefs.BackingStoreException;
import org.vindplaats.app.TeamHub;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.hub.Hub;
import org.vindplaats.hub.HubException;
import org.vindplaats.model.Need;
import org.vindplaats.model.Platform;
import org.vindplaats.model.TrendNote;
import org.vindplaats.suggest.Labels;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.ui.Messages;
import org.vindplaats.ui.notes.Dates;
import org.vindplaats.ui.notes.ImportJob;
import org.vindplaats.app.NoteQuery;
import org.vindplaats.app.NoteSearch;
import org.vindplaats.ui.notes.NotesWorkspace;
import org.vindplaats.app.SearchResults;
import org.vindplaats.app.SearchResults.Hit;
import org.vindplaats.app.SearchResults.Range;
import org.vindplaats.ui.widgets.Palette;
import org.vindplaats.ui.widgets.Ui;

/**
 * Trend notes: a search box with the forgiving syntax, facet filters (platform, need, affordance,
 * polarity, urgency, month) with counts, an observed-date range, a sort order, the hits in a table
 * and the selected hit's text with the matching words in bold. Searches run as jobs, so typing
 * never waits for the disk or the index; only the newest search's answer is shown.
 */
public final class TrendNotesView {

    private static final int TYPING_DELAY_MS = 200;
    /** The hub is asked over the network: a little longer after the last key. */
    private static final int HUB_TYPING_DELAY_MS = 600;
    /** The hub's facet of the team a shared note comes from. */
    private static final String HUB_TEAM = "team";

    private final Catalog catalog;
    private final NotesWorkspace notes;
    private final Locale locale;
    private final Label workspaceLabel;
    private final Button changeWorkspace;
    private final Text search;
    private final Button importFile;
    private final Button importFolder;
    private final Composite importRow;
    private final Label importLabel;
    private final ProgressBar importBar;
    private final Button importCancel;
    private final Label importReport;
    private volatile ImportJob importJob;
    private final Combo scope;
    /** In the shared collection: one team's notes, or all (null). */
    private final Combo team;
    private List<String> teamValues = List.of();
    private String chosenTeam;
    private Map<String, Integer> teamCounts = Map.of();
    /** The hub scope of each item of {@link #scope} after the first (this workspace). */
    private List<Hub.Scope> scopes = List.of();
    private TeamHub hub;
    private final Consumer<Path> hubConnected = dir -> async(this::showScopes);
    /** The hits shown come from the hub: read-only, not in this workspace. */
    private boolean fromHub;
    private final Combo sort;
    private final Map<String, Combo> facetCombos = new LinkedHashMap<>();
    private final Map<String, List<String>> facetValues = new LinkedHashMap<>();
    private final Text from;
    private final Text to;
    private final Button reset;
    private final Table results;
    private final StyledText preview;
    private final Button openButton;
    private final Button similarButton;
    private final Label status;
    private final Runnable notesListener;
    private NoteQuery query = NoteQuery.of("");
    private SearchResults shown = SearchResults.empty();
    private Job running;
    private volatile int generation;
    private volatile int finished;
    private Consumer<String> onOpen = id -> {
    };
    private boolean filling;

    public TrendNotesView(Composite parent, Catalog catalog, NotesWorkspace notes, Locale locale) {
        this.catalog = catalog;
        this.notes = notes;
        this.locale = locale;
        GridLayoutFactory.fillDefaults().numColumns(3).margins(8, 8).spacing(8, 6).applyTo(parent);

        Label wl = new Label(parent, SWT.NONE);
        wl.setText(Messages.Notes_workspace);
        workspaceLabel = Ui.name(new Label(parent, SWT.WRAP), "notes.workspace");
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(10, SWT.DEFAULT).applyTo(workspaceLabel);
        // The buttons get their own row, so the folder and the search box keep the full width.
        Composite wsButtons = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).hint(10, SWT.DEFAULT).applyTo(wsButtons);
        RowLayout wr = new RowLayout(SWT.HORIZONTAL);
        wr.wrap = true;
        wr.marginLeft = 0;
        wr.marginTop = 0;
        wr.marginBottom = 0;
        wsButtons.setLayout(wr);
        changeWorkspace = Ui.name(new Button(wsButtons, SWT.PUSH), "notes.changeWorkspace");
        changeWorkspace.setText(Messages.Notes_changeWorkspace);
        changeWorkspace.addListener(SWT.Selection, e -> chooseWorkspace());
        importFile = Ui.name(new Button(wsButtons, SWT.PUSH), "notes.importFile");
        importFile.setText(Messages.Notes_importFile);
        importFile.addListener(SWT.Selection, e -> chooseImport(false));
        importFolder = Ui.name(new Button(wsButtons, SWT.PUSH), "notes.importFolder");
        importFolder.setText(Messages.Notes_importFolder);
        importFolder.addListener(SWT.Selection, e -> chooseImport(true));

        importRow = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(importRow);
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).applyTo(importRow);
        importLabel = Ui.name(new Label(importRow, SWT.NONE), "notes.importing");
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).hint(10, SWT.DEFAULT).applyTo(importLabel);
        importBar = Ui.name(new ProgressBar(importRow, SWT.SMOOTH | SWT.HORIZONTAL), "notes.importBar");
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(importBar);
        importCancel = Ui.name(new Button(importRow, SWT.PUSH), "notes.importCancel");
        importCancel.setText(Messages.Notes_importCancel);
        GridDataFactory.swtDefaults().applyTo(importCancel);
        importCancel.addListener(SWT.Selection, e -> {
            if (importJob != null) {
                importJob.cancel();
            }
        });
        importReport = Ui.name(new Label(importRow, SWT.WRAP), "notes.importReport");
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).hint(10, SWT.DEFAULT).applyTo(importReport);
        showImportProgress(false);

        Label sl = new Label(parent, SWT.NONE);
        sl.setText(Messages.Notes_search);
        search = Ui.name(new Text(parent, SWT.BORDER | SWT.SEARCH | SWT.ICON_CANCEL | SWT.ICON_SEARCH), "notes.search");
        search.setMessage(Messages.Notes_searchHint);
        search.setToolTipText(Messages.Notes_syntax);
        GridDataFactory.fillDefaults().grab(true, false).hint(10, SWT.DEFAULT).applyTo(search);
        search.addModifyListener(e -> {
            if (!filling) {
                query = query.withText(search.getText());
                searchLater();
            }
        });
        search.addListener(SWT.DefaultSelection, e -> searchNow());
        // Where to search, then in which order: this workspace, or the team's notes in the hub.
        Composite choices = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).spacing(6, 0).applyTo(choices);
        scope = Ui.name(new Combo(choices, SWT.READ_ONLY | SWT.DROP_DOWN), "notes.scope");
        scope.setItems(Messages.Notes_scopeWorkspace);
        scope.select(0);
        scope.addListener(SWT.Selection, e -> scopeChosen());
        // The shared collection holds every team's notes: a knowledge centre narrows it to one team.
        team = Ui.name(new Combo(choices, SWT.READ_ONLY | SWT.DROP_DOWN), "notes.team");
        team.setItems(Messages.Notes_teamAll);
        team.select(0);
        team.setToolTipText(Messages.Notes_teamTip);
        team.addListener(SWT.Selection, e -> {
            int i = team.getSelectionIndex();
            chosenTeam = i <= 0 || i > teamValues.size() ? null : teamValues.get(i - 1);
            searchNow();
        });
        GridDataFactory.swtDefaults().exclude(true).applyTo(team);
        team.setVisible(false);
        sort = Ui.name(new Combo(choices, SWT.READ_ONLY | SWT.DROP_DOWN), "notes.sort");
        sort.setItems(Messages.Notes_sortRelevance, Messages.Notes_sortNewest, Messages.Notes_sortOldest);
        sort.select(0);
        sort.setToolTipText(Messages.Notes_sort);
        sort.addListener(SWT.Selection, e -> {
            query = query.withSort(NoteQuery.Sort.values()[sort.getSelectionIndex()]);
            searchNow();
        });

        // The filters in a fixed grid of label-and-choice pairs, three to a row: each label stays
        // next to its choice, and the rows keep their place when a search fills the choices.
        Composite filters = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(6).spacing(6, 4).applyTo(filters);
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).hint(10, SWT.DEFAULT).applyTo(filters);
        for (String field : NoteQuery.FACETS) {
            Label l = new Label(filters, SWT.NONE);
            l.setText(facetName(field));
            Combo c = Ui.name(new Combo(filters, SWT.READ_ONLY | SWT.DROP_DOWN), "notes.facet." + field);
            c.add(Messages.Notes_any);
            c.select(0);
            c.addListener(SWT.Selection, e -> chooseFacet(field));
            // Equal shares of the row whatever the values are: no jumping after a search.
            GridDataFactory.fillDefaults().grab(true, false).hint(40, SWT.DEFAULT).applyTo(c);
            facetCombos.put(field, c);
            facetValues.put(field, List.of());
        }
        Label fl = new Label(filters, SWT.NONE);
        fl.setText(Messages.Notes_from);
        from = Ui.name(new Text(filters, SWT.BORDER), "notes.from");
        from.setMessage(Messages.Notes_dateHint);
        GridDataFactory.fillDefaults().grab(true, false).hint(40, SWT.DEFAULT).applyTo(from);
        Label tl = new Label(filters, SWT.NONE);
        tl.setText(Messages.Notes_to);
        to = Ui.name(new Text(filters, SWT.BORDER), "notes.to");
        to.setMessage(Messages.Notes_dateHint);
        GridDataFactory.fillDefaults().grab(true, false).hint(40, SWT.DEFAULT).applyTo(to);
        from.addModifyListener(e -> datesChanged());
        to.addModifyListener(e -> datesChanged());
        reset = Ui.name(new Button(filters, SWT.PUSH), "notes.reset");
        reset.setText(Messages.Notes_reset);
        GridDataFactory.swtDefaults().span(2, 1).applyTo(reset);
        reset.addListener(SWT.Selection, e -> show(NoteQuery.of("")));

        SashForm split = new SashForm(parent, SWT.VERTICAL);
        // A small preferred height: the list and preview take what the rows above and the status
        // line leave, and give way when the status line wraps (a recognised phenomenon) instead
        // of pushing it out of the window.
        GridDataFactory.fillDefaults().grab(true, true).span(3, 1).hint(SWT.DEFAULT, 120).applyTo(split);
        results = Ui.name(new Table(split, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL), "notes.table");
        results.setHeaderVisible(true);
        results.setLinesVisible(true);
        for (String[] col : new String[][] { { Messages.Notes_colTitle, "150" }, { Messages.Notes_colObserved, "95" },
                { Messages.Notes_colPlatforms, "90" }, { Messages.Notes_colNeeds, "130" },
                { Messages.Notes_colUrgency, "100" } }) {
            TableColumn c = new TableColumn(results, SWT.NONE);
            c.setText(col[0]);
            // At least as wide as its header, so "Waargenomen" is never cut off at 125%.
            c.pack();
            c.setWidth(Math.max(c.getWidth() + 8, Integer.parseInt(col[1])));
        }
        // The title takes what the other columns leave: no horizontal scrolling on a laptop.
        Ui.fillWidth(results, 0, 150);
        results.addListener(SWT.Selection, e -> showPreview());
        results.addListener(SWT.DefaultSelection, e -> openSelected());
        Composite bottom = new Composite(split, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(bottom);
        preview = Ui.name(new StyledText(bottom, SWT.BORDER | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL), "notes.preview");
        preview.setMargins(6, 4, 6, 4);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(preview);
        Composite actions = new Composite(bottom, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(actions);
        openButton = Ui.name(new Button(actions, SWT.PUSH), "notes.open");
        openButton.setText(Messages.Notes_open);
        openButton.addListener(SWT.Selection, e -> openSelected());
        openButton.setEnabled(false);
        similarButton = Ui.name(new Button(actions, SWT.PUSH), "notes.similar");
        similarButton.setText(Messages.Notes_similar);
        similarButton.setToolTipText(Messages.Notes_similarTip);
        similarButton.addListener(SWT.Selection, e -> showSimilar());
        similarButton.setEnabled(false);
        split.setWeights(62, 38);

        status = Ui.name(new Label(parent, SWT.WRAP), "notes.status");
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).hint(10, SWT.DEFAULT).applyTo(status);

        notesListener = () -> async(this::workspaceChanged);
        notes.addListener(notesListener);
        parent.addDisposeListener(e -> {
            notes.removeListener(notesListener);
            if (hub != null) {
                hub.removeConnectionListener(hubConnected);
            }
            if (running != null) {
                running.cancel();
            }
        });
        showScopes();
        workspaceChanged();
    }

    /**
     * Connects the team hub: with a connected workspace the scope switch offers the team's notes
     * too, also after connecting later (Beheer > Team hub). Null: this workspace only.
     */
    public void setHub(TeamHub value) {
        if (hub != null) {
            hub.removeConnectionListener(hubConnected);
        }
        hub = value;
        if (hub != null) {
            hub.addConnectionListener(hubConnected);
        }
        showScopes();
    }

    /** Fills the scope switch: "this workspace", and what the hub offers when connected. */
    private void showScopes() {
        Hub.Scope chosen = chosenScope();
        scopes = hub == null ? List.of() : hub.scopes(notes.location());
        List<String> items = new ArrayList<>();
        items.add(Messages.Notes_scopeWorkspace);
        for (Hub.Scope s : scopes) {
            items.add(scopeName(s));
        }
        scope.setItems(items.toArray(String[]::new));
        int index = chosen == null ? -1 : scopes.indexOf(chosen);
        scope.select(index + 1);
        scope.setEnabled(!scopes.isEmpty());
        scope.setToolTipText(scopes.isEmpty() ? Messages.Notes_scopeNoHub : Messages.Notes_scopeTip);
        scope.getParent().layout(true);
        if (chosen != null && index < 0) {
            scopeChosen(); // the hub went away: back to this workspace
        }
    }

    private static String scopeName(Hub.Scope s) {
        return switch (s) {
        case TEAM -> Messages.Notes_scopeTeam;
        case SHARED -> Messages.Notes_scopeShared;
        };
    }

    /** The hub scope chosen, or null for this workspace. */
    private Hub.Scope chosenScope() {
        int i = scope.getSelectionIndex();
        return i <= 0 || i > scopes.size() ? null : scopes.get(i - 1);
    }

    private void scopeChosen() {
        boolean local = chosenScope() == null;
        boolean shared = chosenScope() == Hub.Scope.SHARED;
        if (!shared) {
            chosenTeam = null;
            teamCounts = Map.of();
            fillTeams();
        }
        team.setVisible(shared);
        ((GridData) team.getLayoutData()).exclude = !shared;
        team.getParent().layout(true);
        // The hub filters by the facets too (as words of the query); the dates, the month and the
        // order apply here only.
        facetCombos.get(NoteQuery.MONTH).setEnabled(local);
        for (org.eclipse.swt.widgets.Control c : List.of(from, to, sort)) {
            c.setEnabled(local);
        }
        searchNow();
    }

    private static String facetName(String field) {
        return switch (field) {
            case NoteQuery.PLATFORM -> Messages.Notes_facetPlatform;
            case NoteQuery.NEED -> Messages.Notes_facetNeed;
            case NoteQuery.AFFORDANCE -> Messages.Notes_facetAffordance;
            case NoteQuery.POLARITY -> Messages.Notes_facetPolarity;
            case NoteQuery.URGENCY -> Messages.Notes_facetUrgency;
            case NoteQuery.PHENOMENON -> Messages.Notes_facetPhenomenon;
            default -> Messages.Notes_facetMonth;
        };
    }

    /** The display name of a facet value (a platform's name, a need's label, ...). */
    private String valueName(String field, String id) {
        return switch (field) {
            case NoteQuery.PLATFORM -> catalog.platform(id).map(Platform::name).orElse(id);
            case NoteQuery.NEED -> java.util.Arrays.stream(Need.values()).filter(n -> n.id().equals(id)).findFirst()
                    .map(n -> n.shortLabel().get(locale)).orElse(id);
            case NoteQuery.AFFORDANCE -> Labels.name(LabelFamily.AFFORDANCES, id, locale);
            case NoteQuery.POLARITY -> Labels.name(LabelFamily.POLARITY, id, locale);
            case NoteQuery.URGENCY -> Labels.name(LabelFamily.URGENCY, id, locale);
            case NoteQuery.PHENOMENON -> thesaurus().get(id).map(p -> p.label().get(locale)).orElse(id);
            default -> id;
        };
    }

    /** The phenomena's names come from the knowledge centres' thesaurus (read again when the plugins change). */
    private org.vindplaats.model.Thesaurus thesaurus() {
        return org.vindplaats.app.PluginContributions.thesaurus(catalog,
                problem -> org.eclipse.core.runtime.ILog.of(TrendNotesView.class).warn(problem));
    }

    private void async(Runnable r) {
        if (!results.isDisposed()) {
            results.getDisplay().asyncExec(() -> {
                if (!results.isDisposed()) {
                    r.run();
                }
            });
        }
    }

    private void workspaceChanged() {
        if (hub != null && !hub.scopes(notes.location()).equals(scopes)) {
            showScopes();
        }
        workspaceLabel.setText(notes.location() == null ? "" : notes.location().toString());
        workspaceLabel.setToolTipText(notes.location() == null ? "" : notes.location().toString());
        workspaceLabel.getParent().layout(true);
        searchNow();
    }

    private void chooseWorkspace() {
        DirectoryDialog d = new DirectoryDialog(results.getShell());
        d.setText(Ui.dialogTitle(Messages.Notes_changeWorkspace));
        d.setMessage(Messages.Notes_chooseWorkspace);
        if (notes.location() != null) {
            d.setFilterPath(notes.location().toString());
        }
        String chosen = d.open();
        if (chosen != null) {
            moveWorkspace(Path.of(chosen));
        }
    }

    /** Switches the workspace folder (remembered as a preference) and searches there. */
    public void moveWorkspace(Path folder) {
        try {
            notes.moveTo(folder);
        } catch (BackingStoreException e) {
            say(NLS.bind(Messages.Notes_prefFailed, e.getMessage()));
        }
    }

    /** Asks for a file (or folder) and imports it. */
    public void chooseImport(boolean folder) {
        String chosen;
        if (folder) {
            DirectoryDialog d = new DirectoryDialog(results.getShell());
            d.setText(Ui.dialogTitle(Messages.Notes_importFolder));
            d.setMessage(Messages.Notes_importFolderMessage);
            chosen = d.open();
        } else {
            FileDialog d = new FileDialog(results.getShell(), SWT.OPEN);
            d.setText(Ui.dialogTitle(Messages.Notes_importFile));
            d.setFilterExtensions(new String[] { "*.jsonl;*.json;*.md;*.html;*.htm;*.xml;*.rss;*.atom", "*" });
            d.setFilterNames(new String[] { Messages.Notes_importFiles, Messages.Plugins_allFiles });
            chosen = d.open();
        }
        if (chosen != null) {
            importFrom(Path.of(chosen));
        }
    }

    /**
     * Imports a file or folder as a background job; a progress bar with Cancel shows while it
     * runs, then the report (imported, skipped with file:line, personal data replaced).
     */
    public ImportJob importFrom(Path source) {
        if (importJob != null) {
            importReport.setText(Messages.Notes_importBusy);
            return null;
        }
        ImportJob job = new ImportJob(notes, source, null);
        int[] lastPercent = { -1 };
        job.setProgressListener((done, total, task) -> {
            int percent = total <= 0 ? 0 : Math.min(100, done * 100 / total);
            if (percent != lastPercent[0]) {
                lastPercent[0] = percent;
                async(() -> {
                    importBar.setSelection(percent);
                    importLabel.setText(NLS.bind(Messages.Notes_importing, source, percent));
                });
            }
        });
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                IStatus result = event.getResult();
                async(() -> importDone(job, result));
            }
        });
        importJob = job;
        importBar.setMaximum(100);
        importBar.setSelection(0);
        importLabel.setText(NLS.bind(Messages.Notes_importing, source, 0));
        importReport.setText("");
        showImportProgress(true);
        importFile.setEnabled(false);
        importFolder.setEnabled(false);
        job.schedule();
        return job;
    }

    /** The progress row takes no room while no import runs. */
    private void showImportProgress(boolean visible) {
        for (org.eclipse.swt.widgets.Control c : List.of(importBar, importCancel, importLabel)) {
            c.setVisible(visible);
            ((org.eclipse.swt.layout.GridData) c.getLayoutData()).exclude = !visible;
        }
        boolean report = !importReport.getText().isEmpty();
        importReport.setVisible(report);
        ((org.eclipse.swt.layout.GridData) importReport.getLayoutData()).exclude = !report;
        importRow.setVisible(visible || report);
        ((org.eclipse.swt.layout.GridData) importRow.getLayoutData()).exclude = !(visible || report);
        importRow.getParent().layout(true, true);
    }

    private void importDone(ImportJob job, IStatus result) {
        importJob = null;
        showImportProgress(false);
        importFile.setEnabled(true);
        importFolder.setEnabled(true);
        if (job.report() != null) {
            importReport.setText(job.report().details());
        } else if (result != null && result.getSeverity() == IStatus.CANCEL) {
            importReport.setText(Messages.Notes_importCancelled);
        } else if (result != null) {
            importReport.setText(result.getMessage());
        }
        showImportProgress(false);
    }

    private void chooseFacet(String field) {
        Combo c = facetCombos.get(field);
        int i = c.getSelectionIndex();
        List<String> values = facetValues.get(field);
        query = query.withFilter(field, i <= 0 || i > values.size() ? null : values.get(i - 1));
        searchNow();
    }

    private void datesChanged() {
        if (filling) {
            return;
        }
        LocalDate f = date(from);
        LocalDate t = date(to);
        if (f == BAD || t == BAD) {
            say(Messages.Notes_badDate);
            return;
        }
        query = query.withDates(f, t);
        searchLater();
    }

    private static final LocalDate BAD = LocalDate.MIN;

    /** The typed bound: null when empty, BAD when it is no day or month Dates can read. */
    private static LocalDate date(Text t) {
        String s = t.getText().strip();
        return s.isEmpty() ? null : Dates.dayOrMonth(s).orElse(BAD);
    }

    /** Shows a query (from the needs map or a test): fills the box, the filters and the dates, then searches. */
    public void show(NoteQuery q) {
        filling = true;
        try {
            query = q;
            search.setText(q.text());
            from.setText(q.from() == null ? "" : q.from().toString());
            to.setText(q.to() == null ? "" : q.to().toString());
            sort.select(q.sort().ordinal());
            for (String field : NoteQuery.FACETS) {
                facetCombos.get(field).select(0);
            }
        } finally {
            filling = false;
        }
        searchNow();
    }

    private void searchLater() {
        schedule(TYPING_DELAY_MS);
    }

    /** Starts a search for the current query (cancelling one still running). */
    private void searchNow() {
        schedule(0);
    }

    private void schedule(long delay) {
        NoteQuery q = query;
        Hub.Scope where = chosenScope();
        if (where != null) {
            runInHub(delay, q, where, where == Hub.Scope.SHARED ? chosenTeam : null);
        } else {
            run(delay, (engine, monitor) -> engine.search(q, monitor), null);
        }
    }

    /**
     * Searches the hub in a job; its hits show in the same list, read-only (they are not in this
     * workspace). A hub that does not answer is said in the status line; nothing else changes.
     */
    private void runInHub(long delay, NoteQuery q, Hub.Scope where, String onlyTeam) {
        if (running != null) {
            running.cancel();
        }
        int mine = ++generation;
        Path dir = notes.location();
        TeamHub h = hub;
        say(Messages.Notes_searchingHub);
        running = new Job(Messages.Notes_searchingHub) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                SearchResults r;
                String problem = null;
                Map<String, Integer> teams = new LinkedHashMap<>();
                try {
                    Hub.Result found = h.search(dir, Hub.Query.of(hubText(q)).scope(where).team(onlyTeam).rows(q.limit()).facets(true));
                    List<Hit> hits = new ArrayList<>();
                    for (Hub.Hit one : found.hits()) {
                        hits.add(hubHit(one, where));
                    }
                    Map<String, Map<String, Integer>> facets = new LinkedHashMap<>();
                    found.facets().forEach((field, counts) -> {
                        if (NoteQuery.FACETS.contains(field)) {
                            Map<String, Integer> c = new LinkedHashMap<>();
                            counts.forEach((v, n) -> c.put(v, (int) Math.min(Integer.MAX_VALUE, n)));
                            facets.put(field, c);
                        }
                    });
                    r = new SearchResults(hits, (int) Math.min(Integer.MAX_VALUE, found.found()), facets, found.hints(),
                            found.estimated());
                    found.facets().getOrDefault(HUB_TEAM, Map.of()).forEach((v, n) -> teams.put(v, (int) Math.min(Integer.MAX_VALUE, n)));
                } catch (HubException | java.io.IOException | RuntimeException e) {
                    r = SearchResults.empty();
                    problem = NLS.bind(Messages.Notes_hubFailed, e.getMessage() == null ? e.toString() : e.getMessage());
                }
                if (monitor.isCanceled()) {
                    return Status.CANCEL_STATUS;
                }
                SearchResults result = r;
                String failed = problem;
                async(() -> {
                    if (mine == generation) {
                        shown = result;
                        fromHub = true;
                        teamCounts = teams;
                        fillTeams();
                        fillResults();
                        String said = result.total() == 0 ? NLS.bind(Messages.Notes_hubNone, scopeName(where))
                                : NLS.bind(Messages.Notes_hubCount, new Object[] { result.total(), result.hits().size(), scopeName(where) });
                        if (result.estimated()) {
                            said += " " + Messages.Notes_facetsEstimated;
                        }
                        if (!result.hints().isEmpty()) {
                            said += " " + String.join(" ", result.hints());
                        }
                        say(failed != null ? failed : said);
                        status.getParent().layout(true); // a hub's message can take two lines
                        finished = mine;
                    }
                });
                return Status.OK_STATUS;
            }
        };
        running.setSystem(true);
        running.schedule(delay == 0 ? 0 : HUB_TYPING_DELAY_MS);
    }

    /**
     * The query for the hub in the local syntax: the typed text and the chosen filters as
     * {@code field:value} (the month and the dates stay local).
     */
    private static String hubText(NoteQuery q) {
        StringBuilder b = new StringBuilder(q.text());
        q.filters().forEach((field, values) -> {
            if (!NoteQuery.MONTH.equals(field)) {
                values.forEach(v -> b.append(' ').append(field).append(':').append(v));
            }
        });
        return b.toString().strip();
    }

    /**
     * A hub hit as a row of the list: title, day, platforms and needs; the preview says where it
     * is from (the team) and shows Solr's snippet with the found words.
     */
    private static Hit hubHit(Hub.Hit h, Hub.Scope where) {
        org.vindplaats.notes.NoteBuilder b = org.vindplaats.notes.NoteBuilder.create(h.id())
                .title(h.title() == null || "null".equals(h.title()) ? h.id() : h.title()).platforms(h.platforms());
        java.util.Set<Need> needs = java.util.EnumSet.noneOf(Need.class);
        for (Need n : Need.values()) {
            if (h.needs().contains(n.id())) {
                needs.add(n);
            }
        }
        b.needs(needs);
        if (h.observed() != null) {
            b.observed(h.observed());
        }
        String from = NLS.bind(Messages.Notes_hubFrom, h.team() == null ? scopeName(where) : h.team()) + "\n";
        List<Range> ranges = new ArrayList<>();
        for (org.vindplaats.index.SearchResult.Range r : h.highlights()) {
            ranges.add(new Range(from.length() + r.start(), from.length() + r.end()));
        }
        return new Hit(b.build(), 0f, from + (h.snippet() == null ? "" : h.snippet()), ranges);
    }

    /** What a search job asks of the engine. */
    private interface SearchWork {
        SearchResults run(NoteSearch engine, IProgressMonitor monitor) throws Exception;
    }

    /**
     * Shows the notes most like the selected one ("more like this") in place of the results; the
     * next search (typing, a filter, Reset) goes back to the query.
     */
    private void showSimilar() {
        Hit h = selected();
        if (h == null || fromHub) {
            return;
        }
        String id = h.note().id();
        int limit = query.limit();
        run(0, (engine, monitor) -> engine.similar(id, limit, monitor), NLS.bind(Messages.Notes_similarTo, h.note().title()));
    }

    /** Runs {@code work} in a job (cancelling one still running); {@code heading} opens the status line. */
    private void run(long delay, SearchWork work, String heading) {
        if (running != null) {
            running.cancel();
        }
        NoteSearch engine = notes.search().orElse(null);
        int mine = ++generation;
        if (engine == null) {
            finished = mine;
            shown = SearchResults.empty();
            fromHub = false;
            fillResults();
            say(NLS.bind(Messages.Notes_noWorkspace, notes.problem()));
            return;
        }
        running = new Job(Messages.Notes_searching) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                SearchResults r;
                String error = null;
                try {
                    r = work.run(engine, monitor);
                } catch (OperationCanceledException e) {
                    return Status.CANCEL_STATUS;
                } catch (Exception e) {
                    r = SearchResults.empty();
                    error = NLS.bind(Messages.Notes_searchFailed, notes.location(), e.getMessage() == null ? e : e.getMessage());
                }
                SearchResults result = r;
                String problem = error;
                async(() -> {
                    if (mine == generation) {
                        shown = result;
                        fromHub = false;
                        fillResults();
                        say(problem != null ? problem
                                : heading == null ? summary(result) : heading + " " + summary(result));
                        finished = mine;
                    }
                });
                return Status.OK_STATUS;
            }
        };
        running.setSystem(true);
        running.schedule(delay);
    }

    private String summary(SearchResults r) {
        String s = r.total() == 0 ? Messages.Notes_none
                : r.total() > r.hits().size() ? NLS.bind(Messages.Notes_countLimited, r.total(), r.hits().size())
                        : NLS.bind(Messages.Notes_count, r.total());
        if (r.estimated()) {
            s += " " + Messages.Notes_facetsEstimated;
        }
        for (var x : r.recognised()) {
            s += " " + NLS.bind(x.narrower().isEmpty() ? Messages.Notes_recognised : Messages.Notes_recognisedWithNarrower,
                    new Object[] { phenomenonName(x.id()), x.words(),
                            x.narrower().stream().map(this::phenomenonName).collect(Collectors.joining(", ")) });
        }
        if (r.resemblingOnly() > 0) {
            s += " " + NLS.bind(Messages.Notes_resemblingOnly, r.resemblingOnly());
        }
        for (String need : r.namedNeeds()) {
            s += " " + NLS.bind(Messages.Notes_recognisedNeed, valueName(NoteQuery.NEED, need));
        }
        // Last: what the engine did with the query that the worker may not expect.
        if (!r.hints().isEmpty()) {
            s += " " + String.join(" ", r.hints());
        }
        return s;
    }

    /** The status line below the list; a longer message (a recognised phenomenon) wraps onto more lines. */
    private void say(String text) {
        status.setText(text);
        status.getParent().layout(true);
    }

    private String phenomenonName(String id) {
        return valueName(NoteQuery.PHENOMENON, id);
    }

    /** Why the hit was found when that was a phenomenon, not its words: lines under its title. */
    private String explanation(Hit h) {
        List<String> lines = new ArrayList<>();
        List<String> because = shown.foundBecause(h);
        if (!because.isEmpty()) {
            lines.add(NLS.bind(Messages.Notes_foundBecause,
                    because.stream().map(this::phenomenonName).collect(Collectors.joining(", "))));
        }
        if (!h.resembles().isEmpty()) {
            lines.add(NLS.bind(Messages.Notes_resembles,
                    h.resembles().stream().map(this::phenomenonName).collect(Collectors.joining(", "))));
        }
        List<String> needs = shown.needsNamed(h);
        if (!needs.isEmpty()) {
            lines.add(NLS.bind(Messages.Notes_needsNamed,
                    needs.stream().map(id -> valueName(NoteQuery.NEED, id)).collect(Collectors.joining(", "))));
        }
        return String.join("\n", lines);
    }

    private void fillResults() {
        results.setRedraw(false);
        try {
            results.removeAll();
            for (Hit h : shown.hits()) {
                TrendNote n = h.note();
                TableItem item = new TableItem(results, SWT.NONE);
                LocalDate d = n.day();
                item.setText(new String[] { n.title(), d == null ? "" : d.toString(),
                        n.platforms().stream().map(p -> valueName(NoteQuery.PLATFORM, p)).collect(Collectors.joining(", ")),
                        n.needs().stream().map(x -> ((Need) x).shortLabel().get(locale)).collect(Collectors.joining(", ")),
                        n.urgency() == null ? "" : n.urgency().label().get(locale) });
                item.setData(h);
            }
        } finally {
            results.setRedraw(true);
        }
        fillFacets();
        if (results.getItemCount() > 0) {
            results.select(0);
        }
        showPreview();
    }

    private void fillFacets() {
        String template = shown.estimated() ? Messages.Notes_facetValueEstimated : Messages.Notes_facetValue;
        for (String field : NoteQuery.FACETS) {
            facetValues.put(field, fillChoice(facetCombos.get(field), Messages.Notes_any,
                    shown.facets().getOrDefault(field, Map.of()), query.filter(field), NoteQuery.MONTH.equals(field),
                    template, v -> valueName(field, v)));
        }
        facetCombos.values().iterator().next().getParent().layout(true);
        results.getParent().getParent().layout(true);
    }

    /** The teams of the shared notes found, with their counts; the chosen one stays listed. */
    private void fillTeams() {
        teamValues = fillChoice(team, Messages.Notes_teamAll, teamCounts, chosenTeam, false, Messages.Notes_facetValue, v -> v);
        team.getParent().layout(true);
    }

    /**
     * Fills a filter choice: {@code all} first, then each value with its count; the chosen value
     * stays listed (and selected) also when the result has none of it. Returns the values in the
     * order of the items after {@code all}.
     */
    private static List<String> fillChoice(Combo c, String all, Map<String, Integer> counts, String selected,
            boolean newestFirst, String template, java.util.function.Function<String, String> name) {
        List<String> values = new ArrayList<>(counts.keySet());
        if (selected != null && !values.contains(selected)) {
            values.add(selected);
        }
        if (newestFirst) {
            values.sort(java.util.Comparator.reverseOrder());
        }
        List<String> items = new ArrayList<>();
        items.add(all);
        for (String v : values) {
            items.add(NLS.bind(template, name.apply(v), counts.getOrDefault(v, 0)));
        }
        c.setItems(items.toArray(String[]::new));
        c.select(selected == null ? 0 : values.indexOf(selected) + 1);
        return values;
    }

    private void showPreview() {
        Hit h = selected();
        // A hub hit is not in this workspace: it shows here, but cannot be opened or compared.
        openButton.setEnabled(h != null && !fromHub);
        similarButton.setEnabled(h != null && !fromHub);
        if (h == null) {
            preview.setText("");
            return;
        }
        String head = h.note().title();
        // Why it was found, when that was a phenomenon: under the title, in italics (what the
        // engine did, not what the note says), where a short preview still shows it.
        String why = explanation(h);
        String top = why.isEmpty() ? head : head + "\n" + why;
        String text = top + "\n\n" + h.snippet();
        preview.setText(text);
        List<StyleRange> styles = new ArrayList<>();
        styles.add(new StyleRange(0, head.length(), null, null, SWT.BOLD));
        if (!why.isEmpty()) {
            styles.add(new StyleRange(head.length() + 1, why.length(), null, null, SWT.ITALIC));
        }
        int offset = top.length() + 2;
        for (Range r : h.highlights()) {
            // Bold on a light yellow: readable in every theme, and bold is the cue without colour.
            StyleRange sr = new StyleRange(offset + r.start(), r.end() - r.start(),
                    results.getDisplay().getSystemColor(SWT.COLOR_BLACK), Palette.color(Palette.HIGHLIGHT), SWT.BOLD);
            styles.add(sr);
        }
        preview.setStyleRanges(styles.toArray(StyleRange[]::new));
    }

    private Hit selected() {
        int i = results.getSelectionIndex();
        return i < 0 ? null : (Hit) results.getItem(i).getData();
    }

    private void openSelected() {
        Hit h = selected();
        if (h != null && !fromHub) {
            onOpen.accept(h.note().id());
        }
    }

    // ------------------------------------------------------------------ for the parts and handlers

    /** Called with a note id when the worker opens a hit (Enter, double-click, Open). */
    public void onOpen(Consumer<String> listener) {
        onOpen = listener;
    }

    /** True when the newest search has been shown (the screenshot mode waits for it). */
    public boolean idle() {
        return finished == generation;
    }

    /** The cursor in the search box: where a worker starts. */
    public void setFocus() {
        search.setFocus();
    }

    /** Find trend notes (Ctrl+F): the cursor in the search box, its text selected so typing replaces it. */
    public void focusSearch() {
        search.setFocus();
        search.selectAll();
    }
}
