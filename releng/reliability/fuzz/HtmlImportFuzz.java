import java.nio.charset.StandardCharsets;

import org.vindplaats.notes.StoredNote;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

/** The HTML importer on any page: never throws, and no markup or script URL reaches a stored note. */
public final class HtmlImportFuzz {

    private static final ImportFuzzSupport SUPPORT = new ImportFuzzSupport("html");

    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        byte[] page = data.consumeRemainingAsString().getBytes(StandardCharsets.UTF_8);
        for (StoredNote s : SUPPORT.importAndClear("page.html", page)) {
            // Field by field: a body ending in "<" next to a source starting with a letter is no tag
            // (the first Jazzer failure here was exactly that false alarm; its input is a seed now).
            for (String field : ImportFuzzSupport.fields(s.note())) {
                if (ImportFuzzSupport.TAG.matcher(field).find()) {
                    throw new IllegalStateException("markup reached a note: " + field);
                }
                if (ImportFuzzSupport.SCRIPT_URL.matcher(field).find()) {
                    throw new IllegalStateException("a script URL reached a note: " + field);
                }
            }
        }
    }
}
