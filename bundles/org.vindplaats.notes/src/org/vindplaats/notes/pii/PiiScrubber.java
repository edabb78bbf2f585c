package org.vindplaats.notes.pii;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.vindplaats.model.TrendNote;
import org.vindplaats.notes.NoteBuilder;

/**
 * Replaces personal data with typed placeholders ({@code [telefoon]}, {@code [e-mail]},
 * {@code [naam]}, ...) so a note can be shared in a team folder. Scrubbing is idempotent:
 * placeholders are not personal data, so scrubbing twice changes nothing the second time.
 */
public final class PiiScrubber {

    private static final PiiScrubber STANDARD = new PiiScrubber(PiiDetector.standard());

    /** How many texts this scrubber remembers having found clean. */
    private static final int REMEMBERED = 32;

    private final PiiDetector detector;
    /**
     * The last texts a detection pass of this scrubber found nothing in (its own output, or text
     * that had no personal data): the same text again needs no detection, since the detector
     * decides by the text alone. An import scrubs each note and then saves it, and the note store
     * scrubs what it saves (a guard for every other way in); this spares the second detection of
     * the very same text, a third of an import's work.
     */
    private final AtomicReferenceArray<String> knownClean = new AtomicReferenceArray<>(REMEMBERED);
    private final AtomicInteger nextClean = new AtomicInteger();

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

    /**
     * How many detection passes a scrub makes at most. A match the detector drops because it
     * overlaps a stronger one (a school name that runs into an address) can match again once the
     * stronger one is a placeholder; repeating until nothing new is found makes scrubbing
     * idempotent. Two passes were enough for every fuzz input so far; the bound keeps a
     * pathological text from looping.
     */
    static final int MAX_PASSES = 4;

    /** Replaces personal data until a further pass finds nothing (at most {@link #MAX_PASSES}). */
    public ScrubResult scrub(String text) {
        if (text == null || text.isEmpty()) {
            return new ScrubResult(text == null ? "" : text, List.of());
        }
        if (knownClean(text)) {
            return new ScrubResult(text, List.of());
        }
        List<PiiMatch> replaced = new ArrayList<>();
        // For each placeholder in the current text: where it is, and the original span it stands for,
        // so matches of later passes are reported with offsets into the original text.
        List<int[]> spans = new ArrayList<>();
        String current = text;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            List<PiiMatch> matches = detector.detect(current);
            if (matches.isEmpty()) {
                rememberClean(current);
                break;
            }
            StringBuilder b = new StringBuilder(current.length());
            List<int[]> next = new ArrayList<>();
            int pos = 0;
            int si = 0;
            for (PiiMatch m : matches) {
                // Placeholders of earlier passes that lie before this match keep their mapping.
                while (si < spans.size() && spans.get(si)[1] <= m.start()) {
                    int[] moved = new int[4];
                    shift(moved, spans.get(si++), b.length() - pos);
                    next.add(moved);
                }
                int origStart = original(spans, m.start(), true);
                int origEnd = original(spans, m.end(), false);
                while (si < spans.size() && spans.get(si)[0] < m.end()) {
                    si++; // an earlier placeholder swallowed by this match
                }
                b.append(current, pos, m.start());
                String placeholder = m.kind().placeholder();
                next.add(new int[] { b.length(), b.length() + placeholder.length(), origStart, origEnd });
                b.append(placeholder);
                pos = m.end();
                // A match that swallowed an earlier placeholder reports the whole span once.
                replaced.removeIf(r -> r.start() >= origStart && r.end() <= origEnd);
                replaced.add(new PiiMatch(text.substring(origStart, origEnd), origStart, origEnd, m.kind()));
            }
            while (si < spans.size()) {
                int[] moved = new int[4];
                shift(moved, spans.get(si++), b.length() - pos);
                next.add(moved);
            }
            b.append(current, pos, current.length());
            current = b.toString();
            spans = next;
        }
        if (replaced.isEmpty()) {
            return new ScrubResult(text, List.of());
        }
        replaced.sort(Comparator.comparingInt(PiiMatch::start));
        return new ScrubResult(current, replaced);
    }

    private boolean knownClean(String text) {
        for (int i = 0; i < REMEMBERED; i++) {
            String clean = knownClean.get(i);
            if (text.equals(clean)) {
                return true;
            }
        }
        return false;
    }

    private void rememberClean(String text) {
        knownClean.set(Math.floorMod(nextClean.getAndIncrement(), REMEMBERED), text);
    }

    private static void shift(int[] target, int[] span, int delta) {
        target[0] = span[0] + delta;
        target[1] = span[1] + delta;
        target[2] = span[2];
        target[3] = span[3];
    }

    /**
     * The offset in the original text of {@code offset} in the current one: inside a placeholder
     * it is the start (or end) of the span the placeholder replaced.
     */
    private static int original(List<int[]> spans, int offset, boolean start) {
        int delta = 0;
        for (int[] sp : spans) {
            if (offset < sp[0] || (!start && offset == sp[0])) {
                break;
            }
            if (offset < sp[1] || (!start && offset == sp[1])) {
                return start ? sp[2] : sp[3];
            }
            delta = sp[3] - sp[1];
        }
        return offset + delta;
    }

    /** A note whose title and body were scrubbed, and the matches replaced (title first, then body). */
    public record NoteScrub(TrendNote note, List<PiiMatch> replaced) {
        public NoteScrub {
            replaced = List.copyOf(replaced);
        }
    }

    /**
     * The personal data {@link #scrub} would replace in this note, also when its worker chose to
     * keep it (the editor shows what is kept as well as what will be replaced).
     */
    public List<PiiMatch> find(TrendNote note) {
        return scrub(note.piiKept() ? NoteBuilder.from(note).piiKept(false).build() : note).replaced();
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
