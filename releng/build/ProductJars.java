import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Prepares the bundle jars of a materialised product ({@code <product>/plugins/*.jar}) for fast
 * starts, rewriting each jar once. The jars' classes and resources are unchanged.
 * <ul>
 * <li><b>No signatures on the jars the JVM loads itself</b> (the Equinox launcher, the framework
 * and its compatibility fragment). The JVM checks a signed jar's digests for every class it loads
 * from it: measured on 5 Dec 2026, 130-170 ms of every command-line start (--help 1362 -> 1235 ms,
 * platforms 1519 -> 1352 ms, 9 runs). The check guards nothing here: whoever can change a jar in
 * the installation can also remove its signature, and the bundles the framework loads itself are
 * not checked at all.</li>
 * <li><b>Entries stored, not deflated</b>, in every jar. Equinox reads a class's bytes from the
 * bundle jar before it defines the class (also when the class-data sharing archive then supplies
 * the parsed class), so every start inflated a few thousand class files again. Measured on 6 Dec
 * 2026 with the workbench, 11 interleaved starts each, JVM start to usable window: 1926 -> 1788 ms
 * and 1973 -> 1872 ms (CPU 2860 -> 2680 ms); the CLI's platforms on its own 1241 -> 1178 ms. The
 * installed workbench grows from about 47 to 104 MB; the .tar.gz archives shrink (42 -> 32 MB),
 * since gzip then sees the class files themselves.</li>
 * </ul>
 * The p2 checksums in the product's artifacts.xml no longer match these jars; the products never
 * update themselves through p2 (plugins are installed as data, see FolderPluginInstaller).
 * <p>
 * Usage: {@code java releng/build/ProductJars.java <product folder>...}
 */
public final class ProductJars {

    /** The jars the JVM loads before the OSGi framework runs. */
    private static final String[] FRAMEWORK = { "org.eclipse.equinox.launcher_", "org.eclipse.osgi_",
            "org.eclipse.osgi.compatibility.state_" };

    public static void main(String[] args) throws IOException {
        int unsigned = 0;
        int stored = 0;
        for (String product : args) {
            Path plugins = Path.of(product, "plugins");
            if (!Files.isDirectory(plugins)) {
                throw new IOException("not a product folder (no plugins/): " + product);
            }
            List<Path> jars = new ArrayList<>();
            try (DirectoryStream<Path> found = Files.newDirectoryStream(plugins, "*.jar")) {
                found.forEach(jars::add);
            }
            for (Path jar : jars) {
                String name = jar.getFileName().toString();
                boolean framework = false;
                for (String prefix : FRAMEWORK) {
                    framework |= name.startsWith(prefix);
                }
                Rewrite done = rewrite(jar, framework);
                unsigned += done.unsigned() ? 1 : 0;
                stored += done.stored() ? 1 : 0;
            }
        }
        System.out.println("product-jars: signatures removed from " + unsigned + " framework jar(s), "
                + stored + " jar(s) rewritten with stored entries");
    }

    private record Rewrite(boolean unsigned, boolean stored) {
    }

    private static boolean isSignatureFile(String entry) {
        String e = entry.toUpperCase(Locale.ROOT);
        return e.startsWith("META-INF/") && e.indexOf('/', 9) < 0
                && (e.endsWith(".SF") || e.endsWith(".RSA") || e.endsWith(".DSA") || e.endsWith(".EC"));
    }

    /** Rewrites {@code jar} when it has a deflated entry, or (a framework jar) a signature. */
    private static Rewrite rewrite(Path jar, boolean framework) throws IOException {
        boolean signed;
        boolean deflated;
        try (ZipFile in = new ZipFile(jar.toFile())) {
            signed = framework && in.stream().anyMatch(e -> isSignatureFile(e.getName()));
            deflated = in.stream().anyMatch(e -> e.getMethod() != ZipEntry.STORED);
        }
        if (!signed && !deflated) {
            return new Rewrite(false, false); // already done (a second run of the build step)
        }
        Path tmp = Files.createTempFile(jar.getParent(), ".product-jar", ".jar");
        try (ZipFile in = new ZipFile(jar.toFile()); OutputStream o = Files.newOutputStream(tmp);
                ZipOutputStream out = new ZipOutputStream(o)) {
            for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements();) {
                ZipEntry entry = e.nextElement();
                if (signed && isSignatureFile(entry.getName())) {
                    continue;
                }
                byte[] data;
                try (InputStream is = in.getInputStream(entry)) {
                    data = is.readAllBytes();
                }
                // A stored entry carries its size and checksum in its header.
                CRC32 crc = new CRC32();
                crc.update(data);
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                copy.setMethod(ZipEntry.STORED);
                copy.setSize(data.length);
                copy.setCompressedSize(data.length);
                copy.setCrc(crc.getValue());
                out.putNextEntry(copy);
                out.write(data);
                out.closeEntry();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Rewrite(signed, deflated);
    }
}
