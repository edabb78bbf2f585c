package org.vindplaats.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vindplaats.ui.tests.TestData.choose;
import static org.vindplaats.ui.tests.TestData.click;
import static org.vindplaats.ui.tests.TestData.flush;
import static org.vindplaats.ui.tests.TestData.plugin;
import static org.vindplaats.ui.tests.TestData.waitFor;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.catalog.PluginRegistry;
import org.vindplaats.catalog.Settings;
import org.vindplaats.model.Need;
import org.vindplaats.model.Polarity;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.Urgency;
import org.vindplaats.notes.NoteBuilder;
import org.vindplaats.notes.NoteStore;
import org.vindplaats.notes.SaveResult;
import org.vindplaats.notes.StoredNote;
import org.vindplaats.notes.Workspace;
import org.vindplaats.app.NoteQuery;
import org.vindplaats.ui.Messages;
import org.vindplaats.ui.notes.NotesWorkspace;
import org.vindplaats.ui.parts.NeedsMapView;
import org.vindplaats.ui.parts.NoteEditorView;
import org.vindplaats.ui.parts.TrendNotesView;
import org.vindplaats.ui.widgets.Heatmap;

/**
 * The Signaleren parts against a real workspace in a temporary folder: write a note, see the
 * privacy warning, save with personal data replaced, find it, see it in the needs map; duty to
 * report on immediate urgency; an edit conflict never overwrites; import as a job.
 */
class SignalViewsTest {

    @TempDir
    Path dir;

    private Display display;
    private Shell shell;
    private PluginRegistry catalog;
    private NotesWorkspace notes;
    private NoteEditorView editor;
    private NoteEditorWidgets form;
    private TrendNotesView search;
    /** The widgets of the Trend notes part. */
    private TrendNotesWidgets trend;
    private NeedsMapView map;
    /** The composite the needs map is built in. */
    private Composite mapPart;

    @BeforeEach
    void open() throws Exception {
        TestData.clearSettings();
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setSize(1600, 1000);
        shell.setLayout(new FillLayout());
        catalog = TestData.tiktokAndSnapchat();
        catalog.put("o", "loc", "1", plugin(TestData.organisationWithDuty("stad-test", "Stad Test")));
        notes = NotesWorkspace.open(dir.resolve("ws"), TestData.notes(catalog));
        assertEquals(null, notes.problem());
    }

    @AfterEach
    void close() throws Exception {
        shell.dispose();
        notes.close();
        TestData.clearSettings();
    }

    private void openAll() {
        SashForm sash = new SashForm(shell, SWT.HORIZONTAL);
        Composite a = new Composite(sash, SWT.NONE);
        Composite b = new Composite(sash, SWT.NONE);
        Composite c = new Composite(sash, SWT.NONE);
        editor = new NoteEditorView(a, catalog, notes, Locale.ENGLISH);
        form = new NoteEditorWidgets(editor, a);
        search = new TrendNotesView(b, catalog, notes, Locale.ENGLISH);
        trend = new TrendNotesWidgets(b);
        map = new NeedsMapView(c, catalog, notes, Locale.ENGLISH);
        mapPart = c;
        map.onOpen(search::show);
        search.onOpen(editor::open);
        shell.open();
        flush(display);
        waitFor(display, () -> search.idle() && map.idle(), "the first search");
    }

    /** Imports {@code file} as the Trend notes part does, and waits for the report the worker reads. */
    private String importAndWait(Path file) {
        assertNotNull(search.importFrom(file));
        waitFor(display, () -> !trend.importReport().getText().isEmpty(), "the import's report");
        return trend.importReport().getText();
    }

    private <T extends org.eclipse.swt.widgets.Control> T mapWidget(String name, Class<T> type) {
        return Widgets.find(mapPart, name, type);
    }

    private Heatmap heatmap() {
        return mapWidget("needs.map", Heatmap.class);
    }

