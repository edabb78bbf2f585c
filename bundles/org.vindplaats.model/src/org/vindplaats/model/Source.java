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
}
