package org.vindplaats.catalog.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vindplaats.catalog.DescriptorLoader;
import org.vindplaats.model.Vocabulary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Every value the plugin schema allows is shown to the worker by its name in Dutch and English. */
class SchemaVocabularyTest {

    private static JsonNode schema() throws Exception {
        try (InputStream in = DescriptorLoader.class.getResourceAsStream(DescriptorLoader.SCHEMA_RESOURCE)) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static List<String> enumAt(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        node.findValues(field).forEach(v -> v.path("enum").forEach(e -> out.add(e.asText())));
        return out;
    }

    @Test
    void platformCategoriesAndPluginKindsHaveNamesInBothLanguages() throws Exception {
        JsonNode schema = schema();
        List<String> categories = enumAt(schema, "category");
        assertFalse(categories.isEmpty(), "the schema lists the categories");
        for (String c : categories) {
            assertTrue(!Vocabulary.text("category." + c).nl().isBlank() && !Vocabulary.text("category." + c).en().isBlank(),
                    "category " + c + " has a Dutch and an English name in vocabulary*.properties");
        }
        List<String> kinds = enumAt(schema, "kind");
        assertFalse(kinds.isEmpty());
        for (String k : kinds) {
            assertFalse(Vocabulary.text("pluginKind." + k).isEmpty(), "plugin kind " + k);
        }
        assertTrue(Vocabulary.name("category", "messenger", java.util.Locale.forLanguageTag("nl")).equals("berichtenapp"));
        assertTrue(Vocabulary.name("category", "from_a_newer_plugin", java.util.Locale.ENGLISH).equals("from_a_newer_plugin"));
    }
}
