package org.vindplaats.suggest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.vindplaats.analysis.TextChain;
import org.vindplaats.analysis.TextChain.Token;
import org.vindplaats.model.TrendNote;
import org.vindplaats.suggest.internal.Messages;

/** Platforms: names and nicknames in the text (and in the meaning of slang), plus the author's tags. */
final class PlatformMentions {

    private final Analyzer plain = TextChain.plain();
    /** platform id (lower case) → its names and nicknames, each as words */
    private final Map<String, List<String[]>> aliases = new LinkedHashMap<>();

    PlatformMentions(Map<String, List<String>> idToAliases) {
        idToAliases.forEach((id, names) -> {
            Set<String> all = new LinkedHashSet<>();
            all.add(id);
            all.addAll(names);
            List<String[]> forms = new ArrayList<>();
            for (String a : all) {
                List<String> words = TextChain.terms(plain, a);
                if (!words.isEmpty()) {
                    forms.add(words.toArray(String[]::new));
                }
            }
            aliases.put(id.toLowerCase(Locale.ROOT), forms);
        });
    }

    /**
     * @param expanded   the note's text followed by the meanings of its slang
     * @param textLength where the note's own text ends: a mention after it is shown in brackets
     */
    List<RankedLabel> rank(TrendNote note, String expanded, int textLength) {
        List<Token> tokens = TextChain.tokens(plain, expanded);
        Map<String, List<String>> mentions = new LinkedHashMap<>();
        aliases.forEach((id, forms) -> {
            for (String[] form : forms) {
                for (int i = 0; i + form.length <= tokens.size(); i++) {
                    boolean match = true;
                    for (int k = 0; k < form.length && match; k++) {
                        match = tokens.get(i + k).term().equals(form[k]);
                    }
                    if (!match) {
                        continue;
                    }
                    Token first = tokens.get(i);
                    String surface = expanded.substring(first.start(), tokens.get(i + form.length - 1).end());
                    if (form.length == 1 && Tuning.AMBIGUOUS_NAMES.contains(form[0])
                            && !Character.isUpperCase(surface.charAt(0))) {
                        continue;
                    }
                    if (first.start() >= textLength) {
                        surface = "(" + surface + ")";
                    }
                    List<String> w = mentions.computeIfAbsent(id, k -> new ArrayList<>());
                    if (!w.contains(surface)) {
                        w.add(surface);
                    }
                }
            }
        });
        Set<String> tagged = new LinkedHashSet<>();
        note.platforms().forEach(p -> tagged.add(p.toLowerCase(Locale.ROOT)));
        Set<String> all = new LinkedHashSet<>(tagged);
        all.addAll(mentions.keySet());
        List<RankedLabel> out = new ArrayList<>();
        for (String id : all) {
            List<String> words = new ArrayList<>(mentions.getOrDefault(id, List.of()));
            double confidence;
            if (tagged.contains(id)) {
                words.add(0, Messages.Suggest_authorTag);
                confidence = mentions.containsKey(id) ? Tuning.TAGGED_AND_NAMED : Tuning.TAGGED_ONLY;
            } else {
                confidence = Math.min(Tuning.NAMED_CAP, Tuning.NAMED + Tuning.NAMED_STEP * words.size());
            }
            out.add(new RankedLabel(id, confidence, words, List.of()));
        }
        out.sort(Comparator.comparingDouble(RankedLabel::confidence).reversed());
        return out;
    }
}
