package org.vindplaats.ui.parts.noteeditor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.vindplaats.app.TeamHub;
import org.vindplaats.notes.StoredNote;
import org.vindplaats.ui.Messages;
import org.vindplaats.ui.notes.NotesWorkspace;
import org.vindplaats.ui.widgets.Ui;

/**
 * "Share with the knowledge centre": a choice per note, only through a team hub, never for a note
 * in which the worker kept personal data, with a hint next to it that says why it is not available
 * or what sharing does. Saving records the choice.
 */
public final class ShareRow {

    private final NotesWorkspace notes;
    private final Supplier<StoredNote> base;
    private final BooleanSupplier piiKept;
    private final Runnable changed;
    private final Runnable reflow;
    private final Button share;
    private final Label hint;
    private TeamHub hub;
    private final Consumer<Path> hubConnected;
    /** Whether the note as opened or saved is among the notes shared with the knowledge centre. */
    private boolean sharedOnDisk;
    /** The box as the note was opened or saved: a difference is unsaved work. */
    private boolean baseline;

    /**
     * @param base the stored note the form edits, or null for a new one
     * @param piiKept whether the worker chose to keep personal data in the note
     * @param changed told when the box changes (unsaved work)
     * @param reflow told when the row's height changes
     */
    public ShareRow(Composite parent, NotesWorkspace notes, Supplier<StoredNote> base, BooleanSupplier piiKept,
            Runnable changed, Runnable reflow) {
        this.notes = notes;
        this.base = base;
        this.piiKept = piiKept;
        this.changed = changed;
        this.reflow = reflow;
        Composite row = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(10, 0).applyTo(row);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).indent(0, 4).applyTo(row);
        share = Ui.name(new Button(row, SWT.CHECK), "note.share");
        share.setText(Messages.Editor_share);
        share.setToolTipText(Messages.Editor_shareTip);
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(share);
        hint = Ui.name(new Label(row, SWT.WRAP), "note.shareHint");
        GridDataFactory.fillDefaults().grab(true, false).hint(10, SWT.DEFAULT).applyTo(hint);
        share.addListener(SWT.Selection, e -> changed.run());
        hubConnected = dir -> Sections.async(row, this::hubChanged);
        row.addDisposeListener(e -> {
            if (hub != null) {
                hub.removeConnectionListener(hubConnected);
            }
        });
    }

    /**
     * Connects the team hub: the box is enabled when this workspace is connected to one, and
     * follows a connection made later (Beheer > Team hub). Null: not available.
     */
    public void setHub(TeamHub value) {
        if (hub != null) {
            hub.removeConnectionListener(hubConnected);
        }
        hub = value;
        if (hub != null) {
            hub.addConnectionListener(hubConnected);
        }
        hubChanged();
    }

    /** The workspace was connected (or the hub set): the box shows this note's choice as stored. */
    private void hubChanged() {
        boolean unsaved = isChanged();
        sharedOnDisk = sharedOnDisk();
        if (!unsaved) {
            share.setSelection(sharedOnDisk);
        }
        update();
        if (!unsaved) {
            baseline = share.getSelection();
        }
        changed.run();
    }

    /** Shows the choice stored for the note just opened, made new or saved. */
    public void fill() {
        sharedOnDisk = sharedOnDisk();
        share.setSelection(sharedOnDisk);
        update();
        baseline = share.getSelection();
    }

    /** Whether the box differs from the note as opened or saved. */
    public boolean isChanged() {
        return share.getSelection() != baseline;
    }

    /** Whether the worker wants the note shared (ticked, and available). */
    public boolean wanted() {
        return share.getSelection() && share.isEnabled();
    }

    private boolean connected() {
        return hub != null && notes.location() != null && notes.store().isPresent() && hub.sends(notes.location());
    }

    /** Whether the open note is shared now, as the workspace records it. */
    private boolean sharedOnDisk() {
        StoredNote open = base.get();
        if (open == null || !connected()) {
            return false;
        }
        try {
            return hub.shared(notes.location()).contains(open.id());
        } catch (IOException e) {
            return false;
        }
    }

    /** Enables the box or says next to it why it is not available. */
    public void update() {
        String text;
        boolean enabled = false;
        if (!connected()) {
            text = hub != null && notes.location() != null && hub.connected(notes.location()) ? Messages.Editor_shareKnowledgeCentre
                    : Messages.Editor_shareNoHub;
        } else if (piiKept.getAsBoolean()) {
            text = Messages.Editor_shareKeptPii;
        } else {
            enabled = true;
            text = Messages.Editor_shareHow;
        }
        if (!enabled) {
            share.setSelection(false);
        }
        share.setEnabled(enabled);
        if (!text.equals(hint.getText())) {
            hint.setText(text);
            reflow.run();
        }
    }

    /**
     * Records the choice for the saved note (call it before the form shows {@code stored}); a note
     * with personal data kept is never shared. Returns what to add to the saved message, or null.
     */
    public String record(StoredNote stored, boolean wanted) throws IOException {
        if (!connected()) {
            return null;
        }
        boolean was = base.get() != null && sharedOnDisk;
        boolean on = hub.share(notes.location(), stored.note(), wanted);
        if (on == was) {
            return on ? Messages.Editor_shareKept : null;
        }
        return on ? Messages.Editor_shareRecorded : Messages.Editor_unshareRecorded;
    }
}
