package org.vindplaats.index.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.Lock;
import org.vindplaats.model.io.OwnerOnly;

/**
 * Lucene writes its own files (segments, merges, temp files for sorting) with the process's
 * umask. Why a wrapper rather than tightening after each commit: merges write files in background
 * threads at any moment, and a sweep after commit would leave them readable in between. Every
 * file Lucene creates passes {@link #createOutput} or {@link #createTempOutput}, so each is made
 * {@code rw-------} right after it is created, before any data is written; the generation folder
 * itself is owner-only, so no other user can open a file in the instant before the chmod.
 */
public final class OwnerOnlyDirectory extends FilterDirectory {

    private final Path path;

    private OwnerOnlyDirectory(FSDirectory in) {
        super(in);
        this.path = in.getDirectory();
    }

    /** Opens {@code path} (created owner-only when missing) as a Lucene directory whose new files are owner-only. */
    public static OwnerOnlyDirectory open(Path path) throws IOException {
        OwnerOnly.createDirectories(path);
        return new OwnerOnlyDirectory(FSDirectory.open(path));
    }

    @Override
    public IndexOutput createOutput(String name, IOContext context) throws IOException {
        IndexOutput out = super.createOutput(name, context);
        OwnerOnly.restrict(path.resolve(name));
        return out;
    }

    /**
     * IndexWriter's {@code write.lock} is empty, but made owner-only too: no file is left out. It is
     * prepared before it is locked, never changed after (that would drop the lock, see
     * {@link OwnerOnly#prepareLockFile}).
     */
    @Override
    public Lock obtainLock(String name) throws IOException {
        OwnerOnly.prepareLockFile(path.resolve(name));
        return super.obtainLock(name);
    }

    @Override
    public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
        IndexOutput out = super.createTempOutput(prefix, suffix, context);
        OwnerOnly.restrict(path.resolve(out.getName()));
        return out;
    }
}
