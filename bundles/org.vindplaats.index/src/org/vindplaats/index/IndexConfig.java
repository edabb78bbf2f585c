package org.vindplaats.index;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.vindplaats.model.Phenomenon;
import org.vindplaats.model.Thesaurus;

/**
 * What the index needs to know besides the notes: the platforms with the names and nicknames
 * young people and workers use for them (recognised in free text, so "insta" finds Instagram
 * notes and {@code platform:insta} works), and a youth-slang synonym map (word to plain
 * synonyms) that organisation plugins extend. Immutable; the {@code with...} methods return a
 * copy. Its {@link #fingerprint()} is part of the index stamp.
 */
public final class IndexConfig {

    private final Map<String, Set<String>> platforms;
    private final Map<String, List<String>> slang;
    private final Thesaurus thesaurus;
    private final PhenomenonTagger tagger;
    private final String taggerId;

    private IndexConfig(Map<String, Set<String>> platforms, Map<String, List<String>> slang) {
        this(platforms, slang, Thesaurus.EMPTY, null, "");
    }

    private IndexConfig(Map<String, Set<String>> platforms, Map<String, List<String>> slang, Thesaurus thesaurus,
            PhenomenonTagger tagger, String taggerId) {
        this.platforms = platforms;
        this.slang = slang;
        this.thesaurus = thesaurus;
        this.tagger = tagger;
        this.taggerId = taggerId;
    }

    /** An empty configuration: no platform names, no slang. */
    public static IndexConfig empty() {
        return new IndexConfig(Map.of(), Map.of());
    }

    /**
     * This configuration with the phenomena of the installed plugins: notes that name one (by
     * any label, slang or spelling) are indexed with it, a query that names one also finds its
     * notes and those of its narrower phenomena, and {@code fenomeen:} filters on them.
     */
    public IndexConfig withThesaurus(Thesaurus t) {
        return new IndexConfig(platforms, slang, t == null ? Thesaurus.EMPTY : t, tagger, taggerId);
    }

    /**
     * This configuration with a tagger that recognises phenomena in notes that do not name them
     * (the suggester's model). {@code id} identifies the tagger and its training: a different id
     * makes the index rebuild, so notes are always tagged by the tagger in use.
     */
    public IndexConfig withPhenomenonTagger(String id, PhenomenonTagger t) {
        return new IndexConfig(platforms, slang, thesaurus, t, t == null ? "" : id);
    }

    public Thesaurus thesaurus() {
        return thesaurus;
    }

    /** The tagger, or null when only labels named in a note count. */
    public PhenomenonTagger phenomenonTagger() {
        return tagger;
    }

    /**
     * Built-in platform nicknames of the starter platforms and common Dutch/English youth slang.
     * The catalog's aliases and organisation lexicons are added on top.
     */
    public static IndexConfig defaults() {
        IndexConfig c = empty()
                .withPlatform("instagram", List.of("insta", "ig", "finsta"))
                .withPlatform("snapchat", List.of("snap", "snapmap", "snap map"))
                .withPlatform("tiktok", List.of("tik tok", "tt"))
                .withPlatform("whatsapp", List.of("whats app", "wa", "whatsappen"))
                .withPlatform("discord", List.of("dc"))
                .withPlatform("youtube", List.of("yt", "youtuber"))
                .withPlatform("facebook", List.of("fb", "messenger"))
                .withPlatform("x", List.of("twitter", "tweet"))
                .withPlatform("telegram", List.of())
                .withPlatform("twitch", List.of())
                .withPlatform("roblox", List.of())
                .withPlatform("fortnite", List.of())
                .withPlatform("bereal", List.of("be real"))
                .withPlatform("reddit", List.of("subreddit"))
                .withPlatform("signal", List.of())
                .withPlatform("threads", List.of())
                .withPlatform("pinterest", List.of())
                .withPlatform("spotify", List.of())
                .withPlatform("omegle_like", List.of("omegle", "chatroulette", "ome.tv"))
                .withPlatform("dating_apps", List.of("tinder", "bumble", "datingapp", "dating app"));
        return c.withSlang(Map.ofEntries(
                Map.entry("insta", List.of("instagram")),
                Map.entry("ig", List.of("instagram")),
                Map.entry("snap", List.of("snapchat")),
                Map.entry("tt", List.of("tiktok")),
                Map.entry("yt", List.of("youtube")),
                Map.entry("fb", List.of("facebook")),
                Map.entry("dc", List.of("discord")),
                Map.entry("dm", List.of("privebericht", "direct message")),
                Map.entry("pb", List.of("privebericht")),
                Map.entry("nudes", List.of("naaktfoto", "naaktfoto's", "nude photos")),
                Map.entry("gc", List.of("groepschat", "group chat")),
                Map.entry("groepsapp", List.of("groepschat", "whatsappgroep")),
                Map.entry("fyp", List.of("for you page", "voor jou-pagina")),
                Map.entry("catfish", List.of("nepprofiel", "fake profile")),
                Map.entry("scam", List.of("oplichting")),
                Map.entry("scammer", List.of("oplichter")),
                Map.entry("sextorsie", List.of("sextortion", "afpersing")),
                Map.entry("sextortion", List.of("sextorsie", "afpersing")),
                Map.entry("vape", List.of("e-sigaret", "puff")),
                Map.entry("vapes", List.of("e-sigaret", "puff")),
                Map.entry("fomo", List.of("fear of missing out", "angst om iets te missen")),
                Map.entry("ghosten", List.of("ghosting")),
                Map.entry("doxxen", List.of("doxxing")),
                Map.entry("exposen", List.of("exposed", "te kijk zetten")),
                Map.entry("lgbtq", List.of("lgbt", "holebi", "queer")),
                Map.entry("mental health", List.of("mentale gezondheid", "mentaal welzijn")),
                Map.entry("mentale gezondheid", List.of("mental health")),
                Map.entry("kms", List.of("zelfdoding", "suicide")),
                Map.entry("unalive", List.of("zelfdoding", "suicide"))));
    }

