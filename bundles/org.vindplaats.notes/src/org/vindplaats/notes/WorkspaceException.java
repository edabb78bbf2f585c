package org.vindplaats.notes;

import java.io.IOException;

/** A folder cannot be opened or created as a Vindplaats workspace; the message says why and what to do. */
public class WorkspaceException extends IOException {

    private static final long serialVersionUID = 1L;

    public WorkspaceException(String message) {
        super(message);
    }

    public WorkspaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
