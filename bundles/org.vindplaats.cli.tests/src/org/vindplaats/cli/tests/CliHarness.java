package org.vindplaats.cli.tests;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.vindplaats.app.CatalogQueries;
import org.vindplaats.app.NoteSuggestions;
import org.vindplaats.app.NotesService;
import org.vindplaats.app.OrientationBriefs;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.catalog.LoadResult;
import org.vindplaats.catalog.PluginDescriptor;
import org.vindplaats.catalog.PluginInstaller;
import org.vindplaats.cli.Cli;
import org.vindplaats.cli.CliContext;
import org.vindplaats.cli.Terminal;
import org.vindplaats.model.Platform;
import org.vindplaats.testing.Services;
import org.vindplaats.testing.TestFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Runs the real command line in-process against the real catalog and application-layer services. */
final class CliHarness {

    record Result(int exitCode, String out, String err) {
        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(out);
        }
    }

    private static Catalog catalog;
    private static PluginInstaller installer;
    private static CatalogQueries queries;
    private static OrientationBriefs briefs;
    private static NotesService notes;
    private static NoteSuggestions suggestions;

    static synchronized Catalog catalog() throws InterruptedException {
        if (catalog == null) {
            catalog = Services.await(Catalog.class);
            installer = Services.await(PluginInstaller.class);
            // The application layer's services as Declarative Services runs them in the product.
            queries = Services.await(CatalogQueries.class);
            briefs = Services.await(OrientationBriefs.class);
            notes = Services.await(NotesService.class);
            suggestions = Services.await(NoteSuggestions.class);
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
        int code = Cli.run(new CliContext(new PrintWriter(out), new PrintWriter(err), queries, briefs, notes, suggestions, installer, locale,
                Terminal.local()), args);
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

    /** Copies fixtures/{@code folder} out of this fragment; "eval-dev" is the shared dev evaluation set. */
    static Path fixture(String folder, Path target) throws IOException {
        return "eval-dev".equals(folder) ? TestFiles.copyEvalDev(target)
                : TestFiles.copy("org.vindplaats.cli.tests", "fixtures/" + folder, target);
    }
}
