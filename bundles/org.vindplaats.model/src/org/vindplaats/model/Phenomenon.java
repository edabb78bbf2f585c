package org.vindplaats.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A phenomenon of young people's online lives (grooming, sextortion, money mules, peer support,
 * ...), the unit workers think and search in. One entry of a {@link Thesaurus}: knowledge centres
 * publish it in a plugin ({@code data/thesaurus.json}), so its words follow the field, not a
 * release of the program.
 *
 * @param id           stable id, lower case with underscores ({@code money_mules})
 * @param label        preferred label in Dutch and English
 * @param altLabelsNl  other Dutch names workers and young people use
 * @param altLabelsEn  other English names
 * @param hiddenLabels slang, spelling variants and common misspellings: matched, never shown
 * @param description  a short neutral description for workers
 * @param broader      ids of wider phenomena (narrower ones are derived, see {@link Thesaurus#narrower})
 * @param related      ids of related phenomena
 * @param needs        the developmental needs it usually touches
 * @param affordances  the affordances it usually leans on
 * @param platforms    platform ids where it typically shows up
 * @param examples     fictitious example notes that show it (the suggester learns from them)
 * @param source       the plugin that contributed it (or contributed most of it)
 */
public record Phenomenon(String id, LocalizedText label, List<String> altLabelsNl, List<String> altLabelsEn,
        List<String> hiddenLabels, LocalizedText description, List<String> broader, List<String> related,
        Set<Need> needs, Set<Affordance> affordances, List<String> platforms, List<Example> examples, String source) {

    /** A short example note in one language. */
    public record Example(String lang, String text) {
    }

    public Phenomenon {
        label = label == null ? LocalizedText.EMPTY : label;
        description = description == null ? LocalizedText.EMPTY : description;
        altLabelsNl = List.copyOf(altLabelsNl == null ? List.of() : altLabelsNl);
        altLabelsEn = List.copyOf(altLabelsEn == null ? List.of() : altLabelsEn);
        hiddenLabels = List.copyOf(hiddenLabels == null ? List.of() : hiddenLabels);
        broader = List.copyOf(broader == null ? List.of() : broader);
        related = List.copyOf(related == null ? List.of() : related);
        needs = Set.copyOf(needs == null ? Set.of() : needs);
        affordances = Set.copyOf(affordances == null ? Set.of() : affordances);
        platforms = List.copyOf(platforms == null ? List.of() : platforms);
        examples = List.copyOf(examples == null ? List.of() : examples);
    }

    /** Every name it is recognised by: labels, alternative and hidden labels, without duplicates. */
    public List<String> allLabels() {
        Set<String> all = new LinkedHashSet<>();
        if (label.nl() != null) {
            all.add(label.nl());
        }
        if (label.en() != null) {
            all.add(label.en());
        }
        all.addAll(altLabelsNl);
        all.addAll(altLabelsEn);
        all.addAll(hiddenLabels);
        return new ArrayList<>(all);
    }

    /**
     * Everything it says in words, one piece per line: its names (each ended as a sentence), the
     * description in both languages and the example notes. What search compares notes with and
     * what counts as a word of the field.
     */
    public String text() {
        StringBuilder text = new StringBuilder();
        allLabels().forEach(l -> text.append(l).append(".\n"));
        text.append(description.nl() == null ? "" : description.nl()).append('\n');
        text.append(description.en() == null ? "" : description.en()).append('\n');
        examples.forEach(e -> text.append(e.text()).append('\n'));
        return text.toString();
    }

    /**
     * This phenomenon with another plugin's additions for the same id (an organisation's local
     * terms, extra examples): labels and lists are united, the first one's texts are kept.
     */
    public Phenomenon extendedWith(Phenomenon more) {
        return new Phenomenon(id, label.isEmpty() ? more.label : label, union(altLabelsNl, more.altLabelsNl),
                union(altLabelsEn, more.altLabelsEn), union(hiddenLabels, more.hiddenLabels),
                description.isEmpty() ? more.description : description, union(broader, more.broader),
                union(related, more.related), unionSet(needs, more.needs), unionSet(affordances, more.affordances),
                union(platforms, more.platforms), union(examples, more.examples), source);
    }

    private static <T> List<T> union(List<T> a, List<T> b) {
        Set<T> s = new LinkedHashSet<>(a);
        s.addAll(b);
        return new ArrayList<>(s);
    }

    private static <T> Set<T> unionSet(Set<T> a, Set<T> b) {
        Set<T> s = new LinkedHashSet<>(a);
        s.addAll(b);
        return s;
    }
}
