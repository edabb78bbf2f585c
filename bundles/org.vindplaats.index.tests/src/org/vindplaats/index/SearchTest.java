package org.vindplaats.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.analysis.TextChain;
import org.vindplaats.index.internal.Analysis;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.Need;
import org.vindplaats.model.Polarity;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.Urgency;

/** Analysis, synonyms, filters, facets, sorting, highlighting and more-like-this on a small fixture. */
class SearchTest {

    @TempDir
    Path tmp;

    private NoteIndex index;

    static final List<TrendNote> FIXTURE = List.of(
            TestNotes.note("a", "nl", "Pesten in de groepsapp",
                    "Een meisje wordt al weken gepest in de klasgroep. Berichten worden doorgestuurd naar andere klassen.",
                    List.of("whatsapp"), "2025-01-15", Polarity.RISK, Urgency.CONCERN,
                    Set.of(Need.RELATIONSHIPS, Need.PRIVACY_SAFETY), Set.of(Affordance.SPREADABILITY)),
            TestNotes.note("b", "nl", "Nepaccount op Insta",
                    "Een anoniem Insta-account zet meiden te kijk. Privé foto's worden gedeeld.",
                    List.of(), "2025-02-03", Polarity.RISK, Urgency.IMMEDIATE,
                    Set.of(Need.IDENTITY, Need.PRIVACY_SAFETY), Set.of(Affordance.ANONYMITY, Affordance.VISIBILITY)),
            TestNotes.note("c", "en", "Bullying in a group chat",
                    "Students bullied a classmate in a group chat; the messages were shared with other schools.",
                    List.of("whatsapp"), "2025-02-20", Polarity.RISK, Urgency.CONCERN,
                    Set.of(Need.RELATIONSHIPS), Set.of(Affordance.SPREADABILITY, Affordance.REACHABILITY)),
            TestNotes.note("d", "en", "Music producers on TikTok",
                    "Young producers share beats on TikTok and get feedback from others; a talent stage.",
                    List.of("tiktok"), "2025-03-05", Polarity.OPPORTUNITY, Urgency.INFO,
                    Set.of(Need.TALENT, Need.IDENTITY), Set.of(Affordance.VISIBILITY, Affordance.SPREADABILITY)),
            TestNotes.note("e", "nl", "Prive berichten en nudes",
                    "Jongens vragen nudes via dm op Snap. Een meisje twijfelt of ze het moet melden.",
                    List.of("snapchat"), "2025-03-28", Polarity.RISK, Urgency.IMMEDIATE,
                    Set.of(Need.PRIVACY_SAFETY, Need.RELATIONSHIPS, Need.HEALTH), Set.of(Affordance.PERMANENCE)),
            TestNotes.note("f", "fr", "Défi sur TikTok",
                    "Un défi dangereux circule sur TikTok parmi les élèves.",
                    List.of("tiktok"), null, Polarity.MIXED, Urgency.CONCERN,
                    Set.of(Need.HEALTH), Set.of(Affordance.SPREADABILITY)));

