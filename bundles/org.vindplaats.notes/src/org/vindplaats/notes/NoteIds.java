package org.vindplaats.notes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.osgi.util.NLS;
import org.vindplaats.model.SafeText;
import org.vindplaats.notes.internal.Messages;

/**
 * Note ids double as file names ({@code notes/<id>.md}), so they are restricted to characters that
 * are safe on every file system: letters, digits, '.', '_' and '-', starting with a letter or digit,
 * at most {@value #MAX_LENGTH} characters, no "..", not a Windows device name. Imported ids are kept
 * when they are safe; otherwise a stable id is derived from the content, so importing the same
 * content twice yields the same id and no duplicate.
 */
public final class NoteIds {

    public static final int MAX_LENGTH = 100;

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Set<String> WINDOWS_DEVICES = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3",
            "com4", "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7",
            "lpt8", "lpt9");

    private NoteIds() {
    }

    /** Why {@code id} cannot be used as a note id, or empty when it can. */
    public static Optional<String> problem(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.of(Messages.NoteIds_empty);
        }
        if (id.length() > MAX_LENGTH) {
            return Optional.of(NLS.bind(Messages.NoteIds_tooLong, id.length(), MAX_LENGTH));
        }
        // The id is echoed in the message: never with characters a terminal would obey.
        String shown = SafeText.cleanLine(id);
        if (id.contains("/") || id.contains("\\") || id.contains("..")) {
            return Optional.of(NLS.bind(Messages.NoteIds_pathLike, shown));
        }
        if (!SAFE.matcher(id).matches() || id.endsWith(".")) {
            return Optional.of(NLS.bind(Messages.NoteIds_unsafe, shown));
        }
        String base = id.toLowerCase(Locale.ROOT);
        int dot = base.indexOf('.');
        if (WINDOWS_DEVICES.contains(dot < 0 ? base : base.substring(0, dot))) {
            return Optional.of(NLS.bind(Messages.NoteIds_reserved, id));
        }
        return Optional.empty();
    }

    public static boolean isValid(String id) {
        return problem(id).isEmpty();
    }

    /** Returns {@code id} when it is a safe note id, else throws with the reason. */
    public static String requireValid(String id) {
        Optional<String> problem = problem(id);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        return id;
    }

    /**
     * A stable id for content that came without one: {@code prefix-} followed by 16 hex digits of
     * the SHA-256 of the parts, after Unicode NFC normalisation and collapsing white space (so a
     * re-saved page or re-exported file with different line breaks still maps to the same id).
     */
    public static String fromContent(String prefix, String... parts) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
        for (String part : parts) {
            String normalised = part == null ? ""
                    : Normalizer.normalize(part, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
            sha.update(normalised.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        String hex = HexFormat.of().formatHex(sha.digest(), 0, 8);
        return requireValid(prefix + "-" + hex);
    }
}
