package org.vindplaats.cli;

import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;

import org.eclipse.osgi.util.NLS;
import org.vindplaats.cli.commands.RootCommand;

import picocli.CommandLine;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.ParameterException;

/**
 * Runs one command line. Separate from the Equinox application so tests can run commands
 * in-process against the real services and check output and exit codes.
 */
public final class Cli {

    private Cli() {
    }

    public static int run(CliContext ctx, String... args) {
        CommandLine cl = new CommandLine(new RootCommand(ctx), new ContextFactory(ctx));
        // Before the settings below: picocli passes them on to the subcommands present at the time.
        for (Class<?> command : RootCommand.commandsFor(args)) {
            cl.addSubcommand(command);
        }
        // Loaded here, with this bundle's class loader: picocli's own lookup cannot see our files under OSGi.
        cl.setResourceBundle(ResourceBundle.getBundle("org.vindplaats.cli.help", ctx.locale(), Cli.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
        cl.setOut(ctx.out());
        cl.setErr(ctx.err());
        // Paths are taken relative to the folder the person typed them in (for a command served by
        // the resident server that is not the server's own working directory).
        cl.registerConverter(Path.class, ctx.terminal()::path);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setAbbreviatedSubcommandsAllowed(false);
        cl.setExitCodeExceptionMapper(e -> e instanceof UsageException ? ExitCodes.USAGE : ExitCodes.INTERNAL);
        cl.setParameterExceptionHandler((ParameterException e, String[] a) -> {
            CommandLine cmd = e.getCommandLine();
            List<String> lines = ParseErrors.explain(e);
            ctx.err().println("vindplaats: " + lines.get(0));
            for (String line : lines.subList(1, lines.size())) {
                ctx.err().println(line);
            }
            ctx.err().println(cmd.getHelp().fullSynopsis().strip());
            ctx.err().println(NLS.bind(Messages.Cli_seeHelp, cmd.getCommandSpec().qualifiedName()));
            ctx.err().flush();
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            if (e instanceof UsageException) {
                ctx.err().println("vindplaats: " + e.getMessage());
                ctx.err().flush();
                return ExitCodes.USAGE;
            }
            ctx.err().println("vindplaats: " + NLS.bind(Messages.Cli_internalError, String.valueOf(e)));
            e.printStackTrace(ctx.err());
            ctx.err().flush();
            return ExitCodes.INTERNAL;
        });
        int code = cl.execute(args);
        ctx.out().flush();
        ctx.err().flush();
        return code;
    }

    /** Builds commands with the context when they have a (CliContext) constructor. */
    private record ContextFactory(CliContext ctx) implements IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> c = type.getDeclaredConstructor(CliContext.class);
                c.setAccessible(true);
                return c.newInstance(ctx);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