    private void check(String platformId) {
        for (TableItem item : form.platforms().getItems()) {
            if (platformId.equals(item.getData())) {
                item.setChecked(true);
                Event e = new Event();
                e.item = item;
                e.detail = SWT.CHECK;
                form.platforms().notifyListeners(SWT.Selection, e);
                return;
            }
        }
        throw new AssertionError(platformId + " is not in the platform list");
    }

    @Test
    void writeSeePrivacyWarningSaveFindAndSeeInNeedsMap() throws Exception {
        openAll();
        assertEquals(0, trend.table().getItemCount());
        form.title().setText("Roddelaccount over de klasgroep");
        form.body().setText("Een leerling vertelt dat een roddelaccount foto's deelt. Contact: sam.test@example.com of 0470 12 34 56.");
        waitFor(display, () -> form.privacy().getVisible(), "the privacy warning");
        String warning = form.privacyText().getText();
        assertTrue(warning.startsWith("Personal data found. When you save"), warning);
        assertTrue(warning.contains("\"sam.test@example.com\" \u2192 [e-mail]"), warning);
        assertTrue(warning.contains("\"0470 12 34 56\" \u2192 [telefoon]"), warning);

        check("tiktok");
        click(form.need(Need.RELATIONSHIPS));
        click(form.need(Need.IDENTITY));
        choose(form.polarity(), Polarity.RISK.label().get(Locale.ENGLISH));
        click(form.saveButton());

        StoredNote saved = form.saved();
        assertNotNull(saved, form.status().getText());
        String file = Files.readString(saved.file(), StandardCharsets.UTF_8);
        assertTrue(file.contains("[e-mail]") && file.contains("[telefoon]"), file);
        assertFalse(file.contains("sam.test@example.com") || file.contains("0470 12 34 56"), file);
        assertTrue(form.status().getText().contains("Personal data replaced: [e-mail], [telefoon]")
                || form.status().getText().contains("Personal data replaced: [telefoon], [e-mail]"), form.status().getText());
        assertTrue(form.body().getText().contains("[telefoon]"), "the form shows what was saved");
        assertFalse(form.privacy().getVisible(), "nothing left to replace");
        assertEquals(List.of("tiktok"), saved.note().platforms());
        assertTrue(saved.note().isConfirmed(TrendNote.LabelFamily.NEEDS), "labels a worker set are confirmed");

        // Find it: the saved note shows up (the workspace tells the search part), the word in bold.
        trend.search().setText("roddelaccount");
        waitFor(display, () -> search.idle() && trend.table().getItemCount() == 1, "the search hit");
        assertEquals("Roddelaccount over de klasgroep", trend.table().getItem(0).getText(0));
        assertEquals("TikTok", trend.table().getItem(0).getText(2));
        String preview = trend.preview().getText();
        StyleRange[] styles = trend.preview().getStyleRanges();
        assertTrue(Arrays.stream(styles).anyMatch(r -> (r.fontStyle & SWT.BOLD) != 0
                && preview.substring(r.start, r.start + r.length).equalsIgnoreCase("roddelaccount")
                && r.start > "Roddelaccount over de klasgroep".length()), "the word in the text is bold: " + preview);
        assertTrue(Arrays.asList(trend.facet(NoteQuery.PLATFORM).getItems()).contains("TikTok (1)"),
                Arrays.toString(trend.facet(NoteQuery.PLATFORM).getItems()));

        // The needs map counts it under TikTok x relationships; a click opens exactly that cell.
        waitFor(display, () -> map.idle() && map.rowIds().contains("tiktok"), "the needs map");
        Heatmap h = heatmap();
        int row = map.rowIds().indexOf("tiktok");
        assertEquals(1, h.count(row, Need.RELATIONSHIPS.ordinal()));
        assertEquals(0, h.count(row, Need.HEALTH.ordinal()));
        trend.search().setText("");
        waitFor(display, () -> search.idle(), "search reset");
        TestData.clickCell(h, row, Need.RELATIONSHIPS.ordinal());
        waitFor(display, () -> search.idle() && trend.search().getText().equals("platform:tiktok need:relationships"),
                "the cell's notes");
        assertEquals(1, trend.table().getItemCount());

        // Keyboard: right arrow moves from relationships to health, Enter opens that (empty) cell.
        Event right = new Event();
        right.keyCode = SWT.ARROW_RIGHT;
        h.notifyListeners(SWT.KeyDown, right);
        assertEquals(new Point(row, Need.HEALTH.ordinal()), h.focusCell());
        Event enter = new Event();
        enter.character = SWT.CR;
        h.notifyListeners(SWT.KeyDown, enter);
        waitFor(display, () -> search.idle() && trend.search().getText().equals("platform:tiktok need:health"), "keyboard open");
        assertEquals(0, trend.table().getItemCount());

        // Opening a hit puts the note in the editor.
        trend.search().setText("klasgroep");
        waitFor(display, () -> search.idle() && trend.table().getItemCount() == 1, "hit again");
        editor.newNote();
        trend.table().select(0);
        trend.table().notifyListeners(SWT.Selection, new Event());
        click(trend.open());
        assertEquals(NLS.bind(Messages.Editor_editing, saved.id(), saved.revision()), form.heading().getText(),
                "the editor shows the note it opened");
        assertEquals("Roddelaccount over de klasgroep", form.title().getText());
    }

