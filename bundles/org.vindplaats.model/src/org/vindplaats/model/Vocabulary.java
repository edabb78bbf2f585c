package org.vindplaats.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

/**
 * The handbook texts (names, descriptions, orientation questions) in Dutch and English. They live
 * in vocabulary.properties (English) and vocabulary_nl.properties (Dutch) next to this class so
 * translators edit text files, not Java.
 */
public final class Vocabulary {

    private static final Properties EN = load("vocabulary.properties");
    private static final Properties NL = load("vocabulary_nl.properties");

    private Vocabulary() {
    }

    // Plain Properties rather than ResourceBundle: a ResourceBundle falls back from Dutch to
    // English silently, which would hide a missing translation.
    private static Properties load(String name) {
        Properties p = new Properties();
        try (InputStream in = Vocabulary.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing vocabulary file " + name + " in org.vindplaats.model");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read vocabulary file " + name, e);
        }
        return p;
    }

    /** The text for {@code key} in both languages; empty when the key is unknown. */
    public static LocalizedText text(String key) {
        return LocalizedText.of(lookup(NL, key), lookup(EN, key));
    }

    /**
     * The name of a value in the user's language ({@code category.messenger} -> "berichtenapp"),
     * or the value itself when the vocabulary has no text for it (a newer plugin's value).
     */
    public static String name(String prefix, String value, java.util.Locale locale) {
        if (value == null) {
            return "";
        }
        String t = text(prefix + "." + value).get(locale);
        return t == null || t.isBlank() ? value : t;
    }

    /** The texts for {@code prefix.1}, {@code prefix.2}, ... until the first missing number. */
    public static List<LocalizedText> numbered(String prefix) {
        List<LocalizedText> result = new ArrayList<>();
        for (int i = 1;; i++) {
            LocalizedText t = text(prefix + "." + i);
            if (t.isEmpty()) {
                return Collections.unmodifiableList(result);
            }
            result.add(t);
        }
    }

    private static String lookup(Properties bundle, String key) {
        return bundle.getProperty(key);
    }

    /** All keys of one language file, for completeness checks. */
    public static java.util.Set<String> keys(String language) {
        return java.util.Collections.unmodifiableSet(("en".equals(language) ? EN : NL).stringPropertyNames());
    }
}
