import org.vindplaats.notes.NoteIds;
import org.vindplaats.notes.StoredNote;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

/** The JSON Lines importer on any bytes: never throws, stores only valid ids, and everything it stores reads back. */
public final class JsonLinesImportFuzz {

    private static final ImportFuzzSupport SUPPORT = new ImportFuzzSupport("jsonl");

    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        for (StoredNote s : SUPPORT.importAndClear("notes.jsonl", data.consumeRemainingAsBytes())) {
            if (!NoteIds.isValid(s.id())) {
                throw new IllegalStateException("an unsafe id was stored: " + s.id());
            }
        }
    }
}
