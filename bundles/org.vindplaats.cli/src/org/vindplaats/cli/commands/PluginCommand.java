package org.vindplaats.cli.commands;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

import org.eclipse.osgi.util.NLS;
import org.vindplaats.catalog.DescriptorLoader;
import org.vindplaats.catalog.PluginDescriptor;
import org.vindplaats.catalog.PluginInfo;
import org.vindplaats.catalog.PluginInstaller;
import org.vindplaats.catalog.PluginJarBuilder;
import org.vindplaats.catalog.PluginScaffold;
import org.vindplaats.catalog.Problem;
import org.vindplaats.catalog.YouthViewRecorder;
import org.vindplaats.model.LocalizedText;
import org.vindplaats.cli.CliContext;
import org.vindplaats.cli.ExitCodes;
import org.vindplaats.cli.JsonViews;
import org.vindplaats.cli.Messages;
import org.vindplaats.cli.UsageException;
import org.vindplaats.publish.PluginUpdates;
import org.vindplaats.publish.Verifier;

import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** vindplaats plugin new|validate|build|install|uninstall: writing plugins without Java. */
@Command(name = "plugin", mixinStandardHelpOptions = true, subcommands = { PluginCommand.New.class, PluginCommand.YouthView.class, ValidateCommand.class,
        PluginCommand.Build.class, PluginCommand.Install.class, PluginCommand.Uninstall.class })
public final class PluginCommand extends CommandBase {

