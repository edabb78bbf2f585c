package org.vindplaats.index.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.util.Version;
import org.vindplaats.model.io.OwnerOnly;

/**
 * The small JSON file in each index generation that says what made it: Lucene version, analyzer
 * ids, schema version and the configuration fingerprint. A flat object of strings, written and
 * read here by hand so the index needs no JSON library.
 */
public record Stamp(String lucene, String analyzers, String schema, String config) {

    public static final String FILE = "vindplaats-index.json";

    private static final Pattern ENTRY = Pattern.compile("\"(\\w+)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    public static Stamp current(String configFingerprint) {
        return new Stamp(Version.LATEST.toString(), Analysis.IDS, Integer.toString(Fields.SCHEMA_VERSION),
                configFingerprint);
    }

    /** Whether an index with this stamp was made by the same code (ignoring configuration). */
    public boolean sameVersion(Stamp other) {
        return lucene.equals(other.lucene) && analyzers.equals(other.analyzers) && schema.equals(other.schema);
    }

    /** A short description for messages, e.g. "Lucene 10.6.0, nl:snowball-dutch-v1, ..., schema 1". */
    public String describe() {
        return "Lucene " + lucene + ", " + analyzers + ", schema " + schema;
    }

    public void write(Path dir) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("lucene", lucene);
        m.put("analyzers", analyzers);
        m.put("schema", schema);
        m.put("config", config);
        StringBuilder sb = new StringBuilder("{\n");
        int i = 0;
        for (Map.Entry<String, String> e : m.entrySet()) {
            sb.append("  \"").append(e.getKey()).append("\": \"").append(escape(e.getValue())).append('"');
            sb.append(++i < m.size() ? ",\n" : "\n");
        }
        sb.append("}\n");
        Path file = dir.resolve(FILE);
        OwnerOnly.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** The stamp in {@code dir}; an IOException when it is missing or cannot be read as a stamp. */
    public static Stamp read(Path dir) throws IOException {
        String text = Files.readString(dir.resolve(FILE), StandardCharsets.UTF_8);
        Map<String, String> m = new LinkedHashMap<>();
        Matcher matcher = ENTRY.matcher(text);
        while (matcher.find()) {
            m.put(matcher.group(1), unescape(matcher.group(2)));
        }
        for (String key : new String[] { "lucene", "analyzers", "schema", "config" }) {
            if (!m.containsKey(key)) {
                throw new IOException(dir.resolve(FILE) + ": no \"" + key + "\"");
            }
        }
        return new Stamp(m.get("lucene"), m.get("analyzers"), m.get("schema"), m.get("config"));
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String unescape(String s) {
        return s.replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
