package org.vindplaats.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vindplaats.ui.tests.TestData.choose;
import static org.vindplaats.ui.tests.TestData.flush;
import static org.vindplaats.ui.tests.TestData.levels;
import static org.vindplaats.ui.tests.TestData.platform;
import static org.vindplaats.ui.tests.TestData.plugin;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vindplaats.catalog.PluginRegistry;
import org.vindplaats.catalog.Settings;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.Feature;
import org.vindplaats.model.Feature.Availability;
import org.vindplaats.model.PolicyStatus;
import org.vindplaats.ui.parts.PlatformsView;

/** Builds the Platforms view in a real SWT shell (Xvfb in CI), types and chooses filters, checks the table. */
class PlatformsViewTest {

    private Display display;
    private Shell shell;

    @BeforeEach
    void open() throws Exception {
        TestData.clearSettings();
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setSize(1200, 700);
    }

    @AfterEach
    void close() throws Exception {
        shell.dispose();
        TestData.clearSettings();
    }

    /** Four platforms whose levels and features make every filter below select a different set. */
    private static PluginRegistry catalog() {
        PluginRegistry c = new PluginRegistry();
        c.put("t", "loc", "1", plugin(platform("tiktok", "TikTok", levels(3, 2, 4, 4, 4, 4, 2),
                Map.of(Feature.DIRECT_MESSAGES, Availability.YES, Feature.DISAPPEARING_MESSAGES, Availability.PARTLY))));
        c.put("s", "loc", "1", plugin(platform("snapchat", "Snapchat", levels(2, 2, 3, 4, 2, 2, 0),
                Map.of(Feature.DISAPPEARING_MESSAGES, Availability.YES), "snap")));
        c.put("d", "loc", "1", plugin(platform("discord", "Discord", levels(2, 4, 3, 3, 2, 2, 3),
                Map.of(Feature.DIRECT_MESSAGES, Availability.YES, Feature.DISAPPEARING_MESSAGES, Availability.NO))));
        c.put("g", "loc", "1", plugin(platform("signal", "Signal", levels(3, 3, 2, 3, 1, 2, 1),
                Map.of(Feature.DISAPPEARING_MESSAGES, Availability.YES))));
        return c;
    }

    @Test
    void listsPlatformsFiltersByNicknameAndFollowsTheCatalog() {
        PluginRegistry catalog = new PluginRegistry();
        catalog.put("a", "loc", "1", plugin(platform("instagram", "Instagram", levels(1, 3, 1, 1, 1, 1, 1), null, "insta")));
        catalog.put("b", "loc", "1", plugin(platform("discord", "Discord", levels(1, 4, 1, 1, 1, 1, 1), null)));
        PlatformsView view = new PlatformsView(shell, catalog, Locale.ENGLISH);
        shell.open();
        flush(display);

        assertEquals(2, view.table().getItemCount());
        assertEquals("Discord", view.table().getItem(0).getText(0), "sorted by name");
        int anonymityColumn = 2 + Affordance.ANONYMITY.ordinal();
        assertTrue(view.table().getItem(0).getText(anonymityColumn).startsWith("4"), view.table().getItem(0).getText(anonymityColumn));
        assertEquals("Anon", view.table().getColumn(anonymityColumn).getText());
        assertTrue(view.table().getColumn(anonymityColumn).getToolTipText().startsWith("Anonymity: "), "the full name in the tooltip");
        assertEquals("4", view.table().getItem(0).getText(anonymityColumn), "the level as a number");

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
        flush(display);
        if (!"insta".equals(view.filter().getText())) {
            view.filter().setText("insta"); // some headless X servers drop synthetic keys
        }
        flush(display);
        assertEquals(List.of("instagram"), view.shownIds());
        assertEquals("1 of 2 platforms", view.status().getText());

        view.filter().setText("");
        catalog.put("c", "loc", "1", plugin(platform("tiktok", "TikTok", levels(1, 1, 1, 1, 1, 1, 1), null)));
        flush(display);
        assertEquals(3, view.table().getItemCount(), "a plugin installed at runtime shows up without restart");
    }

    @Test
    void downInTheFilterChoosesTheFirstMatchAndMovesToTheList() {
        PlatformsView view = new PlatformsView(shell, catalog(), Locale.ENGLISH);
        List<String> chosen = new java.util.ArrayList<>();
        view.onSelect(chosen::add);
        shell.open();
        flush(display);
        view.filter().setText("sig");
        flush(display);
        view.filter().setFocus();
        Event down = new Event();
        down.keyCode = SWT.ARROW_DOWN;
        view.filter().notifyListeners(SWT.KeyDown, down);
        flush(display);
        assertEquals(List.of("signal"), chosen.stream().distinct().toList(), "the first match is chosen, so Ctrl+E can export it");
        assertEquals(0, view.table().getSelectionIndex());
    }

