package org.vindplaats.ui.parts;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.vindplaats.app.NoteSuggestions;
import org.vindplaats.app.TeamHub;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.model.MethodGuide;
import org.vindplaats.model.PolicyStatus;
import org.vindplaats.model.TrendNote;
import org.vindplaats.notes.ConflictException;
import org.vindplaats.notes.Drafts;
import org.vindplaats.notes.NoteBuilder;
import org.vindplaats.notes.NoteStore;
import org.vindplaats.notes.NoteStoreException;
import org.vindplaats.notes.SaveResult;
import org.vindplaats.notes.StoredNote;
import org.vindplaats.notes.pii.PiiMatch;
import org.vindplaats.ui.Messages;
import org.vindplaats.ui.notes.NotesWorkspace;
import org.vindplaats.ui.parts.noteeditor.NoteForm;
import org.vindplaats.ui.parts.noteeditor.PrivacySection;
import org.vindplaats.ui.parts.noteeditor.Sections;
import org.vindplaats.ui.parts.noteeditor.ShareRow;
import org.vindplaats.ui.parts.noteeditor.StatusLine;
import org.vindplaats.ui.parts.noteeditor.SuggestionsSection;
import org.vindplaats.ui.parts.noteeditor.UrgentSection;
import org.vindplaats.ui.widgets.Ui;
import org.vindplaats.ui.widgets.WrappingPage;

/**
 * Writes or edits one trend note. The sections of the form each have one job (package
 * {@code noteeditor}): {@link NoteForm} the fields (title, text, platforms from the catalog,
 * needs, affordances, phenomena, polarity, urgency, source and the date it was observed);
 * {@link PrivacySection} which personal data will be replaced by which placeholder (the notes
 * bundle's detector), with the choice to keep it; {@link UrgentSection} the duty to report,
 * referral partners and weighing for an urgent note; {@link SuggestionsSection} suggested labels;
 * {@link ShareRow} sharing with the knowledge centre. This view runs them: new, open, save
 * (atomic, and an edit conflict never overwrites), unsaved work, the question before it is left,
 * and the crash-safe draft.
 */
public final class NoteEditorView {

    /** Unsaved work is written to the workspace's draft this long after the last change. */
    public static final int DRAFT_DELAY_MS = 3_000;

    private final NotesWorkspace notes;
    private final WrappingPage page;
    private final ScrolledComposite scroller;
    private final Composite content;
    private final Label heading;
    private final NoteForm form;
    private final PrivacySection privacy;
    private final UrgentSection urgent;
    private final SuggestionsSection suggestions;
    private final ShareRow share;
    private final Button reload;
    private final StatusLine status;
    private final Runnable catalogListener;
    private StoredNote base;
    private Consumer<StoredNote> onSaved = n -> {
    };
    /** The form as the note was opened, made new or saved: any difference is unsaved work. */
    private List<Object> baseline = List.of();
    private boolean dirty;
    private Consumer<Boolean> onDirty = d -> {
    };
    private Function<String, Leave> leaveQuestion = this::askWithDialog;
    private boolean draftPending;
    private boolean draftWritten;
    /** The form as it was when the worker chose "don't save": no draft is written of it. */
    private List<Object> discardedState;
    /** A draft left by an earlier session (a crash, a power cut), offered back until used or dropped. */
    private Drafts.Draft offeredDraft;
    private final Sections.Banner restore;

    /** What the worker chose when unsaved work would be left behind. */
    public enum Leave {
        SAVE, DISCARD, CANCEL
    }

