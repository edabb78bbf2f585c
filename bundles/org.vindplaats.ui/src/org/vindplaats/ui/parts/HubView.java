package org.vindplaats.ui.parts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Text;
import org.vindplaats.app.TeamHub;
import org.vindplaats.hub.Hub;
import org.vindplaats.hub.HubConnection;
import org.vindplaats.hub.HubException;
import org.vindplaats.notes.NoteStore;
import org.vindplaats.ui.Messages;
import org.vindplaats.ui.notes.NotesWorkspace;
import org.vindplaats.ui.widgets.JobStatus;
import org.vindplaats.ui.widgets.Palette;
import org.vindplaats.ui.widgets.Ui;
import org.vindplaats.ui.widgets.WrappingPage;

/**
 * Team hub (Beheer): connects the workspace to the team's hub (address, team, user, password
 * file), shows the connection, the outbox (to send, to remove, kept back, to share) and the last
 * error, and pushes now as a job with progress and Stop. Pushes in the background (after a save
 * or an import) end up here too. An unreachable hub is said in plain words; the worker keeps
 * working and nothing is lost.
 */
public final class HubView {

    private final TeamHub hub;
    private final NotesWorkspace notes;
    private final WrappingPage page;
    private final Composite content;
    private final Text url;
    private final Text team;
    private final Label teamLabel;
    private final Button knowledgeCentre;
    private final Text user;
    private final Text passwordFile;
    private final Button choosePasswordFile;
    private final Button connect;
    private final Label connectResult;
    private final Label connection;
    private final Label reachable;
    private final Label outbox;
    private final Label lastError;
    private final Label conflicts;
    private final Button keepBoth;
    private List<String> inConflict = List.of();
    private final Button push;
    private final Button stop;
    private final Button refresh;
    private final JobStatus status;
    private final Runnable notesListener;
    private final Consumer<TeamHub.Outcome> outcomeListener;
    private Path shownFor;
    private int generation;
    /** What the hub said last (null: not asked yet), kept while only the outbox is counted again. */
    private String reachability;
    private boolean unreachable;
    private boolean pushing;

    public HubView(Composite parent, TeamHub hub, NotesWorkspace notes) {
        this.hub = hub;
        this.notes = notes;
        GridLayoutFactory.fillDefaults().applyTo(parent);
        page = WrappingPage.live(parent);
        content = page.content();
        GridLayoutFactory.fillDefaults().margins(8, 8).spacing(6, 8).applyTo(content);

        Ui.heading(content, Messages.Hub_title, 1);
        Ui.text(content, Messages.Hub_intro, 1);

        Group form = new Group(content, SWT.NONE);
        form.setText(Messages.Hub_connectGroup);
        GridLayoutFactory.swtDefaults().numColumns(3).spacing(8, 6).applyTo(form);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(form);
        url = Ui.name(field(form, Messages.Hub_url, Messages.Hub_urlHint, 2), "hub.url");
        teamLabel = label(form, Messages.Hub_team);
        team = Ui.name(text(form, Messages.Hub_teamHint, 2), "hub.team");
        user = Ui.name(field(form, Messages.Hub_user, Messages.Hub_userHint, 2), "hub.user");
        passwordFile = Ui.name(field(form, Messages.Hub_passwordFile, Messages.Hub_passwordFileHint, 1), "hub.passwordFile");
        passwordFile.setToolTipText(Messages.Hub_passwordFileTip);
        choosePasswordFile = Ui.name(new Button(form, SWT.PUSH), "hub.choosePasswordFile");
        choosePasswordFile.setText(Messages.Hub_choose);
        choosePasswordFile.addListener(SWT.Selection, e -> choosePasswordFile());
        new Label(form, SWT.NONE);
        knowledgeCentre = Ui.name(new Button(form, SWT.CHECK), "hub.knowledgeCentre");
        knowledgeCentre.setText(Messages.Hub_knowledgeCentre);
        knowledgeCentre.setToolTipText(Messages.Hub_knowledgeCentreTip);
        GridDataFactory.swtDefaults().span(2, 1).applyTo(knowledgeCentre);
        knowledgeCentre.addListener(SWT.Selection, e -> showAccountKind());
        connect = Ui.name(new Button(form, SWT.PUSH), "hub.connect");
        connect.setText(Messages.Hub_connect);
        GridDataFactory.swtDefaults().span(3, 1).applyTo(connect);
        connectResult = Ui.name(new Label(form, SWT.WRAP), "hub.connectResult");
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).hint(10, SWT.DEFAULT).applyTo(connectResult);
        connect.addListener(SWT.Selection, e -> connect());
        for (Text t : new Text[] { url, team, user, passwordFile }) {
            t.addListener(SWT.DefaultSelection, e -> connect());
        }

