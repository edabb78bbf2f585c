package org.vindplaats.suggest.internal;

import org.eclipse.osgi.util.NLS;

/**
 * User-facing messages of org.vindplaats.suggest in English (messages.properties) and Dutch
 * (messages_nl.properties).
 */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.vindplaats.suggest.internal.messages"; //$NON-NLS-1$

    public static String Lexicon_badJson;
    public static String Lexicon_badJsonFix;
    public static String Lexicon_notObject;
    public static String Lexicon_notObjectFix;
    public static String Lexicon_badFormat;
    public static String Lexicon_badFormatFix;
    public static String Lexicon_unknownMember;
    public static String Lexicon_unknownMemberFix;
    public static String Lexicon_slangNotObject;
    public static String Lexicon_slangFix;
    public static String Lexicon_familyNotObject;
    public static String Lexicon_familyFix;
    public static String Lexicon_unknownLabel;
    public static String Lexicon_labelNotObject;
    public static String Lexicon_labelFix;
    public static String Lexicon_unknownLanguage;
    public static String Lexicon_notList;
    public static String Lexicon_notWord;
    public static String Jsonl_noId;
    public static String Jsonl_duplicateId;
    public static String Jsonl_badDate;
    public static String Jsonl_badJson;
    public static String Jsonl_notObject;
    public static String Jsonl_unknownLabel;
    public static String Suggest_training;
    public static String Suggest_suggesting;
    public static String Suggest_authorTag;
    public static String Suggest_learnedWord;
    /** A need brought by a phenomenon the note is about: {0} its name. */
    public static String Suggest_phenomenon;
    public static String Evaluation_folds;
    public static String Evaluation_tooFew;
    public static String Evaluation_noGold;
    public static String Evaluation_header;
    public static String Evaluation_family;
    public static String Evaluation_label;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
