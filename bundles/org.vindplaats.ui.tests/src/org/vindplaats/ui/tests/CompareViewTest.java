package org.vindplaats.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vindplaats.ui.tests.TestData.flush;
import static org.vindplaats.ui.tests.TestData.levels;
import static org.vindplaats.ui.tests.TestData.platform;
import static org.vindplaats.ui.tests.TestData.plugin;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vindplaats.app.CatalogQueries;
import org.vindplaats.catalog.PluginRegistry;
import org.vindplaats.catalog.Settings;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.PolicyStatus;
import org.vindplaats.ui.parts.CompareView;
import org.vindplaats.ui.widgets.Palette;
import org.vindplaats.ui.widgets.RadarChart;

/** Ticks platforms in the Compare view like a user and checks the matrix, highlights, chart and policy row. */
class CompareViewTest {

    private Display display;
    private Shell shell;
    private PluginRegistry catalog;

    @BeforeEach
    void open() throws Exception {
        TestData.clearSettings();
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setSize(1100, 800);
        shell.setLayout(new FillLayout());
        catalog = new PluginRegistry();
        catalog.put("t", "loc", "1", plugin(platform("tiktok", "TikTok", levels(3, 2, 4, 4, 4, 4, 2), null)));
        catalog.put("d", "loc", "1", plugin(platform("discord", "Discord", levels(2, 4, 3, 3, 2, 2, 3), null)));
        catalog.put("w", "loc", "1", plugin(platform("whatsapp", "WhatsApp", levels(3, 1, 3, 4, 2, 3, 2), null)));
        catalog.put("s", "loc", "1", plugin(platform("snapchat", "Snapchat", levels(2, 2, 3, 4, 2, 2, 0), null)));
        catalog.put("g", "loc", "1", plugin(platform("signal", "Signal", levels(3, 3, 2, 3, 1, 2, 1), null)));
        catalog.put("o", "loc", "1", TestData.plugin(TestData.organisation("stad-test", "Stad Test", PolicyStatus.OBSERVE_ONLY,
                Map.of("tiktok", PolicyStatus.BANNED, "discord", PolicyStatus.ALLOWED))));
    }

    @AfterEach
    void close() throws Exception {
        shell.dispose();
        TestData.clearSettings();
    }

    private <T extends Control> T widget(String name, Class<T> type) {
        return Widgets.find(shell, name, type);
    }

    /** The platforms to tick. */
    private Table choices() {
        return widget("compare.choices", Table.class);
    }

    private Table matrix() {
        return widget("compare.matrix", Table.class);
    }

    private Label hint() {
        return widget("compare.hint", Label.class);
    }

    private RadarChart chart() {
        return widget("compare.chart", RadarChart.class);
    }

    /** The ids of the platforms whose box is ticked. */
    private Set<String> ticked() {
        return Arrays.stream(choices().getItems()).filter(TableItem::getChecked).map(i -> (String) i.getData())
                .collect(Collectors.toSet());
    }

