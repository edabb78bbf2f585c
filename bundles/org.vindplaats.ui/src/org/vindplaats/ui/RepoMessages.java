package org.vindplaats.ui;

import org.eclipse.osgi.util.NLS;

/** Texts of the plugin repositories view, in repositories.properties (en) and repositories_nl.properties (nl). */
public final class RepoMessages extends NLS {
    private static final String BUNDLE_NAME = "org.vindplaats.ui.repositories";

    public static String Tab_installed;
    public static String Tab_repositories;
    public static String Repos_title;
    public static String Repos_url_hint;
    public static String Repos_add;
    public static String Repos_remove;
    public static String Repos_check;
    public static String Repos_checkAtStart;
    public static String Repos_install;
    public static String Repos_rollback;
    public static String Repos_colPlugin;
    public static String Repos_colName;
    public static String Repos_colAvailable;
    public static String Repos_colInstalled;
    public static String Repos_colStatus;
    public static String Repos_statusUpdate;
    public static String Repos_statusInstalled;
    public static String Repos_statusNew;
    public static String Repos_statusOlder;
    public static String Repos_added;
    public static String Repos_removed;
    public static String Repos_reading;
    public static String Repos_read;
    public static String Repos_readErrors;
    public static String Repos_installing;
    public static String Repos_installed;
    public static String Repos_updated;
    public static String Repos_upToDate;
    public static String Repos_refused;
    public static String Repos_rolledBack;
    public static String Repos_rollingBack;
    public static String Repos_failed;
    public static String Repos_confirmTitle;
    public static String Repos_confirmQuestion;
    public static String Repos_confirmReplace;
    public static String Repos_selectOne;

    static {
        NLS.initializeMessages(BUNDLE_NAME, RepoMessages.class);
    }

    private RepoMessages() {
    }
}
