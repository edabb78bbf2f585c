package org.vindplaats.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.model.LocalizedText;
import org.vindplaats.model.Need;
import org.vindplaats.model.Phenomenon;
import org.vindplaats.model.Thesaurus;
import org.vindplaats.model.TrendNote;

/**
 * Search that understands phenomena: a query naming a phenomenon (by label, slang, inflection
 * or with a typo) finds notes that describe it in other words, its narrower phenomena count
 * too, {@code fenomeen:} filters, and results say why.
 */
class PhenomenaSearchTest {

    @TempDir
    Path tmp;

    static Phenomenon phenomenon(String id, String nl, String en, List<String> altNl, List<String> hidden,
            List<String> broader) {
        return new Phenomenon(id, LocalizedText.of(nl, en), altNl, List.of(), hidden, LocalizedText.EMPTY, broader,
                List.of(), Set.of(Need.PRIVACY_SAFETY), Set.of(), List.of(), List.of(), "test");
    }

    static final Thesaurus THESAURUS = Thesaurus.of(List.of(
            phenomenon("online_sexual_abuse", "Online seksueel misbruik", "Online sexual abuse", List.of(), List.of(), List.of()),
            phenomenon("sextortion", "Sextortion", "Sextortion", List.of("afpersing met naaktfoto", "chantage met naaktbeelden"),
                    List.of("sextortie", "sextorsie"), List.of("online_sexual_abuse")),
            phenomenon("grooming", "Grooming", "Grooming", List.of("online kinderlokken"), List.of("groomen", "groomer"),
                    List.of("online_sexual_abuse")),
            phenomenon("money_mules", "Geldezels", "Money mules", List.of("katvanger", "bankpas uitlenen"), List.of(),
                    List.of())));

    static final List<TrendNote> NOTES = List.of(
            TestNotes.note("n1", "nl", "Chantage na naaktfoto", "Een jongen kreeg na het sturen van een foto de vraag om te betalen,"
                    + " anders zou alles rondgaan. Dat is sextortie.", List.of("instagram"), "2025-03-01"),
            TestNotes.note("n2", "nl", "Bankpas gevraagd", "In de klas circuleert een aanbod: leen je bankpas uit en verdien 200 euro."
                    + " Twee jongeren werden al katvanger.", List.of("snapchat"), "2025-03-02"),
            TestNotes.note("n3", "nl", "Volwassene in de chat", "Een man doet zich voor als leeftijdsgenoot en vraagt haar geheim te"
                    + " houden dat ze praten; hij is aan het groomen.", List.of("roblox"), "2025-03-03"),
            TestNotes.note("n4", "nl", "Voetbaltoernooi", "Het online toernooi was een groot succes en bracht veel jongeren samen.",
                    List.of("fortnite"), "2025-03-04"),
            TestNotes.note("n5", "en", "Strange job offer", "Students are offered quick cash for receiving money on their account:"
                    + " a classic money mule scheme.", List.of("telegram"), "2025-03-05"));

    /** Money mules known only by two example notes (no slang, no description). */
    static final Phenomenon MULES_BY_EXAMPLES = new Phenomenon("money_mules", LocalizedText.of("Geldezels", "Money mules"),
            List.of(), List.of(), List.of(), LocalizedText.EMPTY, List.of(), List.of(), Set.of(), Set.of(), List.of(),
            List.of(new Phenomenon.Example("nl", "Jongeren krijgen geld om hun bankrekening uit te lenen aan onbekenden."),
                    new Phenomenon.Example("nl", "Een onbekende stort geld op haar bankrekening en vraagt het door te storten.")),
            "test");

    /**
     * The hub's push reads a note's phenomena back from the index instead of tagging it again:
     * the same labels as the rule that made the index, and nothing for a note changed since it
     * was indexed or never indexed (those the caller tags anew).
     */
    @Test
    void phenomenaReadBackFromTheIndexAreTheRulesLabelsForUnchangedNotesOnly() throws IOException {
        IndexConfig config = IndexConfig.defaults().withThesaurus(THESAURUS);
        NoteLabels rule = new NoteLabels(config);
        try (NoteIndex index = open(config)) {
            TrendNote edited = TestNotes.touched(NOTES.get(0), NOTES.get(0).body() + " Nog een geval van sextortie.");
            TrendNote unknown = TestNotes.note("n9", "nl", "Niet geindexeerd", "Over geldezels.", List.of(), "2025-03-09");
            List<TrendNote> asked = List.of(edited, NOTES.get(1), NOTES.get(2), NOTES.get(3), NOTES.get(4), unknown);
            Map<String, Set<String>> read = index.indexedPhenomena(asked);
            assertEquals(Set.of("n2", "n3", "n4", "n5"), read.keySet(), "only the notes indexed as they are now");
            for (TrendNote n : NOTES.subList(1, NOTES.size())) {
                assertEquals(rule.phenomena(n), read.get(n.id()), n.id());
            }
            assertEquals(Set.of("money_mules"), read.get("n2"));
            assertEquals(Set.of(), read.get("n4"), "a note without phenomena is read back as none, not as unknown");
        }
    }

