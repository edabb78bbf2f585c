package org.vindplaats.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jface.resource.JFaceResources;
import org.junit.jupiter.api.Test;

/**
 * The workbench speaks Dutch in JFace's own dialogs too (wizard buttons, Cancel, Yes/No, progress):
 * the org.vindplaats.ui.jface.nl fragment gives JFace its Dutch texts, found as JFace finds its
 * English ones.
 */
class JFaceDutchTest {

    private static final String BUNDLE = "org.eclipse.jface.messages";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+\\}");

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, JFaceResources.class.getClassLoader());
    }

    /** The keys the Dutch file itself defines (not those it falls back to), read as JFace's class loader sees it. */
    private static Set<String> ownKeys() throws IOException {
        Properties p = new Properties();
        try (InputStream in = JFaceResources.class.getClassLoader()
                .getResourceAsStream(BUNDLE.replace('.', '/') + "_nl.properties")) {
            assertNotNull(in, "the fragment's file is on JFace's class path");
            p.load(in);
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    @Test
    void theButtonsAWorkerSeesAreDutch() throws IOException {
        ResourceBundle en = bundle(Locale.ROOT);
        ResourceBundle nl = bundle(Locale.forLanguageTag("nl"));
        assertEquals("nl", nl.getLocale().getLanguage(), "the fragment's Dutch file is found through JFace's class loader");
        for (String key : List.of("cancel", "yes", "no", "backButton", "nextButton", "finish", "close", "showDetails",
                "error", "warning", "question", "info", "MessageDialogWithToggle.defaultToggleMessage",
                "ProgressMonitorDialog.title", "Problem_Occurred")) {
            assertTrue(ownKeys().contains(key), "translated: " + key);
            if (!key.equals("showDetails")) { // "Details" is Dutch too
                assertNotEquals(en.getString(key), nl.getString(key), key);
            }
        }
    }

    @Test
    void everyKeyIsJFacesAndKeepsItsPlaceholders() throws IOException {
        ResourceBundle en = bundle(Locale.ROOT);
        ResourceBundle nl = bundle(Locale.forLanguageTag("nl"));
        List<String> problems = new ArrayList<>();
        for (String key : ownKeys()) {
            if (!en.keySet().contains(key)) {
                problems.add(key + ": not a key of JFace (a typo, or JFace renamed it)");
                continue;
            }
            if (!placeholders(en.getString(key)).equals(placeholders(nl.getString(key)))
                    && !key.startsWith("ExpandableNode.")) { // English's {1} is only the plural s
                problems.add(key + ": placeholders " + placeholders(en.getString(key)) + " became "
                        + placeholders(nl.getString(key)));
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void buttonsOfOneDialogHaveDifferentMnemonics() {
        ResourceBundle nl = bundle(Locale.forLanguageTag("nl"));
        // A wizard: Back, Next, Finish, Cancel (and Help); a question: Yes, No, Yes to all, No to all.
        for (List<String> dialog : List.of(List.of("backButton", "nextButton", "finish", "cancel", "help"),
                List.of("yes", "no", "yestoall", "notoall", "cancel"), List.of("retry", "ignore", "abort"))) {
            Set<Character> seen = new HashSet<>();
            for (String key : dialog) {
                String text = nl.getString(key);
                int amp = text.indexOf('&');
                if (amp >= 0) {
                    char mnemonic = Character.toLowerCase(text.charAt(amp + 1));
                    assertTrue(seen.add(mnemonic), "mnemonic '" + mnemonic + "' twice in " + dialog + ": " + text);
                }
            }
        }
    }

    private static List<String> placeholders(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        out.sort(null);
        return out;
    }
}
