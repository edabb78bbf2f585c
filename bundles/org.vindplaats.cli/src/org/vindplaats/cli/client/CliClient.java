package org.vindplaats.cli.client;

import java.io.BufferedOutputStream;
import java.io.Console;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The launcher's thin client: hands one command to the resident CLI server over its Unix socket
 * and plays back what the server prints, asks and returns. It starts in about a tenth of a
 * second because it is plain Java from this bundle's jar: no OSGi framework, no plugins.
 *
 * <pre>java -cp org.vindplaats.cli.jar org.vindplaats.cli.client.CliClient SOCKET [--wait SECONDS] [--server PID] [--nl nl|en] -- ARGS...</pre>
 *
 * Exit codes besides the command's own: {@value #NO_SERVER} when no server answered (the launcher
 * then starts one, or runs the command itself), {@value #SERVER_BUSY} when the server is running
 * another command (the launcher runs this one as a process of its own).
 */
public final class CliClient {

    /** No server answered (EX_TEMPFAIL): nothing was run. */
    public static final int NO_SERVER = 75;
    /** The server is busy with another command: nothing was run. */
    public static final int SERVER_BUSY = 76;
    /** Same as the CLI's ExitCodes.INTERNAL. */
    static final int INTERNAL = 70;

    private CliClient() {
    }

    /** Asks the person for a password; null when nobody can answer. */
    public interface PasswordReader {
        char[] read(String prompt);
    }

    public static void main(String[] argv) {
        Path socket = null;
        long waitMillis = 0;
        long serverPid = 0;
        String nl = "en";
        int i = 0;
        for (; i < argv.length && !argv[i].equals("--"); i++) {
            switch (argv[i]) {
            case "--wait" -> waitMillis = Long.parseLong(argv[++i]) * 1000;
            case "--server" -> serverPid = Long.parseLong(argv[++i]);
            case "--nl" -> nl = argv[++i];
            default -> socket = Path.of(argv[i]);
            }
        }
        List<String> args = i < argv.length ? Arrays.asList(argv).subList(i + 1, argv.length) : List.of();
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : Frames.PER_COMMAND_ENVIRONMENT) {
            String v = System.getenv(name);
            if (v != null) {
                env.put(name, v);
            }
        }
        // -Djdk.console=java.base (the launcher passes it): a console only when input and output are a terminal.
        Console console = System.console();
        Frames.Request request = new Frames.Request(List.copyOf(args), Path.of("").toAbsolutePath().toString(),
                console != null, env);
        long pid = serverPid;
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        OutputStream err = new FileOutputStream(FileDescriptor.err);
        int code = run(socket, waitMillis, pid == 0 ? () -> true : () -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                request, out, err, prompt -> console == null ? null : console.readPassword("%s", prompt),
                diedMessage(nl));
        System.exit(code);
    }

    static Function<Path, String> diedMessage(String nl) {
        return log -> "nl".equals(nl)
                ? "vindplaats: het achtergrondproces stopte onverwacht tijdens de opdracht; voer ze opnieuw uit. Wat het meldde: " + log
                : "vindplaats: the background process stopped unexpectedly during the command; run it again. What it said: " + log;
    }

    /**
     * Runs one command on the server at {@code socket}, waiting up to {@code waitMillis} for it to
     * accept (while {@code serverAlive} says the server being started still lives).
     *
     * @return the command's exit code, or {@link #NO_SERVER} / {@link #SERVER_BUSY} when nothing ran
     */
    public static int run(Path socket, long waitMillis, java.util.function.BooleanSupplier serverAlive, Frames.Request request,
            OutputStream out, OutputStream err, PasswordReader passwords, Function<Path, String> died) {
        if (socket == null) {
            return NO_SERVER;
        }
        SocketChannel channel = connect(socket, waitMillis, serverAlive);
        if (channel == null) {
            return NO_SERVER;
        }
        boolean started = false;
        try (channel) {
            DataOutputStream toServer = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
            DataInputStream fromServer = new DataInputStream(new java.io.BufferedInputStream(Channels.newInputStream(channel)));
            Frames.write(toServer, Frames.REQUEST, request.encode());
            while (true) {
                Frames.Frame f;
                try {
                    f = Frames.read(fromServer);
                } catch (EOFException | java.net.SocketException e) {
                    if (!started) {
                        return NO_SERVER; // it stopped before taking the command (idle exit): nothing ran
                    }
                    flushQuietly(out);
                    err.write((died.apply(logOf(socket)) + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
                    err.flush();
                    return INTERNAL;
                }
                switch (f.type()) {
                case Frames.ACCEPTED -> started = true;
                case Frames.RESTART -> {
                    return NO_SERVER;
                }
                case Frames.BUSY -> {
                    return SERVER_BUSY;
                }
                case Frames.OUT -> {
                    writeQuietly(out, f.payload());
                }
                case Frames.ERR -> {
                    flushQuietly(out); // keep the order a terminal would show
                    err.write(f.payload());
                    err.flush();
                }
                case Frames.ASK_PASSWORD -> {
                    flushQuietly(out);
                    char[] answer = passwords.read(f.text());
                    Frames.write(toServer, Frames.ANSWER, answer == null ? new byte[0] : encode(answer));
                    if (answer != null) {
                        Arrays.fill(answer, '\0');
                    }
                }
                case Frames.EXIT -> {
                    flushQuietly(out);
                    return Frames.exitCode(f);
                }
                default -> throw new IOException("unexpected frame " + (char) f.type());
                }
            }
        } catch (IOException e) {
            if (!started) {
                return NO_SERVER;
            }
            flushQuietly(out);
            try {
                err.write((died.apply(logOf(socket)) + " (" + e.getMessage() + ")" + System.lineSeparator())
                        .getBytes(StandardCharsets.UTF_8));
                err.flush();
            } catch (IOException ignored) {
                // nowhere left to say it
            }
            return INTERNAL;
        }
    }

    /** The server's log beside its socket (the launcher's choice). */
    static Path logOf(Path socket) {
        String name = socket.getFileName().toString();
        return socket.resolveSibling(name.replaceFirst("\\.sock$", "") + ".log");
    }

    private static SocketChannel connect(Path socket, long waitMillis, java.util.function.BooleanSupplier serverAlive) {
        long deadline = System.nanoTime() + waitMillis * 1_000_000;
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(socket);
        while (true) {
            try {
                SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX);
                try {
                    c.connect(address);
                    return c;
                } catch (IOException e) {
                    c.close();
                    throw e;
                }
            } catch (IOException e) {
                if (System.nanoTime() >= deadline || !serverAlive.getAsBoolean()) {
                    return null;
                }
                try {
                    Thread.sleep(15);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        }
    }

    private static byte[] encode(char[] chars) {
        java.nio.ByteBuffer b = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(chars));
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    /** Output to a closed pipe (| head) is dropped; the command still finishes and says how it went. */
    private static void writeQuietly(OutputStream out, byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            // the reader went away
        }
    }

    private static void flushQuietly(OutputStream out) {
        try {
            out.flush();
        } catch (IOException e) {
            // the reader went away
        }
    }

    /** For tests: the arguments as a request typed in {@code cwd}. */
    public static Frames.Request request(Path cwd, boolean interactive, Map<String, String> env, String... args) {
        return new Frames.Request(new ArrayList<>(List.of(args)), cwd.toAbsolutePath().toString(), interactive, env);
    }
}
