import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Removes the jar signatures from the three jars the JVM itself loads before the OSGi framework
 * runs: the Equinox launcher, the framework and its compatibility fragment (in
 * {@code <product>/plugins}). The JVM checks a signed jar's digests for every class it loads from
 * it: measured on 5 Dec 2026, 130-170 ms of every command-line start (--help 1362 -> 1235 ms,
 * platforms 1519 -> 1352 ms, 9 runs). The check guards nothing here: whoever can change a jar in
 * the installation can also remove its signature, and the bundles the framework loads itself are
 * not checked at all. The jars' content is otherwise unchanged (same classes, same manifest).
 * <p>
 * Usage: {@code java releng/build/UnsignFramework.java <product folder>...}
 */
public final class UnsignFramework {

    private static final String[] PREFIXES = { "org.eclipse.equinox.launcher_", "org.eclipse.osgi_",
            "org.eclipse.osgi.compatibility.state_" };

    public static void main(String[] args) throws IOException {
        int done = 0;
        for (String product : args) {
            Path plugins = Path.of(product, "plugins");
            if (!Files.isDirectory(plugins)) {
                throw new IOException("not a product folder (no plugins/): " + product);
            }
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(plugins, "*.jar")) {
                for (Path jar : jars) {
                    String name = jar.getFileName().toString();
                    for (String prefix : PREFIXES) {
                        if (name.startsWith(prefix) && unsign(jar)) {
                            done++;
                        }
                    }
                }
            }
        }
        System.out.println("unsign-framework: signatures removed from " + done + " jar(s)");
    }

    private static boolean isSignatureFile(String entry) {
        String e = entry.toUpperCase(Locale.ROOT);
        return e.startsWith("META-INF/") && e.indexOf('/', 9) < 0
                && (e.endsWith(".SF") || e.endsWith(".RSA") || e.endsWith(".DSA") || e.endsWith(".EC"));
    }

    /** @return whether the jar was signed (and is now rewritten without its signature files) */
    private static boolean unsign(Path jar) throws IOException {
        Path tmp = Files.createTempFile(jar.getParent(), ".unsign", ".jar");
        boolean signed = false;
        try (ZipFile in = new ZipFile(jar.toFile()); OutputStream o = Files.newOutputStream(tmp);
                ZipOutputStream out = new ZipOutputStream(o)) {
            for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements();) {
                ZipEntry entry = e.nextElement();
                if (isSignatureFile(entry.getName())) {
                    signed = true;
                    continue;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                try (InputStream data = in.getInputStream(entry)) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
        }
        if (signed) {
            Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } else {
            Files.delete(tmp);
        }
        return signed;
    }
}
