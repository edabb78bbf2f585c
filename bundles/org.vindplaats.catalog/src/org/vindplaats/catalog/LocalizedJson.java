package org.vindplaats.catalog;

import org.vindplaats.model.LocalizedText;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A Dutch/English text as plugin files and JSON output write it: {"nl": ..., "en": ...}, missing languages left out. */
public final class LocalizedJson {

    private LocalizedJson() {
    }

    public static ObjectNode of(LocalizedText t) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        if (t.nl() != null) {
            n.put("nl", t.nl());
        }
        if (t.en() != null) {
            n.put("en", t.en());
        }
        return n;
    }
}
