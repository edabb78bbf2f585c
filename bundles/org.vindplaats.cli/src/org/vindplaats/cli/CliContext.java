package org.vindplaats.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.osgi.util.NLS;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.catalog.PluginInstaller;
import org.vindplaats.model.Organisation;
import org.vindplaats.model.Platform;
import org.vindplaats.model.Terms;

/**
 * What every command needs: where to print, in which language, and the services it works with.
 * Tests create one around in-memory writers to run commands end to end.
 */
public final class CliContext {

    private final PrintWriter out;
    private final PrintWriter err;
    private final Catalog catalog;
    private final Locale locale;
    private final PluginInstaller installer;
    private final Terminal terminal;

    public CliContext(PrintWriter out, PrintWriter err, Catalog catalog, PluginInstaller installer, Locale locale) {
        this(out, err, catalog, installer, locale, Terminal.local());
    }

    public CliContext(PrintWriter out, PrintWriter err, Catalog catalog, PluginInstaller installer, Locale locale,
            Terminal terminal) {
        // Everything printed passes the terminal filter: imported text is cleaned when stored, this
        // catches what came another way (a note file edited elsewhere, a file name, plugin text).
        this.out = TerminalWriter.wrap(out);
        this.err = TerminalWriter.wrap(err);
        this.catalog = catalog;
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
        return catalog;
    }

    public Locale locale() {
        return locale;
    }

    /** "nl" or "en": the language plugin texts are shown in. */
    public String language() {
        return "en".equals(locale.getLanguage()) ? "en" : "nl";
    }

    /** The platform with this id, or a usage error with a "did you mean". */
    public Platform platform(String id) {
        Optional<Platform> p = catalog.platform(id);
        if (p.isPresent()) {
            return p.get();
        }
        String message = NLS.bind(Messages.Cli_unknownPlatform, id);
        Optional<String> guess = Terms.didYouMean(id, catalog.platforms().stream().map(Platform::id).toList());
        if (guess.isEmpty()) {
            // Nicknames count too: 'insta' finds instagram.
            guess = catalog.platforms().stream()
                    .filter(pl -> pl.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(id.strip())))
                    .map(Platform::id).findFirst();
        }
        throw new UsageException(guess.map(g -> message + " " + NLS.bind(Messages.Cli_didYouMean, g))
                .orElse(message + " " + NLS.bind(Messages.Cli_seePlatforms, null)));
    }

    /** The organisation with this id, or a usage error listing the installed ones. */
    public Organisation organisation(String id) {
        Optional<Organisation> o = catalog.organisation(id);
        if (o.isPresent()) {
            return o.get();
        }
        var ids = catalog.organisations().stream().map(Organisation::id).toList();
        String message = NLS.bind(Messages.Cli_unknownOrganisation, id);
        Optional<String> guess = Terms.didYouMean(id, ids);
        throw new UsageException(guess.map(g -> message + " " + NLS.bind(Messages.Cli_didYouMean, g))
                .orElse(message + " " + NLS.bind(Messages.Cli_installedOrganisations,
                        ids.isEmpty() ? "-" : String.join(", ", ids))));
    }
}
