package org.vindplaats.app;

import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.catalog.PluginInstaller;
import org.vindplaats.publish.PluginUpdates;

/**
 * The user's plugin updates as one service for the whole program: their repositories and trusted
 * publishers ({@link PluginUpdates}), and the last offer read from the repositories, whoever read
 * it (the workbench's background check at start, or the worker pressing "check"), so the part that
 * shows updates finds it without the two sharing static fields. An OSGi Declarative Services
 * component; tests and tools may build one from a catalog and an installer.
 */
@Component(service = PluginUpdateService.class)
public final class PluginUpdateService {

    @Reference
    Catalog catalog;

    @Reference
    PluginInstaller installer;

    /** Set when built around given updates (tests with their own repositories and client). */
    private PluginUpdates given;
    private volatile PluginUpdates.Offer lastOffer;

    /** For Declarative Services. */
    public PluginUpdateService() {
    }

    public PluginUpdateService(Catalog catalog, PluginInstaller installer) {
        this.catalog = catalog;
        this.installer = installer;
    }

    /** Around given updates (their own data folder and repository client). */
    public PluginUpdateService(PluginUpdates updates) {
        this.given = updates;
    }

    /** The user's repositories, trusted publishers and install/update/rollback. */
    public PluginUpdates updates() {
        return given != null ? given : new PluginUpdates(installer, catalog);
    }

    /** Reads every repository of the user (long work: in a job) and keeps what they offer. */
    public PluginUpdates.Offer check(IProgressMonitor monitor) {
        PluginUpdates.Offer offer = updates().offer(List.of(), monitor);
        lastOffer = offer;
        return offer;
    }

    /** Keeps an offer read elsewhere (a check from the repositories view). */
    public void remember(PluginUpdates.Offer offer) {
        lastOffer = offer;
    }

    /** What the repositories offered at the last check, if one ran. */
    public Optional<PluginUpdates.Offer> lastOffer() {
        return Optional.ofNullable(lastOffer);
    }
}
