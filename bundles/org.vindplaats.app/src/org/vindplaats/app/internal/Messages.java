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
    public static String Suggest_resembles;
    public static String Brief_title;
    public static String Brief_generated;
    public static String Brief_suppliedBy;
    public static String Brief_checked;
    public static String Brief_notes;
    public static String Brief_noNotes;
    public static String Brief_chart;
    public static String Brief_orientation;
    public static String Brief_discussed;
    public static String Brief_orientationNotes;
    public static String Detail_age;
    public static String Detail_noMinimumAge;
    public static String Detail_opportunityQuestion;
    public static String Detail_riskQuestion;
    public static String Detail_fromHandbook;
    public static String Detail_stale;
    public static String Banner_noOrganisation;
    public static String Banner_noPolicy;
    public static String Detail_features;
    public static String Detail_handbookQuestions;
    public static String Detail_helpLines;
    public static String Detail_needs;
    public static String Detail_opportunities;
    public static String Detail_profile;
    public static String Detail_questions;
    public static String Detail_reportAndBlock;
    public static String Detail_risks;
    public static String Detail_safetySettings;
    public static String Detail_sources;
    public static String Detail_step;
    public static String Detail_steps;
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
