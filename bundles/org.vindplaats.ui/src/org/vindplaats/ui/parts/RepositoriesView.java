package org.vindplaats.ui.parts;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.osgi.framework.Version;
import org.osgi.service.prefs.BackingStoreException;
import org.vindplaats.app.PluginUpdateService;
import org.vindplaats.catalog.PluginInstaller;
import org.vindplaats.publish.PluginUpdates;
import org.vindplaats.publish.PluginUpdates.Outcome;
import org.vindplaats.publish.RepositoryClient;
import org.vindplaats.publish.RepositoryClient.Available;
import org.vindplaats.publish.Verifier;
import org.vindplaats.ui.RepoMessages;
import org.vindplaats.ui.widgets.JobStatus;
import org.vindplaats.ui.widgets.Ui;

/**
 * Plugin repositories (add, remove), what they offer next to what is installed, and install,
 * update and roll back as Eclipse Jobs with progress. A plugin that is unsigned or signed by a
 * publisher the user does not trust is installed only after an explicit confirmation; content
 * changed after signing is always refused.
 */
public final class RepositoriesView {

    /** Preference (instance scope, node {@value #PREFERENCE_NODE}): check for updates when the workbench starts. */
    public static final String CHECK_AT_START = "checkForUpdatesAtStart";
    public static final String PREFERENCE_NODE = "org.vindplaats.publish";

    private final PluginUpdates updates;
    private final PluginUpdateService service;
    private final org.eclipse.swt.widgets.List repositories;
    private final Text url;
    private final Button add;
    private final Button removeRepo;
    private final Button check;
    private final Button checkAtStart;
    private final Button install;
    private final Button rollback;
    private final Table available;
    private final JobStatus status;
    private Predicate<String> confirmUnsigned;
    private PluginUpdates.Offer offer = new PluginUpdates.Offer(List.of(), List.of());

    public RepositoriesView(Composite parent, PluginUpdateService service) {
        this.service = service;
        this.updates = service.updates();
        GridLayoutFactory.fillDefaults().margins(8, 8).spacing(6, 6).applyTo(parent);
        confirmUnsigned = question -> MessageDialog.openQuestion(parent.getShell(), RepoMessages.Repos_confirmTitle, question);

        Label title = new Label(parent, SWT.WRAP);
        title.setText(RepoMessages.Repos_title);
        GridDataFactory.fillDefaults().grab(true, false).hint(10, SWT.DEFAULT).applyTo(title);

        Composite row = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(row);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(row);
        url = Ui.name(new Text(row, SWT.BORDER | SWT.SINGLE), "repos.url");
        url.setMessage(RepoMessages.Repos_url_hint);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(url);
        add = button(row, RepoMessages.Repos_add, "repos.add");
        removeRepo = button(row, RepoMessages.Repos_remove, "repos.remove");
        repositories = Ui.name(new org.eclipse.swt.widgets.List(parent, SWT.BORDER | SWT.SINGLE | SWT.V_SCROLL), "repos.list");
        GridDataFactory.fillDefaults().grab(true, false).hint(SWT.DEFAULT, 70).applyTo(repositories);

        Composite actions = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(5).applyTo(actions);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(actions);
        check = button(actions, RepoMessages.Repos_check, "repos.check");
        install = button(actions, RepoMessages.Repos_install, "repos.install");
        rollback = button(actions, RepoMessages.Repos_rollback, "repos.rollback");
        ProgressBar progress = JobStatus.progressBar(actions);
        checkAtStart = Ui.name(new Button(actions, SWT.CHECK), "repos.checkAtStart");
        checkAtStart.setText(RepoMessages.Repos_checkAtStart);
        checkAtStart.setSelection(checkAtStart());

        status = JobStatus.create(progress, parent, this::setBusy);
        Ui.name(status.result(), "repos.result");

        available = Ui.name(new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE), "repos.available");
        available.setHeaderVisible(true);
        available.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(available);
        for (String h : new String[] { RepoMessages.Repos_colPlugin, RepoMessages.Repos_colName, RepoMessages.Repos_colAvailable,
                RepoMessages.Repos_colInstalled, RepoMessages.Repos_colStatus }) {
            new TableColumn(available, SWT.LEFT).setText(h);
        }

