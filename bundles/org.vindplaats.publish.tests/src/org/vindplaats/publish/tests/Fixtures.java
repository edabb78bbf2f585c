package org.vindplaats.publish.tests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.vindplaats.catalog.Catalog;
import org.vindplaats.catalog.PluginDescriptor;
import org.vindplaats.catalog.PluginInstaller;
import org.vindplaats.catalog.PluginScaffold;
import org.vindplaats.testing.Services;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;

/** Real services, scaffolded plugins and a static file server on 127.0.0.1, like a knowledge centre's. */
final class Fixtures {

    private static Catalog catalog;
    private static PluginInstaller installer;

    private Fixtures() {
    }

    static synchronized Catalog catalog() throws InterruptedException {
        if (catalog == null) {
            catalog = Services.await(Catalog.class);
            installer = Services.await(PluginInstaller.class);
        }
        return catalog;
    }

    static PluginInstaller installer() throws InterruptedException {
        catalog();
        return installer;
    }

    /** A complete platform plugin folder (the scaffold, instructions removed) with the given version and name. */
    static Path platformPlugin(Path parent, String id, String version, String name) throws IOException {
        Path folder = PluginScaffold.create(PluginDescriptor.Kind.PLATFORM, id, parent, LocalDate.now());
        setVersion(folder, version, name);
        return folder;
    }

    static void setVersion(Path folder, String version, String name) throws IOException {
        Path json = folder.resolve("vindplaats-plugin.json");
        String text = Files.readString(json, StandardCharsets.UTF_8);
        text = text.replaceFirst("\"version\" : \"[^\"]*\"", "\"version\" : \"" + version + "\"");
        text = text.replaceFirst("\"name\" : \"[^\"]*\"", "\"name\" : \"" + name + "\"");
        Files.writeString(json, text, StandardCharsets.UTF_8);
    }

    /** Serves a folder read-only over HTTP on 127.0.0.1 at a free port. */
    static HttpServer serve(Path folder) throws IOException {
        HttpServer server = SimpleFileServer.createFileServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                folder.toAbsolutePath(), SimpleFileServer.OutputLevel.NONE);
        server.start();
        return server;
    }

    static URI url(HttpServer server) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    static char[] password() {
        return "test-password".toCharArray();
    }
}
