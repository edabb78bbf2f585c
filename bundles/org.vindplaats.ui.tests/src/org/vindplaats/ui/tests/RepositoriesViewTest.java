package org.vindplaats.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vindplaats.ui.tests.TestData.flush;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.app.PluginUpdateService;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.catalog.PluginDescriptor;
import org.vindplaats.catalog.PluginInfo;
import org.vindplaats.catalog.PluginInstaller;
import org.vindplaats.catalog.PluginScaffold;
import org.vindplaats.publish.Keys;
import org.vindplaats.publish.PluginUpdates;
import org.vindplaats.publish.Publisher;
import org.vindplaats.publish.RepositoryClient;
import org.vindplaats.testing.Services;
import org.vindplaats.ui.parts.RepositoriesView;

/**
 * The repositories tab of the Plugins part against the real catalog and installer: adds a
 * repository a knowledge centre published, clicks install (an untrusted publisher needs the
 * explicit confirmation), update after a new version is published, and roll back.
 */
class RepositoriesViewTest {

    private static final String BUNDLE = "org.vindplaats.platform.uirepo";
    static Catalog catalog;
    static PluginInstaller installer;

    @TempDir
    Path dir;

    private Display display;
    private Shell shell;

    @BeforeAll
    static void services() throws Exception {
        catalog = Services.await(Catalog.class);
        installer = Services.await(PluginInstaller.class);
    }

    @BeforeEach
    void open() {
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setSize(1200, 700);
        shell.setLayout(new FillLayout());
    }

    @AfterEach
    void close() throws Exception {
        shell.dispose();
        try {
            installer.uninstall("uirepo");
        } catch (IllegalArgumentException e) {
            // not installed
        }
        Files.deleteIfExists(installer.folder().resolve(BUNDLE + ".jar.previous"));
    }

    private <T extends Control> T widget(String name, Class<T> type) {
        return Widgets.find(shell, name, type);
    }

    private Text url() {
        return widget("repos.url", Text.class);
    }

    private Button addButton() {
        return widget("repos.add", Button.class);
    }

    private Button removeButton() {
        return widget("repos.remove", Button.class);
    }

    private Button checkButton() {
        return widget("repos.check", Button.class);
    }

    private Button installButton() {
        return widget("repos.install", Button.class);
    }

    private Button rollbackButton() {
        return widget("repos.rollback", Button.class);
    }

    private Button checkAtStartButton() {
        return widget("repos.checkAtStart", Button.class);
    }

    private org.eclipse.swt.widgets.List repositories() {
        return widget("repos.list", org.eclipse.swt.widgets.List.class);
    }

    private Table available() {
        return widget("repos.available", Table.class);
    }

    private Label result() {
        return widget("repos.result", Label.class);
    }

    /** Waits for the view's jobs (a confirmation may start a second one) and the UI updates they queued. */
    private void await(RepositoriesView view) throws InterruptedException {
        long until = System.currentTimeMillis() + 30_000;
        Job job;
        do {
            job = view.lastJob();
            assertNotNull(job, "a button started a job");
            while (job.getResult() == null && System.currentTimeMillis() < until) {
                flush(display);
                Thread.sleep(20);
            }
            for (int i = 0; i < 20; i++) {
                flush(display);
                Thread.sleep(10);
            }
        } while (view.lastJob() != job && System.currentTimeMillis() < until);
        assertNotNull(job.getResult(), "the job finished");
    }

    private static void click(Button b) {
        b.notifyListeners(SWT.Selection, new Event());
    }

    private void select(String id) {
        for (TableItem item : available().getItems()) {
            if (item.getText(0).equals(id)) {
                available().setSelection(item);
                return;
            }
        }
        throw new AssertionError(id + " not listed");
    }

    private String row(String id) {
        for (TableItem item : available().getItems()) {
            if (item.getText(0).equals(id)) {
                return item.getText(2) + " | " + item.getText(3) + " | " + item.getText(4);
            }
        }
        return null;
    }

