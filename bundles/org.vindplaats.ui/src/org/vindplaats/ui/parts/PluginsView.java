package org.vindplaats.ui.parts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.catalog.PluginInfo;
import org.vindplaats.catalog.PluginInstaller;
import org.vindplaats.catalog.PluginInstaller.InstallResult;
import org.vindplaats.catalog.Problem;
import org.vindplaats.model.Vocabulary;
import org.vindplaats.ui.Messages;
import org.vindplaats.ui.widgets.JobStatus;
import org.vindplaats.ui.widgets.Palette;
import org.vindplaats.ui.widgets.Ui;

/**
 * Installed plugins (bundle, kind, id, version, state, number of problems) and the problems of
 * the selected one as file:line:column, message and fix. Installing from a jar or a folder and
 * removing run as Eclipse Jobs with a progress bar; the list follows the catalog live, also when
 * the CLI changes the plugin folder. A plugin with errors is refused and its problems are listed.
 */
public final class PluginsView {

    /** Asks the user for a jar (folder=false) or a plugin folder (folder=true); null when cancelled. */
    public interface Chooser extends BiFunction<Shell, Boolean, Path> {
    }

    private final Catalog catalog;
    private final PluginInstaller installer;
    private final Table plugins;
    private final Label problemsTitle;
    private final Table problems;
    private final Button installFile;
    private final Button installFolder;
    private final Button remove;
    private final JobStatus status;
    private final Runnable catalogListener;
    private Chooser chooser = PluginsView::dialog;
    private Predicate<String> confirmRemove;
    /** Problems of the last refused install, shown until another plugin is selected. */
    private List<Problem> refused = List.of();
    private final Locale locale;

