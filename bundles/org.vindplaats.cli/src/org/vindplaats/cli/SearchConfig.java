package org.vindplaats.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.catalog.PluginDescriptor;
import org.vindplaats.catalog.PluginInfo;
import org.vindplaats.index.IndexConfig;
import org.vindplaats.model.Organisation;
import org.vindplaats.model.Platform;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The search index's configuration from the installed plugins: every platform with its name and
 * nicknames, and the youth slang of every organisation plugin's lexicon ({@code "slang"} object:
 * word to plain synonyms). A lexicon that cannot be read is skipped: search still works, without
 * that slang.
 */
public final class SearchConfig {

    private SearchConfig() {
    }

    public static IndexConfig from(Catalog catalog) {
        IndexConfig config = IndexConfig.defaults();
        for (Platform p : catalog.platforms()) {
            List<String> names = new ArrayList<>(p.aliases());
            if (p.name() != null) {
                names.add(p.name());
            }
            config = config.withPlatform(p.id(), names);
        }
        for (Organisation o : catalog.organisations()) {
            String path = o.resources().get("lexicon");
            if (path == null) {
                continue;
            }
            Map<String, List<String>> slang = slang(catalog, o.id(), path);
            config = config.withSlang(slang);
        }
        return config;
    }

    private static Map<String, List<String>> slang(Catalog catalog, String organisation, String path) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (PluginInfo info : catalog.plugins()) {
            if (info.kind() != PluginDescriptor.Kind.ORGANISATION || !organisation.equals(info.id())) {
                continue;
            }
            try (InputStream in = open(info, path)) {
                if (in == null) {
                    continue;
                }
                JsonNode slang = JsonViews.MAPPER.readTree(in).path("slang");
                slang.fields().forEachRemaining(e -> {
                    List<String> synonyms = new ArrayList<>();
                    e.getValue().forEach(v -> synonyms.add(v.asText()));
                    out.put(e.getKey(), synonyms);
                });
            } catch (IOException | RuntimeException e) {
                // The catalog already reports broken plugin resources; search goes on without this slang.
            }
        }
        return out;
    }

    private static InputStream open(PluginInfo info, String path) throws IOException {
        Bundle self = FrameworkUtil.getBundle(SearchConfig.class);
        if (self != null) {
            for (Bundle b : self.getBundleContext().getBundles()) {
                if (info.source().equals(b.getSymbolicName())) {
                    URL url = b.getEntry(path);
                    return url == null ? null : url.openStream();
                }
            }
        }
        Path folder = Path.of(info.source());
        Path file = folder.resolve(path).normalize();
        return file.startsWith(folder) && Files.isRegularFile(file) ? Files.newInputStream(file) : null;
    }
}
