package org.vindplaats.catalog.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vindplaats.catalog.GuideReader;
import org.vindplaats.catalog.Problem;
import org.vindplaats.model.MethodGuide;
import org.vindplaats.model.MethodStep;
import org.vindplaats.model.Principle;

/**
 * A method guide with mistakes: every problem names the file, the line and a fix; a broken entry
 * is left out and the rest loads; texts a step or principle already has are not written twice.
 */
class GuideReaderTest {

    private static GuideReader.Result read(String json) {
        return GuideReader.read(json.getBytes(StandardCharsets.UTF_8), "kc", "data/method-guide.json");
    }

    private static String guide(String topics) {
        return "{\n\"format\": 1,\n\"sources\": {\"handbook\": {\"title\": \"Handreiking\"}},\n\"topics\": [\n" + topics + "\n]\n}\n";
    }

    private static String signalling(String entries) {
        return "{\"id\": \"signalling\", \"title\": {\"nl\": \"Signaleren\", \"en\": \"Signalling\"},\n\"entries\": [\n"
                + entries + "\n]}";
    }

    private static String entry(String id, String extra) {
        return "{\"id\": \"" + id + "\", \"title\": {\"nl\": \"T\", \"en\": \"T\"}, \"text\": {\"nl\": \"X\", \"en\": \"X\"},"
                + " \"source\": {\"ref\": \"handbook\", \"pages\": \"27\"}" + extra + "}";
    }

    @Test
    void aValidGuideLoadsWithSourcesAndLinks() {
        GuideReader.Result r = read(guide(signalling(entry("weigh", ", \"steps\": [\"signal\"], \"principles\": [\"environment\"]"))));
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        MethodGuide.Entry e = r.guide().topic("signalling").orElseThrow().entry("weigh").orElseThrow();
        assertEquals(List.of(MethodStep.SIGNAL), e.steps());
        assertEquals(List.of(Principle.ENVIRONMENT), e.principles());
        assertEquals("Handreiking, p. 27", r.guide().cite(e.source()));
        assertEquals("kc", e.plugin());
    }

    @Test
    void aStepEntryTakesTheHandbookNameAndDescriptionAndReportsMissingSteps() {
        GuideReader.Result r = read(guide("{\"id\": \"steps\", \"title\": {\"nl\": \"Stappen\", \"en\": \"Steps\"}, \"entries\": [\n"
                + "{\"id\": \"signal\", \"step\": \"signal\", \"continuous\": true, \"source\": {\"ref\": \"handbook\"}}]}"));
        MethodGuide.Entry e = r.guide().step(MethodStep.SIGNAL).orElseThrow();
        assertEquals("Signaleren", e.heading().nl());
        assertEquals(MethodStep.SIGNAL.description(), e.body());
        assertTrue(e.continuous());
        // Six steps are not described: one warning each, on the topic's line, nothing lost.
        assertEquals(6, r.problems().size(), r.problems().toString());
        assertTrue(r.problems().stream().allMatch(p -> !p.isError() && p.line() == 5), r.problems().toString());
        assertTrue(r.problems().get(0).message().contains("orient"), r.problems().toString());
    }

    @Test
    void anUnknownStepIsReportedWithItsLineAndADidYouMean() {
        GuideReader.Result r = read(guide(signalling(entry("act", ", \"steps\": [\"signall\"]"))));
        Problem p = only(r);
        assertTrue(p.isError());
        assertEquals(7, p.line());
        assertTrue(p.message().contains("signall") && p.message().contains("(signal?)"), p.message());
        // The entry itself stays, without the bad link.
        assertTrue(r.guide().topic("signalling").orElseThrow().entry("act").orElseThrow().steps().isEmpty());
    }

    @Test
    void aTextInOneLanguageAndAMissingSourceAreWarnings() {
        GuideReader.Result r = read(guide(signalling(
                "{\"id\": \"weigh\", \"title\": {\"nl\": \"Afwegen\"}, \"text\": {\"nl\": \"X\", \"en\": \"X\"}}")));
        assertFalse(r.hasErrors(), r.problems().toString());
        assertEquals(2, r.problems().size(), r.problems().toString());
        assertTrue(r.problems().stream().anyMatch(p -> p.message().contains("\"en\"")), r.problems().toString());
        assertTrue(r.problems().stream().anyMatch(p -> p.fix().contains("\"source\"")), r.problems().toString());
        assertEquals("Afwegen", r.guide().topic("signalling").orElseThrow().entry("weigh").orElseThrow().heading().get("en"),
                "the other language stands in until the translation comes");
    }

    @Test
    void brokenJsonAnUnknownTopicAndADuplicateEntryNameTheLine() {
        Problem syntax = only(read("{\n\"format\": 1,\n\"topics\": [\n{\"id\": \"steps\",,}\n]}"));
        assertEquals(4, syntax.line());
        GuideReader.Result unknown = read(guide("{\"id\": \"signaling\", \"title\": {\"nl\": \"S\", \"en\": \"S\"}, \"entries\": []}"));
        assertTrue(only(unknown).message().contains("(signalling?)"), unknown.problems().toString());
        GuideReader.Result twice = read(guide(signalling(entry("weigh", "") + ",\n" + entry("weigh", ""))));
        Problem dup = only(twice);
        assertEquals(8, dup.line());
        assertEquals(1, twice.guide().topic("signalling").orElseThrow().entries().size());
    }

    @Test
    void guidesCombineFirstPluginFirst() {
        MethodGuide a = read(guide(signalling(entry("weigh", "")))).guide();
        MethodGuide b = read(guide(signalling(entry("weigh", ", \"steps\": [\"signal\"]") + ",\n" + entry("local_protocol", "")))).guide();
        MethodGuide both = MethodGuide.combine(List.of(a, b));
        var entries = both.topic("signalling").orElseThrow().entries();
        assertEquals(List.of("weigh", "local_protocol"), entries.stream().map(MethodGuide.Entry::id).toList());
        assertTrue(entries.get(0).steps().isEmpty(), "the first plugin's entry wins");
    }

    private static Problem only(GuideReader.Result r) {
        assertEquals(1, r.problems().size(), r.problems().toString());
        Problem p = r.problems().get(0);
        assertEquals("data/method-guide.json", p.file());
        assertFalse(p.fix().isBlank(), "every problem says what to do");
        return p;
    }
}
