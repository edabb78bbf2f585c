package org.vindplaats.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vindplaats.ui.tests.TestData.click;
import static org.vindplaats.ui.tests.TestData.waitFor;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vindplaats.app.TeamHub;
import org.vindplaats.hub.SharedNotes;
import org.vindplaats.ui.parts.NoteEditorView;

/**
 * The note editor's "Share with the knowledge centre" box: only with a team hub, never for a note
 * in which the worker kept personal data; ticking it and saving records the note as shared,
 * unticking and saving withdraws it, and an opened note shows its choice.
 */
class NoteSharingTest extends WorkspaceFixture {

    private TeamHub hub;
    private NoteEditorView editor;
    private NoteEditorWidgets form;

    @BeforeEach
    void open() throws Exception {
        hub = new TeamHub(Duration.ofHours(1)); // no background push in these tests
        editor = new NoteEditorView(shell, catalog, notes, Locale.ENGLISH);
        editor.setHub(hub);
        form = new NoteEditorWidgets(editor, shell);
        show();
    }

    private String saveNew(String title, String body) {
        editor.newNote();
        form.title().setText(title);
        form.body().setText(body);
        assertTrue(editor.save().isPresent(), form.status().getText());
        return form.saved().id();
    }

    private Set<String> shared() throws Exception {
        return SharedNotes.ids(ws);
    }

    @Test
    void withoutAHubTheBoxIsDisabledAndSaysWhy() throws Exception {
        assertFalse(form.share().isEnabled());
        assertFalse(form.share().getSelection());
        assertTrue(form.shareHint().getText().contains("Only through a team hub"), form.shareHint().getText());
        assertTrue(form.shareHint().getText().contains("Team hub"), "says where to connect: " + form.shareHint().getText());
        saveNew("Groepschat", "Ruzie in een groepschat.");
        assertFalse(Files.exists(ws.resolve(SharedNotes.FILE)), "nothing recorded without a hub");
    }

    @Test
    void connectingEnablesTheBoxAndTickingAndSavingRecordsTheNote() throws Exception {
        HubFixture.connect(hub, ws, HubFixture.passwordFile(dir));
        waitFor(display, () -> form.share().isEnabled(), "the box enabled once the workspace is connected");
        assertTrue(form.shareHint().getText().contains("without personal data"), form.shareHint().getText());

        form.title().setText("Nieuwe challenge op TikTok");
        form.body().setText("Jongeren filmen zichzelf bij een gevaarlijke stunt.");
        click(form.share());
        assertTrue(editor.isDirty());
        assertTrue(editor.save().isPresent(), form.status().getText());
        String id = form.saved().id();
        assertEquals(Set.of(id), shared());
        assertTrue(form.status().getText().contains("Shared with the knowledge centre"), form.status().getText());
        assertTrue(form.share().getSelection(), "still ticked after saving");
        assertFalse(editor.isDirty());

        // Another note is not shared; opening the first again shows its choice.
        String other = saveNew("Groepschat", "Ruzie in een groepschat.");
        assertFalse(form.share().getSelection());
        assertEquals(Set.of(id), shared(), "the other note " + other + " is not shared");
        assertTrue(editor.open(id));
        assertTrue(form.share().getSelection(), "an opened shared note shows the box ticked");
        assertFalse(editor.isDirty());

        // Just ticking the box off is a change to save, and saving withdraws the note.
        click(form.share());
        assertTrue(editor.isDirty(), "unticking is unsaved work");
        assertTrue(editor.save().isPresent(), form.status().getText());
        assertEquals(Set.of(), shared());
        assertTrue(form.status().getText().contains("No longer shared"), form.status().getText());
        assertTrue(editor.open(id));
        assertFalse(form.share().getSelection());
    }

    @Test
    void aKnowledgeCentresWorkspaceDoesNotShare() throws Exception {
        org.vindplaats.hub.HubConnection.knowledgeCentre(java.net.URI.create(HubFixture.UNREACHABLE), "kc", "kc-reader",
                HubFixture.passwordFile(dir)).save(ws);
        editor.setHub(hub); // as after a start: the connection is read again
        assertFalse(form.share().isEnabled());
        assertTrue(form.shareHint().getText().contains("A knowledge centre does not share"), form.shareHint().getText());
        saveNew("Groepschat", "Ruzie in een groepschat.");
        assertFalse(Files.exists(ws.resolve(SharedNotes.FILE)));
        assertFalse(hub.sends(ws), "and it sends nothing");
    }

    @Test
    void aNoteWithPersonalDataKeptCannotBeShared() throws Exception {
        HubFixture.connect(hub, ws, HubFixture.passwordFile(dir));
        waitFor(display, () -> form.share().isEnabled(), "the box enabled once the workspace is connected");
        form.title().setText("Melding");
        form.body().setText("Bel 0470 12 34 56 voor het verhaal.");
        click(form.share());
        assertTrue(form.share().getSelection());
        click(form.keepPii());
        assertFalse(form.share().isEnabled(), "personal data kept: the box is off");
        assertFalse(form.share().getSelection());
        assertTrue(form.shareHint().getText().contains("you kept personal data"), form.shareHint().getText());
        assertTrue(editor.save().isPresent(), form.status().getText());
        assertTrue(form.saved().note().piiKept());
        assertEquals(Set.of(), shared());

        // A note shared elsewhere (the command line) and then saved with personal data kept is withdrawn.
        String id = form.saved().id();
        SharedNotes.set(ws, List.of(id), true);
        assertTrue(editor.open(id));
        assertFalse(form.share().getSelection(), "never shown as shared");
        assertFalse(editor.isDirty());
        form.source().setText("teamoverleg");
        assertTrue(editor.save().isPresent(), form.status().getText());
        assertEquals(Set.of(), shared(), "withdrawn on the next save");
    }
}
