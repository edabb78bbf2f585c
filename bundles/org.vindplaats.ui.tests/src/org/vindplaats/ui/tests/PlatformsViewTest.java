package org.vindplaats.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vindplaats.ui.tests.TestData.choose;
import static org.vindplaats.ui.tests.TestData.flush;
import static org.vindplaats.ui.tests.TestData.levels;
import static org.vindplaats.ui.tests.TestData.platform;
import static org.vindplaats.ui.tests.TestData.plugin;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
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

    private <T extends Control> T widget(String name, Class<T> type) {
        return Widgets.find(shell, name, type);
    }

    private Table table() {
        return widget("platforms.table", Table.class);
    }

    private Text filter() {
        return widget("platforms.filter", Text.class);
    }

    private Label status() {
        return widget("platforms.status", Label.class);
    }

    private Combo minCombo(Affordance a) {
        return widget("platforms.min." + a.id(), Combo.class);
    }

    private Combo maxCombo(Affordance a) {
        return widget("platforms.max." + a.id(), Combo.class);
    }

    private Combo featureCombo() {
        return widget("platforms.feature", Combo.class);
    }

    private Button partlyCheck() {
        return widget("platforms.partly", Button.class);
    }

    private Combo policyCombo() {
        return widget("platforms.policy", Combo.class);
    }

    private Button resetButton() {
        return widget("platforms.reset", Button.class);
    }

    /** Ids of the rows shown, top to bottom. */
    private List<String> shownIds() {
        return Arrays.stream(table().getItems()).map(i -> (String) i.getData()).toList();
    }

    @Test
    void listsPlatformsFiltersByNicknameAndFollowsTheCatalog() {
        PluginRegistry catalog = new PluginRegistry();
        catalog.put("a", "loc", "1", plugin(platform("instagram", "Instagram", levels(1, 3, 1, 1, 1, 1, 1), null, "insta")));
        catalog.put("b", "loc", "1", plugin(platform("discord", "Discord", levels(1, 4, 1, 1, 1, 1, 1), null)));
        new PlatformsView(shell, catalog, Locale.ENGLISH);
        shell.open();
        flush(display);

        assertEquals(2, table().getItemCount());
        assertEquals("Discord", table().getItem(0).getText(0), "sorted by name");
        int anonymityColumn = 2 + Affordance.ANONYMITY.ordinal();
        assertTrue(table().getItem(0).getText(anonymityColumn).startsWith("4"), table().getItem(0).getText(anonymityColumn));
        assertEquals("Anon", table().getColumn(anonymityColumn).getText());
        assertTrue(table().getColumn(anonymityColumn).getToolTipText().startsWith("Anonymity: "), "the full name in the tooltip");
        assertEquals("4", table().getItem(0).getText(anonymityColumn), "the level as a number");

        // Type "insta" key by key, as a user would.
        filter().setFocus();
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
        if (!"insta".equals(filter().getText())) {
            filter().setText("insta"); // some headless X servers drop synthetic keys
        }
        flush(display);
        assertEquals(List.of("instagram"), shownIds());
        assertEquals("1 of 2 platforms", status().getText());

        filter().setText("");
        catalog.put("c", "loc", "1", plugin(platform("tiktok", "TikTok", levels(1, 1, 1, 1, 1, 1, 1), null)));
        flush(display);
        assertEquals(3, table().getItemCount(), "a plugin installed at runtime shows up without restart");
    }

    @Test
    void downInTheFilterChoosesTheFirstMatchAndMovesToTheList() {
        PlatformsView view = new PlatformsView(shell, catalog(), Locale.ENGLISH);
        List<String> chosen = new java.util.ArrayList<>();
        view.onSelect(chosen::add);
        shell.open();
        flush(display);
        filter().setText("sig");
        flush(display);
        filter().setFocus();
        Event down = new Event();
        down.keyCode = SWT.ARROW_DOWN;
        filter().notifyListeners(SWT.KeyDown, down);
        flush(display);
        assertEquals(List.of("signal"), chosen.stream().distinct().toList(), "the first match is chosen, so Ctrl+E can export it");
        assertEquals(0, table().getSelectionIndex());
    }

    @Test
    void affordanceRangesNarrowTheList() {
        new PlatformsView(shell, catalog(), Locale.ENGLISH);
        shell.open();
        flush(display);
        assertEquals(List.of("discord", "signal", "snapchat", "tiktok"), shownIds());

        // "anonymity >= 3"
        choose(minCombo(Affordance.ANONYMITY), 3);
        assertEquals(List.of("discord", "signal"), shownIds());
        assertEquals("2 of 4 platforms", status().getText());

        // ... and "permanence <= 1": only Signal has both.
        choose(maxCombo(Affordance.PERMANENCE), 1);
        assertEquals(List.of("signal"), shownIds());

        // Raising a minimum above the maximum pulls the maximum along instead of showing nothing silently.
        choose(minCombo(Affordance.PERMANENCE), 3);
        assertEquals(3, maxCombo(Affordance.PERMANENCE).getSelectionIndex());
        assertEquals(List.of("discord"), shownIds());

        resetButton().notifyListeners(SWT.Selection, new Event());
        assertEquals(4, shownIds().size());
        assertEquals(0, minCombo(Affordance.ANONYMITY).getSelectionIndex());
    }

    @Test
    void featureFilterCountsPartlyOnlyWhenAsked() {
        new PlatformsView(shell, catalog(), Locale.ENGLISH);
        shell.open();
        flush(display);
        assertFalse(partlyCheck().isEnabled(), "'partly' only matters once a feature is chosen");

        choose(featureCombo(), Feature.DISAPPEARING_MESSAGES.label(Locale.ENGLISH));
        assertTrue(partlyCheck().isEnabled());
        assertEquals(List.of("signal", "snapchat", "tiktok"), shownIds(), "yes or partly");

        partlyCheck().setSelection(false);
        partlyCheck().notifyListeners(SWT.Selection, new Event());
        assertEquals(List.of("signal", "snapchat"), shownIds(), "only yes");

        choose(featureCombo(), Feature.DIRECT_MESSAGES.label(Locale.ENGLISH));
        assertEquals(List.of("discord", "tiktok"), shownIds());
    }

    @Test
    void policyFilterFollowsTheActiveOrganisation() throws Exception {
        PluginRegistry catalog = catalog();
        catalog.put("o", "loc", "1", TestData.plugin(TestData.organisation("stad-test", "Stad Test", PolicyStatus.OBSERVE_ONLY,
                Map.of("tiktok", PolicyStatus.BANNED, "discord", PolicyStatus.ALLOWED))));
        new PlatformsView(shell, catalog, Locale.ENGLISH);
        shell.open();
        flush(display);
        assertFalse(policyCombo().isEnabled(), "no organisation chosen yet");

        Settings.setActiveOrganisation("stad-test");
        flush(display); // the view hears the preference change and refreshes
        assertTrue(policyCombo().isEnabled());
        // The policy colours the platform's name (no column of its own: all seven levels fit a
        // laptop); the status line says what the colours mean.
        assertEquals(2 + Affordance.values().length, table().getColumnCount());
        var tiktok = table().getItem(shownIds().indexOf("tiktok"));
        assertEquals(org.vindplaats.ui.widgets.Palette.bannerBackground(PolicyStatus.BANNED), tiktok.getBackground(0).getRGB());
        var discord = table().getItem(shownIds().indexOf("discord"));
        assertEquals(org.vindplaats.ui.widgets.Palette.bannerBackground(PolicyStatus.ALLOWED), discord.getBackground(0).getRGB());
        assertTrue(status().getText().contains("Name in colour: policy of Stad Test (green: allowed, yellow: observe only, red: not allowed)"),
                status().getText());

        choose(policyCombo(), PolicyStatus.BANNED.label().get(Locale.ENGLISH));
        assertEquals(List.of("tiktok"), shownIds());
        choose(policyCombo(), PolicyStatus.OBSERVE_ONLY.label().get(Locale.ENGLISH));
        assertEquals(List.of("signal", "snapchat"), shownIds(), "platforms without their own entry get the default");
        choose(policyCombo(), PolicyStatus.ALLOWED.label().get(Locale.ENGLISH));
        assertEquals(List.of("discord"), shownIds());
    }

    @Test
    void emptyCatalogSaysWhatToDo() {
        new PlatformsView(shell, new PluginRegistry(), Locale.ENGLISH);
        assertEquals(0, table().getItemCount());
        assertTrue(status().getText().contains("plugin install"), status().getText());
    }
}