        Group state = new Group(content, SWT.NONE);
        state.setText(Messages.Hub_statusGroup);
        GridLayoutFactory.swtDefaults().numColumns(2).spacing(8, 6).applyTo(state);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(state);
        connection = Ui.name(row(state, Messages.Hub_connection), "hub.connection");
        reachable = Ui.name(row(state, Messages.Hub_reachable), "hub.reachable");
        outbox = Ui.name(row(state, Messages.Hub_outbox), "hub.outbox");
        lastError = Ui.name(row(state, Messages.Hub_lastError), "hub.lastError");
        // Notes a push found under the same id from another workspace: keep both (ours gets a new id).
        conflicts = Ui.name(row(state, Messages.Hub_conflictsRow), "hub.conflicts");
        new Label(state, SWT.NONE);
        keepBoth = Ui.name(new Button(state, SWT.PUSH), "hub.keepBoth");
        keepBoth.setText(Messages.Hub_keepBoth);
        keepBoth.setToolTipText(Messages.Hub_keepBothTip);
        keepBoth.setEnabled(false);
        keepBoth.addListener(SWT.Selection, e -> keepBoth());
        Composite actions = new Composite(state, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(4).applyTo(actions);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(actions);
        push = Ui.name(new Button(actions, SWT.PUSH), "hub.push");
        push.setText(Messages.Hub_push);
        push.setToolTipText(Messages.Hub_pushTip);
        push.addListener(SWT.Selection, e -> pushNow());
        stop = Ui.name(new Button(actions, SWT.PUSH), "hub.stop");
        stop.setText(Messages.Hub_stop);
        stop.setEnabled(false);
        stop.addListener(SWT.Selection, e -> stopPush());
        refresh = Ui.name(new Button(actions, SWT.PUSH), "hub.refresh");
        refresh.setText(Messages.Hub_refresh);
        refresh.addListener(SWT.Selection, e -> refresh(true));
        ProgressBar bar = JobStatus.progressBar(actions);
        Composite line = new Composite(state, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(line);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(line);
        status = JobStatus.create(bar, line, this::setBusy);
        Ui.name(status.result(), "hub.result");

        // Changes to the notes (a save, an import) and another workspace folder: the outbox is
        // counted again; a push, whoever started it, says how it went.
        notesListener = () -> async(this::workspaceChanged);
        notes.addListener(notesListener);
        outcomeListener = outcome -> async(() -> pushed(outcome));
        hub.addListener(outcomeListener);
        parent.addDisposeListener(e -> {
            notes.removeListener(notesListener);
            hub.removeListener(outcomeListener);
        });
        workspaceChanged();
        page.changed();
    }

    private static Text field(Composite form, String label, String hint, int span) {
        label(form, label);
        return text(form, hint, span);
    }

    private static Label label(Composite form, String text) {
        Label l = new Label(form, SWT.NONE);
        l.setText(text);
        return l;
    }

    private static Text text(Composite form, String hint, int span) {
        Text t = new Text(form, SWT.BORDER | SWT.SINGLE);
        t.setMessage(hint);
        GridDataFactory.fillDefaults().grab(true, false).span(span, 1).hint(10, SWT.DEFAULT).applyTo(t);
        return t;
    }

    private static Label row(Composite parent, String label) {
        Label l = new Label(parent, SWT.NONE);
        l.setText(label);
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(l);
        Label value = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(10, SWT.DEFAULT).applyTo(value);
        return value;
    }

    private void relayout() {
        page.changed();
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

    // ------------------------------------------------------------------ connecting

    private void choosePasswordFile() {
        FileDialog d = new FileDialog(content.getShell(), SWT.OPEN);
        d.setText(Ui.dialogTitle(Messages.Hub_choosePasswordFile));
        if (!passwordFile.getText().isBlank()) {
            Path p = Path.of(passwordFile.getText().strip()).toAbsolutePath();
            if (p.getParent() != null) {
                d.setFilterPath(p.getParent().toString());
            }
        }
        String chosen = d.open();
        if (chosen != null) {
            passwordFile.setText(chosen);
        }
    }

    /** Checks the form and stores the connection; then asks the hub whether it answers. */
    public void connect() {
        Path dir = notes.location();
        if (notes.store().isEmpty() || dir == null) {
            problem(connectResult, NLS.bind(Messages.Hub_noWorkspace, notes.problem()));
            return;
        }
        try {
            HubConnection c = hub.connect(dir, url.getText(), team.getText(), user.getText(), passwordFile.getText(),
                    knowledgeCentre.getSelection());
            fillForm(c);
            done(connectResult, NLS.bind(Messages.Hub_connected, new Object[] { c.url(), c.team(), dir.resolve(HubConnection.FILE) }));
            refresh(true);
        } catch (TeamHub.Invalid e) {
            Text f = switch (e.field()) {
            case URL -> url;
            case TEAM -> team;
            case USER -> user;
            case PASSWORD_FILE -> passwordFile;
            };
            problem(connectResult, NLS.bind(Messages.Hub_fix, fieldName(e.field()), e.getMessage()));
            f.setFocus();
            f.selectAll();
        } catch (IOException e) {
            problem(connectResult, NLS.bind(Messages.Hub_notStored, dir.resolve(HubConnection.FILE), e.getMessage()));
        }
    }

    private String fieldName(TeamHub.Field f) {
        String label = switch (f) {
        case URL -> Messages.Hub_url;
        case TEAM -> teamLabel.getText();
        case USER -> Messages.Hub_user;
        case PASSWORD_FILE -> Messages.Hub_passwordFile;
        };
        return label.endsWith(":") ? label.substring(0, label.length() - 1) : label;
    }

    /** A knowledge centre's account names its knowledge centre where a team's names its team. */
    private void showAccountKind() {
        boolean kc = knowledgeCentre.getSelection();
        teamLabel.setText(kc ? Messages.Hub_knowledgeCentreId : Messages.Hub_team);
        team.setMessage(kc ? Messages.Hub_knowledgeCentreIdHint : Messages.Hub_teamHint);
        relayout();
    }

    private void fillForm(HubConnection c) {
        url.setText(c == null ? "" : c.url().toString());
        team.setText(c == null ? "" : c.team());
        user.setText(c == null ? "" : c.user());
        passwordFile.setText(c == null ? "" : c.passwordFile().toString());
        knowledgeCentre.setSelection(c != null && c.knowledgeCentre());
        showAccountKind();
    }

    private void problem(Label l, String message) {
        l.setText(message);
        l.setForeground(Palette.color(Palette.bannerForeground(org.vindplaats.model.PolicyStatus.BANNED)));
        relayout();
    }

    private void done(Label l, String message) {
        l.setText(message);
        l.setForeground(Palette.color(Palette.bannerForeground(org.vindplaats.model.PolicyStatus.ALLOWED)));
        relayout();
    }

    // ------------------------------------------------------------------ status

    /** Another folder: the form shows its connection; the hub is asked again. Notes changed: the outbox is counted. */
    private void workspaceChanged() {
        Path dir = notes.location();
        boolean moved = shownFor == null || !shownFor.equals(dir);
        if (moved) {
            shownFor = dir;
            reachability = null;
            unreachable = false;
            connectResult.setText("");
            try {
                fillForm(hub.connection(dir).orElse(null));
            } catch (HubException e) {
                fillForm(null);
                problem(connectResult, e.getMessage());
            }
        }
        refresh(moved);
    }

    /**
     * Shows the connection, the outbox and the last error (read in a job); with {@code askHub}
     * also whether the hub answers, which can take a while when it does not.
     */
    public void refresh(boolean askHub) {
        Path dir = notes.location();
        NoteStore store = notes.store().orElse(null);
        int mine = ++generation;
        if (store == null || dir == null) {
            showNotConnected(NLS.bind(Messages.Hub_noWorkspace, notes.problem()));
            return;
        }
        if (!hub.connected(dir)) {
            showNotConnected(Messages.Hub_notConnected);
            return;
        }
        if (askHub) {
            showReachability(Messages.Hub_asking, false);
        }
        Job job = new Job(Messages.Hub_reading) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                // First what the workspace says (quick), then whether the hub answers (can take seconds).
                Optional<TeamHub.Status> s;
                String problem = null;
                try {
                    s = hub.status(dir, store);
                } catch (HubException | IOException e) {
                    s = Optional.empty();
                    problem = e.getMessage();
                }
                Optional<TeamHub.Status> read = s;
                String failed = problem;
                async(() -> {
                    if (mine == generation) {
                        show(read.orElse(null), failed);
                    }
                });
                if (askHub && read.isPresent()) {
                    String answer;
                    boolean bad;
                    try {
                        answer = NLS.bind(Messages.Hub_reachableYes, hub.notesInHub(dir));
                        bad = false;
                    } catch (HubException | IOException e) {
                        answer = e.getMessage();
                        bad = true;
                    }
                    String said = answer;
                    boolean failed2 = bad;
                    async(() -> {
                        if (dir.equals(notes.location())) {
                            showReachability(said, failed2);
                        }
                    });
                }
                return Status.OK_STATUS;
            }
        };
        job.setSystem(true);
        job.schedule();
    }

