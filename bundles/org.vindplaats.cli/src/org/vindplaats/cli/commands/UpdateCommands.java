package org.vindplaats.cli.commands;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.osgi.util.NLS;
import org.vindplaats.catalog.Problem;
import org.vindplaats.cli.CliContext;
import org.vindplaats.cli.ExitCodes;
import org.vindplaats.cli.JsonViews;
import org.vindplaats.cli.Messages;
import org.vindplaats.cli.TextTable;
import org.vindplaats.cli.UsageException;
import org.vindplaats.publish.Keys;
import org.vindplaats.publish.PluginUpdates;
import org.vindplaats.publish.PluginUpdates.Outcome;
import org.vindplaats.publish.RepositoryClient.Available;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** vindplaats updates | install | update | rollback: workers keep their plugins current from repositories. */
public final class UpdateCommands {

    private UpdateCommands() {
    }

    /** Reads the repositories; prints the ones that failed; a usage error when none is configured. */
    static PluginUpdates.Offer offer(CliContext ctx, PluginUpdates updates, String from, IProgressMonitor monitor) {
        List<URI> repos = from != null ? List.of(ReposCommand.location(ctx, from)) : updates.repositories().list();
        if (repos.isEmpty()) {
            throw new UsageException(Messages.Updates_noRepositories);
        }
        PluginUpdates.Offer offer = updates.offer(repos, monitor);
        offer.errors().forEach(e -> ctx.err().println("vindplaats: " + e));
        return offer;
    }

    static ObjectNode json(Outcome o) {
        ObjectNode n = JsonViews.MAPPER.createObjectNode();
        n.put("status", o.status().name().toLowerCase(java.util.Locale.ROOT)).put("id", o.id()).put("version", o.version())
                .put("previousVersion", o.previousVersion());
        if (o.verification() != null) {
            n.put("signature", o.verification().status().name().toLowerCase(java.util.Locale.ROOT));
            if (o.verification().signer() != null) {
                n.put("signer", Keys.subjectName(o.verification().signer()))
                        .put("fingerprint", Keys.fingerprint(o.verification().signer()));
            }
        }
        if (!o.message().isEmpty()) {
            n.put("message", o.message());
        }
        n.set("problems", JsonViews.problems(o.problems()));
        return n;
    }

    static void print(CliContext ctx, Outcome o) {
        // Errors always; a published plugin's warnings are its author's business, so only counted.
        long warnings = o.problems().stream().filter(p -> !p.isError()).count();
        for (Problem p : o.problems()) {
            if (p.isError()) {
                ctx.out().println(p.format());
            }
        }
        if (warnings > 0 && o.changed()) {
            ctx.out().println(NLS.bind(Messages.Updates_warnings, warnings, o.id()));
        }
        String signer = o.verification() != null && o.verification().signer() != null
                ? Keys.subjectName(o.verification().signer())
                : Messages.Updates_unsignedLabel;
        switch (o.status()) {
        case INSTALLED -> ctx.out().println(NLS.bind(Messages.Updates_installed, new Object[] { o.id(), o.version(), signer }));
        case UPDATED -> ctx.out().println(NLS.bind(Messages.Updates_updated,
                new Object[] { o.id(), o.previousVersion(), o.version(), signer }));
        case ROLLED_BACK -> ctx.out().println(NLS.bind(Messages.Updates_rolledBack,
                new Object[] { o.id(), o.previousVersion(), o.version() }));
        case UP_TO_DATE -> ctx.out().println(NLS.bind(Messages.Updates_upToDate, o.id(), o.version()));
        case REFUSED -> ctx.err().println("vindplaats: " + o.message());
        }
    }

    static int exitCode(List<Outcome> outcomes) {
        return outcomes.stream().anyMatch(o -> o.status() == PluginUpdates.Status.REFUSED) ? ExitCodes.REFUSED : ExitCodes.OK;
    }

    @Command(name = "updates", mixinStandardHelpOptions = true)
    public static final class Updates extends CommandBase {
        @Option(names = "--all", descriptionKey = "option.updatesAll")
        boolean all;
        @Option(names = "--from", paramLabel = "<url>", descriptionKey = "option.from")
        String from;
        @Mixin
        FormatOption format;

        public Updates(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            PluginUpdates updates = PublishingSupport.updates(ctx);
            PluginUpdates.Offer offer = offer(ctx, updates, from, ctx.progress());
            List<PluginUpdates.Update> pending = updates.updates(offer);
            if (format.format == Format.json) {
                ObjectNode n = JsonViews.MAPPER.createObjectNode();
                ArrayNode u = n.putArray("updates");
                for (PluginUpdates.Update p : pending) {
                    u.addObject().put("id", p.id()).put("installed", p.installedVersion())
                            .put("available", p.available().version()).put("repository", p.available().repository().toString());
                }
                if (all) {
                    ArrayNode a = n.putArray("available");
                    for (Available p : offer.plugins()) {
                        a.addObject().put("id", p.id()).put("version", p.version()).put("name", p.name()).put("kind", p.kind())
                                .put("installed", updates.installedVersion(p.id()).orElse(null))
                                .put("repository", p.repository().toString());
                    }
                }
                ArrayNode e = n.putArray("errors");
                offer.errors().forEach(e::add);
                printJson(n);
            } else {
                if (all) {
                    TextTable t = new TextTable(Messages.Head_id, Messages.Head_name, Messages.Head_available,
                            Messages.Head_installed, Messages.Head_repository);
                    Map<String, List<String>> versions = new TreeMap<>();
                    Map<String, Available> newest = new TreeMap<>();
                    for (Available p : offer.plugins()) {
                        versions.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(p.version());
                        newest.putIfAbsent(p.id(), p);
                    }
                    for (Available p : newest.values()) {
                        t.row(p.id(), p.name() == null ? "" : p.name(), String.join(", ", versions.get(p.id())),
                                updates.installedVersion(p.id()).orElse("-"), p.repository());
                    }
                    t.print(ctx.out());
                    ctx.out().println();
                }
                if (pending.isEmpty()) {
                    ctx.out().println(offer.listings().isEmpty() ? Messages.Updates_noneRead : Messages.Updates_none);
                } else {
                    TextTable t = new TextTable(Messages.Head_id, Messages.Head_installed, Messages.Head_available,
                            Messages.Head_repository);
                    pending.forEach(p -> t.row(p.id(), p.installedVersion(), p.available().version(), p.available().repository()));
                    t.print(ctx.out());
                    ctx.out().println(NLS.bind(Messages.Updates_howTo, pending.size()));
                }
            }
            return offer.listings().isEmpty() && !offer.errors().isEmpty() ? ExitCodes.UNREACHABLE : ExitCodes.OK;
        }
    }