    public PluginCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        throw new UsageException(NLS.bind(Messages.Plugin_missingSubcommand, null));
    }

    static Path existing(Path p) {
        if (!Files.exists(p)) {
            throw new UsageException(NLS.bind(Messages.Cli_noSuchPath, p));
        }
        return p;
    }

    static void printProblems(CliContext ctx, Path where, Iterable<Problem> problems) {
        for (Problem p : problems) {
            ctx.out().println(p.format(where));
        }
    }

    @Command(name = "new", mixinStandardHelpOptions = true)
    public static final class New extends CommandBase {
        @Parameters(index = "0", paramLabel = "platform|organisation", descriptionKey = "param.kind")
        String kind;
        @Parameters(index = "1", paramLabel = "<id>", descriptionKey = "param.newId")
        String id;
        @Option(names = "--dir", paramLabel = "<folder>", descriptionKey = "option.dir")
        Path dir;

        public New(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() throws IOException {
            PluginDescriptor.Kind k = switch (kind.toLowerCase(Locale.ROOT)) {
            case "platform", "platform-plugin" -> PluginDescriptor.Kind.PLATFORM;
            case "organisation", "organization", "org" -> PluginDescriptor.Kind.ORGANISATION;
            default -> throw new UsageException(NLS.bind(Messages.Plugin_badKind, kind));
            };
            if (!id.matches("^[a-z0-9][a-z0-9_-]{0,62}$")) {
                throw new UsageException(NLS.bind(Messages.Plugin_badId, id));
            }
            try {
                Path created = PluginScaffold.create(k, id, dir != null ? dir : ctx.terminal().path("."), LocalDate.now());
                ctx.out().println(NLS.bind(Messages.Plugin_created, created));
                return ExitCodes.OK;
            } catch (FileAlreadyExistsException e) {
                throw new UsageException(NLS.bind(Messages.Plugin_exists, e.getMessage()));
            }
        }
    }

    /**
     * vindplaats plugin youth-view FOLDER --platform ID --who ... --when YYYY-MM --said ...: records
     * what young people said (a youth panel, a workshop) in an organisation plugin, without editing
     * JSON by hand. Dutch first; --who-en, --said-en and --method-en add the English.
     */
    @Command(name = "youth-view", aliases = "jongerenstem", mixinStandardHelpOptions = true)
    public static final class YouthView extends CommandBase {
        @Parameters(index = "0", paramLabel = "<folder>", descriptionKey = "param.orgFolder")
        Path folder;
        @Option(names = "--platform", required = true, paramLabel = "<id>", descriptionKey = "option.yvPlatform")
        String platform;
        @Option(names = "--who", required = true, paramLabel = "<text>", descriptionKey = "option.yvWho")
        String who;
        @Option(names = "--who-en", paramLabel = "<text>", descriptionKey = "option.yvEnglish")
        String whoEn;
        @Option(names = "--when", required = true, paramLabel = "YYYY-MM", descriptionKey = "option.yvWhen")
        String when;
        @Option(names = "--method", paramLabel = "<text>", descriptionKey = "option.yvMethod")
        String method;
        @Option(names = "--method-en", paramLabel = "<text>", descriptionKey = "option.yvEnglish")
        String methodEn;
        @Option(names = "--said", required = true, paramLabel = "<text>", descriptionKey = "option.yvSaid")
        String said;
        @Option(names = "--said-en", paramLabel = "<text>", descriptionKey = "option.yvEnglish")
        String saidEn;

        public YouthView(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() throws IOException {
            if (!when.matches("^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")) {
                throw new UsageException(NLS.bind(Messages.YouthView_badWhen, when));
            }
            if (!platform.matches("^[a-z0-9][a-z0-9_-]{0,62}$")) {
                throw new UsageException(NLS.bind(Messages.Plugin_badId, platform));
            }
            if (ctx.catalog().platform(platform).isEmpty()) {
                ctx.err().println(NLS.bind(Messages.YouthView_unknownPlatform, platform));
            }
            YouthViewRecorder.Result r;
            try {
                r = YouthViewRecorder.add(folder, platform, LocalizedText.of(who, whoEn), when,
                        method == null ? null : LocalizedText.of(method, methodEn), LocalizedText.of(said, saidEn));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            for (Problem p : r.problems()) {
                ctx.out().println(p.format(folder));
            }
            if (!r.written()) {
                ctx.out().println(NLS.bind(Messages.YouthView_notWritten, folder));
                return ExitCodes.PROBLEMS_FOUND;
            }
            ctx.out().println(NLS.bind(Messages.YouthView_written, platform, folder));
            return ExitCodes.OK;
        }
    }

    @Command(name = "build", mixinStandardHelpOptions = true)
    public static final class Build extends CommandBase {
        @Parameters(paramLabel = "<folder>", descriptionKey = "param.folder")
        Path folder;
        @Option(names = { "-o", "--output" }, paramLabel = "<folder>", descriptionKey = "option.output")
        Path output;
        @Mixin
        FormatOption format;

        public Build(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() throws IOException {
            existing(folder);
            if (!Files.isDirectory(folder)) {
                throw new UsageException(NLS.bind(Messages.Plugin_notAFolder, folder));
            }
            Path out = output != null ? output : folder.toAbsolutePath().normalize().resolve("target");
            var result = new PluginJarBuilder(new DescriptorLoader()).build(folder, out);
            if (format.format == Format.json) {
                ObjectNode n = JsonViews.MAPPER.createObjectNode();
                n.put("ok", result.ok());
                result.jar().ifPresent(j -> n.put("jar", j.toString()));
                n.set("problems", JsonViews.problems(result.problems()));
                printJson(n);
            } else {
                printProblems(ctx, folder, result.problems());
                if (result.ok()) {
                    ctx.out().println(NLS.bind(Messages.Plugin_built, result.jar().get()));
                } else {
                    ctx.out().println(NLS.bind(Messages.Plugin_notBuilt, folder));
                }
            }
            return result.ok() ? ExitCodes.OK : ExitCodes.PROBLEMS_FOUND;
        }
    }

    @Command(name = "install", mixinStandardHelpOptions = true)
    public static final class Install extends CommandBase {
        @Parameters(paramLabel = "<jar|folder>", descriptionKey = "param.plugin")
        Path source;
        @Option(names = "--replace", descriptionKey = "option.replace")
        boolean replace;
        @Mixin
        FormatOption format;

        public Install(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() throws IOException {
            existing(source);
            // A signed jar's publisher is its signer (trusted or not): it decides what it may replace.
            PluginInstaller.PublisherId publisher = null;
            if (Files.isRegularFile(source)) {
                var v = new Verifier(PublishingSupport.updates(ctx).trust()).verify(source, source.getFileName().toString());
                if (v.status() == Verifier.Status.TAMPERED) {
                    ctx.err().println("vindplaats: " + v.message());
                    return ExitCodes.REFUSED;
                }
                publisher = PluginUpdates.publisher(v);
            }
            PluginInstaller.InstallResult r = ctx.installer().install(new PluginInstaller.InstallRequest(source, replace, publisher));
            boolean ok = r.jar() != null;
            if (format.format == Format.json) {
                ObjectNode n = JsonViews.MAPPER.createObjectNode();
                n.put("ok", ok).put("bundle", r.symbolicName()).put("version", r.version()).put("updated", r.updated());
                if (ok) {
                    n.put("jar", r.jar().toString());
                }
                n.set("problems", JsonViews.problems(r.problems()));
                printJson(n);
            } else {
                printProblems(ctx, source, r.problems());
                ctx.out().println(ok
                        ? NLS.bind(r.updated() ? Messages.Plugin_updated : Messages.Plugin_installed,
                                new Object[] { r.symbolicName(), r.version(), ctx.installer().folder() })
                        : NLS.bind(Messages.Plugin_refused, source));
            }
            return ok ? ExitCodes.OK : ExitCodes.PROBLEMS_FOUND;
        }
    }

    @Command(name = "uninstall", mixinStandardHelpOptions = true)
    public static final class Uninstall extends CommandBase {
        @Parameters(paramLabel = "<id>", descriptionKey = "param.pluginId")
        String id;

        public Uninstall(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() throws IOException {
            try {
                PluginInfo removed = ctx.installer().uninstall(id);
                ctx.out().println(NLS.bind(Messages.Plugin_uninstalled, removed.source(), removed.bundleVersion()));
                return ExitCodes.OK;
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
    }
}
