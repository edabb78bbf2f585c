package org.vindplaats.notes;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.osgi.util.NLS;
import org.vindplaats.model.Organisation;
import org.vindplaats.model.TrendNote;
import org.vindplaats.notes.internal.Messages;

/**
 * How long notes are kept. The active organisation sets a number of months; a note expires that
 * many months after it was observed (or, without an observed date, after it was created). A note
 * may carry an earlier {@code expires} date of its own, which is respected; it cannot extend the
 * organisation's limit. A note is expired on the day after its expiry date.
 */
public final class Retention {

    private final Integer months;

    /** @param months how many months notes are kept; null when no organisation sets a limit */
    public Retention(Integer months) {
        if (months != null && months < 1) {
            throw new IllegalArgumentException("Retention must be at least 1 month, was " + months);
        }
        this.months = months;
    }

    /** The organisation's rule ({@link Organisation#retentionMonths()}); none when org is null. */
    public static Retention of(Organisation org) {
        return new Retention(org == null ? null : org.retentionMonths());
    }

    public Optional<Integer> months() {
        return Optional.ofNullable(months);
    }

    /** {@code observed} plus the retention months; empty without a limit or a date. */
    public Optional<LocalDate> expiryFrom(LocalDate observed) {
        return months == null || observed == null ? Optional.empty() : Optional.of(observed.plusMonths(months));
    }

    /**
     * The expiry a note gets when it is first stored (an import, a new note in the editor): its own
     * when it has one, else the retention months from the day it was observed, or from
     * {@code today} when it has no observed day. Empty without either.
     */
    public Optional<LocalDate> expiryForNew(TrendNote note, LocalDate today) {
        if (note.expires() != null) {
            return Optional.of(note.expires());
        }
        return expiryFrom(note.observed() != null ? note.observed() : today);
    }

    /** The day after which this note must be removed, if any (see the class comment). */
    public Optional<LocalDate> expiryOf(TrendNote note) {
        Optional<LocalDate> policy = expiryFrom(note.day());
        if (note.expires() == null) {
            return policy;
        }
        if (policy.isEmpty()) {
            return Optional.of(note.expires());
        }
        return Optional.of(note.expires().isBefore(policy.get()) ? note.expires() : policy.get());
    }

    public boolean isExpired(TrendNote note, LocalDate today) {
        return expiryOf(note).map(d -> d.isBefore(today)).orElse(false);
    }

    /** The expired notes in the store, in id order; unreadable files go to {@code problems}. */
    public List<StoredNote> expired(NoteStore store, LocalDate today, Consumer<Problem> problems) throws IOException {
        try (Stream<StoredNote> notes = store.stream(problems)) {
            return notes.filter(n -> isExpired(n.note(), today)).toList();
        }
    }

    /** What {@link #purge} did. */
    public record PurgeReport(List<String> deleted, List<Problem> problems, boolean cancelled) {
        public PurgeReport {
            deleted = List.copyOf(deleted);
            problems = List.copyOf(problems);
        }

        /** One line for the CLI, in the user's language. */
        public String summary() {
            return NLS.bind(cancelled ? Messages.Retention_summaryCancelled : Messages.Retention_summary,
                    deleted.size(), problems.size());
        }
    }

    /**
     * Deletes every expired note from the store. Listeners (the search index) hear each deletion
     * inside one batch. Unreadable notes are reported, not deleted: their dates are unknown. A note
     * changed by someone else since it was listed is re-checked before it goes. When cancelled,
     * notes deleted so far stay deleted and the report says so.
     */
    public PurgeReport purge(NoteStore store, LocalDate today, IProgressMonitor monitor) throws IOException {
        List<Problem> problems = new ArrayList<>();
        List<StoredNote> expired = expired(store, today, problems::add);
        SubMonitor progress = SubMonitor.convert(monitor, Messages.Retention_task, Math.max(1, expired.size()));
        List<String> deleted = new ArrayList<>();
        boolean cancelled = false;
        try (NoteStore.Batch batch = store.beginBatch()) {
            for (StoredNote n : expired) {
                if (progress.isCanceled()) {
                    cancelled = true;
                    break;
                }
                try {
                    if (store.delete(n.id(), n.revision())) {
                        deleted.add(n.id());
                    }
                } catch (ConflictException e) {
                    // Changed meanwhile: delete only if the new version is still expired.
                    Optional<StoredNote> now = store.get(n.id());
                    if (now.isPresent() && isExpired(now.get().note(), today)
                            && store.delete(n.id(), now.get().revision())) {
                        deleted.add(n.id());
                    }
                } catch (NoteStoreException e) {
                    problems.add(Problem.error(n.file(), 0, e.getMessage()));
                }
                progress.split(1);
            }
        } catch (OperationCanceledException e) {
            cancelled = true;
        }
        return new PurgeReport(deleted, problems, cancelled);
    }
}
