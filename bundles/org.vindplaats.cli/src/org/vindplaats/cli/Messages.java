package org.vindplaats.cli;

import org.eclipse.osgi.util.NLS;

/** Texts of the command line, in messages.properties (en) and messages_nl.properties (nl). */
public final class Messages extends NLS {
    private static final String BUNDLE_NAME = "org.vindplaats.cli.messages";

    public static String Cli_unknownPlatform;
    public static String Brief_written;
    public static String Brief_writeFailed;
    public static String Suggest_badFormat;
    public static String Suggest_words;
    public static String Suggest_phenomena;
    public static String Suggest_similar;
    public static String Evaluate_badFolds;
    public static String Evaluate_plugins;
    public static String Cli_unknownOrganisation;
    public static String Cli_didYouMean;
    public static String Cli_seePlatforms;
    public static String Cli_installedOrganisations;
    public static String Cli_internalError;
    public static String Cli_noSuchPath;
    public static String Cli_compareNeedsTwo;
    public static String Cli_noPlatforms;
    public static String Cli_catalogMissing;
    public static String Cli_unknownArgument;
    public static String Cli_missing;
    public static String Cli_badValue;
    public static String Cli_badValueChoices;
    public static String Cli_seeHelp;

    public static String Phenomena_none;
    public static String Phenomena_count;
    public static String Phenomena_unknown;
    public static String Phenomena_alsoCalled;
    public static String Phenomena_slang;
    public static String Phenomena_broader;
    public static String Phenomena_narrower;
    public static String Phenomena_related;
    public static String Phenomena_needs;
    public static String Phenomena_affordances;
    public static String Phenomena_platforms;
    public static String Phenomena_plugin;
    public static String Phenomena_examples;
    public static String Phenomena_confirmed;
    public static String Phenomena_noneOfThese;
    public static String Phenomena_noneAndSome;
    public static String Trend_badWeeks;
    public static String Trend_unknownPlatform;
    public static String Trend_header;
    public static String Trend_headerPlatform;
    public static String Trend_none;
    public static String Trend_rises;
    public static String Trend_rule;
    public static String Head_perWeek;
    public static String Head_course;
    public static String Head_rising;
    public static String Head_group;
    public static String Head_examples;
    public static String Search_recognised;
    public static String Search_recognisedWithNarrower;
    public static String Search_why;
    public static String Search_resembles;
    public static String Search_recognisedNeed;
    public static String Search_needsNamed;
    public static String Head_id;
    public static String Head_name;
    public static String Head_category;
    public static String Head_minimumAge;
    public static String Head_profile;
    public static String Head_policy;
    public static String Head_affordance;
    public static String Head_state;
    public static String Head_version;
    public static String Head_kind;
    public static String Head_problems;
    public static String Head_source;

    public static String Show_summary;
    public static String Show_minimumAge;
    public static String Show_features;
    public static String Show_affordances;
    public static String Show_positive;
    public static String Show_negative;
    public static String Show_sources;
    public static String Show_checked;
    public static String Show_confidence;
    public static String Show_reportAndBlock;
    public static String Show_safetySettings;
    public static String Show_needs;
    public static String Show_opportunities;
    public static String Show_risks;
    public static String Show_steps;
    public static String Show_questions;
    public static String Show_genericQuestions;
    public static String Show_youthViews;
    public static String Show_professionalView;
    public static String Show_policyBanner;
    public static String Show_noPolicy;
    public static String Show_suppliedBy;
    public static String Repos_insecureMark;

    public static String Compare_differs;
    public static String Compare_legend;

    public static String Validate_ok;
    public static String Validate_okWithWarnings;
    public static String Validate_failed;

    public static String Plugins_none;

    public static String Plugin_missingSubcommand;
    public static String Plugin_badKind;
    public static String Plugin_badId;
    public static String Plugin_created;
    public static String Plugin_exists;
    public static String Plugin_notAFolder;
    public static String Plugin_built;
    public static String Plugin_notBuilt;
    public static String Plugin_installed;
    public static String Plugin_updated;
    public static String Plugin_refused;
    public static String Plugin_uninstalled;

    public static String Org_noneActive;
    public static String Org_active;
    public static String Org_missingSubcommand;

