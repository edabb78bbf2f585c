package org.vindplaats.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.model.TrendNote;
import org.vindplaats.notes.testsupport.TestData;

class RetentionTest {

    @TempDir
    Path dir;

    private static TrendNote observed(String id, LocalDate date) {
        return NoteBuilder.from(TestData.note(id, id, "x")).observed(date).build();
    }

    @Test
    void expiryIsObservedPlusMonthsOrAnEarlierOwnDate() {
        Retention r = new Retention(18);
        assertEquals(Optional.of(LocalDate.of(2026, 8, 11)), r.expiryOf(observed("a", LocalDate.of(2025, 2, 11))));
        TrendNote shorter = NoteBuilder.from(observed("b", LocalDate.of(2025, 2, 11))).expires(LocalDate.of(2025, 6, 1))
                .build();
        assertEquals(Optional.of(LocalDate.of(2025, 6, 1)), r.expiryOf(shorter));
        TrendNote longer = NoteBuilder.from(observed("c", LocalDate.of(2025, 2, 11))).expires(LocalDate.of(2030, 1, 1))
                .build();
        assertEquals(Optional.of(LocalDate.of(2026, 8, 11)), r.expiryOf(longer), "a note cannot outlive the policy");
        TrendNote undated = NoteBuilder.create("d").title("t").created(Instant.parse("2024-01-15T10:00:00Z")).build();
        assertEquals(Optional.of(LocalDate.of(2025, 7, 15)), r.expiryOf(undated));
        assertEquals(Optional.empty(), new Retention(null).expiryOf(observed("e", LocalDate.of(2020, 1, 1))));
        assertFalse(r.isExpired(observed("f", LocalDate.of(2025, 2, 11)), LocalDate.of(2026, 8, 11)),
                "kept through the expiry day");
        assertTrue(r.isExpired(observed("f", LocalDate.of(2025, 2, 11)), LocalDate.of(2026, 8, 12)));
        assertThrows(IllegalArgumentException.class, () -> new Retention(0));
    }

    @Test
    void aNewNoteExpiresFromItsObservedDayOrTodayAndKeepsAnOwnDate() {
        Retention r = new Retention(12);
        LocalDate today = LocalDate.of(2026, 12, 6);
        assertEquals(Optional.of(LocalDate.of(2026, 3, 1)), r.expiryForNew(observed("a", LocalDate.of(2025, 3, 1)), today));
        TrendNote undated = NoteBuilder.create("b").title("t").build();
        assertEquals(Optional.of(LocalDate.of(2027, 12, 6)), r.expiryForNew(undated, today), "no observed day: from today");
        TrendNote own = NoteBuilder.from(undated).expires(LocalDate.of(2027, 1, 1)).build();
        assertEquals(Optional.of(LocalDate.of(2027, 1, 1)), r.expiryForNew(own, today), "its own date is kept");
        assertEquals(Optional.empty(), new Retention(null).expiryForNew(undated, today), "no organisation rule");
    }

    @Test
    void anObservedDayIsGivenAndNotInTheFuture() {
        LocalDate today = LocalDate.of(2026, 12, 6);
        assertEquals(Optional.of(ObservedDay.Problem.MISSING), ObservedDay.check(null, today));
        assertEquals(Optional.of(ObservedDay.Problem.IN_FUTURE), ObservedDay.check(today.plusDays(1), today));
        assertEquals(Optional.empty(), ObservedDay.check(today, today), "today counts");
        assertEquals(Optional.empty(), ObservedDay.check(LocalDate.of(2019, 2, 28), today));
    }

    @Test
    void purgeRemovesExpiredNotesTellsListenersAndReportsUnreadableOnes() throws IOException {
        Workspace ws = Workspace.open(dir, Workspace.Settings.DEFAULT.withClock(TestData.CLOCK));
        NoteStore store = ws.notes();
        store.save(observed("old-1", LocalDate.of(2023, 1, 10)), NoteStore.NEW);
        store.save(observed("old-2", LocalDate.of(2023, 12, 31)), NoteStore.NEW);
        store.save(observed("recent", LocalDate.of(2025, 5, 1)), NoteStore.NEW);
        Files.writeString(store.directory().resolve("broken.md"), "no front matter");
        List<String> heard = new ArrayList<>();
        store.addListener(new NoteStoreListener() {
            @Override
            public void noteChanged(NoteChangeEvent e) {
                heard.add(e.kind() + " " + e.id());
            }

            @Override
            public void batchFinished() {
                heard.add("commit");
            }
        });

        Retention twelveMonths = new Retention(12);
        LocalDate today = LocalDate.of(2025, 6, 30);
        List<Problem> problems = new ArrayList<>();
        assertEquals(List.of("old-1", "old-2"),
                twelveMonths.expired(store, today, problems::add).stream().map(StoredNote::id).toList());
        assertEquals(1, problems.size());

        Retention.PurgeReport report = twelveMonths.purge(store, today, new NullProgressMonitor());
        assertEquals(List.of("old-1", "old-2"), report.deleted());
        assertFalse(report.cancelled());
        assertEquals(1, report.problems().size());
        assertTrue(report.summary().contains("2"), report.summary());
        assertEquals(List.of("DELETED old-1", "DELETED old-2", "commit"), heard);
        assertEquals(List.of("broken", "recent"), store.ids());
        assertTrue(Files.exists(store.directory().resolve("broken.md")), "unreadable notes are not purged blindly");
    }

    @Test
    void cancelledPurgeKeepsWhatWasDone() throws IOException {
        NoteStore store = Workspace.open(dir, Workspace.Settings.DEFAULT.withClock(TestData.CLOCK)).notes();
        for (int i = 0; i < 5; i++) {
            store.save(observed("old-" + i, LocalDate.of(2020, 1, 1)), NoteStore.NEW);
        }
        NullProgressMonitor monitor = new NullProgressMonitor() {
            private int worked;

            @Override
            public boolean isCanceled() {
                return worked >= 2;
            }

            @Override
            public void worked(int work) {
                worked += work;
            }

            @Override
            public void internalWorked(double work) {
                worked += (int) Math.round(work);
            }
        };
        Retention.PurgeReport report = new Retention(6).purge(store, LocalDate.of(2025, 6, 30), monitor);
        assertTrue(report.cancelled());
        assertTrue(report.deleted().size() >= 1 && report.deleted().size() < 5, report.deleted().toString());
        assertEquals(5 - report.deleted().size(), store.ids().size());
    }
}
