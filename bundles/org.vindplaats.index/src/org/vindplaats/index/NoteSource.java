package org.vindplaats.index;

import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.vindplaats.model.TrendNote;

/**
 * Where the index gets its notes from when it (re)builds or syncs: the note store is the source
 * of truth, the index only a derived cache. The index does not depend on the store's bundle; the
 * store plugs in through this interface, e.g.
 * {@code NoteSource.of(() -> store.notes(problems::add), store.count())}.
 */
public interface NoteSource {

    /** All notes, each once. The caller closes the stream. */
    Stream<TrendNote> notes();

    /** How many notes {@link #notes()} will give (for progress; an estimate is fine). */
    long count();

    static NoteSource of(Supplier<Stream<TrendNote>> notes, long count) {
        Objects.requireNonNull(notes, "notes");
        return new NoteSource() {
            @Override
            public Stream<TrendNote> notes() {
                return notes.get();
            }

            @Override
            public long count() {
                return count;
            }
        };
    }

    /** A source with no notes. */
    static NoteSource empty() {
        return of(Stream::empty, 0);
    }
}
