package org.vindplaats.cli.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.catalog.LoadResult;
import org.vindplaats.catalog.PluginDescriptor;
import org.vindplaats.catalog.PluginInstaller;
import org.vindplaats.cli.Cli;
import org.vindplaats.cli.CliContext;
import org.vindplaats.model.Platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Runs the real command line in-process against the real catalog service. */
final class CliHarness {

    record Result(int exitCode, String out, String err) {
        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(out);
        }
    }

    private static Catalog catalog;
    private static PluginInstaller installer;

    static synchronized Catalog catalog() throws InterruptedException {
        if (catalog == null) {
            BundleContext ctx = FrameworkUtil.getBundle(CliHarness.class).getBundleContext();
            ServiceTracker<Catalog, Catalog> t = new ServiceTracker<>(ctx, Catalog.class, null);
            t.open();
            catalog = t.waitForService(TimeUnit.SECONDS.toMillis(30));
            ServiceTracker<PluginInstaller, PluginInstaller> i = new ServiceTracker<>(ctx, PluginInstaller.class, null);
            i.open();
            installer = i.waitForService(TimeUnit.SECONDS.toMillis(30));
            if (catalog == null || installer == null) {
                throw new IllegalStateException("Catalog or PluginInstaller service not available");
            }
        }
        return catalog;
    }

    static Result run(String... args) throws InterruptedException {
        return run(Locale.ENGLISH, args);
    }

    static Result run(Locale locale, String... args) throws InterruptedException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        catalog();
        int code = Cli.run(new CliContext(new PrintWriter(out), new PrintWriter(err), catalog, installer, locale), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** The shipped platform {@code id} as a plugin of its own, to put in a small catalog of a test. */
    static LoadResult plugin(String id) throws InterruptedException {
        Platform p = catalog().platform(id).orElseThrow();
        return new LoadResult(p.id(), Optional.of(new PluginDescriptor(PluginDescriptor.Kind.PLATFORM, p.id(), "1.0.0",
                p.name(), null, p, null)), List.of());
    }

    static PluginInstaller installer() throws InterruptedException {
        catalog();
        return installer;
    }

    /** Copies fixtures/{@code folder} out of this fragment. */
    static Path fixture(String folder, Path target) throws IOException {
        Bundle fragment = null;
        for (Bundle b : FrameworkUtil.getBundle(CliHarness.class).getBundleContext().getBundles()) {
            if ("org.vindplaats.cli.tests".equals(b.getSymbolicName())) {
                fragment = b;
            }
        }
        Enumeration<URL> entries = fragment.findEntries("fixtures/" + folder, "*", true);
        String prefix = "/fixtures/" + folder + "/";
        while (entries != null && entries.hasMoreElements()) {
            URL url = entries.nextElement();
            if (url.getPath().endsWith("/")) {
                continue;
            }
            Path out = target.resolve(url.getPath().substring(url.getPath().indexOf(prefix) + prefix.length()));
            Files.createDirectories(out.getParent());
            try (InputStream in = url.openStream()) {
                Files.copy(in, out);
            }
        }
        return target;
    }
}
