package org.vindplaats.ui.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * Ctrl+E with "add the team's latest notes" ticked while the workspace cannot be opened wrote a
 * brief without notes and said nothing about it. The worker is now told they are missing, why and
 * what to do.
 */
class ExportBriefMessageTest {

    private static final Path TARGET = Path.of("/home/worker/Documenten/tiktok-brief.html");

    @Test
    void aBriefWithoutTheNotesAskedForSaysWhyAndWhatToDo() {
        String problem = "The folder /media/share/notes cannot be read.";
        String m = ExportBriefHandler.doneMessage(TARGET, true, problem);
        assertTrue(m.startsWith("Saved the orientation brief as " + TARGET + ", without trend notes:"), m);
        assertTrue(m.contains(problem), "says why: " + m);
        assertTrue(m.contains("Change folder"), "says what to do: " + m);
        assertTrue(m.endsWith("export again."), m);
    }

    @Test
    void withoutAProblemTextTheMessageStillReadsWell() {
        String m = ExportBriefHandler.doneMessage(TARGET, true, null);
        assertTrue(m.contains("without trend notes: the trend-notes workspace could not be opened. Choose another folder"), m);
    }

    @Test
    void aBriefAsAskedForOnlySaysWhereItIs() {
        assertEquals("Saved the orientation brief as " + TARGET + ".", ExportBriefHandler.doneMessage(TARGET, false, "ignored"));
    }
}
