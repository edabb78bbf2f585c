package org.vindplaats.index.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Built-in general vocabulary for the search side: Dutch/English equivalents of everyday terms
 * of youth work and online life (workers search in either language, notes are written in both,
 * and English loanwords are common in Dutch notes), and the word parts used to split Dutch
 * compounds ("groepsapp", "phishinglink", "livestreamen"). General knowledge only, nothing
 * taken from particular notes. Part of the analyzer ids: change {@link #ID} when it changes.
 */
public final class Glossary {

    public static final String ID = "glossary-v1";

    /** Groups of equivalent terms: each term also finds every other term of its group. */
    private static final List<List<String>> GROUPS = List.of(
            List.of("pesten", "gepest", "cyberpesten", "bullying", "bullied", "cyberbullying"),
            List.of("oplichting", "opgelicht", "oplichter", "scam", "scammer", "fraude", "fraud"),
            List.of("nepnieuws", "desinformatie", "fake news", "disinformation", "misinformation", "complottheorie",
                    "conspiracy"),
            List.of("polarisering", "polarisatie", "polarization", "polarisation", "wij-zij", "radicalisering",
                    "radicalisation", "extremisme"),
            List.of("mentale gezondheid", "psychische gezondheid", "mental health", "mentaal welzijn", "wellbeing",
                    "psychisch", "mentaal"),
            List.of("gezondheid", "health"),
            List.of("eenzaamheid", "eenzaam", "loneliness", "lonely"),
            List.of("slaap", "slapen", "sleep"),
            List.of("slaaptekort", "sleep deprivation", "te weinig slaap"),
            List.of("gamen", "gaming", "gamer", "games"),
            List.of("geld", "money"),
            List.of("verdienen", "earn", "earning"),
            List.of("bijbaan", "bijbaantje", "bijbaantjes", "side job", "part-time job", "vakantiewerk"),
            List.of("vacature", "vacatures", "job offer", "job ad"),
            List.of("groepsapp", "groepschat", "appgroep", "group chat", "klassenapp", "class chat"),
            List.of("zelfbeschadiging", "zelfverwonding", "self-harm", "self harm", "automutilatie"),
            List.of("eetstoornis", "eetstoornissen", "eating disorder", "anorexia", "boulimia"),
            List.of("toestemming", "consent"),
            List.of("privacyinstellingen", "privacy instellingen", "privacy settings"),
            List.of("instellingen", "settings"),
            List.of("gehackt", "hacked", "gekaapt", "hijacked"),
            List.of("alcohol", "drank", "drinking"),
            List.of("drugs", "middelengebruik", "substance use"),
            List.of("muziek", "music"),
            List.of("delen", "sharing", "share"),
            List.of("anoniem", "anonieme", "anonymous", "anonymously"),
            List.of("vragen", "questions"),
            List.of("locatie", "location"),
            List.of("zelfbeeld", "self-image", "lichaamsbeeld", "body image", "zelfvertrouwen", "self-esteem"),
            List.of("groomen", "grooming"),
            List.of("bereikbaarheid", "bereikbaar", "availability", "reachability", "reachable"),
            List.of("werkuren", "werktijd", "werktijden", "kantooruren", "working hours", "office hours"),
            List.of("jongeren", "young people", "youth", "tieners", "teenagers", "teens"),
            List.of("meisjes", "meiden", "girls"),
            List.of("jongens", "boys"),
            List.of("klas", "klasgenoten", "class", "classmates"),
            List.of("ai", "kunstmatige intelligentie", "artificial intelligence", "chatbot"),
            List.of("lotgenotencontact", "lotgenoten", "peer support", "steun van leeftijdsgenoten"),
            List.of("lgbtq", "lhbti", "lhbtiq", "queer", "roze"),
            List.of("gokken", "gambling", "kansspelen", "loot boxes", "lootboxes"),
            List.of("livestream", "livestreams", "livestreamen", "live stream", "live streaming", "live gaan",
                    "going live"),
            List.of("influencer", "influencers"),
            List.of("naaktfoto", "naaktfoto's", "nudes", "nude"),
            List.of("seksualiteit", "sexuality"),
            List.of("vriendschap", "vrienden", "friendship", "friends"),
            List.of("ouders", "parents"),
            List.of("school", "schools"),
            List.of("kopen", "buying", "shoppen", "shopping"),
            List.of("online", "internet"));

    /** Hyponym to broader terms, one way: a phishing note is about fraud, not every fraud is phishing. */
    private static final Map<String, List<String>> BROADER = Map.of(
            "phishing", List.of("oplichting", "scam", "nepsite", "nep link", "inloggegevens", "fraude"),
            "sextorsie", List.of("afpersing", "sextortion"),
            "catfishing", List.of("nepprofiel", "fake profile"),
            "doomscrollen", List.of("doomscrolling", "schermtijd", "screen time"));

    /**
     * Word parts for splitting compounds (Dutch writes them as one word, and mixes in English
     * ones): everyday words of online life, apps and media. Parts of three letters only where
     * they are common compound heads in this domain (app, nep, sms).
     */
    private static final List<String> PARTS = List.of(
            "app", "apps", "groep", "groeps", "chat", "chats", "klas", "klassen", "school", "link", "links", "site",
            "sites", "web", "shop", "stream", "streams", "streamen", "live", "video", "videos", "filmpje", "filmpjes",
            "foto", "fotos", "beeld", "beelden", "bericht", "berichten", "nieuws", "nep", "geld", "game", "games",
            "gamen", "gaming", "account", "profiel", "login", "wachtwoord", "code", "phishing", "scam", "hack",
            "oplichting", "oplichter", "pest", "pesten", "naakt", "seks", "sexting", "slaap", "tekort", "nacht",
            "werk", "baan", "uren", "tijd", "scherm", "telefoon", "mobiel", "gesprek", "vraag", "vragen", "hulp",
            "steun", "zorg", "gezondheid", "welzijn", "mentaal", "eet", "stoornis", "zelf", "beschadiging", "angst",
            "stress", "druk", "groeps", "vrienden", "vriend", "vriendin", "meiden", "jongens", "ouders", "straat",
            "drill", "muziek", "rap", "dans", "sport", "fitness", "voeding", "dieet", "gokken", "gok", "loot", "box",
            "crypto", "coin", "coins", "munten", "skins", "bucks", "vacature", "bijbaan", "influencer", "creator",
            "content", "clip", "clips", "meme", "memes", "story", "stories", "post", "posts", "reel", "reels",
            "kanaal", "server", "feed", "algoritme", "privacy", "instellingen", "locatie", "kaart", "map", "dating",
            "date", "challenge", "trend", "filter", "filters", "bot", "chatbot", "polarisatie", "polarisering",
            "extremisme", "haat", "discriminatie", "racisme", "vape", "drugs", "alcohol", "dealer", "handel",
            "sextortion", "afpersing", "grooming", "lokker", "toestemming", "deepfake", "nudes", "stalking",
            "bedreiging", "ruzie", "fight", "sms", "mail", "email", "spam", "nummer", "qr", "betaal", "betalen",
            "bank", "pas", "rekening", "money", "mule", "katvanger");

    private Glossary() {
    }

    /** The glossary as a synonym map (term to the other terms of its group, and broader terms). */
    public static Map<String, List<String>> synonyms() {
        Map<String, List<String>> out = new TreeMap<>();
        for (List<String> group : GROUPS) {
            for (String term : group) {
                Set<String> others = new LinkedHashSet<>(out.getOrDefault(term, List.of()));
                for (String other : group) {
                    if (!other.equals(term)) {
                        others.add(other);
                    }
                }
                out.put(term, new ArrayList<>(others));
            }
        }
        BROADER.forEach((term, broader) -> {
            Set<String> others = new LinkedHashSet<>(out.getOrDefault(term, List.of()));
            others.addAll(broader);
            out.put(term, new ArrayList<>(others));
        });
        return out;
    }

    /** Word parts for compound splitting. */
    public static List<String> parts() {
        return PARTS;
    }
}
