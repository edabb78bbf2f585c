package org.vindplaats.ui.notes;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.osgi.util.NLS;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.LocalizedText;
import org.vindplaats.model.Need;
import org.vindplaats.model.Platform;
import org.vindplaats.model.Polarity;
import org.vindplaats.model.Urgency;
import org.vindplaats.ui.Messages;

/**
 * The forgiving query syntax, read without ever failing: words (all must occur), "phrases",
 * {@code -word} to exclude, and {@code field:value} filters where the field may be English or
 * Dutch ({@code platform}, {@code need}/{@code behoefte}, {@code affordance}/{@code affordantie},
 * {@code polarity}/{@code polariteit}, {@code urgency}/{@code urgentie}, {@code month}/{@code maand})
 * and the value an id, a Dutch or English label or a platform's name or nickname. What cannot be
 * understood becomes an ordinary word and a hint, never an error.
 */
public final class QueryText {

    /** The understood query: folded words and phrases, excluded words, filters by field. */
    public record Parsed(List<String> terms, List<String> excluded, Map<String, Set<String>> filters, List<String> hints) {
    }

    private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("platform", NoteQuery.PLATFORM),
            Map.entry("platforms", NoteQuery.PLATFORM), Map.entry("need", NoteQuery.NEED),
            Map.entry("needs", NoteQuery.NEED), Map.entry("behoefte", NoteQuery.NEED),
            Map.entry("behoeften", NoteQuery.NEED), Map.entry("affordance", NoteQuery.AFFORDANCE),
            Map.entry("affordances", NoteQuery.AFFORDANCE), Map.entry("affordantie", NoteQuery.AFFORDANCE),
            Map.entry("polarity", NoteQuery.POLARITY), Map.entry("polariteit", NoteQuery.POLARITY),
            Map.entry("urgency", NoteQuery.URGENCY), Map.entry("urgentie", NoteQuery.URGENCY),
            Map.entry("month", NoteQuery.MONTH), Map.entry("maand", NoteQuery.MONTH));

    private final Map<String, Map<String, String>> values = new LinkedHashMap<>();

    public QueryText(Catalog catalog) {
        Map<String, String> platforms = new LinkedHashMap<>();
        if (catalog != null) {
            for (Platform p : catalog.platforms()) {
                platforms.put(fold(p.id()), p.id());
                platforms.put(fold(p.name()), p.id());
                for (String alias : p.aliases()) {
                    platforms.put(fold(alias), p.id());
                }
            }
        }
        values.put(NoteQuery.PLATFORM, platforms);
        values.put(NoteQuery.NEED, terms(Need.values(), Need::id, n -> n.label(), n -> n.shortLabel()));
        values.put(NoteQuery.AFFORDANCE, terms(Affordance.values(), Affordance::id, a -> a.label(), a -> a.label()));
        values.put(NoteQuery.POLARITY, terms(Polarity.values(), Polarity::id, Polarity::label, Polarity::label));
        values.put(NoteQuery.URGENCY, terms(Urgency.values(), Urgency::id, Urgency::label, Urgency::label));
    }

    private static <E> Map<String, String> terms(E[] all, Function<E, String> id, Function<E, LocalizedText> label,
            Function<E, LocalizedText> shortLabel) {
        Map<String, String> m = new LinkedHashMap<>();
        for (E e : all) {
            m.put(fold(id.apply(e)), id.apply(e));
            for (LocalizedText t : List.of(label.apply(e), shortLabel.apply(e))) {
                if (t.nl() != null) {
                    m.put(fold(t.nl()), id.apply(e));
                }
                if (t.en() != null) {
                    m.put(fold(t.en()), id.apply(e));
                }
            }
        }
        return m;
    }

    /** Lower case without accents, character for character (so offsets stay valid). */
    public static String fold(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128) {
                b.append(Character.toLowerCase(c));
            } else {
                String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                b.append(Character.toLowerCase(d.charAt(0)));
            }
        }
        return b.toString();
    }

    /** The id a typed value stands for in a field, or null. */
    public String resolve(String field, String value) {
        if (NoteQuery.MONTH.equals(field)) {
            return value.matches("\\d{4}-\\d{2}") ? value : null;
        }
        Map<String, String> known = values.get(field);
        if (known == null) {
            return null;
        }
        String folded = fold(value.replace('_', ' ').strip());
        String hit = known.get(fold(value.strip()));
        if (hit == null) {
            hit = known.get(folded);
        }
        if (hit == null) {
            // Forgiving: a unique prefix ("relat", "snap") is enough.
            Set<String> candidates = new LinkedHashSet<>();
            for (Map.Entry<String, String> e : known.entrySet()) {
                if (e.getKey().startsWith(folded) && folded.length() >= 3) {
                    candidates.add(e.getValue());
                }
            }
            if (candidates.size() == 1) {
                hit = candidates.iterator().next();
            }
        }
        return hit;
    }

    public Parsed parse(String text) {
        List<String> terms = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        Map<String, Set<String>> filters = new LinkedHashMap<>();
        List<String> hints = new ArrayList<>();
        for (String token : tokens(text == null ? "" : text)) {
            boolean negative = token.startsWith("-") && token.length() > 1;
            String t = negative ? token.substring(1) : token;
            int colon = t.indexOf(':');
            if (colon > 0 && colon < t.length() - 1 && !t.startsWith("\"")) {
                String field = FIELDS.get(fold(t.substring(0, colon)));
                String value = unquote(t.substring(colon + 1));
                if (field != null) {
                    String id = resolve(field, value);
                    if (id != null) {
                        filters.computeIfAbsent(field, k -> new LinkedHashSet<>()).add(id);
                    } else {
                        hints.add(NLS.bind(Messages.Search_hintUnknownValue, value, field));
                        terms.add(fold(value));
                    }
                    continue;
                }
                hints.add(NLS.bind(Messages.Search_hintUnknownField, t.substring(0, colon)));
            }
            String word = fold(unquote(t)).strip();
            if (word.isEmpty()) {
                continue;
            }
            (negative ? excluded : terms).add(word);
        }
        return new Parsed(terms, excluded, filters, hints);
    }

    private static String unquote(String s) {
        String v = s;
        if (v.startsWith("\"")) {
            v = v.substring(1);
        }
        if (v.endsWith("\"")) {
            v = v.substring(0, v.length() - 1);
        }
        return v;
    }

    /** Splits on white space outside quotes; an unclosed quote runs to the end. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                b.append(c);
            } else if (Character.isWhitespace(c) && !quoted) {
                if (!b.isEmpty()) {
                    out.add(b.toString());
                    b.setLength(0);
                }
            } else {
                b.append(c);
            }
        }
        if (!b.isEmpty()) {
            out.add(b.toString());
        }
        return out;
    }

    /** The month a date is filed under, e.g. "2026-10" (the month facet's value). */
    static String month(java.time.LocalDate date) {
        return date == null ? null : String.format(Locale.ROOT, "%04d-%02d", date.getYear(), date.getMonthValue());
    }
}
