package org.vindplaats.ui.parts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.vindplaats.app.SignalInbox;
import org.vindplaats.model.Need;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.model.Urgency;
import org.vindplaats.notes.NoteStore;
import org.vindplaats.suggest.LabelSuggester;
import org.vindplaats.ui.Messages;
import org.vindplaats.ui.notes.NotesWorkspace;
import org.vindplaats.ui.widgets.Ui;

/**
 * The signal inbox (Signaleren > Te bevestigen): notes whose needs or urgency no worker confirmed
 * yet, with what Vindplaats suggests, most urgent and newest first. Keyboard first: arrows move,
 * Space ticks, Alt+B confirms the ticked notes (or the chosen one), Enter opens a note to correct
 * it in the Note editor. The work is done by {@link SignalInbox}, as by 'notes inbox' and
 * 'notes confirm' on the command line.
 */
public final class InboxView {

    /** Gives the trained suggester; called in a job, never on the UI thread. */
    public interface Suggesters {
        LabelSuggester labels(IProgressMonitor monitor);
    }

    private final NotesWorkspace notes;
    private final Suggesters suggesters;
    private final Locale locale;
    private final Table table;
    private final Label status;
    private final Button confirm;
    private final Button open;
    private final Button tickAll;
    private final Runnable notesListener;
    private final List<SignalInbox.Item> items = new ArrayList<>();
    private Consumer<String> onOpen = id -> {
    };
    private volatile boolean busy;
    /** What the last confirmation did, shown once with the list that follows it. */
    private String lastConfirmed = "";
    private volatile int generation;
    private volatile int finished;

