package org.vindplaats.catalog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Installs and removes plugins for this user. The user's plugin folder is the source of truth:
 * installed jars live there, and every running Vindplaats (workbench or CLI) follows changes to
 * it without a restart.
 */
public interface PluginInstaller {

    /** The folder holding the user's installed plugin jars. */
    Path folder();

    /**
     * Installs or updates a plugin from a built jar or a plugin folder (built on the fly). A plugin
     * with errors is refused and nothing changes.
     */
    default InstallResult install(Path jarOrFolder) throws IOException {
        return install(new InstallRequest(jarOrFolder, false, null));
    }

    /**
     * Installs as {@link #install(Path)}, and records who published the plugin. A plugin whose
     * platform or organisation id is already supplied by another publisher (a shipped plugin counts
     * as {@link PublisherId#BUILT_IN}) is refused unless {@link InstallRequest#replace()}.
     */
    InstallResult install(InstallRequest request) throws IOException;

    /** Whether a refusal was only for want of {@link InstallRequest#replace()} (so the worker can be asked). */
    static boolean needsReplace(List<Problem> problems) {
        return problems.stream().anyMatch(p -> p.isError() && Messages.Install_otherPublisher_fix.equals(p.fix()));
    }

    /** Who supplied an installed plugin: {@link PublisherId#BUILT_IN} for shipped ones, else what was recorded. */
    PublisherId publisher(PluginInfo plugin);

    /**
     * Removes an installed plugin by its platform or organisation id (or bundle name).
     *
     * @throws IllegalArgumentException when no user-installed plugin has that id; the message says
     *                                  whether it is unknown or shipped with Vindplaats
     */
    PluginInfo uninstall(String id) throws IOException;

    /** Re-reads the folder now (normally done automatically when it changes). */
    void sync();

    /**
     * What to install.
     *
     * @param replace   the worker confirmed that this plugin may replace facts another publisher supplied
     * @param publisher who signed it; null when unsigned (a folder, or a jar nobody signed)
     */
    record InstallRequest(Path source, boolean replace, PublisherId publisher) {
    }

    /**
     * A publisher as far as plugins are concerned: the signer's name and certificate fingerprint.
     * {@link #UNSIGNED} for plugins nobody signed.
     */
    record PublisherId(String name, String fingerprint) {
        /** The Vindplaats project, publisher of the plugins shipped with it. */
        public static final PublisherId BUILT_IN = new PublisherId("Vindplaats", "built-in");
        public static final PublisherId UNSIGNED = new PublisherId("unsigned", "none");

        /** Same certificate (or both shipped, or both unsigned). */
        public boolean same(PublisherId other) {
            return other != null && fingerprint.equals(other.fingerprint);
        }

        /** "name (fingerprint)", or the plain name for the built-in and unsigned ones. */
        public String label() {
            return this.equals(BUILT_IN) || this.equals(UNSIGNED) ? name : name + " (" + fingerprint + ")";
        }
    }

    record InstallResult(boolean installed, boolean updated, String symbolicName, String version, Path jar,
            List<Problem> problems) {
    }
}