    /**
     * A worker's word on a note's phenomena is what the index uses: the phenomena given (also one
     * the text never names), and with "none of these" confirmed, none, whatever the tagger sees.
     */
    @Test
    void phenomenaAWorkerConfirmedOverrideWhatTheTextSuggests() throws IOException {
        TrendNote tournament = NOTES.get(3);
        TrendNote given = new TrendNote(tournament.id(), tournament.title(), tournament.body(), tournament.platforms(),
                tournament.observed(), tournament.language(), tournament.source(), tournament.author(), null, null, Set.of(),
                Set.of(), tournament.created(), tournament.updated(), null, Set.of(TrendNote.LabelFamily.PHENOMENA), false,
                List.of("grooming", "not_in_the_thesaurus"));
        TrendNote groomen = NOTES.get(2);
        TrendNote none = new TrendNote(groomen.id(), groomen.title(), groomen.body(), groomen.platforms(), groomen.observed(),
                groomen.language(), groomen.source(), groomen.author(), null, null, Set.of(), Set.of(), groomen.created(),
                groomen.updated(), null, Set.of(TrendNote.LabelFamily.PHENOMENA), false, List.of());
        IndexConfig config = IndexConfig.defaults().withThesaurus(THESAURUS);
        NoteLabels rule = new NoteLabels(config);
        assertEquals(Set.of("grooming"), rule.phenomena(given), "an id the thesaurus does not know is left out");
        assertEquals(Set.of(), rule.phenomena(none));
        assertEquals(Set.of("grooming"), rule.phenomena(groomen), "unconfirmed, the text decides");
        List<TrendNote> notes = List.of(NOTES.get(0), NOTES.get(1), none, given, NOTES.get(4));
        try (NoteIndex ix = NoteIndex.open(tmp.resolve("confirmed"), TestNotes.source(notes), config, null)) {
            assertEquals(List.of("n4"), ids(ix.search(SearchRequest.of("fenomeen:grooming"))));
        }
    }

    private NoteIndex open(IndexConfig config) throws IOException {
        return NoteIndex.open(tmp.resolve("index-" + config.fingerprint().substring(0, 8)), TestNotes.source(NOTES), config, null);
    }

    private static List<String> ids(SearchResult r) {
        return r.hits().stream().map(SearchResult.Hit::id).toList();
    }

    @Test
    void aPhenomenonNamedInTheQueryFindsNotesThatUseOtherWords() throws IOException {
        try (NoteIndex plain = open(IndexConfig.defaults());
                NoteIndex withThesaurus = open(IndexConfig.defaults().withThesaurus(THESAURUS))) {
            // "geldezels": no note uses the word; two describe money mules (katvanger, money mule).
            assertEquals(List.of(), ids(plain.search(SearchRequest.of("geldezels"))));
            SearchResult r = withThesaurus.search(SearchRequest.of("geldezels"));
            assertEquals(Set.of("n2", "n5"), Set.copyOf(ids(r)));
            assertEquals("money_mules", r.recognised().get(0).id());
            assertTrue(r.hits().get(0).phenomena().contains("money_mules"), "the hit says which phenomenon it was indexed with");
        }
    }

    @Test
    void aNoteThatOnlyResemblesThePhenomenonsExamplesSaysSo() throws IOException {
        Phenomenon mules = MULES_BY_EXAMPLES;
        // No word of the query, not even "geld" (a part of "geldezels", and a synonym of "money").
        List<TrendNote> notes = List.of(TestNotes.note("r1", "nl", "Vreemde vraag", "Een onbekende vroeg haar bankrekening te"
                + " gebruiken om een bedrag door te storten.", List.of(), "2025-01-01"),
                TestNotes.note("r2", "nl", "Voetbal", "Het toernooi was leuk.", List.of(), "2025-01-02"),
                TestNotes.note("r3", "nl", "Nog een vraag", "Een onbekende vroeg zijn bankrekening te gebruiken om een"
                        + " bedrag door te storten.", List.of("tiktok"), "2025-01-03"));
        try (NoteIndex ix = NoteIndex.open(tmp.resolve("like"), TestNotes.source(notes),
                IndexConfig.defaults().withThesaurus(Thesaurus.of(List.of(mules))), null)) {
            SearchResult r = ix.search(SearchRequest.of("geldezels"));
            assertEquals(Set.of("r1", "r3"), Set.copyOf(ids(r)), "found without naming the phenomenon, through its examples");
            assertEquals(List.of(), r.hits().get(0).phenomena());
            assertEquals(List.of("money_mules"), r.hits().get(0).resembles());
            assertEquals(2, r.resemblingOnly(), "they only resemble, and are counted apart from the notes about it");
            SearchResult named = ix.search(SearchRequest.of("geldezels bankrekening"));
            assertEquals(Set.of("r1", "r3"), Set.copyOf(ids(named)));
            assertEquals(0, named.resemblingOnly(), "a note that uses a word of the query is a direct match");
            // Counted within the query's filters and exclusions, next to direct matches.
            SearchResult filtered = ix.search(SearchRequest.of("geldezels platform:tiktok"));
            assertEquals(List.of("r3"), ids(filtered));
            assertEquals(1, filtered.resemblingOnly());
            SearchResult excluded = ix.search(SearchRequest.of("geldezels -zijn"));
            assertEquals(List.of("r1"), ids(excluded));
            assertEquals(1, excluded.resemblingOnly());
            SearchResult mixed = ix.search(SearchRequest.of("geldezels toernooi"));
            assertEquals(Set.of("r1", "r2", "r3"), Set.copyOf(ids(mixed)));
            assertEquals(2, mixed.resemblingOnly(), "the football note matches a word; the other two only resemble");
            SearchResult partly = ix.search(SearchRequest.of("geldezels onbekende -zijn"));
            assertEquals(List.of("r1"), ids(partly));
            assertEquals(0, partly.resemblingOnly());
        }
    }