    public static String Notes_missingSubcommand;
    public static String Notes_importWhat;
    public static String Notes_samplesNotShared;
    public static String Notes_observed;
    public static String Notes_platforms;
    public static String Notes_title;
    public static String Notes_count;
    public static String Notes_unknown;
    public static String Notes_wouldPurge;
    public static String Notes_onlyJsonl;
    public static String Notes_noRetention;
    public static String Notes_indexFailed;
    public static String Search_hint;
    public static String Search_count;
    public static String Search_countEstimated;
    public static String Search_resemblingOnly;
    public static String Search_badLimit;
    public static String Search_scopeWithoutHub;
    public static String Search_teamWithoutHub;
    public static String Hub_teamOrKnowledgeCentre;
    public static String Search_likeWithQuery;
    public static String Search_unknownLike;
    public static String Search_closeFailed;
    public static String Index_missingSubcommand;
    public static String Index_rebuilt;

    public static String Keys_missingSubcommand;
    public static String Keys_exists;
    public static String Keys_created;
    public static String Keys_fingerprint;
    public static String Keys_keepSafe;
    public static String Keys_own;
    public static String Keys_noneTrusted;
    public static String Keys_trusted;
    public static String Keys_untrusted;
    public static String Head_trustedBy;
    public static String Head_fingerprint;
    public static String Head_available;
    public static String Head_installed;
    public static String Head_repository;
    public static String Pub_noPassword;
    public static String Pub_passwordPrompt;
    public static String Pub_passwordAgain;
    public static String Pub_passwordMismatch;
    public static String Pub_passwordShort;
    public static String Pub_canceled;
    public static String Pub_published;
    public static String Pub_nothingPublished;
    public static String Pub_done;
    public static String Repos_missingSubcommand;
    public static String Repos_notAdded;
    public static String Repos_added;
    public static String Repos_already;
    public static String Repos_none;
    public static String Repos_notListed;
    public static String Repos_removed;
    public static String Updates_noRepositories;
    public static String Updates_unsignedLabel;
    public static String Updates_installed;
    public static String Updates_updated;
    public static String Updates_rolledBack;
    public static String Updates_upToDate;
    public static String Updates_noneRead;
    public static String Updates_none;
    public static String Updates_howTo;
    public static String Updates_notInstalled;
    public static String Updates_warnings;

    public static String Method_none;
    public static String Method_unknownTopic;
    public static String Method_continuous;
    public static String Method_steps;
    public static String Method_principles;
    public static String Method_affordances;
    public static String Method_source;
    public static String Method_sources;

    public static String Show_noMinimumAge;
    public static String Show_helpLines;
    public static String Show_stale;
    public static String Show_questionOrigins;
    public static String Show_fromHandbook;
    public static String Show_fromVindplaats;

    public static String Show_professionalUse;
    public static String Show_workAccount;
    public static String Show_autoReply;
    public static String Show_severalAdmins;
    public static String Show_workerChats;
    public static String Show_gdpr;

    public static String Show_youthFrom;
    public static String Show_youthFromPlugin;

    public static String YouthView_badWhen;
    public static String YouthView_unknownPlatform;
    public static String YouthView_notWritten;
    public static String YouthView_written;

    public static String Inbox_urgency;
    public static String Inbox_needs;
    public static String Inbox_empty;
    public static String Inbox_count;
    public static String Inbox_whichNotes;
    public static String Inbox_notPending;
    public static String Inbox_confirmed;

    public static String Platforms_noMinimumAge;

    public static String Hub_missingSubcommand;
    public static String Hub_notConnected;
    public static String Hub_setUp;
    public static String Hub_account;
    public static String Hub_connected;
    public static String Hub_outlook;
    public static String Hub_pushed;
    public static String Hub_pushStopped;
    public static String Hub_statusLine;
    public static String Hub_statusReachable;
    public static String Hub_lastError;
    public static String Search_hubWith;

    public static String Hub_pushedShared;
    public static String Hub_outlookShared;
    public static String Hub_unknownNote;
    public static String Hub_keptPrivate;
    public static String Hub_sharedChosen;
    public static String Hub_unshared;
    public static String Hub_conflicts;
    public static String Hub_statusConflicts;
    public static String Hub_settled;
    public static String Hub_notInConflict;
    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
