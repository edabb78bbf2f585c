import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Runs the Jazzer fuzz targets in {@code releng/reliability/fuzz} for a fixed time each, on a plain
 * class path of the CLI product's bundle jars (outside OSGi: the targets call the parsers directly).
 *
 * <pre>
 * java releng/reliability/FuzzRunner.java --plugins &lt;product&gt;/plugins --jazzer &lt;dir with jazzer jars&gt;
 *      [--seconds 20] [--targets A,B] [--out target/reliability/fuzz]
 * </pre>
 * Each target keeps a working corpus in {@code out/corpus/<target>} seeded from
 * {@code releng/reliability/fuzz/corpus/<target>} and the tests' fixtures ({@link #TEST_SEEDS}). A crash fails the run (exit 1); its input is in
 * {@code out/crashes/} and must become a regression test (see docs/reliability.md).
 */
public final class FuzzRunner {

    static final List<String> ALL = List.of("DescriptorFuzz", "HtmlImportFuzz", "JsonLinesImportFuzz", "PiiDetectorFuzz",
            "QueryFuzz");
    /**
     * The unit tests' fixtures and regression inputs seed the fuzzer as well; they live once, in
     * the tests bundles (paths from the repository root, i.e. two levels above --sources).
     */
    static final Map<String, List<String>> TEST_SEEDS = Map.of(
            "DescriptorFuzz", List.of("bundles/org.vindplaats.catalog.tests/fixtures/fuzz-regressions/descriptor"),
            "HtmlImportFuzz", List.of("bundles/org.vindplaats.notes.tests/src/testdata/html"),
            "JsonLinesImportFuzz", List.of("bundles/org.vindplaats.notes.tests/src/testdata/jsonl"));
    private static final Pattern DONE = Pattern.compile("Done (\\d+) runs in (\\d+) second");

