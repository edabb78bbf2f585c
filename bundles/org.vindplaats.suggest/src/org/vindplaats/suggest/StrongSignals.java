package org.vindplaats.suggest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.vindplaats.model.TrendNote.LabelFamily;

/**
 * Signals that urgency suggestions must not overlook, whatever the word counts say: sexual
 * contact between an adult and a minor (a minor's age, sexual content or a request for pictures,
 * and an adult or pressure: "immediate", the handbook's "strafbaar feit"), and sexual content
 * with a minor, threats, self-harm and weapons (never "for information": at least "concern", so a
 * worker is never led to read such a note as not urgent).
 * The suggestion names the signal. Dutch and English; deliberately narrow (whole words and
 * combinations): measured on the labelled dev set, raising every signal to "immediate" made half
 * of its immediate suggestions wrong (a referral to a suicide line, a drill clip, a knife in old
 * posts were "concern" there).
 */
public final class StrongSignals {

    /**
     * One signal found: its kind (for the explanation), the words that showed it, and whether it
     * calls for acting now ("immediate") or only rules out "for information".
     */
    public record Signal(String kind, List<String> words, boolean immediate) {
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    // A minor: an age of 8 to 17 written as "14 jaar", "(14)", "14-jarige", "14yo", or the words.
    private static final Pattern MINOR = Pattern.compile(
            "\\b(?:[89]|1[0-7])\\s*(?:jaar|jarige|-jarige|j\\.|yo|y/o|years? old|-year-old)\\b|\\((?:[89]|1[0-7])\\)"
                    + "|\\bminderjarig\\w*|\\bunderage\\b|\\bminors?\\b|\\b(?:meisjes?|jongens?|kind|kinderen|girls?|boys?) van (?:[89]|1[0-7])\\b",
            FLAGS);
    // Sexual content or a request for pictures of the body.
    private static final Pattern SEXUAL = Pattern.compile(
            "\\bnaakt\\w*|\\bnudes?\\b|\\bseks(?:ueel|uele|ting)?\\b|\\bsex(?:ual|ually|ting)?\\b"
                    + "|\\bondergoed\\b|\\bunderwear\\b"
                    + "|\\bpyjama\\b|\\bwebcam\\b|\\bpics?\\b|\\bdick ?pics?\\b|\\bgrooming\\b|\\bsextortion\\b|\\bafpers\\w*",
            FLAGS);
    // An adult on the other side, or pressure: what turns a minor and sexual content into a crime.
    private static final Pattern ADULT = Pattern.compile(
            "\\bvolwassen\\w*|\\b(?:man|vrouw) van (?:[2-9]\\d)\\b|\\boudere (?:man|jongen|vrouw)\\b|\\badults?\\b"
                    + "|\\bolder (?:man|guy|men|boy)\\b|\\bgrown[- ]up\\b|\\b(?:[2-9]\\d)\\s*(?:jaar|-jarige|jarige|yo|years? old|-year-old)\\b"
                    + "|\\bzich voordoe\\w*|\\bpretend\\w* to be\\b|\\bsextortion\\b|\\bafpers\\w*|\\bchanta\\w*",
            FLAGS);
    private static final Pattern THREAT = Pattern.compile(
            "\\b(?:be)?dreig\\w*|\\bdoodsbedreig\\w*|\\bmaak (?:je|jou|hem|haar) (?:af|dood|kapot)\\b|\\bthreat\\w*"
                    + "|\\bkill (?:you|him|her)\\b|\\bchanta\\w*|\\bblackmail\\w*",
            FLAGS);
    private static final Pattern SELF_HARM = Pattern.compile(
            "\\bzelfbeschadig\\w*|\\bzichzelf (?:pijn doe\\w*|snij\\w*)|\\bsnijwond\\w*|\\bzelfmoord\\w*|\\bsu[iï]cid\\w*"
                    + "|\\bself[- ]?harm\\w*|\\bkill (?:my|him|her)self\\b|\\bniet meer (?:willen )?leven\\b|\\bwil dood\\b",
            FLAGS);
    private static final Pattern WEAPON = Pattern.compile(
            "\\bmes(?:sen)?\\b|\\bsteekwapen\\w*|\\b(?:vuur)?wapens?\\b|\\bpistool\\w*|\\bknife\\b|\\bknives\\b|\\bguns?\\b"
                    + "|\\bfirearms?\\b|\\bmachete\\w*",
            FLAGS);