        add.addListener(SWT.Selection, e -> addRepository());
        url.addListener(SWT.DefaultSelection, e -> addRepository());
        removeRepo.addListener(SWT.Selection, e -> removeRepository());
        check.addListener(SWT.Selection, e -> checkForUpdates());
        install.addListener(SWT.Selection, e -> installSelected());
        rollback.addListener(SWT.Selection, e -> rollbackSelected());
        checkAtStart.addListener(SWT.Selection, e -> setCheckAtStart(checkAtStart.getSelection()));
        showRepositories();
        PluginUpdates.Offer atStart = service.lastOffer().orElse(null);
        if (atStart != null) {
            // The background check at start already read the repositories.
            offer = atStart;
            status.succeeded(NLS.bind(RepoMessages.Repos_read, atStart.plugins().size(), updates.updates(atStart).size()));
        }
        showOffer();
    }

    private static Button button(Composite parent, String text, String name) {
        Button b = Ui.name(new Button(parent, SWT.PUSH), name);
        b.setText(text);
        return b;
    }

    /** Whether the user allowed a background update check at start (off by default: it contacts servers). */
    public static boolean checkAtStart() {
        return InstanceScope.INSTANCE.getNode(PREFERENCE_NODE).getBoolean(CHECK_AT_START, false);
    }

    public static void setCheckAtStart(boolean on) {
        var node = InstanceScope.INSTANCE.getNode(PREFERENCE_NODE);
        node.putBoolean(CHECK_AT_START, on);
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // kept for this session; saved at the next flush
        }
    }

    /** Replaces the "install anyway?" question (tests, scripted use). */
    public void setConfirmUnsigned(Predicate<String> confirm) {
        this.confirmUnsigned = confirm;
    }

    private void addRepository() {
        String text = url.getText().strip();
        if (text.isEmpty()) {
            return;
        }
        try {
            URI repo = RepositoryClient.location(text);
            updates.repositories().add(repo);
            url.setText("");
            showRepositories();
            status.succeeded(NLS.bind(RepoMessages.Repos_added, repo));
            checkForUpdates();
        } catch (IllegalArgumentException | IOException e) {
            status.failed(e.getMessage());
        }
    }

    private void removeRepository() {
        int i = repositories.getSelectionIndex();
        if (i < 0) {
            return;
        }
        URI repo = URI.create(repositories.getItem(i));
        try {
            updates.repositories().remove(repo);
            showRepositories();
            status.succeeded(NLS.bind(RepoMessages.Repos_removed, repo));
        } catch (IOException e) {
            status.failed(e.getMessage());
        }
    }

    private void showRepositories() {
        repositories.removeAll();
        for (URI u : updates.repositories().list()) {
            repositories.add(u.toString());
        }
    }

    /** Reads every repository in a background job and shows what they offer. */
    public Job checkForUpdates() {
        Display display = available.getDisplay();
        Job job = Job.create(RepoMessages.Repos_reading, (IProgressMonitor monitor) -> {
            try {
                PluginUpdates.Offer read = updates.offer(updates.repositories().list(), monitor);
                service.remember(read);
                int count = updates.updates(read).size();
                display.asyncExec(() -> {
                    if (available.isDisposed()) {
                        return;
                    }
                    offer = read;
                    showOffer();
                    if (read.errors().isEmpty()) {
                        status.succeeded(NLS.bind(RepoMessages.Repos_read, read.plugins().size(), count));
                    } else {
                        status.failed(NLS.bind(RepoMessages.Repos_readErrors, String.join("\n", read.errors())));
                    }
                });
            } catch (OperationCanceledException e) {
                return Status.CANCEL_STATUS;
            }
            return Status.OK_STATUS;
        });
        status.run(job, RepoMessages.Repos_reading);
        return job;
    }

    /** One row per plugin: the newest version offered next to the installed one. */
    private void showOffer() {
        String selectedId = selectedId();
        available.removeAll();
        Map<String, Available> newest = new TreeMap<>();
        for (Available a : offer.plugins()) {
            newest.merge(a.id(), a, (x, y) -> x.osgiVersion().compareTo(y.osgiVersion()) >= 0 ? x : y);
        }
        for (Available a : newest.values()) {
            String installed = updates.installedVersion(a.id()).orElse(null);
            String status;
            if (installed == null) {
                status = RepoMessages.Repos_statusNew;
            } else {
                int c = a.osgiVersion().compareTo(Version.parseVersion(installed));
                status = c > 0 ? RepoMessages.Repos_statusUpdate : c == 0 ? RepoMessages.Repos_statusInstalled
                        : RepoMessages.Repos_statusOlder;
            }
            TableItem item = new TableItem(available, SWT.NONE);
            item.setData(a);
            item.setText(new String[] { a.id(), a.name() == null ? "" : a.name(), a.version(),
                    installed == null ? "-" : installed, status });
            if (a.id().equals(selectedId)) {
                available.setSelection(item);
            }
        }
        for (TableColumn c : available.getColumns()) {
            c.pack();
            c.setWidth(c.getWidth() + 10);
        }
    }

    private String selectedId() {
        TableItem[] sel = available.getSelection();
        return sel.length == 0 ? null : ((Available) sel[0].getData()).id();
    }

    private void installSelected() {
        TableItem[] sel = available.getSelection();
        if (sel.length == 0) {
            status.failed(RepoMessages.Repos_selectOne);
            return;
        }
        // A version picked in the table is the worker's explicit choice, also an older one.
        install((Available) sel[0].getData(), new PluginUpdates.Consent(false, false, true));
    }

    /** Installs or updates to this version (never an older one) in a background job. */
    public Job install(Available plugin, boolean allowUnsigned) {
        return install(plugin, PluginUpdates.Consent.update(allowUnsigned, false));
    }

    /**
     * Installs this version in a background job; asks before an unsigned or untrusted one, and
     * before one that replaces facts another publisher supplies.
     */
    public Job install(Available plugin, PluginUpdates.Consent consent) {
        Display display = available.getDisplay();
        String what = NLS.bind(RepoMessages.Repos_installing, plugin.id(), plugin.version());
        Job job = Job.create(what, (IProgressMonitor monitor) -> {
            try {
                Outcome o = updates.install(plugin, consent, monitor);
                display.asyncExec(() -> installed(plugin, consent, o));
            } catch (IOException | RuntimeException e) {
                display.asyncExec(() -> status.failed(NLS.bind(RepoMessages.Repos_failed, e.getMessage())));
            }
            return Status.OK_STATUS;
        });
        status.run(job, what);
        return job;
    }

    private void installed(Available plugin, PluginUpdates.Consent consent, Outcome o) {
        if (available.isDisposed()) {
            return;
        }
        switch (o.status()) {
        case INSTALLED -> status.succeeded(NLS.bind(RepoMessages.Repos_installed, o.id(), o.version()));
        case UPDATED -> status.succeeded(NLS.bind(RepoMessages.Repos_updated, new Object[] { o.id(), o.previousVersion(), o.version() }));
        case UP_TO_DATE -> status.succeeded(NLS.bind(RepoMessages.Repos_upToDate, o.id(), o.version()));
        default -> {
            Verifier.Verification v = o.verification();
            boolean askable = v != null && !consent.allowUnsigned()
                    && (v.status() == Verifier.Status.UNSIGNED || v.status() == Verifier.Status.UNTRUSTED);
            if (askable && confirmUnsigned.test(NLS.bind(RepoMessages.Repos_confirmQuestion,
                    new Object[] { v.message(), plugin.id(), plugin.version() }))) {
                install(plugin, new PluginUpdates.Consent(true, consent.replace(), consent.allowOlder()));
                return;
            }
            var replace = o.problems().stream().filter(p -> p.isError()).findFirst();
            if (!consent.replace() && PluginInstaller.needsReplace(o.problems()) && confirmUnsigned.test(NLS.bind(
                    RepoMessages.Repos_confirmReplace, new Object[] { replace.get().message(), plugin.id(), plugin.version() }))) {
                install(plugin, new PluginUpdates.Consent(consent.allowUnsigned(), true, consent.allowOlder()));
                return;
            }
            status.failed(NLS.bind(RepoMessages.Repos_refused, o.message()));
        }
        }
        showOffer();
    }

    private void rollbackSelected() {
        String id = selectedId();
        if (id == null) {
            status.failed(RepoMessages.Repos_selectOne);
            return;
        }
        rollback(id);
    }

    /** Puts back the previous version in a background job. */
    public Job rollback(String id) {
        Display display = available.getDisplay();
        String what = NLS.bind(RepoMessages.Repos_rollingBack, id);
        Job job = Job.create(what, (IProgressMonitor monitor) -> {
            try {
                Outcome o = updates.rollback(id);
                display.asyncExec(() -> {
                    if (available.isDisposed()) {
                        return;
                    }
                    if (o.status() == PluginUpdates.Status.ROLLED_BACK) {
                        status.succeeded(NLS.bind(RepoMessages.Repos_rolledBack,
                                new Object[] { o.id(), o.previousVersion(), o.version() }));
                    } else {
                        status.failed(NLS.bind(RepoMessages.Repos_refused, o.message()));
                    }
                    showOffer();
                });
            } catch (IOException | RuntimeException e) {
                display.asyncExec(() -> status.failed(NLS.bind(RepoMessages.Repos_failed, e.getMessage())));
            }
            return Status.OK_STATUS;
        });
        status.run(job, what);
        return job;
    }

    private void setBusy(boolean busy) {
        for (Button b : new Button[] { add, removeRepo, check, install, rollback }) {
            b.setEnabled(!busy);
        }
    }

    /** The last job started (tests join it). */
    public Job lastJob() {
        return status.lastJob();
    }
}