    /**
     * Sharing a few words with a phenomenon's examples is too weak to bring a note in on its own
     * ("grooming" once matched nearly every note that way): only the closest notes are, and the
     * notes the tagger's model finds likely for it.
     */
    @Test
    void aResemblanceAloneBringsInOnlyTheClosestNotesAndTheLikelyOnes() throws IOException {
        Phenomenon mules = MULES_BY_EXAMPLES;
        List<TrendNote> notes = List.of(
                TestNotes.note("close", "nl", "Vreemde vraag", "Een onbekende stort een bedrag op haar bankrekening en vraagt"
                        + " haar het door te storten; jongeren lenen zo hun bankrekening uit.", List.of(), "2025-01-01"),
                TestNotes.note("far", "nl", "Schoolreis", "Jongeren vragen of ze hun fiets mogen lenen voor de schoolreis.",
                        List.of(), "2025-01-02"),
                TestNotes.note("other", "nl", "Voetbal", "Het toernooi was leuk.", List.of(), "2025-01-03"));
        try (NoteIndex ix = NoteIndex.open(tmp.resolve("closest"), TestNotes.source(notes),
                IndexConfig.defaults().withThesaurus(Thesaurus.of(List.of(mules))), null)) {
            assertEquals(List.of("close"), ids(ix.search(SearchRequest.of("geldezels"))),
                    "'far' shares three words with the examples (jongeren, lenen, vragen): not close enough");
            SearchResult named = ix.search(SearchRequest.of("geldezels schoolreis"));
            assertEquals(List.of("close", "far"), ids(named).stream().sorted().toList(),
                    "a note the query's words find is found, resemblance or not");
        }
        PhenomenonTagger likely = PhenomenonTagger.withLikely(
                n -> new PhenomenonTagger.Tags(List.of(), n.id().equals("far") ? Map.of("money_mules", 0.05) : Map.of()));
        try (NoteIndex ix = NoteIndex.open(tmp.resolve("likely"), TestNotes.source(notes),
                IndexConfig.defaults().withThesaurus(Thesaurus.of(List.of(mules))).withPhenomenonTagger("likely-v1", likely),
                null)) {
            SearchResult r = ix.search(SearchRequest.of("geldezels"));
            assertEquals(List.of("close", "far"), ids(r), "the model finds 'far' likely; the closer note ranks first");
            assertEquals(List.of("money_mules"), r.hits().get(1).resembles());
            assertEquals(List.of(), r.hits().get(1).phenomena(), "likely is not tagged: fenomeen: does not find it");
            assertEquals(List.of(), ids(ix.search(SearchRequest.of("fenomeen:money_mules"))));
        }
    }

    /**
     * With a tagger that ranks, a note's words alone make it close to a phenomenon only when the
     * model also ranks the phenomenon first for it: found by hand on the eight sample notes, where
     * the best resembling note of a phenomenon was often about something else. Also for notes
     * added after the resemblance was made (extended, not made again).
     */
    @Test
    void aNoteIsCloseByItsWordsOnlyWhenTheModelRanksThePhenomenonFirstForIt() throws IOException {
        String close = "Een onbekende stort een bedrag op haar bankrekening en vraagt haar het door te storten;"
                + " jongeren lenen zo hun bankrekening uit.";
        List<TrendNote> notes = new java.util.ArrayList<>(List.of(
                TestNotes.note("close-ranked", "nl", "Vreemde vraag", close, List.of(), "2025-01-01"),
                TestNotes.note("close-other", "nl", "Ook een vraag", close, List.of(), "2025-01-02")));
        for (int i = 0; i < 60; i++) {
            notes.add(TestNotes.note("filler-" + i, "nl", "Voetbal " + i, "Het toernooi in de wijk was leuk, ronde " + i + ".",
                    List.of(), "2025-01-03"));
        }
        // The model ranks money_mules first for the notes whose id says so, something else for the rest.
        PhenomenonTagger ranking = PhenomenonTagger.ranking(n -> new PhenomenonTagger.Tags(List.of(), Map.of(),
                n.id().contains("ranked") ? List.of("money_mules") : List.of("other")));
        try (NoteIndex ix = NoteIndex.open(tmp.resolve("ranked"), TestNotes.source(notes),
                IndexConfig.defaults().withThesaurus(Thesaurus.of(List.of(MULES_BY_EXAMPLES))).withPhenomenonTagger("rank-v1", ranking),
                null)) {
            NoteSearcher searcher = ix.noteSearcher();
            assertEquals(List.of("close-ranked"), ids(ix.search(SearchRequest.of("geldezels"))),
                    "the same words, but the model ranks another phenomenon first for 'close-other'");
            ix.index(TestNotes.note("later-ranked", "nl", "Weer zo'n vraag", close, List.of(), "2025-01-04"));
            ix.index(TestNotes.note("later-other", "nl", "Nog zo'n vraag", close, List.of(), "2025-01-04"));
            assertEquals(List.of("close-ranked", "later-ranked"), ids(ix.search(SearchRequest.of("geldezels"))).stream().sorted().toList(),
                    "the extended resemblance asks the model too");
            assertEquals(1, searcher.resemblancesMade.get(), "extended, not made again");
            assertTrue(ids(ix.search(SearchRequest.of("geldezels bankrekening"))).contains("close-other"),
                    "a note the query's other words find is still found");
        }
        // A tagger that does not rank leaves it to the words, as before.
        try (NoteIndex ix = NoteIndex.open(tmp.resolve("unranked"), TestNotes.source(notes),
                IndexConfig.defaults().withThesaurus(Thesaurus.of(List.of(MULES_BY_EXAMPLES))), null)) {
            assertEquals(List.of("close-other", "close-ranked"), ids(ix.search(SearchRequest.of("geldezels"))).stream().sorted().toList());
        }
    }