    private static Path plugin(Path parent, String version) throws Exception {
        Path folder = parent.resolve("uirepo");
        if (!Files.exists(folder)) {
            PluginScaffold.create(PluginDescriptor.Kind.PLATFORM, "uirepo", parent, LocalDate.now());
        }
        Path json = folder.resolve("vindplaats-plugin.json");
        Files.writeString(json, Files.readString(json, StandardCharsets.UTF_8)
                .replaceFirst("\"version\" : \"[^\"]*\"", "\"version\" : \"" + version + "\""), StandardCharsets.UTF_8);
        return folder;
    }

    private static String installedVersion() {
        return catalog.plugins().stream().filter(p -> p.source().equals(BUNDLE)).map(PluginInfo::version).findFirst()
                .orElse(null);
    }

    @Test
    void addRepositoryInstallWithConfirmationUpdateRollBack() throws Exception {
        Keys.SigningKey key = Keys.create(dir.resolve("k.p12"), "ui-test-password".toCharArray(), "Kenniscentrum UI");
        Path repo = dir.resolve("site");
        var first = new Publisher().publish(List.of(plugin(dir, "1.0.0")), repo, key, null, new NullProgressMonitor());
        assertTrue(first.ok(), first.problems().toString());

        PluginUpdates updates = new PluginUpdates(installer, catalog, dir.resolve("data"), new RepositoryClient());
        RepositoriesView view = new RepositoriesView(shell, new PluginUpdateService(updates));
        List<String> questions = new ArrayList<>();
        boolean[] answer = { false };
        view.setConfirmUnsigned(q -> {
            questions.add(q);
            return answer[0];
        });
        shell.open();
        flush(display);

        url().setText(repo.toString());
        click(addButton());
        await(view); // adding reads the repository at once
        assertEquals(1, repositories().getItemCount());
        assertEquals(repo.toUri().toString(), repositories().getItem(0));
        assertEquals("1.0.0 | - | not installed", row(BUNDLE));

        // Untrusted publisher: the user is asked; "no" changes nothing.
        select(BUNDLE);
        click(installButton());
        await(view);
        assertEquals(1, questions.size());
        assertTrue(questions.get(0).contains("signed by \"Kenniscentrum UI\""), questions.get(0));
        assertTrue(result().getText().startsWith("Not installed"), result().getText());
        assertEquals(null, installedVersion());

        answer[0] = true;
        select(BUNDLE);
        click(installButton());
        await(view);
        assertEquals(2, questions.size());
        assertTrue(result().getText().startsWith("Installed " + BUNDLE + " 1.0.0"), result().getText());
        assertEquals("1.0.0", installedVersion());
        assertEquals("1.0.0 | 1.0.0 | installed", row(BUNDLE));

        new Publisher().publish(List.of(plugin(dir, "1.1.0")), repo, key, null, new NullProgressMonitor());
        click(checkButton());
        await(view);
        assertEquals("1.1.0 | 1.0.0 | update available", row(BUNDLE));
        assertTrue(result().getText().contains("1 update(s)"), result().getText());

        select(BUNDLE);
        click(installButton());
        await(view);
        assertTrue(result().getText().startsWith("Updated " + BUNDLE + " from 1.0.0 to 1.1.0"), result().getText());
        assertEquals("1.1.0", installedVersion());

        select(BUNDLE);
        click(rollbackButton());
        await(view);
        assertTrue(result().getText().startsWith("Rolled " + BUNDLE + " back from 1.1.0 to 1.0.0"),
                result().getText());
        assertEquals("1.0.0", installedVersion());
        assertEquals("1.1.0 | 1.0.0 | update available", row(BUNDLE));

        repositories().setSelection(0);
        click(removeButton());
        assertEquals(0, repositories().getItemCount());
        assertEquals(List.of(), updates.repositories().list());
    }

