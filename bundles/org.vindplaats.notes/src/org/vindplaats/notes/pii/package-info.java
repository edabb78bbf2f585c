/**
 * The privacy guard: {@link org.vindplaats.notes.pii.PiiDetector} finds personal data of young
 * people in free text (phone numbers, e-mail addresses, handles, IBANs, Belgian national register
 * numbers, Dutch BSNs, street addresses, school classes, names), also when written to dodge a
 * filter (full-width digits, zero-width characters, {@code [at]}/{@code punt});
 * {@link org.vindplaats.notes.pii.PiiScrubber} replaces it with typed placeholders such as
 * {@code [telefoon]} and reports what it replaced.
 */
package org.vindplaats.notes.pii;
