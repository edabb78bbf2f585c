package org.vindplaats.cli.server;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.vindplaats.cli.Terminal;
import org.vindplaats.cli.client.Frames;

/**
 * Answers commands on a Unix socket, one at a time, with the framework and the catalog already
 * started: a command costs what its own work costs, not the second it takes to start Equinox and
 * read every plugin.
 * <p>
 * It behaves as a fresh process would: each command gets its own output, terminal, working folder
 * and per-command environment; workspaces and indexes are opened and closed by the command, so
 * nothing stays locked between commands. When something a fresh process would read anew has
 * changed under it (installed plugins, settings written by the workbench), it says
 * {@link Frames#RESTART} and stops, and the launcher starts a fresh server. It stops by itself
 * after a while without commands, when its socket is removed, or when the installation changed.
 * Only the owner can reach it: the socket lives in the user's owner-only cache folder and is
 * itself owner-only.
 */
public final class ResidentServer {

    /** Runs one command line as the CLI would. */
    public interface Commands {
        int run(String[] args, PrintWriter out, PrintWriter err, Terminal terminal);
    }

    /** A client that connects but says nothing is let go after this. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration TICK = Duration.ofSeconds(1);

    private final Path socket;
    private final Duration idle;
    private final Commands commands;
    private final Supplier<Object> state;
    private final BooleanSupplier installationChanged;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile long lastUse = System.nanoTime();
    private volatile Object stamp;
    private ServerSocketChannel server;
    private Object socketKey;

    /**
     * @param state               a stamp of what commands read once at start (installed
     *                            plugins, settings); when it changes between commands, the server
     *                            makes way for a fresh one
     * @param installationChanged whether the product was rebuilt or updated under this server
     */
    public ResidentServer(Path socket, Duration idle, Commands commands, Supplier<Object> state,
            BooleanSupplier installationChanged) {
        this.socket = socket;
        this.idle = idle;
        this.commands = commands;
        this.state = state;
        this.installationChanged = installationChanged;
    }

    /** Takes the socket (replacing a stale file left by a server that died). */
    public void bind() throws IOException {
        stamp = state.get();
        Files.deleteIfExists(socket);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        try {
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the owner-only folder around it still guards it
        }
        socketKey = fileKey();
    }

    /** Answers commands until idle, stopped or replaced; returns when the server has stopped. */
    public void serve() {
        Thread watchdog = Thread.ofPlatform().daemon().name("vindplaats-cli-server-watchdog").start(this::watch);
        try {
            while (!stopping.get()) {
                SocketChannel client;
                try {
                    client = server.accept();
                } catch (AsynchronousCloseException e) {
                    break; // stop() closed the socket
                } catch (IOException e) {
                    if (stopping.get()) {
                        break;
                    }
                    continue;
                }
                if (!busy.compareAndSet(false, true)) {
                    // Read its request first: closing on a client still writing would look like "no server".
                    Thread.ofPlatform().daemon().name("vindplaats-cli-busy").start(() -> refuse(client, Frames.BUSY));
                    continue;
                }
                AtomicBoolean released = new AtomicBoolean();
                Runnable release = () -> {
                    if (released.compareAndSet(false, true)) {
                        lastUse = System.nanoTime();
                        busy.set(false);
                    }
                };
                Thread.ofPlatform().name("vindplaats-cli-command").start(() -> {
                    try {
                        handle(client, release);
                    } finally {
                        release.run();
                    }
                });
            }
        } finally {
            stop();
            watchdog.interrupt();
        }
        // A command under way finishes (its client is told how it went) before the framework stops.
        while (busy.get()) {
            sleep(Duration.ofMillis(20));
        }
    }

