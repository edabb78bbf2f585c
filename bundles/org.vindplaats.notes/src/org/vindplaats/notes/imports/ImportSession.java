package org.vindplaats.notes.imports;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.vindplaats.model.SafeText;
import org.vindplaats.model.Terms;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.notes.ConflictException;
import org.vindplaats.notes.NoteBuilder;
import org.vindplaats.notes.NoteFileFormat;
import org.vindplaats.notes.NoteFormatException;
import org.vindplaats.notes.NoteIds;
import org.vindplaats.notes.NoteStore;
import org.vindplaats.notes.NoteStoreException;
import org.vindplaats.notes.Problem;
import org.vindplaats.notes.Retention;
import org.vindplaats.notes.StoredNote;
import org.vindplaats.notes.internal.LanguageGuess;
import org.vindplaats.notes.internal.Messages;
import org.vindplaats.notes.pii.PiiMatch;
import org.vindplaats.notes.pii.PiiScrubber;

/**
 * Turns drafts into stored notes: checks or derives the id, applies the privacy guard, fills
 * defaults, merges with the stored version (keeping labels a worker confirmed there) and counts the
 * outcome. Shared by all importers.
 */
final class ImportSession {

    private record Seen(TrendNote note, String location) {
    }

    private final NoteStore store;
    private final ImportOptions options;
    private final PiiScrubber scrubber;
    private final ImportReport.Builder report;
    private final LocalDate today;
    private final Map<String, Seen> seen = new HashMap<>();
    private final Set<String> warnedPlatforms = new HashSet<>();

    ImportSession(NoteStore store, ImportOptions options, PiiScrubber scrubber, Clock clock) {
        this.store = store;
        this.options = options;
        this.scrubber = scrubber;
        this.report = new ImportReport.Builder();
        this.report.piiKept = options.keepPii();
        this.today = LocalDate.now(clock);
    }

    ImportOptions options() {
        return options;
    }

    ImportReport.Builder report() {
        return report;
    }

    void skip(Path file, int line, String reason) {
        report.skipped.add(Problem.error(file, line, reason));
    }

    void skip(Problem problem) {
        report.skipped.add(problem.isError() ? problem
                : new Problem(problem.file(), problem.line(), problem.column(), Problem.Severity.ERROR, problem.message()));
    }

    void warn(Path file, int line, String message) {
        report.warnings.add(Problem.warning(file, line, message));
    }

    void warn(Problem problem) {
        report.warnings.add(problem);
    }

    /**
     * Stores one draft.
     *
     * @throws NoteStoreException when the store cannot write at all (disk full, no permission): the
     *         import should stop, as every further note would fail the same way
     */
    void offer(Draft d) throws NoteStoreException {
        TrendNote n = withoutControlCharacters(d.note());
        if (n.title().isBlank() && n.body().isBlank()) {
            skip(d.file(), d.line(), Messages.Import_empty);
            return;
        }
        if (d.id() != null && !d.id().isEmpty()) {
            Optional<String> idProblem = NoteIds.problem(d.id());
            if (idProblem.isPresent()) {
                skip(d.file(), d.line(), idProblem.get());
                return;
            }
        }
        NoteBuilder b = NoteBuilder.from(n).id("x");
        if (n.body().length() > options.maxBodyChars()) {
            b.body(n.body().substring(0, options.maxBodyChars()));
            warn(d.file(), d.line(), NLS.bind(Messages.Import_bodyCut, n.body().length(), options.maxBodyChars()));
        }
        if (n.source() == null || n.source().isBlank()) {
            b.source(TrendNote.TEAM_OBSERVATION);
        }
        if ((n.author() == null || n.author().isBlank()) && options.defaultAuthor() != null) {
            b.author(options.defaultAuthor());
        }
        if (n.language() == null || n.language().isBlank()) {
            b.language(LanguageGuess.guess(n.title() + "\n" + n.body()));
        }
        checkPlatforms(d, n.platforms());

        // Privacy guard: scrub unless the worker explicitly chose to keep personal data.
        List<PiiMatch> replaced = List.of();
        TrendNote candidate;
        if (options.keepPii()) {
            candidate = b.piiKept(true).build();
        } else {
            PiiScrubber.NoteScrub scrub = scrubber.scrub(b.piiKept(false).build());
            candidate = scrub.note();
            replaced = scrub.replaced();
        }

        String id = d.id() != null && !d.id().isEmpty() ? d.id()
                : d.idSeed() != null ? NoteIds.fromContent(d.idPrefix(), d.idSeed())
                        // Derived from the scrubbed content: the id itself never encodes personal data.
                        : NoteIds.fromContent(d.idPrefix(), candidate.title(), candidate.body(),
                                String.valueOf(candidate.observed()), candidate.source());
        NoteBuilder cb = NoteBuilder.from(candidate).id(id);
        new Retention(options.retentionMonths()).expiryForNew(candidate, today).ifPresent(cb::expires);
        candidate = cb.build();

        String location = new Problem(d.file(), d.line(), 0, Problem.Severity.WARNING, "-").location();
        Seen previous = seen.get(id);
        if (previous != null) {
            if (sameContent(previous.note(), candidate)) {
                report.duplicates++;
            } else {
                skip(d.file(), d.line(), NLS.bind(Messages.Import_duplicateId, id, previous.location()));
            }
            return;
        }
        seen.put(id, new Seen(candidate, location));
        for (PiiMatch m : replaced) {
            report.piiReplaced.merge(m.kind(), 1, Integer::sum);
        }

        for (int attempt = 0; attempt < 2; attempt++) {
            Optional<StoredNote> existing;
            try {
                existing = store.get(id);
            } catch (NoteFormatException e) {
                skip(d.file(), d.line(), NLS.bind(Messages.Import_existingUnreadable, id, e.problem()));
                return;
            }
            TrendNote merged = existing.isPresent() ? merge(existing.get().note(), candidate, d.labelled())
                    : NoteBuilder.from(candidate).confirmed(d.labelled()).build();
            if (existing.isPresent() && sameContent(existing.get().note(), merged)) {
                report.unchanged++;
                return;
            }
            try {
                if (existing.isPresent()) {
                    store.update(existing.get(), merged);
                    report.updatedIds.add(id);
                } else {
                    store.save(merged, NoteStore.NEW);
                    report.importedIds.add(id);
                }
                return;
            } catch (ConflictException e) {
                if (attempt == 1) {
                    skip(d.file(), d.line(), e.getMessage());
                }
                // else: someone changed it meanwhile; read again and merge with that version
            }
        }
    }

