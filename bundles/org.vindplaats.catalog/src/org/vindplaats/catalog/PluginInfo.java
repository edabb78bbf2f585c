package org.vindplaats.catalog;

import java.util.List;

/**
 * One installed plugin as the catalog sees it.
 *
 * @param source        the bundle symbolic name (or folder) the plugin came from
 * @param location      where it was installed from
 * @param bundleVersion the installed bundle's version
 * @param kind          platform or organisation; null when the descriptor could not be read
 * @param id            the platform or organisation id; null when unreadable
 * @param version       the content version in use (for {@link State#UPDATE_BROKEN} the previous good one)
 */
public record PluginInfo(String source, String location, String bundleVersion, PluginDescriptor.Kind kind, String id,
        String name, String version, State state, List<Problem> problems) {

    public enum State {
        /** Read without errors and in use. */
        ACTIVE,
        /** An update was broken; the previous good version stays in use. */
        UPDATE_BROKEN,
        /** Another plugin describes the same platform or organisation and wins (see the duplicate rule). */
        SHADOWED,
        /** Could not be read; not in use. */
        BROKEN;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The bundle location of every plugin the user installed (as opposed to the ones Vindplaats ships). */
    public static final String USER_LOCATION_PREFIX = "vindplaats:user-plugins/";

    public PluginInfo {
        problems = List.copyOf(problems);
    }

    /** Whether the user installed this plugin (and so may remove it); shipped ones come with Vindplaats. */
    public boolean userInstalled() {
        return location != null && location.startsWith(USER_LOCATION_PREFIX);
    }
}