    /** Stops taking commands and removes the socket (when it is still ours). */
    public void stop() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        try {
            if (Objects.equals(fileKey(), socketKey)) {
                Files.deleteIfExists(socket);
            }
        } catch (IOException e) {
            // gone already
        }
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            // closing
        }
    }

    private void watch() {
        while (!stopping.get()) {
            sleep(TICK);
            boolean idleTooLong = !busy.get() && System.nanoTime() - lastUse > idle.toNanos();
            if (idleTooLong || !Objects.equals(fileKey(), socketKey) || installationChanged.getAsBoolean()) {
                stop();
            }
        }
    }

    /** @param release frees the server for the next command (before the client hears the exit code, which may come at once) */
    private void handle(SocketChannel client, Runnable release) {
        try (client) {
            DataOutputStream toClient = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(client)));
            DataInputStream fromClient = new DataInputStream(new BufferedInputStream(Channels.newInputStream(client)));
            Frames.Request request = readRequest(client, fromClient);
            if (request == null) {
                return;
            }
            if (!Objects.equals(stamp, state.get())) {
                // Plugins or settings changed since the last command: a fresh server reads them.
                stop();
                Frames.write(toClient, Frames.RESTART, new byte[0]);
                return;
            }
            Frames.write(toClient, Frames.ACCEPTED, new byte[0]);
            RemoteTerminal terminal = new RemoteTerminal(request, toClient);
            Thread listener = Thread.ofPlatform().daemon().name("vindplaats-cli-client").start(() -> listen(fromClient, terminal));
            PrintWriter out = writer(toClient, Frames.OUT);
            PrintWriter err = writer(toClient, Frames.ERR);
            int code;
            try {
                code = commands.run(request.args().toArray(String[]::new), out, err, terminal);
            } catch (RuntimeException | LinkageError e) {
                err.println("vindplaats: " + e);
                code = 70;
            }
            out.flush();
            err.flush();
            stamp = state.get();
            release.run();
            try {
                Frames.writeExit(toClient, code);
            } catch (IOException e) {
                // the client went away; the command's work is done and saved
            }
            listener.interrupt();
        } catch (IOException e) {
            // the client went away before the command started: nothing ran
        }
    }

    /** The request, or null when the client said nothing useful in time. */
    private static Frames.Request readRequest(SocketChannel client, DataInputStream in) {
        AtomicBoolean received = new AtomicBoolean();
        Thread timer = Thread.ofPlatform().daemon().start(() -> {
            sleep(REQUEST_TIMEOUT);
            if (!received.get()) {
                try {
                    client.close();
                } catch (IOException e) {
                    // closing
                }
            }
        });
        try {
            Frames.Frame f = Frames.read(in);
            received.set(true);
            timer.interrupt();
            return f.type() == Frames.REQUEST ? Frames.Request.decode(f.payload()) : null;
        } catch (IOException e) {
            return null;
        } finally {
            received.set(true);
        }
    }

    /** Reads answers from the client; its going away cancels the command's long work. */
    private static void listen(DataInputStream fromClient, RemoteTerminal terminal) {
        try {
            while (true) {
                Frames.Frame f = Frames.read(fromClient);
                if (f.type() == Frames.ANSWER) {
                    terminal.answer(f.payload());
                }
            }
        } catch (IOException e) {
            terminal.gone();
        }
    }

    private static PrintWriter writer(DataOutputStream toClient, byte type) {
        OutputStream frames = new OutputStream() {
            private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

            @Override
            public void write(int b) {
                pending.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                pending.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                if (pending.size() > 0) {
                    byte[] bytes = pending.toByteArray();
                    pending.reset();
                    Frames.write(toClient, type, bytes);
                }
            }
        };
        return new PrintWriter(new OutputStreamWriter(frames, StandardCharsets.UTF_8), true);
    }

    private static void refuse(SocketChannel client, byte why) {
        try (client) {
            readRequest(client, new DataInputStream(new BufferedInputStream(Channels.newInputStream(client))));
            Frames.write(new DataOutputStream(Channels.newOutputStream(client)), why, new byte[0]);
        } catch (IOException e) {
            // it went away
        }
    }

    private Object fileKey() {
        try {
            return Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
