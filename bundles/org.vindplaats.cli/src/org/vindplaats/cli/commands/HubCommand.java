package org.vindplaats.cli.commands;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.osgi.util.NLS;
import org.vindplaats.app.PluginContributions;
import org.vindplaats.cli.CliContext;
import org.vindplaats.cli.ExitCodes;
import org.vindplaats.cli.Messages;
import org.vindplaats.cli.NotesSession;
import org.vindplaats.cli.UsageException;
import org.vindplaats.hub.Hub;
import org.vindplaats.hub.HubConnection;
import org.vindplaats.hub.HubException;
import org.vindplaats.hub.HubSetup;
import org.vindplaats.hub.SharedNotes;

import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * vindplaats hub setup|connect|push|status: share a workspace's notes with the team through a
 * SolrCloud hub. The workspace stays the source of truth and works without the hub.
 */
@Command(name = "hub", mixinStandardHelpOptions = true, subcommands = { HubCommand.Setup.class, HubCommand.Connect.class,
        HubCommand.Push.class, HubCommand.Status.class, HubCommand.Share.class, HubCommand.Settle.class })
public final class HubCommand extends CommandBase {

    public HubCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        throw new UsageException(Messages.Hub_missingSubcommand);
    }

    static URI url(String text) {
        try {
            return HubConnection.url(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The hub this workspace is connected to, or a usage error saying how to connect. */
    static HubConnection connection(NotesSession session) {
        try {
            Optional<HubConnection> c = HubConnection.load(session.workspace().directory());
            return c.orElseThrow(() -> new UsageException(NLS.bind(Messages.Hub_notConnected, session.workspace().directory())));
        } catch (HubException e) {
            throw new UsageException(e.getMessage());
        }
    }

    @Command(name = "setup", mixinStandardHelpOptions = true)
    public static final class Setup extends CommandBase {
        @Parameters(paramLabel = "<solr-url>", descriptionKey = "param.hubUrl")
        String url;
        @Option(names = "--admin-password-file", required = true, paramLabel = "<file>", descriptionKey = "option.adminPasswordFile")
        Path adminPasswordFile;
        @Option(names = "--admin-user", paramLabel = "<user>", descriptionKey = "option.adminUser")
        String adminUser = "admin";
        @Option(names = "--teams", required = true, split = ",", paramLabel = "<team>", descriptionKey = "option.teams")
        List<String> teams;
        @Option(names = "--knowledge-centre", required = true, paramLabel = "<id>", descriptionKey = "option.knowledgeCentre")
        String knowledgeCentre;
        @Option(names = "--passwords", paramLabel = "<folder>", descriptionKey = "option.passwordsFolder")
        Path passwords;
        @Option(names = "--replicas", paramLabel = "<n>", descriptionKey = "option.replicas")
        int replicas = 2;

        public Setup(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() throws IOException {
            char[] admin = firstLine(adminPasswordFile);
            Path folder = passwords != null ? passwords : ctx.terminal().path("hub-passwords");
            Map<String, String> wordLists = PluginContributions.searchConfig(ctx.catalog(), problem -> ctx.err().println("vindplaats: " + problem)).solrWordLists();
            try {
                HubSetup.Result r = new HubSetup(url(url), adminUser, admin).setup(teams, knowledgeCentre, wordLists, folder,
                        replicas, ctx.progress());
                ctx.out().println(NLS.bind(Messages.Hub_setUp, url, String.join(", ", r.collections())));
                r.passwordFiles().forEach((user, file) -> ctx.out().println(NLS.bind(Messages.Hub_account, user, file)));
                return ExitCodes.OK;
            } catch (HubException e) {
                ctx.err().println("vindplaats: " + e.getMessage());
                return ExitCodes.UNREACHABLE;
            } finally {
                Arrays.fill(admin, '\0');
            }
        }
    }

    static void outlook(CliContext ctx, Hub.Outlook o) {
        ctx.out().println(NLS.bind(Messages.Hub_outlook, new Object[] { o.toSend(), o.toRemove(), o.keptBack() }));
        if (o.toShare() + o.toUnshare() > 0) {
            ctx.out().println(NLS.bind(Messages.Hub_outlookShared, o.toShare(), o.toUnshare()));
        }
    }

    static char[] firstLine(Path file) {
        try {
            return HubConnection.password(file);
        } catch (HubException e) {
            throw new UsageException(e.getMessage());
        }
    }

    @Command(name = "connect", mixinStandardHelpOptions = true)
    public static final class Connect extends CommandBase {
        @Parameters(paramLabel = "<solr-url>", descriptionKey = "param.hubUrl")
        String url;
        @Option(names = "--team", paramLabel = "<team>", descriptionKey = "option.team")
        String team;
        @Option(names = "--knowledge-centre", paramLabel = "<id>", descriptionKey = "option.hubKnowledgeCentre")
        String knowledgeCentre;
        @Option(names = "--user", required = true, paramLabel = "<user>", descriptionKey = "option.hubUser")
        String user;
        @Option(names = "--password-file", required = true, paramLabel = "<file>", descriptionKey = "option.hubPasswordFile")
        Path passwordFile;
        @Mixin
        NotesCommand.WorkspaceOption ws;

        public Connect(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() throws IOException {
            HubConnection c;
            try {
                if ((team == null) == (knowledgeCentre == null)) {
                    throw new UsageException(Messages.Hub_teamOrKnowledgeCentre);
                }
                Path file = passwordFile.toAbsolutePath().normalize();
                c = team != null ? new HubConnection(url(url), team, user, file)
                        : HubConnection.knowledgeCentre(url(url), knowledgeCentre, user, file);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            try (NotesSession session = NotesSession.open(ctx, ws.workspace, true); Hub hub = new Hub(c, session.workspace().directory())) {
                long there = hub.count(); // checks address, account and collection before anything is stored
                c.save(session.workspace().directory());
                ctx.out().println(NLS.bind(Messages.Hub_connected, new Object[] { c.url(), c.collection(), c.user(), there }));
                if (!c.knowledgeCentre()) {
                    outlook(ctx, hub.outlook(session.store()));
                }
                return ExitCodes.OK;
            } catch (HubException e) {
                ctx.err().println("vindplaats: " + e.getMessage());
                return ExitCodes.UNREACHABLE;
            }
        }
    }

    @Command(name = "push", mixinStandardHelpOptions = true)
    public static final class Push extends CommandBase {
        @Mixin
        NotesCommand.WorkspaceOption ws;

        public Push(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() throws IOException {
            try (NotesSession session = NotesSession.open(ctx, ws.workspace, false)) {
                HubConnection c = connection(session);
                try (Hub hub = new Hub(c, session.workspace().directory(), PluginContributions.searchConfig(ctx.catalog(),
                        problem -> ctx.err().println("vindplaats: " + problem)))) {
                    Hub.PushReport r = hub.push(session.store(), indexIfAny(session), ctx.progress());
                    ctx.out().println(NLS.bind(Messages.Hub_pushed, new Object[] { r.sent(), r.removed(), c.collection(), r.keptBack() }));
                    if (!r.conflicts().isEmpty()) {
                        ctx.err().println("vindplaats: " + NLS.bind(Messages.Hub_conflicts, r.conflicts().size(),
                                String.join(", ", r.conflicts())));
                    }
                    if (r.shared() + r.unshared() > 0) {
                        ctx.out().println(NLS.bind(Messages.Hub_pushedShared, r.shared(), r.unshared()));
                    }
                    return ExitCodes.OK;
                } catch (HubException e) {
                    ctx.err().println("vindplaats: " + e.getMessage());
                    return ExitCodes.UNREACHABLE;
                } catch (OperationCanceledException e) {
                    ctx.err().println(Messages.Hub_pushStopped);
                    return ExitCodes.UNREACHABLE;
                }
            }
        }
    }

    /**
     * The workspace's index, which already tagged each note's phenomena (a push reads them back
     * for the notes it holds as they are, and tags the others); null when it cannot be opened.
     */
    private static org.vindplaats.index.NoteIndex indexIfAny(NotesSession session) {
        try {
            return session.index();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true)
    public static final class Status extends CommandBase {
        @Mixin
        NotesCommand.WorkspaceOption ws;
        @Mixin
        FormatOption format;

        public Status(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() throws IOException {
            try (NotesSession session = NotesSession.open(ctx, ws.workspace, false)) {
                Path dir = session.workspace().directory();
                HubConnection c = connection(session);
                String reachable = null;
                long there = -1;
                Hub.Outlook o;
                try (Hub hub = new Hub(c, dir)) {
                    o = hub.outlook(session.store());
                    try {
                        there = hub.count();
                    } catch (HubException e) {
                        reachable = e.getMessage();
                    }
                } catch (HubException e) {
                    throw new UsageException(e.getMessage());
                }
                String lastError = Hub.lastError(dir);
                if (format.format == Format.json) {
                    ObjectNode n = org.vindplaats.cli.JsonViews.MAPPER.createObjectNode();
                    n.put("url", c.url().toString()).put("team", c.team()).put("collection", c.collection()).put("user", c.user());
                    n.put("reachable", reachable == null);
                    if (there >= 0) {
                        n.put("notesInHub", there);
                    }
                    n.put("toSend", o.toSend()).put("toRemove", o.toRemove()).put("keptBack", o.keptBack())
                            .put("toShare", o.toShare()).put("toUnshare", o.toUnshare());
                    n.put("problem", reachable);
                    n.put("lastError", lastError);
                    Hub.conflicts(dir).forEach(n.putArray("conflicts")::add);
                    printJson(n);
                } else {
                    ctx.out().println(NLS.bind(Messages.Hub_statusLine, new Object[] { c.url(), c.collection(), c.user() }));
                    ctx.out().println(reachable == null ? NLS.bind(Messages.Hub_statusReachable, there) : reachable);
                    outlook(ctx, o);
                    if (lastError != null) {
                        ctx.out().println(NLS.bind(Messages.Hub_lastError, lastError));
                    }
                    List<String> conflicts = Hub.conflicts(dir);
                    if (!conflicts.isEmpty()) {
                        ctx.out().println(NLS.bind(Messages.Hub_statusConflicts, conflicts.size(), String.join(", ", conflicts)));
                    }
                }
                return reachable == null ? ExitCodes.OK : ExitCodes.UNREACHABLE;
            }
        }
    }

    @Command(name = "share", mixinStandardHelpOptions = true)
    public static final class Share extends CommandBase {
        @Parameters(paramLabel = "<id>", arity = "1..*", descriptionKey = "param.shareIds")
        List<String> ids;
        @Option(names = "--off", descriptionKey = "option.shareOff")
        boolean off;
        @Mixin
        NotesCommand.WorkspaceOption ws;

        public Share(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() throws IOException {
            try (NotesSession session = NotesSession.open(ctx, ws.workspace, false)) {
                List<org.vindplaats.model.TrendNote> notes = new java.util.ArrayList<>();
                for (String id : ids) {
                    notes.add(session.store().get(id).orElseThrow(() -> new UsageException(NLS.bind(Messages.Hub_unknownNote, id)))
                            .note());
                }
                if (off) {
                    SharedNotes.set(session.workspace().directory(), ids, false);
                    ctx.out().println(NLS.bind(Messages.Hub_unshared, ids.size()));
                    return ExitCodes.OK;
                }
                SharedNotes.Choice choice = SharedNotes.share(session.workspace().directory(), notes);
                if (!choice.shared().isEmpty()) {
                    ctx.out().println(NLS.bind(Messages.Hub_sharedChosen, choice.shared().size()));
                }
                if (!choice.keptPrivate().isEmpty()) {
                    ctx.err().println(NLS.bind(Messages.Hub_keptPrivate, choice.keptPrivate().size(),
                            String.join(", ", choice.keptPrivate())));
                    return choice.shared().isEmpty() ? ExitCodes.REFUSED : ExitCodes.OK;
                }
                return ExitCodes.OK;
            }
        }
    }

    /**
     * vindplaats hub settle &lt;id&gt;...: keeps both notes of a conflict the last push reported;
     * this workspace's note gets a new id ({@link Hub#keepBoth}).
     */
    @Command(name = "settle", mixinStandardHelpOptions = true)
    public static final class Settle extends CommandBase {
        @Parameters(paramLabel = "<id>", arity = "1..*", descriptionKey = "param.settleIds")
        List<String> ids;
        @Mixin
        NotesCommand.WorkspaceOption ws;

        public Settle(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() throws IOException {
            try (NotesSession session = NotesSession.open(ctx, ws.workspace, false)) {
                Path dir = session.workspace().directory();
                HubConnection c = connection(session);
                List<String> inConflict = Hub.conflicts(dir);
                for (String id : ids) {
                    if (!inConflict.contains(id)) {
                        throw new UsageException(NLS.bind(Messages.Hub_notInConflict, id));
                    }
                }
                for (String id : ids) {
                    try {
                        String newId = Hub.keepBoth(session.store(), dir, c, id);
                        ctx.out().println(NLS.bind(Messages.Hub_settled, id, newId));
                    } catch (IllegalArgumentException e) {
                        throw new UsageException(NLS.bind(Messages.Hub_unknownNote, id));
                    } catch (org.vindplaats.notes.NoteStoreException e) {
                        ctx.err().println("vindplaats: " + e.getMessage());
                        return ExitCodes.PROBLEMS_FOUND;
                    }
                }
                session.indexChangesOrExplain();
                return ExitCodes.OK;
            }
        }
    }
}