    @Test
    void suggestionsShowTheirReasonAndAreAcceptedWithOneClick() throws Exception {
        openAll();
        editor.setSuggester(new org.vindplaats.app.NoteSuggestions(catalog, p -> {
        }));
        assertTrue(form.suggestionsGroup().getVisible());
        form.title().setText("Pesten in de groepschat op TikTok");
        form.body().setText("Jongeren vertellen dat ze gepest en uitgescholden worden in een groepschat op TikTok."
                + " Iemand dreigt naaktfoto's door te sturen. Ze durven het niet te melden en voelen zich angstig.");
        click(form.suggestButton());
        waitFor(display, editor::suggestionsReady, "the suggestions");
        List<String> lines = form.suggestionLines();
        assertFalse(lines.isEmpty(), form.status().getText());
        int i = java.util.stream.IntStream.range(0, lines.size()).filter(x -> lines.get(x).startsWith("Needs: ")).findFirst()
                .orElseThrow(() -> new AssertionError("a need is suggested: " + lines));
        assertTrue(lines.stream().anyMatch(x -> x.startsWith("Platforms: TikTok (")), "the platform named in the text: " + lines);
        for (String x : lines) {
            // "Family: name (n%): reason"
            assertTrue(x.matches("(?s)[^:]+: .+ \\(\\d+%\\): .*\\S.*"), "every suggestion says why: " + x);
        }
        // The rows: an Accept button, then the label with the reason.
        org.eclipse.swt.widgets.Control[] rows = form.suggestionRows().getChildren();
        assertEquals(2 * lines.size(), rows.length);
        String line = lines.get(i);
        Need n = Arrays.stream(Need.values()).filter(x -> line.startsWith("Needs: " + x.label(Locale.ENGLISH) + " (")).findFirst()
                .orElseThrow(() -> new AssertionError("a need by its name: " + line));
        assertFalse(form.need(n).getSelection());
        click(form.accept(i));
        assertTrue(form.need(n).getSelection(), "one click sets the label");
        assertTrue(form.status().getText().startsWith("Accepted: "), form.status().getText());
        click(form.saveButton());
        assertTrue(form.saved().note().needs().contains(n));
        assertTrue(form.saved().note().isConfirmed(TrendNote.LabelFamily.NEEDS), "accepted labels are confirmed");
    }