    public static void main(String[] args) throws Exception {
        Path plugins = null;
        Path jazzer = null;
        int seconds = 20;
        List<String> targets = ALL;
        Path out = Path.of("target/reliability/fuzz");
        Path sources = Path.of("releng/reliability");
        boolean reportOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
            case "--plugins" -> plugins = Path.of(args[++i]);
            case "--jazzer" -> jazzer = Path.of(args[++i]);
            case "--seconds" -> seconds = Integer.parseInt(args[++i]);
            case "--targets" -> targets = List.of(args[++i].split(","));
            case "--out" -> out = Path.of(args[++i]);
            case "--sources" -> sources = Path.of(args[++i]);
            case "--report-only" -> reportOnly = Boolean.parseBoolean(args[++i]);
            default -> usage("unknown option " + args[i]);
            }
        }
        if (plugins == null || !Files.isDirectory(plugins)) {
            usage("--plugins must name the CLI product's plugins folder (build it with ./mvnw -DskipTests verify)");
        }
        if (jazzer == null || !Files.isDirectory(jazzer)) {
            usage("--jazzer must name a folder with jazzer-<v>.jar and jazzer-api-<v>.jar (the releng module copies them"
                    + " to target/reliability/jazzer)");
        }
        if (seconds <= 0) {
            System.out.println("fuzz: skipped (--seconds 0)");
            return;
        }
        Path fuzzSources = sources.resolve("fuzz");
        Path classes = out.resolve("classes");
        Files.createDirectories(classes);
        String bundles = jars(plugins);
        String api = jar(jazzer, "jazzer-api-");
        String engine = jar(jazzer, "jazzer-");
        String targetPath = classes + File.pathSeparator + bundles + File.pathSeparator + api;

        List<String> compile = new ArrayList<>(List.of("-d", classes.toString(), "-cp", targetPath, "-proc:none",
                "-nowarn", "--release", "21"));
        try (Stream<Path> s = Files.list(fuzzSources)) {
            s.filter(p -> p.toString().endsWith(".java")).forEach(p -> compile.add(p.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null || javac.run(null, null, null, compile.toArray(String[]::new)) != 0) {
            System.err.println("fuzz: the fuzz targets in " + fuzzSources + " do not compile against the product's bundles");
            System.exit(1);
        }

        String java = ProcessHandle.current().info().command().orElse("java");
        Map<String, Object> summary = new LinkedHashMap<>();
        long totalRuns = 0;
        int totalSeconds = 0;
        List<String> crashed = new ArrayList<>();
        for (String target : targets) {
            Path corpus = Files.createDirectories(out.resolve("corpus").resolve(target));
            Path seeds = fuzzSources.resolve("corpus").resolve(target);
            Path crashes = Files.createDirectories(out.resolve("crashes"));
            Path log = out.resolve(target + ".log");
            List<String> cmd = new ArrayList<>(List.of(java, "-Xmx1g", "-cp", targetPath + File.pathSeparator + engine,
                    "com.code_intelligence.jazzer.Jazzer", "--cp=" + targetPath, "--target_class=" + target,
                    "--instrumentation_includes=org.vindplaats.**", "--reproducer_path=" + crashes,
                    "-max_total_time=" + seconds, "-timeout=60", "-rss_limit_mb=2048",
                    "-artifact_prefix=" + crashes + File.separator + target + "-", "-print_final_stats=1",
                    corpus.toString()));
            if (Files.isDirectory(seeds)) {
                cmd.add(seeds.toString());
            }
            Path root = sources.toAbsolutePath().normalize().getParent().getParent();
            for (String extra : TEST_SEEDS.getOrDefault(target, List.of())) {
                if (Files.isDirectory(root.resolve(extra))) {
                    cmd.add(root.resolve(extra).toString());
                }
            }
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean finished = p.waitFor(seconds + 300L, TimeUnit.SECONDS);
            if (!finished) {
                p.destroyForcibly().waitFor();
            }
            String text = Files.readString(log, StandardCharsets.UTF_8);
            long runs = 0;
            int took = 0;
            Matcher m = DONE.matcher(text);
            while (m.find()) {
                runs = Long.parseLong(m.group(1));
                took = Integer.parseInt(m.group(2));
            }
            int exit = finished ? p.exitValue() : -1;
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("executions", runs);
            t.put("seconds", took);
            t.put("corpus", count(corpus));
            t.put("exitCode", exit);
            summary.put(target, t);
            totalRuns += runs;
            totalSeconds += took;
            if (exit != 0) {
                crashed.add(target);
                int at = text.indexOf("== Java Exception");
                System.err.println("fuzz: " + target + " FAILED (exit " + exit + "); input saved in " + crashes
                        + "; log " + log + "\n" + (at >= 0 ? text.substring(at, Math.min(text.length(), at + 2500)) : tail(text)));
            } else {
                System.out.printf(Locale.ROOT, "fuzz: %-20s %,10d executions in %3d s, corpus %d inputs, no failure%n",
                        target, runs, took, count(corpus));
            }
        }
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("tool", "releng/reliability/FuzzRunner.java (Jazzer)");
        all.put("secondsPerTarget", seconds);
        all.put("targets", summary);
        all.put("executions", totalRuns);
        all.put("seconds", totalSeconds);
        all.put("failures", crashed.size());
        all.put("ok", crashed.isEmpty());
        Files.writeString(out.resolve("fuzz-summary.json"), toJson(all, "") + "\n", StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "fuzz: %,d executions in %d s over %d targets, %d failures; summary %s%n",
                totalRuns, totalSeconds, targets.size(), crashed.size(), out.resolve("fuzz-summary.json"));
        if (!crashed.isEmpty() && reportOnly) {
            // Open findings (docs/reliability.md) need not block everyone's build while fixed; the summary says.
            System.err.println("fuzz: WARNING: " + crashed + " failed; --report-only true, so the build goes on."
                    + " See docs/reliability.md (open findings).");
            System.exit(0);
        }
        System.exit(crashed.isEmpty() ? 0 : 1);
    }

    /** java.io.File's separators, without importing a class named like the variables above. */
    private static final class File {
        static final String pathSeparator = java.io.File.pathSeparator;
        static final String separator = java.io.File.separator;
    }

    private static void usage(String message) {
        System.err.println("fuzz: " + message);
        System.exit(2);
    }

    private static String jars(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return String.join(File.pathSeparator,
                    s.filter(p -> p.toString().endsWith(".jar")).map(Path::toString).sorted().toList());
        }
    }

    private static String jar(Path dir, String prefix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                // jazzer-<digit>... but not jazzer-api-...
                return n.startsWith(prefix) && n.endsWith(".jar") && Character.isDigit(n.charAt(prefix.length()));
            }).map(Path::toString).findFirst().orElseThrow(() -> new IllegalStateException("no " + prefix + "*.jar in " + dir));
        }
    }

    private static long count(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    private static String tail(String s) {
        return s.length() > 2500 ? s.substring(s.length() - 2500) : s;
    }

    @SuppressWarnings("unchecked")
    private static String toJson(Object o, String indent) {
        if (o instanceof Map<?, ?> m) {
            StringBuilder b = new StringBuilder("{\n");
            int i = 0;
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                b.append(indent).append("  \"").append(e.getKey()).append("\": ").append(toJson(e.getValue(), indent + "  "))
                        .append(++i < m.size() ? ",\n" : "\n");
            }
            return b.append(indent).append("}").toString();
        }
        if (o instanceof Number || o instanceof Boolean) {
            return o.toString();
        }
        return "\"" + String.valueOf(o).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