    public PluginsView(Composite parent, Catalog catalog, PluginInstaller installer, Locale locale) {
        this.catalog = catalog;
        this.installer = installer;
        this.locale = locale;
        GridLayoutFactory.fillDefaults().margins(8, 8).spacing(6, 6).applyTo(parent);
        confirmRemove = name -> MessageDialog.openQuestion(parent.getShell(), Messages.Plugins_removeTitle,
                NLS.bind(Messages.Plugins_removeQuestion, name));

        Composite buttons = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(5).applyTo(buttons);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(buttons);
        installFile = button(buttons, Messages.Plugins_installFile, "plugins.installFile");
        installFolder = button(buttons, Messages.Plugins_installFolder, "plugins.installFolder");
        remove = button(buttons, Messages.Plugins_remove, "plugins.remove");
        ProgressBar progress = JobStatus.progressBar(buttons);
        Label folder = new Label(buttons, SWT.NONE);
        folder.setText(installer == null ? "" : NLS.bind(Messages.Plugins_folder, installer.folder()));
        folder.setToolTipText(Messages.Plugins_folder_hint);

        status = JobStatus.create(progress, parent, this::setBusy);
        Ui.name(status.result(), "plugins.result");

        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        plugins = Ui.name(new Table(sash, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE), "plugins.list");
        plugins.setHeaderVisible(true);
        plugins.setLinesVisible(true);
        for (String h : new String[] { Messages.Plugins_bundle, Messages.Plugins_kind, Messages.Plugins_id,
                Messages.Plugins_version, Messages.Plugins_state, Messages.Plugins_problems }) {
            new TableColumn(plugins, SWT.LEFT).setText(h);
        }
        plugins.addListener(SWT.Selection, e -> {
            refused = List.of();
            showProblems();
        });

        Composite lower = new Composite(sash, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(0, 4).applyTo(lower);
        problemsTitle = Ui.name(new Label(lower, SWT.WRAP), "plugins.problemsTitle");
        GridDataFactory.fillDefaults().grab(true, false).hint(10, SWT.DEFAULT).applyTo(problemsTitle);
        problems = Ui.name(new Table(lower, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI), "plugins.problems");
        problems.setHeaderVisible(true);
        problems.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(problems);
        for (String h : new String[] { Messages.Plugins_where, Messages.Plugins_severity, Messages.Plugins_message,
                Messages.Plugins_fix }) {
            new TableColumn(problems, SWT.LEFT).setText(h);
        }
        sash.setWeights(55, 45);

        installFile.addListener(SWT.Selection, e -> chooseAndInstall(false));
        installFolder.addListener(SWT.Selection, e -> chooseAndInstall(true));
        remove.addListener(SWT.Selection, e -> removeSelected());

        catalogListener = () -> {
            if (!plugins.isDisposed()) {
                plugins.getDisplay().asyncExec(() -> {
                    if (!plugins.isDisposed()) {
                        refresh();
                    }
                });
            }
        };
        catalog.addListener(catalogListener);
        plugins.addDisposeListener(e -> catalog.removeListener(catalogListener));
        refresh();
    }

    private static Button button(Composite parent, String text, String name) {
        Button b = Ui.name(new Button(parent, SWT.PUSH), name);
        b.setText(text);
        return b;
    }

    private static Path dialog(Shell shell, Boolean folder) {
        String chosen;
        if (folder) {
            DirectoryDialog d = new DirectoryDialog(shell, SWT.OPEN);
            d.setText(Messages.Plugins_chooseFolder);
            d.setMessage(Messages.Plugins_chooseFolder_message);
            chosen = d.open();
        } else {
            FileDialog d = new FileDialog(shell, SWT.OPEN);
            d.setText(Messages.Plugins_chooseFile);
            d.setFilterExtensions(new String[] { "*.jar", "*" });
            d.setFilterNames(new String[] { Messages.Plugins_jarFiles, Messages.Plugins_allFiles });
            chosen = d.open();
        }
        return chosen == null ? null : Path.of(chosen);
    }

    /** Replaces the file and folder dialogs (tests, scripted use). */
    public void setChooser(Chooser chooser) {
        this.chooser = chooser;
    }

    /** Replaces the "really remove?" question (tests, scripted use). */
    public void setConfirmRemove(Predicate<String> confirm) {
        this.confirmRemove = confirm;
    }

    private void chooseAndInstall(boolean folder) {
        Path path = chooser.apply(plugins.getShell(), folder);
        if (path != null) {
            install(path);
        }
    }

    /** Installs a plugin jar or folder in a background job. */
    public Job install(Path path) {
        Display display = plugins.getDisplay();
        Job job = Job.create(NLS.bind(Messages.Plugins_installing, path.getFileName()), (IProgressMonitor monitor) -> {
            SubMonitor sm = SubMonitor.convert(monitor, NLS.bind(Messages.Plugins_installing, path.getFileName()), 1);
            try {
                InstallResult r = installer.install(path);
                sm.worked(1);
                display.asyncExec(() -> installed(path, r));
            } catch (IOException | RuntimeException e) {
                display.asyncExec(() -> status.failed(NLS.bind(Messages.Plugins_installFailed, path, e.getMessage())));
            }
            return Status.OK_STATUS;
        });
        status.run(job, NLS.bind(Messages.Plugins_installing, path.getFileName()));
        return job;
    }

    private void removeSelected() {
        PluginInfo info = selected();
        if (info == null || !isRemovable(info)) {
            return;
        }
        String name = info.name() != null ? info.name() : info.source();
        if (!confirmRemove.test(name)) {
            return;
        }
        String id = info.id() != null ? info.id() : info.source();
        Display display = plugins.getDisplay();
        Job job = Job.create(NLS.bind(Messages.Plugins_removing, name), (IProgressMonitor monitor) -> {
            try {
                installer.uninstall(id);
                display.asyncExec(() -> status.succeeded(NLS.bind(Messages.Plugins_removed, name)));
            } catch (IOException | RuntimeException e) {
                display.asyncExec(() -> status.failed(NLS.bind(Messages.Plugins_removeFailed, name, e.getMessage())));
            }
            return Status.OK_STATUS;
        });
        status.run(job, NLS.bind(Messages.Plugins_removing, name));
    }

    private void setBusy(boolean busy) {
        installFile.setEnabled(!busy);
        installFolder.setEnabled(!busy);
        remove.setEnabled(!busy && isRemovable(selected()));
    }

    private void installed(Path path, InstallResult r) {
        if (plugins.isDisposed()) {
            return;
        }
        if (r.installed() || r.updated()) {
            refused = List.of();
            status.succeeded(NLS.bind(r.updated() ? Messages.Plugins_updated : Messages.Plugins_installed, r.symbolicName(),
                    r.version() == null ? "" : r.version()));
            refresh();
            select(r.symbolicName());
        } else {
            refused = r.problems();
            long errors = r.problems().stream().filter(Problem::isError).count();
            status.failed(NLS.bind(Messages.Plugins_refused, path, errors));
            plugins.deselectAll();
            showProblems();
            problemsTitle.setText(NLS.bind(Messages.Plugins_refusedProblems, path));
        }
    }

    /** Re-reads the plugins from the catalog, keeping the selection. */
    public void refresh() {
        PluginInfo sel = selected();
        plugins.removeAll();
        for (PluginInfo p : catalog.plugins()) {
            TableItem item = new TableItem(plugins, SWT.NONE);
            item.setData(p);
            item.setText(new String[] { p.source(),
                    p.kind() == null ? "?" : Vocabulary.name("pluginKind", p.kind().name().toLowerCase(Locale.ROOT), locale),
                    p.id() == null ? "?" : p.id(), p.version() == null ? p.bundleVersion() : p.version(),
                    stateLabel(p.state()), Integer.toString(p.problems().size()) });
            if (p.state() == PluginInfo.State.BROKEN || p.state() == PluginInfo.State.UPDATE_BROKEN) {
                item.setForeground(4, Palette.color(Palette.bannerForeground(org.vindplaats.model.PolicyStatus.BANNED)));
            }
            if (sel != null && sel.source().equals(p.source()) && sel.location().equals(p.location())) {
                plugins.setSelection(item);
            }
        }
        for (TableColumn c : plugins.getColumns()) {
            c.pack();
            c.setWidth(c.getWidth() + 10);
        }
        if (refused.isEmpty()) {
            showProblems();
        }
        remove.setEnabled(isRemovable(selected()));
    }

    private void select(String symbolicName) {
        for (TableItem item : plugins.getItems()) {
            if (((PluginInfo) item.getData()).source().equals(symbolicName)) {
                plugins.setSelection(item);
                showProblems();
                return;
            }
        }
    }

    private static String stateLabel(PluginInfo.State s) {
        return switch (s) {
            case ACTIVE -> Messages.Plugins_stateActive;
            case UPDATE_BROKEN -> Messages.Plugins_stateUpdateBroken;
            case SHADOWED -> Messages.Plugins_stateShadowed;
            case BROKEN -> Messages.Plugins_stateBroken;
        };
    }

    private void showProblems() {
        PluginInfo info = selected();
        List<Problem> list = !refused.isEmpty() ? refused : info == null ? List.of() : info.problems();
        problems.removeAll();
        for (Problem p : list) {
            TableItem item = new TableItem(problems, SWT.NONE);
            item.setData(p);
            item.setText(new String[] { p.location(), p.isError() ? Messages.Plugins_error : Messages.Plugins_warning,
                    p.message(), p.fix() });
        }
        for (TableColumn c : problems.getColumns()) {
            c.pack();
            c.setWidth(Math.min(c.getWidth() + 10, 600));
        }
        if (refused.isEmpty()) {
            problemsTitle.setText(info == null ? Messages.Plugins_selectOne
                    : list.isEmpty() ? NLS.bind(Messages.Plugins_noProblems, info.source())
                            : NLS.bind(Messages.Plugins_problemsOf, info.source()));
        }
        remove.setEnabled(isRemovable(info) && installFile.isEnabled());
        problemsTitle.getParent().layout(true);
    }

    private PluginInfo selected() {
        TableItem[] sel = plugins.getSelection();
        return sel.length == 0 ? null : (PluginInfo) sel[0].getData();
    }

    /** Only plugins the user installed can be removed; shipped ones come with Vindplaats. */
    private static boolean isRemovable(PluginInfo info) {
        return info != null && info.userInstalled();
    }

    /** The last install or remove job (tests join it). */
    public Job lastJob() {
        return status.lastJob();
    }

    /** Puts the focus in the list of plugins. */
    public void setFocus() {
        plugins.setFocus();
    }
}
