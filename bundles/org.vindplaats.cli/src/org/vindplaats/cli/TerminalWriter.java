package org.vindplaats.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

import org.vindplaats.model.SafeText;

/**
 * The command line's last defence against text a terminal would obey (see {@link SafeText}):
 * every command prints through one of these, so a note id, title, file name or plugin text with an
 * escape sequence or a bidi override is shown without it, even when it came from a note file
 * written by another program. Newlines and tabs pass; the progress line's own carriage returns go
 * through {@link #raw()}.
 */
public final class TerminalWriter extends PrintWriter {

    private final PrintWriter raw;

    private TerminalWriter(PrintWriter raw) {
        super(new Cleaning(raw), true);
        this.raw = raw;
    }

    /** {@code out} wrapped (once: an already wrapped writer is returned as it is). */
    public static PrintWriter wrap(PrintWriter out) {
        return out instanceof TerminalWriter ? out : new TerminalWriter(out);
    }

    /** The writer underneath, for output Vindplaats composes itself with control characters (progress). */
    public PrintWriter raw() {
        flush();
        return raw;
    }

    private static final class Cleaning extends Writer {
        private final Writer out;
        private final SafeText.Filter filter = new SafeText.Filter(true);
        private final StringBuilder buffer = new StringBuilder();

        Cleaning(Writer out) {
            this.out = out;
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            buffer.setLength(0);
            filter.append(java.nio.CharBuffer.wrap(cbuf), off, off + len, buffer);
            out.write(buffer.toString());
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            buffer.setLength(0);
            filter.append(s, off, off + len, buffer);
            out.write(buffer.toString());
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
