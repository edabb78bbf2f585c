package org.vindplaats.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.osgi.util.NLS;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.catalog.PluginInstaller;

/** The headless Equinox application behind './vindplaats &lt;command&gt;'. */
public final class CliApplication implements IApplication {

    private static final int SERVICE_TIMEOUT_SECONDS = 30;

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

    @Override
    public Object start(IApplicationContext context) throws Exception {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        context.applicationRunning();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        // Warnings the services log (a plugin jar refused, a bad line in the repository list) are
        // for the person at the terminal too; the workbench keeps them in its log.
        ILogListener toTerminal = (status, plugin) -> {
            if (status.getSeverity() >= IStatus.WARNING) {
                err.println("vindplaats: " + status.getMessage());
            }
        };
        Platform.addLogListener(toTerminal);
        BundleContext bc = FrameworkUtil.getBundle(getClass()).getBundleContext();
        ServiceTracker<Catalog, Catalog> tracker = new ServiceTracker<>(bc, Catalog.class, null);
        ServiceTracker<PluginInstaller, PluginInstaller> installers = new ServiceTracker<>(bc, PluginInstaller.class, null);
        tracker.open();
        installers.open();
        try {
            long timeout = TimeUnit.SECONDS.toMillis(SERVICE_TIMEOUT_SECONDS);
            Catalog catalog = tracker.waitForService(timeout);
            PluginInstaller installer = installers.waitForService(timeout);
            if (catalog == null || installer == null) {
                err.println("vindplaats: " + NLS.bind(Messages.Cli_catalogMissing, SERVICE_TIMEOUT_SECONDS));
                return ExitCodes.INTERNAL;
            }
            return Cli.run(new CliContext(out, err, catalog, installer, Locale.getDefault()),
                    args == null ? new String[0] : args);
        } finally {
            installers.close();
            tracker.close();
            Platform.removeLogListener(toTerminal);
        }
    }

    @Override
    public void stop() {
        // Commands are short-lived; nothing to interrupt.
    }
}
