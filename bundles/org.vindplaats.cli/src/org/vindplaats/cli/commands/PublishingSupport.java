package org.vindplaats.cli.commands;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.osgi.util.NLS;
import org.vindplaats.cli.CliContext;
import org.vindplaats.cli.Messages;
import org.vindplaats.cli.Terminal;
import org.vindplaats.cli.UsageException;
import org.vindplaats.publish.PluginUpdates;

import picocli.CommandLine.Option;

/** What the publishing and update commands share: the update service and passwords. */
final class PublishingSupport {

    /** Environment variable holding the keystore password (for scripts and CI). */
    static final String PASSWORD_ENV = "VINDPLAATS_KEY_PASSWORD";

    private PublishingSupport() {
    }

    static PluginUpdates updates(CliContext ctx) {
        return new PluginUpdates(ctx.installer(), ctx.catalog());
    }

    /** Mixed into commands that open a keystore. */
    static final class PasswordOption {
        @Option(names = "--password-file", paramLabel = "<file>", descriptionKey = "option.passwordFile")
        Path passwordFile;

        /** From --password-file (first line), else $VINDPLAATS_KEY_PASSWORD, else asked on the terminal. */
        char[] password(CliContext ctx, boolean confirm) throws IOException {
            if (passwordFile != null) {
                if (!Files.isRegularFile(passwordFile)) {
                    throw new UsageException(NLS.bind(Messages.Cli_noSuchPath, passwordFile));
                }
                String first = Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("");
                return checked(first.toCharArray());
            }
            String env = ctx.terminal().environment(PASSWORD_ENV);
            if (env != null && !env.isEmpty()) {
                return checked(env.toCharArray());
            }
            Terminal terminal = ctx.terminal();
            char[] p = terminal.interactive() ? terminal.readPassword(Messages.Pub_passwordPrompt) : null;
            if (p == null) {
                throw new UsageException(NLS.bind(Messages.Pub_noPassword, PASSWORD_ENV));
            }
            if (confirm) {
                char[] again = terminal.readPassword(Messages.Pub_passwordAgain);
                if (!java.util.Arrays.equals(p, again)) {
                    throw new UsageException(Messages.Pub_passwordMismatch);
                }
            }
            return checked(p);
        }

        private static char[] checked(char[] p) {
            if (p == null || p.length < 8) {
                throw new UsageException(Messages.Pub_passwordShort);
            }
            return p;
        }
    }
}
