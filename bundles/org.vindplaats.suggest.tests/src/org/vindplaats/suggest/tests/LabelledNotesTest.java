package org.vindplaats.suggest.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.Need;
import org.vindplaats.model.Polarity;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.suggest.Labels;
import org.vindplaats.suggest.LabelledNotes;

/** Labelled JSON Lines and gold files. */
class LabelledNotesTest {

    @Test
    void badLinesAreReportedWithLineAndTheRestIsRead() throws Exception {
        String jsonl = """
                {"id": "a", "title": "T", "body": "B", "platforms": ["tiktok"], "needs": ["health", "talent"], "affordances": ["ephemerality"], "polarity": "risk"}
                {"id": "b", "title": "T2", "body": "B2", "needs": ["helth"]}
                {"id": "c", "title": oops}

                {"id": "a", "title": "again"}
                """;
        List<LabelledNotes.Problem> problems = new ArrayList<>();
        List<TrendNote> notes = LabelledNotes.readJsonLines(new StringReader(jsonl), "x.jsonl", problems::add);
        assertEquals(List.of("a", "b"), notes.stream().map(TrendNote::id).toList());
        TrendNote a = notes.get(0);
        assertEquals(Set.of(Need.HEALTH, Need.TALENT), a.needs());
        assertEquals(Set.of(Affordance.PERMANENCE), a.affordances(), "ephemerality counts as permanence");
        assertEquals(Polarity.RISK, a.polarity());
        assertTrue(a.isConfirmed(LabelFamily.NEEDS) && a.isConfirmed(LabelFamily.POLARITY));
        assertTrue(!a.isConfirmed(LabelFamily.URGENCY));
        assertTrue(!notes.get(1).isConfirmed(LabelFamily.NEEDS), "an unknown label is not a label");
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).toString().startsWith("x.jsonl:2:"), problems.toString());
        assertTrue(problems.get(0).message().contains("helth") && problems.get(0).message().contains("health"));
        assertTrue(problems.get(1).toString().startsWith("x.jsonl:3:"), problems.toString());
        assertTrue(problems.get(2).toString().startsWith("x.jsonl:5:") && problems.get(2).message().contains("\"a\""));
    }

    @Test
    void goldIsMergedByIdAndReplacesTheAuthorsTags() throws Exception {
        List<TrendNote> notes = TestData.devNotes();
        Map<String, Labels> gold = TestData.devGold();
        assertEquals(90, notes.size());
        assertEquals(90, gold.size());
        TrendNote raw = notes.stream().filter(n -> n.id().equals("dev-002")).findFirst().orElseThrow();
        TrendNote merged = LabelledNotes.mergeGold(notes, gold).stream().filter(n -> n.id().equals("dev-002"))
                .findFirst().orElseThrow();
        assertEquals(raw.body(), merged.body());
        assertEquals(gold.get("dev-002").needs(), merged.needs());
        assertEquals(gold.get("dev-002").platforms(), merged.platforms());
        assertEquals(java.util.EnumSet.complementOf(java.util.EnumSet.of(LabelFamily.PHENOMENA)), merged.confirmed(),
                "every family the gold gives (it gives no phenomena)");
        assertTrue(raw.needs().isEmpty(), "the notes file itself carries no needs");
    }
}
