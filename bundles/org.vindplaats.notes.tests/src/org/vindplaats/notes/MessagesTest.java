package org.vindplaats.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.eclipse.osgi.util.NLS;
import org.junit.jupiter.api.Test;
import org.vindplaats.notes.internal.Messages;

class MessagesTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void englishAndDutchHaveTheSameKeysAsTheMessagesClass() throws Exception {
        Properties en = load("messages.properties");
        Properties nl = load("messages_nl.properties");
        assertEquals(en.stringPropertyNames(), nl.stringPropertyNames());
        int fields = 0;
        for (Field f : Messages.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                fields++;
                assertNotNull(en.getProperty(f.getName()), f.getName());
                assertNotNull(f.get(null), f.getName());
            }
        }
        assertEquals(en.size(), fields);
    }

    @Test
    void messagesBindCleanly() throws Exception {
        for (String file : new String[] { "messages.properties", "messages_nl.properties" }) {
            Properties p = load(file);
            for (String key : p.stringPropertyNames()) {
                String value = p.getProperty(key);
                // NLS.bind reads a single quote as the start of literal text, which would eat placeholders.
                assertFalse(value.contains("'"), file + " " + key + " contains an apostrophe");
                String bound = NLS.bind(value, new Object[] { "A", "B", "C", "D", "E" });
                assertFalse(bound.contains("{0}") || bound.contains("{1}") || bound.contains("{2}"),
                        file + " " + key + ": " + bound);
            }
        }
    }

    @Test
    void propertiesAreAsciiBecauseNlsReadsThemAsLatin1() throws IOException {
        for (String file : new String[] { "messages.properties", "messages_nl.properties" }) {
            try (InputStream in = Messages.class.getResourceAsStream(file)) {
                byte[] bytes = in.readAllBytes();
                for (byte b : bytes) {
                    assertTrue(b >= 0, file + " contains a non-ASCII byte; use a \\uXXXX escape");
                }
            }
        }
        // And the escapes arrive: the Dutch text of a message has its diaeresis.
        Properties nl = load("messages_nl.properties");
        assertTrue(nl.getProperty("ImportReport_counts").contains("ge\u00efmporteerd"));
    }
}
