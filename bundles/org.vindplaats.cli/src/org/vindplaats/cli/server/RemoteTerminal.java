package org.vindplaats.cli.server;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.vindplaats.cli.Terminal;
import org.vindplaats.cli.client.Frames;

/**
 * The terminal of a person whose command the resident server runs: what their client said about
 * it (terminal or not, per-command environment, working folder), questions asked through the
 * client, and whether the client is still there.
 */
final class RemoteTerminal implements Terminal {

    private final Frames.Request request;
    private final Path workingDirectory;
    private final DataOutputStream toClient;
    private final BlockingQueue<Optional<byte[]>> answers = new LinkedBlockingQueue<>();
    private volatile boolean gone;

    RemoteTerminal(Frames.Request request, DataOutputStream toClient) {
        this.request = request;
        this.workingDirectory = Path.of(request.workingDirectory());
        this.toClient = toClient;
    }

    @Override
    public boolean interactive() {
        return request.interactive();
    }

    @Override
    public String environment(String name) {
        // The variables that travel with each command come from the client; the server was
        // started with the same values for all others (the launcher keys servers by them).
        return Frames.PER_COMMAND_ENVIRONMENT.contains(name) ? request.environment().get(name) : System.getenv(name);
    }

    @Override
    public char[] readPassword(String prompt) {
        if (gone) {
            return null;
        }
        try {
            Frames.write(toClient, Frames.ASK_PASSWORD, prompt);
            Optional<byte[]> answer = answers.take();
            if (answer.isEmpty() || answer.get().length == 0) {
                return null;
            }
            byte[] bytes = answer.get();
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
            Arrays.fill(bytes, (byte) 0);
            char[] out = new char[chars.remaining()];
            chars.get(out);
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public Path path(String typed) {
        return workingDirectory.resolve(typed);
    }

    @Override
    public boolean cancelled() {
        return gone;
    }

    /** The client answered a question. */
    void answer(byte[] payload) {
        answers.add(Optional.of(payload));
    }

    /** The client went away (Ctrl+C, a closed terminal): long work stops, questions get no answer. */
    void gone() {
        gone = true;
        answers.add(Optional.empty());
    }
}
