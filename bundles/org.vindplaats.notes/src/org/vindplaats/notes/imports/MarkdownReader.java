package org.vindplaats.notes.imports;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.osgi.util.NLS;
import org.vindplaats.model.TrendNote;
import org.vindplaats.notes.NoteBuilder;
import org.vindplaats.notes.NoteFileFormat;
import org.vindplaats.notes.NoteFormatException;
import org.vindplaats.notes.NoteStoreException;
import org.vindplaats.notes.internal.Messages;

/**
 * A Markdown note: optional YAML front matter ({@link NoteFileFormat}, lenient), then the body.
 * Without a title field the first "# heading" is the title, else the file name. Notes exported
 * from another workspace import as they are, with their confirmed labels.
 */
final class MarkdownReader {

    /** One note per file: a Markdown note larger than this is refused, whatever the options allow. */
    static final long MAX_MARKDOWN_BYTES = 10L * 1024 * 1024;

    private static final Pattern HEADING = Pattern.compile("\\A\\s*#{1,6}\\s+(.+?)\\s*#*\\s*(?:\\n|\\z)");

    private MarkdownReader() {
    }

    static void read(Path file, ImportSession session) throws IOException, NoteStoreException {
        long size = Files.size(file);
        long limit = Math.min(session.options().maxFileBytes(), MAX_MARKDOWN_BYTES);
        if (size > limit) {
            session.skip(file, 0, NLS.bind(Messages.Import_fileTooLarge, size, limit));
            return;
        }
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            session.skip(file, 0, Messages.Markdown_notUtf8);
            return;
        }
        NoteFileFormat.Parsed parsed;
        try {
            parsed = NoteFileFormat.parse(text, file, NoteFileFormat.Mode.IMPORT);
        } catch (NoteFormatException e) {
            session.skip(e.problem());
            return;
        }
        parsed.warnings().forEach(session::warn);
        TrendNote note = parsed.note();
        NoteBuilder b = NoteBuilder.from(note);
        if (note.title().isBlank()) {
            Matcher m = HEADING.matcher(note.body());
            if (m.find()) {
                b.title(NoteFileFormat.oneLine(m.group(1)));
                b.body(NoteFileFormat.canonicalBody(note.body().substring(m.end())));
            } else {
                String name = file.getFileName().toString();
                int dot = name.lastIndexOf('.');
                b.title((dot > 0 ? name.substring(0, dot) : name).replace('_', ' ').replace('-', ' ').strip());
                session.warn(file, 1, NLS.bind(Messages.Markdown_titleFromFileName, file.getFileName()));
            }
        }
        // created/updated belong to the workspace that stores the note; keep created when given.
        b.updated(null);
        session.offer(new Draft(parsed.hasId() ? note.id() : null, b.build(),
                note.confirmed(), "md", null, file, 1));
    }
}