    @Test
    void keepingPersonalDataIsADeliberateRecordedChoice() throws Exception {
        openAll();
        form.title().setText("Melding aan politie");
        form.body().setText("Dader gebruikt het nummer 0470 12 34 56.");
        waitFor(display, () -> form.privacy().getVisible(), "the privacy warning");
        click(form.keepPii());
        assertTrue(form.privacyText().getText().startsWith("Personal data found. You chose to keep it"),
                form.privacyText().getText());
        click(form.saveButton());
        String file = Files.readString(form.saved().file(), StandardCharsets.UTF_8);
        assertTrue(file.contains("0470 12 34 56"), file);
        assertTrue(form.saved().note().piiKept());
    }

    @Test
    void immediateUrgencyShowsDutyToReportAndReferralPartners() throws Exception {
        openAll();
        assertFalse(form.urgent().getVisible());
        choose(form.urgency(), Urgency.IMMEDIATE.label().get(Locale.ENGLISH));
        assertTrue(form.urgent().getVisible());
        assertTrue(form.urgentText().getText().contains("No organisation is chosen"), form.urgentText().getText());

        Settings.setActiveOrganisation("stad-test");
        editor.setGuide(MethodViewTest.shippedGuide());
        choose(form.urgency(), Urgency.INFO.label().get(Locale.ENGLISH));
        assertFalse(form.urgent().getVisible(), "nothing to weigh for information");
        choose(form.urgency(), Urgency.IMMEDIATE.label().get(Locale.ENGLISH));
        String text = form.urgentText().getText();
        assertTrue(text.contains("Duty to report at Stad Test:\nCall the coordinator within the hour"), text);
        assertTrue(text.contains("\u2022 Politie-jeugdzorg: For criminal offences (101)"), text);
        assertFalse(text.contains("Huiswerkklas"), "partners for other urgencies are left out: " + text);
        // The handbook's weighing: for immediate danger only the urgency point, with where it comes from.
        assertTrue(text.contains("p. 29-32"), text);
        assertEquals(1, text.lines().filter(l -> l.startsWith("\u2022 Urgentie") || l.startsWith("\u2022 Urgency")).count(), text);
        assertTrue(text.contains("\u2022 Child Focus \u2014 116 000"), "help lines for this urgency: " + text);
        assertFalse(text.contains("Awel"), "a listening line is not for immediate danger: " + text);

        // Concern: all four weighing points, the listening line too; a need ticked puts its line first.
        click(form.need(org.vindplaats.model.Need.HEALTH));
        choose(form.urgency(), Urgency.CONCERN.label().get(Locale.ENGLISH));
        String concern = form.urgentText().getText();
        assertTrue(concern.startsWith(org.vindplaats.ui.Messages.Editor_concern), concern);
        assertTrue(concern.contains("Colleagues and partners") || concern.contains("Collega's en partners"), concern);
        assertTrue(concern.indexOf("\u2022 Awel") < concern.indexOf("\u2022 Child Focus"), concern);
    }

    @Test
    void aHelpLineForThePhenomenonOfTheNoteComesFirst() throws Exception {
        openAll();
        Settings.setActiveOrganisation("stad-test");
        notes.store().orElseThrow().save(org.vindplaats.notes.NoteBuilder.create("sx-1").title("Chantage met foto's")
                .body("Een jongen wordt gedwongen te betalen, anders gaan zijn foto's rond.")
                .needs(java.util.EnumSet.of(org.vindplaats.model.Need.HEALTH)).urgency(Urgency.CONCERN)
                .phenomena(List.of("sextortion")).observed(java.time.LocalDate.of(2026, 11, 2)).build(),
                org.vindplaats.notes.NoteStore.NEW);
        assertTrue(editor.open("sx-1"));
        String text = form.urgentText().getText();
        // Health alone would put the listening line first (see above); the note is about sextortion.
        assertTrue(text.contains("\u2022 Awel") && text.indexOf("\u2022 Child Focus") < text.indexOf("\u2022 Awel"), text);
    }

