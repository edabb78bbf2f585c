package org.vindplaats.model.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One word per concept (docs/glossary.md): every user-facing text in the repository — message
 * and help files, plugin descriptors and data, the README and the docs — is checked against the
 * glossary's "not" columns, Dutch texts against the Dutch one, English against the English one.
 * A failure names the file, the line and the word to use instead.
 */
class GlossaryTest {

    private record Rule(String avoid, String use, Pattern pattern) {
    }

    private final List<String> violations = new ArrayList<>();

    /** The repository: the first folder up from the test's working folder with bundles/ and docs/glossary.md. */
    private static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !(Files.isDirectory(p.resolve("bundles")) && Files.exists(p.resolve("docs/glossary.md")))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new AssertionError("run from inside the repository: docs/glossary.md not found above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    /** The glossary's rules: column 4 for Dutch, column 5 for English. */
    static List<List<Rule>> rules(Path glossary) throws IOException {
        List<Rule> nl = new ArrayList<>();
        List<Rule> en = new ArrayList<>();
        boolean table = false;
        for (String line : Files.readAllLines(glossary, StandardCharsets.UTF_8)) {
            if (line.startsWith("|---")) {
                table = true;
                continue;
            }
            if (!table || !line.startsWith("|")) {
                continue;
            }
            String[] cells = line.split("\\|", -1);
            add(nl, cells[4], cells[2]);
            add(en, cells[5], cells[3]);
        }
        return List.of(nl, en);
    }

    private static void add(List<Rule> rules, String avoid, String use) {
        for (String term : avoid.split(",")) {
            String t = term.strip();
            if (!t.isEmpty()) {
                // Whole words only; a word inside a key, path or field name (platform.affordances,
                // affordance-scales.md, "needs", affordance:) is a name, not prose.
                rules.add(new Rule(t, use.strip(), Pattern.compile("(?iu)(?<![\\p{L}\\p{N}./_\\-\"])" + Pattern.quote(t)
                        + "(?![\\p{L}\\p{N}./_\\-\":])")));
            }
        }
    }

    private void check(String text, List<Rule> rules, Path file, int line, Path root) {
        for (Rule r : rules) {
            if (r.pattern().matcher(text).find()) {
                violations.add(root.relativize(file) + (line > 0 ? ":" + line : "") + ": \"" + r.avoid() + "\", use \"" + r.use() + "\"");
            }
        }
    }

    @Test
    void everyUserFacingTextUsesTheGlossarysWords() throws IOException {
        Path root = root();
        List<List<Rule>> rules = rules(root.resolve("docs/glossary.md"));
        List<Rule> nl = rules.get(0);
        List<Rule> en = rules.get(1);
        assertTrue(nl.size() >= 5 && en.size() >= 5, "the glossary has rules: " + rules);

        try (Stream<Path> files = Files.walk(root.resolve("bundles"))) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.toString().contains("/target/")
                    && !f.toString().contains("/bin/") && !f.toString().contains("/tests/") && !f.toString().contains(".tests/")).toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".properties") && !name.equals("build.properties")) {
                    properties(f, name.endsWith("_nl.properties") ? nl : en, root);
                } else if (name.endsWith(".json") && !name.endsWith(".schema.json") && !name.equals("base-lexicon.json")
                        && (f.toString().contains("org.vindplaats.platform.") || f.toString().contains("org.vindplaats.organisation."))) {
                    json(f, nl, en, root);
                }
            }
        }
        markdown(root.resolve("README.md"), en, en, root);
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            for (Path d : docs.filter(p -> p.toString().endsWith(".md") && !p.getFileName().toString().equals("glossary.md")).toList()) {
                // plugin-authoring.md is Dutch up to its English half.
                markdown(d, d.getFileName().toString().equals("plugin-authoring.md") ? nl : en, en, root);
            }
        }
        assertTrue(violations.isEmpty(), "words the glossary (docs/glossary.md) replaces:\n" + String.join("\n", violations));
    }

    private void properties(Path f, List<Rule> rules, Path root) throws IOException {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty() || l.startsWith("#") || !l.contains("=")) {
                continue;
            }
            Properties p = new Properties();
            p.load(new StringReader(l));
            for (String key : p.stringPropertyNames()) {
                check(p.getProperty(key).replaceAll("`[^`]*`", ""), rules, f, i + 1, root); // `code` is a name
            }
        }
    }

    /** The "nl" and "en" strings of text objects; titles, URLs and ids are not ours to change. */
    private void json(Path f, List<Rule> nl, List<Rule> en, Path root) throws IOException {
        JsonNode tree = new ObjectMapper().readTree(f.toFile());
        walk(tree, nl, en, f, root);
    }

    private void walk(JsonNode n, List<Rule> nl, List<Rule> en, Path f, Path root) {
        if (n.isObject()) {
            if (n.path("nl").isTextual()) {
                check(n.get("nl").asText(), nl, f, 0, root);
            }
            if (n.path("en").isTextual()) {
                check(n.get("en").asText(), en, f, 0, root);
            }
            n.properties().forEach(e -> walk(e.getValue(), nl, en, f, root));
        } else if (n.isArray()) {
            n.forEach(x -> walk(x, nl, en, f, root));
        }
    }

    /** A document, Dutch ({@code first}) until a heading "# Writing plugins" switches to English. */
    private void markdown(Path f, List<Rule> first, List<Rule> english, Path root) throws IOException {
        List<Rule> rules = first;
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("# ") && l.toLowerCase(Locale.ROOT).startsWith("# writing plugins")) {
                rules = english;
            }
            // Links and code are names, not prose.
            String prose = l.replaceAll("`[^`]*`", "").replaceAll("\\]\\([^)]*\\)", "]").replaceAll("https?://\\S+", "");
            check(prose, rules, f, i + 1, root);
        }
    }

    @Test
    void theGlossaryCatchesAWordItReplaces() throws IOException {
        List<List<Rule>> rules = rules(root().resolve("docs/glossary.md"));
        check("Kies een affordantie per platform", rules.get(0), Path.of("/x/test.properties"), 3, Path.of("/x"));
        check("The knowledge center said", rules.get(1), Path.of("/x/test.properties"), 4, Path.of("/x"));
        check("Gebruiksmogelijkheden en platforms; trendnotitie", rules.get(0), Path.of("/x/ok.properties"), 5, Path.of("/x"));
        assertTrue(violations.size() == 2 && violations.get(0).startsWith("test.properties:3: \"affordantie\", use \"gebruiksmogelijkheid\""),
                violations.toString());
    }
}
