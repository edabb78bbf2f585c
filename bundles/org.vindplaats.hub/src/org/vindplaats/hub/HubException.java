package org.vindplaats.hub;

/** A hub could not be reached or refused something; the message says what to do, in the user's language. */
public final class HubException extends Exception {

    private static final long serialVersionUID = 1L;

    public HubException(String message) {
        super(message);
    }

    public HubException(String message, Throwable cause) {
        super(message, cause);
    }
}