    @Test
    void anEditConflictIsShownAndNeverOverwrites() throws Exception {
        openAll();
        form.title().setText("Nieuwe game-trend");
        form.body().setText("Eerste versie.");
        click(form.saveButton());
        StoredNote mine = form.saved();
        assertEquals(1, mine.revision());

        // A team mate changes the same note in the shared folder meanwhile.
        try (Workspace other = Workspace.open(dir.resolve("ws"))) {
            TrendNote theirs = NoteBuilder.from(mine.note()).body("Versie van een collega.").build();
            SaveResult r = other.notes().update(other.notes().get(mine.id()).orElseThrow(), theirs);
            assertEquals(2, r.stored().revision());
        }
        form.body().setText("Mijn tweede versie.");
        click(form.saveButton());
        String status = form.status().getText();
        assertTrue(status.startsWith("Not saved, nothing was overwritten."), status);
        assertTrue(status.contains(mine.id()) && status.contains("Reload"), status);
        assertEquals("Mijn tweede versie.", form.body().getText(), "the worker's text stays in the form");
        String file = Files.readString(mine.file(), StandardCharsets.UTF_8);
        assertTrue(file.contains("Versie van een collega.") && !file.contains("Mijn tweede versie."), file);

        click(form.reloadButton());
        assertEquals("Versie van een collega.", form.body().getText());
        assertEquals(NLS.bind(Messages.Editor_editing, mine.id(), 2), form.heading().getText(), "the colleague's version");
        form.body().setText("Samengevoegd.");
        click(form.saveButton());
        assertEquals(3, form.saved().revision(), form.status().getText());
    }

    @Test
    void needsMapByAffordanceWithPeriodAndPolarityFilters() throws Exception {
        NoteStore store = notes.store().orElseThrow();
        store.save(NoteBuilder.create("m1").title("Oud risico").platforms(List.of("tiktok")).needs(java.util.Set.of(Need.HEALTH))
                .affordances(java.util.Set.of(org.vindplaats.model.Affordance.VISIBILITY)).polarity(Polarity.RISK)
                .observed(java.time.LocalDate.of(2025, 1, 10)).build(), NoteStore.NEW);
        store.save(NoteBuilder.create("m2").title("Nieuwe kans").platforms(List.of("tiktok", "snapchat"))
                .needs(java.util.Set.of(Need.HEALTH, Need.TALENT)).affordances(java.util.Set.of(org.vindplaats.model.Affordance.VISIBILITY))
                .polarity(Polarity.OPPORTUNITY).observed(java.time.LocalDate.now().minusMonths(1)).build(), NoteStore.NEW);
        openAll();
        waitFor(display, () -> map.idle() && map.rowIds().size() == 2, "platform rows");
        assertEquals(List.of("tiktok", "snapchat"), map.rowIds(), "busiest platform first");
        assertEquals(2, heatmap().count(0, Need.HEALTH.ordinal()));

        choose(mapWidget("needs.polarity", org.eclipse.swt.widgets.Combo.class), Polarity.RISK.label().get(Locale.ENGLISH));
        waitFor(display, () -> map.idle() && map.rowIds().equals(List.of("tiktok")), "risk only");
        assertEquals(1, heatmap().count(0, Need.HEALTH.ordinal()));
        choose(mapWidget("needs.polarity", org.eclipse.swt.widgets.Combo.class), "(all)");
        choose(mapWidget("needs.period", org.eclipse.swt.widgets.Combo.class), "Last 3 months");
        waitFor(display, () -> map.idle() && map.rowIds().size() == 2 && heatmap().count(0, Need.HEALTH.ordinal()) == 1,
                "the old note drops out");

        choose(mapWidget("needs.mode", org.eclipse.swt.widgets.Combo.class), "Affordances \u00d7 needs");
        waitFor(display, () -> map.idle() && map.rowIds().size() == 7, "affordance rows");
        int visibility = map.rowIds().indexOf("visibility");
        assertEquals(1, heatmap().count(visibility, Need.TALENT.ordinal()));
        assertEquals(0, heatmap().count(map.rowIds().indexOf("anonymity"), Need.TALENT.ordinal()));
        List<NoteQuery> opened = new java.util.ArrayList<>();
        map.onOpen(opened::add);
        TestData.clickCell(heatmap(), visibility, Need.TALENT.ordinal());
        assertEquals(1, opened.size(), "a click on the cell opens its notes");
        NoteQuery q = opened.get(0);
        assertEquals("affordance:visibility need:talent", q.text());
        assertEquals(java.time.LocalDate.now().minusMonths(3), q.from());
    }