    /**
     * Among a note's similar notes, those about the same phenomenon come first, before notes that
     * only share more of its words: tried by hand, a note about drug running listed a grooming
     * note (sharing "jongen" and "vertelde") as the most like it.
     */
    @Test
    void similarNotesAboutTheSamePhenomenonComeFirst() throws IOException {
        List<TrendNote> notes = List.of(
                TestNotes.note("src", "nl", "Pakketjes", "Een jongen vertelde in het jeugdhuis dat een onbekende hem geld bood"
                        + " om zijn bankrekening uit te lenen.", List.of(), "2025-01-01"),
                TestNotes.note("words", "nl", "Game", "Een jongen vertelde in het jeugdhuis dat een onbekende hem in een game"
                        + " aansprak.", List.of(), "2025-01-02"),
                TestNotes.note("same", "nl", "Rekening", "Iemand vroeg of ze haar bankrekening kon uitlenen.", List.of(),
                        "2025-01-03"));
        PhenomenonTagger tagger = PhenomenonTagger.ranking(n -> new PhenomenonTagger.Tags(
                n.id().equals("words") ? List.of() : List.of("money_mules"), Map.of(),
                n.id().equals("words") ? List.of("other") : List.of("money_mules")));
        try (NoteIndex ix = NoteIndex.open(tmp.resolve("similar"), TestNotes.source(notes),
                IndexConfig.defaults().withThesaurus(Thesaurus.of(List.of(MULES_BY_EXAMPLES))).withPhenomenonTagger("sim-v1", tagger),
                null)) {
            assertEquals(List.of("same", "words"), ids(ix.moreLikeThis("src", 5)), "the note about money mules first");
        }
        try (NoteIndex ix = NoteIndex.open(tmp.resolve("similar-plain"), TestNotes.source(notes), IndexConfig.defaults(), null)) {
            assertEquals(List.of("words", "same"), ids(ix.moreLikeThis("src", 5)), "by words alone the other one shares more");
        }
        // Then another phenomenon of the same group: money mules next to recruitment for crime.
        Thesaurus groups = Thesaurus.of(List.of(
                phenomenon("crime_money", "Criminaliteit en geld", "Crime and money", List.of(), List.of(), List.of()),
                phenomenon("recruitment", "Ronselen", "Recruitment", List.of(), List.of(), List.of("crime_money")),
                phenomenon("money_mules", "Geldezels", "Money mules", List.of(), List.of(), List.of("crime_money")),
                phenomenon("gaming", "Gamen", "Gaming", List.of(), List.of(), List.of())));
        PhenomenonTagger byGroup = PhenomenonTagger.ranking(n -> {
            List<String> p = List.of(n.id().equals("src") ? "recruitment" : n.id().equals("same") ? "money_mules" : "gaming");
            return new PhenomenonTagger.Tags(p, Map.of(), p);
        });
        double plainRatio;
        try (NoteIndex ix = NoteIndex.open(tmp.resolve("similar-plain-2"), TestNotes.source(notes), IndexConfig.defaults(), null)) {
            plainRatio = scoreRatio(ix.moreLikeThis("src", 5), "same", "words");
        }
        try (NoteIndex ix = NoteIndex.open(tmp.resolve("similar-group"), TestNotes.source(notes),
                IndexConfig.defaults().withThesaurus(groups).withPhenomenonTagger("group-v1", byGroup), null)) {
            assertEquals(2 * plainRatio, scoreRatio(ix.moreLikeThis("src", 5), "same", "words"), 1e-4,
                    "the note about money mules, of the same group, counts twice; the one about gaming as it was");
        }
    }

