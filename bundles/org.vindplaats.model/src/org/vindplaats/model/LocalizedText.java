package org.vindplaats.model;

import java.util.Locale;

/**
 * A text in Dutch and English. Dutch comes first because most users read Dutch; when the
 * requested language is missing the other one is returned, so a screen never shows a hole.
 */
public record LocalizedText(String nl, String en) {

    public static final LocalizedText EMPTY = new LocalizedText(null, null);

    public static LocalizedText of(String nl, String en) {
        return new LocalizedText(blankToNull(nl), blankToNull(en));
    }

    /** The text in the language of {@code locale}, falling back to the other language. */
    public String get(Locale locale) {
        return get(locale == null ? "nl" : locale.getLanguage());
    }

    /** The text for a language code ("nl" or "en"), falling back to the other language, or "". */
    public String get(String language) {
        String first = "en".equals(language) ? en : nl;
        String second = "en".equals(language) ? nl : en;
        if (first != null) {
            return first;
        }
        return second == null ? "" : second;
    }

    public boolean isEmpty() {
        return nl == null && en == null;
    }

    /** True when one of the two languages is missing (the other is present). */
    public boolean isMissingALanguage() {
        return !isEmpty() && (nl == null || en == null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