    @Test
    void aNewNoteGetsTheOrganisationsRetention() throws Exception {
        openAll();
        Settings.setActiveOrganisation("stad-test");
        form.title().setText("Bewaartermijn");
        form.observed().setText("15-10-2026"); // day first, as Dutch is written
        click(form.saveButton());
        assertEquals(java.time.LocalDate.of(2026, 10, 15), form.saved().note().observed());
        assertEquals(java.time.LocalDate.of(2027, 10, 15), form.saved().note().expires(), "12 months, from the organisation");
    }

    @Test
    void anUnreadableOrFutureObservedDateIsShownAtTheFieldAndNotSaved() throws Exception {
        openAll();
        // A new note starts with today, written as the app writes dates.
        assertEquals(java.time.LocalDate.now().toString(), form.observed().getText());
        assertFalse(form.observedProblem().getVisible());
        form.title().setText("Datum");

        form.observed().setText("31-02-2026");
        assertTrue(form.observedProblem().getVisible(), "the problem shows while typing");
        assertEquals("Observed on: \"31-02-2026\" is not a date. Write the day you saw it as 2026-10-31 or 31-10-2026.",
                form.observedProblem().getText());
        click(form.saveButton());
        assertEquals("Not saved: " + form.observedProblem().getText(), form.status().getText());

        String tomorrow = java.time.LocalDate.now().plusDays(1).toString();
        form.observed().setText(tomorrow);
        assertTrue(form.observedProblem().getText().startsWith("Observed on: " + tomorrow + " is in the future."),
                form.observedProblem().getText());
        assertTrue(form.observedProblem().getVisible(), "a day in the future is no observed date");
        click(form.saveButton());
        assertTrue(form.status().getText().startsWith("Not saved: Observed on: " + tomorrow), form.status().getText());

        form.observed().setText(" ");
        assertTrue(form.observedProblem().getText().startsWith("Observed on: there is no date."),
                form.observedProblem().getText());
        click(form.saveButton());
        assertEquals(0, notes.store().orElseThrow().count(), "nothing saved with a bad date");

        form.observed().setText("2026-3-7");
        assertFalse(form.observedProblem().getVisible(), form.observedProblem().getText());
        click(form.saveButton());
        assertEquals(java.time.LocalDate.of(2026, 3, 7), form.saved().note().observed());
        assertEquals("2026-03-07", form.observed().getText(), "the saved note shows its date the app's way");
    }

    @Test
    void aNoteWithoutTitleIsNotSavedAndSaysWhy() throws Exception {
        openAll();
        form.body().setText("Alleen tekst");
        click(form.saveButton());
        assertTrue(form.status().getText().startsWith("Not saved: the note has no title."), form.status().getText());
        assertEquals(0, notes.store().orElseThrow().count());
    }