    private static double scoreRatio(SearchResult r, String a, String b) {
        float sa = r.hits().stream().filter(h -> h.id().equals(a)).findFirst().orElseThrow().score();
        float sb = r.hits().stream().filter(h -> h.id().equals(b)).findFirst().orElseThrow().score();
        return (double) sa / sb;
    }

    /**
     * A phenomenon search lists exactly the notes it counts: the query that scores them (with the
     * resemblance over every note related to the phenomenon) and the cheaper one that counts them
     * (with only the closest and likely notes) agree, for notes close to the examples, far from
     * them, tagged with the phenomenon, likely for it, and found by other words of the query.
     * (The listing query matches at least what the counting one does, so equal counts mean the
     * same notes.)
     */
    @Test
    void aPhenomenonSearchListsExactlyTheNotesItCounts() throws IOException {
        String[] words = { "bankrekening", "onbekende", "geld", "storten", "lenen", "jongeren", "vragen", "schoolreis",
                "fiets", "toernooi", "bedrag", "snel", "verdienen" };
        java.util.Random r = new java.util.Random(5);
        List<TrendNote> notes = new java.util.ArrayList<>();
        for (int i = 0; i < 80; i++) {
            StringBuilder body = new StringBuilder();
            for (int k = 4 + r.nextInt(10); k > 0; k--) {
                body.append(words[r.nextInt(words.length)]).append(' ');
            }
            String kind = i % 7 == 0 ? "-tagged" : i % 5 == 0 ? "-likely" : "";
            notes.add(TestNotes.note("n" + i + kind, "nl", "Notitie " + i, body.toString().strip() + ".", List.of(),
                    "2025-01-" + String.format("%02d", 1 + i % 28)));
        }
        PhenomenonTagger tagger = PhenomenonTagger.withLikely(n -> new PhenomenonTagger.Tags(
                n.id().endsWith("-tagged") ? List.of("money_mules") : List.of(),
                n.id().endsWith("-likely") ? Map.of("money_mules", 0.05) : Map.of()));
        try (NoteIndex ix = NoteIndex.open(tmp.resolve("lists-what-it-counts"), TestNotes.source(notes),
                IndexConfig.defaults().withThesaurus(Thesaurus.of(List.of(MULES_BY_EXAMPLES))).withPhenomenonTagger("t-v1", tagger),
                null)) {
            int checked = 0;
            for (String q : List.of("geldezels", "geldezels schoolreis", "geldezels fiets toernooi", "geldezels -fiets",
                    "geldezels snel verdienen")) {
                SearchResult listed = ix.search(SearchRequest.of(q).limit(1000));
                SearchResult counted = ix.search(SearchRequest.of(q).limit(1000).facets(true));
                assertEquals(counted.total(), listed.hits().size(), q + ": listed " + ids(listed));
                assertEquals(ids(counted), ids(listed), q);
                assertTrue(listed.hits().size() < notes.size(), q + ": a resemblance alone does not bring in every note");
                checked += listed.hits().size();
            }
            assertTrue(checked > 20, "the queries found notes: " + checked);
        }
    }

    /**
     * The resemblance of a phenomenon is made once per state of the index: a note added later must
     * be found by it as soon as the index has it, not after a restart.
     */
    @Test
    void aNoteAddedLaterIsFoundThroughTheResemblanceToo() throws IOException {
        List<TrendNote> notes = List.of(TestNotes.note("first", "nl", "Vreemde vraag", "Een onbekende stort een bedrag op haar"
                + " bankrekening en vraagt haar het door te storten.", List.of(), "2025-01-01"));
        try (NoteIndex ix = NoteIndex.open(tmp.resolve("later"), TestNotes.source(notes),
                IndexConfig.defaults().withThesaurus(Thesaurus.of(List.of(MULES_BY_EXAMPLES))), null)) {
            assertEquals(List.of("first"), ids(ix.search(SearchRequest.of("geldezels"))));
            ix.index(TestNotes.note("later", "nl", "Weer zo'n vraag", "Een onbekende stort een bedrag op zijn bankrekening en vraagt"
                    + " het door te storten; jongeren lenen hun bankrekening uit.", List.of(), "2025-01-02"));
            // (The new note resembles the examples more, so it may push the first below the closest.)
            assertTrue(ids(ix.search(SearchRequest.of("geldezels"))).contains("later"), "the new note is found at once");
        }
    }

