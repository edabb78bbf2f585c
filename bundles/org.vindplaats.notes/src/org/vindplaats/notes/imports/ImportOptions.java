package org.vindplaats.notes.imports;

import java.util.Set;

/**
 * Choices for an import.
 *
 * @param keepPii keep personal data in the imported notes (recorded on each note as piiKept);
 *        default false: replace it with placeholders
 * @param retentionMonths the active organisation's retention; sets each note's expiry from its
 *        observed date; null when no organisation sets one
 * @param knownPlatforms platform ids of the catalog, to warn about unknown ones with a "did you
 *        mean"; empty to skip the check
 * @param defaultAuthor author/team for notes that name none; may be null
 * @param maxFileBytes larger files are not imported (feeds, JSON Lines, Markdown) or only their
 *        first part is read (HTML pages, with a warning)
 * @param maxBodyChars longer note bodies are cut, with a warning
 */
public record ImportOptions(boolean keepPii, Integer retentionMonths, Set<String> knownPlatforms,
        String defaultAuthor, long maxFileBytes, int maxBodyChars) {

    public static final ImportOptions DEFAULT = new ImportOptions(false, null, Set.of(), null, 200L * 1024 * 1024,
            50_000);

    public ImportOptions {
        knownPlatforms = Set.copyOf(knownPlatforms == null ? Set.of() : knownPlatforms);
        if (maxFileBytes < 1024 || maxBodyChars < 100) {
            throw new IllegalArgumentException("Limits too small: " + maxFileBytes + " bytes, " + maxBodyChars + " chars");
        }
    }

    public ImportOptions withKeepPii(boolean value) {
        return new ImportOptions(value, retentionMonths, knownPlatforms, defaultAuthor, maxFileBytes, maxBodyChars);
    }

    public ImportOptions withRetentionMonths(Integer value) {
        return new ImportOptions(keepPii, value, knownPlatforms, defaultAuthor, maxFileBytes, maxBodyChars);
    }

    public ImportOptions withKnownPlatforms(Set<String> value) {
        return new ImportOptions(keepPii, retentionMonths, value, defaultAuthor, maxFileBytes, maxBodyChars);
    }

    public ImportOptions withDefaultAuthor(String value) {
        return new ImportOptions(keepPii, retentionMonths, knownPlatforms, value, maxFileBytes, maxBodyChars);
    }

    public ImportOptions withMaxFileBytes(long value) {
        return new ImportOptions(keepPii, retentionMonths, knownPlatforms, defaultAuthor, value, maxBodyChars);
    }

    public ImportOptions withMaxBodyChars(int value) {
        return new ImportOptions(keepPii, retentionMonths, knownPlatforms, defaultAuthor, maxFileBytes, value);
    }
}
