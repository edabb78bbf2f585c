package org.vindplaats.notes.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells Dutch from English by counting frequent function words. Good enough for notes without a
 * language field; returns null when the text gives too little evidence.
 */
public final class LanguageGuess {

    private static final Set<String> DUTCH = Set.of("de", "het", "een", "en", "van", "is", "dat", "die", "niet",
            "op", "zijn", "met", "voor", "ze", "hij", "zij", "ik", "we", "wij", "ook", "maar", "als", "er", "naar",
            "bij", "nog", "wat", "hun", "haar", "om", "te", "uit", "over", "werd", "heeft", "hebben", "jongeren",
            "meisje", "jongen", "wordt", "geen", "dan", "zo", "al", "of", "kan", "moet");
    private static final Set<String> ENGLISH = Set.of("the", "a", "an", "and", "of", "is", "that", "it", "not",
            "on", "are", "with", "for", "they", "he", "she", "i", "we", "also", "but", "as", "there", "to", "at",
            "still", "what", "their", "her", "his", "from", "about", "was", "has", "have", "young", "girl", "boy",
            "people", "in", "no", "than", "so", "can", "must", "be", "this", "who", "our");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private LanguageGuess() {
    }

    /** "nl", "en" or null. */
    public static String guess(String text) {
        if (text == null) {
            return null;
        }
        int nl = 0;
        int en = 0;
        Matcher m = WORD.matcher(text.length() > 5000 ? text.substring(0, 5000) : text);
        while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT);
            if (DUTCH.contains(w)) {
                nl++;
            }
            if (ENGLISH.contains(w)) {
                en++;
            }
        }
        if (nl + en < 3 || nl == en) {
            return null;
        }
        return nl > en ? "nl" : "en";
    }
}
