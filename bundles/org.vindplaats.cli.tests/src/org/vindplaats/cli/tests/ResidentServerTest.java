package org.vindplaats.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.vindplaats.cli.CliRuntime;
import org.vindplaats.cli.ExitCodes;
import org.vindplaats.cli.client.CliClient;
import org.vindplaats.cli.client.Frames;
import org.vindplaats.cli.server.ResidentServer;

/**
 * The resident CLI server and the launcher's client, end to end over a real Unix socket with the
 * real catalog: a served command answers exactly as the command run in-process does, paths are
 * taken from the folder the person typed them in, passwords are asked through the client, and the
 * server steps aside when busy, out of date, idle or its socket is gone.
 */
class ResidentServerTest {

    @TempDir
    Path dir;

    private ResidentServer server;
    private Thread serving;
    private CliRuntime runtime;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.stop();
            serving.join(10_000);
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    private Path start(Duration idle, ResidentServer.Commands commands, java.util.function.Supplier<Object> state)
            throws IOException {
        Path socket = dir.resolve("cli-test.sock");
        server = new ResidentServer(socket, idle, commands, state, () -> false);
        server.bind();
        serving = Thread.ofPlatform().start(server::serve);
        return socket;
    }

    private Path startReal() throws Exception {
        CliHarness.catalog();
        runtime = new CliRuntime(FrameworkUtil.getBundle(CliRuntime.class).getBundleContext());
        assertTrue(runtime.awaitServices());
        return start(Duration.ofMinutes(5), runtime::run, () -> "same");
    }

    record Served(int exitCode, String out, String err) {
    }

