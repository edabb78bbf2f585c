package org.vindplaats.catalog;

import java.util.Objects;

import org.vindplaats.model.Organisation;
import org.vindplaats.model.Platform;

/**
 * A successfully read plugin descriptor: which platform or organisation it describes and which
 * content version. Exactly one of {@link #platform()} and {@link #organisation()} is set.
 */
public record PluginDescriptor(Kind kind, String id, String version, String name, String publisher, Platform platform,
        Organisation organisation) {

    public static final String FILE_NAME = "vindplaats-plugin.json";
    /** The manifest header that marks a bundle as a Vindplaats plugin; its value is the descriptor path. */
    public static final String MANIFEST_HEADER = "Vindplaats-Plugin";

    public enum Kind {
        PLATFORM, ORGANISATION;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public PluginDescriptor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
    }
}
