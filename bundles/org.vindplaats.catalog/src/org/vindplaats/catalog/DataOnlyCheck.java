package org.vindplaats.catalog;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.eclipse.osgi.util.ManifestElement;
import org.eclipse.osgi.util.NLS;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Version;
import org.vindplaats.catalog.Problem.Severity;

/**
 * Plugins are data, never code. This check decides whether a plugin jar, an installed user bundle
 * or a plugin folder holds only what the plugin layout allows: the descriptor, data files of known
 * types, the manifest that {@code vindplaats plugin build} writes and signature files. It applies to
 * every plugin from a user (installed, downloaded or found in the plugin folder), before the
 * framework ever sees it. Plugins shipped with Vindplaats are part of the product and not checked.
 * <p>
 * The manifest is read with the framework's own parser, so the check sees the headers the
 * framework would act on (names without regard to case, the last of two equal names wins).
 */
public final class DataOnlyCheck {

    /** The manifest that 'plugin build' writes has these headers, and a plugin may have no others. */
    static final List<String> ALLOWED_HEADERS = List.of("Manifest-Version", "Created-By", "Bundle-ManifestVersion",
            "Bundle-SymbolicName", "Bundle-Version", "Bundle-Name", "Bundle-Vendor", PluginDescriptor.MANIFEST_HEADER,
            "Bundle-ClassPath");

    /** Data file types a plugin may hold: texts, JSON (Lines), images, certificates. */
    public static final List<String> DATA_TYPES = List.of("json", "jsonl", "md", "txt", "csv", "png", "svg", "jpg",
            "jpeg", "gif", "webp", "pdf", "pem", "cer", "crt");

    private static final List<String> NATIVE_TYPES = List.of("so", "dll", "dylib", "jnilib", "exe", "sys", "a", "lib",
            "o", "node");
    private static final List<String> ARCHIVE_TYPES = List.of("jar", "zip", "war", "ear", "jmod", "rar", "7z", "gz",
            "tar", "tgz");
    private static final Pattern SO_VERSIONED = Pattern.compile(".*\\.so(\\.[0-9]+)+");
    private static final Pattern SIGNATURE_FILE = Pattern.compile("META-INF/[A-Za-z0-9_-]{1,64}\\.(SF|RSA|DSA|EC)");
    private static final Pattern PLUGIN_NAME = Pattern
            .compile("org\\.vindplaats\\.(platform|organisation)\\.[a-z0-9][a-z0-9_-]{0,63}");
    private static final String MANIFEST = "META-INF/MANIFEST.MF";
    private static final int MAX_MANIFEST_BYTES = 256 * 1024;
    private static final int MAX_NESTED_ENTRIES = 10_000;
    private static final long MAX_NESTED_BYTES = 64L * 1024 * 1024;

    private DataOnlyCheck() {
    }

    /** What the check needs of a plugin, wherever it lives. */
    private interface Source {
        /** Display name for problems: the jar file, the folder or the bundle. */
        String plugin();

        /** The main manifest headers as the framework reads them, empty when there is no manifest. */
        Optional<Map<String, String>> headers() throws IOException;

        InputStream open(String entry) throws IOException;
    }

    /** Checks a plugin jar, e.g. before it is installed or when it is found in the plugin folder. */
    public static List<Problem> checkJar(Path jar) {
        return checkJar(jar, null);
    }

