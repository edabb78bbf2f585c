package org.vindplaats.notes.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.osgi.util.NLS;
import org.vindplaats.notes.NoteBuilder;
import org.vindplaats.notes.NoteFileFormat;
import org.vindplaats.notes.NoteStoreException;
import org.vindplaats.notes.Problem;
import org.vindplaats.notes.internal.HtmlText;
import org.vindplaats.notes.internal.Messages;

/**
 * RSS 2.0 (and RSS 1.0) items and Atom entries, read with the JDK's StAX parser in a safe setup:
 * no DTDs, no external entities, no external schemas. A feed with a DOCTYPE is refused as a whole
 * (that is where entity attacks such as XXE and "billion laughs" live). Item text is HTML and is
 * cleaned like a saved page. Each item's guid (or link) gives it a stable id, so importing the feed
 * again updates items instead of duplicating them.
 */
final class FeedReader {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    private static final Pattern LOOSE_DATE = Pattern.compile(
            "(\\d{1,2})\\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+(\\d{4})",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
            Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11),
            Map.entry("dec", 12));

    private FeedReader() {
    }

    /** A StAX factory that resolves nothing from outside the file. */
    static XMLInputFactory secureFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_COALESCING, Boolean.TRUE);
        setIfSupported(f, XMLConstants.ACCESS_EXTERNAL_DTD, "");
        setIfSupported(f, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException(NLS.bind(Messages.Feed_externalRefused, systemId));
        });
        return f;
    }

    private static void setIfSupported(XMLInputFactory f, String property, Object value) {
        try {
            f.setProperty(property, value);
        } catch (IllegalArgumentException e) {
            // not supported by this StAX implementation; DTDs are off anyway
        }
    }

    /** True when the file's root element is an RSS or Atom feed (reads only the start). */
    static boolean isFeed(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = secureFactory().createXMLStreamReader(in);
            try {
                while (r.hasNext()) {
                    int e = r.next();
                    if (e == XMLStreamConstants.DTD) {
                        return true; // reported as a refused feed by read()
                    }
                    if (e == XMLStreamConstants.START_ELEMENT) {
                        String root = r.getLocalName();
                        return root.equals("rss") || root.equals("RDF") || root.equals("feed");
                    }
                }
            } finally {
                r.close();
            }
        } catch (IOException | XMLStreamException e) {
            return false;
        }
        return false;
    }

    static void read(Path file, ImportSession session, IProgressMonitor monitor) throws IOException, NoteStoreException {
        long size = Files.size(file);
        if (size > session.options().maxFileBytes()) {
            session.skip(file, 0, NLS.bind(Messages.Import_fileTooLarge, size, session.options().maxFileBytes()));
            return;
        }
        SubMonitor progress = SubMonitor.convert(monitor, NLS.bind(Messages.Import_reading, file.getFileName()), 1000);
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = secureFactory().createXMLStreamReader(in);
            try {
                read(file, r, session, progress);
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            Location l = e.getLocation();
            String message = e.getMessage() == null ? "" : e.getMessage().replaceFirst("(?s)^ParseError at \\[[^]]*]\\s*Message:\\s*", "");
            session.skip(new Problem(file, l == null ? 0 : Math.max(0, l.getLineNumber()),
                    l == null ? 0 : Math.max(0, l.getColumnNumber()), Problem.Severity.ERROR,
                    NLS.bind(Messages.Feed_notWellFormed, NoteFileFormat.oneLine(message))));
        }
    }

    private static void read(Path file, XMLStreamReader r, ImportSession session, SubMonitor progress)
            throws XMLStreamException, NoteStoreException {
        String root = null;
        String feedTitle = null;
        String feedLink = null;
        int depth = 0;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.DTD) {
                session.skip(file, doctypeLine(file, r.getLocation().getLineNumber()), Messages.Feed_doctype);
                return;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            depth++;
            String name = r.getLocalName();
            if (root == null) {
                root = name;
                if (!(name.equals("rss") || name.equals("RDF") || name.equals("feed"))) {
                    session.skip(file, r.getLocation().getLineNumber(), NLS.bind(Messages.Feed_notAFeed, name));
                    return;
                }
                continue;
            }
            boolean atom = ATOM.equals(r.getNamespaceURI());
            if (name.equals("item") || (atom && name.equals("entry"))) {
                if (progress.isCanceled()) {
                    throw new OperationCanceledException();
                }
                progress.setWorkRemaining(1000);
                progress.split(1);
                Draft d = item(file, r, atom, feedTitle, feedLink, session);
                depth--; // item() consumed the end tag
                if (d != null) {
                    session.offer(d);
                }
            } else if (name.equals("title") && feedTitle == null && depth <= 3) {
                feedTitle = NoteFileFormat.oneLine(HtmlText.fragment(readText(r), 500).text());
                depth--;
            } else if (name.equals("link") && feedLink == null && depth <= 3) {
                String href = r.getAttributeValue(null, "href");
                String rel = r.getAttributeValue(null, "rel");
                String text = readText(r);
                if (rel == null || rel.equals("alternate")) {
                    feedLink = HtmlText.webUrl(href != null ? href : text);
                }
                depth--;
            }
        }
    }

    /** The line where the DOCTYPE starts (the parser reports where it ends). */
    private static int doctypeLine(Path file, int fallback) {
        try (InputStream in = Files.newInputStream(file)) {
            String start = new String(in.readNBytes(64 * 1024), java.nio.charset.StandardCharsets.ISO_8859_1);
            int at = start.toUpperCase(Locale.ROOT).indexOf("<!DOCTYPE");
            return at < 0 ? fallback : (int) start.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        } catch (IOException e) {
            return fallback;
        }
    }

    /** Reads one item/entry up to and including its end tag. */
    private static Draft item(Path file, XMLStreamReader r, boolean atom, String feedTitle, String feedLink,
            ImportSession session) throws XMLStreamException {
        int line = r.getLocation().getLineNumber();
        String title = null;
        String link = null;
        String guid = null;
        String description = null;
        String content = null;
        String author = null;
        LocalDate date = null;
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = r.getLocalName();
            String ns = r.getNamespaceURI();
            switch (name) {
            case "title" -> title = readText(r);
            case "link" -> {
                String rel = r.getAttributeValue(null, "rel");
                String href = r.getAttributeValue(null, "href");
                String text = readText(r);
                if (href != null) {
                    if ((rel == null || rel.equals("alternate")) && link == null) {
                        link = href;
                    }
                } else if (link == null) {
                    link = text;
                }
            }
            case "guid", "id" -> guid = readText(r);
            case "description", "summary" -> description = readText(r);
            case "encoded" -> content = CONTENT.equals(ns) ? readText(r) : skipText(r);
            case "content" -> content = readText(r);
            case "pubDate", "published", "date", "issued" -> date = date != null ? date : parseDate(readText(r));
            case "updated", "modified" -> {
                LocalDate d = parseDate(readText(r));
                date = date != null ? date : d;
            }
            case "creator" -> author = readText(r);
            case "author" -> author = atom ? authorName(r) : readText(r);
            default -> skipText(r);
            }
            // readText consumed the element's end tag
        }
        int max = session.options().maxBodyChars();
        String html = content != null && !content.isBlank() ? content : description;
        HtmlText.Extract body = HtmlText.fragment(html, max);
        if (body.truncated()) {
            session.warn(file, line, NLS.bind(Messages.Html_truncatedText, max));
        }
        String cleanTitle = title == null ? "" : NoteFileFormat.oneLine(HtmlText.fragment(title, 1000).text());
        if (cleanTitle.isBlank() && body.text().isBlank()) {
            session.skip(file, line, Messages.Import_empty);
            return null;
        }
        String url = HtmlText.webUrl(link);
        String seed = guid != null && !guid.isBlank() ? guid.strip() : url;
        String who = author != null && !author.isBlank() ? NoteFileFormat.oneLine(author) : feedTitle;
        NoteBuilder b = NoteBuilder.create("").title(cleanTitle).body(body.text()).observed(date)
                .source(url != null ? url : feedLink).author(who == null ? null : HtmlText.defuse(who));
        return new Draft(null, b.build(), null, "feed", seed, file, line);
    }

    private static String authorName(XMLStreamReader r) throws XMLStreamException {
        String name = null;
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                if (r.getLocalName().equals("name")) {
                    name = readText(r);
                } else {
                    depth++;
                }
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return name;
    }

    /** All text inside the current element (also inside nested elements), consuming its end tag. */
    private static String readText(XMLStreamReader r) throws XMLStreamException {
        StringBuilder b = new StringBuilder();
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int e = r.next();
            switch (e) {
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                if (b.length() < 4_000_000) {
                    b.append(r.getText());
                }
            }
            case XMLStreamConstants.ENTITY_REFERENCE -> throw new XMLStreamException(
                    NLS.bind(Messages.Feed_entity, r.getLocalName()), r.getLocation());
            case XMLStreamConstants.START_ELEMENT -> {
                depth++;
                b.append(' ');
            }
            case XMLStreamConstants.END_ELEMENT -> {
                depth--;
                if (depth > 0) {
                    b.append(' ');
                }
            }
            default -> {
                // comments, processing instructions
            }
            }
        }
        return b.toString();
    }

    private static String skipText(XMLStreamReader r) throws XMLStreamException {
        readText(r);
        return null;
    }

    static LocalDate parseDate(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        try {
            return ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate();
        } catch (DateTimeParseException e) {
            LocalDate iso = NoteFileFormat.parseDate(t);
            if (iso != null) {
                return iso;
            }
            Matcher m = LOOSE_DATE.matcher(t);
            if (m.find()) {
                try {
                    return LocalDate.of(Integer.parseInt(m.group(3)),
                            MONTHS.get(m.group(2).toLowerCase(Locale.ROOT).substring(0, 3)),
                            Integer.parseInt(m.group(1)));
                } catch (java.time.DateTimeException ex) {
                    return null;
                }
            }
            return null;
        }
    }
}
