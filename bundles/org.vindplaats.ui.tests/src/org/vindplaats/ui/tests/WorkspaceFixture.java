package org.vindplaats.ui.tests;

import java.nio.file.Path;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.catalog.PluginRegistry;
import org.vindplaats.ui.notes.NotesWorkspace;

/**
 * The set-up the note editor, trend notes and team hub tests share: no active organisation, a
 * 1366x768 shell with a FillLayout, and a workspace {@code ws} in the test's temporary folder
 * with TikTok and Snapchat ({@link TestData#tiktokAndSnapchat()}). A test builds its views in
 * {@link #shell} in its own {@code @BeforeEach}, which runs after this one, and then calls
 * {@link #show()}; the shell is disposed and the workspace closed after the test's own
 * {@code @AfterEach}.
 */
abstract class WorkspaceFixture {

    @TempDir
    Path dir;

    Display display;
    Shell shell;
    /** The catalog of the workspace, for the views too. */
    PluginRegistry catalog;
    Path ws;
    NotesWorkspace notes;

    @BeforeEach
    final void openWorkspace() throws Exception {
        TestData.clearSettings();
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setSize(1366, 768);
        shell.setLayout(new FillLayout());
        catalog = TestData.tiktokAndSnapchat();
        ws = dir.resolve("ws");
        notes = NotesWorkspace.open(ws, TestData.notes(catalog));
    }

    /** Opens the shell and runs everything the display has queued. */
    final void show() {
        shell.open();
        TestData.flush(display);
    }

    @AfterEach
    final void closeWorkspace() {
        shell.dispose();
        notes.close();
    }
}
