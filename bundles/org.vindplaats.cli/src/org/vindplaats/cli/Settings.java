package org.vindplaats.cli;

import java.util.Optional;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;

/**
 * User settings shared by the CLI and the workbench: Eclipse instance-scope preferences of the
 * node {@value #NODE}. Both products use the same instance location (see the vindplaats
 * script), so choosing an organisation in one applies in the other.
 */
public final class Settings {

    public static final String NODE = "org.vindplaats.catalog";
    public static final String ACTIVE_ORGANISATION = "activeOrganisation";

    private Settings() {
    }

    public static Optional<String> activeOrganisation() {
        String v = node().get(ACTIVE_ORGANISATION, null);
        return Optional.ofNullable(v == null || v.isBlank() ? null : v);
    }

    public static void setActiveOrganisation(String id) throws BackingStoreException {
        IEclipsePreferences node = node();
        if (id == null) {
            node.remove(ACTIVE_ORGANISATION);
        } else {
            node.put(ACTIVE_ORGANISATION, id);
        }
        node.flush();
    }

    private static IEclipsePreferences node() {
        return InstanceScope.INSTANCE.getNode(NODE);
    }
}
