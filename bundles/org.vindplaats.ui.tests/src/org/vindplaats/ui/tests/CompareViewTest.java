package org.vindplaats.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vindplaats.ui.tests.TestData.flush;
import static org.vindplaats.ui.tests.TestData.levels;
import static org.vindplaats.ui.tests.TestData.platform;
import static org.vindplaats.ui.tests.TestData.plugin;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vindplaats.catalog.PluginRegistry;
import org.vindplaats.catalog.Settings;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.PolicyStatus;
import org.vindplaats.ui.parts.CompareView;
import org.vindplaats.ui.widgets.Palette;

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

    /** Ticks a platform's box as a click on the check box does: the item flips, then a CHECK selection event. */
    private void tick(CompareView view, String name) {
        for (TableItem item : view.choices().getItems()) {
            if (item.getText().equals(name)) {
                item.setChecked(!item.getChecked());
                Event e = new Event();
                e.item = item;
                e.detail = SWT.CHECK;
                view.choices().notifyListeners(SWT.Selection, e);
                flush(display);
                return;
            }
        }
        throw new AssertionError(name + " not in the list");
    }

    @Test
    void twoPlatformsSideBySideWithDifferencesHighlighted() {
        CompareView view = new CompareView(shell, catalog, Locale.ENGLISH);
        shell.open();
        flush(display);
        assertEquals(5, view.choices().getItemCount());
        assertTrue(view.hint().getText().contains("at least two"), view.hint().getText());

        tick(view, "TikTok");
        tick(view, "Discord");
        assertEquals(List.of("tiktok", "discord"), view.checkedIds());
        assertEquals("Affordance", view.matrix().getColumn(0).getText());
        assertEquals("TikTok", view.matrix().getColumn(1).getText());
        assertEquals("Discord", view.matrix().getColumn(2).getText());
        assertEquals("Difference", view.matrix().getColumn(3).getText());
        assertEquals(Affordance.values().length, view.matrix().getItemCount(), "no organisation: no policy row");

        // anonymity 2 vs 4, visibility 4 vs 2, spreadability 4 vs 2: highlighted. The others differ by 0 or 1.
        TableItem anonymity = view.row(Affordance.ANONYMITY);
        assertEquals("2", anonymity.getText(1));
        assertEquals("4", anonymity.getText(2));
        assertEquals("2 !", anonymity.getText(3), "the difference is also marked, not only coloured");
        assertTrue(view.hint().getText().contains("2 moderate") && view.hint().getText().contains("4 very high"),
                "the legend names the levels: " + view.hint().getText());
        assertEquals("Discord", view.matrix().getColumn(2).getToolTipText());
        assertTrue(view.isHighlighted(Affordance.ANONYMITY));
        assertEquals(Palette.HIGHLIGHT, anonymity.getBackground(2).getRGB());
        assertTrue(view.isHighlighted(Affordance.VISIBILITY));
        assertTrue(view.isHighlighted(Affordance.SPREADABILITY));
        assertFalse(view.isHighlighted(Affordance.ASYNCHRONICITY), "3 vs 2");
        assertFalse(view.isHighlighted(Affordance.PERMANENCE), "2 vs 3");
        assertEquals("1", view.row(Affordance.PERMANENCE).getText(3));

        // One chart with both profiles and a legend.
        assertEquals(List.of("TikTok", "Discord"), view.chart().series().stream().map(s -> s.name()).toList());
        assertEquals(Palette.seriesRgb(1), view.chart().series().get(1).color());
        assertTrue(view.chart().describe().contains("Discord: Asynchronicity 2, Anonymity 4"), view.chart().describe());

        // Unticking one leaves nothing to compare: no highlights.
        tick(view, "Discord");
        assertFalse(view.isHighlighted(Affordance.ANONYMITY));
    }

    /** Four platforms on a laptop: the Compare part is about half of a 1280 px wide window. */
    @Test
    void fourPlatformsFitHalfALaptopScreen() throws Exception {
        Settings.setActiveOrganisation("stad-test");
        shell.setSize(624, 650);
        CompareView view = new CompareView(shell, catalog, new Locale("nl"));
        shell.open();
        flush(display);
        for (String name : List.of("TikTok", "Discord", "WhatsApp", "Snapchat")) {
            tick(view, name);
        }
        flush(display);
        assertEquals(List.of(), org.vindplaats.ui.LayoutCheck.clipped(shell), "nothing cut off, no horizontal scroll bar");
        assertEquals(6, view.matrix().getColumnCount(), "affordance, four platforms, difference");
    }

    @Test
    void atMostFourAndThePolicyRow() throws Exception {
        Settings.setActiveOrganisation("stad-test");
        CompareView view = new CompareView(shell, catalog, Locale.ENGLISH);
        shell.open();
        flush(display);
        for (String name : List.of("TikTok", "Discord", "WhatsApp", "Snapchat")) {
            tick(view, name);
        }
        tick(view, "Signal");
        assertEquals(4, view.checkedIds().size(), "a fifth platform is refused");
        assertFalse(view.checkedIds().contains("signal"));
        assertFalse(view.choices().getItem(1).getChecked(), "Signal's box is unticked again");
        assertEquals("Signal", view.choices().getItem(1).getText());
        assertTrue(view.hint().getText().contains("At most 4"), view.hint().getText());

        // The policy under the matrix, one coloured label per platform in the order ticked.
        assertEquals(Affordance.values().length, view.matrix().getItemCount(), "the matrix keeps the affordances only");
        List<org.eclipse.swt.widgets.Label> policy = view.policyLabels();
        assertEquals(List.of("TikTok: not allowed", "Discord: allowed", "WhatsApp: observe only", "Snapchat: observe only"),
                policy.stream().map(l -> l.getText().strip()).toList());
        assertEquals(Palette.bannerBackground(PolicyStatus.BANNED), policy.get(0).getBackground().getRGB());
        assertEquals(4, view.chart().series().size());
    }
}
