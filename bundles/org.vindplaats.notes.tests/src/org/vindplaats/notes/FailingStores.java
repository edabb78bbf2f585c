package org.vindplaats.notes;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

import org.vindplaats.notes.pii.PiiScrubber;
import org.vindplaats.notes.testsupport.TestData;

/** Stores whose writes fail, for tests in other packages (the write hooks are package-private). */
public final class FailingStores {

    private FailingStores() {
    }

    /** A store on {@code notesDir} where every write fails half-way with "No space left on device". */
    public static NoteStore fullDisk(Path notesDir) throws IOException {
        return new NoteStore(notesDir, PiiScrubber.standard(), TestData.CLOCK, new WriteHooks() {
            @Override
            public void write(FileChannel channel, ByteBuffer data, Path temp) throws IOException {
                data.limit(data.capacity() / 2);
                channel.write(data);
                throw new IOException("No space left on device");
            }
        });
    }
}
