package org.vindplaats.ui.tests;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.vindplaats.catalog.LoadResult;
import org.vindplaats.catalog.PluginDescriptor;
import org.vindplaats.catalog.PluginRegistry;
import org.vindplaats.catalog.Settings;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.AffordanceProfile;
import org.vindplaats.model.AffordanceScore;
import org.vindplaats.model.Confidence;
import org.vindplaats.model.Feature;
import org.vindplaats.model.LocalizedText;
import org.vindplaats.model.MethodStep;
import org.vindplaats.model.Need;
import org.vindplaats.model.Organisation;
import org.vindplaats.model.Platform;
import org.vindplaats.model.PolicyStatus;
import org.vindplaats.model.Source;
import org.vindplaats.testing.TestFiles;

/** Small platforms and organisations for the UI tests, and helpers to drive SWT like a user. */
final class TestData {

    private TestData() {
    }

    /** Levels in handbook order: asynchronicity, anonymity, reachability, accessibility, visibility, spreadability, permanence. */
    static Platform platform(String id, String name, int[] levels, Map<Feature, Feature.Availability> features,
            String... aliases) {
        Map<Affordance, AffordanceScore> scores = new EnumMap<>(Affordance.class);
        for (Affordance a : Affordance.values()) {
            scores.put(a, new AffordanceScore(a, levels[a.ordinal()], Confidence.MEDIUM,
                    LocalizedText.of("Reden " + a.id() + " " + id, "Reason " + a.id() + " " + id),
                    LocalizedText.of("Goed " + a.id(), "Good " + a.id()), LocalizedText.of("Slecht " + a.id(), "Bad " + a.id()),
                    List.of(new Source("Source for " + a.id(), "https://example.org/" + id + "/" + a.id(),
                            LocalDate.of(2026, 11, 20)))));
        }
        Map<Feature, Platform.FeatureValue> fv = new EnumMap<>(Feature.class);
        if (features != null) {
            features.forEach((f, v) -> fv.put(f, new Platform.FeatureValue(v, LocalizedText.of("noot", "note " + f.id()))));
        }
        return new Platform(id, name, List.of(aliases), "social_network", "https://example.org/" + id,
                LocalizedText.of("Samenvatting " + name, "Summary of " + name),
                new Platform.MinimumAge(13, LocalizedText.of("Leeftijd", "Age note"), null), fv, new AffordanceProfile(scores),
                LocalizedText.of("Melden via het menu", "Report through the menu"),
                List.of(LocalizedText.of("Privé account", "Private account")),
                Map.of(Need.HEALTH, new Platform.NeedOutlook(LocalizedText.of("Steun", "Support from peers"),
                        LocalizedText.of("Druk", "Pressure to be online"))),
                Map.of(MethodStep.ORIENT, LocalizedText.of("Kijk rond", "Look around first")),
                List.of(LocalizedText.of("Eigen vraag over " + name + "?", "Own question about " + name + "?")),
                List.of(new Platform.YouthView(LocalizedText.of("jongeren 14-16", "young people 14-16"), "2026-10",
                        LocalizedText.of("poll", "poll"), LocalizedText.of("Leuk maar druk", "Fun but busy"))),
                List.of(new Source("Help centre of " + name, "https://example.org/" + id + "/help", LocalDate.of(2026, 11, 1))));
    }

    static LoadResult plugin(Platform p) {
        return new LoadResult(p.id(), Optional.of(new PluginDescriptor(PluginDescriptor.Kind.PLATFORM, p.id(), "1.0.0",
                p.name(), null, p, null)), List.of());
    }

    static LoadResult plugin(Organisation o) {
        return new LoadResult(o.id(), Optional.of(new PluginDescriptor(PluginDescriptor.Kind.ORGANISATION, o.id(), "1.0.0",
                o.name(), null, null, o)), List.of());
    }

    static Organisation organisation(String id, String name, PolicyStatus defaultPolicy, Map<String, PolicyStatus> policies) {
        Map<String, Organisation.PlatformPolicy> pp = new HashMap<>();
        policies.forEach((k, v) -> pp.put(k, new Organisation.PlatformPolicy(v, LocalizedText.of("Noot " + k, "Note on " + k))));
        return new Organisation(id, name, Organisation.Type.CITY, "Vlaanderen", LocalizedText.of("Een stad", "A city"),
                defaultPolicy, pp, List.of(LocalizedText.of("Werkaccount op naam", "Work account in your own name")),
                new Organisation.Reachability(LocalizedText.of("ma-vr 9-17", "Mon-Fri 9-5"), null, LocalizedText.of("1 dag", "1 day")),
                List.of(new Organisation.ReferralPartner("Awel", LocalizedText.of("Luisterlijn", "Helpline"), null, null,
                        "chat", "Vlaanderen", "102")),
                18, Map.of(), LocalizedText.of("We zeggen wie we zijn", "We say who we are"), Map.of());
    }

