package org.vindplaats.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.app.CatalogQueries;
import org.vindplaats.app.OrientationBriefs;
import org.vindplaats.catalog.PluginRegistry;
import org.vindplaats.model.Platform;
import org.vindplaats.model.PolicyStatus;
import org.vindplaats.ui.orientation.OrientationWizard;

/**
 * "Ik ga online op ...": the guided orientation walks through policy, work account, safety settings
 * and orientation questions, and finishes in a brief with what was ticked and noted (personal data
 * removed), clickable sources, features and safety settings.
 */
class OrientationWizardTest {

    @TempDir
    Path dir;

    private Display display;
    private Shell shell;

    @BeforeEach
    void open() {
        display = Display.getDefault();
        shell = new Shell(display);
    }

    @AfterEach
    void close() {
        shell.dispose();
    }

    private static <T extends Control> List<T> find(Control c, Class<T> type) {
        List<T> out = new ArrayList<>();
        if (type.isInstance(c)) {
            out.add(type.cast(c));
        }
        if (c instanceof Composite comp) {
            for (Control child : comp.getChildren()) {
                out.addAll(find(child, type));
            }
        }
        return out;
    }

    @Test
    void walkThroughTickAndFinishInABriefForTheTeam() throws Exception {
        Platform tiktok = TestData.platform("tiktok", "TikTok", TestData.levels(3, 2, 4, 4, 4, 4, 2), null);
        var org = TestData.organisation("stad-test", "Stad Test", PolicyStatus.OBSERVE_ONLY, Map.of("tiktok", PolicyStatus.BANNED));
        Path brief = dir.resolve("tiktok-brief.html");
        OrientationWizard wizard = new OrientationWizard(tiktok, org, MethodViewTest.shippedGuide(), Locale.ENGLISH,
                new OrientationBriefs(new CatalogQueries(new PluginRegistry(), null)), () -> brief);
        WizardDialog dialog = new WizardDialog(shell, wizard);
        dialog.create();
        TestData.flush(display);

        // Page 1: the organisation's policy for this platform.
        String policy = String.join("\n", find(wizard.getPage("policy").getControl(), Label.class).stream().map(Label::getText).toList());
        assertTrue(policy.contains("Stad Test: not allowed on TikTok"), policy);
        assertTrue(policy.contains("Note on tiktok"), policy);
        // Page 2: account rules and the handbook's advice on a work account.
        String account = String.join("\n", find(wizard.getPage("account").getControl(), Label.class).stream().map(Label::getText).toList());
        assertTrue(account.contains("Work account in your own name"), account);
        assertTrue(account.contains("A work account, not a private one"), account);

        // Page 3: tick the one safety setting; page 4: two questions and a note with a phone number.
        Table safety = find(wizard.getPage("safety").getControl(), Table.class).get(0);
        assertEquals(1, safety.getItemCount());
        safety.getItem(0).setChecked(true);
        Table questions = find(wizard.getPage("questions").getControl(), Table.class).get(0);
        assertTrue(questions.getItemCount() > 40, "the platform's own and the handbook's questions");
        questions.getItem(0).setChecked(true);
        questions.getItem(5).setChecked(true);
        String fifth = questions.getItem(5).getText();
        find(wizard.getPage("questions").getControl(), Text.class).get(0)
                .setText("Veel jongeren uit de wijk kijken live. Bel Jan op 0470 12 34 56.");

        assertTrue(wizard.performFinish());
        String html = Files.readString(brief, StandardCharsets.UTF_8);
        assertTrue(html.contains("&#9745; Private account"), "the ticked safety setting");
        assertTrue(html.contains(TestData.esc(fifth)), "a question gone through: " + fifth);
        assertTrue(html.contains("Veel jongeren uit de wijk kijken live."), "the worker's notes");
        assertFalse(html.contains("0470 12 34 56"), "no personal data in a brief");
        assertTrue(html.contains("<a href=\"https://example.org/tiktok/help\">Help centre of TikTok</a>"), "clickable sources");
        assertTrue(html.contains("Safety settings to point out") || html.contains("<h2>"), html);
    }
}
