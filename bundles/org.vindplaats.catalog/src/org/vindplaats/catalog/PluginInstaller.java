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
    InstallResult install(Path jarOrFolder) throws IOException;

    /**
     * Removes an installed plugin by its platform or organisation id (or bundle name).
     *
     * @throws IllegalArgumentException when no user-installed plugin has that id; the message says
     *                                  whether it is unknown or shipped with Vindplaats
     */
    PluginInfo uninstall(String id) throws IOException;

    /** Re-reads the folder now (normally done automatically when it changes). */
    void sync();

    record InstallResult(boolean installed, boolean updated, String symbolicName, String version, Path jar,
            List<Problem> problems) {
    }
}
