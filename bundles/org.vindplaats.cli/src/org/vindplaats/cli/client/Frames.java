package org.vindplaats.cli.client;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the launcher's client and the resident CLI server say to each other over their Unix
 * socket: frames of a type byte, a length and a payload. Plain Java only: the client runs outside
 * OSGi, straight from this bundle's jar, so it starts in a tenth of a second.
 */
public final class Frames {

    /** Raised when client and server come from different builds (the launcher keys servers by build, so rare). */
    public static final int VERSION = 1;

    // client -> server
    /** The command: see {@link Request}. Sent once, first. */
    public static final byte REQUEST = 'R';
    /** The answer to {@link #ASK_PASSWORD}; an empty payload when there is nobody to ask. */
    public static final byte ANSWER = 'A';

    // server -> client
    /** The server took the command and runs it (from here on, a lost connection means it may have run). */
    public static final byte ACCEPTED = 'K';
    /** Bytes for standard output. */
    public static final byte OUT = 'O';
    /** Bytes for standard error. */
    public static final byte ERR = 'E';
    /** Ask for a password on the terminal (payload: the prompt). */
    public static final byte ASK_PASSWORD = 'P';
    /** The command ended (payload: its exit code, 4 bytes). */
    public static final byte EXIT = 'X';
    /** The server is out of date (plugins or settings changed under it) and stops: start another. */
    public static final byte RESTART = 'S';
    /** The server is running another command: run this one as a process of its own. */
    public static final byte BUSY = 'B';

    /**
     * Environment variables that may differ between commands one server answers: they travel
     * with each command. Every other variable the program reads is part of the server's key (the
     * launcher starts one server per distinct environment), see the launcher script.
     */
    public static final List<String> PER_COMMAND_ENVIRONMENT = List.of("NO_COLOR", "TERM", "COLUMNS",
            "VINDPLAATS_KEY_PASSWORD");

    /** A frame larger than this is a broken peer, not a command. */
    static final int MAX_PAYLOAD = 64 << 20;

    private Frames() {
    }

    public record Frame(byte type, byte[] payload) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    /**
     * One command: the arguments, the folder it was typed in, whether input and output are a
     * terminal, and the {@link #PER_COMMAND_ENVIRONMENT} variables that are set.
     */
    public record Request(List<String> args, String workingDirectory, boolean interactive, Map<String, String> environment) {

        public byte[] encode() {
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                DataOutputStream out = new DataOutputStream(bytes);
                out.writeInt(VERSION);
                writeString(out, workingDirectory);
                out.writeBoolean(interactive);
                out.writeInt(environment.size());
                for (Map.Entry<String, String> e : environment.entrySet()) {
                    writeString(out, e.getKey());
                    writeString(out, e.getValue());
                }
                out.writeInt(args.size());
                for (String a : args) {
                    writeString(out, a);
                }
                out.flush();
                return bytes.toByteArray();
            } catch (IOException e) {
                throw new IllegalStateException(e); // in memory
            }
        }

        public static Request decode(byte[] payload) throws IOException {
            DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(payload));
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException("client speaks version " + version + ", this server " + VERSION);
            }
            String cwd = readString(in);
            boolean interactive = in.readBoolean();
            Map<String, String> env = new LinkedHashMap<>();
            for (int i = count(in); i > 0; i--) {
                env.put(readString(in), readString(in));
            }
            List<String> args = new ArrayList<>();
            for (int i = count(in); i > 0; i--) {
                args.add(readString(in));
            }
            return new Request(List.copyOf(args), cwd, interactive, env);
        }
    }

    public static void write(DataOutputStream out, byte type, byte[] payload) throws IOException {
        synchronized (out) {
            out.writeByte(type);
            out.writeInt(payload.length);
            out.write(payload);
            out.flush();
        }
    }

    public static void write(DataOutputStream out, byte type, String text) throws IOException {
        write(out, type, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void writeExit(DataOutputStream out, int code) throws IOException {
        write(out, EXIT, new byte[] { (byte) (code >>> 24), (byte) (code >>> 16), (byte) (code >>> 8), (byte) code });
    }

    public static int exitCode(Frame f) {
        byte[] p = f.payload();
        return (p[0] & 0xff) << 24 | (p[1] & 0xff) << 16 | (p[2] & 0xff) << 8 | p[3] & 0xff;
    }

    /** The next frame; {@link java.io.EOFException} when the peer closed. */
    public static Frame read(DataInputStream in) throws IOException {
        byte type = in.readByte();
        int length = in.readInt();
        if (length < 0 || length > MAX_PAYLOAD) {
            throw new IOException("frame of " + length + " bytes");
        }
        byte[] payload = new byte[length];
        in.readFully(payload);
        return new Frame(type, payload);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = count(in);
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_PAYLOAD) {
            throw new IOException("bad length " + n);
        }
        return n;
    }
}