    private StrongSignals() {
    }

    /** The strong signals in a note's text (title and body), in a fixed order; empty when none. */
    public static List<Signal> find(String text) {
        String t = text == null ? "" : text;
        List<Signal> out = new ArrayList<>();
        List<String> minor = words(MINOR, t);
        List<String> sexual = words(SEXUAL, t);
        if (!minor.isEmpty() && !sexual.isEmpty()) {
            List<String> w = new ArrayList<>(minor);
            w.addAll(sexual);
            List<String> adult = words(ADULT, t);
            w.addAll(adult);
            // With an adult or pressure it is a crime against a child: act now. Between peers
            // (sexting at 15) it is a concern, never "for information".
            out.add(new Signal("minor_sexual", w, !adult.isEmpty()));
        }
        add(out, "threat", THREAT, t);
        add(out, "self_harm", SELF_HARM, t);
        add(out, "weapon", WEAPON, t);
        return out;
    }

    private static void add(List<Signal> out, String kind, Pattern p, String text) {
        List<String> w = words(p, text);
        if (!w.isEmpty()) {
            out.add(new Signal(kind, w, false));
        }
    }

    private static List<String> words(Pattern p, String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = p.matcher(text);
        while (m.find() && found.size() < 5) {
            found.add(m.group().strip().toLowerCase(Locale.ROOT));
        }
        return List.copyOf(found);
    }

    /**
     * Raises the urgency a note's counts gave when a strong signal is in its text: sexual contact
     * between an adult and a minor means "act now"; the other signals are never "for information".
     * The signal is the reason given.
     */
    static void raiseUrgency(String text, Map<LabelFamily, List<RankedLabel>> ranked,
            Map<LabelFamily, List<String>> chosen) {
        List<Signal> strong = find(text);
        if (strong.isEmpty() || !ranked.containsKey(LabelFamily.URGENCY)) {
            return;
        }
        boolean now = strong.stream().anyMatch(Signal::immediate);
        String current = chosen.getOrDefault(LabelFamily.URGENCY, List.of()).stream().findFirst().orElse("info");
        String raised = now ? "immediate" : "info".equals(current) ? "concern" : current;
        if (raised.equals(current) && !now) {
            return; // already "concern" or "immediate": the counts said enough
        }
        List<String> why = new ArrayList<>();
        strong.stream().filter(sig -> !now || sig.immediate()).forEach(sig -> why.addAll(sig.words()));
        double floor = now ? Tuning.STRONG_SIGNAL_CONFIDENCE : Tuning.RAISED_TO_CONCERN_CONFIDENCE;
        List<RankedLabel> urgency = new ArrayList<>();
        for (RankedLabel l : ranked.get(LabelFamily.URGENCY)) {
            if (l.label().equals(raised)) {
                List<String> words = new ArrayList<>(why);
                l.words().stream().filter(w -> !words.contains(w)).forEach(words::add);
                urgency.add(0, new RankedLabel(raised, Math.max(floor, l.confidence()), words, l.similar()));
            } else {
                urgency.add(l);
            }
        }
        if (urgency.stream().noneMatch(l -> l.label().equals(raised))) {
            urgency.add(0, new RankedLabel(raised, floor, why, List.of()));
        }
        ranked.put(LabelFamily.URGENCY, urgency);
        chosen.put(LabelFamily.URGENCY, List.of(raised));
    }
}