    /**
     * After a small change the resemblance is extended, not made again: a new note close to the
     * examples is found at once, a deleted one is gone, and only when many notes changed (more
     * than {@link NoteSearcher#REMAKE_AFTER} of the index) is it made anew.
     */
    @Test
    void aSmallChangeExtendsTheResemblanceAndALargeOneRemakesIt() throws IOException {
        List<TrendNote> notes = new java.util.ArrayList<>();
        notes.add(TestNotes.note("first", "nl", "Vreemde vraag", "Een onbekende stort een bedrag op haar bankrekening en vraagt"
                + " haar het door te storten; jongeren lenen zo hun bankrekening uit.", List.of(), "2025-01-01"));
        for (int i = 0; i < 60; i++) {
            notes.add(TestNotes.note("filler-" + i, "nl", "Voetbal " + i, "Het toernooi in de wijk was leuk, ronde " + i + ".",
                    List.of(), "2025-01-02"));
        }
        try (NoteIndex ix = NoteIndex.open(tmp.resolve("extended"), TestNotes.source(notes),
                IndexConfig.defaults().withThesaurus(Thesaurus.of(List.of(MULES_BY_EXAMPLES))), null)) {
            NoteSearcher searcher = ix.noteSearcher();
            assertEquals(List.of("first"), ids(ix.search(SearchRequest.of("geldezels"))));
            assertEquals(1, searcher.resemblancesMade.get());

            ix.index(TestNotes.note("later", "nl", "Weer zo'n vraag", "Een onbekende stort een bedrag op zijn bankrekening en vraagt"
                    + " het door te storten; jongeren lenen hun bankrekening uit.", List.of(), "2025-01-03"));
            assertEquals(List.of("first", "later"), ids(ix.search(SearchRequest.of("geldezels"))).stream().sorted().toList(),
                    "the new close note is found at once");
            assertEquals(1, searcher.resemblancesMade.get(), "extended, not made again");
            ix.index(TestNotes.note("far", "nl", "Schoolreis", "Jongeren vragen of ze hun fiets mogen lenen voor de schoolreis.",
                    List.of(), "2025-01-03"));
            assertEquals(List.of("first", "later"), ids(ix.search(SearchRequest.of("geldezels"))).stream().sorted().toList(),
                    "a new note that only shares a few words is not brought in by the extended resemblance either");
            assertEquals(1, searcher.resemblancesMade.get());

            ix.delete("first");
            assertEquals(List.of("later"), ids(ix.search(SearchRequest.of("geldezels"))), "a deleted note is gone");
            assertEquals(1, searcher.resemblancesMade.get());

            for (int i = 0; i < 5; i++) {
                ix.index(TestNotes.note("more-" + i, "nl", "Nog een", "Een onbekende stort geld op een bankrekening.", List.of(),
                        "2025-01-04"));
            }
            assertTrue(ids(ix.search(SearchRequest.of("geldezels"))).contains("later"));
            assertEquals(2, searcher.resemblancesMade.get(), "7 notes new since it was made, more than 5 % of 67: made anew");
        }
    }

    /**
     * A label whose small words carry its meaning ("geen vrienden", "te veel delen") is recognised
     * only with those words: a note or query that merely says "vrienden" or "delen" is not about
     * loneliness or oversharing. And a query word the thesaurus itself uses ("mening") is no typo
     * of another phenomenon's label ("mewing").
     */
    @Test
    void smallWordsOfALabelCountAndAWordOfTheThesaurusIsNoTypo() throws IOException {
        Thesaurus t = Thesaurus.of(List.of(
                phenomenon("loneliness", "Eenzaamheid", "Loneliness", List.of("geen vrienden"), List.of(), List.of()),
                phenomenon("oversharing", "Te veel delen", "Oversharing", List.of(), List.of(), List.of()),
                phenomenon("opinions", "Meningsvorming", "Opinions", List.of("meningen online"), List.of(), List.of()),
                phenomenon("mewing", "Mewing", "Mewing", List.of(), List.of(), List.of())));
        List<TrendNote> notes = List.of(
                TestNotes.note("s1", "nl", "Samen gamen", "Ze spelen met vrienden en delen hun scores.", List.of(), "2025-01-01"),
                TestNotes.note("s2", "nl", "Alleen", "Hij zegt dat hij geen vrienden heeft en deelt te veel delen van zijn leven.",
                        List.of(), "2025-01-02"));
        try (NoteIndex ix = NoteIndex.open(tmp.resolve("small-words"), TestNotes.source(notes),
                IndexConfig.defaults().withThesaurus(t), null)) {
            assertEquals(List.of("s2"), ids(ix.search(SearchRequest.of("fenomeen:loneliness"))), "only the note that says 'geen vrienden'");
            assertEquals(List.of(), ix.search(SearchRequest.of("vrienden")).recognised(), "'vrienden' alone names no phenomenon");
            assertEquals(List.of("loneliness"),
                    ix.search(SearchRequest.of("geen vrienden")).recognised().stream().map(SearchResult.Recognised::id).toList());
            assertEquals(List.of(), ix.search(SearchRequest.of("delen")).recognised(), "'delen' alone is no oversharing");
            List<String> mening = ix.search(SearchRequest.of("mening")).recognised().stream().map(SearchResult.Recognised::id).toList();
            assertTrue(!mening.contains("mewing"), "a word of the thesaurus is taken as typed: " + mening);
            assertEquals(List.of("mewing"),
                    ix.search(SearchRequest.of("mewimg")).recognised().stream().map(SearchResult.Recognised::id).toList(),
                    "a real typo is still recognised");
        }
    }

