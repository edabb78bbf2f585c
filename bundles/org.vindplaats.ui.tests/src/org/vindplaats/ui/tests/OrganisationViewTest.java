package org.vindplaats.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vindplaats.ui.tests.TestData.choose;
import static org.vindplaats.ui.tests.TestData.flush;
import static org.vindplaats.ui.tests.TestData.levels;
import static org.vindplaats.ui.tests.TestData.platform;
import static org.vindplaats.ui.tests.TestData.plugin;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vindplaats.app.CatalogQueries;
import org.vindplaats.catalog.PluginRegistry;
import org.vindplaats.catalog.Settings;
import org.vindplaats.model.PolicyStatus;
import org.vindplaats.ui.parts.OrganisationView;
import org.vindplaats.ui.parts.PlatformDetailView;
import org.vindplaats.ui.widgets.PolicyBanner;

/** Chooses an organisation and a language in the Beheer view; the preference is saved and the banner follows. */
class OrganisationViewTest {

    private Display display;
    private Shell shell;
    private PluginRegistry catalog;

    @BeforeEach
    void open() throws Exception {
        TestData.clearSettings();
        Settings.setLanguage(null);
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setSize(1300, 800);
        shell.setLayout(new FillLayout());
        catalog = new PluginRegistry();
        catalog.put("t", "loc", "1", plugin(platform("tiktok", "TikTok", levels(3, 2, 4, 4, 4, 4, 2), null)));
        catalog.put("o", "loc", "1", TestData.plugin(TestData.organisation("stad-test", "Stad Test", PolicyStatus.OBSERVE_ONLY,
                Map.of("tiktok", PolicyStatus.BANNED))));
        catalog.put("p", "loc", "1", TestData.plugin(TestData.organisation("org-b", "Buurtwerk B", PolicyStatus.ALLOWED, Map.of())));
    }

    @AfterEach
    void close() throws Exception {
        shell.dispose();
        TestData.clearSettings();
        Settings.setLanguage(null);
    }

    @Test
    void choosingAnOrganisationSavesThePreferenceAndUpdatesTheBanner() throws Exception {
        SashForm sash = new SashForm(shell, SWT.HORIZONTAL);
        Composite left = new Composite(sash, SWT.NONE);
        Composite right = new Composite(sash, SWT.NONE);
        new OrganisationView(left, catalog, Path.of("/tmp/plugins"), Path.of("/tmp/data"), Locale.ENGLISH);
        PlatformDetailView detail = new PlatformDetailView(right, new CatalogQueries(catalog, null), Locale.ENGLISH);
        PolicyBanner banner = Widgets.find(right, "platform.banner", PolicyBanner.class);
        Combo organisations = Widgets.find(left, "org.organisations", Combo.class);
        shell.open();
        detail.show("tiktok");
        flush(display);
        assertNull(banner.status());
        assertEquals(List.of("(none)", "Buurtwerk B", "Stad Test"), List.of(organisations.getItems()));
        assertEquals(0, organisations.getSelectionIndex());

        choose(organisations, "Stad Test");
        flush(display);
        assertEquals(Optional.of("stad-test"), Settings.activeOrganisation());
        assertEquals("stad-test", InstanceScope.INSTANCE.getNode(Settings.NODE).get(Settings.ACTIVE_ORGANISATION, null),
                "stored in the instance preferences the CLI reads");
        assertEquals("Saved: Stad Test is your organisation.", Widgets.find(left, "org.saveStatus", Label.class).getText());
        assertEquals(PolicyStatus.BANNED, banner.status(), "the banner follows at once");
        assertEquals("Stad Test: not allowed on TikTok", banner.titleText());

        List<String> shown = Widgets.texts(Widgets.find(left, "org.details", Composite.class));
        String all = String.join("\n", shown);
        assertTrue(shown.contains("Stad Test"));
        assertTrue(shown.contains("Hours: Mon-Fri 9-5"), "reachability agreements: " + shown);
        assertTrue(all.contains("\u2022 Work account in your own name"), "account rules");
        assertTrue(shown.contains("Awel") && shown.contains("Helpline"), "referral partners");
        assertTrue(shown.contains("18 months"), "retention");
        assertTrue(shown.contains("We say who we are"), "transparency");
        assertTrue(all.contains("\u2022 TikTok: not allowed \u2013 Note on tiktok"), "policy per platform");

        choose(organisations, "Buurtwerk B");
        flush(display);
        assertEquals(PolicyStatus.ALLOWED, banner.status());

        choose(organisations, "(none)");
        flush(display);
        assertEquals(Optional.empty(), Settings.activeOrganisation());
        assertNull(banner.status());
    }

    @Test
    void languageIsSavedForTheNextStart() {
        new OrganisationView(shell, catalog, null, null, Locale.ENGLISH);
        Button english = Widgets.find(shell, "org.english", Button.class);
        Button dutch = Widgets.find(shell, "org.dutch", Button.class);
        Label languageNote = Widgets.find(shell, "org.languageNote", Label.class);
        shell.open();
        flush(display);
        assertTrue(english.getSelection(), "default follows the locale (tests run in English)");

        english.setSelection(false);
        dutch.setSelection(true);
        dutch.notifyListeners(SWT.Selection, new Event());
        assertEquals(Optional.of("nl"), Settings.language());
        assertTrue(languageNote.getText().contains("next time"), languageNote.getText());
    }
}
