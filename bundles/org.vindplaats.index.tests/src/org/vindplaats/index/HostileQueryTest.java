package org.vindplaats.index;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Queries built to exhaust the parser or Lucene rather than to find anything: deep nesting, tens of
 * thousands of clauses, wildcards and fuzzy terms by the hundred, broken Unicode. QuerySyntaxTest
 * covers every special character one by one; this adds the sizes and shapes that could hang, blow
 * the stack or hit Lucene's clause limit. The time bound is a hang guard, not a speed requirement.
 */
class HostileQueryTest {

    private static final Duration HANG_GUARD = Duration.ofMinutes(2);

    @TempDir
    static Path tmp;

    static NoteIndex index;

    @BeforeAll
    static void open() throws IOException {
        index = NoteIndex.open(tmp.resolve("index"), TestNotes.source(TestNotes.devNotes()), IndexConfig.defaults(),
                new RecordingMonitor());
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    private static String words(int n, String prefix, String suffix) {
        return IntStream.range(0, n).mapToObj(i -> prefix + "w" + Integer.toString(i, 36) + suffix)
                .collect(Collectors.joining(" "));
    }

    static Stream<String> hostile() {
        return Stream.of(
                "(".repeat(20_000) + "pesten" + ")".repeat(20_000),
                "(".repeat(20_000) + "pesten",
                "\"".repeat(20_001),
                "-(".repeat(5_000) + "x",
                words(20_000, "", ""),
                words(3_000, "", "*"),
                words(500, "", "~"),
                words(3_000, "-", ""),
                words(2_000, "platform:", ""),
                "platform:" + words(5_000, "", "").replace(' ', ','),
                "observed:" + "2025-01..".repeat(2_000),
                "a*b*c*d*e*f*g*h*i*j*k*l*m*n*o*p*",
                "*".repeat(10_000),
                "?".repeat(10_000),
                "p" + "*".repeat(5_000),
                "pesten~" + "~".repeat(5_000),
                "x".repeat(100_000) + "~",
                "\uD800 \uDC00 \uFFFF \uFFFE \u202E omgekeerd \u200B\u200B \u0301\u0301\u0301",
                "\u0000".repeat(1_000),
                "e\u0301".repeat(10_000),
                "\uD83D\uDE00".repeat(10_000),
                "AND OR NOT ".repeat(3_000),
                "\"pesten groepsapp\"~1000000",
                "pesten^1000000000 groepsapp^-1",
                "/.*/ /(a+)+$/ /[a-z]{1,100000}/",
                "{!lucene}pesten ${jndi:ldap://example.org/a} <script>alert(1)</script> ' OR 1=1 --");
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void neverThrowsNorHangs(String query) {
        SearchResult r = assertTimeoutPreemptively(HANG_GUARD,
                () -> index.search(SearchRequest.of(query).facets(true).limit(50)));
        assertTrue(r.total() >= 0 && r.hits().size() <= r.total(), "hits within the total");
        for (SearchResult.Hit h : r.hits()) {
            for (SearchResult.Range range : h.highlights()) {
                assertTrue(range.start() >= 0 && range.end() <= h.snippet().length(), "highlight inside its snippet");
            }
        }
    }
}
