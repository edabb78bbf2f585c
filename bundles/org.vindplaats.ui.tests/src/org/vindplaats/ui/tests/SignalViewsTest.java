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
    private TrendNotesView search;
    private NeedsMapView map;

    @BeforeEach
    void open() throws Exception {
        TestData.clearSettings();
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setSize(1600, 1000);
        shell.setLayout(new FillLayout());
        catalog = TestData.tiktokAndSnapchat();
        catalog.put("o", "loc", "1", plugin(TestData.organisationWithDuty("stad-test", "Stad Test")));
        notes = NotesWorkspace.open(dir.resolve("ws"), catalog);
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
        search = new TrendNotesView(b, catalog, notes, Locale.ENGLISH);
        map = new NeedsMapView(c, catalog, notes, Locale.ENGLISH);
        map.onOpen(search::show);
        search.onOpen(editor::open);
        shell.open();
        flush(display);
        waitFor(display, () -> search.idle() && map.idle(), "the first search");
    }

    private void check(String platformId) {
        for (TableItem item : editor.platforms().getItems()) {
            if (platformId.equals(item.getData())) {
                item.setChecked(true);
                Event e = new Event();
                e.item = item;
                e.detail = SWT.CHECK;
                editor.platforms().notifyListeners(SWT.Selection, e);
                return;
            }
        }
        throw new AssertionError(platformId + " is not in the platform list");
    }

    @Test
    void writeSeePrivacyWarningSaveFindAndSeeInNeedsMap() throws Exception {
        openAll();
        assertEquals(0, search.table().getItemCount());
        editor.title().setText("Roddelaccount over de klasgroep");
        editor.body().setText("Een leerling vertelt dat een roddelaccount foto's deelt. Contact: sam.test@example.com of 0470 12 34 56.");
        waitFor(display, () -> editor.privacy().getVisible(), "the privacy warning");
        String warning = editor.privacyText().getText();
        assertTrue(warning.startsWith("Personal data found. When you save"), warning);
        assertTrue(warning.contains("\"sam.test@example.com\" \u2192 [e-mail]"), warning);
        assertTrue(warning.contains("\"0470 12 34 56\" \u2192 [telefoon]"), warning);

        check("tiktok");
        click(editor.need(Need.RELATIONSHIPS));
        click(editor.need(Need.IDENTITY));
        choose(editor.polarity(), Polarity.RISK.label().get(Locale.ENGLISH));
        click(editor.saveButton());

        StoredNote saved = editor.base();
        assertNotNull(saved, editor.status().getText());
        String file = Files.readString(saved.file(), StandardCharsets.UTF_8);
        assertTrue(file.contains("[e-mail]") && file.contains("[telefoon]"), file);
        assertFalse(file.contains("sam.test@example.com") || file.contains("0470 12 34 56"), file);
        assertTrue(editor.status().getText().contains("Personal data replaced: [e-mail], [telefoon]")
                || editor.status().getText().contains("Personal data replaced: [telefoon], [e-mail]"), editor.status().getText());
        assertTrue(editor.body().getText().contains("[telefoon]"), "the form shows what was saved");
        assertFalse(editor.privacy().getVisible(), "nothing left to replace");
        assertEquals(List.of("tiktok"), saved.note().platforms());
        assertTrue(saved.note().isConfirmed(TrendNote.LabelFamily.NEEDS), "labels a worker set are confirmed");

        // Find it: the saved note shows up (the workspace tells the search part), the word in bold.
        search.search().setText("roddelaccount");
        waitFor(display, () -> search.idle() && search.table().getItemCount() == 1, "the search hit");
        assertEquals("Roddelaccount over de klasgroep", search.table().getItem(0).getText(0));
        assertEquals("TikTok", search.table().getItem(0).getText(2));
        String preview = search.preview().getText();
        StyleRange[] styles = search.preview().getStyleRanges();
        assertTrue(Arrays.stream(styles).anyMatch(r -> (r.fontStyle & SWT.BOLD) != 0
                && preview.substring(r.start, r.start + r.length).equalsIgnoreCase("roddelaccount")
                && r.start > "Roddelaccount over de klasgroep".length()), "the word in the text is bold: " + preview);
        assertTrue(Arrays.asList(search.facet(NoteQuery.PLATFORM).getItems()).contains("TikTok (1)"),
                Arrays.toString(search.facet(NoteQuery.PLATFORM).getItems()));

        // The needs map counts it under TikTok x relationships; a click opens exactly that cell.
        waitFor(display, () -> map.idle() && map.rowIds().contains("tiktok"), "the needs map");
        Heatmap h = map.map();
        int row = map.rowIds().indexOf("tiktok");
        assertEquals(1, h.count(row, Need.RELATIONSHIPS.ordinal()));
        assertEquals(0, h.count(row, Need.HEALTH.ordinal()));
        search.search().setText("");
        waitFor(display, () -> search.idle(), "search reset");
        Point centre = h.cellCentre(row, Need.RELATIONSHIPS.ordinal());
        Event click = new Event();
        click.x = centre.x;
        click.y = centre.y;
        click.button = 1;
        h.notifyListeners(SWT.MouseDown, click);
        waitFor(display, () -> search.idle() && search.search().getText().equals("platform:tiktok need:relationships"),
                "the cell's notes");
        assertEquals(1, search.table().getItemCount());

        // Keyboard: right arrow moves from relationships to health, Enter opens that (empty) cell.
        Event right = new Event();
        right.keyCode = SWT.ARROW_RIGHT;
        h.notifyListeners(SWT.KeyDown, right);
        assertEquals(new Point(row, Need.HEALTH.ordinal()), h.focusCell());
        Event enter = new Event();
        enter.character = SWT.CR;
        h.notifyListeners(SWT.KeyDown, enter);
        waitFor(display, () -> search.idle() && search.search().getText().equals("platform:tiktok need:health"), "keyboard open");
        assertEquals(0, search.table().getItemCount());

        // Opening a hit puts the note in the editor.
        search.search().setText("klasgroep");
        waitFor(display, () -> search.idle() && search.table().getItemCount() == 1, "hit again");
        editor.newNote();
        search.table().select(0);
        search.table().notifyListeners(SWT.Selection, new Event());
        click(search.openButton());
        assertEquals(saved.id(), editor.base().id());
        assertEquals("Roddelaccount over de klasgroep", editor.title().getText());
    }

    @Test
    void suggestionsShowTheirReasonAndAreAcceptedWithOneClick() throws Exception {
        openAll();
        editor.setSuggester(new org.vindplaats.app.NoteSuggestions(catalog, p -> {
        }));
        assertTrue(editor.suggestionsGroup().getVisible());
        editor.title().setText("Pesten in de groepschat op TikTok");
        editor.body().setText("Jongeren vertellen dat ze gepest en uitgescholden worden in een groepschat op TikTok."
                + " Iemand dreigt naaktfoto's door te sturen. Ze durven het niet te melden en voelen zich angstig.");
        click(editor.suggestButton());
        waitFor(display, editor::suggestionsReady, "the suggestions");
        var suggestions = editor.suggestions();
        assertFalse(suggestions.isEmpty(), editor.status().getText());
        var need = suggestions.stream().filter(x -> x.family() == TrendNote.LabelFamily.NEEDS).findFirst().orElseThrow(
                () -> new AssertionError("a need is suggested: " + suggestions));
        assertTrue(suggestions.stream().anyMatch(x -> x.family() == TrendNote.LabelFamily.PLATFORMS && x.value().equals("tiktok")),
                "the platform named in the text: " + suggestions);
        for (var x : suggestions) {
            assertFalse(x.explanation().isBlank(), "every suggestion says why: " + x);
        }
        // The rows: an Accept button, then the label with the reason.
        org.eclipse.swt.widgets.Control[] rows = editor.suggestionRows().getChildren();
        assertEquals(2 * suggestions.size(), rows.length);
        int i = suggestions.indexOf(need);
        String line = ((org.eclipse.swt.widgets.Label) rows[2 * i + 1]).getText();
        assertTrue(line.contains(need.explanation()) && line.contains("%"), line);
        org.vindplaats.model.Need n = Arrays.stream(Need.values()).filter(x -> x.id().equals(need.value())).findFirst().orElseThrow();
        assertFalse(editor.need(n).getSelection());
        click((org.eclipse.swt.widgets.Button) rows[2 * i]);
        assertTrue(editor.need(n).getSelection(), "one click sets the label");
        assertTrue(editor.status().getText().startsWith("Accepted: "), editor.status().getText());
        click(editor.saveButton());
        assertTrue(editor.base().note().needs().contains(n));
        assertTrue(editor.base().note().isConfirmed(TrendNote.LabelFamily.NEEDS), "accepted labels are confirmed");
    }

    @Test
    void keepingPersonalDataIsADeliberateRecordedChoice() throws Exception {
        openAll();
        editor.title().setText("Melding aan politie");
        editor.body().setText("Dader gebruikt het nummer 0470 12 34 56.");
        editor.checkPrivacy();
        click(editor.keepPii());
        assertTrue(editor.privacyText().getText().startsWith("Personal data found. You chose to keep it"),
                editor.privacyText().getText());
        click(editor.saveButton());
        String file = Files.readString(editor.base().file(), StandardCharsets.UTF_8);
        assertTrue(file.contains("0470 12 34 56"), file);
        assertTrue(editor.base().note().piiKept());
    }

    @Test
    void immediateUrgencyShowsDutyToReportAndReferralPartners() throws Exception {
        openAll();
        assertFalse(editor.urgent().getVisible());
        choose(editor.urgency(), Urgency.IMMEDIATE.label().get(Locale.ENGLISH));
        assertTrue(editor.urgent().getVisible());
        assertTrue(editor.urgentText().getText().contains("No organisation is chosen"), editor.urgentText().getText());

        Settings.setActiveOrganisation("stad-test");
        editor.setGuide(MethodViewTest.shippedGuide());
        choose(editor.urgency(), Urgency.INFO.label().get(Locale.ENGLISH));
        assertFalse(editor.urgent().getVisible(), "nothing to weigh for information");
        choose(editor.urgency(), Urgency.IMMEDIATE.label().get(Locale.ENGLISH));
        String text = editor.urgentText().getText();
        assertTrue(text.contains("Duty to report at Stad Test:\nCall the coordinator within the hour"), text);
        assertTrue(text.contains("\u2022 Politie-jeugdzorg: For criminal offences (101)"), text);
        assertFalse(text.contains("Huiswerkklas"), "partners for other urgencies are left out: " + text);
        // The handbook's weighing: for immediate danger only the urgency point, with where it comes from.
        assertTrue(text.contains("p. 29-32"), text);
        assertEquals(1, text.lines().filter(l -> l.startsWith("\u2022 Urgentie") || l.startsWith("\u2022 Urgency")).count(), text);
        assertTrue(text.contains("\u2022 Child Focus \u2014 116 000"), "help lines for this urgency: " + text);
        assertFalse(text.contains("Awel"), "a listening line is not for immediate danger: " + text);

        // Concern: all four weighing points, the listening line too; a need ticked puts its line first.
        click(editor.need(org.vindplaats.model.Need.HEALTH));
        choose(editor.urgency(), Urgency.CONCERN.label().get(Locale.ENGLISH));
        String concern = editor.urgentText().getText();
        assertTrue(concern.startsWith(org.vindplaats.ui.Messages.Editor_concern), concern);
        assertTrue(concern.contains("Colleagues and partners") || concern.contains("Collega's en partners"), concern);
        assertTrue(concern.indexOf("\u2022 Awel") < concern.indexOf("\u2022 Child Focus"), concern);
    }

    @Test
    void anEditConflictIsShownAndNeverOverwrites() throws Exception {
        openAll();
        editor.title().setText("Nieuwe game-trend");
        editor.body().setText("Eerste versie.");
        click(editor.saveButton());
        StoredNote mine = editor.base();
        assertEquals(1, mine.revision());

        // A team mate changes the same note in the shared folder meanwhile.
        try (Workspace other = Workspace.open(dir.resolve("ws"))) {
            TrendNote theirs = NoteBuilder.from(mine.note()).body("Versie van een collega.").build();
            SaveResult r = other.notes().update(other.notes().get(mine.id()).orElseThrow(), theirs);
            assertEquals(2, r.stored().revision());
        }
        editor.body().setText("Mijn tweede versie.");
        click(editor.saveButton());
        String status = editor.status().getText();
        assertTrue(status.startsWith("Not saved, nothing was overwritten."), status);
        assertTrue(status.contains(mine.id()) && status.contains("Reload"), status);
        assertEquals("Mijn tweede versie.", editor.body().getText(), "the worker's text stays in the form");
        String file = Files.readString(mine.file(), StandardCharsets.UTF_8);
        assertTrue(file.contains("Versie van een collega.") && !file.contains("Mijn tweede versie."), file);

        click(editor.reloadButton());
        assertEquals("Versie van een collega.", editor.body().getText());
        assertEquals(2, editor.base().revision());
        editor.body().setText("Samengevoegd.");
        click(editor.saveButton());
        assertEquals(3, editor.base().revision(), editor.status().getText());
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
        assertEquals(2, map.map().count(0, Need.HEALTH.ordinal()));

        choose(map.polarity(), Polarity.RISK.label().get(Locale.ENGLISH));
        waitFor(display, () -> map.idle() && map.rowIds().equals(List.of("tiktok")), "risk only");
        assertEquals(1, map.map().count(0, Need.HEALTH.ordinal()));
        choose(map.polarity(), "(all)");
        choose(map.period(), "Last 3 months");
        waitFor(display, () -> map.idle() && map.rowIds().size() == 2 && map.map().count(0, Need.HEALTH.ordinal()) == 1,
                "the old note drops out");

        choose(map.mode(), "Affordances \u00d7 needs");
        waitFor(display, () -> map.idle() && map.rowIds().size() == 7, "affordance rows");
        int visibility = map.rowIds().indexOf("visibility");
        assertEquals(1, map.map().count(visibility, Need.TALENT.ordinal()));
        assertEquals(0, map.map().count(map.rowIds().indexOf("anonymity"), Need.TALENT.ordinal()));
        NoteQuery q = map.cellQuery(visibility, Need.TALENT.ordinal());
        assertEquals("affordance:visibility need:talent", q.text());
        assertEquals(java.time.LocalDate.now().minusMonths(3), q.from());
    }

    @Test
    void aNewNoteGetsTheOrganisationsRetention() throws Exception {
        openAll();
        Settings.setActiveOrganisation("stad-test");
        editor.title().setText("Bewaartermijn");
        editor.observed().setText("15-10-2026"); // day first, as Dutch is written
        click(editor.saveButton());
        assertEquals(java.time.LocalDate.of(2026, 10, 15), editor.base().note().observed());
        assertEquals(java.time.LocalDate.of(2027, 10, 15), editor.base().note().expires(), "12 months, from the organisation");
    }

    @Test
    void anUnreadableOrFutureObservedDateIsShownAtTheFieldAndNotSaved() throws Exception {
        openAll();
        // A new note starts with today, written as the app writes dates.
        assertEquals(java.time.LocalDate.now().toString(), editor.observed().getText());
        assertFalse(editor.observedProblem().getVisible());
        editor.title().setText("Datum");

        editor.observed().setText("31-02-2026");
        assertTrue(editor.observedProblem().getVisible(), "the problem shows while typing");
        assertEquals("Observed on: \"31-02-2026\" is not a date. Write the day you saw it as 2026-10-31 or 31-10-2026.",
                editor.observedProblem().getText());
        click(editor.saveButton());
        assertEquals("Not saved: " + editor.observedProblem().getText(), editor.status().getText());

        String tomorrow = java.time.LocalDate.now().plusDays(1).toString();
        editor.observed().setText(tomorrow);
        assertTrue(editor.observedProblem().getText().startsWith("Observed on: " + tomorrow + " is in the future."),
                editor.observedProblem().getText());
        assertTrue(editor.observedDate().isEmpty());
        click(editor.saveButton());
        assertTrue(editor.status().getText().startsWith("Not saved: Observed on: " + tomorrow), editor.status().getText());

        editor.observed().setText(" ");
        assertTrue(editor.observedProblem().getText().startsWith("Observed on: there is no date."),
                editor.observedProblem().getText());
        click(editor.saveButton());
        assertEquals(0, notes.store().orElseThrow().count(), "nothing saved with a bad date");

        editor.observed().setText("2026-3-7");
        assertFalse(editor.observedProblem().getVisible(), editor.observedProblem().getText());
        click(editor.saveButton());
        assertEquals(java.time.LocalDate.of(2026, 3, 7), editor.base().note().observed());
        assertEquals("2026-03-07", editor.observed().getText(), "the saved note shows its date the app's way");
    }

    @Test
    void aNoteWithoutTitleIsNotSavedAndSaysWhy() throws Exception {
        openAll();
        editor.body().setText("Alleen tekst");
        click(editor.saveButton());
        assertTrue(editor.status().getText().startsWith("Not saved: the note has no title."), editor.status().getText());
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
        assertNotNull(search.importFrom(file));
        waitFor(display, () -> search.importJob() == null, "the import job");
        String report = search.importReport().getText();
        assertTrue(report.startsWith("Imported 2, updated 0, unchanged 0, duplicates 0, skipped 1."), report);
        assertTrue(report.contains("Personal data replaced by placeholders: 1 ([telefoon] 1)"), report);
        assertTrue(report.contains(file + ":2"), "the skipped line is named with file:line: " + report);
        waitFor(display, () -> search.idle() && search.table().getItemCount() == 2, "the imported notes in the list");
        waitFor(display, () -> map.idle() && map.rowIds().size() == 2, "the imported notes in the map");

        // Month facet and date range narrow the list.
        choose(search.facet(NoteQuery.MONTH), "2026-11 (1)");
        waitFor(display, () -> search.idle() && search.table().getItemCount() == 1, "month facet");
        assertEquals("TikTok dans", search.table().getItem(0).getText(0));
        click(search.resetButton());
        search.from().setText("2026-10-01");
        search.to().setText("31-10-2026"); // the filters read day-first dates like the editor
        waitFor(display, () -> search.idle() && search.table().getItemCount() == 1
                && "Snap streaks".equals(search.table().getItem(0).getText(0)), "date range");
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
        assertNotNull(search.importFrom(file));
        waitFor(display, () -> search.importJob() == null, "the import job");
        search.search().setText("streaks kwijt");
        search.searchNow();
        waitFor(display, () -> search.idle() && search.table().getItemCount() >= 1
                && "Streaks kwijt".equals(search.table().getItem(0).getText(0)), "the note to start from");
        search.table().select(0);
        search.table().notifyListeners(SWT.Selection, new Event());
        assertTrue(search.similarButton().isEnabled());
        click(search.similarButton());
        waitFor(display, () -> search.idle() && search.status().getText().startsWith("Notes like \u201cStreaks kwijt\u201d:"),
                "the similar notes");
        assertTrue(search.table().getItemCount() >= 1, search.status().getText());
        assertEquals("Streaks bij ziekte", search.table().getItem(0).getText(0), "the note sharing its telling words first");
        for (TableItem item : search.table().getItems()) {
            assertFalse(item.getText(0).equals("Streaks kwijt"), "the note itself is left out");
        }
        search.search().setText("doelpunten");
        search.searchNow();
        waitFor(display, () -> search.idle() && search.table().getItemCount() == 1
                && "Voetbalclips".equals(search.table().getItem(0).getText(0)), "back to searching");
        assertFalse(search.status().getText().startsWith("Notes like"), search.status().getText());
    }

    @Test
    void theWorkspaceFolderIsAPreferenceAndABadFolderSaysWhy() throws Exception {
        openAll();
        org.eclipse.core.runtime.preferences.IEclipsePreferences prefs = org.eclipse.core.runtime.preferences.InstanceScope.INSTANCE
                .getNode(NotesWorkspace.NODE);
        try {
            Path other = dir.resolve("team");
            search.moveWorkspace(other);
            waitFor(display, () -> search.idle() && search.workspaceLabel().getText().equals(other.toString()), "the new folder");
            assertEquals(other.toString(), prefs.get(NotesWorkspace.KEY, null));
            assertEquals(other, NotesWorkspace.preferredLocation());
            assertTrue(Files.isRegularFile(other.resolve("workspace.json")), "an empty folder becomes a workspace");

            Path file = Files.writeString(dir.resolve("not-a-folder.txt"), "x");
            search.moveWorkspace(file);
            waitFor(display, () -> search.idle() && search.status().getText().startsWith("No trend notes: the workspace could not be opened."),
                    "the problem");
            assertTrue(search.status().getText().contains(file.toString()), search.status().getText());
            assertEquals(other.toString(), prefs.get(NotesWorkspace.KEY, null), "a folder that failed is not remembered");
            editor.title().setText("x");
            click(editor.saveButton());
            assertTrue(editor.status().getText().startsWith("Not available: the trend-notes workspace could not be opened."),
                    editor.status().getText());
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
        waitFor(display, () -> search.idle() && search.table().getItemCount() == 8, "the samples in the list");
        for (TableItem item : search.table().getItems()) {
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
            java.nio.file.Path file = org.vindplaats.ui.notes.SampleNotes.extract(locale);
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
