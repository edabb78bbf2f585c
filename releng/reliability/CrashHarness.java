import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Crash-safety, full-disk and two-process harness for the REAL command-line product.
 *
 * <p>Each crash trial imports thousands of generated notes with {@code vindplaats notes import --ack}
 * into a fresh workspace, kills the JVM with SIGKILL at a seeded random moment (after a number of
 * acknowledged notes, or after a delay that may fall in start-up), checks the workspace as the kill
 * left it, restarts (sometimes killing again) and finally lets an import finish. It fails on any
 * acknowledged note that is missing or changed, any visible note file that is partial or
 * unparseable, a temp file listed as a note, a duplicate, a note written twice, or a final import
 * that does not complete. Then come a full-disk trial on a size-limited tmpfs (when we are root and
 * may mount) and two importers on one workspace at the same time.
 *
 * <pre>
 * java releng/reliability/CrashHarness.java --cli &lt;product home&gt; [--trials 12] [--notes 2000]
 *      [--seed 20261202] [--work target/reliability/work] [--summary target/reliability/crash-summary.json]
 * </pre>
 * Exit code 0 when nothing was lost, 1 when a check failed, 2 for a usage error.
 * Why plain Java with no libraries: it runs from Maven's verify phase and from a shell alike.
 */
public final class CrashHarness {

    // ------------------------------------------------------------------ options and figures

    private Path cliHome;
    private int trials = 12;
    private int notesPerTrial = 2000;
    private long seed = 20261202L;
    private Path work = Path.of("target/reliability/work");
    private Path summaryFile = Path.of("target/reliability/crash-summary.json");
    private boolean fullDisk = true;
    private boolean concurrency = true;

