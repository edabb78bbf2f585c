package org.vindplaats.cli.commands;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.vindplaats.app.SignalInbox;
import org.vindplaats.cli.CliContext;
import org.vindplaats.cli.ExitCodes;
import org.vindplaats.cli.JsonViews;
import org.vindplaats.cli.Messages;
import org.vindplaats.cli.NotesSession;
import org.vindplaats.cli.TextTable;
import org.vindplaats.cli.UsageException;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.model.Urgency;
import org.vindplaats.notes.Problem;
import org.vindplaats.notes.StoredNote;
import org.vindplaats.suggest.LabelSuggester;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * vindplaats notes inbox | notes confirm: the notes whose needs or urgency no worker confirmed
 * yet, with the suggestion for each (most urgent first), and confirming them one by one or all.
 */
public final class InboxCommands {

    private InboxCommands() {
    }

    static List<SignalInbox.Item> pending(CliContext ctx, NotesSession session, List<Problem> problems) throws IOException {
        // The notes waiting for a worker (the suggestions service reads what it learns from itself).
        List<StoredNote> stored;
        try (var notes = session.store().stream(problems::add)) {
            stored = notes.toList();
        }
        // The same suggestions as the workbench's Note editor and 'notes suggest' (one service).
        LabelSuggester suggester = ctx.suggestions().labels(session.store(), session.progress());
        return SignalInbox.pending(stored, suggester, LocalDate.now(), session.progress());
    }

    @Command(name = "inbox", aliases = "postvak", mixinStandardHelpOptions = true)
    public static final class Inbox extends CommandBase {
        @Mixin
        NotesCommand.WorkspaceOption ws;
        @Mixin
        FormatOption format;

        public Inbox(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() throws IOException {
            try (NotesSession session = NotesSession.open(ctx, ws.workspace, false)) {
                List<Problem> problems = new ArrayList<>();
                List<SignalInbox.Item> items = pending(ctx, session, problems);
                if (format.format == Format.json) {
                    ArrayNode a = JsonViews.MAPPER.createArrayNode();
                    for (SignalInbox.Item it : items) {
                        ObjectNode n = a.addObject().put("id", it.stored().id()).put("title", it.stored().note().title());
                        n.put("observed", String.valueOf(it.stored().note().observed()));
                        n.put("urgency", it.urgency() == null ? null : it.urgency().id());
                        ArrayNode needs = n.putArray("needs");
                        it.needs().forEach(x -> needs.add(x.id()));
                        n.put("urgencyConfirmed", it.stored().note().isConfirmed(LabelFamily.URGENCY));
                        n.put("needsConfirmed", it.stored().note().isConfirmed(LabelFamily.NEEDS));
                    }
                    printJson(a);
                } else {
                    TextTable t = new TextTable(Messages.Head_id, Messages.Inbox_urgency, Messages.Inbox_needs,
                            Messages.Notes_title);
                    for (SignalInbox.Item it : items) {
                        Urgency u = it.urgency();
                        t.row(it.stored().id(), u == null ? "-" : u.label().get(ctx.language()),
                                String.join(", ", it.needs().stream().map(x -> x.shortLabel().get(ctx.language())).toList()),
                                it.stored().note().title());
                    }
                    t.print(ctx.out());
                    ctx.out().println(items.isEmpty() ? Messages.Inbox_empty : NLS.bind(Messages.Inbox_count, items.size()));
                }
                NotesCommand.printProblems(ctx, problems);
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "confirm", aliases = "bevestig", mixinStandardHelpOptions = true)
    public static final class Confirm extends CommandBase {
        @Parameters(arity = "0..*", paramLabel = "<id>", descriptionKey = "param.noteIds")
        List<String> ids = new ArrayList<>();
        @Option(names = "--all", descriptionKey = "option.confirmAll")
        boolean all;
        @Mixin
        NotesCommand.WorkspaceOption ws;

        public Confirm(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() throws IOException {
            if (ids.isEmpty() == !all) {
                throw new UsageException(Messages.Inbox_whichNotes);
            }
            try (NotesSession session = NotesSession.open(ctx, ws.workspace, false)) {
                List<Problem> problems = new ArrayList<>();
                List<SignalInbox.Item> items = pending(ctx, session, problems);
                List<SignalInbox.Item> chosen = new ArrayList<>();
                if (all) {
                    chosen.addAll(items);
                } else {
                    for (String id : ids) {
                        chosen.add(items.stream().filter(it -> it.stored().id().equals(id)).findFirst()
                                .orElseThrow(() -> new UsageException(NLS.bind(Messages.Inbox_notPending, id))));
                    }
                }
                List<String> conflicts = new ArrayList<>();
                List<String> confirmed = new ArrayList<>();
                SignalInbox.confirm(session.store(), chosen, confirmed::add, conflicts::add, session.progress());
                int saved = confirmed.size();
                conflicts.forEach(c -> ctx.err().println(c));
                ctx.out().println(NLS.bind(Messages.Inbox_confirmed, saved));
                NotesCommand.printProblems(ctx, problems);
                return conflicts.isEmpty() ? ExitCodes.OK : ExitCodes.PROBLEMS_FOUND;
            }
        }
    }
}
