package org.vindplaats.ui.parts;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.vindplaats.app.NoteSuggestions;
import org.vindplaats.app.TeamHub;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.MethodGuide;
import org.vindplaats.model.Need;
import org.vindplaats.model.Platform;
import org.vindplaats.model.PolicyStatus;
import org.vindplaats.model.Polarity;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.model.Urgency;
import org.vindplaats.notes.ConflictException;
import org.vindplaats.notes.Drafts;
import org.vindplaats.notes.NoteBuilder;
import org.vindplaats.notes.NoteIds;
import org.vindplaats.notes.NoteStore;
import org.vindplaats.notes.NoteStoreException;
import org.vindplaats.notes.Retention;
import org.vindplaats.notes.SaveResult;
import org.vindplaats.notes.StoredNote;
import org.vindplaats.notes.pii.PiiMatch;
import org.vindplaats.ui.Ids;
import org.vindplaats.ui.Messages;
import org.vindplaats.ui.notes.Dates;
import org.vindplaats.ui.notes.NotesWorkspace;
import org.vindplaats.ui.parts.noteeditor.PrivacySection;
import org.vindplaats.ui.parts.noteeditor.Sections;
import org.vindplaats.ui.parts.noteeditor.ShareRow;
import org.vindplaats.ui.parts.noteeditor.UrgentSection;
import org.vindplaats.ui.widgets.Palette;
import org.vindplaats.ui.widgets.Ui;

/**
 * Writes or edits one trend note: title, text, platforms from the catalog, needs, affordances,
 * polarity, urgency, source and the date it was observed. Before saving it shows which personal
 * data will be replaced by which placeholder (the notes bundle's detector) and lets the worker
 * deliberately keep it; with urgency "immediate" it shows the organisation's duty to report and
 * referral partners. Saves through the note store: atomic, and an edit conflict never overwrites.
 */
public final class NoteEditorView {

    /** Unsaved work is written to the workspace's draft this long after the last change. */
    static final int DRAFT_DELAY_MS = 3_000;

    private final Catalog catalog;
    private final NotesWorkspace notes;
    private final Locale locale;
    private final ScrolledComposite scroller;
    private final Composite content;
    private final Label heading;
    private final Text title;
    private final Text body;
    private final Table platforms;
    private final Map<Need, Button> needs = new EnumMap<>(Need.class);
    private final Map<Affordance, Button> affordances = new EnumMap<>(Affordance.class);
    private final Combo polarity;
    private final ShareRow share;
    private final Combo urgency;
    private final Text source;
    private final Text observed;
    private final Label observedProblem;
    private final PrivacySection privacy;
    private final UrgentSection urgent;
    /** The note's phenomena as the worker gives them (suggestions accepted); the form has no box per phenomenon. */
    private final List<String> phenomena = new ArrayList<>();
    private final Label phenomenaText;
    private final Group suggestionsGroup;
    private final Composite suggestionRows;
    private final Button suggestButton;
    private final Button save;
    private final Button newNote;
    private final Button reload;
    private final Label status;
    private final Runnable catalogListener;
    private NoteSuggestions suggester;
    private List<NoteSuggestions.Label> suggestions = List.of();
    private final Set<LabelFamily> accepted = EnumSet.noneOf(LabelFamily.class);
    private List<String> otherPlatforms = List.of();
    private StoredNote base;
    private Consumer<StoredNote> onSaved = n -> {
    };
    private int suggestGeneration;
    private int suggestionsShown;
    /** The form as the note was opened, made new or saved: any difference is unsaved work. */
    private List<Object> baseline = List.of();
    private boolean dirty;
    private Consumer<Boolean> onDirty = d -> {
    };
    private Function<String, Leave> leaveQuestion = this::askWithDialog;
    private boolean draftPending;
    private boolean draftWritten;
    /** A draft left by an earlier session (a crash, a power cut), offered back until used or dropped. */
    private Drafts.Draft offeredDraft;
    private final Sections.Banner restore;

    /** What the worker chose when unsaved work would be left behind. */
    public enum Leave {
        SAVE, DISCARD, CANCEL
    }

