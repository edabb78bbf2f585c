package org.vindplaats.notes.imports;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.osgi.util.NLS;
import org.vindplaats.notes.Problem;
import org.vindplaats.notes.internal.Messages;
import org.vindplaats.notes.pii.PiiKind;

/**
 * What an import did: notes imported (new), updated, unchanged (already in the workspace as they
 * are), duplicates (the same note twice in the input), skipped with reasons (file:line), warnings,
 * and how much personal data of each kind was replaced by placeholders.
 */
public final class ImportReport {

    private final List<String> importedIds;
    private final List<String> updatedIds;
    private final int unchanged;
    private final int duplicates;
    private final List<Problem> skipped;
    private final List<Problem> warnings;
    private final Map<PiiKind, Integer> piiReplaced;
    private final boolean piiKept;
    private final boolean cancelled;
    private final String stoppedBecause;

    ImportReport(Builder b) {
        importedIds = List.copyOf(b.importedIds);
        updatedIds = List.copyOf(b.updatedIds);
        unchanged = b.unchanged;
        duplicates = b.duplicates;
        skipped = List.copyOf(b.skipped);
        warnings = List.copyOf(b.warnings);
        piiReplaced = java.util.Collections.unmodifiableMap(new EnumMap<>(b.piiReplaced));
        piiKept = b.piiKept;
        cancelled = b.cancelled;
        stoppedBecause = b.stoppedBecause;
    }

    public int imported() {
        return importedIds.size();
    }

    public int updated() {
        return updatedIds.size();
    }

    public int unchanged() {
        return unchanged;
    }

    public int duplicates() {
        return duplicates;
    }

    public List<String> importedIds() {
        return importedIds;
    }

    public List<String> updatedIds() {
        return updatedIds;
    }

    /** Lines, items or files not imported, each with file, line and reason. */
    public List<Problem> skipped() {
        return skipped;
    }

    /** Imported, but something was ignored or changed (an unknown label, a cut body, ...). */
    public List<Problem> warnings() {
        return warnings;
    }

    /** Placeholders put in per kind (empty when personal data was kept by choice or none was found). */
    public Map<PiiKind, Integer> piiReplaced() {
        return piiReplaced;
    }

    public int piiReplacedTotal() {
        return piiReplaced.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** True when the import was asked to keep personal data (each note records piiKept). */
    public boolean piiKept() {
        return piiKept;
    }

    /** True when the user cancelled; notes saved before that stay saved. */
    public boolean cancelled() {
        return cancelled;
    }

    /** Why the import stopped early (e.g. the disk is full), or null. */
    public String stoppedBecause() {
        return stoppedBecause;
    }

    /**
     * A short summary in the user's language, e.g. "Imported 88, updated 0, unchanged 0,
     * duplicates 0, skipped 2. Personal data replaced: 15 (phone 4, e-mail 2, ...)".
     */
    public String summary() {
        StringBuilder b = new StringBuilder(NLS.bind(Messages.ImportReport_counts,
                new Object[] { imported(), updated(), unchanged, duplicates, skipped.size() }));
        if (piiKept) {
            b.append(' ').append(Messages.ImportReport_piiKept);
        } else if (piiReplaced.isEmpty()) {
            b.append(' ').append(Messages.ImportReport_noPii);
        } else {
            String kinds = piiReplaced.entrySet().stream().map(e -> e.getKey().placeholder() + " " + e.getValue())
                    .collect(Collectors.joining(", "));
            b.append(' ').append(NLS.bind(Messages.ImportReport_piiReplaced, piiReplacedTotal(), kinds));
        }
        if (cancelled) {
            b.append(' ').append(Messages.ImportReport_cancelled);
        }
        if (stoppedBecause != null) {
            b.append(' ').append(NLS.bind(Messages.ImportReport_stopped, stoppedBecause));
        }
        return b.toString();
    }

    /** The summary followed by one line per skipped item and warning ("file:line: reason"). */
    public String details() {
        StringBuilder b = new StringBuilder(summary());
        for (Problem p : skipped) {
            b.append('\n').append(NLS.bind(Messages.ImportReport_skippedLine, p));
        }
        for (Problem p : warnings) {
            b.append('\n').append(NLS.bind(Messages.ImportReport_warningLine, p));
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return summary();
    }

    /** Collects the outcome while an import runs. */
    static final class Builder {
        final List<String> importedIds = new ArrayList<>();
        final List<String> updatedIds = new ArrayList<>();
        int unchanged;
        int duplicates;
        final List<Problem> skipped = new ArrayList<>();
        final List<Problem> warnings = new ArrayList<>();
        final Map<PiiKind, Integer> piiReplaced = new EnumMap<>(PiiKind.class);
        boolean piiKept;
        boolean cancelled;
        String stoppedBecause;

        ImportReport build() {
            return new ImportReport(this);
        }
    }
}
