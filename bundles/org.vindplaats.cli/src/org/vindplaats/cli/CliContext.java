package org.vindplaats.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.osgi.util.NLS;
import org.vindplaats.app.CatalogQueries;
import org.vindplaats.app.NoteSuggestions;
import org.vindplaats.app.NotesService;
import org.vindplaats.app.OrientationBriefs;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.catalog.PluginInstaller;
import org.vindplaats.model.Organisation;
import org.vindplaats.model.Platform;

/**
 * What every command needs: where to print, in which language, and the services it works with.
 * Tests create one around in-memory writers and the running services to run commands end to end.
 */
public final class CliContext {

    private final PrintWriter out;
    private final PrintWriter err;
    private final CatalogQueries queries;
    private final OrientationBriefs briefs;
    private final NotesService notes;
    private final NoteSuggestions suggestions;
    private final Locale locale;
    private final PluginInstaller installer;
    private final Terminal terminal;

    /** A context on the application layer's services as Declarative Services runs them. */
    public CliContext(PrintWriter out, PrintWriter err, CatalogQueries queries, OrientationBriefs briefs,
            NotesService notes, NoteSuggestions suggestions, PluginInstaller installer, Locale locale, Terminal terminal) {
        // Everything printed passes the terminal filter: imported text is cleaned when stored, this
        // catches what came another way (a note file edited elsewhere, a file name, plugin text).
        this.out = TerminalWriter.wrap(out);
        this.err = TerminalWriter.wrap(err);
        this.queries = queries;
        this.briefs = briefs;
        this.notes = notes;
        this.suggestions = suggestions;
        this.installer = installer;
        this.locale = locale;
        this.terminal = terminal;
    }

    /** The person's terminal, environment and working directory for this command. */
    public Terminal terminal() {
        return terminal;
    }

    /** A progress line on stderr for long work; cancelled when the person stops waiting. */
    public IProgressMonitor progress() {
        return new ConsoleProgress(err, terminal.interactive(), terminal::cancelled);
    }

    public PluginInstaller installer() {
        return installer;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public Catalog catalog() {
        return queries.catalog();
    }

    /** The application layer's answers about platforms and organisations (lookups, the active organisation, comparison). */
    public CatalogQueries queries() {
        return queries;
    }

    /** The application layer's trend-notes workspaces (which folder, opening it, import options). */
    public NotesService notes() {
        return notes;
    }

    /** The application layer's orientation briefs. */
    /**
     * Label and phenomenon suggestions, the workbench's service: its models are trained once and
     * kept while the notes they learn from and the plugins stay the same, so the resident server
     * answers 'notes suggest' again without training.
     */
    public NoteSuggestions suggestions() {
        return suggestions;
    }

    public OrientationBriefs briefs() {
        return briefs;
    }

    public Locale locale() {
        return locale;
    }

    /** "nl" or "en": the language plugin texts are shown in. */
    public String language() {
        return "en".equals(locale.getLanguage()) ? "en" : "nl";
    }

    /** The platform with this id, or a usage error with a "did you mean" (a typo, or a nickname such as 'insta'). */
    public Platform platform(String id) {
        Optional<Platform> p = queries.platform(id);
        if (p.isPresent()) {
            return p.get();
        }
        String message = NLS.bind(Messages.Cli_unknownPlatform, id);
        throw new UsageException(queries.platformGuess(id).map(g -> message + " " + NLS.bind(Messages.Cli_didYouMean, g))
                .orElse(message + " " + NLS.bind(Messages.Cli_seePlatforms, null)));
    }

    /** The organisation with this id, or a usage error listing the installed ones. */
    public Organisation organisation(String id) {
        Optional<Organisation> o = queries.organisation(id);
        if (o.isPresent()) {
            return o.get();
        }
        var ids = queries.organisationIds();
        String message = NLS.bind(Messages.Cli_unknownOrganisation, id);
        throw new UsageException(queries.organisationGuess(id).map(g -> message + " " + NLS.bind(Messages.Cli_didYouMean, g))
                .orElse(message + " " + NLS.bind(Messages.Cli_installedOrganisations,
                        ids.isEmpty() ? "-" : String.join(", ", ids))));
    }
}
