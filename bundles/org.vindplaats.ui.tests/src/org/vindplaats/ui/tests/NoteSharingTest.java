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

    @BeforeEach
    void open() throws Exception {
        hub = new TeamHub(Duration.ofHours(1)); // no background push in these tests
        editor = new NoteEditorView(shell, catalog, notes, Locale.ENGLISH);
        editor.setHub(hub);
        show();
    }

    private String saveNew(String title, String body) {
        editor.newNote();
        editor.title().setText(title);
        editor.body().setText(body);
        assertTrue(editor.save().isPresent(), editor.status().getText());
        return editor.base().id();
    }

    private Set<String> shared() throws Exception {
        return SharedNotes.ids(ws);
    }

    @Test
    void withoutAHubTheBoxIsDisabledAndSaysWhy() throws Exception {
        assertFalse(editor.share().isEnabled());
        assertFalse(editor.share().getSelection());
        assertTrue(editor.shareHint().getText().contains("Only through a team hub"), editor.shareHint().getText());
        assertTrue(editor.shareHint().getText().contains("Team hub"), "says where to connect: " + editor.shareHint().getText());
        saveNew("Groepschat", "Ruzie in een groepschat.");
        assertFalse(Files.exists(ws.resolve(SharedNotes.FILE)), "nothing recorded without a hub");
    }

    @Test
    void connectingEnablesTheBoxAndTickingAndSavingRecordsTheNote() throws Exception {
        HubFixture.connect(hub, ws, HubFixture.passwordFile(dir));
        waitFor(display, () -> editor.share().isEnabled(), "the box enabled once the workspace is connected");
        assertTrue(editor.shareHint().getText().contains("without personal data"), editor.shareHint().getText());

        editor.title().setText("Nieuwe challenge op TikTok");
        editor.body().setText("Jongeren filmen zichzelf bij een gevaarlijke stunt.");
        click(editor.share());
        assertTrue(editor.isDirty());
        assertTrue(editor.save().isPresent(), editor.status().getText());
        String id = editor.base().id();
        assertEquals(Set.of(id), shared());
        assertTrue(editor.status().getText().contains("Shared with the knowledge centre"), editor.status().getText());
        assertTrue(editor.share().getSelection(), "still ticked after saving");
        assertFalse(editor.isDirty());

        // Another note is not shared; opening the first again shows its choice.
        String other = saveNew("Groepschat", "Ruzie in een groepschat.");
        assertFalse(editor.share().getSelection());
        assertEquals(Set.of(id), shared(), "the other note " + other + " is not shared");
        assertTrue(editor.open(id));
        assertTrue(editor.share().getSelection(), "an opened shared note shows the box ticked");
        assertFalse(editor.isDirty());

        // Just ticking the box off is a change to save, and saving withdraws the note.
        click(editor.share());
        assertTrue(editor.isDirty(), "unticking is unsaved work");
        assertTrue(editor.save().isPresent(), editor.status().getText());
        assertEquals(Set.of(), shared());
        assertTrue(editor.status().getText().contains("No longer shared"), editor.status().getText());
        assertTrue(editor.open(id));
        assertFalse(editor.share().getSelection());
    }

    @Test
    void aKnowledgeCentresWorkspaceDoesNotShare() throws Exception {
        org.vindplaats.hub.HubConnection.knowledgeCentre(java.net.URI.create(HubFixture.UNREACHABLE), "kc", "kc-reader",
                HubFixture.passwordFile(dir)).save(ws);
        editor.setHub(hub); // as after a start: the connection is read again
        assertFalse(editor.share().isEnabled());
        assertTrue(editor.shareHint().getText().contains("A knowledge centre does not share"), editor.shareHint().getText());
        saveNew("Groepschat", "Ruzie in een groepschat.");
        assertFalse(Files.exists(ws.resolve(SharedNotes.FILE)));
        assertFalse(hub.sends(ws), "and it sends nothing");
    }

    @Test
    void aNoteWithPersonalDataKeptCannotBeShared() throws Exception {
        HubFixture.connect(hub, ws, HubFixture.passwordFile(dir));
        waitFor(display, () -> editor.share().isEnabled(), "the box enabled once the workspace is connected");
        editor.title().setText("Melding");
        editor.body().setText("Bel 0470 12 34 56 voor het verhaal.");
        click(editor.share());
        assertTrue(editor.share().getSelection());
        click(editor.keepPii());
        assertFalse(editor.share().isEnabled(), "personal data kept: the box is off");
        assertFalse(editor.share().getSelection());
        assertTrue(editor.shareHint().getText().contains("you kept personal data"), editor.shareHint().getText());
        assertTrue(editor.save().isPresent(), editor.status().getText());
        assertTrue(editor.base().note().piiKept());
        assertEquals(Set.of(), shared());

        // A note shared elsewhere (the command line) and then saved with personal data kept is withdrawn.
        String id = editor.base().id();
        SharedNotes.set(ws, List.of(id), true);
        assertTrue(editor.open(id));
        assertFalse(editor.share().getSelection(), "never shown as shared");
        assertFalse(editor.isDirty());
        editor.source().setText("teamoverleg");
        assertTrue(editor.save().isPresent(), editor.status().getText());
        assertEquals(Set.of(), shared(), "withdrawn on the next save");
    }
}
