package org.vindplaats.app;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.app.internal.Messages;
import org.vindplaats.hub.Hub;
import org.vindplaats.hub.HubConnection;
import org.vindplaats.hub.HubException;
import org.vindplaats.hub.SharedNotes;
import org.vindplaats.model.TrendNote;
import org.vindplaats.index.IndexConfig;
import org.vindplaats.notes.NoteStore;

/**
 * A workspace's team hub for the whole program: whether the workspace is connected, connecting
 * it, what the outbox holds, pushing now (a job the caller schedules) or soon in the background
 * (one coalesced job a few seconds after the last change), and which notes the worker chose to
 * share with the knowledge centre. Every push, whoever started it, ends in one {@link Outcome}
 * told to the listeners; a failure never throws at the worker, it is said there and kept in the
 * workspace as the hub's last error. The workspace stays the source of truth and works without
 * the hub. An OSGi Declarative Services component; tests build one with a short delay.
 */
@Component(service = TeamHub.class)
public final class TeamHub {

    /** The family of every push job (tests and the workbench's shutdown find them by it). */
    public static final Object PUSH_FAMILY = new Object();
    /** How long the background push waits after the last change. */
    public static final Duration DEFAULT_DELAY = Duration.ofSeconds(4);

    /** The form field a connection problem is about. */
    public enum Field {
        URL, TEAM, USER, PASSWORD_FILE
    }

    /** A connection detail that cannot be used; the message says what to give instead. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
        private final Field field;

        public Invalid(Field field, String message) {
            super(message);
            this.field = field;
        }

        public Field field() {
            return field;
        }
    }

    /**
     * How a push ended: the report, or why it did not (the hub's own words), or stopped by the
     * worker. {@code background} when nobody pressed a button for it.
     */
    public record Outcome(Path workspace, Hub.PushReport report, String problem, boolean cancelled, boolean background) {
        public boolean succeeded() {
            return report != null;
        }
    }

    /**
     * What the workspace holds for the hub: the connection, the outbox, the last failed push's
     * time and message, if any, and the notes the last push found under the same id from another
     * workspace.
     */
    public record Status(HubConnection connection, Hub.Outlook outlook, LastError lastError, List<String> conflicts) {
        public Status {
            conflicts = List.copyOf(conflicts);
        }
    }

    /** The last failed push: when (null if the file does not say) and the hub's words. */
    public record LastError(java.time.Instant when, String message) {

        /** As the hub keeps it: the time, a space, the message. */
        static LastError parse(String stored) {
            if (stored == null) {
                return null;
            }
            int space = stored.indexOf(' ');
            if (space > 0) {
                try {
                    return new LastError(java.time.Instant.parse(stored.substring(0, space)), stored.substring(space + 1).strip());
                } catch (java.time.format.DateTimeParseException e) {
                    // written otherwise: all of it is the message
                }
            }
            return new LastError(null, stored);
        }
    }

    /** One push at a time per program: the outbox of a workspace is written by one push only. */
    private static final ISchedulingRule ONE_PUSH = new ISchedulingRule() {
        @Override
        public boolean contains(ISchedulingRule rule) {
            return rule == this;
        }

        @Override
        public boolean isConflicting(ISchedulingRule rule) {
            return rule == this;
        }
    };

    /** The plugins: the hub reads queries and tags notes with their platform names and thesaurus. */
    @Reference
    Catalog catalog;

    private final Duration delay;
    private volatile IndexConfig config;
    private final java.util.concurrent.atomic.AtomicBoolean followingCatalog = new java.util.concurrent.atomic.AtomicBoolean();
    private final List<Consumer<Outcome>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Path>> connectionListeners = new CopyOnWriteArrayList<>();
    private final BackgroundPush background = new BackgroundPush();

    /** For Declarative Services. */
    public TeamHub() {
        this(DEFAULT_DELAY);
    }

    /** With another wait before a background push, without plugins (tests). */
    public TeamHub(Duration delay) {
        this(null, delay);
    }