    /**
     * A label that the analysis would leave with one word ("zit er door", "ik wil dood") is
     * recognised only as written: found by hand in the workbench, where a note saying "hij zit op
     * Snapchat" was indexed as mental wellbeing and turned up in a search for it.
     */
    @Test
    void aLabelOfOneWordAndSmallWordsIsRecognisedOnlyAsWritten() throws IOException {
        Thesaurus t = Thesaurus.of(List.of(
                phenomenon("mental_wellbeing", "Psychisch welzijn", "Mental wellbeing", List.of("zit er door"), List.of(), List.of()),
                phenomenon("suicidal_thoughts", "Suïcidale gedachten", "Suicidal thoughts", List.of("ik wil dood"), List.of(),
                        List.of())));
        List<TrendNote> notes = List.of(
                TestNotes.note("z1", "nl", "Pakketjes", "Hij zit op Snapchat en wil dat we dood gewoon doen.", List.of(), "2025-01-01"),
                TestNotes.note("z2", "nl", "Moe", "Ze zegt dat ze er helemaal door zit, of eigenlijk: ze zit er door.", List.of(),
                        "2025-01-02"),
                TestNotes.note("z3", "nl", "Zorgen", "Na de ruzie schreef hij 'ik wil dood' in zijn story.", List.of(), "2025-01-03"));
        try (NoteIndex ix = NoteIndex.open(tmp.resolve("one-word-labels"), TestNotes.source(notes),
                IndexConfig.defaults().withThesaurus(t), null)) {
            assertEquals(List.of("z2"), ids(ix.search(SearchRequest.of("fenomeen:mental_wellbeing"))), "only 'zit er door' as written");
            assertEquals(List.of("z3"), ids(ix.search(SearchRequest.of("fenomeen:suicidal_thoughts"))), "only 'ik wil dood' as written");
            assertEquals(List.of(), ix.search(SearchRequest.of("zit")).recognised(), "'zit' alone names no phenomenon");
            assertEquals(List.of("mental_wellbeing"),
                    ix.search(SearchRequest.of("zit er door")).recognised().stream().map(SearchResult.Recognised::id).toList());
        }
    }

    /**
     * A word the thesaurus uses is spelt right even where no note has it yet: found by hand in the
     * sample workspace, where "pesten" found a note saying "we posten" as if it were a typo.
     */
    @Test
    void aWordOfTheThesaurusIsNotTakenForATypoOfAnotherWord() throws IOException {
        Thesaurus t = Thesaurus.of(List.of(
                phenomenon("cyberbullying", "Cyberpesten", "Cyberbullying", List.of("pesten"), List.of(), List.of())));
        List<TrendNote> notes = List.of(
                TestNotes.note("p1", "nl", "Uitleg", "We posten een korte uitleg in de groep.", List.of(), "2025-01-01"));
        try (NoteIndex ix = NoteIndex.open(tmp.resolve("spelt-right-plain"), TestNotes.source(notes), IndexConfig.defaults(), null)) {
            assertEquals(List.of("p1"), ids(ix.search(SearchRequest.of("pesten"))), "without a thesaurus it may be a typo");
        }
        try (NoteIndex ix = NoteIndex.open(tmp.resolve("spelt-right"), TestNotes.source(notes),
                IndexConfig.defaults().withThesaurus(t), null)) {
            SearchResult r = ix.search(SearchRequest.of("pesten"));
            assertEquals(List.of(), ids(r), "'pesten' is a label: no typo of 'posten'");
            assertEquals(List.of("cyberbullying"), r.recognised().stream().map(SearchResult.Recognised::id).toList());
            assertEquals(List.of("p1"), ids(ix.search(SearchRequest.of("postne"))), "a real typo still finds the note");
        }
    }

    @Test
    void slangInflectionsAndTyposAreRecognised() throws IOException {
        try (NoteIndex ix = open(IndexConfig.defaults().withThesaurus(THESAURUS))) {
            assertEquals(List.of("n1"), ids(ix.search(SearchRequest.of("sextorsie"))), "a hidden label (spelling variant)");
            assertEquals(List.of("n1"), ids(ix.search(SearchRequest.of("sextortoin"))), "a typo in a label");
            assertTrue(ids(ix.search(SearchRequest.of("grooming"))).contains("n3"), "the note says 'groomen'");
        }
    }

    /**
     * A word of 5 letters or more that only one phenomenon's labels use names it, also when the
     * query is no whole label ("kinderlokken" for "online kinderlokken"); a word the labels of two
     * phenomena share does not, nor does a platform's name inside a label.
     */
    @Test
    void aWordOnlyOnePhenomenonsLabelsUseNamesIt() throws IOException {
        Thesaurus withPlatformLabel = Thesaurus.of(List.of(THESAURUS.all().get(0), THESAURUS.all().get(1),
                THESAURUS.all().get(2), THESAURUS.all().get(3),
                phenomenon("location_sharing", "Locatie delen", "Location sharing", List.of("snapchat kaart"), List.of(),
                        List.of())));
        IndexConfig config = IndexConfig.defaults().withThesaurus(withPlatformLabel).withPlatform("snapchat", List.of("snap"));
        try (NoteIndex ix = open(config)) {
            SearchResult lokken = ix.search(SearchRequest.of("kinderlokken"));
            assertEquals(List.of("grooming"), lokken.recognised().stream().map(SearchResult.Recognised::id).toList());
            assertEquals("kinderlokken", lokken.recognised().get(0).words());
            assertTrue(ids(lokken).contains("n3"), "the note about grooming, which says 'groomen'");
            SearchResult naakt = ix.search(SearchRequest.of("naaktfoto"));
            assertEquals(List.of("sextortion"), naakt.recognised().stream().map(SearchResult.Recognised::id).toList(),
                    "'afpersing met naaktfoto' is sextortion's alone");
            assertTrue(ix.search(SearchRequest.of("online")).recognised().isEmpty(),
                    "'online' is in the labels of two phenomena: it names neither");
            assertTrue(ix.search(SearchRequest.of("snapchat")).recognised().isEmpty(),
                    "a platform named in a label does not make every search for the platform a phenomenon search");
        }
    }

