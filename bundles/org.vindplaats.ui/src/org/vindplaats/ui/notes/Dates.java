package org.vindplaats.ui.notes;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates a worker types into the note editor and the Trend notes filters: year first
 * (2026-10-31, as the app shows dates) or day first (31-10-2026, as Dutch is written), with -, /
 * or . between the parts and the leading zeros optional. Day first is always day-month-year,
 * never the American month-day-year. Only real days count: 31-02-2026 is not read as 3 March.
 */
public final class Dates {

    private static final Pattern YEAR_FIRST = Pattern.compile("(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})");
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})([-/.])(\\d{1,2})");

    private Dates() {
    }

    /** The day {@code text} names (surrounding blanks ignored); empty when it is no real day in a form above. */
    public static Optional<LocalDate> day(String text) {
        String s = text == null ? "" : text.strip();
        Matcher m = YEAR_FIRST.matcher(s);
        if (m.matches()) {
            return of(m.group(1), m.group(3), m.group(4));
        }
        m = DAY_FIRST.matcher(s);
        if (m.matches()) {
            return of(m.group(4), m.group(3), m.group(1));
        }
        return Optional.empty();
    }

    /**
     * A date filter's bound: a day as {@link #day(String)} reads it, or a month (2026-10) that
     * stands for its first day. Empty when it is neither.
     */
    public static Optional<LocalDate> dayOrMonth(String text) {
        Optional<LocalDate> d = day(text);
        if (d.isPresent()) {
            return d;
        }
        Matcher m = MONTH.matcher(text == null ? "" : text.strip());
        return m.matches() ? of(m.group(1), m.group(3), "1") : Optional.empty();
    }

    /** How the app writes a day: 2026-10-31, which {@link #day(String)} reads back. */
    public static String format(LocalDate day) {
        return day.toString();
    }

    private static Optional<LocalDate> of(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            // Month 13, 31 April, 29 February of a common year: not a day.
            return Optional.empty();
        }
    }
}