    /** With the plugins' search configuration and another wait before a background push. */
    public TeamHub(Catalog catalog, Duration delay) {
        this.catalog = catalog;
        this.delay = delay;
    }

    /** The hub client for a workspace, reading queries and tagging notes as the local index does. */
    private Hub open(HubConnection c, Path dir) throws HubException {
        return new Hub(c, dir, config());
    }

    /**
     * The plugins' search configuration, read once and again after the plugins changed (its
     * phenomenon tagger trains on first use: not again for every push).
     */
    private IndexConfig config() {
        Catalog plugins = catalog;
        if (plugins == null) {
            return IndexConfig.defaults();
        }
        IndexConfig c = config;
        if (c == null) {
            if (!followingCatalog.getAndSet(true)) {
                plugins.addListener(() -> config = null);
            }
            // Unreadable plugin files are reported where plugins are managed; the rest still counts.
            c = PluginContributions.searchConfig(plugins, problem -> {
            });
            config = c;
        }
        return c;
    }

    @Deactivate
    void deactivate() {
        background.cancel();
    }

    // ------------------------------------------------------------------ connection

    /** The hub the workspace in {@code dir} is connected to; a damaged hub.json says so. */
    public Optional<HubConnection> connection(Path dir) throws HubException {
        return dir == null ? Optional.empty() : HubConnection.load(dir);
    }

    /** Whether the workspace in {@code dir} has a usable hub connection. */
    public boolean connected(Path dir) {
        try {
            return connection(dir).isPresent();
        } catch (HubException e) {
            return false;
        }
    }

    /**
     * Whether the workspace in {@code dir} sends its notes to a hub: connected as a team's
     * workspace (a knowledge centre's only reads what teams shared).
     */
    public boolean sends(Path dir) {
        try {
            return connection(dir).map(c -> !c.knowledgeCentre()).orElse(false);
        } catch (HubException e) {
            return false;
        }
    }

    /**
     * Checks the details as typed and stores them as the workspace's connection (hub.json,
     * owner-only; the password stays in its own file). The hub is not asked here: a worker can
     * connect while offline, and {@link #status} says afterwards whether the hub answers.
     *
     * @throws Invalid naming the field to fix
     */
    public HubConnection connect(Path dir, String url, String team, String user, String passwordFile)
            throws Invalid, IOException {
        return connect(dir, url, team, user, passwordFile, false);
    }

