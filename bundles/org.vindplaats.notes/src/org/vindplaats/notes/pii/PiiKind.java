package org.vindplaats.notes.pii;

import java.util.Locale;

/** The kinds of personal data the guard finds, each with the placeholder that replaces it. */
public enum PiiKind {
    PHONE("telefoon"),
    EMAIL("e-mail"),
    HANDLE("handle"),
    IBAN("iban"),
    /** Belgian rijksregisternummer (national register number), with valid check digits. */
    NATIONAL_REGISTER_NUMBER("rijksregisternummer"),
    /** Dutch burgerservicenummer, passing the 11-test. */
    BSN("bsn"),
    ADDRESS("adres"),
    /** A class at a named school ("klas 4B van het Sint-Amandinuscollege"): identifies a small group. */
    SCHOOL("school"),
    NAME("naam");

    private final String placeholderWord;

    PiiKind(String placeholderWord) {
        this.placeholderWord = placeholderWord;
    }

    /** Stable lower-case id used in JSON output, e.g. {@code phone}, {@code national_register_number}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The text that replaces a match in a note, e.g. {@code [telefoon]}. */
    public String placeholder() {
        return "[" + placeholderWord + "]";
    }
}
