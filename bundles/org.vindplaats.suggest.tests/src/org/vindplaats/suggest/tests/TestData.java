package org.vindplaats.suggest.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vindplaats.catalog.Catalog;
import org.vindplaats.model.Platform;
import org.vindplaats.model.TrendNote;
import org.vindplaats.suggest.LabelledNotes;
import org.vindplaats.suggest.Labels;
import org.vindplaats.suggest.Lexicon;
import org.vindplaats.suggest.LexiconException;
import org.vindplaats.testing.Services;
import org.vindplaats.testing.TestFiles;

/** The shipped example knowledge centre, the copied dev evaluation set and the real catalog. */
final class TestData {

    static final String KENNISCENTRUM = "org.vindplaats.organisation.kenniscentrum-voorbeeld";

    private TestData() {
    }

    static InputStream open(String symbolicName, String path) throws IOException {
        URL url = TestFiles.bundle(symbolicName).getEntry(path);
        if (url == null) {
            throw new IOException(path + " not found in " + symbolicName);
        }
        return url.openStream();
    }

    static Lexicon kenniscentrumLexicon() throws IOException, LexiconException {
        try (InputStream in = open(KENNISCENTRUM, "data/lexicon.json")) {
            return Lexicon.read(in, "data/lexicon.json");
        }
    }

    static List<TrendNote> kenniscentrumExamples() throws IOException {
        List<TrendNote> all = new ArrayList<>();
        for (String path : List.of("data/labelled-examples.jsonl", "data/curated-notes.jsonl")) {
            all.addAll(jsonl(KENNISCENTRUM, path));
        }
        return all;
    }

    static List<TrendNote> jsonl(String bundle, String path) throws IOException {
        return jsonl(open(bundle, path), path);
    }

    private static List<TrendNote> jsonl(InputStream in, String path) throws IOException {
        List<LabelledNotes.Problem> problems = new ArrayList<>();
        try (InputStreamReader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            List<TrendNote> notes = LabelledNotes.readJsonLines(r, path, problems::add);
            if (!problems.isEmpty()) {
                throw new IllegalStateException(path + ": " + problems);
            }
            return notes;
        }
    }

    /** The dev notes as written (platforms are the author's tags). */
    static List<TrendNote> devNotes() throws IOException {
        return jsonl(TestFiles.evalDev(TestFiles.NOTES), TestFiles.NOTES);
    }

    static Map<String, Labels> devGold() throws IOException {
        List<LabelledNotes.Problem> problems = new ArrayList<>();
        try (InputStreamReader r = new InputStreamReader(TestFiles.evalDev(TestFiles.GOLD), StandardCharsets.UTF_8)) {
            Map<String, Labels> gold = LabelledNotes.readGold(r, "gold.jsonl", problems::add);
            if (!problems.isEmpty()) {
                throw new IllegalStateException(problems.toString());
            }
            return gold;
        }
    }

    private static Map<String, List<String>> platforms;

    /** Platform id → name and nicknames from the installed platform plugins. */
    static synchronized Map<String, List<String>> platforms() throws InterruptedException {
        if (platforms == null) {
            Catalog catalog = Services.await(Catalog.class);
            Map<String, List<String>> map = new LinkedHashMap<>();
            for (Platform p : catalog.platforms()) {
                List<String> names = new ArrayList<>(p.aliases());
                names.add(p.name());
                map.put(p.id(), names);
            }
            platforms = map;
        }
        return platforms;
    }
}
