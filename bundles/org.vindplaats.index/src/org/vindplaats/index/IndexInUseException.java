package org.vindplaats.index;

import java.io.IOException;

/**
 * A change to the index was refused because another live process (another command, or the
 * workbench on a shared workspace) holds the index's write lock. Searching still works.
 */
public final class IndexInUseException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String owner;

    public IndexInUseException(String message, String owner) {
        super(message);
        this.owner = owner;
    }

    /** Who holds the index, e.g. "process 4711 (vindplaats-cli) on host, since 2026-12-02T10:00Z". */
    public String owner() {
        return owner;
    }
}
