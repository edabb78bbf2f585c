package org.vindplaats.notes.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.osgi.util.NLS;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.vindplaats.notes.NoteBuilder;
import org.vindplaats.notes.NoteStoreException;
import org.vindplaats.notes.internal.HtmlText;
import org.vindplaats.notes.internal.Messages;

/**
 * A saved web page (jsoup): title, publication date, canonical URL and the main text, with scripts,
 * styles, navigation, header and footer, forms, frames and tracking removed (see {@link HtmlText}).
 * The same canonical URL always yields the same note id, so saving a page again updates its note.
 */
final class HtmlPageReader {

    /** At most this much of a page is parsed, whatever {@link ImportOptions#maxFileBytes()} allows. */
    static final long MAX_HTML_BYTES = 10L * 1024 * 1024;

    private HtmlPageReader() {
    }

    static void read(Path file, ImportSession session) throws IOException, NoteStoreException {
        long limit = Math.min(session.options().maxFileBytes(), MAX_HTML_BYTES);
        long size = Files.size(file);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(size, limit));
        }
        if (size > limit) {
            session.warn(file, 0, NLS.bind(Messages.Html_truncatedFile, size, limit));
        }
        String rawStart = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Document doc = Jsoup.parse(new ByteArrayInputStream(bytes), null, "", HtmlText.htmlParser());
        HtmlText.Page page = HtmlText.page(doc, rawStart, session.options().maxBodyChars());
        if (page.truncated()) {
            session.warn(file, 0, NLS.bind(Messages.Html_truncatedText, session.options().maxBodyChars()));
        }
        if (page.text().isBlank()) {
            session.skip(file, 0, Messages.Html_noText);
            return;
        }
        String title = page.title();
        if (title == null || title.isBlank()) {
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            title = dot > 0 ? name.substring(0, dot) : name;
        }
        NoteBuilder b = NoteBuilder.create("").title(title).body(page.text()).observed(page.date())
                .language(page.language()).source(page.url());
        session.offer(new Draft(null, b.build(), null, "web", page.url(), file, 0));
    }
}
