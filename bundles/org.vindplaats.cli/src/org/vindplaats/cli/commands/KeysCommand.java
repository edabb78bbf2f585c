package org.vindplaats.cli.commands;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.vindplaats.cli.CliContext;
import org.vindplaats.cli.ExitCodes;
import org.vindplaats.cli.JsonViews;
import org.vindplaats.cli.Messages;
import org.vindplaats.cli.TextTable;
import org.vindplaats.cli.UsageException;
import org.vindplaats.publish.Keys;
import org.vindplaats.publish.PluginUpdates;
import org.vindplaats.publish.TrustStore;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** vindplaats keys new|list|trust|untrust: the publisher's own key and the publishers a worker trusts. */
@Command(name = "keys", mixinStandardHelpOptions = true, subcommands = { KeysCommand.New.class, KeysCommand.ListKeys.class,
        KeysCommand.Trust.class, KeysCommand.Untrust.class })
public final class KeysCommand extends CommandBase {

    public KeysCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        throw new UsageException(Messages.Keys_missingSubcommand);
    }

    /** The certificate file written beside a keystore, to hand out to workers. */
    static Path certificateFile(Path keystore) {
        String name = keystore.getFileName().toString().replaceFirst("\\.(p12|pfx|jks)$", "");
        return keystore.resolveSibling(name + ".pem");
    }

    @Command(name = "new", mixinStandardHelpOptions = true)
    public static final class New extends CommandBase {
        @Option(names = "--name", required = true, paramLabel = "<publisher>", descriptionKey = "option.publisherName")
        String name;
        @Option(names = "--keystore", paramLabel = "<file.p12>", descriptionKey = "option.keystore")
        Path keystore;
        @Mixin
        PublishingSupport.PasswordOption password;
        @Mixin
        FormatOption format;

        public New(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() throws IOException {
            Path store = keystore != null ? keystore : PublishingSupport.updates(ctx).defaultKeystore();
            if (Files.exists(store)) {
                throw new UsageException(NLS.bind(Messages.Keys_exists, store));
            }
            Keys.SigningKey key;
            try {
                key = Keys.create(store, password.password(ctx, true), name.strip());
            } catch (FileAlreadyExistsException e) {
                throw new UsageException(e.getReason());
            }
            Path pem = certificateFile(store);
            Files.writeString(pem, Keys.pem(key.certificate()), StandardCharsets.US_ASCII);
            if (format.format == Format.json) {
                ObjectNode n = JsonViews.MAPPER.createObjectNode();
                n.put("name", name.strip()).put("keystore", store.toString()).put("certificate", pem.toString())
                        .put("fingerprint", key.fingerprint())
                        .put("validUntil", key.certificate().getNotAfter().toInstant().toString());
                printJson(n);
            } else {
                ctx.out().println(NLS.bind(Messages.Keys_created, new Object[] { name.strip(), store, pem }));
                ctx.out().println(NLS.bind(Messages.Keys_fingerprint, key.fingerprint()));
                ctx.out().println(Messages.Keys_keepSafe);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true)
    public static final class ListKeys extends CommandBase {
        @Option(names = "--keystore", paramLabel = "<file.p12>", descriptionKey = "option.keystore")
        Path keystore;
        @Mixin
        FormatOption format;

        public ListKeys(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() throws IOException {
            PluginUpdates updates = PublishingSupport.updates(ctx);
            Path store = keystore != null ? keystore : updates.defaultKeystore();
            Path pem = certificateFile(store);
            List<TrustStore.Trusted> trusted = updates.trust().list();
            if (format.format == Format.json) {
                ObjectNode n = JsonViews.MAPPER.createObjectNode();
                if (Files.isRegularFile(pem)) {
                    var own = Keys.readCertificates(pem).get(0);
                    n.putObject("own").put("name", Keys.subjectName(own)).put("fingerprint", Keys.fingerprint(own))
                            .put("keystore", store.toString()).put("certificate", pem.toString());
                }
                ArrayNode a = n.putArray("trusted");
                for (TrustStore.Trusted t : trusted) {
                    a.addObject().put("name", t.name()).put("fingerprint", t.fingerprint()).put("source", t.source())
                            .put("validUntil", t.certificate().getNotAfter().toInstant().toString());
                }
                printJson(n);
                return ExitCodes.OK;
            }
            if (Files.isRegularFile(pem)) {
                var own = Keys.readCertificates(pem).get(0);
                ctx.out().println(NLS.bind(Messages.Keys_own, new Object[] { Keys.subjectName(own), store, Keys.fingerprint(own) }));
                ctx.out().println();
            }
            if (trusted.isEmpty()) {
                ctx.out().println(Messages.Keys_noneTrusted);
                return ExitCodes.OK;
            }
            TextTable table = new TextTable(Messages.Head_name, Messages.Head_trustedBy, Messages.Head_fingerprint);
            for (TrustStore.Trusted t : trusted) {
                table.row(t.name(), t.source(), t.fingerprint());
            }
            table.print(ctx.out());
            return ExitCodes.OK;
        }
    }

    @Command(name = "trust", mixinStandardHelpOptions = true)
    public static final class Trust extends CommandBase {
        @Parameters(paramLabel = "<certificate.pem>", descriptionKey = "param.certificate")
        Path certificate;

        public Trust(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() throws IOException {
            PluginCommand.existing(certificate);
            List<TrustStore.Trusted> added;
            try {
                added = PublishingSupport.updates(ctx).trust().trust(certificate);
            } catch (IOException e) {
                throw new UsageException(e.getMessage());
            }
            for (TrustStore.Trusted t : added) {
                ctx.out().println(NLS.bind(Messages.Keys_trusted, t.name(), t.fingerprint()));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "untrust", mixinStandardHelpOptions = true)
    public static final class Untrust extends CommandBase {
        @Parameters(paramLabel = "<name|fingerprint>", descriptionKey = "param.publisher")
        String publisher;

        public Untrust(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() throws IOException {
            try {
                for (TrustStore.Trusted t : PublishingSupport.updates(ctx).trust().untrust(publisher)) {
                    ctx.out().println(NLS.bind(Messages.Keys_untrusted, t.name(), t.fingerprint()));
                }
                return ExitCodes.OK;
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
    }
}
