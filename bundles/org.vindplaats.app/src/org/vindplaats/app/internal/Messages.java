package org.vindplaats.app.internal;

import org.eclipse.osgi.util.NLS;

/** Messages of org.vindplaats.app in English (messages.properties) and Dutch (messages_nl.properties). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.vindplaats.app.internal.messages"; //$NON-NLS-1$

    public static String Contributions_unreadable;
    public static String Search_indexUnavailable;
    public static String Search_similarNeedsIndex;
    public static String Suggest_words;
    public static String Suggest_similar;
    public static String Suggest_noReason;
    public static String TeamHub_noUrl;
    public static String TeamHub_noTeam;
    public static String TeamHub_noUser;
    public static String TeamHub_noPasswordFile;
    public static String TeamHub_unreadablePasswordFile;
    public static String TeamHub_pushJob;
    public static String TeamHub_backgroundJob;
    public static String TeamHub_pushStopped;
    public static String TeamHub_pushFailed;
    public static String TeamHub_notConnected;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
