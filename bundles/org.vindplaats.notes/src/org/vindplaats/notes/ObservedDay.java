package org.vindplaats.notes;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The rule for the day a worker says they saw something: there is one, and it is today or
 * earlier (a note about something seen tomorrow is a typing error). How the day is typed and read
 * is the front end's business; this is what a read day must satisfy before a note is saved.
 */
public final class ObservedDay {

    /** Why a day cannot be a note's observed day. */
    public enum Problem {
        /** No day was given. */
        MISSING,
        /** The day lies after today. */
        IN_FUTURE
    }

    private ObservedDay() {
    }

    /** What is wrong with {@code day} as an observed day on {@code today}; empty when nothing is. */
    public static Optional<Problem> check(LocalDate day, LocalDate today) {
        if (day == null) {
            return Optional.of(Problem.MISSING);
        }
        return day.isAfter(today) ? Optional.of(Problem.IN_FUTURE) : Optional.empty();
    }
}
