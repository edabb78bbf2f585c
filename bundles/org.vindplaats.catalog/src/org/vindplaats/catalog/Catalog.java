package org.vindplaats.catalog;

import java.util.List;
import java.util.Optional;

import org.vindplaats.model.Organisation;
import org.vindplaats.model.Platform;

/**
 * What the installed plugins describe: platforms and organisations, plus the state and problems
 * of every plugin. Available as an OSGi service; it follows plugins being installed, updated and
 * removed while the application runs.
 */
public interface Catalog {

    /** The platforms in use, sorted by name. */
    List<Platform> platforms();

    Optional<Platform> platform(String id);

    /** The organisations in use, sorted by name. */
    List<Organisation> organisations();

    Optional<Organisation> organisation(String id);

    /** Every installed plugin with its state and problems, also the broken and unused ones. */
    List<PluginInfo> plugins();

    /** Called (on any thread) after the catalog changed. */
    void addListener(Runnable listener);

    void removeListener(Runnable listener);
}
