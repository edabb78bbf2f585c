import java.util.List;

import org.vindplaats.notes.pii.PiiDetector;
import org.vindplaats.notes.pii.PiiMatch;
import org.vindplaats.notes.pii.PiiScrubber;
import org.vindplaats.notes.pii.ScrubResult;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

/** The privacy guard on any text: never throws, spans are exact and ordered, scrubbing is idempotent. */
public final class PiiDetectorFuzz {

    private static final PiiDetector DETECTOR = PiiDetector.standard();
    private static final PiiScrubber SCRUBBER = new PiiScrubber(DETECTOR);

    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        List<PiiMatch> matches = DETECTOR.detect(text);
        int end = 0;
        for (PiiMatch m : matches) {
            if (m.start() < end || m.end() > text.length() || m.start() >= m.end()) {
                throw new IllegalStateException("bad span " + m + " in a text of " + text.length() + " chars");
            }
            if (!text.substring(m.start(), m.end()).equals(m.text())) {
                throw new IllegalStateException("span text differs: " + m);
            }
            end = m.end();
        }
        ScrubResult once = SCRUBBER.scrub(text);
        ScrubResult twice = SCRUBBER.scrub(once.text());
        if (!twice.text().equals(once.text())) {
            throw new IllegalStateException("scrubbing is not idempotent: " + once.text() + " -> " + twice.text());
        }
    }
}
