package org.vindplaats.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.vindplaats.model.SafeText;

class SafeTextTest {

    @Test
    void escapeSequencesGoAsAWholeNotOnlyTheirEscapeCharacter() {
        assertEquals("Titel", SafeText.cleanLine("\u001b[2JTi\u001b[1;31mtel\u001b[0m"));
        assertEquals("venster", SafeText.cleanLine("\u001b]0;gehackt\u0007venster"));
        assertEquals("link", SafeText.cleanLine("\u001b]8;;https://x.example\u001b\\link\u001b]8;;\u001b\\"));
        assertEquals("ab", SafeText.cleanLine("a\u009b2Jb"));
        assertEquals("ab", SafeText.cleanLine("a\u001b(Bb"));
    }

    @Test
    void bidiOverridesAndOtherControlsGoWordsStayApart() {
        String spoofed = "factuur\u202Egnp.exe\u202C \u2066x\u2069 \u0000\u0007\u007f\u0085";
        assertEquals("factuurgnp.exe x ", SafeText.cleanLine(spoofed));
        assertEquals("twee woorden", SafeText.cleanLine("twee\twoorden"));
        assertEquals("regel 1\n\tregel 2", SafeText.clean("regel 1\r\n\tregel 2\u001b[2J"));
    }

    @Test
    void ordinaryTextIsReturnedUnchanged() {
        String s = "Jongeren (15-17) op TikTok: “duet” & 🙂 — één keer, ß, ‏עברית";
        assertEquals(s, SafeText.clean(s));
        assertFalse(SafeText.needsCleaning(s));
    }

    @Test
    void aSequenceSplitOverTwoWritesIsStillRemoved() {
        SafeText.Filter f = new SafeText.Filter(true);
        StringBuilder out = new StringBuilder();
        f.append("voor\u001b[", 0, 6, out);
        f.append("2Jna\n", 0, 5, out);
        assertEquals("voorna\n", out.toString());
    }
}