    @Test
    void importRunsAsAJobAndReportsWhatHappened() throws Exception {
        openAll();
        Path file = dir.resolve("import.jsonl");
        Files.writeString(file, """
                {"id": "imp-1", "title": "Snap streaks", "body": "Streaks houden, bel 0470 12 34 56", "platforms": ["snapchat"], "needs": ["relationships"], "observed": "2026-10-02"}
                this line is not JSON
                {"id": "imp-2", "title": "TikTok dans", "body": "Nieuwe dans", "platforms": ["tiktok"], "needs": ["talent"], "observed": "2026-11-15"}
                """, StandardCharsets.UTF_8);
        String report = importAndWait(file);
        assertTrue(report.startsWith("Imported 2, updated 0, unchanged 0, duplicates 0, skipped 1."), report);
        assertTrue(report.contains("Personal data replaced by placeholders: 1 ([telefoon] 1)"), report);
        assertTrue(report.contains(file + ":2"), "the skipped line is named with file:line: " + report);
        waitFor(display, () -> search.idle() && trend.table().getItemCount() == 2, "the imported notes in the list");
        waitFor(display, () -> map.idle() && map.rowIds().size() == 2, "the imported notes in the map");

        // Month facet and date range narrow the list.
        choose(trend.facet(NoteQuery.MONTH), "2026-11 (1)");
        waitFor(display, () -> search.idle() && trend.table().getItemCount() == 1, "month facet");
        assertEquals("TikTok dans", trend.table().getItem(0).getText(0));
        click(trend.reset());
        trend.from().setText("2026-10-01");
        trend.to().setText("31-10-2026"); // the filters read day-first dates like the editor
        waitFor(display, () -> search.idle() && trend.table().getItemCount() == 1
                && "Snap streaks".equals(trend.table().getItem(0).getText(0)), "date range");
    }

    @Test
    void similarNotesReplaceTheResultsUntilTheNextSearch() throws Exception {
        openAll();
        Path file = dir.resolve("similar.jsonl");
        Files.writeString(file, """
                {"id": "s-1", "title": "Streaks kwijt", "body": "Jongeren raken in paniek als hun Snapchat streaks dreigen te verlopen en vragen vrienden hun account over te nemen.", "platforms": ["snapchat"], "observed": "2026-10-02"}
                {"id": "s-2", "title": "Streaks bij ziekte", "body": "Tijdens een kamp lieten jongeren hun account aan vrienden over zodat de streaks niet zouden verlopen.", "platforms": ["snapchat"], "observed": "2026-10-05"}
                {"id": "s-3", "title": "Minecraftserver van de klas", "body": "Een klas bouwt samen een stad op een eigen server en oefent zo samenwerken.", "platforms": ["other"], "observed": "2026-10-07"}
                {"id": "s-4", "title": "Voetbalclips", "body": "Filmpjes van doelpunten uit de jeugdploeg worden gedeeld met de ouders.", "platforms": ["youtube"], "observed": "2026-10-09"}
                """, StandardCharsets.UTF_8);
        importAndWait(file);
        trend.searchNow("streaks kwijt");
        waitFor(display, () -> search.idle() && trend.table().getItemCount() >= 1
                && "Streaks kwijt".equals(trend.table().getItem(0).getText(0)), "the note to start from");
        trend.table().select(0);
        trend.table().notifyListeners(SWT.Selection, new Event());
        assertTrue(trend.similar().isEnabled());
        click(trend.similar());
        waitFor(display, () -> search.idle() && trend.status().getText().startsWith("Notes like \u201cStreaks kwijt\u201d:"),
                "the similar notes");
        assertTrue(trend.table().getItemCount() >= 1, trend.status().getText());
        assertEquals("Streaks bij ziekte", trend.table().getItem(0).getText(0), "the note sharing its telling words first");
        for (TableItem item : trend.table().getItems()) {
            assertFalse(item.getText(0).equals("Streaks kwijt"), "the note itself is left out");
        }
        trend.searchNow("doelpunten");
        waitFor(display, () -> search.idle() && trend.table().getItemCount() == 1
                && "Voetbalclips".equals(trend.table().getItem(0).getText(0)), "back to searching");
        assertFalse(trend.status().getText().startsWith("Notes like"), trend.status().getText());
    }

