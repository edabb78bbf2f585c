package org.vindplaats.catalog;

import java.util.Optional;

import org.vindplaats.catalog.PluginInstaller.PublisherId;

/**
 * Which plugin supplied the facts about a platform or organisation: its bundle, the version in use
 * and its publisher. Shown wherever those facts are, so a plugin that replaced them is visible.
 */
public record PluginProvenance(String plugin, String version, PublisherId publisher) {

    /** The plugin in use for that platform or organisation, if any. */
    public static Optional<PluginProvenance> of(Catalog catalog, PluginInstaller installer, PluginDescriptor.Kind kind,
            String id) {
        return catalog.plugins().stream()
                .filter(p -> p.kind() == kind && id.equals(p.id())
                        && (p.state() == PluginInfo.State.ACTIVE || p.state() == PluginInfo.State.UPDATE_BROKEN))
                .findFirst().map(p -> new PluginProvenance(p.source(), p.version(),
                        installer != null ? installer.publisher(p)
                        : p.userInstalled() ? PublisherId.UNSIGNED
                                : PublisherId.BUILT_IN));
    }

    /** "org.vindplaats.platform.tiktok 1.0.0, Vindplaats". */
    public String label() {
        return plugin + " " + version + ", " + publisher.label();
    }
}
