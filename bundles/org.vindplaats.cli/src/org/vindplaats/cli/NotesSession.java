package org.vindplaats.cli;


import java.io.IOException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.osgi.util.NLS;
import org.vindplaats.app.NoteSearch;
import org.vindplaats.app.WorkspaceIndex;
import org.vindplaats.app.WorkspaceSession;
import org.vindplaats.index.IndexInUseException;
import org.vindplaats.index.NoteIndex;
import org.vindplaats.index.NoteSource;
import org.vindplaats.index.SyncReport;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.Need;
import org.vindplaats.model.Organisation;
import org.vindplaats.model.TrendNote;
import org.vindplaats.notes.NoteStore;
import org.vindplaats.notes.Retention;
import org.vindplaats.notes.Workspace;
import org.vindplaats.notes.WorkspaceException;
import org.vindplaats.notes.WorkspaceLocator;
import org.vindplaats.notes.imports.ImportOptions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One command's use of a workspace: the application layer's {@link WorkspaceSession} (the note
 * store, the search index kept in step with it, import options), with what it says on stderr.
 */
public final class NotesSession implements AutoCloseable {

    private final CliContext ctx;
    private final WorkspaceSession session;
    private final WorkspaceIndex index;

    private NotesSession(CliContext ctx, WorkspaceSession session) {
        this.ctx = ctx;
        this.session = session;
        this.index = session.index();
    }

    /**
     * @param create whether a missing workspace may be created (import does; list and search
     *               do not, they say where they looked instead)
     */
    public static NotesSession open(CliContext ctx, String argument, boolean create) {
        WorkspaceLocator.Location location = ctx.notes().locate(argument, ctx.terminal().path("."));
        try {
            WorkspaceSession session = ctx.notes().open(location.directory(), create, ctx.err()::println);
            if (session.workspace().tightenedMessage() != null) {
                // Said once: the next open finds the workspace private already.
                ctx.err().println("vindplaats: " + session.workspace().tightenedMessage());
            }
            return new NotesSession(ctx, session);
        } catch (WorkspaceException e) {
            throw new UsageException(e.getMessage());
        }
    }

    public Workspace workspace() {
        return session.workspace();
    }

    public NoteStore store() {
        return session.store();
    }

    /** How notes are imported here: the catalog's platforms, and the retention of {@code organisation} (null: none). */
    public ImportOptions importOptions(Organisation organisation) {
        return session.importOptions(organisation);
    }

    /** A progress line on stderr for long work. */
    public IProgressMonitor progress() {
        return ctx.progress();
    }

    /** The notes of the store as the index reads them; unreadable notes are reported on stderr. */
    public NoteSource noteSource() {
        return index.noteSource();
    }

    /**
     * The search index of the workspace, opened on first use (and rebuilt when missing, damaged
     * or from another version, with a progress line and a sentence saying why).
     */
    public NoteIndex index() throws IOException {
        boolean first = !index.isOpen();
        NoteIndex idx = index.index(progress());
        if (first && (idx.openReport().rebuilt() || idx.openReport().readOnly())) {
            ctx.err().println(idx.openReport().message());
        }
        return idx;
    }

    /**
     * Searching the workspace's notes through this session's index, opened first by {@link #index()}.
     * A command does not wait for another program that holds the index (the workbench): it
     * searches what that program committed.
     */
    public NoteSearch search() throws IOException {
        index();
        return session.search(false);
    }

    /**
     * Brings the search index up to date with the store after a change. When another program
     * (the workbench, another command) holds the index, the notes are safe in the store and the
     * index catches up at its next change: that is said on stderr, not treated as a failure.
     */
    public SyncReport indexChanges() throws IOException {
        try {
            index();
            return index.sync(progress());
        } catch (IndexInUseException e) {
            ctx.err().println(e.getMessage());
            return null;
        }
    }

    /**
     * {@link #indexChanges()} for commands whose real work (saving notes) is done: a failing index
     * (a full disk) is reported with what to do, never as an internal error that hides what was saved.
     *
     * @return false when the index could not be brought up to date
     */
    public boolean indexChangesOrExplain() {
        try {
            indexChanges();
            return true;
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            ctx.err().println(NLS.bind(Messages.Notes_indexFailed, workspace().indexDirectory(), reason));
            return false;
        }
    }

    /** The retention of the organisation, or a usage error saying how to choose one. */
    public static Retention retention(Organisation organisation) {
        if (organisation == null || organisation.retentionMonths() == null) {
            throw new UsageException(NLS.bind(Messages.Notes_noRetention, null));
        }
        return Retention.of(organisation);
    }

    public static ObjectNode json(TrendNote n) {
        ObjectNode o = JsonViews.MAPPER.createObjectNode();
        o.put("id", n.id()).put("title", n.title()).put("body", n.body());
        ArrayNode platforms = o.putArray("platforms");
        n.platforms().forEach(platforms::add);
        o.put("observed", n.observed() == null ? null : n.observed().toString());
        o.put("lang", n.language()).put("source", n.source()).put("author", n.author());
        o.put("polarity", n.polarity() == null ? null : n.polarity().id());
        o.put("urgency", n.urgency() == null ? null : n.urgency().id());
        ArrayNode needs = o.putArray("needs");
        n.needs().forEach(x -> needs.add(((Need) x).id()));
        ArrayNode aff = o.putArray("affordances");
        n.affordances().forEach(x -> aff.add(((Affordance) x).id()));
        ArrayNode confirmed = o.putArray("confirmed");
        n.confirmed().forEach(c -> confirmed.add(c.id()));
        o.put("expires", n.expires() == null ? null : n.expires().toString());
        o.put("piiKept", n.piiKept());
        return o;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (IOException e) {
            ctx.err().println(NLS.bind(Messages.Search_closeFailed, workspace().indexDirectory(), e.getMessage()));
        }
    }

}
