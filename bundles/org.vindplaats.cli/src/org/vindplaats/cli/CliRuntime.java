package org.vindplaats.cli;

import java.io.PrintWriter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;
import org.vindplaats.app.CatalogQueries;
import org.vindplaats.app.NoteSuggestions;
import org.vindplaats.app.NotesService;
import org.vindplaats.app.OrientationBriefs;
import org.vindplaats.catalog.PluginInstaller;

/**
 * The services commands run on, and where the warnings the services log go: to the command that
 * is running, and kept and told to every command after. What the services warn about is the
 * plugins (one refused while the catalog started, a broken lexicon or thesaurus found when the
 * suggester was first trained), so it concerns each command, as it would in a process of its own:
 * a service reads them once and would not warn again. Until the plugins change: then what a
 * command's service warned about goes (it may be about a plugin that is gone), and the services
 * warn again about what they read anew. (The resident server steps aside when another program
 * changes the plugins; a command it runs itself, such as plugin install, changes them under it.)
 * Shared by the one-shot {@link CliApplication} and the resident {@code org.vindplaats.cli.server}.
 */
public final class CliRuntime implements AutoCloseable {

    static final int SERVICE_TIMEOUT_SECONDS = 30;

    /**
     * Lucene says once per JVM, through java.util.logging, that the JDK's vector module is not
     * enabled. That is a tuning note for developers, not something a worker can act on, and it
     * would sit between the progress line and the answer: keep it out of the terminal. Held in a
     * field because java.util.logging only keeps weak references to configured loggers.
     */
    private static final Logger LUCENE_VECTORIZATION = Logger.getLogger("org.apache.lucene.internal.vectorization");

    static {
        LUCENE_VECTORIZATION.setLevel(Level.SEVERE);
    }

    private final ServiceTracker<PluginInstaller, PluginInstaller> installers;
    private final ServiceTracker<CatalogQueries, CatalogQueries> queries;
    private final ServiceTracker<OrientationBriefs, OrientationBriefs> briefs;
    private final ServiceTracker<NotesService, NotesService> notes;
    private final ServiceTracker<NoteSuggestions, NoteSuggestions> suggestions;
    private final ILogListener listener = this::logged;
    /**
     * Each warning kept, with the catalog's plugin list (compared by identity: a new list after
     * every change) when a command's service logged it, or {@link #STARTUP} for one logged outside
     * any command (a plugin refused while the catalog started: kept as long as this runtime).
     */
    private final Map<String, Object> standingWarnings = new LinkedHashMap<>();
    private static final Object STARTUP = new Object();
    private PrintWriter currentErr;
    /** What the running command was told already (each warning once per command). */
    private final Set<String> told = new HashSet<>();

    public CliRuntime(BundleContext bc) {
        // Listening before the services start: what they log while starting is kept.
        Platform.addLogListener(listener);
        installers = new ServiceTracker<>(bc, PluginInstaller.class, null);
        queries = new ServiceTracker<>(bc, CatalogQueries.class, null);
        briefs = new ServiceTracker<>(bc, OrientationBriefs.class, null);
        notes = new ServiceTracker<>(bc, NotesService.class, null);
        suggestions = new ServiceTracker<>(bc, NoteSuggestions.class, null);
        installers.open();
        queries.open();
        briefs.open();
        notes.open();
        suggestions.open();
    }

    /**
     * Waits for the plugin installer and the application layer's services (which come once the
     * catalog is there); false when they did not come.
     */
    public boolean awaitServices() throws InterruptedException {
        long timeout = TimeUnit.SECONDS.toMillis(SERVICE_TIMEOUT_SECONDS);
        return installers.waitForService(timeout) != null && queries.waitForService(timeout) != null
                && briefs.waitForService(timeout) != null && notes.waitForService(timeout) != null
                && suggestions.waitForService(timeout) != null;
    }

    public PluginInstaller installer() {
        return installers.getService();
    }

    /** Runs one command line; warnings logged meanwhile are printed on its standard error. */
    public int run(String[] args, PrintWriter out, PrintWriter err, Terminal terminal) {
        synchronized (this) {
            Object plugins = plugins();
            standingWarnings.values().removeIf(when -> when != STARTUP && when != plugins);
            currentErr = err;
            told.clear();
            for (String w : standingWarnings.keySet()) {
                err.println(w);
                told.add(w);
            }
        }
        try {
            return Cli.run(new CliContext(out, err, queries.getService(), briefs.getService(), notes.getService(),
                    suggestions.getService(), installers.getService(),
                    Locale.getDefault(), terminal), args);
        } finally {
            synchronized (this) {
                currentErr = null;
            }
        }
    }

    /** The catalog's current plugin list, compared by identity; null before the catalog is there. */
    private Object plugins() {
        CatalogQueries q = queries.getService();
        return q == null ? null : q.catalog().plugins();
    }

    private void logged(IStatus status, String plugin) {
        // Warnings are for the person at the terminal too; the workbench keeps them in its log.
        if (status.getSeverity() < IStatus.WARNING) {
            return;
        }
        String line = "vindplaats: " + status.getMessage();
        synchronized (this) {
            if (currentErr != null && told.add(line)) {
                currentErr.println(line);
            }
            standingWarnings.put(line, currentErr == null ? STARTUP : plugins());
        }
    }

    @Override
    public void close() {
        notes.close();
        briefs.close();
        queries.close();
        installers.close();
        Platform.removeLogListener(listener);
    }
}
