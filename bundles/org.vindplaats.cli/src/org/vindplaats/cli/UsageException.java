package org.vindplaats.cli;

/** A mistake on the command line (unknown id, missing file, ...): exit code {@link ExitCodes#USAGE}. */
public class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
