package org.vindplaats.suggest;

/**
 * A lexicon file that cannot be used: where (file:line:column), what is wrong and how to fix it.
 */
public final class LexiconException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String problem;
    private final String fix;

    public LexiconException(String source, int line, int column, String problem, String fix) {
        super(source + ":" + line + ":" + column + ": " + problem + " " + fix);
        this.source = source;
        this.line = line;
        this.column = column;
        this.problem = problem;
        this.fix = fix;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String problem() {
        return problem;
    }

    public String fix() {
        return fix;
    }
}
