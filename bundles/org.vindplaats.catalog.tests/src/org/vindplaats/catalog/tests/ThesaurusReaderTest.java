package org.vindplaats.catalog.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vindplaats.catalog.Problem;
import org.vindplaats.catalog.ThesaurusReader;
import org.vindplaats.model.Need;
import org.vindplaats.model.Thesaurus;

/**
 * A knowledge centre's thesaurus with mistakes: every problem names the line and a fix, the
 * broken entry is left out, the rest still loads, and nothing throws.
 */
class ThesaurusReaderTest {

    private static ThesaurusReader.Result read(String json) {
        return ThesaurusReader.read(json.getBytes(StandardCharsets.UTF_8), "kc", "data/thesaurus.json");
    }

    private static String entry(String id, String label, String extra) {
        return "{\"id\": \"" + id + "\", \"label\": {\"nl\": \"" + label + "\", \"en\": \"" + label + "\"}" + extra + "}";
    }

    private static String file(String... entries) {
        return "{\n\"format\": 1,\n\"phenomena\": [\n" + String.join(",\n", entries) + "\n]\n}\n";
    }

    private static Problem only(ThesaurusReader.Result r) {
        assertEquals(1, r.problems().size(), r.problems().toString());
        Problem p = r.problems().get(0);
        assertEquals("data/thesaurus.json", p.file());
        assertFalse(p.fix().isBlank(), "every problem says what to do");
        return p;
    }

    @Test
    void aValidThesaurusLoadsWithItsHierarchy() {
        ThesaurusReader.Result r = read(file(
                entry("online_sexual_abuse", "Online seksueel misbruik", ""),
                entry("grooming", "Grooming", ", \"altLabels\": {\"nl\": [\"online kinderlokken\"]}, \"hiddenLabels\": [\"groomen\"],"
                        + " \"broader\": [\"online_sexual_abuse\"], \"needs\": [\"relationships\", \"privacy_safety\"],"
                        + " \"examples\": [{\"lang\": \"nl\", \"text\": \"Een man vraagt haar het gesprek geheim te houden.\"}]")));
        assertEquals(List.of(), r.problems());
        Thesaurus t = r.thesaurus();
        assertEquals(2, t.size());
        assertEquals(List.of("grooming"), t.narrower("online_sexual_abuse"));
        assertEquals(Set.of(Need.RELATIONSHIPS, Need.PRIVACY_SAFETY), t.get("grooming").orElseThrow().needs());
        assertTrue(t.get("grooming").orElseThrow().allLabels().contains("groomen"));
        assertEquals("kc", t.get("grooming").orElseThrow().source());
    }

    @Test
    void invalidJsonNamesTheLine() {
        Problem p = only(read("{\n\"format\": 1,\n\"phenomena\": [\n{\"id\": \"a\" \"label\": {}}\n]}"));
        assertEquals(4, p.line());
        assertTrue(p.isError());
    }

    @Test
    void aDuplicateIdIsLeftOutAndNamesTheFirst() {
        ThesaurusReader.Result r = read(file(entry("grooming", "Grooming", ""), entry("grooming", "Grooming twee", "")));
        Problem p = only(r);
        assertEquals(5, p.line());
        assertTrue(p.message().contains("4"), p.message());
        assertEquals("Grooming", r.thesaurus().get("grooming").orElseThrow().label().nl());
    }

    @Test
    void aLabelClaimedByTwoPhenomenaIsAnError() {
        ThesaurusReader.Result r = read(file(entry("sextortion", "Sextortion", ", \"altLabels\": {\"nl\": [\"Afpersing\"]}"),
                entry("scams", "Oplichting", ", \"hiddenLabels\": [\"afpersing\"]")));
        Problem p = only(r);
        assertTrue(p.message().contains("afpersing") && p.message().contains("sextortion"), p.message());
        assertEquals(5, p.line());
    }

    @Test
    void aCycleOfBroaderLinksIsNamedAndBroken() {
        ThesaurusReader.Result r = read(file(entry("a_one", "Een", ", \"broader\": [\"b_two\"]"),
                entry("b_two", "Twee", ", \"broader\": [\"c_three\"]"), entry("c_three", "Drie", ", \"broader\": [\"a_one\"]")));
        Problem p = only(r);
        assertTrue(p.message().contains("a_one \u2192 b_two \u2192 c_three \u2192 a_one"), p.message());
        assertEquals(3, r.thesaurus().size(), "all three still load");
        assertTrue(r.thesaurus().ancestors("a_one").size() < 3, "the circle is cut: " + r.thesaurus().ancestors("a_one"));
    }

    @Test
    void unknownNeedsAffordancesAndLinksAreReportedTheRestCounts() {
        ThesaurusReader.Result r = read(file(entry("grooming", "Grooming",
                ", \"needs\": [\"relationships\", \"friendship\"], \"affordances\": [\"anonymity\", \"speed\"], \"broader\": [\"sexual_abuse\"]")));
        assertEquals(3, r.problems().size(), r.problems().toString());
        assertEquals(2, r.problems().stream().filter(Problem::isError).count());
        assertTrue(r.problems().stream().anyMatch(p -> p.message().contains("friendship") && p.message().contains("health")));
        assertTrue(r.problems().stream().anyMatch(p -> !p.isError() && p.message().contains("sexual_abuse")));
        assertEquals(Set.of(Need.RELATIONSHIPS), r.thesaurus().get("grooming").orElseThrow().needs());
    }

    @Test
    void badIdsMissingLabelsAndWrongShapesNeverThrow() {
        assertEquals(0, read(file(entry("Bad Id", "X", ""))).thesaurus().size());
        assertEquals(0, read(file("{\"id\": \"no_label\"}")).thesaurus().size());
        assertTrue(only(read("[1, 2]")).message().contains("phenomena"));
        assertTrue(only(read("{\"format\": 7, \"phenomena\": []}")).message().contains("7"));
        assertTrue(only(read("")).isError());
        assertTrue(only(read("[".repeat(10_000))).isError(), "deep nesting is refused, not a stack overflow");
        ThesaurusReader.Result odd = read(file(entry("a_b", "X", ", \"broader\": {\"x\": 1}, \"examples\": 3")));
        assertEquals(List.of(), odd.problems(), "lists of the wrong shape are read as empty");
        assertEquals(1, odd.thesaurus().size());
    }
}