    @Test
    void affordanceRangesNarrowTheList() {
        PlatformsView view = new PlatformsView(shell, catalog(), Locale.ENGLISH);
        shell.open();
        flush(display);
        assertEquals(List.of("discord", "signal", "snapchat", "tiktok"), view.shownIds());

        // "anonymity >= 3"
        choose(view.minCombo(Affordance.ANONYMITY), 3);
        assertEquals(List.of("discord", "signal"), view.shownIds());
        assertEquals("2 of 4 platforms", view.status().getText());

        // ... and "permanence <= 1": only Signal has both.
        choose(view.maxCombo(Affordance.PERMANENCE), 1);
        assertEquals(List.of("signal"), view.shownIds());

        // Raising a minimum above the maximum pulls the maximum along instead of showing nothing silently.
        choose(view.minCombo(Affordance.PERMANENCE), 3);
        assertEquals(3, view.maxCombo(Affordance.PERMANENCE).getSelectionIndex());
        assertEquals(List.of("discord"), view.shownIds());

        view.resetButton().notifyListeners(SWT.Selection, new Event());
        assertEquals(4, view.shownIds().size());
        assertEquals(0, view.minCombo(Affordance.ANONYMITY).getSelectionIndex());
    }

    @Test
    void featureFilterCountsPartlyOnlyWhenAsked() {
        PlatformsView view = new PlatformsView(shell, catalog(), Locale.ENGLISH);
        shell.open();
        flush(display);
        assertFalse(view.partlyCheck().isEnabled(), "'partly' only matters once a feature is chosen");

        choose(view.featureCombo(), Feature.DISAPPEARING_MESSAGES.label(Locale.ENGLISH));
        assertTrue(view.partlyCheck().isEnabled());
        assertEquals(List.of("signal", "snapchat", "tiktok"), view.shownIds(), "yes or partly");

        view.partlyCheck().setSelection(false);
        view.partlyCheck().notifyListeners(SWT.Selection, new Event());
        assertEquals(List.of("signal", "snapchat"), view.shownIds(), "only yes");

        choose(view.featureCombo(), Feature.DIRECT_MESSAGES.label(Locale.ENGLISH));
        assertEquals(List.of("discord", "tiktok"), view.shownIds());
    }

    @Test
    void policyFilterFollowsTheActiveOrganisation() throws Exception {
        PluginRegistry catalog = catalog();
        catalog.put("o", "loc", "1", TestData.plugin(TestData.organisation("stad-test", "Stad Test", PolicyStatus.OBSERVE_ONLY,
                Map.of("tiktok", PolicyStatus.BANNED, "discord", PolicyStatus.ALLOWED))));
        PlatformsView view = new PlatformsView(shell, catalog, Locale.ENGLISH);
        shell.open();
        flush(display);
        assertFalse(view.policyCombo().isEnabled(), "no organisation chosen yet");

        Settings.setActiveOrganisation("stad-test");
        flush(display); // the view hears the preference change and refreshes
        assertTrue(view.policyCombo().isEnabled());
        // The policy colours the platform's name (no column of its own: all seven levels fit a
        // laptop); the status line says what the colours mean.
        assertEquals(2 + Affordance.values().length, view.table().getColumnCount());
        var tiktok = view.table().getItem(view.shownIds().indexOf("tiktok"));
        assertEquals(org.vindplaats.ui.widgets.Palette.bannerBackground(PolicyStatus.BANNED), tiktok.getBackground(0).getRGB());
        var discord = view.table().getItem(view.shownIds().indexOf("discord"));
        assertEquals(org.vindplaats.ui.widgets.Palette.bannerBackground(PolicyStatus.ALLOWED), discord.getBackground(0).getRGB());
        assertTrue(view.status().getText().contains("Name in colour: policy of Stad Test (green: allowed, yellow: observe only, red: not allowed)"),
                view.status().getText());

        choose(view.policyCombo(), PolicyStatus.BANNED.label().get(Locale.ENGLISH));
        assertEquals(List.of("tiktok"), view.shownIds());
        choose(view.policyCombo(), PolicyStatus.OBSERVE_ONLY.label().get(Locale.ENGLISH));
        assertEquals(List.of("signal", "snapchat"), view.shownIds(), "platforms without their own entry get the default");
        choose(view.policyCombo(), PolicyStatus.ALLOWED.label().get(Locale.ENGLISH));
        assertEquals(List.of("discord"), view.shownIds());
    }

    @Test
    void emptyCatalogSaysWhatToDo() {
        PlatformsView view = new PlatformsView(shell, new PluginRegistry(), Locale.ENGLISH);
        assertEquals(0, view.table().getItemCount());
        assertTrue(view.status().getText().contains("plugin install"), view.status().getText());
    }
}