    public NoteEditorView(Composite parent, Catalog catalog, NotesWorkspace notes, Locale locale) {
        this.notes = notes;
        GridLayoutFactory.fillDefaults().spacing(0, 4).margins(0, 0).extendedMargins(0, 0, 0, 6).applyTo(parent);
        page = WrappingPage.live(parent);
        scroller = page.scroller();
        content = page.content();
        GridLayoutFactory.fillDefaults().numColumns(2).margins(8, 8).spacing(8, 6).applyTo(content);

        // Save and the outcome stay in view below the scrolling form.
        Composite buttons = new Composite(parent, SWT.NONE);
        RowLayout row = new RowLayout(SWT.HORIZONTAL);
        row.wrap = true;
        row.marginLeft = 0;
        buttons.setLayout(row);
        GridDataFactory.fillDefaults().grab(true, false).indent(8, 0).applyTo(buttons);
        Button save = Ui.name(new Button(buttons, SWT.PUSH), "note.save");
        save.setText(Messages.Editor_save);
        save.addListener(SWT.Selection, e -> save());
        Button newNote = Ui.name(new Button(buttons, SWT.PUSH), "note.new");
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

        status = new StatusLine(parent);

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

        // The sections in the order they show: the text, what it holds of personal data, the facts
        // and what an urgent note asks, suggestions above the labels they fill in, sharing last.
        form = new NoteForm(catalog, locale, this::updateDirty, this::checkPrivacyLater, this::showUrgent,
                this::reflow);
        form.createTitleAndBody(content);
        privacy = new PrivacySection(content, this::draft, this::reflow);
        form.createFacts(content);
        urgent = new UrgentSection(content, catalog, locale, this::reflow);
        suggestions = new SuggestionsSection(content, catalog, notes, locale, form, this::draft, status, this::updateDirty,
                this::reflow);
        form.createLabels(content);
        share = new ShareRow(content, notes, () -> base, privacy::keep, this::updateDirty, this::reflow);
        privacy.onKeepChange(share::update);
        privacy.onKeepChange(this::updateDirty);

        catalogListener = () -> Sections.async(content, form::refreshPlatforms);
        catalog.addListener(catalogListener);
        parent.addDisposeListener(e -> catalog.removeListener(catalogListener));
        form.refreshPlatforms();
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

    /** Puts the cursor in the title. */
    public void setFocus() {
        form.focusTitle();
    }

    // ------------------------------------------------------------------ sections

    /** The method guide, for the weighing points shown with an urgent note (none: left out). */
    public void setGuide(MethodGuide guide) {
        urgent.setGuide(guide);
        showUrgent();
    }

    private void checkPrivacyLater() {
        privacy.checkLater();
    }

    private void showUrgent() {
        urgent.show(form.urgency(), form.needs(), form.phenomena());
    }

    /** Connects a suggester; null hides the suggestions. */
    public void setSuggester(NoteSuggestions value) {
        suggestions.setSuggester(value);
    }

    /** Asks the suggester for labels for the form as it is now (in the background). */
    public void suggest() {
        suggestions.suggest();
    }

    /** True when the newest request for suggestions has been answered. */
    public boolean suggestionsReady() {
        return suggestions.ready();
    }

    /**
     * Connects the team hub: the share box is enabled when this workspace is connected to one,
     * and follows a connection made later (Beheer > Team hub). Null: not available.
     */
    public void setHub(TeamHub value) {
        share.setHub(value);
    }

    /** Told of every note this form saves. */
    public void onSaved(Consumer<StoredNote> listener) {
        onSaved = listener;
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

    /**
     * "Don't save": the worker dropped the form's changes on purpose, so its draft goes too and no
     * draft is written for them any more (quitting after "Niet opslaan" used to leave the draft,
     * and the next start offered the dropped note back as if Vindplaats had crashed).
     */
    private void dropUnsaved() {
        discardedState = formState();
        draftWritten = false;
        notes.workspace().ifPresent(w -> w.drafts().delete());
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
            if (!content.isDisposed() && isDirty() && !formState().equals(discardedState)) {
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
                status.error(e.getMessage());
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

    private void reflow() {
        page.changed();
    }

    // ------------------------------------------------------------------ note in and out

    /** Clears the form for a new note. */
    public void newNote() {
        base = null;
        fill(NoteBuilder.create("new").observed(LocalDate.now()).build());
        heading.setText(Messages.Editor_new);
        reload.setEnabled(false);
        status.say("");
        reflow();
    }

    /** Opens a stored note; false (and a message) when it cannot be read. */
    public boolean open(String id) {
        Optional<NoteStore> store = notes.store();
        if (store.isEmpty()) {
            status.error(NLS.bind(Messages.Editor_noWorkspace, notes.problem()));
            return false;
        }
        try {
            Optional<StoredNote> stored = store.get().get(id);
            if (stored.isEmpty()) {
                status.error(NLS.bind(Messages.Editor_missing, id, store.get().fileFor(id)));
                return false;
            }
            show(stored.get());
            status.say("");
            return true;
        } catch (NoteStoreException e) {
            status.error(e.getMessage());
            return false;
        }
    }

    /** Reads the note again from disk (after a conflict), dropping the changes in the form. */
    private void reloadFromDisk() {
        if (base != null) {
            open(base.id());
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
        form.fill(n);
        privacy.setKeep(n.piiKept());
        suggestions.clear();
        privacy.check();
        showUrgent();
    }

    // ------------------------------------------------------------------ unsaved work

    /** What the worker can change, to compare with {@link #baseline}. */
    private List<Object> formState() {
        return List.of(form.state(), privacy.keep());
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
            if (now) {
                suggestions.prepare(); // the worker started writing: train while they write
            }
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
        String title = form.titleText();
        String name = title.isBlank() ? Messages.Editor_new : title.strip();
        return switch (leaveQuestion.apply(name)) {
        case SAVE -> save().isPresent();
        case DISCARD -> {
            dropUnsaved();
            yield true;
        }
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
        return form.draft(base, privacy.keep());
    }

    /**
     * Saves the form. Personal data is replaced unless the worker chose to keep it; a conflict
     * (someone changed the note meanwhile) leaves the file and the form untouched and says so.
     */
    public Optional<SaveResult> save() {
        Optional<NoteStore> store = notes.store();
        if (store.isEmpty()) {
            status.error(NLS.bind(Messages.Editor_noWorkspace, notes.problem()));
            return Optional.empty();
        }
        if (form.titleText().isBlank()) {
            status.error(Messages.Editor_needTitle);
            form.focusTitle();
            return Optional.empty();
        }
        String dateProblem = form.dateProblem();
        if (dateProblem != null) {
            status.error(NLS.bind(Messages.Editor_notSavedDate, dateProblem));
            form.focusObserved();
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
                status.error(saved + " " + shareProblem);
            } else {
                status.say(shared == null ? saved : saved + " " + shared);
            }
            onSaved.accept(result.stored());
            return Optional.of(result);
        } catch (ConflictException e) {
            status.error(NLS.bind(Messages.Editor_conflict, e.getMessage()));
            return Optional.empty();
        } catch (NoteStoreException e) {
            status.error(NLS.bind(Messages.Editor_saveFailed, e.getMessage()));
            return Optional.empty();
        }
    }

    private static String describe(List<PiiMatch> matches) {
        return matches.stream().map(m -> m.kind().placeholder()).distinct().collect(Collectors.joining(", "));
    }
}
