package org.vindplaats.cli.commands;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.eclipse.osgi.util.NLS;
import org.vindplaats.app.SampleNotes;
import org.vindplaats.cli.CliContext;
import org.vindplaats.cli.ConsoleProgress;
import org.vindplaats.cli.ExitCodes;
import org.vindplaats.cli.JsonViews;
import org.vindplaats.cli.Messages;
import org.vindplaats.cli.NotesSession;
import org.vindplaats.cli.TextTable;
import org.vindplaats.cli.UsageException;
import org.vindplaats.model.Organisation;
import org.vindplaats.model.TrendNote;
import org.vindplaats.notes.NoteChangeEvent;
import org.vindplaats.notes.NoteFileFormat;
import org.vindplaats.notes.NoteIds;
import org.vindplaats.notes.NoteStoreListener;
import org.vindplaats.notes.Problem;
import org.vindplaats.notes.Retention;
import org.vindplaats.notes.StoredNote;
import org.vindplaats.notes.imports.ImportOptions;
import org.vindplaats.notes.imports.ImportReport;
import org.vindplaats.notes.imports.NoteImporter;
import org.vindplaats.notes.pii.PiiDetector;
import org.vindplaats.notes.pii.PiiJsonLines;
import org.vindplaats.notes.pii.PiiKind;
import org.vindplaats.hub.SharedNotes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** vindplaats notes import|list|show|purge|pii|suggest|evaluate|inbox|confirm: the team's trend notes. */
@Command(name = "notes", mixinStandardHelpOptions = true, subcommands = { NotesCommand.Import.class,
        NotesCommand.ListNotes.class, NotesCommand.Show.class, NotesCommand.Purge.class, NotesCommand.Pii.class,
        SuggestCommands.Suggest.class, SuggestCommands.Evaluate.class, InboxCommands.Inbox.class, InboxCommands.Confirm.class })
public final class NotesCommand extends CommandBase {

