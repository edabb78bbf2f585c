package org.vindplaats.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.notes.testsupport.TestData;

/** The editor's crash-safe draft: scrubbed like a note, owner-only, never read as a note. */
class DraftsTest {

    @TempDir
    Path dir;

    @Test
    void aDraftIsScrubbedOwnerOnlyAndReadBackButNeverANote() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            Drafts drafts = ws.drafts();
            assertTrue(drafts.read().isEmpty());
            drafts.write(TestData.note("new-1", "Bel Lotte", "Haar nummer is 0470 12 34 56."), NoteStore.NEW);
            String text = Files.readString(drafts.file());
            assertFalse(text.contains("0470"), "a draft holds no more personal data than the note would: " + text);
            assertTrue(text.contains("[telefoon]"), text);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(drafts.file())));
            Drafts.Draft d = drafts.read().orElseThrow();
            assertEquals("Haar nummer is [telefoon].", d.note().body());
            assertEquals(NoteStore.NEW, d.revision());
            assertEquals(0, ws.notes().count(), "a draft is not a note");
            drafts.delete();
            assertTrue(drafts.read().isEmpty());
        }
    }

    @Test
    void personalDataKeptOnPurposeStaysInTheDraftAndTheRevisionIsKept() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            StoredNote stored = ws.notes().save(TestData.note("m-1", "Melding", "Eerste versie."), NoteStore.NEW).stored();
            var kept = NoteBuilder.from(stored.note()).body("Voor de melding: 0470 12 34 56.").piiKept(true).build();
            ws.drafts().write(kept, stored.revision());
            Drafts.Draft d = ws.drafts().read().orElseThrow();
            assertEquals("Voor de melding: 0470 12 34 56.", d.note().body());
            assertEquals(stored.revision(), d.revision());
            assertEquals("m-1", d.note().id());
        }
    }

    @Test
    void aDamagedDraftIsNoDraft() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            Files.createDirectories(ws.drafts().file().getParent());
            Files.write(ws.drafts().file(), new byte[] { (byte) 0xff, (byte) 0xfe, 0 });
            assertTrue(ws.drafts().read().isEmpty());
        }
    }
}
