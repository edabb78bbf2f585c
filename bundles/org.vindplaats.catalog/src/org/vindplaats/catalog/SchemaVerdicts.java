package org.vindplaats.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.vindplaats.model.io.FileReplacement;
import org.vindplaats.model.io.OwnerOnly;

/**
 * Descriptors that passed the JSON Schema before, remembered by a digest of the schema and the
 * descriptor's bytes. The same bytes against the same schema give the same verdict, so an unchanged
 * plugin is not schema-validated again at the next start (loading and compiling the schema was a
 * tenth of every command's start). Only clean verdicts are kept: a descriptor with schema problems
 * is validated every time, so its messages are always shown. The checks the schema cannot express
 * (dates, resources, languages) and the mapping still run every time.
 * <p>
 * The file lives in the user's own configuration area (owner-only): whoever could write it could
 * also change the framework's bundle cache beside it, so it adds no way in. A damaged file is
 * treated as empty.
 */
public final class SchemaVerdicts {

    /** More lines than plugins anyone installs; a longer file is damaged or not ours. */
    private static final int MAX_ENTRIES = 4096;
    private static final byte[] SCHEMA_DIGEST = schemaDigest();

    private final Path file;
    private final Set<String> passed = ConcurrentHashMap.newKeySet();
    private volatile boolean changed;

    private SchemaVerdicts(Path file) {
        this.file = file;
    }

    /** Remembers nothing: every descriptor is validated (tests, tools). */
    public static SchemaVerdicts none() {
        return new SchemaVerdicts(null);
    }

    /** The verdicts kept in {@code file} (missing or damaged: none yet). */
    public static SchemaVerdicts in(Path file) {
        SchemaVerdicts v = new SchemaVerdicts(file);
        try {
            if (file != null && Files.isRegularFile(file) && Files.size(file) < MAX_ENTRIES * 70L) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
                lines.stream().map(String::strip).filter(l -> l.matches("[0-9a-f]{64}")).limit(MAX_ENTRIES)
                        .forEach(v.passed::add);
            }
        } catch (IOException | RuntimeException e) {
            v.passed.clear(); // unreadable: validate everything again and write a fresh file
        }
        return v;
    }

    /** The key of a descriptor: the digest of the schema and its bytes. */
    static String key(byte[] descriptor) {
        MessageDigest md = sha256();
        md.update(SCHEMA_DIGEST);
        md.update(descriptor);
        return HexFormat.of().formatHex(md.digest());
    }

    boolean passed(String key) {
        return passed.contains(key);
    }

    void remember(String key) {
        if (file != null && passed.size() < MAX_ENTRIES && passed.add(key)) {
            changed = true;
        }
    }

    /** Writes new verdicts (atomically, owner-only); failing to write only costs the next start time. */
    public void save() {
        if (file == null || !changed) {
            return;
        }
        try {
            OwnerOnly.createDirectories(file.getParent());
            FileReplacement.write(file, (String.join("\n", passed) + "\n").getBytes(StandardCharsets.US_ASCII));
            OwnerOnly.restrict(file);
            changed = false;
        } catch (IOException | RuntimeException e) {
            // Next start validates again.
        }
    }

    private static byte[] schemaDigest() {
        try (InputStream in = SchemaVerdicts.class.getResourceAsStream(DescriptorLoader.SCHEMA_RESOURCE)) {
            return sha256().digest(in == null ? new byte[0] : in.readAllBytes());
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
