package org.vindplaats.app;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a worker did in the guided orientation on one platform: which safety settings they checked
 * (in the platform's order), which orientation questions they went through, and their notes.
 */
public record OrientationRecord(LocalDate date, Map<String, Boolean> safetyChecked, List<String> questionsDiscussed,
        String notes) {
    public OrientationRecord {
        safetyChecked = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(safetyChecked));
        questionsDiscussed = List.copyOf(questionsDiscussed);
        notes = notes == null ? "" : notes;
    }
}
