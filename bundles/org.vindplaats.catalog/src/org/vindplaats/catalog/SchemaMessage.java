package org.vindplaats.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;
import org.vindplaats.catalog.DescriptorLoader.Report;
import org.vindplaats.catalog.Problem.Severity;
import org.vindplaats.model.Terms;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;

/**
 * Turns a JSON Schema validator message into a sentence a plugin author understands, with a fix.
 * The validator knows what is wrong; this class adds where (line and column of the offending
 * value) and what to do instead, reading allowed values and ranges from the schema itself.
 */
final class SchemaMessage {

    /** Keys of these maps are checked against the model with a "did you mean" by the loader. */
    private static final List<String> ID_MAPS = List.of("/platform/affordances", "/platform/needs",
            "/platform/stepGuidance", "/platform/features");

    private SchemaMessage() {
    }

    static void translate(Error m, JsonNode root, JsonNode schema, Report report) {
        String type = m.getKeyword();
        String pointer = pointer(m.getInstanceLocation().toString());
        JsonNode node = DescriptorLoader.at(root, pointer);
        String where = DescriptorLoader.describe(pointer);
        JsonNode keyword = schemaKeyword(schema, m);
        switch (type) {
        case "required" -> {
            String property = m.getProperty() != null ? m.getProperty() : String.valueOf(arg(m, 0));
            report.at(Severity.ERROR, node, NLS.bind(Messages.Schema_required, property, where),
                    NLS.bind(Messages.Schema_required_fix, property, where));
        }
        case "additionalProperties", "unevaluatedProperties" -> {
            String property = m.getProperty() != null ? m.getProperty() : String.valueOf(arg(m, 0));
            String objectPointer = pointer.endsWith("/" + property) ? DescriptorLoader.parent(pointer) : pointer;
            if (ID_MAPS.contains(objectPointer)) {
                return; // reported with a "did you mean" by the semantic checks
            }
            JsonNode value = DescriptorLoader.at(root, objectPointer).get(property);
            List<String> allowed = allowedProperties(schema, m);
            String hint = Terms.didYouMean(property, allowed).map(s -> " (\"" + s + "\"?)").orElse("");
            report.at(Severity.ERROR, value != null ? value : node,
                    NLS.bind(Messages.Schema_unknownProperty, property, DescriptorLoader.describe(objectPointer)),
                    NLS.bind(Messages.Schema_unknownProperty_fix, property, where, hint));
        }
        case "propertyNames" -> {
            if (ID_MAPS.contains(pointer) || ID_MAPS.contains(DescriptorLoader.parent(pointer))) {
                return;
            }
            report.at(Severity.ERROR, node, NLS.bind(Messages.Schema_other, m.getMessage(), where),
                    NLS.bind(Messages.Schema_other_fix, null));
        }
        case "enum" -> {
            if (ID_MAPS.contains(DescriptorLoader.parent(pointer)) && node.isObject()) {
                return;
            }
            List<String> allowed = new ArrayList<>();
            if (keyword != null && keyword.isArray()) {
                keyword.forEach(v -> allowed.add(v.asText()));
            }
            String value = node.isValueNode() ? node.asText() : node.toString();
            String message = NLS.bind(Messages.Schema_enum, value, where);
            Optional<String> guess = Terms.didYouMean(value, allowed);
            if (guess.isPresent()) {
                message += " — " + NLS.bind(Messages.Schema_unknownId_didYouMean, guess.get());
            }
            report.at(Severity.ERROR, node, message, NLS.bind(Messages.Schema_enum_fix, String.join(", ", allowed)));
        }
        case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" -> {
            JsonNode owner = schemaOwner(schema, m);
            String min = owner != null && owner.has("minimum") ? owner.get("minimum").asText() : "?";
            String max = owner != null && owner.has("maximum") ? owner.get("maximum").asText() : "?";
            report.at(Severity.ERROR, node, NLS.bind(Messages.Schema_range, new Object[] { node.asText(), where, min, max }),
                    NLS.bind(Messages.Schema_range_fix, new Object[] { node.asText(), where, min, max }));
        }
        case "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties" -> report.at(
                Severity.ERROR, node, NLS.bind(Messages.Schema_other, m.getMessage(), where),
                NLS.bind(Messages.Schema_other_fix, null));
        case "type" -> {
            String expected = keyword != null ? keyword.asText() : String.valueOf(arg(m, 1));
            report.at(Severity.ERROR, node,
                    NLS.bind(Messages.Schema_type, new Object[] { node.getNodeType().name().toLowerCase(), where, expected }),
                    NLS.bind(Messages.Schema_type_fix, new Object[] { null, where, expected, example(expected) }));
        }
        case "pattern" -> {
            String fix;
            String last = pointer.substring(pointer.lastIndexOf('/') + 1);
            if (last.equals("checked") || last.equals("when")) {
                fix = Messages.Schema_pattern_fix_date;
            } else if (last.equals("url") || last.equals("website")) {
                fix = Messages.Schema_pattern_fix_url;
            } else if (last.equals("id") || pointer.startsWith("/organisation/policy/platforms")) {
                fix = Messages.Schema_pattern_fix_id;
            } else if (last.equals("version")) {
                fix = Messages.Schema_pattern_fix_version;
            } else {
                fix = Messages.Schema_pattern_fix;
            }
            report.at(Severity.ERROR, node, NLS.bind(Messages.Schema_pattern, node.asText(), where),
                    NLS.bind(fix, null, where));
        }
        case "const" -> {
            if ("/format".equals(pointer)) {
                report.at(Severity.ERROR, node, NLS.bind(Messages.Schema_format, null), NLS.bind(Messages.Schema_format_fix, null));
            } else {
                report.at(Severity.ERROR, node, NLS.bind(Messages.Schema_other, m.getMessage(), where),
                        NLS.bind(Messages.Schema_other_fix, null));
            }
        }
        case "not" -> {
            String kind = root.path("kind").asText();
            report.at(Severity.ERROR, root.get("kind") != null ? root.get("kind") : root,
                    NLS.bind(Messages.Schema_kindSection, kind), NLS.bind(Messages.Schema_kindSection_fix, kind));
        }
        default -> report.at(Severity.ERROR, node, NLS.bind(Messages.Schema_other, m.getMessage(), where),
                NLS.bind(Messages.Schema_other_fix, null));
        }
    }

    private static Object arg(Error m, int i) {
        Object[] args = m.getArguments();
        return args != null && args.length > i ? args[i] : "";
    }

    /** Normalises the validator's instance location to a JSON pointer ("" for the root). */
    private static String pointer(String location) {
        if (location == null || location.isEmpty() || "/".equals(location) || "$".equals(location)) {
            return "";
        }
        return location.startsWith("/") ? location : "/" + location;
    }

    /** The schema keyword's value (e.g. the "enum" array) that the message is about, if found. */
    private static JsonNode schemaKeyword(JsonNode schema, Error m) {
        String fragment = fragment(m);
        if (fragment == null) {
            return null;
        }
        JsonNode n = DescriptorLoader.at(schema, fragment);
        return n.isMissingNode() ? null : n;
    }

    /** The schema object holding the keyword, e.g. {"type":"integer","minimum":0,"maximum":4}. */
    private static JsonNode schemaOwner(JsonNode schema, Error m) {
        String fragment = fragment(m);
        if (fragment == null) {
            return null;
        }
        JsonNode n = DescriptorLoader.at(schema, DescriptorLoader.parent(fragment));
        return n.isMissingNode() ? null : n;
    }

    private static List<String> allowedProperties(JsonNode schema, Error m) {
        List<String> names = new ArrayList<>();
        JsonNode owner = schemaOwner(schema, m);
        if (owner != null && owner.has("properties")) {
            owner.get("properties").fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    private static String fragment(Error m) {
        if (m.getSchemaLocation() == null || m.getSchemaLocation().getFragment() == null) {
            return null;
        }
        String f = m.getSchemaLocation().getFragment().toString();
        if (f.startsWith("#")) {
            f = f.substring(1);
        }
        return f.isEmpty() ? null : (f.startsWith("/") ? f : "/" + f);
    }

    private static String example(String type) {
        return switch (type) {
        case "integer" -> "3";
        case "string" -> "\"...\"";
        case "object" -> "{ ... }";
        case "array" -> "[ ... ]";
        case "boolean" -> "true";
        default -> type;
        };
    }
}
