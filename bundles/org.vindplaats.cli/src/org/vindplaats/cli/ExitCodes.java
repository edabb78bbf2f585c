package org.vindplaats.cli;

/** Exit codes of the vindplaats command, documented in the README so scripts can rely on them. */
public final class ExitCodes {
    /** Everything worked. */
    public static final int OK = 0;
    /** The command ran, but what it checked has errors (e.g. 'validate' found problems). */
    public static final int PROBLEMS_FOUND = 1;
    /** The command line was wrong: unknown command, option or id, missing argument. */
    public static final int USAGE = 2;
    /** A plugin repository could not be read (unreachable, not a repository, broken descriptor); nothing changed. */
    public static final int UNREACHABLE = 4;
    /** A plugin was refused (changed after signing, untrusted or unsigned without consent, or broken); nothing changed. */
    public static final int REFUSED = 5;
    /** Something went wrong inside Vindplaats; the message says what to report. */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
