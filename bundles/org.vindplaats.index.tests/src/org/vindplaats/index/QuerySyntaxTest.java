package org.vindplaats.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The forgiving syntax: nothing a user types makes a search fail. */
class QuerySyntaxTest {

    @TempDir
    static Path tmp;

    static NoteIndex index;

    @BeforeAll
    static void open() throws IOException {
        index = NoteIndex.open(tmp.resolve("index"), TestNotes.source(SearchTest.FIXTURE), IndexConfig.defaults(),
                new RecordingMonitor());
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    static Stream<String> specialCharacters() {
        String specials = "+-&|!(){}[]^\"~*?:\\/<>=@#$%,;.'`_";
        Stream<String> single = specials.chars().mapToObj(c -> String.valueOf((char) c));
        Stream<String> wrapped = specials.chars().mapToObj(c -> "pesten " + (char) c + " groepsapp" + (char) c);
        return Stream.concat(Stream.concat(single, wrapped), Stream.of("", "   ", "\"", "\"\"", "((", "))", "(pesten",
                "pesten)", "\"pesten groepsapp", "pesten\" groepsapp\"\"", "[2025 TO", "{a TO b]", "pesten~", "pesten~x",
                "~~~", "***", "pest*", "*pest", "a:b:c", ":", "platform:", "platform::", "need:\"", "observed:..",
                "observed:2025-13", "after:gisteren", "before:", "-", "--pesten", "- -", "+pesten", "|", "pesten | |",
                "\\", "pesten\\", "\u0000", "\uD83D\uDE00 emoji", "AND OR NOT", "pesten AND", "NOT pesten",
                "x".repeat(5000), "pesten ".repeat(500), "https://example.org/a?b=c", "mailto:a@b.c", "10:30 uur"));
    }

    @ParameterizedTest
    @MethodSource("specialCharacters")
    void neverThrows(String query) throws IOException {
        SearchResult r = index.search(SearchRequest.of(query).facets(true));
        assertTrue(r.total() >= 0);
    }

    private static List<String> ids(SearchResult r) {
        return r.hits().stream().map(SearchResult.Hit::id).toList();
    }

    @Test
    void unbalancedQuoteSearchesThePlainWordsAndSaysSo() throws IOException {
        SearchResult r = index.search(SearchRequest.of("\"group chat"));
        assertEquals("c", ids(r).get(0));
        assertEquals(1, r.hints().size());
        assertTrue(r.hints().get(0).contains("\""), r.hints().get(0));
    }

    @Test
    void unbalancedBracketsAreDropped() throws IOException {
        SearchResult r = index.search(SearchRequest.of("(pesten groepsapp"));
        assertEquals("a", ids(r).get(0));
        assertEquals(1, r.hints().size());
        SearchResult r2 = index.search(SearchRequest.of("pesten) (("));
        assertEquals("a", ids(r2).get(0));
        assertEquals(1, r2.hints().size());
    }

    @Test
    void balancedGroupsWork() throws IOException {
        SearchResult r = index.search(SearchRequest.of("(bullying | pesten) -klasgroep"));
        assertEquals(List.of("c"), ids(r));
        assertTrue(r.hints().isEmpty(), r.hints().toString());
    }

    @Test
    void fieldWithoutValueIsIgnoredWithAnExample() throws IOException {
        SearchResult r = index.search(SearchRequest.of("platform: pesten"));
        assertEquals("a", ids(r).get(0));
        assertEquals(1, r.hints().size());
        assertTrue(r.hints().get(0).contains("platform:tiktok"), r.hints().get(0));
    }

    @Test
    void unknownFieldIsSearchedAsWordsWithDidYouMean() throws IOException {
        SearchResult r = index.search(SearchRequest.of("platfrom:tiktok"));
        assertTrue(ids(r).containsAll(List.of("d", "f")), ids(r).toString());
        assertTrue(r.hints().get(0).contains("\"platform:\""), r.hints().get(0));
        SearchResult r2 = index.search(SearchRequest.of("kleur:rood pesten"));
        assertEquals("a", ids(r2).get(0));
        assertTrue(r2.hints().get(0).contains("kleur"), r2.hints().get(0));
    }

    @Test
    void unknownValueIsIgnoredWithDidYouMean() throws IOException {
        SearchResult r = index.search(SearchRequest.of("platform:tikok"));
        assertEquals(6, r.total(), "the filter is dropped, not turned into zero hits");
        assertTrue(r.hints().get(0).contains("tiktok"), r.hints().get(0));
        SearchResult r2 = index.search(SearchRequest.of("need:helth"));
        assertTrue(r2.hints().get(0).contains("health"), r2.hints().get(0));
        SearchResult r3 = index.search(SearchRequest.of("urgency:zzzz"));
        assertTrue(r3.hints().get(0).contains("immediate"), "lists the known values: " + r3.hints().get(0));
    }

    @Test
    void badDateIsIgnoredWithTheAcceptedForms() throws IOException {
        SearchResult r = index.search(SearchRequest.of("observed:gisteren"));
        assertEquals(6, r.total());
        assertTrue(r.hints().get(0).contains("yyyy-MM"), r.hints().get(0));
    }

    @Test
    void onlyNegationsFindEverythingElse() throws IOException {
        SearchResult r = index.search(SearchRequest.of("-pesten -bullying"));
        assertFalse(ids(r).contains("a"));
        assertFalse(ids(r).contains("c"));
        assertEquals(4, r.total());
    }

    @Test
    void prefixAndFuzzyOperatorsAndTypos() throws IOException {
        assertTrue(ids(index.search(SearchRequest.of("groeps*"))).contains("a"));
        assertEquals("c", ids(index.search(SearchRequest.of("bulying"))).get(0), "typo tolerated");
        assertEquals("d", ids(index.search(SearchRequest.of("producrs"))).get(0), "typo tolerated");
    }

    @Test
    void hintsFollowTheLanguage() throws IOException {
        Locale before = Locale.getDefault();
        // NLS picks the language when the message class loads; the test run is English.
        assertEquals(Locale.US.getLanguage(), before.getLanguage());
        SearchResult r = index.search(SearchRequest.of("\"pesten"));
        assertTrue(r.hints().get(0).startsWith("A quote"), r.hints().get(0));
    }
}