    @Test
    void unreachableRepositoryIsReportedAndBackgroundCheckIsAPreference() throws Exception {
        PluginUpdates updates = new PluginUpdates(installer, catalog, dir.resolve("data"), new RepositoryClient());
        RepositoriesView view = new RepositoriesView(shell, new PluginUpdateService(updates));
        shell.open();
        flush(display);
        int before = catalog.plugins().size();
        url().setText(dir.resolve("nowhere").toString());
        click(addButton());
        await(view);
        assertTrue(result().getText().startsWith("cannot reach the plugin repository"), result().getText());
        assertTrue(result().getText().contains("nothing was changed"), result().getText());
        assertEquals(0, available().getItemCount());
        assertEquals(before, catalog.plugins().size());

        boolean was = RepositoriesView.checkAtStart();
        try {
            checkAtStartButton().setSelection(!was);
            click(checkAtStartButton());
            assertEquals(!was, RepositoriesView.checkAtStart());
        } finally {
            RepositoriesView.setCheckAtStart(was);
        }
        assertFalse(addButton().isDisposed());
    }

    @Test
    void everyRepositoriesTextInEnglishAndDutch() throws Exception {
        java.util.Set<String> fields = new java.util.TreeSet<>();
        for (java.lang.reflect.Field f : org.vindplaats.ui.RepoMessages.class.getFields()) {
            if (java.lang.reflect.Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                fields.add(f.getName());
            }
        }
        for (String file : new String[] { "repositories.properties", "repositories_nl.properties" }) {
            java.util.Properties p = new java.util.Properties();
            try (var in = org.vindplaats.ui.RepoMessages.class.getResourceAsStream(file)) {
                byte[] bytes = in.readAllBytes();
                for (byte b : bytes) {
                    assertTrue(b >= 0, file + " must be ASCII (NLS reads ISO-8859-1)");
                }
                p.load(new java.io.ByteArrayInputStream(bytes));
            }
            assertEquals(fields, new java.util.TreeSet<>(p.stringPropertyNames()), file);
        }
    }

    @Test
    void backgroundCheckAtStartRunsOnlyWhenAllowedAndFeedsTheView() throws Exception {
        Keys.SigningKey key = Keys.create(dir.resolve("k.p12"), "ui-test-password".toCharArray(), "Kenniscentrum UI");
        Path repo = dir.resolve("site");
        new Publisher().publish(List.of(plugin(dir, "3.0.0")), repo, key, null, new NullProgressMonitor());
        // The addon uses the user's own list (beside the test's plugin folder), as the workbench does.
        PluginUpdateService service = new PluginUpdateService(catalog, installer);
        PluginUpdates user = service.updates();
        boolean was = RepositoriesView.checkAtStart();
        user.repositories().add(repo.toUri());
        try {
            RepositoriesView.setCheckAtStart(false);
            org.vindplaats.ui.UpdateCheckAddon off = new org.vindplaats.ui.UpdateCheckAddon();
            off.start(service);
            assertEquals(null, off.job(), "no check unless the user allowed it");

            RepositoriesView.setCheckAtStart(true);
            org.vindplaats.ui.UpdateCheckAddon on = new org.vindplaats.ui.UpdateCheckAddon();
            on.start(service);
            assertNotNull(on.job());
            on.job().wakeUp(); // skip the start-up delay
            assertTrue(on.job().join(30_000, null), "the check finished");
            var offer = service.lastOffer().orElseThrow();
            assertTrue(offer.plugins().stream().anyMatch(a -> a.id().equals(BUNDLE) && a.version().equals("3.0.0")),
                    offer.plugins().toString());

            RepositoriesView view = new RepositoriesView(shell, service); // the same service: no static state
            shell.open();
            flush(display);
            assertEquals("3.0.0 | - | not installed", row(BUNDLE));
            assertTrue(result().getText().contains("plugin(s) available"), result().getText());
        } finally {
            user.repositories().remove(repo.toUri());
            RepositoriesView.setCheckAtStart(was);
        }
    }

}
