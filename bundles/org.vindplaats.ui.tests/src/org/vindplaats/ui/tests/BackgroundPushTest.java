package org.vindplaats.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vindplaats.ui.tests.TestData.flush;
import static org.vindplaats.ui.tests.TestData.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vindplaats.app.TeamHub;
import org.vindplaats.hub.Hub;
import org.vindplaats.ui.notes.ImportJob;
import org.vindplaats.ui.parts.HubView;
import org.vindplaats.ui.parts.NoteEditorView;

/**
 * A connected workspace sends saves and imports to the hub by itself, a moment later and once for
 * a burst of changes; when the hub is not there, only the Team hub part and the last-error file
 * say so (no dialog), and the worker's notes stay. Without a hub nothing is sent at all.
 */
class BackgroundPushTest extends WorkspaceFixture {

    private TeamHub hub;
    private NoteEditorView editor;
    private NoteEditorWidgets form;
    /** The Team hub part beside the editor. */
    private Composite hubPart;
    private Runnable stopFollowing;
    private final List<TeamHub.Outcome> outcomes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() throws Exception {
        hub = new TeamHub(Duration.ofSeconds(1));
        hub.addListener(outcomes::add);
        stopFollowing = notes.pushChangesTo(hub);
        SashForm sash = new SashForm(shell, SWT.HORIZONTAL);
        Composite a = new Composite(sash, SWT.NONE);
        Composite b = new Composite(sash, SWT.NONE);
        editor = new NoteEditorView(a, catalog, notes, Locale.ENGLISH);
        editor.setHub(hub);
        form = new NoteEditorWidgets(editor, a);
        new HubView(b, hub, notes);
        hubPart = b;
        show();
    }

    @AfterEach
    void close() throws Exception {
        stopFollowing.run();
        Job.getJobManager().cancel(TeamHub.PUSH_FAMILY);
        Job.getJobManager().join(TeamHub.PUSH_FAMILY, null);
    }

    private void saveNew(String title, String body) {
        editor.newNote();
        form.title().setText(title);
        form.body().setText(body);
        assertTrue(editor.save().isPresent(), form.status().getText());
    }

    /** Under the Team hub part's buttons: how the last push went. */
    private Label hubResult() {
        return Widgets.find(hubPart, "hub.result", Label.class);
    }

    private boolean pushing() {
        return Job.getJobManager().find(TeamHub.PUSH_FAMILY).length > 0;
    }

    @Test
    void withoutAHubASaveSendsNothing() throws Exception {
        saveNew("Groepschat", "Ruzie in een groepschat.");
        assertEquals(0, Job.getJobManager().find(TeamHub.PUSH_FAMILY).length, "no push scheduled");
        Thread.sleep(1500);
        flush(display);
        assertEquals(List.of(), outcomes);
        assertNull(Hub.lastError(ws));
    }

    @Test
    void aSaveInAConnectedWorkspaceIsPushedAndAFailureOnlyShowsInTheHubPart() throws Exception {
        HubFixture.connect(hub, ws, HubFixture.passwordFile(dir));
        saveNew("Nieuwe challenge op TikTok", "Jongeren filmen zichzelf bij een gevaarlijke stunt.");
        assertTrue(pushing(), "a push is waiting");
        waitFor(display, () -> hubResult().getText().startsWith("Sending in the background did not work."),
                "the background push to fail: " + hubResult().getText());
        assertTrue(hubResult().getText().contains("cannot be reached"), hubResult().getText());
        assertEquals(1, outcomes.size());
        assertTrue(outcomes.get(0).background());
        assertNotNull(Hub.lastError(ws), "the failure is kept for the status");
        Label lastError = Widgets.find(hubPart, "hub.lastError", Label.class);
        waitFor(display, () -> lastError.getText().contains("cannot be reached"), "the last error in the part");
        assertEquals(1, display.getShells().length, "no dialog");
        assertEquals(1, notes.store().orElseThrow().count(), "the note is still here");
        assertTrue(form.status().getText().startsWith("Saved in"), "the editor only says it was saved: " + form.status().getText());
    }

    @Test
    void anImportAndASaveRightAfterItGoAsOnePush() throws Exception {
        HubFixture.connect(hub, ws, HubFixture.passwordFile(dir));
        Path file = dir.resolve("notes.jsonl");
        Files.writeString(file, """
                {"id": "imp-1", "title": "Groepschat", "body": "Ruzie in een groepschat.", "platforms": ["snapchat"], "observed": "2026-10-02", "lang": "nl"}
                {"id": "imp-2", "title": "Challenge", "body": "Een gevaarlijke stunt.", "platforms": ["tiktok"], "observed": "2026-10-03", "lang": "nl"}
                """);
        ImportJob job = new ImportJob(notes, file, null);
        job.schedule();
        job.join();
        assertEquals(2, job.report().imported(), job.report().details());
        saveNew("Nog een", "Een derde notitie vlak na de import.");
        waitFor(display, () -> !outcomes.isEmpty() && !pushing(), "the push");
        assertEquals(1, outcomes.size(), "one push for the import and the save: " + outcomes);
        assertEquals(3, notes.store().orElseThrow().count());
    }
}