    @BeforeEach
    void open() throws IOException {
        index = NoteIndex.open(tmp.resolve("index"), TestNotes.source(FIXTURE), IndexConfig.defaults(), new RecordingMonitor());
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    private List<String> ids(String query) throws IOException {
        return ids(SearchRequest.of(query).limit(20));
    }

    private List<String> ids(SearchRequest r) throws IOException {
        return index.search(r).hits().stream().map(SearchResult.Hit::id).toList();
    }

    @Test
    void dutchSnowballStemmingAsItReallyBehaves() {
        Analysis a = new Analysis(Map.of());
        // Snowball Dutch strips -en/-e/-s endings but not the ge- prefix of past participles.
        assertEquals(List.of("pest"), TextChain.terms(a.indexAnalyzer(), "body.nl", "pesten"));
        assertEquals(List.of("pest"), TextChain.terms(a.indexAnalyzer(), "body.nl", "pest"));
        assertEquals(List.of("gepest"), TextChain.terms(a.indexAnalyzer(), "body.nl", "gepest"));
        assertEquals(TextChain.terms(a.indexAnalyzer(), "body.nl", "berichten"),
                TextChain.terms(a.indexAnalyzer(), "body.nl", "bericht"));
        // ...and it leaves -jes plurals alone while it strips the -e of the singular (a known limit).
        assertEquals(List.of("meisjes"), TextChain.terms(a.indexAnalyzer(), "body.nl", "meisjes"));
        assertEquals(List.of("meisj"), TextChain.terms(a.indexAnalyzer(), "body.nl", "meisje"));
        assertEquals(List.of("meid"), TextChain.terms(a.indexAnalyzer(), "body.nl", "meiden"));
        // Stop words go: "de", "in", "een".
        assertEquals(List.of("groepsapp"), TextChain.terms(a.indexAnalyzer(), "body.nl", "in de groepsapp"));
    }

    @Test
    void englishPorterStemming() {
        Analysis a = new Analysis(Map.of());
        assertEquals(TextChain.terms(a.indexAnalyzer(), "body.en", "bullying"),
                TextChain.terms(a.indexAnalyzer(), "body.en", "bullied"));
        assertEquals(List.of("student"), TextChain.terms(a.indexAnalyzer(), "body.en", "the students"));
    }

    @Test
    void dutchWordFormsFindEachOther() throws IOException {
        assertEquals("a", ids("pesten").get(0));
        assertTrue(ids("berichten").containsAll(List.of("a", "e")), ids("berichten").toString());
        assertTrue(ids("bericht").containsAll(List.of("a", "e")));
        assertTrue(ids("bullying").contains("c"));
        assertTrue(ids("bullies").contains("c"), "Porter: bullies ~ bullied");
    }

    @Test
    void accentsFoldBothWays() throws IOException {
        assertTrue(ids("prive").contains("b"), "prive finds Privé");
        assertTrue(ids("privé").contains("e"), "privé finds Prive");
        assertTrue(ids("defi").contains("f"), "defi finds Défi in a note of unknown language");
    }

    @Test
    void notesInAnUnknownLanguageAreSearchableWithBothAnalyzers() throws IOException {
        assertEquals(List.of("f"), ids("dangereux"));
        assertEquals(List.of("f"), ids("lang:und"));
    }

    @Test
    void slangSynonymsAndPlatformNicknames() throws IOException {
        // "insta" is in b's text; "instagram" is not, but the nickname is recognised as the platform.
        assertEquals(List.of("b"), ids("instagram"));
        assertEquals(List.of("b"), ids("platform:instagram"));
        assertEquals(List.of("b"), ids("platform:insta"));
        assertEquals(List.of("b"), ids("platform:IG"));
        // "snap" in e's text makes it a snapchat note; "dm" expands to privebericht.
        assertTrue(ids("snapchat").contains("e"));
        assertTrue(ids("snap").contains("e"));
        // A new slang word from a plugin lexicon works after it is configured.
        assertTrue(ids("skeer").isEmpty());
    }

    @Test
    void pluginSlangExtendsTheSynonyms() throws IOException {
        index.close();
        IndexConfig cfg = IndexConfig.defaults().withSlang(Map.of("klasgroep", List.of("group chat")));
        index = NoteIndex.open(tmp.resolve("index"), TestNotes.source(FIXTURE), cfg, new RecordingMonitor());
        List<String> found = ids("klasgroep");
        assertTrue(found.containsAll(List.of("a", "c")), found.toString());
    }

    @Test
    void platformNamedInFreeTextIsRecognisedAtIndexTime() throws IOException {
        SearchResult r = index.search(SearchRequest.of("platform:instagram").facets(true));
        assertEquals(1, r.total());
        assertEquals(1L, r.facets().get("platform").get("instagram"));
    }

    @Test
    void fieldFiltersInEnglishAndDutch() throws IOException {
        assertEquals(Set.of("b", "e"), Set.copyOf(ids("urgency:immediate")));
        assertEquals(Set.of("b", "e"), Set.copyOf(ids("urgentie:dringend")), "Dutch field name and label");
        // Every name a level goes by filters (it used to ignore the filter and return everything).
        for (String name : List.of("onmiddellijk", "meteen", "immediate", "dringend")) {
            assertEquals(Set.of("b", "e"), Set.copyOf(ids("urgentie:" + name)), name);
        }
        assertEquals(Set.of("d"), Set.copyOf(ids("need:talent")));
        assertEquals(Set.of("e", "f"), Set.copyOf(ids("behoefte:gezondheid")));
        assertEquals(Set.of("b"), Set.copyOf(ids("affordance:anonymity")));
        assertEquals(Set.of("d"), Set.copyOf(ids("polarity:opportunity")));
        assertEquals(Set.of("c", "d"), Set.copyOf(ids("lang:en")));
        assertEquals(Set.of("a", "c"), Set.copyOf(ids("platform:whatsapp")));
        assertEquals(Set.of("a", "c", "d", "f"), Set.copyOf(ids("platform:whatsapp,tiktok")));
        assertEquals(Set.of("b", "d", "e", "f"), Set.copyOf(ids("-platform:whatsapp")));
        // The English word also finds the Dutch note about pesten (glossary), the English one first.
        assertEquals(List.of("c", "a"), ids("bullying platform:whatsapp"));
        assertEquals(Set.of("e"), Set.copyOf(ids(SearchRequest.of("").filter("need", "health").filter("lang", "nl"))));
    }

    @Test
    void dateRanges() throws IOException {
        assertEquals(Set.of("b", "c"), Set.copyOf(ids("observed:2025-02")));
        assertEquals(Set.of("a", "b", "c"), Set.copyOf(ids("observed:2025-01..2025-02")));
        assertEquals(Set.of("d", "e"), Set.copyOf(ids("after:2025-02-20")));
        assertEquals(Set.of("a"), Set.copyOf(ids("before:2025-02")));
        assertEquals(Set.of("c", "d"), Set.copyOf(ids("na:2025-02-10 voor:2025-03-10 -platform:instagram")));
        assertEquals(Set.of("a", "b"), Set.copyOf(ids(SearchRequest.of("").observed(java.time.LocalDate.of(2025, 1, 1),
                java.time.LocalDate.of(2025, 2, 3)))));
        SearchResult reversed = index.search(SearchRequest.of("observed:2025-02..2025-01"));
        assertEquals(Set.of("a", "b", "c"), Set.copyOf(reversed.hits().stream().map(SearchResult.Hit::id).toList()));
        assertEquals(1, reversed.hints().size());
    }

    @Test
    void phrasesAndExclusion() throws IOException {
        // The phrase, and a's "groepsapp": its Dutch equivalent (glossary), also inside quotes.
        assertEquals(Set.of("c", "a"), Set.copyOf(ids("\"group chat\"")));
        assertTrue(ids("\"chat group\"").isEmpty(), "word order counts");
        assertTrue(ids("meisje").containsAll(List.of("a", "e")));
        assertEquals(List.of("a"), ids("meisje -nudes"));
        assertFalse(ids("tiktok -\"talent stage\"").contains("d"));
    }

    @Test
    void facetCountsMatchAHandCount() throws IOException {
        SearchResult all = index.search(SearchRequest.of("").facets(true).limit(0));
        assertEquals(6, all.total());
        assertTrue(all.hits().isEmpty());
        Map<String, Map<String, Long>> f = all.facets();
        // platforms: a whatsapp, b instagram (recognised), c whatsapp, d tiktok, e snapchat (tag + "Snap"), f tiktok
        assertEquals(Map.of("whatsapp", 2L, "tiktok", 2L, "instagram", 1L, "snapchat", 1L), f.get("platform"));
        assertEquals(Map.of("relationships", 3L, "privacy_safety", 3L, "identity", 2L, "health", 2L, "talent", 1L),
                f.get("need"));
        assertEquals(Map.of("spreadability", 4L, "visibility", 2L, "anonymity", 1L, "reachability", 1L, "permanence", 1L),
                f.get("affordance"));
        assertEquals(Map.of("risk", 4L, "opportunity", 1L, "mixed", 1L), f.get("polarity"));
        assertEquals(Map.of("concern", 3L, "immediate", 2L, "info", 1L), f.get("urgency"));
        assertEquals(List.of("2025-03", "2025-02", "2025-01"), List.copyOf(f.get("month").keySet()), "newest month first");
        assertEquals(Map.of("2025-03", 2L, "2025-02", 2L, "2025-01", 1L), f.get("month"));
        assertEquals(List.of("spreadability", "visibility"), f.get("affordance").keySet().stream().limit(2).toList(),
                "highest count first");
        assertEquals(List.of("platform", "need", "affordance", "phenomenon", "polarity", "urgency", "month"), List.copyOf(f.keySet()),
                "dimensions in a stable order");

        Map<String, Map<String, Long>> risky = index.search(SearchRequest.of("polarity:risk").facets(true)).facets();
        assertEquals(Map.of("whatsapp", 2L, "instagram", 1L, "snapchat", 1L), risky.get("platform"));
        assertEquals(Map.of("concern", 2L, "immediate", 2L), risky.get("urgency"));
        assertTrue(index.search(SearchRequest.of("")).facets().isEmpty(), "no facets unless asked");
    }

    @Test
    void sortByDate() throws IOException {
        assertEquals(List.of("e", "d", "c", "b", "a", "f"), ids(SearchRequest.of("").sort(SearchRequest.Sort.NEWEST)),
                "undated notes last");
        assertEquals(List.of("a", "b", "c", "d", "e", "f"), ids(SearchRequest.of("").sort(SearchRequest.Sort.OLDEST)));
        assertEquals(List.of("e", "b"), ids(SearchRequest.of("urgency:immediate").sort(SearchRequest.Sort.NEWEST)));
        assertEquals(List.of("b"), ids(SearchRequest.of("").sort(SearchRequest.Sort.OLDEST).filter("platform", "instagram")));
    }

    @Test
    void limitAndTotal() throws IOException {
        SearchResult r = index.search(SearchRequest.of("").limit(2));
        assertEquals(6, r.total());
        assertEquals(2, r.hits().size());
    }

    @Test
    void snippetsArePlainTextWithHighlightRanges() throws IOException {
        SearchResult r = index.search(SearchRequest.of("doorgestuurd"));
        SearchResult.Hit hit = r.hits().get(0);
        assertEquals("a", hit.id());
        assertEquals("Pesten in de groepsapp", hit.title());
        assertFalse(hit.snippet().contains("<"), hit.snippet());
        assertFalse(hit.snippet().contains("  ") || hit.snippet().endsWith(" "), "white space collapsed: " + hit.snippet());
        assertEquals(1, hit.highlights().size());
        SearchResult.Range range = hit.highlights().get(0);
        assertEquals("doorgestuurd", hit.snippet().substring(range.start(), range.end()));
        assertTrue(hit.snippet("[", "]").contains("[doorgestuurd]"), hit.snippet("[", "]"));
        assertTrue(hit.score() > 0);
    }

    @Test
    void snippetStemmedMatchesAndNoHtmlFromNoteText() throws IOException {
        TrendNote html = TestNotes.note("h", "en", "<b>Script</b> test",
                "A message said <script>alert('x')</script> and bullies laughed.", List.of(), "2025-05-01");
        index.index(html);
        SearchResult.Hit hit = index.search(SearchRequest.of("bullying lang:en -platform:whatsapp")).hits().get(0);
        assertEquals("h", hit.id());
        assertTrue(hit.snippet().contains("<script>"), "note text is returned as is, as plain text: " + hit.snippet());
        List<String> marked = hit.highlights().stream().map(x -> hit.snippet().substring(x.start(), x.end())).toList();
        assertEquals(List.of("bullies"), marked);
    }

    @Test
    void hitsWithoutATextMatchGetTheStartOfTheBody() throws IOException {
        SearchResult.Hit hit = index.search(SearchRequest.of("urgency:info")).hits().get(0);
        assertEquals("d", hit.id());
        assertTrue(hit.snippet().startsWith("Young producers share beats"), hit.snippet());
        assertTrue(hit.highlights().isEmpty());
    }

    @Test
    void moreLikeThis() throws IOException {
        for (int i = 0; i < 3; i++) {
            index.index(TestNotes.note("p" + i, "nl", "Pesten via groepsapp " + i,
                    "Weer een klasgroep waar iemand gepest wordt; berichten worden doorgestuurd naar andere klassen.",
                    List.of("whatsapp"), "2025-04-0" + (i + 1)));
        }
        SearchResult r = index.moreLikeThis("a", 3);
        List<String> found = r.hits().stream().map(SearchResult.Hit::id).toList();
        assertEquals(Set.of("p0", "p1", "p2"), Set.copyOf(found), found.toString());
        assertFalse(found.contains("a"));
        assertTrue(index.moreLikeThis("nope", 3).hits().isEmpty());
        assertEquals(1, index.moreLikeThis("nope", 3).hints().size());
    }
}
