package org.vindplaats.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.osgi.util.NLS;
import org.osgi.framework.FrameworkUtil;

/** The headless Equinox application behind './vindplaats &lt;command&gt;'. */
public final class CliApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) throws Exception {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        context.applicationRunning();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        try (CliRuntime runtime = new CliRuntime(FrameworkUtil.getBundle(getClass()).getBundleContext())) {
            if (!runtime.awaitServices()) {
                err.println("vindplaats: " + NLS.bind(Messages.Cli_catalogMissing, CliRuntime.SERVICE_TIMEOUT_SECONDS));
                return ExitCodes.INTERNAL;
            }
            return runtime.run(args == null ? new String[0] : args, out, err, Terminal.local());
        }
    }

    @Override
    public void stop() {
        // Commands are short-lived; nothing to interrupt.
    }
}