    /**
     * Every importer's text passes here: escape sequences, control characters and bidi overrides
     * are removed before the note is stored, so no list, search result or brief ever prints them.
     */
    static TrendNote withoutControlCharacters(TrendNote n) {
        NoteBuilder b = NoteBuilder.from(n).title(NoteFileFormat.oneLine(SafeText.cleanLine(n.title())))
                .body(NoteFileFormat.canonicalBody(SafeText.clean(n.body())))
                .platforms(n.platforms().stream().map(SafeText::cleanLine).filter(p -> !p.isBlank()).distinct().toList());
        if (n.source() != null) {
            b.source(NoteFileFormat.oneLine(SafeText.cleanLine(n.source())));
        }
        if (n.author() != null) {
            b.author(NoteFileFormat.oneLine(SafeText.cleanLine(n.author())));
        }
        if (n.language() != null) {
            b.language(SafeText.cleanLine(n.language()));
        }
        return b.build();
    }

    private void checkPlatforms(Draft d, List<String> platforms) {
        if (options.knownPlatforms().isEmpty()) {
            return;
        }
        for (String p : platforms) {
            if (!options.knownPlatforms().contains(p) && warnedPlatforms.add(p + "@" + d.file())) {
                Optional<String> guess = Terms.didYouMean(p, options.knownPlatforms().stream().sorted().toList());
                warn(d.file(), d.line(), guess.isPresent()
                        ? NLS.bind(Messages.Import_unknownPlatformDidYouMean, p, guess.get())
                        : NLS.bind(Messages.Import_unknownPlatform, p));
            }
        }
    }

    /** The imported content with what the input did not say taken from the stored note. */
    private static TrendNote merge(TrendNote existing, TrendNote imported, Set<LabelFamily> labelled) {
        NoteBuilder b = NoteBuilder.from(imported).created(existing.created()).updated(existing.updated());
        Set<LabelFamily> confirmed = EnumSet.noneOf(LabelFamily.class);
        confirmed.addAll(labelled);
        for (LabelFamily f : LabelFamily.values()) {
            if (labelled.contains(f)) {
                continue;
            }
            switch (f) {
            case PLATFORMS -> b.platforms(existing.platforms());
            case NEEDS -> b.needs(existing.needs());
            case AFFORDANCES -> b.affordances(existing.affordances());
            case PHENOMENA -> b.phenomena(existing.phenomena());
            case POLARITY -> b.polarity(existing.polarity());
            case URGENCY -> b.urgency(existing.urgency());
            }
            if (existing.isConfirmed(f)) {
                confirmed.add(f);
            }
        }
        if (imported.expires() == null) {
            b.expires(existing.expires());
        }
        return b.confirmed(confirmed).build();
    }

    /** Equal apart from created/updated times and body white space at the ends. */
    static boolean sameContent(TrendNote a, TrendNote b) {
        return normalised(a).equals(normalised(b));
    }

    private static TrendNote normalised(TrendNote n) {
        return NoteBuilder.from(n).created(null).updated(null).body(NoteFileFormat.canonicalBody(n.body()))
                .title(NoteFileFormat.oneLine(n.title())).build();
    }

    ImportReport finish() {
        return report.build();
    }
}
