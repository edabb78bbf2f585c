package org.vindplaats.notes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.vindplaats.model.io.OwnerOnly;
import org.vindplaats.notes.internal.Messages;
import org.vindplaats.notes.pii.PiiScrubber;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Vindplaats workspace: a folder a team can share (network drive, synced folder, git).
 *
 * <pre>
 * workspace/
 *   workspace.json   format stamp: {"format": 1, ...}
 *   notes/           one file per note, &lt;id&gt;.md: the source of truth
 *   index/           reserved for the search index (a derived cache, rebuilt from notes/)
 *   .gitignore       keeps index/ out of a team's git repository
 * </pre>
 */
public final class Workspace implements AutoCloseable {

    /** The workspace format this version reads and writes. */
    public static final int FORMAT_VERSION = 1;
    public static final String DESCRIPTOR = "workspace.json";
    public static final String NOTES_DIR = "notes";
    public static final String INDEX_DIR = "index";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> ALLOWED_IN_NEW = Set.of(NOTES_DIR, INDEX_DIR, ".gitignore", ".git",
            ".DS_Store", "Thumbs.db", "desktop.ini");

    private final Path directory;
    private final int format;
    private final NoteStore notes;
    private final int cleanedTempFiles;
    private final int tightened;

    private final Drafts drafts;

    private Workspace(Path directory, int format, NoteStore notes, Drafts drafts, int cleanedTempFiles, int tightened) {
        this.directory = directory;
        this.drafts = drafts;
        this.format = format;
        this.notes = notes;
        this.cleanedTempFiles = cleanedTempFiles;
        this.tightened = tightened;
    }

    /** How to open a workspace; {@link #DEFAULT}: create when missing, scrub PII on save, system clock. */
    public record Settings(boolean create, PiiScrubber scrubber, Clock clock) {
        public static final Settings DEFAULT = new Settings(true, PiiScrubber.standard(), Clock.systemUTC());

        public Settings {
            Objects.requireNonNull(clock, "clock");
        }

        public Settings withCreate(boolean value) {
            return new Settings(value, scrubber, clock);
        }

        public Settings withClock(Clock value) {
            return new Settings(create, scrubber, value);
        }

        /** null switches the privacy guard off for saves (tools and tests only). */
        public Settings withScrubber(PiiScrubber value) {
            return new Settings(create, value, clock);
        }
    }

    /**
     * Opens the workspace in {@code dir}, creating it when the folder does not exist or is empty.
     * Deletes temp files left by a crashed write.
     */
    public static Workspace open(Path dir) throws WorkspaceException {
        return open(dir, Settings.DEFAULT);
    }

    /** Opens an existing workspace only (for read-only commands: a typo does not create a folder). */
    public static Workspace openExisting(Path dir) throws WorkspaceException {
        return open(dir, Settings.DEFAULT.withCreate(false));
    }

    public static Workspace open(Path dir, Settings settings) throws WorkspaceException {
        Path root = dir.toAbsolutePath().normalize();
        Path descriptor = root.resolve(DESCRIPTOR);
        try {
            int format;
            boolean created = false;
            if (Files.isRegularFile(descriptor)) {
                format = readFormat(descriptor);
            } else if (!settings.create()) {
                throw new WorkspaceException(Files.isDirectory(root)
                        ? NLS.bind(Messages.Workspace_notAWorkspace, root)
                        : NLS.bind(Messages.Workspace_missing, root));
            } else {
                format = create(root, descriptor, settings);
                created = true;
            }
            try {
                OwnerOnly.createDirectories(root.resolve(INDEX_DIR));
            } catch (IOException e) {
                // A read-only workspace (a shared drive without write permission) can still be read;
                // the index engine reports its own problem when it needs to write there.
            }
            NoteStore store = new NoteStore(root.resolve(NOTES_DIR), settings.scrubber(), settings.clock());
            int cleaned = store.cleanUpTempFiles();
            int tightened = makePrivate(root);
            // A new workspace in a folder the user made beforehand is private without a word: nothing
            // of it was ever readable. The message is for an existing workspace.
            return new Workspace(root, format, store, new Drafts(root, settings.scrubber()), cleaned,
                    created ? 0 : tightened);
        } catch (WorkspaceException e) {
            throw e;
        } catch (IOException e) {
            throw new WorkspaceException(NLS.bind(Messages.Workspace_cannotOpen, root, NoteStore.reason(e)), e);
        }
    }