    private static Served ask(Path socket, Path cwd, boolean interactive, Map<String, String> env,
            CliClient.PasswordReader passwords, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CliClient.run(socket, 5_000, () -> true, CliClient.request(cwd, interactive, env, args), out, err,
                passwords, log -> "server died, see " + log);
        return new Served(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Served ask(Path socket, String... args) {
        return ask(socket, dir, false, Map.of(), p -> null, args);
    }

    @Test
    void servedCommandsAnswerAsTheCommandInProcessDoes() throws Exception {
        Path socket = startReal();
        Path ws = dir.resolve("ws");
        Path notes = dir.resolve("notes.jsonl");
        Files.writeString(notes, """
                {"id":"n1","title":"Nieuwe challenge op TikTok","body":"Jongeren dagen elkaar uit op TikTok.","observed":"2026-11-02","platforms":["tiktok"],"lang":"nl"}
                """);
        assertEquals(ExitCodes.OK, ask(socket, "notes", "import", "--workspace", ws.toString(), notes.toString()).exitCode());
        List<String[]> commands = List.of(
                new String[] { "platforms" },
                new String[] { "platform", "show", "tiktok", "--format", "json" },
                new String[] { "compare", "tiktok", "snapchat" },
                new String[] { "platforms", "--bogus" },
                new String[] { "platfroms" },
                new String[] { "notes", "list", "--workspace", ws.toString() },
                new String[] { "search", "--workspace", ws.toString(), "challenge" },
                new String[] { "--help" });
        for (String[] args : commands) {
            Served served = ask(socket, args);
            CliHarness.Result direct = CliHarness.run(Locale.getDefault(), args);
            String what = String.join(" ", args);
            assertEquals(direct.exitCode(), served.exitCode(), what);
            assertEquals(direct.out(), served.out(), what);
            assertEquals(direct.err(), served.err(), what);
        }
        // Nothing stays locked between commands: the workspace opens again in this process.
        assertEquals(ExitCodes.OK, CliHarness.run("notes", "list", "--workspace", ws.toString()).exitCode());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
    }

    /**
     * A service warns about a plugin once (when it first reads it); a served command after that
     * must still say it, as a command in its own process would.
     */
    @Test
    void aPluginProblemFoundWhileOneCommandRanIsToldToEveryLaterCommandOnce() throws Exception {
        CliHarness.catalog();
        runtime = new CliRuntime(FrameworkUtil.getBundle(CliRuntime.class).getBundleContext());
        assertTrue(runtime.awaitServices());
        String problem = "lexicon.json line 3: an unknown need 'identiteit' (test); use one of the six need ids";
        // The workspace's folder is looked up while the command runs: the warning comes mid-command,
        // as a broken lexicon found by the suggester's first training does.
        org.vindplaats.cli.Terminal warnsMidCommand = new org.vindplaats.cli.Terminal() {
            @Override
            public boolean interactive() {
                return false;
            }

            @Override
            public String environment(String name) {
                return null;
            }

            @Override
            public char[] readPassword(String prompt) {
                return null;
            }

            @Override
            public Path path(String typed) {
                org.eclipse.core.runtime.ILog.of(org.vindplaats.app.NoteSuggestions.class).warn(problem);
                return dir.resolve(typed);
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
        String ws = dir.resolve("ws").toString();
        for (int i = 0; i < 2; i++) {
            java.io.StringWriter err = new java.io.StringWriter();
            runtime.run(new String[] { "notes", "list", "--workspace", ws }, new java.io.PrintWriter(new java.io.StringWriter()),
                    new java.io.PrintWriter(err, true), warnsMidCommand);
            assertEquals(1, err.toString().split(java.util.regex.Pattern.quote(problem), -1).length - 1,
                    "said once, also when it is logged again: " + err);
            java.io.StringWriter later = new java.io.StringWriter();
            runtime.run(new String[] { "platforms" }, new java.io.PrintWriter(new java.io.StringWriter()),
                    new java.io.PrintWriter(later, true), org.vindplaats.cli.Terminal.local());
            assertTrue(later.toString().contains("vindplaats: " + problem), "a later command says it too: " + later);
        }
        // A served command changes the plugins (the server does not step aside for its own
        // commands): the kept warning may be about a plugin that is gone, and is said no more.
        Path folder = dir.resolve("plugin");
        assertEquals(ExitCodes.OK, runQuietly(new String[] { "plugin", "new", "platform", "warnweg", "--dir", folder.toString() }));
        try {
            assertEquals(ExitCodes.OK, runQuietly(new String[] { "plugin", "install", folder.resolve("warnweg").toString() }));
            java.io.StringWriter after = new java.io.StringWriter();
            runtime.run(new String[] { "platforms" }, new java.io.PrintWriter(new java.io.StringWriter()),
                    new java.io.PrintWriter(after, true), org.vindplaats.cli.Terminal.local());
            assertFalse(after.toString().contains(problem), "said after the plugins changed: " + after);
        } finally {
            runQuietly(new String[] { "plugin", "uninstall", "warnweg" });
        }
    }

    private int runQuietly(String[] args) {
        return runtime.run(args, new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(new java.io.StringWriter()), org.vindplaats.cli.Terminal.local());
    }

    @Test
    void relativePathsAreTakenFromTheFolderTheCommandWasTypedIn() throws Exception {
        Path socket = startReal();
        Path typedIn = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(typedIn.resolve("notes.jsonl"), """
                {"id":"r1","title":"Groepsapp over een feest","body":"Een groepsapp waar een feest wordt gepland.","observed":"2026-11-03","lang":"nl"}
                """);
        Served imported = ask(socket, typedIn, false, Map.of(), p -> null, "notes", "import", "--workspace", "ws", "notes.jsonl");
        assertEquals(ExitCodes.OK, imported.exitCode(), imported.err());
        assertTrue(Files.isDirectory(typedIn.resolve("ws/notes")), "the workspace is made where the command was typed");
        Served created = ask(socket, typedIn, false, Map.of(), p -> null, "plugin", "new", "platform", "demo-app");
        assertEquals(ExitCodes.OK, created.exitCode(), created.err());
        assertTrue(Files.isDirectory(typedIn.resolve("demo-app")), created.out());
    }

    @Test
    void passwordsAreAskedThroughTheClientAndTheEnvironmentTravelsWithTheCommand() throws Exception {
        Path socket = startReal();
        AtomicInteger asked = new AtomicInteger();
        Served made = ask(socket, dir, true, Map.of(), prompt -> {
            asked.incrementAndGet();
            return "correct horse battery".toCharArray();
        }, "keys", "new", "--name", "Kenniscentrum", "--keystore", "keys/centre.p12");
        assertEquals(ExitCodes.OK, made.exitCode(), made.err());
        assertEquals(2, asked.get(), "asked twice: the password and its confirmation");
        assertTrue(Files.isRegularFile(dir.resolve("keys/centre.p12")));

        // Not at a terminal and no password given: the command says how to give one.
        Served refused = ask(socket, dir, false, Map.of(), prompt -> fail(), "keys", "new", "--name", "X", "--keystore", "k2.p12");
        assertEquals(ExitCodes.USAGE, refused.exitCode());
        assertTrue(refused.err().contains("VINDPLAATS_KEY_PASSWORD"), refused.err());
        // The variable set for this command counts, although the server never had it.
        Served fromEnv = ask(socket, dir, false, Map.of("VINDPLAATS_KEY_PASSWORD", "correct horse battery"), prompt -> fail(),
                "keys", "new", "--name", "Y", "--keystore", "k3.p12");
        assertEquals(ExitCodes.OK, fromEnv.exitCode(), fromEnv.err());
    }

    private static char[] fail() {
        throw new AssertionError("nobody should have been asked");
    }

    @Test
    void aBusyServerSendsTheCommandElsewhereAndACommandWhoseClientLeftIsCancelled() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        Path socket = start(Duration.ofMinutes(5), (args, out, err, terminal) -> {
            if (args[0].equals("long")) {
                running.countDown();
                for (int i = 0; i < 500 && !terminal.cancelled(); i++) {
                    sleep(20);
                }
                if (terminal.cancelled()) {
                    cancelled.countDown();
                }
                return 1;
            }
            out.println("quick");
            return 0;
        }, () -> "same");
        try (SocketChannel raw = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            raw.connect(UnixDomainSocketAddress.of(socket));
            DataOutputStream toServer = new DataOutputStream(Channels.newOutputStream(raw));
            Frames.write(toServer, Frames.REQUEST, CliClient.request(dir, false, Map.of(), "long").encode());
            assertEquals(Frames.ACCEPTED, Frames.read(new DataInputStream(Channels.newInputStream(raw))).type());
            assertTrue(running.await(10, TimeUnit.SECONDS));
            assertEquals(CliClient.SERVER_BUSY, ask(socket, "quick").exitCode(), "busy: nothing ran");
        } // the client goes away (Ctrl+C)
        assertTrue(cancelled.await(10, TimeUnit.SECONDS), "the long command saw its client go");
        Served after = waitUntilFree(socket);
        assertEquals(0, after.exitCode());
        assertEquals("quick" + System.lineSeparator(), after.out());
    }

    private Served waitUntilFree(Path socket) {
        for (int i = 0; i < 200; i++) {
            Served s = ask(socket, "quick");
            if (s.exitCode() != CliClient.SERVER_BUSY) {
                return s;
            }
            sleep(20);
        }
        throw new AssertionError("still busy");
    }

    @Test
    void whenWhatItReadAtStartChangedTheServerStepsAsideBeforeRunningAnything() throws Exception {
        AtomicInteger plugins = new AtomicInteger();
        AtomicBoolean ran = new AtomicBoolean();
        Path socket = start(Duration.ofMinutes(5), (args, out, err, terminal) -> {
            ran.set(true);
            return 0;
        }, plugins::get);
        assertEquals(0, ask(socket, "x").exitCode());
        ran.set(false);
        plugins.incrementAndGet(); // e.g. the workbench installed a plugin
        assertEquals(CliClient.NO_SERVER, ask(socket, "x").exitCode());
        assertFalse(ran.get(), "the out-of-date server ran nothing");
        serving.join(10_000);
        assertFalse(serving.isAlive(), "it stopped");
        assertFalse(Files.exists(socket), "and removed its socket");
    }

    @Test
    void itStopsWhenIdleOrWhenItsSocketIsRemoved() throws Exception {
        Path socket = start(Duration.ofSeconds(1), (args, out, err, terminal) -> 0, () -> "same");
        serving.join(10_000);
        assertFalse(serving.isAlive(), "idle for a second: stopped");
        assertFalse(Files.exists(socket));
        assertEquals(CliClient.NO_SERVER, ask(socket, "x").exitCode());

        Path second = start(Duration.ofMinutes(5), (args, out, err, terminal) -> 0, () -> "same");
        Files.delete(second);
        serving.join(10_000);
        assertFalse(serving.isAlive(), "socket removed: stopped");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
