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
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.model.Platform;
import org.vindplaats.model.TrendNote;
import org.vindplaats.suggest.Labels;
import org.vindplaats.suggest.LabelledNotes;
import org.vindplaats.suggest.Lexicon;
import org.vindplaats.suggest.LexiconException;

/** The shipped example knowledge centre, the copied dev evaluation set and the real catalog. */
final class TestData {

    static final String KENNISCENTRUM = "org.vindplaats.organisation.kenniscentrum-voorbeeld";

    private TestData() {
    }

    static Bundle bundle(String symbolicName) {
        BundleContext ctx = FrameworkUtil.getBundle(TestData.class).getBundleContext();
        for (Bundle b : ctx.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new IllegalStateException(symbolicName + " is not installed in the test framework");
    }

    static InputStream open(String symbolicName, String path) throws IOException {
        URL url = bundle(symbolicName).getEntry(path);
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
        List<LabelledNotes.Problem> problems = new ArrayList<>();
        try (InputStreamReader r = new InputStreamReader(open(bundle, path), StandardCharsets.UTF_8)) {
            List<TrendNote> notes = LabelledNotes.readJsonLines(r, path, problems::add);
            if (!problems.isEmpty()) {
                throw new IllegalStateException(path + ": " + problems);
            }
            return notes;
        }
    }

    /** The dev notes as written (platforms are the author's tags). */
    static List<TrendNote> devNotes() throws IOException {
        return jsonl("org.vindplaats.suggest.tests", "testdata/eval-dev/notes.jsonl");
    }

    static Map<String, Labels> devGold() throws IOException {
        List<LabelledNotes.Problem> problems = new ArrayList<>();
        try (InputStreamReader r = new InputStreamReader(open("org.vindplaats.suggest.tests",
                "testdata/eval-dev/gold.jsonl"), StandardCharsets.UTF_8)) {
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
            BundleContext ctx = FrameworkUtil.getBundle(TestData.class).getBundleContext();
            ServiceTracker<Catalog, Catalog> t = new ServiceTracker<>(ctx, Catalog.class, null);
            t.open();
            Catalog catalog = t.waitForService(TimeUnit.SECONDS.toMillis(30));
            if (catalog == null) {
                throw new IllegalStateException("Catalog service not available");
            }
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
