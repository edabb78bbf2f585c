/**
 * The privacy guard: {@link org.vindplaats.notes.pii.PiiDetector} finds personal data of young
 * people in free text (phone numbers, e-mail addresses, handles, IBANs, Belgian national register
 * numbers, Dutch BSNs, street addresses, school classes, names);
 * {@link org.vindplaats.notes.pii.PiiScrubber} replaces it with typed placeholders such as
 * {@code [telefoon]} and reports what it replaced.
 */
package org.vindplaats.notes.pii;