    /**
     * Checks a plugin jar whose descriptor is known: also that its bundle name is the one 'plugin
     * build' gives that descriptor.
     */
    public static List<Problem> checkJar(Path jar, PluginDescriptor descriptor) {
        List<Problem> problems = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<String> names = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (!seen.add(name)) {
                    problems.add(entryProblem(jar.toString(), name, NLS.bind(Messages.DataOnly_duplicate, printable(name))));
                }
                names.add(name);
            }
            Source source = new Source() {
                @Override
                public String plugin() {
                    return jar.toString();
                }

                @Override
                public Optional<Map<String, String>> headers() throws IOException {
                    ZipEntry e = zip.getEntry(MANIFEST);
                    if (e == null || e.isDirectory()) {
                        return Optional.empty();
                    }
                    try (InputStream in = zip.getInputStream(e)) {
                        return Optional.of(parseManifest(in));
                    }
                }

                @Override
                public InputStream open(String entry) throws IOException {
                    return zip.getInputStream(zip.getEntry(entry));
                }
            };
            check(source, names, true, problems);
            if (descriptor != null) {
                Optional<String> bsn = source.headers().map(h -> h.get("Bundle-SymbolicName")).map(String::trim);
                bsn.flatMap(n -> checkSymbolicName(jar.toString(), n, descriptor)).ifPresent(problems::add);
            }
        } catch (IOException e) {
            problems.add(new Problem(Severity.ERROR, jar.toString(), "", 0, 0, NLS.bind(Messages.Load_unreadable, e.getMessage()),
                    NLS.bind(Messages.Load_unreadable_fix, null)));
        }
        return problems;
    }

    /**
     * Checks an installed bundle from the user's plugin folder, reading it only through
     * {@link Bundle#getHeaders(String)}, {@link Bundle#getEntryPaths(String)} and
     * {@link Bundle#getEntry(String)}: none of them resolves the bundle.
     */
    public static List<Problem> checkBundle(Bundle bundle) {
        List<Problem> problems = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Deque<String> folders = new ArrayDeque<>(List.of("/"));
        while (!folders.isEmpty() && names.size() < MAX_NESTED_ENTRIES) {
            Enumeration<String> paths = bundle.getEntryPaths(folders.pop());
            while (paths != null && paths.hasMoreElements()) {
                String p = paths.nextElement();
                names.add(p);
                if (p.endsWith("/")) {
                    folders.push(p);
                }
            }
        }
        Source source = new Source() {
            @Override
            public String plugin() {
                return bundle.getLocation();
            }

            @Override
            public Optional<Map<String, String>> headers() {
                Dictionary<String, String> raw = bundle.getHeaders("");
                Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                for (Enumeration<String> keys = raw.keys(); keys.hasMoreElements();) {
                    String k = keys.nextElement();
                    map.put(k, raw.get(k));
                }
                return Optional.of(map);
            }

            @Override
            public InputStream open(String entry) throws IOException {
                URL url = bundle.getEntry(entry);
                if (url == null) {
                    throw new IOException(entry);
                }
                return url.openStream();
            }
        };
        try {
            check(source, names, true, problems);
        } catch (IOException e) {
            problems.add(new Problem(Severity.ERROR, bundle.getLocation(), "", 0, 0,
                    NLS.bind(Messages.Load_unreadable, e.getMessage()), NLS.bind(Messages.Load_unreadable_fix, null)));
        }
        return problems;
    }

    /**
     * Checks one file of a plugin folder that {@code plugin build} would put into the jar.
     *
     * @param relative the path inside the folder, with '/'
     */
    public static Optional<Problem> checkFile(Path folder, String relative) {
        List<Problem> problems = new ArrayList<>();
        Source source = new Source() {
            @Override
            public String plugin() {
                return folder.toString();
            }

            @Override
            public Optional<Map<String, String>> headers() {
                return Optional.empty();
            }

            @Override
            public InputStream open(String entry) throws IOException {
                return Files.newInputStream(folder.resolve(entry));
            }
        };
        try {
            check(source, List.of(relative), false, problems);
        } catch (IOException e) {
            problems.add(new Problem(Severity.ERROR, folder.toString(), relative, 0, 0,
                    NLS.bind(Messages.Load_unreadable, e.getMessage()), NLS.bind(Messages.Load_unreadable_fix, null)));
        }
        return problems.stream().findFirst();
    }

    /**
     * The bundle name must be the one 'plugin build' gives this descriptor, so that what a plugin
     * calls itself and what it describes cannot differ.
     */
    public static Optional<Problem> checkSymbolicName(String plugin, String symbolicName, PluginDescriptor d) {
        String expected = PluginJarBuilder.symbolicName(d);
        if (expected.equals(symbolicName)) {
            return Optional.empty();
        }
        return Optional.of(new Problem(Severity.ERROR, plugin, MANIFEST, 0, 0,
                NLS.bind(Messages.DataOnly_symbolicName, new Object[] { printable(symbolicName), d.kind().id(), d.id(), expected }),
                NLS.bind(Messages.DataOnly_headerValue_fix, null)));
    }

    private static void check(Source source, List<String> names, boolean withManifest, List<Problem> problems)
            throws IOException {
        if (withManifest) {
            checkManifest(source, problems);
        }
        for (String name : names) {
            Optional<String> reason = nameProblem(name, withManifest);
            if (reason.isEmpty() && !name.endsWith("/")) {
                reason = contentProblem(name, source);
            }
            reason.ifPresent(r -> problems.add(entryProblem(source.plugin(), name, r)));
        }
    }

    private static Problem entryProblem(String plugin, String name, String message) {
        String fix = message.equals(typeMessage(name)) ? NLS.bind(Messages.DataOnly_type_fix, null)
                : NLS.bind(Messages.DataOnly_entry_fix, null);
        return new Problem(Severity.ERROR, plugin, printable(name), 0, 0, message, fix);
    }

    private static void checkManifest(Source source, List<Problem> problems) {
        Map<String, String> headers;
        try {
            Optional<Map<String, String>> read = source.headers();
            if (read.isEmpty()) {
                problems.add(manifestProblem(source, Messages.DataOnly_noManifest, MANIFEST, null));
                return;
            }
            headers = read.get();
        } catch (IOException e) {
            problems.add(manifestProblem(source, Messages.DataOnly_badManifest, MANIFEST, e.getMessage()));
            return;
        }
        for (Map.Entry<String, String> h : headers.entrySet()) {
            String name = h.getKey();
            String value = h.getValue() == null ? "" : h.getValue().trim();
            String reason = codeHeaderReason(name);
            if (reason == null && ALLOWED_HEADERS.stream().noneMatch(name::equalsIgnoreCase)) {
                reason = NLS.bind(Messages.DataOnly_reasonOther, printable(name), String.join(", ", ALLOWED_HEADERS));
            }
            if (reason == null && name.equalsIgnoreCase("Bundle-ClassPath") && !value.equals(".")) {
                reason = Messages.DataOnly_reasonClassPath;
            }
            if (reason != null) {
                problems.add(new Problem(Severity.ERROR, source.plugin(), MANIFEST, 0, 0,
                        NLS.bind(Messages.DataOnly_header, printable(name), reason),
                        NLS.bind(Messages.DataOnly_header_fix, null)));
            }
        }
        requireValue(source, headers, "Bundle-ManifestVersion", "2"::equals, "2", problems);
        requireValue(source, headers, PluginDescriptor.MANIFEST_HEADER, PluginDescriptor.FILE_NAME::equals,
                PluginDescriptor.FILE_NAME, problems);
        requireValue(source, headers, "Bundle-SymbolicName", v -> PLUGIN_NAME.matcher(v).matches(),
                "org.vindplaats.platform.<id> or org.vindplaats.organisation.<id>", problems);
        requireValue(source, headers, "Bundle-Version", DataOnlyCheck::isVersion, "major.minor.micro", problems);
    }

    private static void requireValue(Source source, Map<String, String> headers, String header,
            java.util.function.Predicate<String> ok, String wanted, List<Problem> problems) {
        String value = headers.get(header);
        String v = value == null ? "" : value.trim();
        if (!ok.test(v)) {
            problems.add(new Problem(Severity.ERROR, source.plugin(), MANIFEST, 0, 0,
                    NLS.bind(Messages.DataOnly_headerValue, new Object[] { header, printable(v), wanted }),
                    NLS.bind(Messages.DataOnly_headerValue_fix, null)));
        }
    }

    private static boolean isVersion(String v) {
        try {
            Version.parseVersion(v);
            return !v.isEmpty();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Problem manifestProblem(Source source, String message, String file, String detail) {
        return new Problem(Severity.ERROR, source.plugin(), file, 0, 0, NLS.bind(message, file, detail),
                NLS.bind(Messages.DataOnly_headerValue_fix, null));
    }

    /** Why a header would bring code in, or null when it is not one of those. */
    private static String codeHeaderReason(String header) {
        return switch (header.toLowerCase(Locale.ROOT)) {
            case "bundle-activator", "extensionbundle-activator" -> Messages.DataOnly_reasonActivator;
            case "fragment-host" -> Messages.DataOnly_reasonFragment;
            case "service-component" -> Messages.DataOnly_reasonComponent;
            case "require-bundle", "import-package", "dynamicimport-package" -> Messages.DataOnly_reasonImport;
            case "bundle-nativecode" -> Messages.DataOnly_reasonNative;
            default -> null;
        };
    }

    /** Reads the main section the way the framework does (case-insensitive names, last one wins). */
    static Map<String, String> parseManifest(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_MANIFEST_BYTES + 1);
        if (bytes.length > MAX_MANIFEST_BYTES) {
            throw new IOException(NLS.bind(Messages.Load_tooLarge, "> " + MAX_MANIFEST_BYTES, MAX_MANIFEST_BYTES));
        }
        try {
            return ManifestElement.parseBundleManifest(new java.io.ByteArrayInputStream(bytes),
                    new TreeMap<>(String.CASE_INSENSITIVE_ORDER));
        } catch (BundleException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Why this entry name is outside the plugin layout, judged by its name only. */
    private static Optional<String> nameProblem(String name, boolean inJar) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains("//")
                || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)
                || java.util.Arrays.stream(name.split("/")).anyMatch(s -> s.startsWith(".") || s.contains(":"))) {
            return Optional.of(NLS.bind(Messages.DataOnly_badName, printable(name)));
        }
        String upper = name.toUpperCase(Locale.ROOT);
        if (upper.startsWith("META-INF/")) {
            boolean allowed = inJar && (name.equals("META-INF/") || name.equals(MANIFEST)
                    || SIGNATURE_FILE.matcher(name).matches());
            return allowed ? Optional.empty() : Optional.of(NLS.bind(Messages.DataOnly_metaInf, printable(name)));
        }
        if (upper.startsWith("OSGI-INF/") || upper.startsWith("OSGI-OPT/")) {
            return Optional.of(NLS.bind(Messages.DataOnly_reserved, printable(name)));
        }
        if (name.endsWith("/")) {
            return Optional.empty();
        }
        String type = type(name);
        if (type.equals("class")) {
            return Optional.of(NLS.bind(Messages.DataOnly_classFile, printable(name)));
        }
        if (NATIVE_TYPES.contains(type) || SO_VERSIONED.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
            return Optional.of(NLS.bind(Messages.DataOnly_nativeCode, printable(name)));
        }
        if (ARCHIVE_TYPES.contains(type)) {
            return Optional.empty(); // refused by content, which says whether it holds code
        }
        if (!DATA_TYPES.contains(type)) {
            return Optional.of(typeMessage(name));
        }
        return Optional.empty();
    }

    private static String typeMessage(String name) {
        return NLS.bind(Messages.DataOnly_type, printable(name), String.join(", ", DATA_TYPES));
    }

    private static String type(String name) {
        String file = name.substring(name.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        return dot < 0 ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Why this entry's content is code or an archive, whatever its name; signature files are exempt. */
    private static Optional<String> contentProblem(String name, Source source) throws IOException {
        if (name.startsWith("META-INF/")) {
            return Optional.empty();
        }
        try (InputStream in = source.open(name)) {
            byte[] head = in.readNBytes(4);
            String kind = codeKind(head);
            if (kind != null) {
                return Optional.of(NLS.bind(Messages.DataOnly_disguised, printable(name), kind));
            }
            if (isZip(head) || ARCHIVE_TYPES.contains(type(name))) {
                if (!isZip(head)) {
                    return Optional.of(NLS.bind(Messages.DataOnly_archive, printable(name)));
                }
                Optional<String> code = codeInside(new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head), in),
                        name, 0, new long[] { 0 });
                return Optional.of(code.map(c -> NLS.bind(Messages.DataOnly_archiveWithCode, printable(name), c))
                        .orElse(NLS.bind(Messages.DataOnly_archive, printable(name))));
            }
        }
        return Optional.empty();
    }

    private static String codeKind(byte[] h) {
        if (h.length < 4) {
            return null;
        }
        int magic = (h[0] & 0xff) << 24 | (h[1] & 0xff) << 16 | (h[2] & 0xff) << 8 | (h[3] & 0xff);
        return switch (magic) {
            case 0xCAFEBABE -> Messages.DataOnly_contentClass;
            case 0x7F454C46, 0xFEEDFACE, 0xFEEDFACF, 0xCEFAEDFE, 0xCFFAEDFE -> Messages.DataOnly_contentNative;
            default -> null;
        };
    }

    private static boolean isZip(byte[] h) {
        return h.length >= 4 && h[0] == 'P' && h[1] == 'K' && (h[2] == 3 || h[2] == 5 || h[2] == 7);
    }

    /**
     * The first class file or native library inside a (nested) archive, named "outer!/inner". The
     * archive is copied to a temporary file (at most {@link #MAX_NESTED_BYTES} in all) so that its
     * names come from the central directory without inflating what is not needed.
     */
    private static Optional<String> codeInside(InputStream in, String path, int depth, long[] budget) {
        if (depth > 3) {
            return Optional.empty();
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile("vindplaats-check", ".zip");
            try (var out = Files.newOutputStream(tmp)) {
                new Budget(in, budget).transferTo(out);
            }
            try (ZipFile zip = new ZipFile(tmp.toFile())) {
                int count = 0;
                for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements() && count++ < MAX_NESTED_ENTRIES;) {
                    ZipEntry e = en.nextElement();
                    String inner = path + "!/" + e.getName();
                    String t = type(e.getName());
                    if (t.equals("class") || NATIVE_TYPES.contains(t)
                            || SO_VERSIONED.matcher(e.getName().toLowerCase(Locale.ROOT)).matches()) {
                        return Optional.of(printable(inner));
                    }
                    if (e.isDirectory()) {
                        continue;
                    }
                    try (InputStream entry = zip.getInputStream(e)) {
                        byte[] head = entry.readNBytes(4);
                        if (codeKind(head) != null) {
                            return Optional.of(printable(inner));
                        }
                        if (isZip(head)) {
                            Optional<String> nested = codeInside(
                                    new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head), entry), inner,
                                    depth + 1, budget);
                            if (nested.isPresent()) {
                                return nested;
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            // Unreadable or over the budget: it is refused as an archive anyway.
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // a temp file
                }
            }
        }
        return Optional.empty();
    }

    /** Names are printed in messages and terminals: control characters are shown as '?'. */
    private static String printable(String s) {
        String cut = s.length() > 300 ? s.substring(0, 300) + "..." : s;
        return cut.codePoints().map(c -> Character.isISOControl(c) || c == 0x202E ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /** Stops copying nested archives after {@link #MAX_NESTED_BYTES} in all (a zip bomb ends the scan). */
    private static final class Budget extends FilterInputStream {
        private final long[] used;

        Budget(InputStream in, long[] used) {
            super(in);
            this.used = used;
        }

        @Override
        public int read() throws IOException {
            spend(1);
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            spend(Math.max(n, 0));
            return n;
        }

        private void spend(long n) throws IOException {
            used[0] += n;
            if (used[0] > MAX_NESTED_BYTES) {
                throw new IOException("nested archive too large to inspect");
            }
        }
    }
}
