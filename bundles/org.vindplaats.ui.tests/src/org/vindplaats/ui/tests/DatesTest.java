package org.vindplaats.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vindplaats.ui.notes.Dates;

/** The dates the note editor and the Trend notes filters read from what a worker types. */
class DatesTest {

    private static final Optional<LocalDate> OCT_31 = Optional.of(LocalDate.of(2026, 10, 31));
    private static final Optional<LocalDate> MAR_7 = Optional.of(LocalDate.of(2026, 3, 7));

    @Test
    void yearFirstAndDayFirstWithDashSlashOrDot() {
        assertEquals(OCT_31, Dates.day("2026-10-31"));
        assertEquals(OCT_31, Dates.day("31-10-2026"));
        assertEquals(OCT_31, Dates.day("31/10/2026"));
        assertEquals(OCT_31, Dates.day("31.10.2026"));
        assertEquals(OCT_31, Dates.day("2026/10/31"));
        assertEquals(OCT_31, Dates.day("  31-10-2026 "));
        assertEquals(MAR_7, Dates.day("7-3-2026"));
        assertEquals(MAR_7, Dates.day("2026-3-7"));
        assertEquals(MAR_7, Dates.day("07-03-2026"));
    }

    @Test
    void dayFirstIsNeverReadMonthFirst() {
        // 03-07-2026 is 3 July in Dutch, not 7 March.
        assertEquals(Optional.of(LocalDate.of(2026, 7, 3)), Dates.day("03-07-2026"));
        assertEquals(Optional.empty(), Dates.day("10-31-2026"), "month 31 does not exist");
    }

    @Test
    void onlyRealDays() {
        assertEquals(Optional.empty(), Dates.day("31-02-2026"));
        assertEquals(Optional.empty(), Dates.day("2026-04-31"));
        assertEquals(Optional.empty(), Dates.day("29-02-2026"));
        assertEquals(Optional.of(LocalDate.of(2028, 2, 29)), Dates.day("29-02-2028"));
        assertEquals(Optional.empty(), Dates.day("2026-13-01"));
        assertEquals(Optional.empty(), Dates.day("0-10-2026"));
    }

    @Test
    void otherTextIsNoDay() {
        assertEquals(Optional.empty(), Dates.day(""));
        assertEquals(Optional.empty(), Dates.day(null));
        assertEquals(Optional.empty(), Dates.day("gisteren"));
        assertEquals(Optional.empty(), Dates.day("15-10-20"), "a two-digit year is ambiguous");
        assertEquals(Optional.empty(), Dates.day("2026-10/31"), "mixed separators");
        assertEquals(Optional.empty(), Dates.day("2026-10"), "a month is no day");
        assertEquals(Optional.empty(), Dates.day("2026-10-31x"));
    }

    @Test
    void filtersAlsoTakeAMonthAsItsFirstDay() {
        assertEquals(Optional.of(LocalDate.of(2026, 10, 1)), Dates.dayOrMonth("2026-10"));
        assertEquals(Optional.of(LocalDate.of(2026, 3, 1)), Dates.dayOrMonth("2026-3"));
        assertEquals(OCT_31, Dates.dayOrMonth("31-10-2026"));
        assertEquals(Optional.empty(), Dates.dayOrMonth("2026-13"));
        assertEquals(Optional.empty(), Dates.dayOrMonth("10-2026"));
    }

    @Test
    void whatFormatWritesDayReadsBack() {
        for (LocalDate d = LocalDate.of(2024, 1, 1); d.getYear() < 2025; d = d.plusDays(1)) {
            assertEquals(Optional.of(d), Dates.day(Dates.format(d)));
        }
        assertEquals("2026-03-07", Dates.format(LocalDate.of(2026, 3, 7)));
    }
}