    public NoteEditorView(Composite parent, Catalog catalog, NotesWorkspace notes, Locale locale) {
        this.catalog = catalog;
        this.notes = notes;
        this.locale = locale;
        GridLayoutFactory.fillDefaults().spacing(0, 4).margins(0, 0).extendedMargins(0, 0, 0, 6).applyTo(parent);
        scroller = new ScrolledComposite(parent, SWT.V_SCROLL);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        scroller.setShowFocusedControl(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(scroller);
        content = new Composite(scroller, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).margins(8, 8).spacing(8, 6).applyTo(content);
        scroller.setContent(content);
        scroller.addListener(SWT.Resize, e -> reflow());

        heading = Ui.name(Ui.heading(content, Messages.Editor_new, 2), "note.heading");

        // A draft from an earlier session that ended without saving: offered back first.
        restore = Sections.banner(content, PolicyStatus.OBSERVE_ONLY, 3);
        Ui.name(restore.box(), "note.draft");
        Button restoreButton = Ui.name(new Button(restore.box(), SWT.PUSH), "note.draftRestore");
        restoreButton.setText(Messages.Editor_draftRestore);
        restoreButton.addListener(SWT.Selection, e -> restoreDraft());
        Button dropButton = Ui.name(new Button(restore.box(), SWT.PUSH), "note.draftDrop");
        dropButton.setText(Messages.Editor_draftDrop);
        dropButton.addListener(SWT.Selection, e -> dropDraft());
        Sections.show(restore.box(), false);

        label(Messages.Editor_title);
        title = Ui.name(new Text(content, SWT.BORDER | SWT.SINGLE), "note.title");
        title.setMessage(Messages.Editor_titleHint);
        GridDataFactory.fillDefaults().grab(true, false).hint(10, SWT.DEFAULT).applyTo(title);

        label(Messages.Editor_body);
        body = Ui.name(new Text(content, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL), "note.body");
        body.setMessage(Messages.Editor_bodyHint);
        GridDataFactory.fillDefaults().grab(true, false).hint(10, body.getLineHeight() * 8).applyTo(body);
        // Tab moves on instead of typing a tab, so the form stays keyboard reachable.
        body.addListener(SWT.Traverse, e -> {
            if (e.detail == SWT.TRAVERSE_TAB_NEXT || e.detail == SWT.TRAVERSE_TAB_PREVIOUS) {
                e.doit = true;
            }
        });

        privacy = new PrivacySection(content, this::probe, this::reflow);

        // When, how urgent and from where, right under the text: on a laptop screen they show
        // without scrolling, next to each other.
        Composite facts = new Composite(content, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(4).spacing(8, 6).applyTo(facts);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(facts);
        label(facts, Messages.Editor_observed);
        // A text field, not SWT's DateTime: GTK's drop-down date keeps the focus on Tab (a keyboard
        // trap), and typing "31-10-2026" is faster than a calendar and reads well with a screen reader.
        Composite observedBox = new Composite(facts, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(observedBox);
        GridDataFactory.fillDefaults().grab(true, false).hint(10, SWT.DEFAULT).applyTo(observedBox);
        observed = Ui.name(new Text(observedBox, SWT.BORDER | SWT.SINGLE), "note.observed");
        observed.setMessage(Messages.Notes_dateHint);
        observed.setToolTipText(Messages.Editor_observedHint);
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.CENTER).hint(dateWidth(observed), SWT.DEFAULT)
                .applyTo(observed);
        observedProblem = Ui.name(new Label(observedBox, SWT.WRAP), "note.observedProblem");
        observedProblem.setForeground(Palette.color(Palette.bannerForeground(org.vindplaats.model.PolicyStatus.BANNED)));
        GridDataFactory.fillDefaults().grab(true, false).hint(10, SWT.DEFAULT).applyTo(observedProblem);
        show(observedProblem, false);
        observed.addModifyListener(e -> checkObserved());

        label(facts, Messages.Editor_urgency);
        urgency = Ui.name(new Combo(facts, SWT.READ_ONLY | SWT.DROP_DOWN), "note.urgency");
        urgency.add(Messages.Editor_notSet);
        for (Urgency u : Urgency.values()) {
            urgency.add(u.label().get(locale));
        }
        urgency.select(0);
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(urgency);
        urgency.addListener(SWT.Selection, e -> showUrgent());

        label(facts, Messages.Editor_source);
        source = Ui.name(new Text(facts, SWT.BORDER | SWT.SINGLE), "note.source");
        source.setMessage(Messages.Editor_sourceHint);
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).hint(10, SWT.DEFAULT).applyTo(source);

        urgent = new UrgentSection(content, catalog, locale, this::reflow);

        // Suggestions right under the text they come from, above the labels they fill in.
        suggestionsGroup = Ui.name(new Group(content, SWT.NONE), "note.suggestions");
        suggestionsGroup.setText(Messages.Editor_suggestions);
        GridLayoutFactory.swtDefaults().spacing(6, 4).applyTo(suggestionsGroup);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(suggestionsGroup);
        suggestButton = Ui.name(new Button(suggestionsGroup, SWT.PUSH), "note.suggest");
        suggestButton.setText(Messages.Editor_suggest);
        suggestButton.addListener(SWT.Selection, e -> suggest());
        suggestionRows = Ui.name(new Composite(suggestionsGroup, SWT.NONE), "note.suggestionRows");
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(8, 4).applyTo(suggestionRows);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(suggestionRows);
        show(suggestionsGroup, false);

        label(Messages.Editor_platforms);
        platforms = Ui.name(new Table(content, SWT.CHECK | SWT.BORDER | SWT.V_SCROLL), "note.platforms");
        GridDataFactory.fillDefaults().grab(true, false).hint(10, platforms.getItemHeight() * 6).applyTo(platforms);
        platforms.addListener(SWT.Selection, e -> {
            if (e.detail == SWT.CHECK) {
                accepted.remove(LabelFamily.PLATFORMS);
            }
        });

        label(Messages.Editor_needs);
        Composite needBox = wrapRow();
        for (Need n : Need.values()) {
            Button b = Ui.name(new Button(needBox, SWT.CHECK), "note.need." + n.id());
            b.setText(n.label(locale));
            b.setToolTipText(n.description().get(locale));
            needs.put(n, b);
        }

        label(Messages.Editor_affordances);
        Composite affBox = wrapRow();
        for (Affordance a : Affordance.values()) {
            Button b = Ui.name(new Button(affBox, SWT.CHECK), "note.affordance." + a.id());
            b.setText(a.label(locale));
            b.setToolTipText(a.description().get(locale));
            affordances.put(a, b);
        }

        // Phenomena from the knowledge centres' thesaurus: given by accepting suggestions, or
        // "none of these" (then the tagger adds none either).
        label(Messages.Editor_phenomena);
        Composite phenomenaRow = wrapRow();
        phenomenaText = Ui.name(new Label(phenomenaRow, SWT.WRAP), "note.phenomena");
        Button noPhenomena = Ui.name(new Button(phenomenaRow, SWT.PUSH), "note.noPhenomena");
        noPhenomena.setText(Messages.Editor_noPhenomena);
        noPhenomena.setToolTipText(Messages.Editor_noPhenomenaTip);
        noPhenomena.addListener(SWT.Selection, e -> {
            phenomena.clear();
            accepted.add(LabelFamily.PHENOMENA);
            showPhenomena();
            updateDirty();
        });

        label(Messages.Editor_polarity);
        polarity = Ui.name(new Combo(content, SWT.READ_ONLY | SWT.DROP_DOWN), "note.polarity");
        polarity.add(Messages.Editor_notSet);
        for (Polarity p : Polarity.values()) {
            polarity.add(p.label().get(locale));
        }
        polarity.select(0);

        share = new ShareRow(content, notes, () -> base, privacy::keep, this::updateDirty, this::reflow);
        privacy.onKeepChange(share::update);

        // Save and the outcome stay in view below the scrolling form.
        Composite buttons = new Composite(parent, SWT.NONE);
        RowLayout row = new RowLayout(SWT.HORIZONTAL);
        row.wrap = true;
        row.marginLeft = 0;
        buttons.setLayout(row);
        GridDataFactory.fillDefaults().grab(true, false).indent(8, 0).applyTo(buttons);
        save = Ui.name(new Button(buttons, SWT.PUSH), "note.save");
        save.setText(Messages.Editor_save);
        save.addListener(SWT.Selection, e -> save());
        newNote = Ui.name(new Button(buttons, SWT.PUSH), "note.new");
        newNote.setText(Messages.Editor_newNote);
        newNote.addListener(SWT.Selection, e -> {
            if (canLeave()) {
                newNote();
            }
        });
        reload = Ui.name(new Button(buttons, SWT.PUSH), "note.reload");
        reload.setText(Messages.Editor_reload);
        reload.setToolTipText(Messages.Editor_reloadHint);
        reload.addListener(SWT.Selection, e -> reloadFromDisk());
        reload.setEnabled(false);

        status = Ui.name(new Label(parent, SWT.WRAP), "note.status");
        GridDataFactory.fillDefaults().grab(true, false).indent(8, 0).hint(10, SWT.DEFAULT).applyTo(status);

        title.addModifyListener(e -> privacy.checkLater());
        body.addModifyListener(e -> privacy.checkLater());
        source.addModifyListener(e -> privacy.checkLater());
        // Every change the worker can make marks the note as unsaved (a '*' in the part's tab).
        for (Text t : List.of(title, body, source, observed)) {
            t.addListener(SWT.Modify, e -> updateDirty());
        }
        for (Control c : List.of(platforms, polarity, urgency)) {
            c.addListener(SWT.Selection, e -> updateDirty());
        }
        privacy.onKeepChange(this::updateDirty);
        needs.values().forEach(b -> b.addListener(SWT.Selection, e -> updateDirty()));
        affordances.values().forEach(b -> b.addListener(SWT.Selection, e -> updateDirty()));

        catalogListener = () -> async(this::fillPlatforms);
        catalog.addListener(catalogListener);
        parent.addDisposeListener(e -> catalog.removeListener(catalogListener));
        fillPlatforms();
        offeredDraft = notes.workspace().flatMap(w -> w.drafts().read()).orElse(null);
        newNote();
        if (offeredDraft != null) {
            String name = offeredDraft.note().title().isBlank() ? Messages.Editor_new : offeredDraft.note().title();
            restore.text().setText(NLS.bind(Messages.Editor_draftFound, name,
                    DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale)
                            .format(offeredDraft.written().atZone(ZoneId.systemDefault()))));
            Sections.show(restore.box(), true);
            reflow();
        }
        saveOnCtrlS(parent);
    }

