package org.vindplaats.notes.pii;

import java.util.ArrayList;
import java.util.List;

import org.vindplaats.model.TrendNote;
import org.vindplaats.notes.NoteBuilder;

/**
 * Replaces personal data with typed placeholders ({@code [telefoon]}, {@code [e-mail]},
 * {@code [naam]}, ...) so a note can be shared in a team folder. Scrubbing is idempotent:
 * placeholders are not personal data, so scrubbing twice changes nothing the second time.
 */
public final class PiiScrubber {

    private static final PiiScrubber STANDARD = new PiiScrubber(PiiDetector.standard());

    private final PiiDetector detector;

    public PiiScrubber(PiiDetector detector) {
        this.detector = detector;
    }

    /** A scrubber with the standard detector. */
    public static PiiScrubber standard() {
        return STANDARD;
    }

    public PiiDetector detector() {
        return detector;
    }

    public ScrubResult scrub(String text) {
        if (text == null || text.isEmpty()) {
            return new ScrubResult(text == null ? "" : text, List.of());
        }
        List<PiiMatch> matches = detector.detect(text);
        if (matches.isEmpty()) {
            return new ScrubResult(text, matches);
        }
        StringBuilder b = new StringBuilder(text.length());
        int pos = 0;
        for (PiiMatch m : matches) {
            b.append(text, pos, m.start()).append(m.kind().placeholder());
            pos = m.end();
        }
        b.append(text, pos, text.length());
        return new ScrubResult(b.toString(), matches);
    }

    /** A note whose title and body were scrubbed, and the matches replaced (title first, then body). */
    public record NoteScrub(TrendNote note, List<PiiMatch> replaced) {
        public NoteScrub {
            replaced = List.copyOf(replaced);
        }
    }

    /**
     * Scrubs the title and body of a note. A note whose worker chose to keep personal data
     * ({@link TrendNote#piiKept()}) is returned unchanged.
     */
    public NoteScrub scrub(TrendNote note) {
        if (note.piiKept()) {
            return new NoteScrub(note, List.of());
        }
        ScrubResult title = scrub(note.title());
        ScrubResult body = scrub(note.body());
        if (!title.changed() && !body.changed()) {
            return new NoteScrub(note, List.of());
        }
        List<PiiMatch> all = new ArrayList<>(title.replaced());
        all.addAll(body.replaced());
        return new NoteScrub(NoteBuilder.from(note).title(title.text()).body(body.text()).build(), all);
    }
}