    @Command(name = "install", mixinStandardHelpOptions = true)
    public static final class Install extends CommandBase {
        @Parameters(paramLabel = "<plugin id>", descriptionKey = "param.remotePlugin")
        String id;
        @Option(names = "--from", paramLabel = "<url>", descriptionKey = "option.from")
        String from;
        @Option(names = "--plugin-version", paramLabel = "<version>", descriptionKey = "option.pluginVersion")
        String version;
        @Option(names = "--allow-unsigned", descriptionKey = "option.allowUnsigned")
        boolean allowUnsigned;
        @Option(names = "--replace", descriptionKey = "option.replace")
        boolean replace;
        @Mixin
        FormatOption format;

        public Install(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() throws IOException {
            PluginUpdates updates = PublishingSupport.updates(ctx);
            IProgressMonitor progress = ctx.progress();
            PluginUpdates.Offer offer = offer(ctx, updates, from, progress);
            if (offer.listings().isEmpty()) {
                return ExitCodes.UNREACHABLE;
            }
            Outcome o;
            try {
                o = updates.install(offer, id, version, new PluginUpdates.Consent(allowUnsigned, replace, version != null), progress);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            } catch (OperationCanceledException e) {
                ctx.err().println("vindplaats: " + Messages.Pub_canceled);
                return ExitCodes.PROBLEMS_FOUND;
            }
            if (format.format == Format.json) {
                printJson(json(o));
            } else {
                print(ctx, o);
            }
            return exitCode(List.of(o));
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true)
    public static final class Update extends CommandBase {
        static final class Which {
            @Option(names = "--all", required = true, descriptionKey = "option.updateAll")
            boolean all;
            @Parameters(paramLabel = "<plugin id>", descriptionKey = "param.installedPlugin")
            String id;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Which which;
        @Option(names = "--allow-unsigned", descriptionKey = "option.allowUnsigned")
        boolean allowUnsigned;
        @Option(names = "--replace", descriptionKey = "option.replace")
        boolean replace;
        @Mixin
        FormatOption format;

        public Update(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() throws IOException {
            PluginUpdates updates = PublishingSupport.updates(ctx);
            IProgressMonitor progress = ctx.progress();
            PluginUpdates.Offer offer = offer(ctx, updates, null, progress);
            if (offer.listings().isEmpty()) {
                return ExitCodes.UNREACHABLE;
            }
            List<PluginUpdates.Update> pending = new ArrayList<>(updates.updates(offer));
            if (which.id != null) {
                pending.removeIf(p -> !PluginUpdates.matches(p.id(), which.id));
                if (pending.isEmpty() && updates.installedVersion(qualified(updates, which.id)).isEmpty()) {
                    throw new UsageException(NLS.bind(Messages.Updates_notInstalled, which.id));
                }
            }
            List<Outcome> outcomes = new ArrayList<>();
            try {
                for (PluginUpdates.Update p : pending) {
                    outcomes.add(updates.install(p.available(), PluginUpdates.Consent.update(allowUnsigned, replace), progress));
                }
            } catch (OperationCanceledException e) {
                ctx.err().println("vindplaats: " + Messages.Pub_canceled);
            }
            if (format.format == Format.json) {
                ArrayNode a = JsonViews.MAPPER.createArrayNode();
                outcomes.forEach(o -> a.add(json(o)));
                printJson(a);
            } else if (outcomes.isEmpty()) {
                ctx.out().println(Messages.Updates_none);
            } else {
                outcomes.forEach(o -> print(ctx, o));
            }
            return exitCode(outcomes);
        }

        private String qualified(PluginUpdates updates, String id) {
            return ctx.catalog().plugins().stream().map(p -> p.source()).filter(s -> PluginUpdates.matches(s, id)).findFirst()
                    .orElse(id);
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true)
    public static final class Rollback extends CommandBase {
        @Parameters(paramLabel = "<plugin id>", descriptionKey = "param.installedPlugin")
        String id;
        @Mixin
        FormatOption format;

        public Rollback(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() throws IOException {
            Outcome o;
            try {
                o = PublishingSupport.updates(ctx).rollback(id);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            if (format.format == Format.json) {
                printJson(json(o));
            } else {
                print(ctx, o);
            }
            return exitCode(List.of(o));
        }
    }
}