    private void showNotConnected(String why) {
        connection.setText(why);
        reachable.setText("");
        outbox.setText("");
        lastError.setText("");
        conflicts.setText("");
        inConflict = List.of();
        keepBoth.setEnabled(false);
        push.setEnabled(false);
        refresh.setEnabled(false);
        relayout();
    }

    private void show(TeamHub.Status s, String problem) {
        if (s == null) {
            connection.setText(problem == null ? Messages.Hub_notConnected : problem);
            push.setEnabled(false);
            relayout();
            return;
        }
        HubConnection c = s.connection();
        connection.setText(NLS.bind(c.knowledgeCentre() ? Messages.Hub_connectionLineKc : Messages.Hub_connectionLine,
                new Object[] { c.url(), c.team(), c.user(), c.collection() }));
        showReachability(reachability, unreachable);
        Hub.Outlook o = s.outlook();
        outbox.setText(NLS.bind(Messages.Hub_outboxLine, new Object[] { o.toSend(), o.toRemove(), o.keptBack(), o.toShare(), o.toUnshare() }));
        TeamHub.LastError last = s.lastError();
        lastError.setText(last == null ? Messages.Hub_noLastError
                : last.when() == null ? last.message()
                : NLS.bind(Messages.Hub_lastErrorLine, java.time.format.DateTimeFormatter
                        .ofLocalizedDateTime(java.time.format.FormatStyle.SHORT).withLocale(java.util.Locale.getDefault())
                        .format(last.when().atZone(java.time.ZoneId.systemDefault())), last.message()));
        setColour(lastError, s.lastError() != null);
        inConflict = s.conflicts();
        conflicts.setText(inConflict.isEmpty() ? Messages.Hub_noConflicts
                : NLS.bind(Messages.Hub_conflictsLine, inConflict.size(), String.join(", ", inConflict)));
        setColour(conflicts, !inConflict.isEmpty());
        keepBoth.setEnabled(!inConflict.isEmpty() && !pushing);
        push.setEnabled(!pushing && !c.knowledgeCentre());
        refresh.setEnabled(true);
        relayout();
    }

