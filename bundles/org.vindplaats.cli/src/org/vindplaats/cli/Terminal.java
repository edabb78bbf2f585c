package org.vindplaats.cli;

import java.io.Console;
import java.nio.file.Path;

/**
 * The person's side of one command: whether they sit at a terminal, the environment variables
 * that may differ from one command to the next, questions asked on the terminal, the folder they
 * typed relative paths in, and whether they gave up (Ctrl+C). A command started as its own process
 * gets {@link #local()}; a command served by the resident CLI server gets one that speaks to the
 * launcher's client (see {@code org.vindplaats.cli.server}).
 */
public interface Terminal {

    /** Whether input and output are a terminal (a progress line redrawn in place, bold, questions). */
    boolean interactive();

    /** An environment variable as the person's shell has it, or null. */
    String environment(String name);

    /** Asks for a password on the terminal; null when there is nobody to ask. */
    char[] readPassword(String prompt);

    /** A path as the person typed it, relative to the folder they were in. */
    Path path(String typed);

    /** Whether the person stopped waiting (the client went away): long work stops at its next step. */
    boolean cancelled();

    /** Colours and bold only on a terminal that wants them (https://no-color.org, TERM=dumb). */
    default boolean wantsColour() {
        return interactive() && environment("NO_COLOR") == null && !"dumb".equals(environment("TERM"));
    }

    /** This process's own terminal, environment and working directory. */
    static Terminal local() {
        return Local.INSTANCE;
    }

    /** {@link Terminal#local()}. */
    final class Local implements Terminal {
        static final Local INSTANCE = new Local();

        private Local() {
        }

        @Override
        public boolean interactive() {
            return System.console() != null;
        }

        @Override
        public String environment(String name) {
            return System.getenv(name);
        }

        @Override
        public char[] readPassword(String prompt) {
            Console console = System.console();
            return console == null ? null : console.readPassword("%s", prompt);
        }

        @Override
        public Path path(String typed) {
            return Path.of(typed);
        }

        @Override
        public boolean cancelled() {
            return false; // Ctrl+C ends this process
        }
    }
}
