package org.vindplaats.app;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.catalog.PluginDescriptor;
import org.vindplaats.catalog.PluginInstaller;
import org.vindplaats.catalog.PluginProvenance;
import org.vindplaats.catalog.Settings;
import org.vindplaats.model.Organisation;
import org.vindplaats.model.Platform;
import org.vindplaats.model.Terms;

/**
 * Questions both front ends ask the catalog, answered by one rule each: which platform or
 * organisation a worker meant (with a "did you mean" for a typo or a nickname), which organisation
 * is active, which plugin supplied a platform's facts, and platforms side by side. An OSGi
 * Declarative Services component: the workbench's parts get it injected, the command line through
 * its context; tests build one around a catalog of their own.
 */
@Component(service = CatalogQueries.class)
public final class CatalogQueries {

    private final Catalog catalog;
    private final PluginInstaller installer;

    /**
     * @param installer tells who published a plugin the worker installed (null: plugins count as
     *                  built in, or unsigned when they came from the plugin folder)
     */
    @Activate
    public CatalogQueries(@Reference Catalog catalog, @Reference PluginInstaller installer) {
        this.catalog = catalog;
        this.installer = installer;
    }

    public Catalog catalog() {
        return catalog;
    }

    /** The platform with exactly this id. */
    public Optional<Platform> platform(String id) {
        return catalog.platform(id);
    }

    /**
     * What a worker probably meant by an unknown platform id: the nearest id (a typo), else the
     * platform with this nickname ('insta' means instagram).
     */
    public Optional<String> platformGuess(String typed) {
        List<String> ids = catalog.platforms().stream().map(Platform::id).toList();
        Optional<String> guess = Terms.didYouMean(typed, ids);
        if (guess.isPresent()) {
            return guess;
        }
        String nickname = typed.strip();
        return catalog.platforms().stream()
                .filter(p -> p.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(nickname)))
                .map(Platform::id).findFirst();
    }

    /** The installed organisation with this id. */
    public Optional<Organisation> organisation(String id) {
        return catalog.organisation(id);
    }

    /** The ids of the installed organisations. */
    public List<String> organisationIds() {
        return catalog.organisations().stream().map(Organisation::id).toList();
    }

    /** The nearest installed organisation id to a mistyped one. */
    public Optional<String> organisationGuess(String typed) {
        return Terms.didYouMean(typed, organisationIds());
    }

    /**
     * The organisation chosen in the settings both front ends share ({@code vindplaats organisation
     * use}, or Beheer &gt; Organisatie), when it is installed: its policy is shown with every
     * platform and its retention applies to new notes.
     */
    public Optional<Organisation> activeOrganisation() {
        return activeOrganisation(catalog);
    }

    /** {@link #activeOrganisation()} for code that holds only the catalog (null: none). */
    public static Optional<Organisation> activeOrganisation(Catalog catalog) {
        return catalog == null ? Optional.empty() : Settings.activeOrganisation().flatMap(catalog::organisation);
    }

    /** Which plugin (version, publisher) supplied what is known about the platform. */
    public Optional<PluginProvenance> suppliedBy(Platform platform) {
        return PluginProvenance.of(catalog, installer, PluginDescriptor.Kind.PLATFORM, platform.id());
    }

    /**
     * The platforms side by side, in the given order.
     *
     * @throws IllegalArgumentException for more than {@value PlatformComparison#MAX_PLATFORMS}
     */
    public PlatformComparison compare(List<Platform> platforms) {
        return new PlatformComparison(platforms);
    }
}
