package org.vindplaats.model;

/**
 * Removes what a terminal would obey instead of showing: ANSI escape sequences (ESC [ ... and
 * the like, which can clear the screen, move the cursor or retitle the window), other C0 control
 * characters, DEL, C1 control characters, and the bidirectional overrides and isolates
 * (U+202A-U+202E, U+2066-U+2069) that make text read in another order than it is stored, so a
 * note's id or title can hide what it really says. Imported text is cleaned before it is stored;
 * the command line's output writer cleans again as a last defence (see {@link Filter}).
 */
public final class SafeText {

    private SafeText() {
    }

    /** Text with line structure (a note body): keeps newlines and tabs, removes the rest (see the class comment). */
    public static String clean(String s) {
        return strip(s, true);
    }

    /** One-line text (a title, an id, a source): newlines and tabs become spaces, the rest goes. */
    public static String cleanLine(String s) {
        return strip(s, false);
    }

    /** Whether {@code s} holds anything {@link #clean} would remove. */
    public static boolean needsCleaning(String s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\n' && c != '\t' && isUnsafe(c)) {
                return true;
            }
        }
        return false;
    }

    /** C0 (also newline, tab, carriage return), DEL, C1, bidi overrides and isolates. */
    public static boolean isUnsafe(char c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069';
    }

    private static String strip(String s, boolean keepLines) {
        if (s == null) {
            return null;
        }
        if (keepLines ? !needsCleaning(s) : !hasUnsafe(s)) {
            return s;
        }
        Filter f = new Filter(keepLines);
        StringBuilder out = new StringBuilder(s.length());
        f.append(s, 0, s.length(), out);
        return out.toString();
    }

    private static boolean hasUnsafe(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isUnsafe(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A streaming cleaner for output written in pieces: an escape sequence split over two writes is
     * still removed as a whole. Not thread-safe; one per writer.
     */
    public static final class Filter {
        private enum State {
            TEXT, ESC, CSI, STRING, STRING_ESC
        }

        private final boolean keepLines;
        private State state = State.TEXT;

        /** @param keepLines whether newlines and tabs pass (true for a terminal writer) */
        public Filter(boolean keepLines) {
            this.keepLines = keepLines;
        }

        /** Appends the safe part of {@code s[from, to)} to {@code out}. */
        public void append(CharSequence s, int from, int to, StringBuilder out) {
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                switch (state) {
                case TEXT -> {
                    if (c == 0x1b) {
                        state = State.ESC;
                    } else if (c == 0x9b) {
                        state = State.CSI; // the one-character C1 form of ESC [
                    } else if (c == 0x9d || c == 0x90 || c == 0x98 || c == 0x9e || c == 0x9f) {
                        state = State.STRING; // C1 OSC, DCS, SOS, PM, APC: a string up to ST
                    } else if (c == '\n' || c == '\t' || c == '\r') {
                        if (!keepLines) {
                            out.append(' '); // one-line text: a line break still separates words
                        } else if (c != '\r') {
                            out.append(c); // a lone carriage return could overwrite what was printed
                        }
                    } else if (!isUnsafe(c)) {
                        out.append(c);
                    }
                }
                case ESC -> {
                    if (c == '[') {
                        state = State.CSI;
                    } else if (c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_') {
                        state = State.STRING;
                    } else if (c >= 0x20 && c <= 0x2f) {
                        // an intermediate byte (ESC ( B and the like): the final byte follows
                    } else {
                        state = State.TEXT; // ESC plus one final character, both dropped
                    }
                }
                case CSI -> {
                    // parameters and intermediates 0x20-0x3f; a final byte 0x40-0x7e ends it; a
                    // control character aborts it (and is itself dropped)
                    if (c >= 0x40 && c <= 0x7e || c < 0x20 || c > 0x7e) {
                        state = State.TEXT;
                    }
                }
                case STRING -> {
                    if (c == 0x07 || c == 0x9c) {
                        state = State.TEXT;
                    } else if (c == 0x1b) {
                        state = State.STRING_ESC;
                    } else if (c == '\n') {
                        state = State.TEXT; // no terminal string spans lines in practice: never swallow more
                        if (keepLines) {
                            out.append(c);
                        }
                    }
                }
                case STRING_ESC -> state = c == '\\' ? State.TEXT : State.STRING;
                }
            }
        }
    }
}
