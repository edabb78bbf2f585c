import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.document.LongField;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.vindplaats.index.IndexConfig;
import org.vindplaats.index.NoteIndex;
import org.vindplaats.index.NoteSource;
import org.vindplaats.index.SearchRequest;
import org.vindplaats.index.SearchResult;
import org.vindplaats.index.internal.Analysis;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.Need;
import org.vindplaats.model.Polarity;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.Urgency;

/**
 * Index benchmark: Vindplaats' NoteIndex next to raw Lucene doing the same work (same generated
 * notes, same Lucene documents, same analyzer, same queries) in the same run. Run through
 * releng/benchmarks/index-benchmark.sh [notes].
 */
public class IndexBenchmark {

    static final String[] PLATFORMS = { "instagram", "tiktok", "snapchat", "whatsapp", "discord", "youtube", "telegram",
            "roblox", "fortnite", "twitch", "x", "facebook", "bereal", "reddit", "signal", "threads", "pinterest",
            "spotify", "omegle_like", "dating_apps" };
    static final String[] NL_WORDS = ("jongeren meisjes jongens groepsapp klasgroep pesten gepest berichten filmpje story "
            + "volgers account nepaccount anoniem vragen foto naaktfoto doorgestuurd school buurthuis jeugdhuis ouders "
            + "melden politie chantage geld verdienen oplichting link code gehackt challenge trend gamen nachtelijk slapen "
            + "slaaptekort zelfbeeld filters vergelijken likes reacties livestream streamen muziek delen talent creatief "
            + "gezondheid stress examens steun vrienden relatie druk groepsdruk privacy locatie delen kaart vapes drugs "
            + "alcohol nepnieuws complot polarisering mening ruzie bedreiging wijk avond weekend zomer bijbaan solliciteren "
            + "werk cursus hulp vertrouwen jeugdwerker gesprek meidengroep jongensgroep afspraak week maand").split(" ");
    static final String[] EN_WORDS = ("young people girls boys group chat bullying bullied messages video story followers "
            + "account fake anonymous questions photo nudes shared school youth centre parents report police blackmail "
            + "money earn scam link code hacked challenge trend gaming night sleep self image filters compare likes "
            + "comments livestream streaming music share talent creative health stress exams support friends relationship "
            + "pressure privacy location map vapes drugs alcohol misinformation conspiracy polarisation opinion fight "
            + "threat neighbourhood evening weekend summer job apply work course help trust youth worker conversation").split(" ");
    static final String[] SLANG = { "insta", "snap", "dm", "pb", "nudes", "fyp", "streak", "finsta", "catfish", "skeer" };

    /**
     * A vocabulary of realistic size with a Zipf distribution, as in real text: the real words
     * above mixed with 8,000 deterministic pseudo-words (names, places, rarer words), so a query
     * word matches a realistic share of the notes instead of half of them.
     */
    static final int VOCAB = 8000;
    static final String[][] LEXICON = new String[2][];
    static final double[] ZIPF = new double[VOCAB];

    static {
        String[] syllables = "ka lo mi ren sto ve bel dra ni ko tur sa gen pol vin da ris mo te lu fer quin ba zo".split(" ");
        for (int lang = 0; lang < 2; lang++) {
            String[] real = lang == 0 ? NL_WORDS : EN_WORDS;
            Random r = new Random(1234 + lang);
            List<String> words = new ArrayList<>();
            for (int i = 0; words.size() < VOCAB - real.length; i++) {
                StringBuilder w = new StringBuilder();
                for (int k = 0; k < 2 + r.nextInt(3); k++) {
                    w.append(syllables[r.nextInt(syllables.length)]);
                }
                words.add(w.toString());
            }
            // Real words take ranks spread over the head and middle of the distribution.
            for (int i = 0; i < real.length; i++) {
                words.add(Math.min(words.size(), i * 7), real[i]);
            }
            LEXICON[lang] = words.toArray(String[]::new);
        }
        double sum = 0;
        for (int k = 0; k < VOCAB; k++) {
            sum += 1.0 / (k + 1);
            ZIPF[k] = sum;
        }
        for (int k = 0; k < VOCAB; k++) {
            ZIPF[k] /= sum;
        }
    }

