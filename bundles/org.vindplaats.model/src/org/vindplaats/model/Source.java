package org.vindplaats.model;

import java.time.LocalDate;
import java.util.Objects;

/** A public source for a fact, with the day someone last checked it still says so. */
public record Source(String title, String url, LocalDate checked) {
    public Source {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(checked, "checked");
    }

    /** How old a check may be before a worker is told to be careful: platforms change their rules often. */
    public static final int STALE_AFTER_MONTHS = 6;

    /** True when the last check is more than {@link #STALE_AFTER_MONTHS} months before {@code today}. */
    public boolean isStale(LocalDate today) {
        return checked.isBefore(today.minusMonths(STALE_AFTER_MONTHS));
    }
}