    /**
     * The same; with {@code knowledgeCentre}, {@code team} names the knowledge centre and the
     * workspace only reads what teams shared (it sends nothing).
     */
    public HubConnection connect(Path dir, String url, String team, String user, String passwordFile, boolean knowledgeCentre)
            throws Invalid, IOException {
        if (url == null || url.isBlank()) {
            throw new Invalid(Field.URL, Messages.TeamHub_noUrl);
        }
        URI address;
        try {
            address = HubConnection.url(url);
        } catch (IllegalArgumentException e) {
            throw new Invalid(Field.URL, e.getMessage());
        }
        checkName(Field.TEAM, team, Messages.TeamHub_noTeam);
        checkName(Field.USER, user, Messages.TeamHub_noUser);
        if (passwordFile == null || passwordFile.isBlank()) {
            throw new Invalid(Field.PASSWORD_FILE, Messages.TeamHub_noPasswordFile);
        }
        Path file = Path.of(passwordFile.strip()).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new Invalid(Field.PASSWORD_FILE, NLS.bind(Messages.TeamHub_unreadablePasswordFile, file));
        }
        HubConnection c = knowledgeCentre ? HubConnection.knowledgeCentre(address, team.strip(), user.strip(), file)
                : connection(dir, address, team.strip(), user.strip(), file);
        try {
            Arrays.fill(c.password(), '\0'); // the first line is there
        } catch (HubException e) {
            throw new Invalid(Field.PASSWORD_FILE, e.getMessage());
        }
        c.save(dir);
        connectionListeners.forEach(l -> l.accept(dir));
        return c;
    }

    /** The same workspace keeps its name in the hub (origin) when its connection is changed. */
    private HubConnection connection(Path dir, URI url, String team, String user, Path passwordFile) {
        try {
            Optional<HubConnection> old = connection(dir);
            if (old.isPresent()) {
                return new HubConnection(url, team, user, passwordFile, old.get().origin());
            }
        } catch (HubException e) {
            // a damaged hub.json is replaced by the new one
        }
        return new HubConnection(url, team, user, passwordFile);
    }

    /** Team and user names follow the hub's own rule (they become Solr names). */
    private static void checkName(Field field, String name, String whenEmpty) throws Invalid {
        if (name == null || name.isBlank()) {
            throw new Invalid(field, whenEmpty);
        }
        try {
            new HubConnection(URI.create("http://localhost/solr"), name.strip(), name.strip(), Path.of("."), "check");
        } catch (IllegalArgumentException e) {
            throw new Invalid(field, e.getMessage());
        }
    }

    /** Hears the workspace folder whose connection was stored (on the thread that stored it). */
    public void addConnectionListener(Consumer<Path> listener) {
        connectionListeners.add(listener);
    }

    public void removeConnectionListener(Consumer<Path> listener) {
        connectionListeners.remove(listener);
    }

    // ------------------------------------------------------------------ status

    /**
     * The connection, the outbox and the last error, read in the workspace (reads every note:
     * call it from a job). Empty when the workspace is not connected.
     */
    public Optional<Status> status(Path dir, NoteStore store) throws HubException, IOException {
        Optional<HubConnection> c = connection(dir);
        if (c.isEmpty()) {
            return Optional.empty();
        }
        try (Hub hub = open(c.get(), dir)) {
            return Optional.of(new Status(c.get(), hub.outlook(store), lastError(dir), Hub.conflicts(dir)));
        }
    }

    /**
     * Settles conflicts by keeping both notes: each of this workspace's notes {@code ids} gets a
     * new id ({@link Hub#keepBoth}); the next push sends them as new notes.
     *
     * @return the new ids, in the order of {@code ids}
     */
    public List<String> keepBoth(Path dir, NoteStore store, List<String> ids)
            throws HubException, IOException {
        HubConnection c = connection(dir).orElseThrow(() -> new HubException(Messages.TeamHub_notConnected));
        List<String> out = new java.util.ArrayList<>();
        for (String id : ids) {
            out.add(Hub.keepBoth(store, dir, c, id));
        }
        return out;
    }

    /**
     * Asks the hub how many notes of the team it holds: whether it answers, and with this
     * workspace's account (a network call that can take seconds when the hub is away: call it
     * from a job). The exception says in plain words what is wrong.
     */
    public long notesInHub(Path dir) throws HubException, IOException {
        HubConnection c = connection(dir).orElseThrow(() -> new HubException(Messages.TeamHub_notConnected));
        try (Hub hub = open(c, dir)) {
            return hub.count();
        }
    }

    /** The last failed push of the workspace in {@code dir}, or null when the last push went well. */
    public LastError lastError(Path dir) {
        return dir == null ? null : LastError.parse(Hub.lastError(dir));
    }

    /**
     * What this workspace can search in the hub: a team's workspace its team's notes, a knowledge
     * centre's the notes teams shared; nothing when it is not connected.
     */
    public List<Hub.Scope> scopes(Path dir) {
        try {
            return connection(dir).map(c -> List.of(c.knowledgeCentre() ? Hub.Scope.SHARED : Hub.Scope.TEAM)).orElse(List.of());
        } catch (HubException e) {
            return List.of();
        }
    }

    /**
     * Searches the hub in the local search syntax: hits with their team, a snippet with the found
     * words, facet counts (a network call: call it from a job). The hits are read-only copies.
     */
    public Hub.Result search(Path dir, Hub.Query query) throws HubException, IOException {
        HubConnection c = connection(dir).orElseThrow(() -> new HubException(Messages.TeamHub_notConnected));
        try (Hub hub = open(c, dir)) {
            return hub.search(query);
        }
    }

    // ------------------------------------------------------------------ sharing

    /** The notes the worker chose to share with the knowledge centre. */
    public Set<String> shared(Path dir) throws IOException {
        return SharedNotes.ids(dir);
    }

    /**
     * Shares one note (or stops sharing it); the next push sends or withdraws the shared copy. A
     * note in which the worker kept personal data is never shared ({@link SharedNotes#share}).
     * Returns whether the note is shared now.
     */
    public boolean share(Path dir, TrendNote note, boolean on) throws IOException {
        if (on) {
            return SharedNotes.share(dir, List.of(note)).shared().contains(note.id());
        }
        if (SharedNotes.ids(dir).contains(note.id())) {
            SharedNotes.set(dir, List.of(note.id()), false);
        } // else nothing to withdraw: no file written for a note never shared
        return false;
    }

    // ------------------------------------------------------------------ pushing

    /**
     * A push of the workspace's outbox as a job, not yet scheduled (the caller shows it: a user
     * job with progress and cancel). Never at the same time as another push.
     */
    public Job pushJob(Path dir, NoteStore store) {
        Job job = new Job(Messages.TeamHub_pushJob) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                return TeamHub.this.run(dir, store, false, monitor);
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == PUSH_FAMILY;
            }
        };
        job.setRule(ONE_PUSH);
        return job;
    }

    /**
     * After notes changed (a save, an import): pushes a connected workspace a few seconds later,
     * once for a burst of changes, in the background (not a system job, so it shows in progress
     * views, but it never asks anything). Not connected: nothing happens.
     */
    public void pushSoon(Path dir, NoteStore store) {
        if (dir == null || store == null || !sends(dir)) {
            return;
        }
        background.target = new Target(dir, store);
        background.schedule(delay.toMillis());
    }

    /** Hears how each push ended, on the push's thread. */
    public void addListener(Consumer<Outcome> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Outcome> listener) {
        listeners.remove(listener);
    }

    private IStatus run(Path dir, NoteStore store, boolean inBackground, IProgressMonitor monitor) {
        Outcome outcome;
        try {
            Optional<HubConnection> c = connection(dir);
            if (c.isEmpty()) {
                return org.eclipse.core.runtime.Status.OK_STATUS; // disconnected meanwhile
            }
            try (Hub hub = open(c.get(), dir)) {
                outcome = new Outcome(dir, hub.push(store, monitor), null, false, inBackground);
            }
        } catch (OperationCanceledException e) {
            outcome = new Outcome(dir, null, Messages.TeamHub_pushStopped, true, inBackground);
        } catch (HubException e) {
            outcome = new Outcome(dir, null, e.getMessage(), false, inBackground);
        } catch (IOException | RuntimeException e) {
            outcome = new Outcome(dir, null, NLS.bind(Messages.TeamHub_pushFailed, dir,
                    e.getMessage() == null ? e.toString() : e.getMessage()), false, inBackground);
        }
        for (Consumer<Outcome> l : listeners) {
            try {
                l.accept(outcome);
            } catch (RuntimeException e) {
                // one broken listener does not keep the outcome from the others
            }
        }
        // A failure is told to the listeners and kept as the last error, never as an error dialog.
        return outcome.cancelled() ? org.eclipse.core.runtime.Status.CANCEL_STATUS : org.eclipse.core.runtime.Status.OK_STATUS;
    }

    private record Target(Path dir, NoteStore store) {
    }

    /** The one background push job: scheduling it again while it waits only moves it. */
    private final class BackgroundPush extends Job {
        volatile Target target;

        BackgroundPush() {
            super(Messages.TeamHub_backgroundJob);
            setSystem(false);
            setUser(false);
            setRule(ONE_PUSH);
        }

        @Override
        protected IStatus run(IProgressMonitor monitor) {
            Target t = target;
            return t == null ? org.eclipse.core.runtime.Status.OK_STATUS : TeamHub.this.run(t.dir(), t.store(), true, monitor);
        }

        @Override
        public boolean belongsTo(Object family) {
            return family == PUSH_FAMILY;
        }
    }
}
