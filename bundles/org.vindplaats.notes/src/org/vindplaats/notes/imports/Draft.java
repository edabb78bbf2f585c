package org.vindplaats.notes.imports;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import org.vindplaats.model.TrendNote;
import org.vindplaats.model.TrendNote.LabelFamily;

/**
 * A note read from an import file, before ids, privacy guard and merging are applied.
 *
 * @param id the id the input gave, or null
 * @param note the content; its id is ignored
 * @param labelled label families the input set as a worker's judgement (they become confirmed)
 * @param idPrefix prefix for a generated id ("jsonl", "md", "web", "feed")
 * @param idSeed what a generated id is derived from (a canonical URL, a feed guid); null: the content
 * @param file where the note came from
 * @param line its line in that file (0 when not meaningful)
 */
record Draft(String id, TrendNote note, Set<LabelFamily> labelled, String idPrefix, String idSeed, Path file,
        int line) {
    Draft {
        labelled = labelled == null || labelled.isEmpty() ? EnumSet.noneOf(LabelFamily.class) : EnumSet.copyOf(labelled);
    }
}
