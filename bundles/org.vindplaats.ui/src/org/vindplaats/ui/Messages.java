package org.vindplaats.ui;

import org.eclipse.osgi.util.NLS;

/** Texts of the workbench, in messages.properties (en) and messages_nl.properties (nl). */
public final class Messages extends NLS {
    private static final String BUNDLE_NAME = "org.vindplaats.ui.messages";

    public static String Platforms_filter;
    public static String Platforms_filterHint;
    public static String Platforms_name;
    public static String Platforms_minimumAge;
    public static String Platforms_count;
    public static String Platforms_none;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