    // ------------------------------------------------------------------ crash-safe draft

    /** Fills the form with the offered draft (on top of the note it edits, so it shows as unsaved). */
    private void restoreDraft() {
        Drafts.Draft d = offeredDraft;
        if (d == null) {
            return;
        }
        offeredDraft = null;
        Sections.show(restore.box(), false);
        Optional<StoredNote> stored = Optional.empty();
        Optional<NoteStore> store = notes.store();
        if (d.revision() != NoteStore.NEW && store.isPresent()) {
            try {
                stored = store.get().get(d.note().id());
            } catch (NoteStoreException e) {
                // The note is gone or unreadable now: the draft comes back as a new note.
            }
        }
        if (stored.isPresent()) {
            show(stored.get());
        } else {
            newNote();
        }
        fillFields(d.note());
        draftWritten = true; // the draft on disk is this form's now: removed once saved or dropped
        updateDirty();
        reflow();
    }

    /** Drops the offered draft on purpose. */
    private void dropDraft() {
        offeredDraft = null;
        Sections.show(restore.box(), false);
        notes.workspace().ifPresent(w -> w.drafts().delete());
        reflow();
    }

    private void scheduleDraft() {
        if (draftPending || content.isDisposed()) {
            return;
        }
        draftPending = true;
        content.getDisplay().timerExec(DRAFT_DELAY_MS, () -> {
            draftPending = false;
            if (!content.isDisposed() && isDirty()) {
                writeDraft();
            }
        });
    }

