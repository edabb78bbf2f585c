package org.vindplaats.notes;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Seams in the atomic write sequence, so tests can make a write fail half-way (a full disk) or stop
 * between the temp file and the rename (a crash). Production code uses {@link #NONE}.
 */
interface WriteHooks {

    WriteHooks NONE = new WriteHooks() {
    };

    /** Writes {@code data} to the temp file's channel. */
    default void write(FileChannel channel, ByteBuffer data, Path temp) throws IOException {
        while (data.hasRemaining()) {
            channel.write(data);
        }
    }

    /** Called after the temp file is written and forced to disk, before it replaces the target. */
    default void beforeMove(Path temp, Path target) throws IOException {
    }
}