    /** The matrix row of an affordance. */
    private TableItem row(Affordance a) {
        return Arrays.stream(matrix().getItems()).filter(i -> i.getData() == a).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + a));
    }

    /** Whether the row of {@code a} is highlighted as a difference of 2 or more. */
    private boolean isHighlighted(Affordance a) {
        return Palette.HIGHLIGHT.equals(row(a).getBackground(1).getRGB());
    }

    /** The organisation's policy under the matrix: one label per chosen platform. */
    private List<Label> policyLabels() {
        return Arrays.stream(widget("compare.policy", Composite.class).getChildren())
                .filter(c -> c instanceof Label l && l.getData() != null).map(Label.class::cast).toList();
    }

    /** Ticks a platform's box as a click on the check box does: the item flips, then a CHECK selection event. */
    private void tick(String name) {
        for (TableItem item : choices().getItems()) {
            if (item.getText().equals(name)) {
                item.setChecked(!item.getChecked());
                Event e = new Event();
                e.item = item;
                e.detail = SWT.CHECK;
                choices().notifyListeners(SWT.Selection, e);
                flush(display);
                return;
            }
        }
        throw new AssertionError(name + " not in the list");
    }

    @Test
    void twoPlatformsSideBySideWithDifferencesHighlighted() {
        new CompareView(shell, new CatalogQueries(catalog, null), Locale.ENGLISH);
        shell.open();
        flush(display);
        assertEquals(5, choices().getItemCount());
        assertTrue(hint().getText().contains("at least two"), hint().getText());

        tick("TikTok");
        tick("Discord");
        assertEquals(Set.of("tiktok", "discord"), ticked());
        assertEquals("Affordance", matrix().getColumn(0).getText());
        assertEquals("TikTok", matrix().getColumn(1).getText());
        assertEquals("Discord", matrix().getColumn(2).getText());
        assertEquals("Difference", matrix().getColumn(3).getText());
        assertEquals(Affordance.values().length, matrix().getItemCount(), "no organisation: no policy row");

        // anonymity 2 vs 4, visibility 4 vs 2, spreadability 4 vs 2: highlighted. The others differ by 0 or 1.
        TableItem anonymity = row(Affordance.ANONYMITY);
        assertEquals("2", anonymity.getText(1));
        assertEquals("4", anonymity.getText(2));
        assertEquals("2 !", anonymity.getText(3), "the difference is also marked, not only coloured");
        assertTrue(hint().getText().contains("2 moderate") && hint().getText().contains("4 very high"),
                "the legend names the levels: " + hint().getText());
        assertEquals("Discord", matrix().getColumn(2).getToolTipText());
        assertTrue(isHighlighted(Affordance.ANONYMITY));
        assertEquals(Palette.HIGHLIGHT, anonymity.getBackground(2).getRGB());
        assertTrue(isHighlighted(Affordance.VISIBILITY));
        assertTrue(isHighlighted(Affordance.SPREADABILITY));
        assertFalse(isHighlighted(Affordance.ASYNCHRONICITY), "3 vs 2");
        assertFalse(isHighlighted(Affordance.PERMANENCE), "2 vs 3");
        assertEquals("1", row(Affordance.PERMANENCE).getText(3));

        // One chart with both profiles and a legend.
        assertEquals(List.of("TikTok", "Discord"), chart().series().stream().map(s -> s.name()).toList());
        assertEquals(Palette.seriesRgb(1), chart().series().get(1).color());
        assertTrue(chart().describe().contains("Discord: Asynchronicity 2, Anonymity 4"), chart().describe());

        // Unticking one leaves nothing to compare: no highlights.
        tick("Discord");
        assertFalse(isHighlighted(Affordance.ANONYMITY));
    }

    /** Four platforms on a laptop: the Compare part is about half of a 1280 px wide window. */
    @Test
    void fourPlatformsFitHalfALaptopScreen() throws Exception {
        Settings.setActiveOrganisation("stad-test");
        shell.setSize(624, 650);
        new CompareView(shell, new CatalogQueries(catalog, null), new Locale("nl"));
        shell.open();
        flush(display);
        for (String name : List.of("TikTok", "Discord", "WhatsApp", "Snapchat")) {
            tick(name);
        }
        flush(display);
        assertEquals(List.of(), org.vindplaats.ui.LayoutCheck.clipped(shell), "nothing cut off, no horizontal scroll bar");
        assertEquals(6, matrix().getColumnCount(), "affordance, four platforms, difference");
    }

    @Test
    void atMostFourAndThePolicyRow() throws Exception {
        Settings.setActiveOrganisation("stad-test");
        new CompareView(shell, new CatalogQueries(catalog, null), Locale.ENGLISH);
        shell.open();
        flush(display);
        for (String name : List.of("TikTok", "Discord", "WhatsApp", "Snapchat")) {
            tick(name);
        }
        tick("Signal");
        assertEquals(4, ticked().size(), "a fifth platform is refused");
        assertFalse(ticked().contains("signal"));
        assertEquals(6, matrix().getColumnCount(), "affordance, four platforms, difference");
        assertFalse(choices().getItem(1).getChecked(), "Signal's box is unticked again");
        assertEquals("Signal", choices().getItem(1).getText());
        assertTrue(hint().getText().contains("At most 4"), hint().getText());

        // The policy under the matrix, one coloured label per platform in the order ticked.
        assertEquals(Affordance.values().length, matrix().getItemCount(), "the matrix keeps the affordances only");
        List<Label> policy = policyLabels();
        assertEquals(List.of("TikTok: not allowed", "Discord: allowed", "WhatsApp: observe only", "Snapchat: observe only"),
                policy.stream().map(l -> l.getText().strip()).toList());
        assertEquals(Palette.bannerBackground(PolicyStatus.BANNED), policy.get(0).getBackground().getRGB());
        assertEquals(4, chart().series().size());
    }
}
