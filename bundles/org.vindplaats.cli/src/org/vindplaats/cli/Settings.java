package org.vindplaats.cli;

import java.util.Optional;

import org.osgi.service.prefs.BackingStoreException;

/**
 * Kept for code written against the old place of the shared settings.
 *
 * @deprecated use {@link org.vindplaats.catalog.Settings}, shared by the CLI and the workbench
 */
@Deprecated
public final class Settings {

    public static final String NODE = org.vindplaats.catalog.Settings.NODE;
    public static final String ACTIVE_ORGANISATION = org.vindplaats.catalog.Settings.ACTIVE_ORGANISATION;

    private Settings() {
    }

    public static Optional<String> activeOrganisation() {
        return org.vindplaats.catalog.Settings.activeOrganisation();
    }

    public static void setActiveOrganisation(String id) throws BackingStoreException {
        org.vindplaats.catalog.Settings.setActiveOrganisation(id);
    }
}