    /** Writes the unsaved form to the workspace's draft. */
    private void writeDraft() {
        notes.workspace().ifPresent(w -> {
            try {
                w.drafts().write(draft(), base == null ? NoteStore.NEW : base.revision());
                draftWritten = true;
            } catch (NoteStoreException e) {
                error(e.getMessage());
            }
        });
    }

    /**
     * Ctrl+S (Cmd+S) saves from any field of the form, also where the form runs without the
     * workbench's key bindings (KeyboardTest drives it that way). In the workbench the M1+S
     * binding takes the key first and consumes it, so a note is never saved twice.
     */
    private void saveOnCtrlS(Control control) {
        // Not on the layout composites: a composite with a key listener takes the focus itself and
        // becomes a Tab stop that Tab cannot leave.
        boolean layoutOnly = control.getClass() == Composite.class || control instanceof Group
                || control instanceof ScrolledComposite;
        if (!layoutOnly) {
            control.addListener(SWT.KeyDown, e -> {
                if ((e.stateMask & SWT.MODIFIER_MASK) == SWT.MOD1 && (e.keyCode == 's' || e.character == 0x13)) {
                    e.doit = false;
                    save();
                }
            });
        }
        if (control instanceof Composite c) {
            for (Control child : c.getChildren()) {
                saveOnCtrlS(child);
            }
        }
    }

    private void label(String text) {
        label(content, text);
    }

