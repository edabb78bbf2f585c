package org.vindplaats.publish.tests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Changes a jar the way an attacker or a broken mirror would: rewrites entries, keeps the signature files. */
final class Tamper {

    private Tamper() {
    }

    static void replaceEntry(Path jar, String name, UnaryOperator<String> change) throws IOException {
        rewrite(jar, name, change, null);
    }

    static void removeEntry(Path jar, String name) throws IOException {
        rewrite(jar, name, null, null);
    }

    static void addEntry(Path jar, String name, String content) throws IOException {
        rewrite(jar, null, null, new String[] { name, content });
    }

    private static void rewrite(Path jar, String name, UnaryOperator<String> change, String[] add) throws IOException {
        Path tmp = Files.createTempFile(jar.getParent(), "tamper", ".jar");
        try (ZipFile in = new ZipFile(jar.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
            var entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.getName().equals(name) && change == null) {
                    continue; // removed
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream s = in.getInputStream(e)) {
                    byte[] bytes = s.readAllBytes();
                    if (e.getName().equals(name)) {
                        bytes = change.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                    }
                    out.write(bytes);
                }
                out.closeEntry();
            }
            if (add != null) {
                out.putNextEntry(new ZipEntry(add[0]));
                out.write(add[1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
    }
}