    /**
     * Adds (or extends) a platform with names it is known by. Aliases are matched as whole words
     * or word sequences, case- and accent-insensitive.
     */
    public IndexConfig withPlatform(String id, Collection<String> aliases) {
        String key = normalise(id);
        if (key.isEmpty()) {
            return this;
        }
        Map<String, Set<String>> copy = new TreeMap<>();
        platforms.forEach((k, v) -> copy.put(k, new TreeSet<>(v)));
        Set<String> set = copy.computeIfAbsent(key, k -> new TreeSet<>());
        if (aliases != null) {
            for (String a : aliases) {
                String n = normalise(a);
                if (!n.isEmpty() && !n.equals(key)) {
                    set.add(n);
                }
            }
        }
        return new IndexConfig(freezeSets(copy), slang, thesaurus, tagger, taggerId);
    }

    /** Adds slang entries (word to plain synonyms); synonyms of a word already present are merged. */
    public IndexConfig withSlang(Map<String, List<String>> more) {
        Map<String, List<String>> copy = new TreeMap<>();
        slang.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
        if (more != null) {
            more.forEach((word, synonyms) -> {
                String key = normalise(word);
                if (key.isEmpty() || synonyms == null) {
                    return;
                }
                Set<String> merged = new LinkedHashSet<>(copy.getOrDefault(key, List.of()));
                for (String s : synonyms) {
                    String n = normalise(s);
                    if (!n.isEmpty() && !n.equals(key)) {
                        merged.add(n);
                    }
                }
                copy.put(key, new ArrayList<>(merged));
            });
        }
        Map<String, List<String>> frozen = new TreeMap<>();
        copy.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return new IndexConfig(platforms, Collections.unmodifiableMap(frozen), thesaurus, tagger, taggerId);
    }

    /** Platform id to its aliases (lower case), sorted. */
    public Map<String, Set<String>> platforms() {
        return platforms;
    }

    /** Slang word to plain synonyms (lower case), sorted. */
    public Map<String, List<String>> slang() {
        return slang;
    }

    /**
     * The synonyms the query side uses: the slang plus every platform alias mapped to its
     * platform's id, so typing "insta" also searches "instagram".
     */
    public Map<String, List<String>> synonyms() {
        Map<String, List<String>> all = new TreeMap<>();
        slang.forEach((k, v) -> all.put(k, new ArrayList<>(v)));
        platforms.forEach((id, aliases) -> {
            String word = id.replace('_', ' ');
            for (String alias : aliases) {
                List<String> list = all.computeIfAbsent(alias, k -> new ArrayList<>());
                if (!list.contains(word)) {
                    list.add(word);
                }
            }
        });
        return all;
    }

    /**
     * The word lists the local index analyses notes with, as files for a Solr configset built from
     * the same stock filters (the team hub): stop words, compound parts, synonyms.
     */
    public Map<String, String> solrWordLists() {
        return new org.vindplaats.index.internal.Analysis(synonyms()).wordLists();
    }

    /** SHA-256 over platforms and slang, in a canonical order. */
    public String fingerprint() {
        StringBuilder sb = new StringBuilder();
        platforms.forEach((k, v) -> sb.append("p\u0000").append(k).append('\u0000').append(String.join("\u0001", v)).append('\n'));
        slang.forEach((k, v) -> sb.append("s\u0000").append(k).append('\u0000').append(String.join("\u0001", v)).append('\n'));
        // Phenomena are indexed by their labels and hierarchy: a changed thesaurus re-tags every note.
        for (Phenomenon p : thesaurus.all()) {
            sb.append("t\u0000").append(p.id()).append('\u0000').append(String.join("\u0001", p.allLabels()))
                    .append('\u0000').append(String.join("\u0001", p.broader())).append('\n');
        }
        sb.append("g\u0000").append(taggerId).append('\n');
        // So do the rules by which labels are recognised in a note.
        sb.append("m\u0000").append(org.vindplaats.index.internal.PhenomenonMatcher.RULES).append('\n');
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Set<String>> freezeSets(Map<String, Set<String>> map) {
        Map<String, Set<String>> out = new TreeMap<>();
        map.forEach((k, v) -> out.put(k, Collections.unmodifiableSet(new TreeSet<>(v))));
        return Collections.unmodifiableMap(out);
    }

    private static String normalise(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndexConfig c && c.platforms.equals(platforms) && c.slang.equals(slang)
                && c.taggerId.equals(taggerId) && c.fingerprint().equals(fingerprint());
    }

    @Override
    public int hashCode() {
        return platforms.hashCode() * 31 + slang.hashCode();
    }
}