    private static void label(Composite parent, String text) {
        Label l = new Label(parent, SWT.NONE);
        l.setText(text);
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).indent(0, 3).applyTo(l);
    }

    /** Wide enough for a date with some room: the field does not stretch across the form. */
    private static int dateWidth(Text field) {
        GC gc = new GC(field);
        try {
            return gc.textExtent("00-00-00000").x + 16;
        } finally {
            gc.dispose();
        }
    }

    private Composite wrapRow() {
        Composite c = new Composite(content, SWT.NONE);
        RowLayout l = new RowLayout(SWT.HORIZONTAL);
        l.wrap = true;
        l.marginLeft = 0;
        l.marginTop = 0;
        l.spacing = 10;
        c.setLayout(l);
        GridDataFactory.fillDefaults().grab(true, false).hint(10, SWT.DEFAULT).applyTo(c);
        return c;
    }

    private static void show(Control c, boolean visible) {
        ((GridData) c.getLayoutData()).exclude = !visible;
        c.setVisible(visible);
    }

    private void async(Runnable r) {
        if (!content.isDisposed()) {
            content.getDisplay().asyncExec(() -> {
                if (!content.isDisposed()) {
                    r.run();
                }
            });
        }
    }

    private void reflow() {
        int width = Math.max(scroller.getClientArea().width, 200);
        Point size = content.computeSize(width, SWT.DEFAULT, true);
        scroller.setMinSize(size);
        content.layout(true, true);
    }

    private void fillPlatforms() {
        Set<String> checked = new LinkedHashSet<>(checkedPlatforms());
        platforms.removeAll();
        for (Platform p : catalog.platforms()) {
            TableItem item = new TableItem(platforms, SWT.NONE);
            item.setText(p.name());
            item.setData(p.id());
            item.setChecked(checked.contains(p.id()));
        }
    }

    private List<String> checkedPlatforms() {
        List<String> ids = new ArrayList<>();
        for (TableItem item : platforms.getItems()) {
            if (item.getChecked()) {
                ids.add((String) item.getData());
            }
        }
        return ids;
    }

    /** Checks exactly the given platform ids; ids the catalog does not know are kept as they are. */
    private void setPlatforms(List<String> ids) {
        Set<String> known = new LinkedHashSet<>();
        for (TableItem item : platforms.getItems()) {
            item.setChecked(ids.contains(item.getData()));
            known.add((String) item.getData());
        }
        otherPlatforms = ids.stream().filter(id -> !known.contains(id)).toList();
        updateDirty();
    }

    // ------------------------------------------------------------------ note in and out

    /** Clears the form for a new note. */
    public void newNote() {
        base = null;
        fill(NoteBuilder.create("new").observed(LocalDate.now()).build());
        heading.setText(Messages.Editor_new);
        reload.setEnabled(false);
        say("");
        reflow();
    }

    /** Opens a stored note; false (and a message) when it cannot be read. */
    public boolean open(String id) {
        Optional<NoteStore> store = notes.store();
        if (store.isEmpty()) {
            error(NLS.bind(Messages.Editor_noWorkspace, notes.problem()));
            return false;
        }
        try {
            Optional<StoredNote> stored = store.get().get(id);
            if (stored.isEmpty()) {
                error(NLS.bind(Messages.Editor_missing, id, store.get().fileFor(id)));
                return false;
            }
            show(stored.get());
            say("");
            return true;
        } catch (NoteStoreException e) {
            error(e.getMessage());
            return false;
        }
    }

    private void show(StoredNote stored) {
        base = stored;
        fill(stored.note());
        heading.setText(NLS.bind(Messages.Editor_editing, stored.id(), stored.revision()));
        reload.setEnabled(true);
        reflow();
    }

    private void fill(TrendNote n) {
        fillFields(n);
        share.fill();
        baseline = formState();
        updateDirty();
    }

    private void fillFields(TrendNote n) {
        title.setText(n.title());
        body.setText(n.body());
        setPlatforms(n.platforms());
        needs.forEach((k, b) -> b.setSelection(n.needs().contains(k)));
        affordances.forEach((k, b) -> b.setSelection(n.affordances().contains(k)));
        polarity.select(n.polarity() == null ? 0 : n.polarity().ordinal() + 1);
        urgency.select(n.urgency() == null ? 0 : n.urgency().ordinal() + 1);
        source.setText(n.source() == null ? "" : n.source());
        observed.setText(Dates.format(n.observed() == null ? LocalDate.now() : n.observed()));
        privacy.setKeep(n.piiKept());
        accepted.clear();
        accepted.addAll(n.confirmed());
        phenomena.clear();
        phenomena.addAll(n.phenomena());
        showPhenomena();
        suggestions = List.of();
        Ui.disposeChildren(suggestionRows);
        privacy.check();
        showUrgent();
    }

    // ------------------------------------------------------------------ unsaved work

    /** What the worker can change, to compare with {@link #baseline}. */
    private List<Object> formState() {
        return List.of(title.getText(), body.getText(), List.copyOf(checkedPlatforms()), List.copyOf(otherPlatforms),
                selected(needs), selected(affordances), polarity.getSelectionIndex(), urgency.getSelectionIndex(),
                source.getText(), observed.getText(), privacy.keep(), List.copyOf(phenomena),
                accepted.contains(LabelFamily.PHENOMENA));
    }

    /** The phenomena line: the given ones by name, "none of these", or not given yet. */
    private void showPhenomena() {
        var thesaurus = org.vindplaats.app.PluginContributions.thesaurus(catalog, problem -> {
        });
        phenomenaText.setText(phenomena.isEmpty()
                ? (accepted.contains(LabelFamily.PHENOMENA) ? Messages.Editor_phenomenaNone : Messages.Editor_phenomenaNotGiven)
                : String.join(", ", phenomena.stream().map(id -> thesaurus.get(id).map(p -> p.label().get(locale)).orElse(id)).toList()));
        phenomenaText.getParent().layout(true);
    }

    private static <K> List<K> selected(Map<K, Button> boxes) {
        return boxes.entrySet().stream().filter(e -> e.getValue().getSelection()).map(Map.Entry::getKey).toList();
    }

    /** Whether the form holds changes that are not saved. */
    public boolean isDirty() {
        return !formState().equals(baseline) || share.isChanged();
    }

    private void updateDirty() {
        boolean now = isDirty();
        if (now) {
            scheduleDraft();
        } else if (draftWritten) {
            // Saved, reopened or back as it was: the draft has done its job.
            draftWritten = false;
            notes.workspace().ifPresent(w -> w.drafts().delete());
        }
        if (now != dirty) {
            dirty = now;
            onDirty.accept(now);
        }
    }

    /** Told (true/false) when the form starts or stops holding unsaved changes. */
    public void onDirtyChange(Consumer<Boolean> listener) {
        onDirty = listener;
        listener.accept(dirty);
    }

    /** Replaces the question "save, don't save, cancel?" (tests answer it without a dialog). */
    public void setLeaveQuestion(Function<String, Leave> question) {
        leaveQuestion = question;
    }

    /**
     * Before the form is cleared or filled with another note: with unsaved changes, asks the
     * worker to save them, drop them or stay. True when the form may be left (nothing unsaved,
     * saved now, or dropped on purpose); false when the worker stays or saving failed (the form
     * then says why and keeps the text).
     */
    public boolean canLeave() {
        if (!isDirty()) {
            return true;
        }
        String name = title.getText().isBlank() ? Messages.Editor_new : title.getText().strip();
        return switch (leaveQuestion.apply(name)) {
        case SAVE -> save().isPresent();
        case DISCARD -> true;
        case CANCEL -> false;
        };
    }

    private Leave askWithDialog(String name) {
        MessageDialog d = new MessageDialog(scroller.getShell(), Messages.Editor_unsavedTitle, null,
                NLS.bind(Messages.Editor_unsavedQuestion, name), MessageDialog.QUESTION, 0, Messages.Editor_unsavedSave,
                Messages.Editor_unsavedDiscard, Messages.Editor_unsavedCancel);
        return switch (d.open()) {
        case 0 -> Leave.SAVE;
        case 1 -> Leave.DISCARD;
        default -> Leave.CANCEL; // Cancel, Escape or the window closed
        };
    }

    /** The note as the form describes it now (not saved). */
    private TrendNote draft() {
        String id = base != null ? base.id()
                : NoteIds.fromContent("note", title.getText(), body.getText(), Instant.now().toString());
        List<String> ps = new ArrayList<>(checkedPlatforms());
        ps.addAll(otherPlatforms);
        Set<Need> ns = EnumSet.noneOf(Need.class);
        needs.forEach((k, b) -> {
            if (b.getSelection()) {
                ns.add(k);
            }
        });
        Set<Affordance> as = EnumSet.noneOf(Affordance.class);
        affordances.forEach((k, b) -> {
            if (b.getSelection()) {
                as.add(k);
            }
        });
        // An unreadable date stands for the stored one (or today) here; save() refuses it.
        LocalDate obs = Dates.day(observed.getText())
                .orElse(base != null && base.note().observed() != null ? base.note().observed() : LocalDate.now());
        NoteBuilder b = base != null ? NoteBuilder.from(base.note()) : NoteBuilder.create(id).language(locale.getLanguage());
        b.title(title.getText().strip()).body(body.getText()).platforms(ps).needs(ns).affordances(as).phenomena(phenomena)
                .polarity(polarity.getSelectionIndex() <= 0 ? null : Polarity.values()[polarity.getSelectionIndex() - 1])
                .urgency(urgency.getSelectionIndex() <= 0 ? null : Urgency.values()[urgency.getSelectionIndex() - 1])
                .source(source.getText().isBlank() ? TrendNote.TEAM_OBSERVATION : source.getText().strip())
                .observed(obs).piiKept(privacy.keep());
        // What a worker set in the form is their label, so it counts as confirmed.
        Set<LabelFamily> confirmed = EnumSet.noneOf(LabelFamily.class);
        confirmed.addAll(accepted);
        TrendNote form = b.build();
        for (LabelFamily f : LabelFamily.values()) {
            if (form.hasLabel(f)) {
                confirmed.add(f);
            }
        }
        b.confirmed(confirmed);
        if (base == null) {
            Ids.activeOrganisation(catalog).map(Retention::of).flatMap(r -> r.expiryFrom(obs)).ifPresent(b::expires);
        }
        return b.build();
    }

    /**
     * Saves the form. Personal data is replaced unless the worker chose to keep it; a conflict
     * (someone changed the note meanwhile) leaves the file and the form untouched and says so.
     */
    public Optional<SaveResult> save() {
        Optional<NoteStore> store = notes.store();
        if (store.isEmpty()) {
            error(NLS.bind(Messages.Editor_noWorkspace, notes.problem()));
            return Optional.empty();
        }
        if (title.getText().isBlank()) {
            error(Messages.Editor_needTitle);
            title.setFocus();
            return Optional.empty();
        }
        String dateProblem = dateProblem();
        if (dateProblem != null) {
            error(NLS.bind(Messages.Editor_notSavedDate, dateProblem));
            observed.setFocus();
            return Optional.empty();
        }
        TrendNote draft = draft();
        boolean shareWanted = share.wanted();
        try {
            SaveResult result = base == null ? store.get().save(draft, NoteStore.NEW) : store.get().update(base, draft);
            String shared = null;
            String shareProblem = null;
            try {
                shared = share.record(result.stored(), shareWanted);
            } catch (IOException e) {
                shareProblem = NLS.bind(Messages.Editor_shareFailed, e.getMessage());
            }
            show(result.stored());
            String saved = result.piiReplaced().isEmpty() ? NLS.bind(Messages.Editor_saved, result.stored().file())
                    : NLS.bind(Messages.Editor_savedPii, result.stored().file(), describe(result.piiReplaced()));
            if (shareProblem != null) {
                error(saved + " " + shareProblem);
            } else {
                say(shared == null ? saved : saved + " " + shared);
            }
            onSaved.accept(result.stored());
            return Optional.of(result);
        } catch (ConflictException e) {
            error(NLS.bind(Messages.Editor_conflict, e.getMessage()));
            return Optional.empty();
        } catch (NoteStoreException e) {
            error(NLS.bind(Messages.Editor_saveFailed, e.getMessage()));
            return Optional.empty();
        }
    }

    // ------------------------------------------------------------------ sharing

    /**
     * Connects the team hub: the share box is enabled when this workspace is connected to one,
     * and follows a connection made later (Beheer > Team hub). Null: not available.
     */
    public void setHub(TeamHub value) {
        share.setHub(value);
    }

    // ------------------------------------------------------------------ observed date

    /** What is wrong with the typed date, or null when it is a real day, today or earlier. */
    private String dateProblem() {
        String typed = observed.getText().strip();
        String today = Dates.format(LocalDate.now());
        if (typed.isEmpty()) {
            return NLS.bind(Messages.Editor_observedEmpty, today);
        }
        Optional<LocalDate> day = Dates.day(typed);
        if (day.isEmpty()) {
            return NLS.bind(Messages.Editor_observedBad, typed);
        }
        if (day.get().isAfter(LocalDate.now())) {
            return NLS.bind(Messages.Editor_observedFuture, Dates.format(day.get()), today);
        }
        return null;
    }

    /** Shows or hides the problem under the date field while the worker types. */
    private void checkObserved() {
        String problem = dateProblem();
        boolean had = observedProblem.getVisible();
        observedProblem.setText(problem == null ? "" : problem);
        show(observedProblem, problem != null);
        if (had || problem != null) {
            // Shown, hidden or a message of another length: the form's height changes.
            reflow();
        }
    }

    private void error(String message) {
        say(message);
        status.setForeground(Palette.color(Palette.bannerForeground(org.vindplaats.model.PolicyStatus.BANNED)));
    }

    /** Shows an outcome under the form; the label grows to fit a long message. */
    private void say(String message) {
        status.setForeground(null);
        status.setText(message);
        status.getParent().layout(true);
    }

    /** Reads the note again from disk (after a conflict), dropping the changes in the form. */
    private void reloadFromDisk() {
        if (base != null) {
            open(base.id());
        }
    }

    private static String describe(List<PiiMatch> matches) {
        return matches.stream().map(m -> m.kind().placeholder()).distinct().collect(Collectors.joining(", "));
    }

    // ------------------------------------------------------------------ privacy

    /** The texts personal data may be in, as a note for the privacy check. */
    private TrendNote probe() {
        return NoteBuilder.create("probe").title(title.getText()).body(body.getText()).source(source.getText()).build();
    }

    // ------------------------------------------------------------------ urgency

    /** The method guide, for the weighing points shown with an urgent note (none: left out). */
    public void setGuide(MethodGuide guide) {
        urgent.setGuide(guide);
        showUrgent();
    }

    private void showUrgent() {
        int index = urgency.getSelectionIndex();
        urgent.show(index <= 0 ? null : Urgency.values()[index - 1], draftNeeds());
    }

    private Set<Need> draftNeeds() {
        Set<Need> ns = EnumSet.noneOf(Need.class);
        needs.forEach((k, b) -> {
            if (b.getSelection()) {
                ns.add(k);
            }
        });
        return ns;
    }

    // ------------------------------------------------------------------ suggestions

    /** Connects a suggester; null hides the suggestions. */
    public void setSuggester(NoteSuggestions value) {
        suggester = value;
        show(suggestionsGroup, value != null);
        reflow();
    }

    /**
     * Asks the suggester for labels for the form as it is now, in a background job (it learns
     * from the workspace's notes the first time and whenever they changed), and lists them with
     * their reasons.
     */
    public void suggest() {
        NoteSuggestions engine = suggester;
        if (engine == null) {
            return;
        }
        TrendNote note = draft();
        int mine = ++suggestGeneration;
        suggestButton.setEnabled(false);
        say(Messages.Editor_suggesting);
        Job job = new Job(Messages.Editor_suggesting) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                List<NoteSuggestions.Label> result;
                String problem = null;
                try {
                    result = engine.suggest(notes.store().orElse(null), note, monitor);
                } catch (RuntimeException e) {
                    result = List.of();
                    problem = NLS.bind(Messages.Editor_suggestFailed, e.getMessage() == null ? e.toString() : e.getMessage());
                }
                List<NoteSuggestions.Label> found = result;
                String failed = problem;
                async(() -> {
                    if (mine == suggestGeneration) {
                        showSuggestions(found, failed);
                    }
                });
                return Status.OK_STATUS;
            }
        };
        job.setSystem(true);
        job.schedule();
    }

    private void showSuggestions(List<NoteSuggestions.Label> found, String failed) {
        suggestions = found;
        suggestButton.setEnabled(true);
        Ui.disposeChildren(suggestionRows);
        if (failed != null) {
            error(failed);
        } else {
            say("");
        }
        if (suggestions.isEmpty() && failed == null) {
            Ui.text(suggestionRows, Messages.Editor_noSuggestions, 2);
        }
        for (NoteSuggestions.Label s : suggestions) {
            Button accept = new Button(suggestionRows, SWT.PUSH);
            accept.setText(Messages.Editor_accept);
            GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(accept);
            Label l = Ui.text(suggestionRows, NLS.bind(Messages.Editor_suggestionLine,
                    new Object[] { labelOf(s), Math.round(s.confidence() * 100), s.explanation() }), 1);
            accept.setToolTipText(l.getText());
            accept.addListener(SWT.Selection, e -> {
                accept(s);
                accept.setEnabled(false);
            });
        }
        suggestionsShown = suggestGeneration;
        reflow();
    }

    /** True when the newest request for suggestions has been answered. */
    public boolean suggestionsReady() {
        return suggestionsShown == suggestGeneration;
    }

    private String labelOf(NoteSuggestions.Label s) {
        String name = switch (s.family()) {
            case PLATFORMS -> catalog.platform(s.value()).map(Platform::name).orElse(s.value());
            case PHENOMENA -> org.vindplaats.app.PluginContributions.thesaurus(catalog, problem -> {
            }).get(s.value()).map(p -> p.label().get(locale)).orElse(s.value());
            default -> org.vindplaats.suggest.Labels.name(s.family(), s.value(), locale);
        };
        String family = switch (s.family()) {
            case PLATFORMS -> Messages.Editor_platforms;
            case NEEDS -> Messages.Editor_needs;
            case AFFORDANCES -> Messages.Editor_affordances;
            case PHENOMENA -> Messages.Editor_phenomena;
            case POLARITY -> Messages.Editor_polarity;
            case URGENCY -> Messages.Editor_urgency;
        };
        return family + ": " + name;
    }

    private static <E extends org.vindplaats.model.Term> Optional<E> find(E[] all, String id) {
        for (E e : all) {
            if (e.id().equals(id)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static Optional<Polarity> findPolarity(String id) {
        for (Polarity p : Polarity.values()) {
            if (p.id().equals(id)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static Optional<Urgency> findUrgency(String id) {
        for (Urgency u : Urgency.values()) {
            if (u.id().equals(id)) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }

    /** One click: the suggested label is set in the form and its family counts as confirmed. */
    private void accept(NoteSuggestions.Label s) {
        switch (s.family()) {
            case PLATFORMS -> {
                for (TableItem item : platforms.getItems()) {
                    if (s.value().equals(item.getData())) {
                        item.setChecked(true);
                    }
                }
            }
            case NEEDS -> find(Need.values(), s.value()).ifPresent(n -> needs.get(n).setSelection(true));
            case AFFORDANCES -> find(Affordance.values(), s.value()).ifPresent(a -> affordances.get(a).setSelection(true));
            case PHENOMENA -> {
                if (!phenomena.contains(s.value())) {
                    phenomena.add(s.value());
                }
                accepted.add(LabelFamily.PHENOMENA);
                showPhenomena();
            }
            case POLARITY -> findPolarity(s.value()).ifPresent(p -> polarity.select(p.ordinal() + 1));
            case URGENCY -> findUrgency(s.value()).ifPresent(u -> {
                urgency.select(u.ordinal() + 1);
                showUrgent();
            });
        }
        accepted.add(s.family());
        say(NLS.bind(Messages.Editor_accepted, labelOf(s)));
        updateDirty();
    }

    // ------------------------------------------------------------------ for parts

    /** Told of every note this form saves. */
    public void onSaved(Consumer<StoredNote> listener) {
        onSaved = listener;
    }

    /** Puts the cursor in the title. */
    public void setFocus() {
        title.setFocus();
    }
}
