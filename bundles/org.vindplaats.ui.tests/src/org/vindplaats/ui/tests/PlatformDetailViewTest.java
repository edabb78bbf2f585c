package org.vindplaats.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vindplaats.ui.tests.TestData.flush;
import static org.vindplaats.ui.tests.TestData.levels;
import static org.vindplaats.ui.tests.TestData.platform;
import static org.vindplaats.ui.tests.TestData.plugin;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vindplaats.app.CatalogQueries;
import org.vindplaats.catalog.PluginRegistry;
import org.vindplaats.catalog.Settings;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.Feature;
import org.vindplaats.model.Feature.Availability;
import org.vindplaats.model.LocalizedText;
import org.vindplaats.model.Platform;
import org.vindplaats.model.PolicyStatus;
import org.vindplaats.model.Source;
import org.vindplaats.ui.parts.PlatformDetailView;
import org.vindplaats.ui.parts.PlatformsView;
import org.vindplaats.ui.widgets.Palette;
import org.vindplaats.ui.widgets.PolicyBanner;
import org.vindplaats.ui.widgets.RadarChart;

/** Opens platforms in the detail view in a real shell: chart, policy banner and the texts a worker reads. */
class PlatformDetailViewTest {

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
        catalog.put("t", "loc", "1", plugin(platform("tiktok", "TikTok", levels(3, 2, 4, 4, 4, 4, 2),
                Map.of(Feature.LIVESTREAMS, Availability.YES))));
        catalog.put("d", "loc", "1", plugin(platform("discord", "Discord", levels(2, 4, 3, 3, 2, 2, 3), null)));
        catalog.put("o", "loc", "1", TestData.plugin(TestData.organisation("stad-test", "Stad Test", PolicyStatus.OBSERVE_ONLY,
                Map.of("tiktok", PolicyStatus.BANNED))));
    }

    @AfterEach
    void close() throws Exception {
        shell.dispose();
        TestData.clearSettings();
    }

    private static PolicyBanner banner(Composite root) {
        return Widgets.find(root, "platform.banner", PolicyBanner.class);
    }

    private static RadarChart chart(Composite root) {
        return Widgets.find(root, "platform.chart", RadarChart.class);
    }

    /** All texts shown in the scrolled content (labels and links). */
    private static List<String> texts(Composite root) {
        return Widgets.texts(Widgets.find(root, "platform.content", Composite.class));
    }

    @Test
    void openPlatformShowsChartAndPolicyBanner() throws Exception {
        Settings.setActiveOrganisation("stad-test");
        PlatformDetailView view = new PlatformDetailView(shell, new CatalogQueries(catalog, null), Locale.ENGLISH);
        shell.open();
        flush(display);
        long start = System.nanoTime();
        view.show("tiktok");
        flush(display);
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("PlatformDetailViewTest: showing a platform took " + ms + " ms");
        // Speed is measured (printed above, and in the benchmarks), never asserted: a loaded CI machine is no bug.

        assertEquals("TikTok", Widgets.find(shell, "platform.title", Label.class).getText());
        // Banner: red, "not allowed", with the organisation's note.
        assertTrue(banner(shell).isVisible());
        assertEquals(PolicyStatus.BANNED, banner(shell).status());
        assertEquals("Stad Test: not allowed on TikTok", banner(shell).titleText());
        assertEquals("Note on tiktok", banner(shell).noteText());
        assertEquals(Palette.bannerBackground(PolicyStatus.BANNED), banner(shell).getBackground().getRGB());

        // Chart: visible, with TikTok's levels, and really drawn (the level-4 vertex is in the series colour).
        RadarChart chart = chart(shell);
        assertNotNull(chart);
        assertTrue(chart.isVisible());
        Point size = chart.getSize();
        assertTrue(size.x > 200 && size.y > 200, "chart is given room: " + size);
        assertEquals(1, chart.series().size());
        assertEquals(4, chart.series().get(0).level(Affordance.REACHABILITY));
        assertEquals(2, chart.series().get(0).level(Affordance.ANONYMITY));
        RGB drawn = pixelAt(chart, Affordance.REACHABILITY, 4);
        assertEquals(Palette.seriesRgb(0), drawn, "vertex of reachability 4 is drawn in the series colour");
        RGB empty = pixelAt(chart, Affordance.ANONYMITY, 4);
        assertNotEquals(Palette.seriesRgb(0), empty, "anonymity is 2, so nothing is drawn at its level-4 point");
        assertTrue(chart.describe().contains("Reachability 4"), chart.describe());

        // The same levels as text, for people who do not read charts.
        assertTrue(Widgets.find(shell, "platform.levels", Label.class).getText().contains("Anonymity: 2 \u2013 moderate"), Widgets.find(shell, "platform.levels", Label.class).getText());

        String all = String.join("\n", texts(shell));
        assertTrue(all.contains("Reason anonymity tiktok"), "rationale per affordance");
        assertTrue(all.contains("Facts from plugin t 1.0.0, published by Vindplaats."), "which plugin supplied the facts");
        assertTrue(all.contains("Used for good: Good anonymity"), "positive use");
        assertTrue(all.contains("Used to harm: Bad anonymity"), "negative use");
        assertTrue(all.contains(">Source for anonymity</a> (checked 2026-11-20"), "sources with their check date");
        assertTrue(all.contains(Feature.LIVESTREAMS.label(Locale.ENGLISH) + "\nyes \u2013 note livestreams"), "features");
        assertTrue(all.contains("Minimum age: 13"));
        assertTrue(all.contains("Report through the menu"));
        assertTrue(all.contains("\u2022 Private account"), "safety settings");
        assertTrue(all.contains("Opportunities: Support from peers\nRisks: Pressure to be online"), "opportunities and risks per need");
        assertTrue(all.contains("Look around first"), "guidance per methodical step");
        assertTrue(all.contains("\u2022 Own question about TikTok?"), "the platform's own orientation questions");
        String handbook = Affordance.ANONYMITY.riskQuestions().get(0).get(Locale.ENGLISH);
        assertTrue(all.contains("\u2022 Risk: " + handbook), "the handbook's generic questions per affordance");
        assertTrue(all.contains("\u201cFun but busy\u201d"), "young people's view");
        assertTrue(all.contains("Recorded by: the TikTok plugin"), "where a youth view came from");
        assertTrue(all.contains("Young people's view") && all.contains("Professional view (this plugin)"),
                "youth view side by side with the professional view");
    }

    /** Paints the chart into an image the size of the control and reads the pixel at a vertex. */
    private RGB pixelAt(RadarChart chart, Affordance a, int level) {
        Rectangle area = chart.getClientArea();
        Image image = new Image(display, area.width, area.height);
        GC gc = new GC(image);
        try {
            gc.setFont(chart.getFont());
            chart.paint(gc, new Rectangle(0, 0, area.width, area.height));
        } finally {
            gc.dispose();
        }
        try {
            Point p = chart.vertex(new Rectangle(0, 0, area.width, area.height), a, level);
            ImageData data = image.getImageData();
            return data.palette.getRGB(data.getPixel(p.x, p.y));
        } finally {
            image.dispose();
        }
    }

    @Test
    void helpLinesNoMinimumAgeStaleSourcesAndTheHandbooksQuestions() throws Exception {
        Platform base = platform("roblox", "Roblox", levels(1, 3, 2, 2, 2, 2, 2), null);
        Platform roblox = new Platform(base.id(), base.name(), base.aliases(), base.category(), base.website(), base.summary(),
                new Platform.MinimumAge(0, LocalizedText.of("Geen minimumleeftijd", "No minimum age; parents consent"), null),
                base.features(), base.profile(), base.reportAndBlock(), base.safetySettings(), base.needs(), base.stepGuidance(),
                base.orientationQuestions(), base.youthViews(),
                List.of(new Source("Old help page", "https://example.org/old", java.time.LocalDate.of(2025, 1, 10))));
        catalog.put("r", "loc", "1", plugin(roblox));
        catalog.put("w", "loc", "1", TestData.plugin(TestData.organisationWithDuty("stad-hulp", "Stad Hulp")));
        Settings.setActiveOrganisation("stad-hulp");
        PlatformDetailView view = new PlatformDetailView(shell, new CatalogQueries(catalog, null), Locale.ENGLISH);
        shell.open();
        view.show("roblox");
        flush(display);
        String all = String.join("\n", texts(shell));
        assertTrue(all.contains(org.vindplaats.app.PlatformTexts.age(new org.vindplaats.model.Platform.MinimumAge(0, null, null))),
                "never 0+: " + all);
        assertFalse(all.contains("Minimum age: 0"), all);
        int report = all.indexOf("Report through the menu");
        int help = all.indexOf("Help and reporting points (Stad Hulp)");
        assertTrue(report > 0 && help > report, "help lines follow report and block:\n" + all);
        assertTrue(all.contains("\u2022 Child Focus \u2014 116 000 (phone; day and night): Sextortion and grooming"), all);
        assertTrue(all.contains("(checked 2025-01-10 \u2014 more than 6 months ago, check again)"), "stale source flagged:\n" + all);
        // 19 of the generic questions are the handbook's own, marked as such.
        assertEquals(19, all.lines().filter(l -> l.endsWith("[handbook]")).count(), all);
    }

    @Test
    void bannerShowsEachStatusAndNoOrganisation() throws Exception {
        PlatformDetailView view = new PlatformDetailView(shell, new CatalogQueries(catalog, null), Locale.ENGLISH);
        shell.open();
        view.show("discord");
        flush(display);
        assertNull(banner(shell).status());
        assertEquals("No organisation chosen", banner(shell).titleText());
        assertEquals(Palette.bannerBackground(null), banner(shell).getBackground().getRGB());

        Settings.setActiveOrganisation("stad-test");
        flush(display); // the preference change reaches the view
        assertEquals(PolicyStatus.OBSERVE_ONLY, banner(shell).status(), "discord has no own entry: the default applies");
        assertEquals("Stad Test: observe only on Discord", banner(shell).titleText());
        assertTrue(banner(shell).noteText().contains("do not post"), banner(shell).noteText());
        assertEquals(Palette.bannerBackground(PolicyStatus.OBSERVE_ONLY), banner(shell).getBackground().getRGB());
    }

    @Test
    void selectingInPlatformsUpdatesTheDetail() {
        SashForm sash = new SashForm(shell, SWT.HORIZONTAL);
        Composite left = new Composite(sash, SWT.NONE);
        Composite right = new Composite(sash, SWT.NONE);
        PlatformsView platforms = new PlatformsView(left, catalog, Locale.ENGLISH);
        PlatformDetailView detail = new PlatformDetailView(right, new CatalogQueries(catalog, null), Locale.ENGLISH);
        platforms.onSelect(detail::show); // what the parts do through the application context
        shell.open();
        flush(display);
        assertTrue(Widgets.all(right, "platform.chart").isEmpty(), "nothing chosen yet");
        assertTrue(texts(right).get(0).startsWith("Choose a platform"), texts(right).toString());

        Table list = Widgets.find(left, "platforms.table", Table.class);
        list.setFocus();
        list.setSelection(1); // TikTok (sorted: Discord, TikTok)
        list.notifyListeners(SWT.Selection, new Event());
        flush(display);
        assertEquals("tiktok", detail.platformId());
        assertEquals("TikTok", Widgets.find(right, "platform.title", Label.class).getText());
        assertNotNull(chart(right));

        catalog.remove("t"); // the plugin is removed while shown
        flush(display);
        assertTrue(texts(right).get(0).contains("no longer installed"), texts(right).toString());
    }
}