    @Test
    void aBroaderPhenomenonIncludesItsNarrowerOnes() throws IOException {
        try (NoteIndex ix = open(IndexConfig.defaults().withThesaurus(THESAURUS))) {
            SearchResult r = ix.search(SearchRequest.of("online seksueel misbruik"));
            // n4 says "online" too, but the notes of the narrower phenomena come first.
            assertEquals(Set.of("n1", "n3"), Set.copyOf(ids(r).subList(0, 2)), ids(r).toString());
            assertEquals(Set.of("grooming", "sextortion"), Set.copyOf(r.recognised().get(0).narrower()));
            assertEquals(Set.of("n1", "n3"), Set.copyOf(ids(ix.search(SearchRequest.of("fenomeen:online_sexual_abuse")))));
            assertEquals(List.of("n2", "n5"), ids(ix.search(SearchRequest.of("fenomeen:geldezels").sort(SearchRequest.Sort.OLDEST))),
                    "fenomeen: accepts a label too");
        }
    }

    @Test
    void aTaggerAddsPhenomenaToNotesThatNameNone() throws IOException {
        PhenomenonTagger tagger = n -> n.id().equals("n4") ? List.of("grooming", "not_in_the_thesaurus") : List.of();
        try (NoteIndex ix = open(IndexConfig.defaults().withThesaurus(THESAURUS).withPhenomenonTagger("test-v1", tagger))) {
            assertTrue(ids(ix.search(SearchRequest.of("fenomeen:grooming"))).containsAll(List.of("n3", "n4")));
            Map<String, Long> facet = ix.search(SearchRequest.of("").facets(true)).facets().get("phenomenon");
            assertEquals(2L, facet.get("grooming"));
            assertEquals(null, facet.get("not_in_the_thesaurus"), "ids the thesaurus does not know are not indexed");
        }
    }

    @Test
    void nothingFoundProposesTheClosestPhenomenon() throws IOException {
        try (NoteIndex ix = open(IndexConfig.defaults().withThesaurus(THESAURUS))) {
            // Three letters off: too far to be recognised as the phenomenon, close enough to propose it.
            SearchResult none = ix.search(SearchRequest.of("sextorshun"));
            assertEquals(0, none.total(), none.toString());
            assertTrue(none.hints().stream().anyMatch(h -> h.contains("sextortion") && h.contains("fenomeen:sextortion")),
                    none.hints().toString());
            SearchResult unrelated = ix.search(SearchRequest.of("zzqqxx"));
            assertEquals(0, unrelated.total());
            assertTrue(unrelated.hints().stream().noneMatch(h -> h.contains("fenomeen:")), unrelated.hints().toString());
        }
    }

    @Test
    void aChangedThesaurusOrTaggerRebuildsTheIndex() {
        IndexConfig a = IndexConfig.defaults().withThesaurus(THESAURUS);
        assertNotEquals(IndexConfig.defaults().fingerprint(), a.fingerprint());
        assertNotEquals(a.fingerprint(), a.withPhenomenonTagger("v2", n -> List.of()).fingerprint());
        assertEquals(a.fingerprint(), IndexConfig.defaults().withThesaurus(THESAURUS).fingerprint());
    }

    @Test
    void aNeedNamedInTheQueryFindsNotesLabelledWithIt() throws IOException {
        List<TrendNote> notes = List.of(
                TestNotes.note("h1", "nl", "Slapen", "Jongeren blijven tot diep in de nacht scrollen.", List.of(), "2025-01-01",
                        null, null, Set.of(Need.HEALTH), Set.of()),
                TestNotes.note("h2", "nl", "Muziek", "Een groepje maakt beats in het jeugdhuis.", List.of(), "2025-01-02",
                        null, null, Set.of(Need.TALENT), Set.of()));
        try (NoteIndex ix = NoteIndex.open(tmp.resolve("needs"), TestNotes.source(notes), IndexConfig.defaults(), null)) {
            SearchResult r = ix.search(SearchRequest.of("gezondheid en welzijn"));
            assertEquals(List.of("h1"), ids(r));
            assertEquals(List.of("health"), r.namedNeeds(), "the result says which need the query named, so a hit can say why");
            assertEquals(List.of(), ix.search(SearchRequest.of("scrollen")).namedNeeds());
        }
    }
}