    @Test
    void theWorkspaceFolderIsAPreferenceAndABadFolderSaysWhy() throws Exception {
        openAll();
        org.eclipse.core.runtime.preferences.IEclipsePreferences prefs = org.eclipse.core.runtime.preferences.InstanceScope.INSTANCE
                .getNode(NotesWorkspace.NODE);
        try {
            Path other = dir.resolve("team");
            search.moveWorkspace(other);
            waitFor(display, () -> search.idle() && trend.workspace().getText().equals(other.toString()), "the new folder");
            assertEquals(other.toString(), prefs.get(NotesWorkspace.KEY, null));
            assertEquals(other, NotesWorkspace.preferredLocation(TestData.notes(catalog)));
            assertTrue(Files.isRegularFile(other.resolve("workspace.json")), "an empty folder becomes a workspace");

            Path file = Files.writeString(dir.resolve("not-a-folder.txt"), "x");
            search.moveWorkspace(file);
            waitFor(display, () -> search.idle() && trend.status().getText().startsWith("No trend notes: the workspace could not be opened."),
                    "the problem");
            assertTrue(trend.status().getText().contains(file.toString()), trend.status().getText());
            assertEquals(other.toString(), prefs.get(NotesWorkspace.KEY, null), "a folder that failed is not remembered");
            form.title().setText("x");
            click(form.saveButton());
            assertTrue(form.status().getText().startsWith("Not available: the trend-notes workspace could not be opened."),
                    form.status().getText());
        } finally {
            prefs.remove(NotesWorkspace.KEY);
            prefs.flush();
        }
    }

    @Test
    void theSampleNotesAreImportedOnceIntoAnEmptyWorkspace() throws Exception {
        openAll();
        var job = org.vindplaats.ui.notes.SampleNotes.importIfEmpty(notes, null);
        assertNotNull(job);
        job.join();
        assertEquals(8, job.report().imported(), job.report().details());
        waitFor(display, () -> search.idle() && trend.table().getItemCount() == 8, "the samples in the list");
        for (TableItem item : trend.table().getItems()) {
            assertTrue(item.getText(0).startsWith("[Voorbeeld]") || item.getText(0).startsWith("[Example]"), item.getText(0));
        }
        assertEquals(null, org.vindplaats.ui.notes.SampleNotes.importIfEmpty(notes, null), "not again: the workspace has notes");
        for (String id : notes.store().orElseThrow().ids()) {
            notes.store().orElseThrow().delete(id);
        }
        assertEquals(0, notes.store().orElseThrow().count());
        assertEquals(null, org.vindplaats.ui.notes.SampleNotes.importIfEmpty(notes, null),
                "deleting the samples is final: they are offered once per folder");
    }

    private static String field(String jsonLine, String name) {
        var m = java.util.regex.Pattern.compile("\"" + name + "\": *\"([^\"]*)\"").matcher(jsonLine);
        return m.find() ? m.group(1) : "";
    }

    /** The samples follow the UI language: the same eight invented notes, all Dutch or all English. */
    @Test
    void theSampleNotesAreInTheUiLanguage() throws Exception {
        java.util.Map<String, java.util.List<String>> ids = new java.util.HashMap<>();
        for (Locale locale : java.util.List.of(new Locale("nl"), Locale.ENGLISH)) {
            String prefix = locale.getLanguage().equals("nl") ? "[Voorbeeld] " : "[Example] ";
            java.nio.file.Path file = org.vindplaats.app.SampleNotes.extract(locale);
            java.util.List<String> seen = new java.util.ArrayList<>();
            for (String line : java.nio.file.Files.readAllLines(file)) {
                assertEquals(locale.getLanguage(), field(line, "lang"), line);
                assertTrue(field(line, "title").startsWith(prefix), line);
                seen.add(field(line, "id"));
            }
            ids.put(locale.getLanguage(), seen);
        }
        assertEquals(8, ids.get("nl").size());
        assertEquals(ids.get("nl"), ids.get("en"), "the same notes in both languages");
    }
}
