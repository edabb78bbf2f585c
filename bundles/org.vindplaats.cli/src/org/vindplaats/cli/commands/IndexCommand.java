package org.vindplaats.cli.commands;

import java.io.IOException;

import org.eclipse.osgi.util.NLS;
import org.vindplaats.cli.CliContext;
import org.vindplaats.cli.ExitCodes;
import org.vindplaats.cli.Messages;
import org.vindplaats.cli.NotesSession;
import org.vindplaats.cli.UsageException;
import org.vindplaats.index.IndexInUseException;
import org.vindplaats.index.NoteIndex;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** vindplaats index rebuild: the search index is a cache of the notes; this rebuilds it. */
@Command(name = "index", mixinStandardHelpOptions = true, subcommands = { IndexCommand.Rebuild.class })
public final class IndexCommand extends CommandBase {

    public IndexCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        throw new UsageException(NLS.bind(Messages.Index_missingSubcommand, null));
    }

    @Command(name = "rebuild", mixinStandardHelpOptions = true)
    public static final class Rebuild extends CommandBase {
        @Mixin
        NotesCommand.WorkspaceOption ws;

        public Rebuild(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() throws IOException {
            try (NotesSession session = NotesSession.open(ctx, ws.workspace, false)) {
                long start = System.nanoTime();
                NoteIndex index = session.index();
                try {
                    if (!index.openReport().rebuilt() || index.isReadOnly()) {
                        index.rebuild(session.progress());
                    }
                } catch (IndexInUseException e) {
                    ctx.err().println(e.getMessage());
                    return ExitCodes.PROBLEMS_FOUND;
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                ctx.out().println(NLS.bind(Messages.Index_rebuilt, new Object[] { index.count(),
                        String.format(java.util.Locale.ROOT, "%.1f", seconds), index.directory() }));
                return ExitCodes.OK;
            }
        }
    }
}
