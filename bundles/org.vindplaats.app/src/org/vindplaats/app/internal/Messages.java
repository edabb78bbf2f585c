package org.vindplaats.app.internal;

import org.eclipse.osgi.util.NLS;

/** Messages of org.vindplaats.app in English (messages.properties) and Dutch (messages_nl.properties). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.vindplaats.app.internal.messages"; //$NON-NLS-1$

    public static String Contributions_unreadable;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
