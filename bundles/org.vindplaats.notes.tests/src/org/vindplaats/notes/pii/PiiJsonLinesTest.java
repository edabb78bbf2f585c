package org.vindplaats.notes.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.notes.Problem;
import org.vindplaats.notes.testsupport.TestData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class PiiJsonLinesTest {

    @TempDir
    Path tmp;

    @Test
    void oneOutputLinePerNoteWithOffsetsIntoTheField() throws Exception {
        Path file = TestData.copy(TestData.DEV_NOTES, tmp);
        Files.writeString(file, "{kapot\n", java.nio.file.StandardOpenOption.APPEND);
        StringBuilder out = new StringBuilder();
        List<Problem> problems = new ArrayList<>();
        PiiJsonLines.Summary s = new PiiJsonLines(PiiDetector.standard()).scan(file, out, problems::add);
        assertEquals(90, s.notes());
        assertEquals(1, s.badLines());
        assertEquals(91, problems.get(0).line());
        List<String> lines = out.toString().lines().toList();
        assertEquals(90, lines.size());

        ObjectMapper json = new ObjectMapper();
        JsonNode source = json.readTree(TestData.lines(TestData.DEV_NOTES).get(1));
        JsonNode dev2 = json.readTree(lines.get(1));
        assertEquals("dev-002", dev2.get("id").asText());
        JsonNode m = dev2.get("pii").get(0);
        assertEquals("0472 58 19 33", m.get("text").asText());
        assertEquals("phone", m.get("kind").asText());
        assertEquals("body", m.get("field").asText());
        assertEquals("0472 58 19 33",
                source.get("body").asText().substring(m.get("start").asInt(), m.get("end").asInt()));
        assertEquals(0, json.readTree(lines.get(0)).get("pii").size());
        assertTrue(s.notesWithPii() >= 14, s.toString());
    }
}