    static String word(Random r, boolean nl) {
        int i = Arrays.binarySearch(ZIPF, r.nextDouble());
        i = i < 0 ? -i - 1 : i;
        return LEXICON[nl ? 0 : 1][Math.min(i, VOCAB - 1)];
    }

    /** Deterministic: note i is always the same, whatever the run. */
    static TrendNote note(int i) {
        Random r = new Random(0x5eedL * 31 + i);
        boolean nl = r.nextInt(10) < 7;
        String[] words = nl ? NL_WORDS : EN_WORDS;
        List<String> platforms = new ArrayList<>();
        int np = r.nextInt(3);
        for (int k = 0; k < np; k++) {
            String p = PLATFORMS[(int) Math.min(PLATFORMS.length - 1, Math.abs(r.nextGaussian()) * 5)];
            if (!platforms.contains(p)) {
                platforms.add(p);
            }
        }
        StringBuilder title = new StringBuilder();
        for (int k = 0; k < 3 + r.nextInt(4); k++) {
            title.append(k == 0 ? "" : " ").append(word(r, nl));
        }
        StringBuilder body = new StringBuilder();
        int n = 50 + r.nextInt(60);
        for (int k = 0; k < n; k++) {
            String w = r.nextInt(40) == 0 ? SLANG[r.nextInt(SLANG.length)]
                    : r.nextInt(30) == 0 ? PLATFORMS[r.nextInt(PLATFORMS.length)] : word(r, nl);
            body.append(w);
            body.append(r.nextInt(12) == 0 ? ". " : " ");
        }
        EnumSet<Need> needs = EnumSet.noneOf(Need.class);
        needs.add(Need.values()[r.nextInt(Need.values().length)]);
        if (r.nextBoolean()) {
            needs.add(Need.values()[r.nextInt(Need.values().length)]);
        }
        EnumSet<Affordance> aff = EnumSet.noneOf(Affordance.class);
        aff.add(Affordance.values()[r.nextInt(Affordance.values().length)]);
        if (r.nextBoolean()) {
            aff.add(Affordance.values()[r.nextInt(Affordance.values().length)]);
        }
        LocalDate observed = LocalDate.of(2023, 1, 1).plusDays(r.nextInt(365 * 3));
        Instant t = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i);
        return new TrendNote(String.format(Locale.ROOT, "bench-%07d", i), title.toString(), body.toString(), platforms,
                observed, nl ? "nl" : "en", TrendNote.TEAM_OBSERVATION, "team", Polarity.values()[r.nextInt(3)],
                Urgency.values()[r.nextInt(3)], needs, aff, t, t, null, Set.of(), false);
    }

    static final int THREADS = Runtime.getRuntime().availableProcessors();
    /** Raw Lucene gets the same threads as NoteIndex: one per core, for indexing and for searching. */
    static final ExecutorService POOL = Executors.newFixedThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "raw-lucene-worker");
        t.setDaemon(true);
        return t;
    });

    static NoteSource source(int n) {
        return NoteSource.of(() -> Stream.iterate(0, i -> i < n, i -> i + 1).map(IndexBenchmark::note), n);
    }

    record Q(String text, String platform, LocalDate from, LocalDate to, boolean facets) {
    }

    static List<Q> queries(String kind, int count) {
        Random r = new Random(kind.hashCode());
        List<Q> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // Workers search the words of their notes: the real words of either language.
            String[] words = r.nextInt(10) < 7 ? NL_WORDS : EN_WORDS;
            String text = words[r.nextInt(words.length)] + (r.nextBoolean() ? " " + words[r.nextInt(words.length)] : "");
            switch (kind) {
            case "plain" -> out.add(new Q(text, null, null, null, false));
            case "filtered" -> {
                LocalDate from = LocalDate.of(2023, 1, 1).plusDays(r.nextInt(900));
                out.add(new Q(text, PLATFORMS[r.nextInt(6)], from, from.plusDays(180), false));
            }
            default -> out.add(new Q(text, null, null, null, true));
            }
        }
        return out;
    }

    static String ours(Q q) {
        StringBuilder sb = new StringBuilder(q.text());
        if (q.platform() != null) {
            sb.append(" platform:").append(q.platform());
        }
        if (q.from() != null) {
            sb.append(" observed:").append(q.from()).append("..").append(q.to());
        }
        return sb.toString();
    }

    /** Raw Lucene: the same analyzer, field weights and filters, built by hand. */
    static final class Raw {
        final IndexSearcher searcher;
        final Analysis analysis;
        final FacetsConfig facetsConfig = new FacetsConfig();
        final DefaultSortedSetDocValuesReaderState state;
        final UnifiedHighlighter highlighter;

        Raw(DirectoryReader reader, Analysis analysis) throws IOException {
            // Segments searched in parallel on every core, as NoteIndex does.
            this.searcher = new IndexSearcher(reader, POOL);
            this.analysis = analysis;
            facetsConfig.setMultiValued("platform", true);
            facetsConfig.setMultiValued("need", true);
            facetsConfig.setMultiValued("affordance", true);
            facetsConfig.setMultiValued("phenomenon", true);
            this.state = new DefaultSortedSetDocValuesReaderState(reader, facetsConfig);
            this.highlighter = UnifiedHighlighter.builder(searcher, analysis.indexAnalyzer()).withMaxLength(100_000).build();
        }

        /** Exact facet counts of the query, to measure how close NoteIndex's estimates are. */
        Map<String, Map<String, Long>> exactFacets(Q q) throws IOException {
            var r = FacetsCollectorManager.search(searcher, query(q), 1, new FacetsCollectorManager());
            var counts = new SortedSetDocValuesFacetCounts(state, r.facetsCollector());
            Map<String, Map<String, Long>> out = new java.util.HashMap<>();
            for (String dim : facetDims()) {
                Map<String, Long> values = new java.util.HashMap<>();
                var fr = counts.getTopChildren(1000, dim);
                if (fr != null) {
                    for (var lv : fr.labelValues) {
                        values.put(lv.label, lv.value.longValue());
                    }
                }
                out.put(dim, values);
            }
            return out;
        }

        Query text(Q q) {
            SimpleQueryParser p = new SimpleQueryParser(analysis.queryAnalyzer(),
                    Map.of("title.nl", 1.5f, "title.en", 1.5f, "body.nl", 1f, "body.en", 1f, "parts", 0.5f));
            return p.parse(q.text());
        }

        Query query(Q q) {
            Query text = text(q);
            BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, Occur.MUST);
            if (q.platform() != null) {
                b.add(new TermQuery(new Term("platform", q.platform())), Occur.FILTER);
            }
            if (q.from() != null) {
                b.add(LongField.newRangeQuery("observed", q.from().toEpochDay(), q.to().toEpochDay()), Occur.FILTER);
            }
            return b.build();
        }

        int run(Q q) throws IOException {
            Query text = text(q);
            Query query = query(q);
            TopDocs top;
            int facetCount = 0;
            if (q.facets()) {
                var r = FacetsCollectorManager.search(searcher, query, 10, new FacetsCollectorManager());
                top = r.topDocs();
                var counts = new SortedSetDocValuesFacetCounts(state, r.facetsCollector());
                for (String dim : facetDims()) {
                    var fr = counts.getTopChildren(1000, dim);
                    facetCount += fr == null ? 0 : fr.labelValues.length;
                }
            } else {
                // Exact totals, as NoteIndex reports them: the top 10 by block-max WAND, then a count.
                top = searcher.search(query, new TopScoreDocCollectorManager(10, null, 1000));
                if (top.totalHits.relation() != org.apache.lucene.search.TotalHits.Relation.EQUAL_TO) {
                    top = new TopDocs(new org.apache.lucene.search.TotalHits(searcher.count(query),
                            org.apache.lucene.search.TotalHits.Relation.EQUAL_TO), top.scoreDocs);
                }
            }
            var stored = searcher.storedFields();
            int chars = 0;
            for (ScoreDoc sd : top.scoreDocs) {
                chars += stored.document(sd.doc).get("title").length();
            }
            if (top.scoreDocs.length > 0) {
                highlighter.highlightFields(new String[] { "body.nl", "body.en" }, text, top);
            }
            return chars + facetCount + (int) top.totalHits.value();
        }
    }

    /**
     * Above 50 000 matches NoteIndex estimates facet counts from a sample (raw Lucene above counts
     * them exactly): how far are the estimates from the exact counts on the same queries?
     */
    static void accuracy(NoteIndex ours, Raw raw, List<Q> qs) throws IOException {
        int estimated = 0;
        int values = 0;
        int missing = 0;
        int large = 0;
        double sumErr = 0;
        double worst = 0;
        int totalsWrong = 0;
        for (Q q : qs) {
            SearchResult r = ours.search(SearchRequest.of(ours(q)).limit(10).facets(true));
            if (!r.estimated()) {
                continue;
            }
            estimated++;
            Map<String, Map<String, Long>> exact = raw.exactFacets(q);
            long total = raw.searcher.count(raw.query(q));
            if (total != r.total()) {
                totalsWrong++;
            }
            for (var dim : exact.entrySet()) {
                for (var v : dim.getValue().entrySet()) {
                    values++;
                    long got = r.facets().getOrDefault(dim.getKey(), Map.of()).getOrDefault(v.getKey(), 0L);
                    if (got == 0) {
                        missing++;
                    }
                    if (v.getValue() * 100 >= total) {
                        double err = Math.abs(got - v.getValue()) / (double) v.getValue();
                        large++;
                        sumErr += err;
                        worst = Math.max(worst, err);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nfacet estimates (%d of %d faceted queries match > 50 000 notes and are sampled): totals exact in %d of %d;%n"
                + "  values with >= 1%% of the matches: mean relative error %.1f%%, worst %.1f%% (%d values); values missing from the estimate: %d of %d%n",
                estimated, qs.size(), estimated - totalsWrong, estimated, 100 * (large == 0 ? 0 : sumErr / large), 100 * worst, large, missing, values);
    }

    /**
     * Where faceted searches spend their time: our index of {@code n} notes (kept in {@code dir},
     * built there once), the faceted queries one by one, the slowest with their match counts, and
     * the same queries without facets for comparison. Not part of the benchmark's figures.
     */
    static void probe(int n, int queries, Path thesaurus, Path dir) throws Exception {
        IndexConfig config = withPhenomena(thesaurus);
        long t0 = System.nanoTime();
        try (NoteIndex ours = NoteIndex.open(dir, source(n), config, new NullProgressMonitor())) {
            System.out.printf(Locale.ROOT, "opened %d notes in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
            for (int round = 0; round < 2; round++) {
                measure(queries("faceted-warm", 200), q -> ours.search(SearchRequest.of(ours(q)).limit(10).facets(true)));
                List<Q> qs = queries("faceted", queries);
                long[] t = new long[qs.size()];
                long[] plain = new long[qs.size()];
                long[] found = new long[qs.size()];
                for (int i = 0; i < qs.size(); i++) {
                    Q q = qs.get(i);
                    long s = System.nanoTime();
                    found[i] = ours.search(SearchRequest.of(ours(q)).limit(10).facets(true)).total();
                    t[i] = System.nanoTime() - s;
                    s = System.nanoTime();
                    ours.search(SearchRequest.of(ours(q)).limit(10));
                    plain[i] = System.nanoTime() - s;
                }
                Integer[] order = new Integer[t.length];
                for (int i = 0; i < order.length; i++) {
                    order[i] = i;
                }
                Arrays.sort(order, (a, b) -> Long.compare(t[b], t[a]));
                for (int k = 0; k < 25; k++) {
                    int i = order[k];
                    System.out.printf(Locale.ROOT, "%7.1f ms (without facets %6.1f) %8d found  %s%n", t[i] / 1e6, plain[i] / 1e6, found[i], ours(qs.get(i)));
                }
                long[] a = t.clone();
                long[] b = plain.clone();
                Arrays.sort(a);
                Arrays.sort(b);
                long[] bands = new long[4];
                for (long f : found) {
                    bands[f <= 10_000 ? 0 : f <= 50_000 ? 1 : f <= 200_000 ? 2 : 3]++;
                }
                System.out.printf(Locale.ROOT, "faceted p50 %.1f p95 %.1f p99 %.1f ms; the same without facets p50 %.1f p95 %.1f; matches <=10k %d, <=50k %d, <=200k %d, more %d%n",
                        pct(a, 50), pct(a, 95), pct(a, 99), pct(b, 50), pct(b, 95), bands[0], bands[1], bands[2], bands[3]);
            }
        }
    }

    static long[] measure(List<Q> qs, IOFunction f) throws IOException {
        long[] nanos = new long[qs.size()];
        for (int i = 0; i < qs.size(); i++) {
            long t = System.nanoTime();
            f.apply(qs.get(i));
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    interface IOFunction {
        Object apply(Q q) throws IOException;
    }

    static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    static long heapMb() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) >> 20;
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("probe")) {
            probe(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Path.of(args[3]), Path.of(args[4]));
            return;
        }
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int queriesPerKind = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        Path work = Files.createTempDirectory("vindplaats-index-bench");
        System.out.printf(Locale.ROOT, "notes: %d, cores (= worker threads of both engines): %d, JDK: %s, max heap: %d MB, folder: %s%n", n,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, work);
        // With a thesaurus (third argument: a thesaurus.json, e.g. the example knowledge centre's),
        // both engines get documents tagged with phenomena by the same tagger (NoteIndex.document),
        // the phenomenon facet is counted by both, and our queries recognise phenomena.
        IndexConfig config = args.length > 2 ? withPhenomena(Path.of(args[2])) : IndexConfig.defaults();
        long base = heapMb();

        NoteIndex helper = NoteIndex.open(work.resolve("helper"), NoteSource.empty(), config, new NullProgressMonitor());
        Analysis analysis = new Analysis(config.synonyms());
        // Warm up both paths (JIT) on a small build, then time the real ones.
        int warmNotes = Math.min(n, 20_000);
        rawBuild(work.resolve("raw-warm"), warmNotes, analysis, helper);
        NoteIndex.open(work.resolve("ours-warm"), source(warmNotes), config, new NullProgressMonitor()).close();

        double rawBuild = rawBuild(work.resolve("raw"), n, analysis, helper);
        helper.close();
        long t0 = System.nanoTime();
        NoteIndex ours = NoteIndex.open(work.resolve("ours"), source(n), config, new NullProgressMonitor());
        double ourBuild = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%nfull build      ours %7.1f s (%,.0f notes/s)   raw Lucene %7.1f s (%,.0f notes/s)   throughput ratio %.2fx%n",
                ourBuild, n / ourBuild, rawBuild, n / rawBuild, rawBuild / ourBuild);
        long oursHeap = heapMb() - base;

        DirectoryReader rawReader = DirectoryReader.open(FSDirectory.open(work.resolve("raw")));
        Raw raw = new Raw(rawReader, analysis);
        long bothHeap = heapMb() - base;

        System.out.printf(Locale.ROOT, "%n%-9s %-11s %8s %8s %8s%n", "queries", "engine", "p50 ms", "p95 ms", "p99 ms");
        for (String kind : new String[] { "plain", "filtered", "faceted" }) {
            List<Q> warm = queries(kind + "-warm", 200);
            List<Q> qs = queries(kind, queriesPerKind);
            measure(warm, q -> ours.search(SearchRequest.of(ours(q)).limit(10).facets(q.facets())));
            measure(warm, raw::run);
            long[] o = measure(qs, q -> ours.search(SearchRequest.of(ours(q)).limit(10).facets(q.facets())));
            long[] r = measure(qs, raw::run);
            System.out.printf(Locale.ROOT, "%-9s %-11s %8.2f %8.2f %8.2f%n", kind, "ours", pct(o, 50), pct(o, 95), pct(o, 99));
            System.out.printf(Locale.ROOT, "%-9s %-11s %8.2f %8.2f %8.2f%n", "", "raw Lucene", pct(r, 50), pct(r, 95), pct(r, 99));
            System.out.printf(Locale.ROOT, "%-9s %-11s %7.2fx %7.2fx %7.2fx%n", "", "ratio", pct(o, 50) / pct(r, 50),
                    pct(o, 95) / pct(r, 95), pct(o, 99) / pct(r, 99));
        }
        if (PHENOMENA) {
            firstSearchesAfterAChange(ours, config, n);
            // Our queries then also find the notes of the phenomena they name: other matches than
            // raw Lucene's, so its exact counts are no reference for our estimates.
            System.out.printf(Locale.ROOT, "%nfacet estimates: not compared (with a thesaurus our queries match other notes than raw Lucene's)%n");
        } else {
            accuracy(ours, raw, queries("faceted", Math.min(queriesPerKind, 200)));
        }
        System.out.printf(Locale.ROOT, "%nheap after GC   ours (index open) %d MB, plus raw Lucene reader %d MB; index on disk: ours %d MB, raw %d MB%n",
                oursHeap, bothHeap - oursHeap, size(work.resolve("ours")) >> 20, size(work.resolve("raw")) >> 20);
        System.out.printf(Locale.ROOT, "peak heap (JVM) %d MB%n",
                ManagementFactory.getMemoryPoolMXBeans().stream().mapToLong(p -> p.getPeakUsage() == null ? 0 : p.getPeakUsage().getUsed()).sum() >> 20);

        long t1 = System.nanoTime();
        ours.rebuild(new NullProgressMonitor());
        System.out.printf(Locale.ROOT, "rebuild (open index, fresh generation + swap) %.1f s%n", (System.nanoTime() - t1) / 1e9);
        ours.close();
        rawReader.close();
        try (Stream<Path> walk = Files.walk(work)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * A phenomenon's resemblance (its examples' distinctive words, scored over the notes related to
     * it) is made on the first search naming the phenomenon, kept, and after a change extended to
     * the new segments (made anew after large changes). Times faceted searches for 40 phenomenon
     * names: a faceted search without a phenomenon after a change (what any first search after a
     * change costs: the new reader, its facet state); each name's first search; the same name after
     * a note was indexed (extended), twice; and the same names on an unchanged index (kept).
     */
    static void firstSearchesAfterAChange(NoteIndex ours, IndexConfig config, int n) throws IOException {
        List<org.vindplaats.model.Phenomenon> all = new ArrayList<>(config.thesaurus().all());
        List<String> names = new ArrayList<>();
        for (int i = 0; i < all.size() && names.size() < 40; i += 2) {
            names.add(all.get(i).label().get(Locale.forLanguageTag("nl")));
        }
        long[] plain = new long[names.size()];
        long[] first = new long[names.size()];
        long[] kept = new long[names.size()];
        for (int i = 0; i < names.size(); i++) {
            ours.index(note(n + i));
            long t = System.nanoTime();
            ours.search(SearchRequest.of("platform:" + PLATFORMS[i % PLATFORMS.length]).limit(10).facets(true));
            plain[i] = System.nanoTime() - t;
        }
        // Each name searched once first, as a worker searches, saves a note and searches again: the
        // search after the change extends what was made (new notes scored, the rest kept). A name
        // never searched before pays for making it whole (the query benchmark above made some).
        long[] made = new long[names.size()];
        for (int i = 0; i < names.size(); i++) {
            long t = System.nanoTime();
            ours.search(SearchRequest.of(names.get(i)).limit(10).facets(true));
            made[i] = System.nanoTime() - t;
        }
        for (int i = 0; i < names.size(); i++) {
            ours.index(note(n + names.size() + i));
            long t = System.nanoTime();
            ours.search(SearchRequest.of(names.get(i)).limit(10).facets(true));
            first[i] = System.nanoTime() - t;
        }
        // Once more: the round above may have caught up with segments merged since the names were
        // first searched (a merge's new segment is scored once per phenomenon); this is the usual case.
        long[] again = new long[names.size()];
        for (int i = 0; i < names.size(); i++) {
            ours.index(note(n + 2 * names.size() + i));
            long t = System.nanoTime();
            ours.search(SearchRequest.of(names.get(i)).limit(10).facets(true));
            again[i] = System.nanoTime() - t;
        }
        for (int i = 0; i < names.size(); i++) {
            long t = System.nanoTime();
            ours.search(SearchRequest.of(names.get(i)).limit(10).facets(true));
            kept[i] = System.nanoTime() - t;
        }
        Arrays.sort(plain);
        Arrays.sort(made);
        Arrays.sort(first);
        Arrays.sort(again);
        Arrays.sort(kept);
        System.out.printf(Locale.ROOT, "%nafter a change (a note indexed before each search), %d faceted searches p50 / p95:%n", names.size());
        System.out.printf(Locale.ROOT, "  a platform filter, no phenomenon            %7.2f / %7.2f ms%n", pct(plain, 50), pct(plain, 95));
        System.out.printf(Locale.ROOT, "  a name's first search (made, or kept from the queries above) %7.2f / %7.2f ms%n", pct(made, 50), pct(made, 95));
        System.out.printf(Locale.ROOT, "  the same name after a change (extended)     %7.2f / %7.2f ms%n", pct(first, 50), pct(first, 95));
        System.out.printf(Locale.ROOT, "  after the next change (extended again)      %7.2f / %7.2f ms%n", pct(again, 50), pct(again, 95));
        System.out.printf(Locale.ROOT, "  the same names, index unchanged (kept)      %7.2f / %7.2f ms%n", pct(kept, 50), pct(kept, 95));
    }

    /** The default configuration with the thesaurus in {@code file} and the suggester's tagger. */
    static IndexConfig withPhenomena(Path file) throws IOException {
        var read = org.vindplaats.catalog.ThesaurusReader.read(Files.readAllBytes(file), "benchmark", file.toString());
        var thesaurus = read.thesaurus();
        var suggester = org.vindplaats.suggest.PhenomenonSuggester.train(thesaurus);
        System.out.printf(Locale.ROOT, "thesaurus: %d phenomena from %s; notes are tagged while indexing (both engines)%n",
                thesaurus.all().size(), file);
        PHENOMENA = true;
        return IndexConfig.defaults().withThesaurus(thesaurus).withPhenomenonTagger(org.vindplaats.suggest.PhenomenonSuggester.VERSION,
                // As the product's tagger (PluginContributions.searchConfig).
                org.vindplaats.index.PhenomenonTagger.ranking(note -> {
                    var t = suggester.tagging(note);
                    return new org.vindplaats.index.PhenomenonTagger.Tags(t.tags(), t.likely(), t.first());
                }));
    }

    /** Whether the run has a thesaurus: raw Lucene counts the phenomenon facet too. */
    static boolean PHENOMENA;

    static String[] facetDims() {
        return PHENOMENA ? new String[] { "platform", "need", "affordance", "polarity", "urgency", "month", "phenomenon" }
                : new String[] { "platform", "need", "affordance", "polarity", "urgency", "month" };
    }

    /** Raw Lucene: an IndexWriter fed the same documents (NoteIndex.document) with the same analyzer. */
    static double rawBuild(Path path, int n, Analysis analysis, NoteIndex helper) throws IOException {
        try (FSDirectory dir = FSDirectory.open(path)) {
            IndexWriterConfig iwc = new IndexWriterConfig(analysis.indexAnalyzer());
            iwc.setRAMBufferSizeMB(64);
            long t0 = System.nanoTime();
            // The same division of work as NoteIndex: this thread produces the notes, one worker
            // per core analyses and adds batches of 256, at most two batches per core waiting.
            try (IndexWriter w = new IndexWriter(dir, iwc); Stream<TrendNote> notes = source(n).notes()) {
                java.util.ArrayDeque<Future<?>> inFlight = new java.util.ArrayDeque<>();
                java.util.Iterator<TrendNote> it = notes.iterator();
                while (it.hasNext()) {
                    List<TrendNote> batch = new ArrayList<>(256);
                    while (batch.size() < 256 && it.hasNext()) {
                        batch.add(it.next());
                    }
                    inFlight.add(POOL.submit(() -> {
                        for (TrendNote note : batch) {
                            w.addDocument(helper.document(note));
                        }
                        return null;
                    }));
                    while (inFlight.size() >= 2 * THREADS) {
                        await(inFlight.poll());
                    }
                }
                while (!inFlight.isEmpty()) {
                    await(inFlight.poll());
                }
                w.commit();
            }
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    static void await(Future<?> f) throws IOException {
        try {
            f.get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IOException(e);
        }
    }

    static long size(Path p) throws IOException {
        try (Stream<Path> walk = Files.walk(p)) {
            return walk.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