    /** Keeps both notes of every conflict listed: ours get new ids, the next push sends them. */
    private void keepBoth() {
        Path dir = notes.location();
        NoteStore store = notes.store().orElse(null);
        if (dir == null || store == null || inConflict.isEmpty()) {
            return;
        }
        try {
            List<String> renamed = hub.keepBoth(dir, store, inConflict);
            done(conflicts, NLS.bind(Messages.Hub_keptBoth, renamed.size(), String.join(", ", renamed)));
            keepBoth.setEnabled(false);
            inConflict = List.of();
        } catch (HubException | IOException | RuntimeException e) { // a NoteStoreException is an IOException
            problem(conflicts, e.getMessage());
        }
        relayout();
    }

    /** What the hub said when it was last asked or sent to (null: not yet). */
    private void showReachability(String said, boolean bad) {
        reachability = said;
        unreachable = bad;
        reachable.setText(said == null ? Messages.Hub_notAsked : said);
        setColour(reachable, bad);
        relayout();
    }

    private static void setColour(Label l, boolean bad) {
        l.setForeground(bad ? Palette.color(Palette.bannerForeground(org.vindplaats.model.PolicyStatus.BANNED)) : null);
    }

    // ------------------------------------------------------------------ pushing

    /** Sends the outbox now as a job with progress; Stop cancels it. */
    public Job pushNow() {
        Path dir = notes.location();
        NoteStore store = notes.store().orElse(null);
        if (dir == null || store == null || !hub.sends(dir)) {
            status.failed(Messages.Hub_notConnected);
            return null;
        }
        Job job = hub.pushJob(dir, store);
        status.run(job, Messages.Hub_pushing);
        return job;
    }