    public NotesCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        throw new UsageException(NLS.bind(Messages.Notes_missingSubcommand, null));
    }

    /** --workspace, else $VINDPLAATS_WORKSPACE, else the per-user default. */
    public static class WorkspaceOption {
        @Option(names = "--workspace", paramLabel = "<folder>", descriptionKey = "option.workspace")
        public String workspace;
    }

    static void printProblems(CliContext ctx, List<Problem> problems) {
        for (Problem p : problems) {
            ctx.err().println(p);
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true)
    public static final class Import extends CommandBase {
        @Parameters(paramLabel = "<file|folder>", arity = "0..1", descriptionKey = "param.importSource")
        Path source;
        @Option(names = "--samples", descriptionKey = "option.samples")
        boolean samples;
        @Option(names = "--keep-pii", descriptionKey = "option.keepPii")
        boolean keepPii;
        @Option(names = "--share", descriptionKey = "option.share")
        boolean share;
        @Option(names = "--ack", descriptionKey = "option.ack")
        boolean ack;
        @Mixin
        WorkspaceOption ws;
        @Mixin
        OrgOption org;
        @Mixin
        FormatOption format;

        public Import(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() throws IOException {
            if ((source == null) == !samples) {
                throw new UsageException(Messages.Notes_importWhat);
            }
            if (samples && share) {
                throw new UsageException(Messages.Notes_samplesNotShared);
            }
            // The invented example notes, in the user's language, to try search and suggestions on.
            Path from = samples ? SampleNotes.extract(ctx.locale()) : PluginCommand.existing(source);
            Organisation organisation = org.resolve(ctx);
            try (NotesSession session = NotesSession.open(ctx, ws.workspace, true)) {
                ImportOptions options = session.importOptions(organisation).withKeepPii(keepPii);
                // Why: scripts and the crash-safety harness need to know exactly which notes are safely
                // stored if the process dies; the store fires only after the rename is done.
                NoteStoreListener acknowledge = ack ? event -> {
                    if (event.kind() != NoteChangeEvent.Kind.DELETED) {
                        ctx.out().println("stored " + event.id() + " " + event.note().revision());
                        ctx.out().flush();
                    }
                } : null;
                if (acknowledge != null) {
                    session.store().addListener(acknowledge);
                }
                ImportReport report;
                try {
                    report = new NoteImporter(session.store(), options).importPath(from, session.progress());
                } finally {
                    if (acknowledge != null) {
                        session.store().removeListener(acknowledge);
                    }
                }
                if (share) {
                    // The choice is recorded now; the next 'hub push' sends them (scrubbed again).
                    List<String> chosen = new java.util.ArrayList<>(report.importedIds());
                    chosen.addAll(report.updatedIds());
                    if (report.piiKept()) {
                        // Personal data was kept on request: the notes that hold some stay here.
                        List<org.vindplaats.model.TrendNote> notes = new java.util.ArrayList<>();
                        for (String id : chosen) {
                            session.store().get(id).ifPresent(s -> notes.add(s.note()));
                        }
                        SharedNotes.Choice choice = SharedNotes.share(session.workspace().directory(), notes);
                        ctx.err().println(NLS.bind(Messages.Hub_sharedChosen, choice.shared().size()));
                        if (!choice.keptPrivate().isEmpty()) {
                            ctx.err().println(NLS.bind(Messages.Hub_keptPrivate, choice.keptPrivate().size(),
                                    String.join(", ", choice.keptPrivate())));
                        }
                    } else {
                        SharedNotes.set(session.workspace().directory(), chosen, true);
                        ctx.err().println(NLS.bind(Messages.Hub_sharedChosen, chosen.size()));
                    }
                }
                boolean indexed = session.indexChangesOrExplain();
                if (format.format == Format.json) {
                    ObjectNode n = JsonViews.MAPPER.createObjectNode();
                    n.put("workspace", session.workspace().directory().toString());
                    n.put("imported", report.imported()).put("updated", report.updated())
                            .put("unchanged", report.unchanged()).put("duplicates", report.duplicates())
                            .put("cancelled", report.cancelled()).put("piiKept", report.piiKept())
                            .put("stoppedBecause", report.stoppedBecause());
                    ArrayNode skipped = n.putArray("skipped");
                    report.skipped().forEach(p -> skipped.add(p.toString()));
                    ArrayNode warnings = n.putArray("warnings");
                    report.warnings().forEach(p -> warnings.add(p.toString()));
                    ObjectNode pii = n.putObject("piiReplaced");
                    for (Map.Entry<PiiKind, Integer> e : report.piiReplaced().entrySet()) {
                        pii.put(e.getKey().id(), e.getValue());
                    }
                    printJson(n);
                } else {
                    ctx.out().println(report.details());
                }
                // An import stopped by a write failure (a full disk) did not do what was asked: never exit 0.
                return report.skipped().isEmpty() && report.stoppedBecause() == null && indexed ? ExitCodes.OK
                        : ExitCodes.PROBLEMS_FOUND;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true)
    public static final class ListNotes extends CommandBase {
        @Option(names = "--expired", descriptionKey = "option.expired")
        boolean expired;
        @Mixin
        WorkspaceOption ws;
        @Mixin
        OrgOption org;
        @Mixin
        FormatOption format;

        public ListNotes(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() throws IOException {
            try (NotesSession session = NotesSession.open(ctx, ws.workspace, false)) {
                List<Problem> problems = new ArrayList<>();
                List<TrendNote> notes;
                if (expired) {
                    Retention retention = NotesSession.retention(org.resolve(ctx));
                    notes = retention.expired(session.store(), LocalDate.now(), problems::add).stream()
                            .map(StoredNote::note).toList();
                } else {
                    notes = session.store().notes(problems::add).toList();
                }
                notes = notes.stream().sorted(Comparator.comparing((TrendNote n) -> n.observed() == null ? LocalDate.MIN
                        : n.observed()).reversed().thenComparing(TrendNote::id)).toList();
                if (format.format == Format.json) {
                    ArrayNode a = JsonViews.MAPPER.createArrayNode();
                    notes.forEach(n -> a.add(NotesSession.json(n)));
                    printJson(a);
                } else {
                    TextTable t = new TextTable(Messages.Head_id, Messages.Notes_observed, Messages.Notes_platforms,
                            Messages.Notes_title);
                    for (TrendNote n : notes) {
                        t.row(n.id(), n.observed(), String.join(",", n.platforms()), n.title());
                    }
                    t.print(ctx.out());
                    ctx.out().println(NLS.bind(Messages.Notes_count, notes.size()));
                }
                printProblems(ctx, problems);
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true)
    public static final class Show extends CommandBase {
        @Parameters(paramLabel = "<id>", descriptionKey = "param.noteId")
        String id;
        @Mixin
        WorkspaceOption ws;
        @Mixin
        FormatOption format;

        public Show(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() throws IOException {
            NoteIds.problem(id).ifPresent(p -> {
                throw new UsageException(p);
            });
            try (NotesSession session = NotesSession.open(ctx, ws.workspace, false)) {
                StoredNote stored = session.store().get(id)
                        .orElseThrow(() -> new UsageException(NLS.bind(Messages.Notes_unknown, id)));
                if (format.format == Format.json) {
                    printJson(NotesSession.json(stored.note()).put("revision", stored.revision()));
                } else {
                    ctx.out().print(NoteFileFormat.format(stored.note(), stored.revision()));
                }
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "purge", mixinStandardHelpOptions = true)
    public static final class Purge extends CommandBase {
        @Option(names = "--dry-run", descriptionKey = "option.dryRun")
        boolean dryRun;
        @Mixin
        WorkspaceOption ws;
        @Mixin
        OrgOption org;

        public Purge(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() throws IOException {
            Retention retention = NotesSession.retention(org.resolve(ctx));
            try (NotesSession session = NotesSession.open(ctx, ws.workspace, false)) {
                List<Problem> problems = new ArrayList<>();
                boolean indexed = true;
                if (dryRun) {
                    var expired = retention.expired(session.store(), LocalDate.now(), problems::add);
                    expired.forEach(s -> ctx.out().println(s.id() + "  " + s.note().title()));
                    ctx.out().println(NLS.bind(Messages.Notes_wouldPurge, expired.size()));
                } else {
                    Retention.PurgeReport report = retention.purge(session.store(), LocalDate.now(), session.progress());
                    indexed = session.indexChangesOrExplain();
                    ctx.out().println(report.summary());
                    problems.addAll(report.problems());
                }
                printProblems(ctx, problems);
                return dryRun || indexed ? ExitCodes.OK : ExitCodes.PROBLEMS_FOUND;
            }
        }
    }

    @Command(name = "pii", mixinStandardHelpOptions = true)
    public static final class Pii extends CommandBase {
        @Parameters(paramLabel = "<file.jsonl>", descriptionKey = "param.piiFile")
        Path file;
        @Option(names = "--format", paramLabel = "jsonl", descriptionKey = "option.jsonl")
        String format = "jsonl";

        public Pii(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() throws IOException {
            PluginCommand.existing(file);
            if (!"jsonl".equals(format) && !"json".equals(format)) {
                throw new UsageException(NLS.bind(Messages.Notes_onlyJsonl, format));
            }
            if (!Files.isRegularFile(file)) {
                throw new UsageException(NLS.bind(Messages.Cli_noSuchPath, file));
            }
            List<Problem> problems = new ArrayList<>();
            StringWriter buffer = new StringWriter();
            new PiiJsonLines(PiiDetector.standard()).scan(file, buffer, problems::add);
            ctx.out().print(buffer);
            printProblems(ctx, problems);
            return problems.isEmpty() ? ExitCodes.OK : ExitCodes.PROBLEMS_FOUND;
        }
    }
}
