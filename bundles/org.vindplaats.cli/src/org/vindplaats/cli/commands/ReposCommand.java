package org.vindplaats.cli.commands;

import java.io.IOException;
import java.net.URI;

import org.eclipse.osgi.util.NLS;
import org.vindplaats.cli.CliContext;
import org.vindplaats.cli.ExitCodes;
import org.vindplaats.cli.JsonViews;
import org.vindplaats.cli.Messages;
import org.vindplaats.cli.UsageException;
import org.vindplaats.publish.PluginUpdates;
import org.vindplaats.publish.RepositoryClient;

import com.fasterxml.jackson.databind.node.ArrayNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** vindplaats repos add|list|remove: the plugin repositories this user installs and updates from. */
@Command(name = "repos", mixinStandardHelpOptions = true, subcommands = { ReposCommand.Add.class, ReposCommand.ListRepos.class,
        ReposCommand.Remove.class })
public final class ReposCommand extends CommandBase {

    public ReposCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        throw new UsageException(Messages.Repos_missingSubcommand);
    }

    static URI location(CliContext ctx, String text) {
        try {
            return RepositoryClient.location(text, ctx.terminal().path("."));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true)
    public static final class Add extends CommandBase {
        @Parameters(paramLabel = "<url>", descriptionKey = "param.repository")
        String url;
        @Option(names = "--no-check", descriptionKey = "option.noCheck")
        boolean noCheck;
        @Option(names = "--insecure", descriptionKey = "option.insecure")
        boolean insecure;

        public Add(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() throws IOException {
            URI repo = location(ctx, url);
            if (RepositoryClient.isInsecure(repo) && !insecure) {
                throw new UsageException(NLS.bind(org.vindplaats.publish.Messages.Repo_insecure, repo));
            }
            PluginUpdates updates = PublishingSupport.updates(ctx);
            int count = -1;
            if (!noCheck) {
                // Reading it now catches a typo before the first update check does.
                try {
                    count = updates.client().list(repo, ctx.progress()).plugins().size();
                } catch (RepositoryClient.RepositoryException e) {
                    ctx.err().println("vindplaats: " + e.getMessage());
                    ctx.err().println(Messages.Repos_notAdded);
                    return ExitCodes.UNREACHABLE;
                }
            }
            boolean added = updates.repositories().add(repo, insecure);
            ctx.out().println(NLS.bind(added ? Messages.Repos_added : Messages.Repos_already, repo,
                    count < 0 ? "?" : String.valueOf(count)));
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true)
    public static final class ListRepos extends CommandBase {
        @Mixin
        FormatOption format;

        public ListRepos(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            var list = PublishingSupport.updates(ctx).repositories();
            var repos = list.list();
            if (format.format == Format.json) {
                ArrayNode a = JsonViews.MAPPER.createArrayNode();
                repos.forEach(r -> a.addObject().put("url", r.toString()).put("insecure", list.acceptedInsecure(r)));
                printJson(a);
            } else if (repos.isEmpty()) {
                ctx.out().println(Messages.Repos_none);
            } else {
                repos.forEach(r -> ctx.out().println(r + (list.acceptedInsecure(r) ? "  " + Messages.Repos_insecureMark : "")));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true)
    public static final class Remove extends CommandBase {
        @Parameters(paramLabel = "<url>", descriptionKey = "param.repository")
        String url;

        public Remove(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() throws IOException {
            URI repo = location(ctx, url);
            if (!PublishingSupport.updates(ctx).repositories().remove(repo)) {
                throw new UsageException(NLS.bind(Messages.Repos_notListed, repo));
            }
            ctx.out().println(NLS.bind(Messages.Repos_removed, repo));
            return ExitCodes.OK;
        }
    }
}
