package org.vindplaats.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vindplaats.index.SearchResult.Recognised;
import org.vindplaats.model.TrendNote;
import org.vindplaats.notes.NoteBuilder;

/**
 * Why a hit was found, as both front ends explain it: through the phenomena the query named
 * (with their narrower ones), never through phenomena the note has but nobody searched for.
 */
class SearchResultsTest {

    private static SearchResults.Hit hit(String id, List<String> phenomena, List<String> resembles) {
        TrendNote n = NoteBuilder.create(id).title(id).build();
        return new SearchResults.Hit(n, 1f, "", List.of(), phenomena, resembles);
    }

    @Test
    void aHitIsExplainedByTheSearchedPhenomenaItHolds() {
        SearchResults.Hit byGroup = hit("a", List.of("cyberbullying", "sextortion"), List.of());
        SearchResults.Hit byWords = hit("b", List.of("gaming"), List.of("grooming"));
        SearchResults r = new SearchResults(List.of(byGroup, byWords), 2, Map.of(), List.of(), false,
                List.of(new Recognised("online_sexual_abuse", "seksueel misbruik", List.of("sextortion", "grooming"))));
        assertEquals(Set.of("online_sexual_abuse", "sextortion", "grooming"), r.searchedPhenomena());
        assertEquals(List.of("sextortion"), r.foundBecause(byGroup), "a narrower phenomenon counts; cyberbullying was not searched");
        assertEquals(List.of(), r.foundBecause(byWords), "found by its words (it only resembles grooming)");
        assertEquals(List.of(), SearchResults.empty().foundBecause(byGroup), "no phenomenon recognised, nothing to explain");
    }

    /** A hit labelled with a need the query named says so ("psychisch welzijn" found a note labelled health). */
    @Test
    void aHitIsExplainedByTheNamedNeedsItIsLabelledWith() {
        TrendNote health = NoteBuilder.create("h").title("h").needs(Set.of(org.vindplaats.model.Need.HEALTH,
                org.vindplaats.model.Need.TALENT)).build();
        SearchResults.Hit h = new SearchResults.Hit(health, 1f, "", List.of(), List.of(), List.of());
        SearchResults named = new SearchResults(List.of(h), 1, Map.of(), List.of(), false, List.of(), 0, List.of("health"));
        assertEquals(List.of("health"), named.needsNamed(h), "talent is the note's too, but nobody searched for it");
        assertEquals(List.of(), SearchResults.empty().needsNamed(h), "no need named, nothing to explain");
    }
}