    /**
     * Makes {@code root} a new workspace. Two programs may create the same workspace at the same
     * moment (two imports into a new shared folder): one may then take the other's temp file for a
     * crash leftover and remove it, or find the other's descriptor already there. Either way the
     * workspace is being created by someone, so look again instead of failing.
     */
    private static int create(Path root, Path descriptor, Settings settings) throws IOException {
        for (int attempt = 1;; attempt++) {
            if (Files.exists(root) && !Files.isDirectory(root)) {
                throw new WorkspaceException(NLS.bind(Messages.Workspace_isAFile, root));
            }
            // Another program may have created it meanwhile and be writing its .gitignore now: its
            // temp file is no reason to refuse the folder, so the descriptor is looked for first.
            if (Files.isRegularFile(descriptor)) {
                return readFormat(descriptor);
            }
            if (Files.isDirectory(root)) {
                checkEmptyEnough(root);
            }
            OwnerOnly.createDirectories(root);
            ObjectNode d = JSON.createObjectNode();
            d.put("format", FORMAT_VERSION);
            d.put("createdBy", "Vindplaats");
            d.put("created", settings.clock().instant().truncatedTo(ChronoUnit.SECONDS).toString());
            d.put("about", "Trend notes are in notes/ (one Markdown file per note); index/ is a derived"
                    + " search cache that can be deleted and is rebuilt automatically.");
            try {
                AtomicFiles.write(descriptor, (JSON.writeValueAsString(d) + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchFileException e) {
                if (attempt >= CREATE_ATTEMPTS) {
                    throw e;
                }
                pause(attempt);
                continue;
            }
            Path gitignore = root.resolve(".gitignore");
            if (!Files.exists(gitignore)) {
                try {
                    // The index is a derived cache; the lock and crash leftovers are local too.
                    AtomicFiles.write(gitignore, "/index/\n/notes/.lock\n/notes/.*.tmp\n".getBytes(StandardCharsets.UTF_8));
                } catch (NoSuchFileException e) {
                    // Another program creating the workspace at the same moment writes the same file.
                }
            }
            return FORMAT_VERSION;
        }
    }

    private static final int CREATE_ATTEMPTS = 5;

    /**
     * Makes an existing workspace owner-only when its folder, descriptor, notes or index folder can
     * be read by others (made by an older version, copied, or unpacked under a loose umask). Only
     * these are looked at on every open (a few file-system calls); when one is loose the whole tree
     * is walked. Files inside an owner-only folder cannot be reached by others anyway.
     *
     * @return how many files and folders were tightened (0 on file systems without POSIX modes)
     */
    private static int makePrivate(Path root) {
        for (String name : new String[] { "", DESCRIPTOR, NOTES_DIR, INDEX_DIR, ".gitignore" }) {
            if (OwnerOnly.isLoose(name.isEmpty() ? root : root.resolve(name))) {
                return OwnerOnly.tighten(root);
            }
        }
        return 0;
    }

    private static void pause(int attempt) throws IOException {
        try {
            Thread.sleep(20L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while creating the workspace");
        }
    }

    private static void checkEmptyEnough(Path root) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path p : entries) {
                if (isCreationLeftover(p)) {
                    // A crash while this workspace was being created left the temp file of its
                    // descriptor: the folder is still ours, so finish creating it. (It may also be
                    // another program's, renamed or removed by now: either way it is not foreign.)
                    if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        Files.deleteIfExists(p);
                    }
                    continue;
                }
                if (!ALLOWED_IN_NEW.contains(p.getFileName().toString()) && !DESCRIPTOR.equals(p.getFileName().toString())) {
                    throw new WorkspaceException(NLS.bind(Messages.Workspace_notEmpty, root, p.getFileName()));
                }
            }
        }
    }

    private static boolean isCreationLeftover(Path p) {
        String name = p.getFileName().toString();
        // AtomicFiles names a temp file "." + the file's name + "." + random + ".tmp".
        return AtomicFiles.isTempFile(p) && (name.startsWith("." + DESCRIPTOR + ".") || name.startsWith("..gitignore."));
    }

    private static int readFormat(Path descriptor) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(descriptor, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String where = descriptor + (l == null ? "" : ":" + l.getLineNr() + ":" + l.getColumnNr());
            throw new WorkspaceException(NLS.bind(Messages.Workspace_badDescriptor, where, e.getOriginalMessage()), e);
        } catch (NoSuchFileException e) {
            throw new WorkspaceException(NLS.bind(Messages.Workspace_missing, descriptor.getParent()), e);
        }
        JsonNode format = root == null ? null : root.get("format");
        if (format == null || !format.canConvertToInt() || !format.isIntegralNumber() || format.asInt() < 1) {
            throw new WorkspaceException(NLS.bind(Messages.Workspace_badDescriptor, descriptor,
                    Messages.Workspace_noFormat));
        }
        if (format.asInt() > FORMAT_VERSION) {
            throw new WorkspaceException(NLS.bind(Messages.Workspace_newerFormat,
                    new Object[] { descriptor.getParent(), format.asInt(), FORMAT_VERSION }));
        }
        return format.asInt();
    }

    /** The workspace folder (absolute). */
    public Path directory() {
        return directory;
    }

    /** The {@code notes/} folder. */
    public Path notesDirectory() {
        return notes.directory();
    }

    /** The {@code index/} folder, reserved for the search index. */
    public Path indexDirectory() {
        return directory.resolve(INDEX_DIR);
    }

    /** The note store. */
    /** The note editor's crash-safe draft (never read as a note). */
    public Drafts drafts() {
        return drafts;
    }

    public NoteStore notes() {
        return notes;
    }

    /** The format version found in {@code workspace.json}. */
    public int format() {
        return format;
    }

    /** How many temp files from crashed writes were deleted when the workspace was opened. */
    public int cleanedTempFiles() {
        return cleanedTempFiles;
    }

    /**
     * How many files and folders were readable by other users and were made owner-only when the
     * workspace was opened (0 almost always: a workspace this version created is private already).
     */
    public int tightened() {
        return tightened;
    }

    /** A sentence saying the workspace was made private, or null when nothing had to change. */
    public String tightenedMessage() {
        return tightened == 0 ? null : NLS.bind(Messages.Workspace_tightened, directory, tightened);
    }

    /** When the workspace was created, if {@code workspace.json} says so. */
    public Instant created() {
        try {
            JsonNode n = JSON.readTree(directory.resolve(DESCRIPTOR).toFile()).get("created");
            return n == null ? null : Instant.parse(n.asText());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Nothing to release today (no file handles are kept open); present so callers can use try-with-resources. */
    @Override
    public void close() {
        // Listeners belong to their owners; the store keeps no open files between calls.
    }
}
