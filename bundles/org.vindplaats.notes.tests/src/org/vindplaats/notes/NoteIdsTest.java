package org.vindplaats.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoteIdsTest {

    @ParameterizedTest
    @ValueSource(strings = { "dev-001", "n_1", "2025.03.note", "A" })
    void safeIdsAreAccepted(String id) {
        assertTrue(NoteIds.isValid(id), id);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "../x", "a/b", "a\\b", "..", ".hidden", "-dash", "with space", "ends.", "con",
            "NUL.txt", "x:y", "é" })
    void unsafeIdsAreRejectedWithAReason(String id) {
        assertFalse(NoteIds.isValid(id), id);
        assertFalse(NoteIds.problem(id).orElseThrow().isBlank());
    }

    @Test
    void contentIdsAreStableAndIgnoreWhiteSpaceLayout() {
        String a = NoteIds.fromContent("jsonl", "Titel", "Regel een\nregel twee");
        assertEquals(a, NoteIds.fromContent("jsonl", "Titel ", "Regel een   regel twee"));
        assertNotEquals(a, NoteIds.fromContent("jsonl", "Titel", "Regel een regel drie"));
        assertNotEquals(a, NoteIds.fromContent("jsonl", "Titel Regel", "een regel twee"), "parts are separated");
        assertTrue(a.matches("jsonl-[0-9a-f]{16}"), a);
    }
}