    // Trials may run in parallel (--parallel): the figures are atomic.
    private final AtomicLong trialsRun = new AtomicLong();
    private final AtomicLong kills = new AtomicLong();
    private final AtomicLong killsDuringStartup = new AtomicLong();
    private final AtomicLong rebuildKills = new AtomicLong();
    private final AtomicLong indexChecks = new AtomicLong();
    private final AtomicLong notesAcknowledged = new AtomicLong();
    private final AtomicLong notesVerified = new AtomicLong();
    private final AtomicLong tempFilesSeenAfterKill = new AtomicLong();
    private final AtomicLong runsCompleted = new AtomicLong();
    private int parallel = 1;
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Object> fullDiskFigures = new LinkedHashMap<>();
    private final Map<String, Object> concurrencyFigures = new LinkedHashMap<>();
    private final Map<String, Object> privacyFigures = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        CrashHarness h = new CrashHarness();
        try {
            h.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("crash harness: " + e.getMessage());
            System.err.println("usage: java CrashHarness.java --cli <product home> [--trials N] [--notes N] [--seed S]"
                    + " [--work DIR] [--summary FILE] [--no-full-disk] [--no-concurrency]");
            System.exit(2);
        }
        System.exit(h.run() ? 0 : 1);
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
            case "--cli" -> cliHome = Path.of(value(args, ++i, a));
            case "--trials" -> trials = Integer.parseInt(value(args, ++i, a));
            case "--notes" -> notesPerTrial = Integer.parseInt(value(args, ++i, a));
            case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
            case "--work" -> work = Path.of(value(args, ++i, a));
            case "--summary" -> summaryFile = Path.of(value(args, ++i, a));
            case "--no-full-disk" -> fullDisk = false;
            case "--no-concurrency" -> concurrency = false;
            case "--parallel" -> parallel = Integer.parseInt(value(args, ++i, a));
            default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (cliHome == null || !Files.isDirectory(cliHome.resolve("plugins"))) {
            throw new IllegalArgumentException("--cli must name the materialised CLI product (a folder with plugins/),"
                    + " e.g. releng/org.vindplaats.repository/target/products/org.vindplaats.cli.product/linux/gtk/x86_64;"
                    + " build it with ./mvnw -DskipTests verify");
        }
        if (trials < 1 || notesPerTrial < 10) {
            throw new IllegalArgumentException("--trials must be >= 1 and --notes >= 10");
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private boolean run() throws Exception {
        Instant started = Instant.now();
        if (Files.isDirectory(work.resolve("small-disk"))) {
            // A run that was itself killed may have left its small disk mounted.
            new ProcessBuilder("umount", work.resolve("small-disk").toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }
        deleteTree(work);
        Files.createDirectories(work);
        Files.createDirectories(work.resolve("plugins"));
        log("crash harness: %d trials x %d notes, seed %d, product %s", trials, notesPerTrial, seed, cliHome);
        // One cold start resolves the bundles; every run then starts from a copy of that cache.
        warmConfiguration = work.resolve("configuration").resolve("warm");
        RunResult warm = runCli(List.of("--version"), KillPlan.NEVER, Duration.ofMinutes(3));
        if (warm.exitCode != 0 && warm.exitCode != 2) {
            warmConfiguration = null;
        }

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(parallel);
        for (int i = 0; i < trials; i++) {
            int t = i;
            pool.submit(() -> {
                try {
                    crashTrial(t);
                } catch (Exception e) {
                    fail("trial %d: harness error %s", t, e);
                }
                trialsRun.incrementAndGet();
                try {
                    writeSummary(Duration.between(started, Instant.now()).toSeconds()); // progress survives an abort
                } catch (IOException e) {
                    fail("cannot write %s: %s", summaryFile, e);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(7, TimeUnit.DAYS);
        if (concurrency) {
            try {
                concurrencyTrial();
            } catch (Exception e) {
                fail("concurrency: harness error %s", e);
            }
        }
        try {
            privateFilesTrial();
        } catch (Exception e) {
            fail("private files: harness error %s", e);
        }
        if (fullDisk) {
            try {
                fullDiskTrial();
            } catch (Exception e) {
                fail("full disk: harness error %s", e);
            }
        }
        long seconds = Duration.between(started, Instant.now()).toSeconds();
        writeSummary(seconds);
        if (failures.isEmpty()) {
            log("crash harness: OK: %d trials, %d kills (%d in start-up), %d notes acknowledged before a kill, all"
                    + " intact; %d notes verified; lost 0 (%d s). Summary: %s", trials, kills.get(),
                    killsDuringStartup.get(), notesAcknowledged.get(), notesVerified.get(), seconds, summaryFile);
            return true;
        }
        log("crash harness: FAILED (%d problems); summary: %s", failures.size(), summaryFile);
        failures.stream().limit(50).forEach(f -> System.err.println("  " + f));
        return false;
    }

    // ------------------------------------------------------------------ the crash trials

    private void crashTrial(int t) throws Exception {
        int failuresBefore = failures.size();
        Random random = new Random(seed * 1_000_003L + t);
        Path dir = work.resolve("trial-" + t);
        Files.createDirectories(dir);
        Map<String, Expected> expected = generate(random, notesPerTrial, "t" + t);
        Path input = dir.resolve("notes.jsonl");
        writeJsonLines(input, expected.values());
        Path ws = dir.resolve("workspace");
        Map<String, Integer> acked = new HashMap<>(); // id -> revision
        int extraKills = random.nextInt(3); // 0..2 further kills of the restarted import
        int killsInTrial = 0;
        for (int k = 0; k <= extraKills; k++) {
            KillPlan plan = KillPlan.random(random, notesPerTrial);
            RunResult r = runImport(ws, input, plan, Duration.ofMinutes(5));
            record(t, acked, r);
            if (!r.killed) {
                break; // finished before the kill moment
            }
            kills.incrementAndGet();
            killsInTrial++;
            if (r.acks.isEmpty() && plan.afterAcks < 0) {
                killsDuringStartup.incrementAndGet();
            }
            checkAfterKill(t, ws, expected, acked);
        }
        int ackedBeforeLastRun = acked.size();
        RunResult last = runImport(ws, input, KillPlan.NEVER, Duration.ofMinutes(10));
        record(t, acked, last);
        if (last.exitCode != 0) {
            fail("trial %d: the import after the kill did not complete: exit %d: %s", t, last.exitCode, last.tail());
            return;
        }
        runsCompleted.incrementAndGet();
        checkComplete(t, ws, expected, acked);
        if (t % 2 == 1) {
            rebuildTrial(t, random, ws);
        }
        if (failuresBefore == failures.size()) {
            deleteTree(dir); // keep only what failed, for inspection
        }
        log("trial %3d: %d kill(s) of the import, %d of %d notes acknowledged before the last run, all intact and"
                + " complete", t, killsInTrial, ackedBeforeLastRun, notesPerTrial);
    }

    private void record(int t, Map<String, Integer> acked, RunResult r) {
        for (String[] ack : r.acks) {
            Integer previous = acked.put(ack[0], Integer.parseInt(ack[1]));
            if (previous != null) {
                fail("trial %d: note %s was written again (revision %s after %d): an intact note was not"
                        + " recognised on restart", t, ack[0], ack[1], previous);
            }
            if (r.killed) {
                notesAcknowledged.incrementAndGet();
            }
        }
    }

    /** What the kill left: acknowledged notes intact, every visible note complete, temp files hidden. */
    private void checkAfterKill(int t, Path ws, Map<String, Expected> expected, Map<String, Integer> acked)
            throws IOException {
        Path notes = ws.resolve("notes");
        Map<String, Path> visible = visibleNotes(notes);
        for (Map.Entry<String, Path> e : visible.entrySet()) {
            checkNoteFile(t, "after kill", e.getValue(), e.getKey(), expected);
        }
        for (String id : acked.keySet()) {
            if (!visible.containsKey(id)) {
                fail("trial %d: LOST: note %s was acknowledged but its file is gone after the kill", t, id);
            }
        }
        tempFilesSeenAfterKill.addAndGet(countTempFiles(notes));
    }

    private void checkComplete(int t, Path ws, Map<String, Expected> expected, Map<String, Integer> acked)
            throws Exception {
        Path notes = ws.resolve("notes");
        Map<String, Path> visible = visibleNotes(notes);
        for (Map.Entry<String, Path> e : visible.entrySet()) {
            Parsed p = checkNoteFile(t, "after restart", e.getValue(), e.getKey(), expected);
            if (p != null && p.revision != 1) {
                fail("trial %d: note %s has revision %d: it was written more than once", t, e.getKey(), p.revision);
            }
        }
        for (String id : acked.keySet()) {
            if (!visible.containsKey(id)) {
                fail("trial %d: LOST: note %s was acknowledged but is missing after the restart", t, id);
            }
        }
        Set<String> titles = new HashSet<>();
        for (Path f : visible.values()) {
            Parsed p = parseNote(Files.readString(f, StandardCharsets.UTF_8));
            if (p != null && !titles.add(p.title)) {
                fail("trial %d: DUPLICATE: title \"%s\" is stored twice", t, p.title);
            }
        }
        if (visible.size() != expected.size()) {
            fail("trial %d: %d notes stored, expected exactly %d", t, visible.size(), expected.size());
        }
        int temps = countTempFiles(notes);
        if (temps > 0) {
            fail("trial %d: %d temp files left in %s after a completed import", t, temps, notes);
        }
        // The product's own reading of the workspace agrees: same count, no problems reported.
        RunResult list = runCli(List.of("notes", "list", "--workspace", ws.toString(), "--format", "json"),
                KillPlan.NEVER, Duration.ofMinutes(3));
        if (list.exitCode != 0 || !list.stderr.isBlank()) {
            fail("trial %d: 'notes list' reported problems: exit %d: %s", t, list.exitCode, list.tail());
        } else {
            int listed = countOccurrences(list.stdout, "\"id\" :") + countOccurrences(list.stdout, "\"id\":");
            if (listed != expected.size()) {
                fail("trial %d: 'notes list' shows %d notes, expected %d", t, listed, expected.size());
            }
        }
        checkIndex(t, ws, visible.keySet(), "after the import");
        notesVerified.addAndGet(visible.size());
    }

    /**
     * The search index agrees with the store: every note is found, nothing else. 'search' brings a
     * stale or damaged index up to date first (that is the product's promise after a crash), so
     * this checks the index the way a worker meets it after the restart.
     */
    private void checkIndex(int t, Path ws, Set<String> ids, String when) throws Exception {
        RunResult search = runCli(List.of("search", "--workspace", ws.toString(), "--format", "json", "--limit",
                String.valueOf(ids.size() + 100), "waarneming"), KillPlan.NEVER, Duration.ofMinutes(5));
        if (search.exitCode != 0) {
            fail("trial %d %s: 'search' failed: exit %d: %s", t, when, search.exitCode, search.tail());
            return;
        }
        java.util.regex.Matcher total = java.util.regex.Pattern.compile("\"total\"\\s*:\\s*(\\d+)").matcher(search.stdout);
        Set<String> found = new HashSet<>();
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(search.stdout);
        while (id.find()) {
            found.add(id.group(1));
        }
        if (!total.find() || Long.parseLong(total.group(1)) != ids.size() || !found.equals(ids)) {
            Set<String> missing = new TreeSet<>(ids);
            missing.removeAll(found);
            Set<String> extra = new TreeSet<>(found);
            extra.removeAll(ids);
            fail("trial %d %s: INDEX differs from the store: %d notes, search finds %d; missing %s, extra %s", t, when,
                    ids.size(), found.size(), first(missing), first(extra));
        }
        indexChecks.incrementAndGet();
    }

    private static String first(Set<String> s) {
        return s.size() <= 5 ? s.toString() : s.stream().limit(5).toList() + " and " + (s.size() - 5) + " more";
    }

    /** Kills 'index rebuild' at a random moment; the next search must still find every note. */
    private void rebuildTrial(int t, Random random, Path ws) throws Exception {
        Set<String> ids = visibleNotes(ws.resolve("notes")).keySet();
        RunResult r = runCli(List.of("index", "rebuild", "--workspace", ws.toString()),
                new KillPlan(-1, 1000 + random.nextInt(6000)), Duration.ofMinutes(5));
        if (r.killed) {
            kills.incrementAndGet();
            rebuildKills.incrementAndGet();
        } else if (r.exitCode != 0) {
            fail("trial %d: 'index rebuild' failed: exit %d: %s", t, r.exitCode, r.tail());
        }
        checkIndex(t, ws, ids, r.killed ? "after a killed rebuild" : "after a rebuild");
    }

    // ------------------------------------------------------------------ two processes at once

    private void concurrencyTrial() throws Exception {
        Random random = new Random(seed ^ 0x5EED);
        Path dir = work.resolve("concurrency");
        Files.createDirectories(dir);
        int n = Math.max(200, notesPerTrial / 2);
        Map<String, Expected> all = generate(random, n * 3 / 2, "c");
        List<Expected> list = new ArrayList<>(all.values());
        // A: the first two thirds, B: the last two thirds; the middle third is imported by both.
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        writeJsonLines(a, list.subList(0, n));
        writeJsonLines(b, list.subList(list.size() - n, list.size()));
        Path ws = dir.resolve("workspace");
        RunResult init = runCli(List.of("notes", "list", "--workspace", ws.toString()), KillPlan.NEVER,
                Duration.ofMinutes(2)); // does not create it; both importers race to create it
        if (init.exitCode == 0) {
            fail("concurrency: 'notes list' created a workspace");
        }
        CountDownLatch go = new CountDownLatch(1);
        RunResult[] results = new RunResult[2];
        Thread ta = new Thread(() -> results[0] = awaitAndImport(go, ws, a));
        Thread tb = new Thread(() -> results[1] = awaitAndImport(go, ws, b));
        ta.start();
        tb.start();
        go.countDown();
        ta.join();
        tb.join();
        int inMemory = 0;
        for (int i = 0; i < 2; i++) {
            if (results[i] == null || results[i].exitCode != 0) {
                fail("concurrency: importer %d failed: %s", i, results[i] == null ? "no result" : results[i].tail());
            }
            // The importer that finds the other building the first index waits for it; it used to
            // search a temporary copy in memory ("... on a temporary index in memory").
            if (results[i] != null && results[i].stderr.contains(IN_MEMORY_MESSAGE)) {
                inMemory++;
                fail("concurrency: importer %d fell back to an in-memory index: %s", i, results[i].tail());
            }
        }
        Map<String, Path> visible = visibleNotes(ws.resolve("notes"));
        for (Map.Entry<String, Path> e : visible.entrySet()) {
            checkNoteFile(-1, "two importers", e.getValue(), e.getKey(), all);
        }
        Set<String> acked = new HashSet<>();
        for (RunResult r : results) {
            if (r != null) {
                r.acks.forEach(ack -> {
                    if (!acked.add(ack[0])) {
                        fail("concurrency: note %s was written by both importers (identical content)", ack[0]);
                    }
                });
            }
        }
        if (visible.size() != all.size() || !visible.keySet().containsAll(acked)) {
            fail("concurrency: %d notes stored, expected %d", visible.size(), all.size());
        }
        checkIndex(-1, ws, visible.keySet(), "after two importers");
        concurrencyFigures.put("processes", 2);
        concurrencyFigures.put("notesPerProcess", n);
        concurrencyFigures.put("overlap", 2 * n - all.size());
        concurrencyFigures.put("notesStored", visible.size());
        concurrencyFigures.put("lost", Math.max(0, all.size() - visible.size()));
        concurrencyFigures.put("inMemoryIndexFallbacks", inMemory);
        log("concurrency: two importers, %d notes each, %d shared: %d stored, none lost or written twice", n,
                2 * n - all.size(), visible.size());
        notesVerified.addAndGet(visible.size());
    }

    /** The English index message of an in-memory fallback (the harness runs the CLI in English). */
    private static final String IN_MEMORY_MESSAGE = "temporary index in memory";

    // ------------------------------------------------------------------ private files under umask 000

    /**
     * The JVM cannot change its umask, so the JUnit tests assert modes under the build's umask;
     * this runs the real product under umask 000 (everything would be world-writable without
     * explicit modes) and checks that the workspace, its notes and its index are owner-only, and
     * that a workspace made readable by others is tightened with a message, once.
     */
    private void privateFilesTrial() throws Exception {
        if (!work.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            log("private files: skipped, no POSIX file modes here");
            privacyFigures.put("skipped", "no POSIX file modes");
            return;
        }
        Path dir = work.resolve("private");
        Files.createDirectories(dir);
        Map<String, Expected> notes = generate(new Random(seed ^ 0x600), 50, "p");
        Path input = dir.resolve("notes.jsonl");
        writeJsonLines(input, notes.values());
        Path ws = dir.resolve("workspace");
        RunResult r = runCli(List.of("notes", "import", "--workspace", ws.toString(), input.toString()), KillPlan.NEVER,
                Duration.ofMinutes(3), true);
        if (r.exitCode != 0) {
            fail("private files: the import under umask 000 failed: exit %d: %s", r.exitCode, r.tail());
            return;
        }
        List<String> loose = looseFiles(ws);
        int files;
        try (Stream<Path> all = Files.walk(ws)) {
            files = (int) all.count();
        }
        if (!loose.isEmpty()) {
            fail("private files: under umask 000, %d of %d files and folders are readable by others: %s", loose.size(),
                    files, loose.stream().limit(8).toList());
        }
        try (Stream<Path> all = Files.walk(ws)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString(
                        Files.isDirectory(p) ? "rwxrwxrwx" : "rw-rw-rw-"));
            }
        }
        RunResult first = runCli(List.of("notes", "list", "--workspace", ws.toString()), KillPlan.NEVER,
                Duration.ofMinutes(3), true);
        RunResult second = runCli(List.of("notes", "list", "--workspace", ws.toString()), KillPlan.NEVER,
                Duration.ofMinutes(3), true);
        if (!first.stderr.contains("now private") || !looseFiles(ws).isEmpty()) {
            fail("private files: a workspace readable by others was not tightened with a message: %s; still loose: %s",
                    first.tail(), looseFiles(ws).stream().limit(8).toList());
        }
        if (second.stderr.contains("now private")) {
            fail("private files: the tightening message came twice: %s", second.tail());
        }
        privacyFigures.put("umask", "000");
        privacyFigures.put("filesAndFoldersChecked", files);
        privacyFigures.put("readableByOthers", loose.size());
        log("private files: under umask 000, %d files and folders of a new workspace checked, %d readable by others;"
                + " a loosened workspace was tightened with a message, once", files, loose.size());
    }

    private static List<String> looseFiles(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                String mode = java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                if (!mode.equals("rw-------") && !mode.equals("rwx------")) {
                    out.add(mode + " " + root.relativize(p));
                }
            }
        }
        return out;
    }

    private RunResult awaitAndImport(CountDownLatch go, Path ws, Path input) {
        try {
            go.await();
            return runImport(ws, input, KillPlan.NEVER, Duration.ofMinutes(10));
        } catch (Exception e) {
            fail("concurrency: %s", e);
            return null;
        }
    }

    // ------------------------------------------------------------------ full disk

    private void fullDiskTrial() throws Exception {
        Path mount = work.resolve("small-disk");
        Files.createDirectories(mount);
        String user = System.getProperty("user.name");
        Process m = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        String mountOut = new String(m.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (m.waitFor() != 0) {
            // Not root or not allowed (a container): the store's injected-failure tests cover this case.
            log("full disk: skipped, cannot mount a 3 MB tmpfs as %s (%s); see NoteStoreTest and"
                    + " FaultInjectionTest for the injected write failures", user, mountOut);
            fullDiskFigures.put("skipped", "cannot mount tmpfs: " + mountOut);
            return;
        }
        try {
            Random random = new Random(seed ^ 0xD15C);
            Path ws = mount.resolve("workspace");
            // 1. A first import fits.
            Map<String, Expected> first = generate(random, 100, "d");
            Path firstInput = work.resolve("disk-first.jsonl");
            writeJsonLines(firstInput, first.values());
            RunResult ok = runImport(ws, firstInput, KillPlan.NEVER, Duration.ofMinutes(3));
            if (ok.exitCode != 0) {
                fail("full disk: the first, small import failed: %s", ok.tail());
                return;
            }
            Map<String, byte[]> before = snapshot(ws.resolve("notes"));
            // 2. A second import of large notes cannot fit.
            Map<String, Expected> big = new LinkedHashMap<>();
            for (int i = 0; i < 400; i++) {
                Expected e = new Expected("big-" + i, "Grote waarneming nummer " + i, body(random, 30_000));
                big.put(e.title, e);
            }
            Path bigInput = work.resolve("disk-big.jsonl");
            writeJsonLines(bigInput, big.values());
            RunResult full = runImport(ws, bigInput, KillPlan.NEVER, Duration.ofMinutes(5));
            String all = full.stdout + full.stderr;
            if (full.exitCode == 0) {
                fail("full disk: the import that filled the disk exited 0: %s", full.tail());
            }
            if (full.exitCode == 70) {
                fail("full disk: an internal error (exit 70) instead of a clear message: %s", full.tail());
            }
            if (!all.contains("No space left on device")) {
                fail("full disk: the message does not say the disk is full: %s", full.tail());
            }
            if (!all.contains(mount.resolve("workspace").resolve("notes").toString())) {
                fail("full disk: the message does not name the file: %s", full.tail());
            }
            if (!all.contains("Check free disk space")) {
                fail("full disk: the message does not say how to fix it: %s", full.tail());
            }
            // 3. Nothing partial, the previous state intact, what was acknowledged is complete.
            Map<String, Expected> expected = new HashMap<>(first);
            expected.putAll(big);
            Map<String, Path> visible = visibleNotes(ws.resolve("notes"));
            for (Map.Entry<String, Path> e : visible.entrySet()) {
                checkNoteFile(-1, "full disk", e.getValue(), e.getKey(), expected);
            }
            for (Map.Entry<String, byte[]> e : before.entrySet()) {
                Path f = ws.resolve("notes").resolve(e.getKey());
                if (!Files.exists(f) || !Arrays.equals(e.getValue(), Files.readAllBytes(f))) {
                    fail("full disk: %s changed although the disk was full", f);
                }
            }
            for (String[] ack : full.acks) {
                if (!visible.containsKey(ack[0])) {
                    fail("full disk: LOST: acknowledged note %s is missing", ack[0]);
                }
            }
            int temps = countTempFiles(ws.resolve("notes"));
            if (temps > 0) {
                fail("full disk: %d temp files left on the full disk", temps);
            }
            // 4. The workspace is still readable on the full disk.
            RunResult list = runCli(List.of("notes", "list", "--workspace", ws.toString(), "--format", "json"),
                    KillPlan.NEVER, Duration.ofMinutes(3));
            if (list.exitCode != 0) {
                fail("full disk: 'notes list' fails on the full disk: %s", list.tail());
            }
            // 5. Creating a workspace on a disk that is already full: a clear error, not a crash.
            Path filler = mount.resolve("filler");
            fill(filler);
            RunResult create = runImport(mount.resolve("new-workspace"), firstInput, KillPlan.NEVER,
                    Duration.ofMinutes(3));
            String createText = create.stdout + create.stderr;
            if (create.exitCode == 0 || create.exitCode == 70 || !createText.contains("No space left on device")) {
                fail("full disk: a new workspace on a full disk gave exit %d: %s", create.exitCode, create.tail());
            }
            fullDiskFigures.put("diskBytes", 3 * 1024 * 1024);
            fullDiskFigures.put("notesBefore", before.size());
            fullDiskFigures.put("bigNotesAcknowledged", full.acks.size());
            fullDiskFigures.put("exitCode", full.exitCode);
            fullDiskFigures.put("newWorkspaceExitCode", create.exitCode);
            fullDiskFigures.put("lost", 0);
            String line = all.lines().filter(l -> l.contains("No space left")).findFirst().orElse("");
            fullDiskFigures.put("message", line.strip());
            log("full disk: %d notes kept intact, %d large notes stored before the disk was full, exit %d: %s",
                    before.size(), full.acks.size(), full.exitCode, line.strip());
        } finally {
            new ProcessBuilder("umount", mount.toString()).inheritIO().start().waitFor();
        }
    }

    private static void fill(Path filler) {
        byte[] block = new byte[64 * 1024];
        try (var out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException e) {
            // full: that was the point
        }
    }

    private static Map<String, byte[]> snapshot(Path notes) throws IOException {
        Map<String, byte[]> s = new TreeMap<>();
        for (Map.Entry<String, Path> e : visibleNotes(notes).entrySet()) {
            s.put(e.getValue().getFileName().toString(), Files.readAllBytes(e.getValue()));
        }
        return s;
    }

    // ------------------------------------------------------------------ checking note files

    /** Checks one visible note file completely; returns it parsed, or null after recording a failure. */
    private Parsed checkNoteFile(int t, String when, Path file, String id, Map<String, Expected> expected)
            throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            fail("trial %d %s: PARTIAL: %s is not valid UTF-8 (%d bytes)", t, when, file, bytes.length);
            return null;
        }
        Parsed p = parseNote(text);
        if (p == null) {
            fail("trial %d %s: PARTIAL: %s is not a complete note file (%d bytes)", t, when, file, bytes.length);
            return null;
        }
        if (!id.equals(p.id)) {
            fail("trial %d %s: %s says id %s", t, when, file, p.id);
            return null;
        }
        Expected e = expected.get(p.title);
        if (e == null) {
            fail("trial %d %s: %s has a title that was never imported: \"%s\"", t, when, file, p.title);
            return null;
        }
        if (!normalise(e.body).equals(normalise(p.body))) {
            fail("trial %d %s: CHANGED: the body of %s differs from the imported text (%d vs %d chars)", t, when, file,
                    p.body.length(), e.body.length());
            return null;
        }
        if (e.explicitId && !e.id.equals(p.id)) {
            fail("trial %d %s: %s stored under id %s, imported as %s", t, when, file, p.id, e.id);
        }
        return p;
    }

    record Parsed(String id, long revision, String title, String body) {
    }

    /** The front matter fields the harness needs, or null when the file is not a complete note. */
    static Parsed parseNote(String text) {
        if (!text.startsWith("---\n")) {
            return null;
        }
        int end = text.indexOf("\n---\n", 3);
        if (end < 0) {
            return null;
        }
        String id = null;
        String title = null;
        long revision = -1;
        boolean sawExpires = false;
        boolean sawUpdated = false;
        for (String line : text.substring(4, end).split("\n")) {
            if (line.startsWith("id: ")) {
                id = unquote(line.substring(4));
            } else if (line.startsWith("revision: ")) {
                revision = Long.parseLong(line.substring(10).trim());
            } else if (line.startsWith("title: ")) {
                title = unquote(line.substring(7));
            } else if (line.startsWith("updated: ")) {
                sawUpdated = true;
            } else if (line.startsWith("expires: ")) {
                sawExpires = true;
            }
        }
        String body = text.substring(end + 5);
        // A complete file ends with a newline after its body (or after the front matter when empty).
        if (id == null || title == null || revision < 1 || !sawUpdated || !text.endsWith("\n")) {
            return null;
        }
        return new Parsed(id, revision, title, body.strip());
    }

    private static String unquote(String s) {
        s = s.strip();
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static String normalise(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static Map<String, Path> visibleNotes(Path notes) throws IOException {
        Map<String, Path> m = new TreeMap<>();
        if (!Files.isDirectory(notes)) {
            return m;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(notes, "*.md")) {
            for (Path f : ds) {
                String name = f.getFileName().toString();
                if (!name.startsWith(".")) {
                    m.put(name.substring(0, name.length() - 3), f);
                }
            }
        }
        return m;
    }

    private static int countTempFiles(Path notes) throws IOException {
        if (!Files.isDirectory(notes)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(notes)) {
            return (int) s.filter(f -> f.getFileName().toString().startsWith(".")
                    && f.getFileName().toString().endsWith(".tmp")).count();
        }
    }

    private static int countOccurrences(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }

    // ------------------------------------------------------------------ generated notes

    /** A generated note; every field is a function of the note itself, never of its place in a file. */
    record Expected(String id, String title, String body, boolean explicitId, String platform, String observed) {
        Expected(String id, String title, String body) {
            this(id, title, body, true, "tiktok", "2026-03-01");
        }
    }

    private static final String[] WORDS = ("jongeren delen filmpjes over school en vrienden op het plein na de les"
            + " groep chat trend challenge video reactie meldingen ouders leerkracht jeugdwerker straat park"
            + " avond weekend muziek spel stream verhaal foto delen geruchten pesten steun vraag antwoord hulp"
            + " wijk buurt online offline gesprek samen alleen druk grappig serieus zorg kans risico café één"
            + " naïef coördinatie").split(" ");
    private static final String[] PLATFORMS = { "tiktok", "instagram", "snapchat", "discord", "whatsapp", "youtube" };

    /** Notes keyed by title (titles are unique); one in ten has no id, so the importer derives one. */
    private static Map<String, Expected> generate(Random random, int count, String prefix) {
        Map<String, Expected> m = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String title = "Waarneming " + prefix + "-" + i + " over " + WORDS[random.nextInt(WORDS.length)];
            boolean explicit = random.nextInt(10) != 0;
            String id = explicit ? prefix + "-" + String.format(Locale.ROOT, "%05d", i) : null;
            m.put(title, new Expected(id, title, body(random, 200 + random.nextInt(2800)), explicit,
                    PLATFORMS[random.nextInt(PLATFORMS.length)],
                    String.format(Locale.ROOT, "2026-%02d-%02d", 1 + random.nextInt(9), 1 + random.nextInt(28))));
        }
        return m;
    }

    private static String body(Random random, int chars) {
        StringBuilder b = new StringBuilder();
        while (b.length() < chars) {
            int sentence = 6 + random.nextInt(12);
            for (int w = 0; w < sentence; w++) {
                b.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            }
            b.append(random.nextInt(5) == 0 ? ".\n\n" : ". ");
        }
        return b.toString().strip();
    }

    private static void writeJsonLines(Path file, Iterable<Expected> notes) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Expected e : notes) {
                w.write("{");
                if (e.explicitId) {
                    w.write("\"id\":" + json(e.id) + ",");
                }
                w.write("\"title\":" + json(e.title) + ",\"body\":" + json(e.body) + ",\"platforms\":[\"" + e.platform
                        + "\"],\"observed\":\"" + e.observed + "\",\"lang\":\"nl\",\"source\":\"team observation\"}\n");
            }
        }
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
            case '"' -> b.append("\\\"");
            case '\\' -> b.append("\\\\");
            case '\n' -> b.append("\\n");
            default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }

    // ------------------------------------------------------------------ running the product

    /** When to send SIGKILL: after a number of acknowledgements, or after a delay (maybe in start-up). */
    record KillPlan(int afterAcks, long afterMillis) {
        static final KillPlan NEVER = new KillPlan(-1, -1);

        static KillPlan random(Random random, int notes) {
            return random.nextBoolean() ? new KillPlan(1 + random.nextInt(notes - 1), -1)
                    : new KillPlan(-1, random.nextInt(8000)); // start-up takes 1-5 s: some land in it
        }

        boolean never() {
            return afterAcks < 0 && afterMillis < 0;
        }
    }

    static final class RunResult {
        int exitCode;
        volatile boolean killed;
        final List<String[]> acks = Collections.synchronizedList(new ArrayList<>());
        String stdout = "";
        String stderr = "";

        String tail() {
            String s = (stdout + "\n" + stderr).strip();
            return s.length() > 1500 ? "..." + s.substring(s.length() - 1500) : s;
        }
    }

    private RunResult runImport(Path ws, Path input, KillPlan plan, Duration timeout) throws Exception {
        return runCli(List.of("notes", "import", "--ack", "--workspace", ws.toString(), input.toString()), plan,
                timeout);
    }

    private final AtomicInteger configurations = new AtomicInteger();
    private Path warmConfiguration;

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private RunResult runCli(List<String> args, KillPlan plan, Duration timeout) throws Exception {
        return runCli(args, plan, timeout, false);
    }

    /** @param looseUmask run the product under umask 000 (through sh, as a user's shell would start it) */
    private RunResult runCli(List<String> args, KillPlan plan, Duration timeout, boolean looseUmask) throws Exception {
        Path launcher;
        try (Stream<Path> s = Files.list(cliHome.resolve("plugins"))) {
            launcher = s.filter(p -> p.getFileName().toString().startsWith("org.eclipse.equinox.launcher_")
                    && p.toString().endsWith(".jar")).findFirst().orElseThrow(
                            () -> new IllegalStateException("no equinox launcher in " + cliHome));
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        // Each process gets its own OSGi configuration area: a SIGKILL may interrupt Equinox writing
        // its cache, and the harness is about the notes, not about re-testing Equinox's recovery.
        Path conf;
        if (warmConfiguration == null || !Files.isDirectory(warmConfiguration)) {
            conf = warmConfiguration != null ? warmConfiguration
                    : work.resolve("configuration").resolve("c" + configurations.incrementAndGet());
        } else {
            conf = work.resolve("configuration").resolve("c" + configurations.incrementAndGet());
            copyTree(warmConfiguration, conf);
        }
        List<String> cmd = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-Dosgi.configuration.area=" + conf, "-Dosgi.install.area=" + cliHome, "-Dosgi.nl=en",
                "-Djava.awt.headless=true", "-Dslf4j.internal.verbosity=ERROR", "-Duser.language=en",
                "-Dvindplaats.plugins.dir=" + work.resolve("plugins"), "-jar", launcher.toString(), "-install",
                cliHome.toString(), "-configuration", conf.toString(), "-data", work.resolve("instance").toString(),
                "-nl", "en", "-application", "org.vindplaats.cli.app", "-nosplash"));
        cmd.addAll(args);
        if (looseUmask) {
            cmd.addAll(0, List.of("sh", "-c", "umask 000 && exec \"$@\"", "sh"));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("XDG_DATA_HOME", work.resolve("xdg-data").toString());
        pb.environment().put("VINDPLAATS_LANG", "en");
        pb.environment().remove("VINDPLAATS_WORKSPACE");
        long start = System.nanoTime();
        Process p = pb.start();
        RunResult r = new RunResult();
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        CountDownLatch killAt = new CountDownLatch(1);
        Thread outReader = new Thread(() -> {
            try (BufferedReader br = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = br.readLine()) != null;) {
                    if (line.startsWith("stored ")) {
                        String[] parts = line.split(" ");
                        r.acks.add(new String[] { parts[1], parts[2] });
                        if (plan.afterAcks >= 0 && r.acks.size() >= plan.afterAcks) {
                            killAt.countDown();
                        }
                    } else {
                        out.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                // Killing the process closes its pipe under the reader: expected, and every
                // acknowledgement read before that moment has been recorded.
                if (!r.killed) {
                    throw new UncheckedIOException(e);
                }
            } finally {
                // The process ended before the planned kill (e.g. fewer notes left to acknowledge
                // than the kill point): stop waiting for it.
                killAt.countDown();
            }
        });
        Thread errReader = new Thread(() -> {
            try {
                err.append(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                if (!r.killed) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        outReader.start();
        errReader.start();
        if (!plan.never()) {
            long wait = plan.afterMillis >= 0 ? plan.afterMillis : timeout.toMillis();
            killAt.await(wait, TimeUnit.MILLISECONDS);
            if (p.isAlive()) {
                // destroyForcibly is SIGKILL on Linux: no shutdown hooks, no flushing, like a power cut
                // for the process (the kernel keeps what was written).
                r.killed = true; // before the kill: the readers must know the pipe closes on purpose
                p.destroyForcibly();
            }
        }
        if (!p.waitFor(timeout.toMillis() - (System.nanoTime() - start) / 1_000_000, TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            p.waitFor();
            outReader.join();
            errReader.join();
            r.exitCode = -1;
            r.stdout = out.toString();
            r.stderr = err + "\n(harness: no answer within " + timeout + ", killed)";
            return r;
        }
        outReader.join();
        errReader.join();
        r.exitCode = p.exitValue();
        r.stdout = out.toString();
        r.stderr = err.toString();
        if (!conf.equals(warmConfiguration)) {
            deleteTree(conf);
        }
        return r;
    }

    // ------------------------------------------------------------------ reporting

    private synchronized void fail(String format, Object... args) {
        String f = String.format(Locale.ROOT, format, args);
        failures.add(f);
        System.err.println("FAIL " + f);
    }

    private static void log(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }

    private synchronized void writeSummary(long seconds) throws IOException {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("tool", "releng/reliability/CrashHarness.java");
        s.put("seed", seed);
        s.put("trials", trialsRun.get());
        s.put("parallel", parallel);
        s.put("trialsPlanned", trials);
        s.put("notesPerTrial", notesPerTrial);
        s.put("kills", kills.get());
        s.put("killsDuringStartup", killsDuringStartup.get());
        s.put("killsDuringIndexRebuild", rebuildKills.get());
        s.put("indexChecks", indexChecks.get());
        s.put("notesAcknowledgedBeforeKills", notesAcknowledged.get());
        s.put("notesVerified", notesVerified.get());
        s.put("tempFilesLeftByKills", tempFilesSeenAfterKill.get());
        s.put("importsCompletedAfterKills", runsCompleted.get());
        s.put("concurrency", concurrencyFigures);
        s.put("privateFiles", privacyFigures);
        s.put("fullDisk", fullDiskFigures);
        s.put("failures", failures.size());
        s.put("lost", failures.stream().filter(f -> f.contains("LOST")).count());
        s.put("seconds", seconds);
        s.put("ok", failures.isEmpty());
        Files.createDirectories(summaryFile.toAbsolutePath().getParent());
        Files.writeString(summaryFile, toJson(s, "") + "\n", StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static String toJson(Object o, String indent) {
        if (o instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                return "{}";
            }
            StringBuilder b = new StringBuilder("{\n");
            int i = 0;
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                b.append(indent).append("  ").append(json(e.getKey())).append(": ")
                        .append(toJson(e.getValue(), indent + "  ")).append(++i < m.size() ? ",\n" : "\n");
            }
            return b.append(indent).append("}").toString();
        }
        if (o instanceof Number || o instanceof Boolean) {
            return o.toString();
        }
        return json(String.valueOf(o));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Collections.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a mount point or a busy file: left for the next run's clean start
                }
            });
        }
    }
}
