package org.vindplaats.publish;

import org.eclipse.osgi.util.NLS;

/** Texts of publishing and updating, in messages.properties (en) and messages_nl.properties (nl). */
public final class Messages extends NLS {
    private static final String BUNDLE_NAME = "org.vindplaats.publish.messages";

    public static String Keys_exists;
    public static String Keys_cannotCreate;
    public static String Keys_cannotSign;
    public static String Keys_missing;
    public static String Keys_noKeyInStore;
    public static String Keys_wrongPassword;
    public static String Keys_noCertificate;
    public static String Trust_unknown;
    public static String Trust_byOrganisation;
    public static String Publish_task;
    public static String Publish_defaultName;
    public static String Publish_categoryPlatforms;
    public static String Publish_categoryOrganisations;
    public static String Publish_notAPlugin;
    public static String Publish_notAPlugin_fix;
    public static String Publish_twice;
    public static String Publish_twice_fix;
    public static String Publish_exists;
    public static String Publish_exists_fix;
    public static String Publish_p2Failed;
    public static String Repo_badUrl;
    public static String Repo_reading;
    public static String Repo_downloading;
    public static String Repo_unreachable;
    public static String Repo_noFolder;
    public static String Repo_refused;
    public static String Repo_timeout;
    public static String Repo_httpStatus;
    public static String Repo_notARepository;
    public static String Repo_broken;
    public static String Repo_missingArtifact;
    public static String Repo_checksum;
    public static String Repo_listUnreadable;
    public static String Verify_tampered;
    public static String Verify_addedFile;
    public static String Verify_removedFile;
    public static String Repo_outside;
    public static String Repo_tooLarge;
    public static String Repo_redirect;
    public static String Repo_deadline;
    public static String Repo_insecure;
    public static String Updates_wrongContent;
    public static String Updates_older;
    public static String Updates_olderInstall;
    public static String Verify_mixedSigners;
    public static String Verify_unreadable;
    public static String Verify_unsigned;
    public static String Verify_untrusted;
    public static String Updates_checking;
    public static String Updates_installing;
    public static String Updates_needsConsent;
    public static String Updates_notOffered;
    public static String Updates_versionNotOffered;
    public static String Updates_ambiguous;
    public static String Updates_brokenPlugin;
    public static String Updates_noPrevious;
    public static String Updates_brokenPrevious;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
