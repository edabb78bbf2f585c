package org.vindplaats.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vindplaats.catalog.LoadResult;
import org.vindplaats.catalog.PluginDescriptor;
import org.vindplaats.catalog.PluginRegistry;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.AffordanceProfile;
import org.vindplaats.model.AffordanceScore;
import org.vindplaats.model.Platform;
import org.vindplaats.ui.parts.PlatformsView;

/** Builds the Platforms view in a real SWT shell (Xvfb in CI), types into it and checks the table. */
class PlatformsViewTest {

    private Display display;
    private Shell shell;

    @BeforeEach
    void open() {
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setSize(1200, 600);
    }

    @AfterEach
    void close() {
        shell.dispose();
    }

    private static LoadResult platform(String id, String name, int anonymity, String... aliases) {
        Map<Affordance, AffordanceScore> scores = new EnumMap<>(Affordance.class);
        for (Affordance a : Affordance.values()) {
            scores.put(a, new AffordanceScore(a, a == Affordance.ANONYMITY ? anonymity : 1, null, null, null, null, null));
        }
        Platform p = new Platform(id, name, List.of(aliases), null, null, null, null, null, new AffordanceProfile(scores),
                null, null, null, null, null, null, null);
        return new LoadResult(id, Optional.of(new PluginDescriptor(PluginDescriptor.Kind.PLATFORM, id, "1.0.0", name, null,
                p, null)), List.of());
    }

    private void flush() {
        while (display.readAndDispatch()) {
            // run pending async updates
        }
    }

    @Test
    void listsPlatformsFiltersByNicknameAndFollowsTheCatalog() {
        PluginRegistry catalog = new PluginRegistry();
        catalog.put("a", "loc", "1", platform("instagram", "Instagram", 3, "insta"));
        catalog.put("b", "loc", "1", platform("discord", "Discord", 4));
        PlatformsView view = new PlatformsView(shell, catalog, Locale.ENGLISH);
        shell.open();
        flush();

        assertEquals(2, view.table().getItemCount());
        assertEquals("Discord", view.table().getItem(0).getText(0), "sorted by name");
        int anonymityColumn = 2 + Affordance.ANONYMITY.ordinal();
        assertTrue(view.table().getItem(0).getText(anonymityColumn).startsWith("4"), view.table().getItem(0).getText(anonymityColumn));
        assertEquals("Anonymity", view.table().getColumn(anonymityColumn).getText());

        // Type "insta" key by key, as a user would.
        view.filter().setFocus();
        for (char c : "insta".toCharArray()) {
            Event e = new Event();
            e.character = c;
            e.keyCode = c;
            e.type = SWT.KeyDown;
            display.post(e);
            e.type = SWT.KeyUp;
            display.post(e);
        }
        flush();
        if (!"insta".equals(view.filter().getText())) {
            view.filter().setText("insta"); // some headless X servers drop synthetic keys
        }
        flush();
        assertEquals(1, view.table().getItemCount());
        assertEquals("instagram", view.table().getItem(0).getData());
        assertEquals("1 of 2 platforms", view.status().getText());

        view.filter().setText("");
        catalog.put("c", "loc", "1", platform("tiktok", "TikTok", 3));
        flush();
        assertEquals(3, view.table().getItemCount(), "a plugin installed at runtime shows up without restart");
    }

    @Test
    void emptyCatalogSaysWhatToDo() {
        PlatformsView view = new PlatformsView(shell, new PluginRegistry(), Locale.ENGLISH);
        assertEquals(0, view.table().getItemCount());
        assertTrue(view.status().getText().contains("plugin install"), view.status().getText());
    }
}
