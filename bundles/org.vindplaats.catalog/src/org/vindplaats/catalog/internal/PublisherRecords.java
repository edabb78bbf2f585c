package org.vindplaats.catalog.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

import org.eclipse.osgi.util.NLS;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.catalog.Messages;
import org.vindplaats.catalog.PluginDescriptor;
import org.vindplaats.catalog.PluginInfo;
import org.vindplaats.catalog.PluginInstaller.InstallRequest;
import org.vindplaats.catalog.PluginInstaller.PublisherId;
import org.vindplaats.catalog.Problem;
import org.vindplaats.model.io.FileReplacement;

/**
 * Who published each plugin in the user's plugin folder ({@code <bundle>.publisher} beside its
 * jar), and the rule that facts of one publisher are not silently replaced by another's.
 */
final class PublisherRecords {

    static final String SUFFIX = ".publisher";

    private final Path folder;

    PublisherRecords(Path folder) {
        this.folder = folder;
    }

    void write(String bundle, PublisherId publisher) throws IOException {
        PublisherId p = publisher == null ? PublisherId.UNSIGNED : publisher;
        Properties props = new Properties();
        props.setProperty("name", p.name());
        props.setProperty("fingerprint", p.fingerprint());
        StringWriter w = new StringWriter();
        props.store(w, "Publisher of " + bundle + " (written by Vindplaats when it was installed)");
        FileReplacement.write(folder.resolve(bundle + SUFFIX), w.toString().getBytes(StandardCharsets.UTF_8));
    }

    void delete(String bundle) throws IOException {
        Files.deleteIfExists(folder.resolve(bundle + SUFFIX));
    }

    /** The recorded publisher; {@link PublisherId#UNSIGNED} when none was recorded. */
    PublisherId read(String bundle) {
        Path f = folder.resolve(bundle + SUFFIX);
        if (!Files.isRegularFile(f)) {
            return PublisherId.UNSIGNED;
        }
        try {
            Properties props = new Properties();
            props.load(new StringReader(Files.readString(f, StandardCharsets.UTF_8)));
            String name = props.getProperty("name");
            String fp = props.getProperty("fingerprint");
            return name == null || fp == null ? PublisherId.UNSIGNED : new PublisherId(name, fp);
        } catch (IOException | IllegalArgumentException e) {
            return PublisherId.UNSIGNED;
        }
    }

    PublisherId of(PluginInfo plugin) {
        if (!plugin.location().startsWith(FolderPluginInstaller.LOCATION_PREFIX)) {
            return PublisherId.BUILT_IN;
        }
        return read(plugin.source());
    }

    /**
     * A plugin that supplies the platform or organisation another publisher's plugin already
     * supplies needs the worker's explicit consent.
     */
    Optional<Problem> conflict(Catalog catalog, PluginDescriptor incoming, Path jar, InstallRequest request) {
        if (request.replace()) {
            return Optional.empty();
        }
        PublisherId newcomer = request.publisher() == null ? PublisherId.UNSIGNED : request.publisher();
        for (PluginInfo p : catalog.plugins()) {
            // Only the plugin whose facts are in use: one already shadowed (e.g. a shipped plugin the
            // worker agreed to replace) supplies nothing any more.
            if (p.kind() != incoming.kind() || !incoming.id().equals(p.id())
                    || p.state() != PluginInfo.State.ACTIVE && p.state() != PluginInfo.State.UPDATE_BROKEN) {
                continue;
            }
            PublisherId existing = of(p);
            if (!existing.same(newcomer)) {
                return Optional.of(new Problem(Problem.Severity.ERROR, jar.toString(), "vindplaats-plugin.json", 0, 0,
                        NLS.bind(Messages.Install_otherPublisher, new Object[] { incoming.kind().id(), incoming.id(),
                                p.source() + " " + p.bundleVersion(), existing.label(), newcomer.label() }),
                        Messages.Install_otherPublisher_fix));
            }
        }
        return Optional.empty();
    }
}
