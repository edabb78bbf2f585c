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
     * Scrubs the title, body and source of a note (a source URL can carry a handle, as in
     * {@code https://www.tiktok.com/@name}). A note whose worker chose to keep personal data
     * ({@link TrendNote#piiKept()}) is returned unchanged.
     */
    public NoteScrub scrub(TrendNote note) {
        if (note.piiKept()) {
            return new NoteScrub(note, List.of());
        }
        ScrubResult title = scrub(note.title());
        ScrubResult body = scrub(note.body());
        ScrubResult source = note.source() == null ? new ScrubResult("", List.of()) : scrub(note.source());
        if (!title.changed() && !body.changed() && !source.changed()) {
            return new NoteScrub(note, List.of());
        }
        List<PiiMatch> all = new ArrayList<>(title.replaced());
        all.addAll(body.replaced());
        all.addAll(source.replaced());
        NoteBuilder b = NoteBuilder.from(note).title(title.text()).body(body.text());
        if (source.changed()) {
            b.source(source.text());
        }
        return new NoteScrub(b.build(), all);
    }
}
