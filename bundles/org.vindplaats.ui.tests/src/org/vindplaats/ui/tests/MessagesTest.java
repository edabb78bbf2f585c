package org.vindplaats.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.vindplaats.ui.Messages;
import org.vindplaats.ui.widgets.Ui;

/** Every text exists in English and Dutch, files are pure ASCII (NLS reads ISO-8859-1), and the model labels too. */
class MessagesTest {

    private static Properties load(String path) throws IOException {
        URL url = FrameworkUtil.getBundle(Messages.class).getEntry(path);
        if (url == null) {
            url = Messages.class.getResource("/" + path);
        }
        Properties p = new Properties();
        try (InputStream in = url.openStream()) {
            byte[] bytes = in.readAllBytes();
            for (byte b : bytes) {
                assertTrue(b >= 0, path + " must be ASCII; escape other characters as \\uXXXX");
            }
            p.load(new java.io.ByteArrayInputStream(bytes));
        }
        return p;
    }

    @Test
    void englishAndDutchHaveTheSameKeysAsTheMessagesClass() throws IOException {
        Set<String> fields = new TreeSet<>();
        for (Field f : Messages.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                fields.add(f.getName());
            }
        }
        Properties en = load("org/vindplaats/ui/messages.properties");
        Properties nl = load("org/vindplaats/ui/messages_nl.properties");
        assertEquals(fields, new TreeSet<>(en.stringPropertyNames()));
        assertEquals(fields, new TreeSet<>(nl.stringPropertyNames()));
        for (String k : fields) {
            assertTrue(!nl.getProperty(k).isBlank(), k);
        }
    }

    @Test
    void modelLabelsExistInBothLanguages() throws IOException {
        Properties en = load("OSGI-INF/l10n/bundle.properties");
        Properties nl = load("OSGI-INF/l10n/bundle_nl.properties");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(nl.stringPropertyNames()));
        assertEquals("&Bestand", nl.getProperty("menu.file"));
    }

    @Test
    void dialogTitlesCarryNoMnemonicOrEllipsis() {
        assertEquals("Bestand importeren", Ui.dialogTitle("Bestand &importeren..."));
        assertEquals("Rock & roll", Ui.dialogTitle("Rock && roll\u2026"));
        for (String label : new String[] { Messages.Notes_importFile, Messages.Notes_importFolder,
                Messages.Notes_changeWorkspace }) {
            String title = Ui.dialogTitle(label);
            assertFalse(title.contains("&") || title.endsWith("..."), title);
        }
    }
}