    public InboxView(Composite parent, NotesWorkspace notes, Suggesters suggesters, Locale locale) {
        this.notes = notes;
        this.suggesters = suggesters;
        this.locale = locale;
        GridLayoutFactory.fillDefaults().margins(8, 8).spacing(6, 6).applyTo(parent);
        Ui.text(parent, Messages.Inbox_hint, 1);
        table = Ui.name(new Table(parent, SWT.CHECK | SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER), "inbox.table");
        table.setHeaderVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).hint(10, 10).applyTo(table);
        for (String[] c : new String[][] { { Messages.Inbox_colUrgency, "185" }, { Messages.Inbox_colObserved, "90" },
                { Messages.Inbox_colTitle, "150" }, { Messages.Inbox_colNeeds, "170" } }) {
            TableColumn col = new TableColumn(table, SWT.LEFT);
            col.setText(c[0]);
            // At least as wide as its header ("Behoeften (? = voorstel)" is long).
            col.pack();
            col.setWidth(Math.max(col.getWidth() + 8, Integer.parseInt(c[1])));
        }
        // The title takes what the other columns leave: no horizontal scrolling on a laptop.
        Ui.fillWidth(table, 2, 150);
        table.addListener(SWT.DefaultSelection, e -> openChosen());
        Composite buttons = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(4).applyTo(buttons);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(buttons);
        confirm = Ui.name(new Button(buttons, SWT.PUSH), "inbox.confirm");
        confirm.setText(Messages.Inbox_confirm);
        confirm.addListener(SWT.Selection, e -> confirmChosen());
        open = new Button(buttons, SWT.PUSH);
        open.setText(Messages.Inbox_open);
        open.addListener(SWT.Selection, e -> openChosen());
        tickAll = new Button(buttons, SWT.PUSH);
        tickAll.setText(Messages.Inbox_tickAll);
        tickAll.addListener(SWT.Selection, e -> {
            boolean all = java.util.Arrays.stream(table.getItems()).allMatch(TableItem::getChecked);
            for (TableItem ti : table.getItems()) {
                ti.setChecked(!all);
            }
        });
        status = new Label(buttons, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).hint(10, SWT.DEFAULT).applyTo(status);
        notesListener = () -> {
            if (!table.isDisposed()) {
                table.getDisplay().asyncExec(() -> {
                    if (!table.isDisposed() && !busy) {
                        refresh();
                    }
                });
            }
        };
        notes.addListener(notesListener);
        parent.addDisposeListener(e -> notes.removeListener(notesListener));
        refresh();
    }

    /** Called with a note's id when the worker wants to correct it in the Note editor. */
    public void onOpen(Consumer<String> handler) {
        onOpen = handler;
    }

    /** Reads the waiting notes and their suggestions again, in a job with progress. */
    public void refresh() {
        NoteStore store = notes.store().orElse(null);
        int mine = ++generation;
        if (store == null) {
            show(List.of());
            status.setText(NLS.bind(Messages.Notes_noWorkspace, notes.problem()));
            finished = mine;
            return;
        }
        status.setText(Messages.Inbox_loading);
        Job job = new Job(Messages.Inbox_loading) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    List<SignalInbox.Item> found = SignalInbox.pending(store, suggesters.labels(monitor), LocalDate.now(),
                            p -> org.eclipse.core.runtime.ILog.of(InboxView.class).warn(p.toString()), monitor);
                    table.getDisplay().asyncExec(() -> {
                        if (!table.isDisposed() && mine == generation) {
                            show(found);
                            finished = mine;
                        }
                    });
                } catch (OperationCanceledException e) {
                    return Status.CANCEL_STATUS;
                } catch (Exception e) {
                    table.getDisplay().asyncExec(() -> {
                        if (!table.isDisposed() && mine == generation) {
                            status.setText(NLS.bind(Messages.Notes_searchFailed, notes.location(), e.getMessage()));
                            finished = mine;
                        }
                    });
                }
                return Status.OK_STATUS;
            }
        };
        job.schedule();
    }

    private void show(List<SignalInbox.Item> found) {
        items.clear();
        items.addAll(found);
        table.removeAll();
        for (SignalInbox.Item it : found) {
            TableItem ti = new TableItem(table, SWT.NONE);
            Urgency u = it.urgency();
            boolean urgencyConfirmed = it.stored().note().isConfirmed(LabelFamily.URGENCY);
            boolean needsConfirmed = it.stored().note().isConfirmed(LabelFamily.NEEDS);
            ti.setText(0, (u == null ? "\u2013" : u.label().get(locale)) + (urgencyConfirmed ? "" : " ?"));
            ti.setText(1, it.stored().note().observed() == null ? "" : it.stored().note().observed().toString());
            ti.setText(2, it.stored().note().title());
            ti.setText(3, String.join(", ", it.needs().stream().map((Need n) -> n.shortLabel().get(locale)).toList())
                    + (needsConfirmed ? "" : " ?"));
        }
        if (table.getItemCount() > 0 && table.getSelectionCount() == 0) {
            table.setSelection(0);
        }
        boolean any = !found.isEmpty();
        confirm.setEnabled(any);
        open.setEnabled(any);
        tickAll.setEnabled(any);
        status.setText(lastConfirmed + (any ? NLS.bind(Messages.Inbox_count, found.size()) : Messages.Inbox_empty));
        lastConfirmed = "";
        status.getParent().layout(true);
    }

    /** The ticked notes, else the chosen ones. */
    private List<SignalInbox.Item> chosen() {
        List<SignalInbox.Item> out = new ArrayList<>();
        TableItem[] all = table.getItems();
        for (int i = 0; i < all.length; i++) {
            if (all[i].getChecked()) {
                out.add(items.get(i));
            }
        }
        if (out.isEmpty()) {
            for (int i : table.getSelectionIndices()) {
                out.add(items.get(i));
            }
        }
        return out;
    }

    private void openChosen() {
        int i = table.getSelectionIndex();
        if (i >= 0 && i < items.size()) {
            onOpen.accept(items.get(i).stored().id());
        }
    }

    /** Confirms the ticked (or chosen) notes in a job; the list is read again afterwards. */
    private void confirmChosen() {
        List<SignalInbox.Item> todo = chosen();
        NoteStore store = notes.store().orElse(null);
        if (todo.isEmpty() || store == null) {
            return;
        }
        busy = true;
        confirm.setEnabled(false);
        int mine = ++generation;
        Job job = new Job(Messages.Inbox_confirming) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                List<String> conflicts = new ArrayList<>();
                Set<String> saved = new java.util.HashSet<>();
                boolean cancelled = false;
                try {
                    SignalInbox.confirm(store, todo, saved::add, conflicts::add, monitor);
                } catch (OperationCanceledException e) {
                    cancelled = true;
                }
                int done = cancelled ? -1 : saved.size();
                table.getDisplay().asyncExec(() -> {
                    if (table.isDisposed()) {
                        return;
                    }
                    busy = false;
                    if (done >= 0) {
                        lastConfirmed = NLS.bind(Messages.Inbox_confirmed, done)
                                + (conflicts.isEmpty() ? "" : " " + String.join("; ", conflicts)) + " ";
                    }
                    // The confirmed notes leave the list at once: reading it again suggests every
                    // waiting note anew (the suggestions learn from what was just confirmed), which
                    // takes seconds in a large workspace.
                    for (int i = items.size() - 1; i >= 0; i--) {
                        if (saved.contains(items.get(i).stored().id())) {
                            items.remove(i);
                            table.remove(i);
                        }
                    }
                    refresh();
                });
                return Status.OK_STATUS;
            }
        };
        job.schedule();
        finished = mine;
    }

    /** True when the last refresh has shown its result (tests wait for it). */
    public boolean isSettled() {
        return finished == generation && !busy;
    }

    /** Focus on the list of notes waiting to be confirmed. */
    public void setFocus() {
        table.setFocus();
    }
}
