package org.vindplaats.catalog.internal;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A JSON tree whose objects remember the line and column they start at (identity map). */
public final class LocatedJson {

    private LocatedJson() {
    }

    public static JsonNode read(JsonParser p, Map<JsonNode, int[]> lines) throws IOException {
        JsonToken t = p.nextToken();
        return t == null ? null : value(p, t, lines);
    }

    private static JsonNode value(JsonParser p, JsonToken t, Map<JsonNode, int[]> lines) throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonLocation at = p.currentTokenLocation();
        switch (t) {
        case START_OBJECT -> {
            ObjectNode o = f.objectNode();
            lines.put(o, new int[] { at.getLineNr(), at.getColumnNr() });
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (o.has(name)) {
                    throw new com.fasterxml.jackson.core.JsonParseException(p, "the key \"" + name + "\" appears twice");
                }
                o.set(name, value(p, p.nextToken(), lines));
            }
            return o;
        }
        case START_ARRAY -> {
            ArrayNode a = f.arrayNode();
            JsonToken e;
            while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                a.add(value(p, e, lines));
            }
            return a;
        }
        case VALUE_STRING -> {
            return f.textNode(p.getText());
        }
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
            return f.numberNode(p.getDecimalValue());
        }
        case VALUE_TRUE, VALUE_FALSE -> {
            return f.booleanNode(t == JsonToken.VALUE_TRUE);
        }
        default -> {
            return f.nullNode();
        }
        }
    }
}