    /** How a push ended, whether pressed here or started in the background. */
    private void pushed(TeamHub.Outcome o) {
        if (!o.workspace().equals(notes.location())) {
            return;
        }
        String message;
        if (o.succeeded()) {
            Hub.PushReport r = o.report();
            StringBuilder b = new StringBuilder(NLS.bind(o.background() ? Messages.Hub_pushedBackground : Messages.Hub_pushed,
                    r.sent(), r.removed()));
            if (r.shared() + r.unshared() > 0) {
                b.append(' ').append(NLS.bind(Messages.Hub_pushedShared, r.shared(), r.unshared()));
            }
            if (r.keptBack() > 0) {
                b.append(' ').append(NLS.bind(Messages.Hub_pushedKeptBack, r.keptBack()));
            }
            if (!r.conflicts().isEmpty()) {
                b.append(' ').append(NLS.bind(Messages.Hub_conflicts, r.conflicts().size(), String.join(", ", r.conflicts())));
            }
            message = b.toString();
            reachability = Messages.Hub_reachableNow;
            unreachable = false;
            if (r.conflicts().isEmpty()) {
                status.succeeded(message);
            } else {
                status.failed(message);
            }
        } else {
            message = o.cancelled() ? o.problem()
                    : NLS.bind(o.background() ? Messages.Hub_failedBackground : Messages.Hub_failed, o.problem());
            if (!o.cancelled()) {
                reachability = o.problem();
                unreachable = true;
            }
            status.failed(message);
        }
        refresh(false);
    }

    /** Stops the push started here; what the hub already took stays there. */
    public void stopPush() {
        Job j = status.lastJob();
        if (j != null) {
            j.cancel();
        }
    }

    private void setBusy(boolean busy) {
        pushing = busy;
        stop.setEnabled(busy);
        push.setEnabled(!busy && hub.sends(notes.location()));
        connect.setEnabled(!busy);
    }

    /** Puts the cursor in the hub's address. */
    public void setFocus() {
        url.setFocus();
    }
}