    /** An organisation with a duty to report for immediate urgency and a partner for it. */
    static Organisation organisationWithDuty(String id, String name) {
        return new Organisation(id, name, Organisation.Type.CITY, "Vlaanderen", LocalizedText.of("Een stad", "A city"),
                PolicyStatus.ALLOWED, Map.of(), List.of(), null,
                List.of(new Organisation.ReferralPartner("Politie-jeugdzorg",
                        LocalizedText.of("Bij strafbare feiten", "For criminal offences"), null,
                        java.util.Set.of(org.vindplaats.model.Urgency.IMMEDIATE), "phone", "Gent", "101"),
                        new Organisation.ReferralPartner("Huiswerkklas", LocalizedText.of("Studie", "Homework help"), null,
                                java.util.Set.of(org.vindplaats.model.Urgency.INFO), null, null, null)),
                12, Map.of(org.vindplaats.model.Urgency.IMMEDIATE,
                        LocalizedText.of("Bel de coordinator binnen het uur", "Call the coordinator within the hour")),
                LocalizedText.of("", ""), Map.of(), List.of(
                        new Organisation.HelpLine("Child Focus", "116 000", List.of("phone"), LocalizedText.of("dag en nacht", "day and night"),
                                LocalizedText.of("Sextortion en grooming", "Sextortion and grooming"),
                                java.util.Set.of(org.vindplaats.model.Urgency.IMMEDIATE, org.vindplaats.model.Urgency.CONCERN),
                                List.of("sextortion"), java.util.Set.of(org.vindplaats.model.Need.PRIVACY_SAFETY), null, null),
                        new Organisation.HelpLine("Awel", "102", List.of("phone", "chat"), null,
                                LocalizedText.of("Luisterlijn", "Listening line"), java.util.Set.of(org.vindplaats.model.Urgency.CONCERN),
                                List.of(), java.util.Set.of(org.vindplaats.model.Need.HEALTH), null, null)),
                List.of());
    }

    /**
     * Flushes the display until {@code condition} holds; fails after a minute. The minute is a
     * ceiling for a CI machine busy with other work (the first suggestions train models), not a
     * check of speed: that is measured in the benchmarks. How long it took is printed.
     */
    static void waitFor(Display display, java.util.function.BooleanSupplier condition, String what) {
        long start = System.nanoTime();
        long deadline = start + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (ms > 2000) {
            System.out.println("waited " + ms + " ms for " + what);
        }
        flush(display);
    }

    /** Clicks a push button or toggles a check box the way a user's click arrives. */
    static void click(org.eclipse.swt.widgets.Button button) {
        if ((button.getStyle() & (SWT.CHECK | SWT.RADIO | SWT.TOGGLE)) != 0) {
            button.setSelection(!button.getSelection());
        }
        button.notifyListeners(SWT.Selection, new Event());
    }

    /** Clicks the middle of a heat map's cell, as the first mouse button does. */
    static void clickCell(org.vindplaats.ui.widgets.Heatmap map, int row, int column) {
        org.eclipse.swt.graphics.Point centre = map.cellCentre(row, column);
        Event click = new Event();
        click.x = centre.x;
        click.y = centre.y;
        click.button = 1;
        map.notifyListeners(SWT.MouseDown, click);
    }

    static int[] levels(int... l) {
        return l;
    }

    /** Runs everything the display has queued (async updates, paints). */
    static void flush(Display display) {
        while (display.readAndDispatch()) {
            // keep going
        }
    }

    /** Chooses an item of a read-only combo the way a user's choice arrives: select, then a Selection event. */
    static void choose(Combo combo, int index) {
        combo.select(index);
        combo.notifyListeners(SWT.Selection, new Event());
    }

    static void choose(Combo combo, String text) {
        int i = combo.indexOf(text);
        if (i < 0) {
            throw new AssertionError("'" + text + "' is not in " + List.of(combo.getItems()));
        }
        choose(combo, i);
    }

    /** A catalog with TikTok and Snapchat (nickname "snap"), the two platforms the notes tests write about. */
    static PluginRegistry tiktokAndSnapchat() {
        PluginRegistry catalog = new PluginRegistry();
        catalog.put("t", "loc", "1", plugin(platform("tiktok", "TikTok", levels(3, 2, 4, 4, 4, 4, 2), null)));
        catalog.put("s", "loc", "1", plugin(platform("snapchat", "Snapchat", levels(1, 2, 3, 3, 2, 2, 0), null, "snap")));
        return catalog;
    }

    static void clearSettings() throws Exception {
        Settings.setActiveOrganisation(null);
    }

    /** Copies fixtures/{@code folder} of this test fragment to {@code target}. */
    static Path fixture(String folder, Path target) throws IOException {
        return TestFiles.copy("org.vindplaats.ui.tests", "fixtures/" + folder, target);
    }

    /** Text as the brief escapes it for HTML. */
    static String esc(String s) {
        return org.vindplaats.app.BriefWriter.esc(s);
    }

    /** The application layer's workspaces service over a catalog of a test's own. */
    static org.vindplaats.app.NotesService notes(org.vindplaats.catalog.Catalog catalog) {
        return new org.vindplaats.app.NotesService(new org.vindplaats.app.CatalogQueries(catalog, null));
    }
}
