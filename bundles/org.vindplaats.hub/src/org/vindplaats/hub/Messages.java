package org.vindplaats.hub;

import org.eclipse.osgi.util.NLS;

/** Texts of the team hub, in messages.properties (en) and messages_nl.properties (nl). */
public final class Messages extends NLS {
    private static final String BUNDLE_NAME = "org.vindplaats.hub.messages";

    public static String Hub_otherSchema;
    public static String Hub_kcSendsNothing;
    public static String Hub_kcHasNoTeam;
    public static String Hub_unknownLike;
    public static String Hub_settingsNotJson;
    public static String Hub_settingMissing;
    public static String Hub_badUrl;
    public static String Hub_badName;
    public static String Hub_emptyPasswordFile;
    public static String Hub_noPasswordFile;
    public static String Hub_badConnectionFile;
    public static String Hub_pushing;
    public static String Hub_settingUp;
    public static String Hub_wrongPassword;
    public static String Hub_forbidden;
    public static String Hub_noCollection;
    public static String Hub_electingLeader;
    public static String Hub_failed;
    public static String Hub_unreachable;
    public static String Hub_certificate;
    public static String Hub_adminRefused;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
