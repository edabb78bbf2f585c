package org.vindplaats.index.internal;

import org.eclipse.osgi.util.NLS;

/** User-facing texts of the search index (messages.properties, messages_nl.properties). */
public final class Messages extends NLS {
    private static final String BUNDLE_NAME = "org.vindplaats.index.internal.messages";

    public static String Open_ok;
    public static String Open_missing;
    public static String Open_corrupt;
    public static String Open_badStamp;
    public static String Open_otherVersion;
    public static String Open_otherConfig;
    public static String Open_staleLock;
    public static String Open_readOnly;
    public static String Open_inMemory;
    public static String Open_waitingForFirstBuild;
    public static String Open_firstBuildTooLong;
    public static String InUse;
    public static String InUse_unknownOwner;
    public static String Unwritable;
    public static String Task_rebuild;
    public static String Task_sync;
    public static String Task_read;
    public static String Hint_unbalancedQuote;
    public static String Hint_unbalancedBracket;
    public static String Hint_emptyField;
    public static String Hint_unknownField;
    public static String Hint_unknownFieldDidYouMean;
    public static String Hint_unknownValue;
    public static String Hint_unknownValueDidYouMean;
    public static String Hint_badDate;
    public static String Hint_reversedRange;
    public static String Hint_syntaxFallback;
    public static String Hint_tooLong;
    public static String Hint_wordTooLong;
    public static String Hint_tooDeep;
    public static String Hint_tooManyClauses;
    public static String Hint_onlyStopWords;
    public static String Hint_unknownNote;
    public static String Hint_didYouMeanPhenomenon;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
