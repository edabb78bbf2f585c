package org.vindplaats.notes.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.vindplaats.notes.NoteFileFormat;

/**
 * Turns (possibly hostile) HTML into the plain text of a note with jsoup: main content only
 * (scripts, styles, navigation, header and footer, forms, frames, hidden and tracking elements
 * removed), paragraph breaks kept, output bounded. Only text nodes are copied, so no markup,
 * attribute, event handler or URL of the page reaches the note; text that merely looks like markup
 * or a script URL is defused as well, for Markdown renderers that would pass raw HTML through.
 */
public final class HtmlText {

    /** jsoup stops nesting deeper than this; hostile pages with 100 000 nested divs stay cheap. */
    public static final int MAX_DEPTH = 256;

    private static final String REMOVE = "script, style, noscript, template, iframe, frame, frameset, object, embed,"
            + " applet, svg, math, canvas, video, audio, source, track, map, form, input, button, select, textarea,"
            + " label, nav, header, footer, aside, menu, dialog, link, meta, base, img, picture, head,"
            + " [hidden], [aria-hidden=true], [role=navigation], [role=banner], [role=contentinfo],"
            + " [role=complementary], [role=search], [role=dialog], [role=alertdialog], [role=menu]";
    private static final Pattern BOILERPLATE = Pattern.compile(
            "(?i)(?:^|[-_\\s])(?:cookies?|consent|gdpr|banner|newsletter|subscribe|share|sharing|social|advert\\w*|ads?"
                    + "|sponsor\\w*|promo\\w*|related|recommend\\w*|comments?|breadcrumbs?|pagination|sidebar|menu"
                    + "|navbar|nav|footer|header|popup|modal|tracking|tracker|pixel|skip-?link)(?:$|[-_\\s])");
    private static final Pattern HIDDEN_STYLE = Pattern.compile(
            "(?i)(display\\s*:\\s*none|visibility\\s*:\\s*hidden)");
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr",
            "br", "blockquote", "section", "article", "main", "pre", "ul", "ol", "table", "dd", "dt", "dl",
            "figcaption", "figure", "hr", "address", "details", "summary", "body", "td", "th", "caption");
    // '<' then a letter, '/', '!' or '?' opens a tag, end tag, comment or processing instruction in
    // HTML and Markdown. Whitespace in between is allowed too: it is no tag for a conforming parser,
    // but a split "<scr<script>ipt>" page left "pagina <\n\nEen" in a note, and lenient renderers
    // or sanitizers downstream should not have to tell the difference. "3 < 5" and "<3" stay as they are.
    private static final Pattern TAG_LIKE = Pattern.compile("<(?=\\s*[\\p{L}/!?])");
    // A script scheme is defused whatever follows (javascript:'<img ...>' runs a string literal) and
    // inside words too; "data:" only before a letter or '/' (data:text/html), so "Data: 3 GB" stays.
    private static final Pattern SCRIPT_SCHEME = Pattern.compile("(?i)(java\\s*script|vb\\s*script|livescript"
            + "|\\bdata(?=\\s*:\\s*[\\p{L}/])|data(?=\\s*:\\s*text))\\s*:");
    private static final Set<String> TRACKING_PARAMS = Set.of("fbclid", "gclid", "dclid", "msclkid", "mc_cid",
            "mc_eid", "igshid", "si", "_ga", "_gl", "yclid", "ref_src", "ref");
    private static final Pattern SAVED_FROM = Pattern.compile("<!--\\s*saved from url=\\(\\d+\\)(\\S+?)\\s*-->");

    private HtmlText() {
    }

    /** What was taken from a page. Any field but {@code text} may be null. */
    public record Page(String title, String text, LocalDate date, String url, String language, boolean truncated) {
    }

    /** A parser that bounds nesting depth. */
    public static Parser htmlParser() {
        return Parser.htmlParser().setMaxDepth(MAX_DEPTH);
    }

    /** Reads a whole page: metadata first, then the cleaned main text (at most {@code maxChars}). */
    public static Page page(Document doc, String rawStart, int maxChars) {
        String title = firstNonBlank(meta(doc, "meta[property=og:title]"), doc.title(),
                doc.selectFirst("h1") == null ? null : doc.selectFirst("h1").text());
        LocalDate date = null;
        for (String q : new String[] { "meta[property=article:published_time]", "meta[name=date]",
                "meta[name=dcterms.date]", "meta[name=DC.date]", "meta[itemprop=datePublished]",
                "meta[name=pubdate]", "meta[property=og:published_time]" }) {
            date = date != null ? date : NoteFileFormat.parseDate(cut(meta(doc, q)));
        }
        if (date == null) {
            Element time = doc.selectFirst("time[datetime]");
            date = time == null ? null : NoteFileFormat.parseDate(cut(time.attr("datetime")));
        }
        if (date == null) {
            Matcher ld = Pattern.compile("\"datePublished\"\\s*:\\s*\"([^\"]{8,40})\"").matcher(
                    doc.select("script[type=application/ld+json]").html());
            date = ld.find() ? NoteFileFormat.parseDate(cut(ld.group(1))) : null;
        }
        String url = webUrl(attr(doc.selectFirst("link[rel=canonical][href]"), "href"));
        if (url == null) {
            url = webUrl(meta(doc, "meta[property=og:url]"));
        }
        if (url == null && rawStart != null) {
            Matcher m = SAVED_FROM.matcher(rawStart);
            url = m.find() ? webUrl(m.group(1)) : null;
        }
        String lang = attr(doc.selectFirst("html[lang]"), "lang");
        lang = lang == null || lang.length() < 2 ? null : lang.substring(0, 2).toLowerCase(Locale.ROOT);

        Element body = doc.body();
        clean(body);
        Element main = body;
        int best = -1;
        for (Element candidate : body.select("article, main, [role=main]")) {
            int length = candidate.text().length();
            if (length > best) {
                best = length;
                main = candidate;
            }
        }
        Extract e = text(main, maxChars);
        return new Page(title == null ? null : defuse(NoteFileFormat.oneLine(title)), e.text, date, url, lang,
                e.truncated);
    }

    /** The text of an HTML fragment (an RSS description), cleaned like a page body. */
    public static Extract fragment(String html, int maxChars) {
        Document doc = htmlParser().parseInput(html == null ? "" : html, "");
        clean(doc.body());
        return text(doc.body(), maxChars);
    }

    /** Plain text and whether it was cut at the limit. */
    public record Extract(String text, boolean truncated) {
    }

    private static void clean(Element root) {
        root.select(REMOVE).remove();
        Elements all = root.getAllElements();
        for (Element el : all) {
            if (el == root || el.parent() == null) {
                continue;
            }
            String marker = el.id() + " " + el.className();
            if (BOILERPLATE.matcher(marker).find() || HIDDEN_STYLE.matcher(el.attr("style")).find()) {
                el.remove();
            }
        }
    }

    private static Extract text(Element root, int maxChars) {
        StringBuilder b = new StringBuilder();
        boolean[] truncated = new boolean[1];
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (b.length() >= maxChars) {
                    truncated[0] = true;
                    return FilterResult.STOP;
                }
                if (node instanceof TextNode t) {
                    String s = t.text();
                    if (!s.isBlank()) {
                        if (b.length() > 0 && !Character.isWhitespace(b.charAt(b.length() - 1))
                                && Character.isWhitespace(s.charAt(0))) {
                            b.append(' ');
                        }
                        b.append(s.strip());
                        if (Character.isWhitespace(s.charAt(s.length() - 1))) {
                            b.append(' ');
                        }
                    }
                } else if (node instanceof Element el && BLOCKS.contains(el.normalName())) {
                    newline(b);
                    if (el.normalName().equals("li")) {
                        b.append("- ");
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element el && BLOCKS.contains(el.normalName())) {
                    newline(b);
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        String text = b.length() > maxChars ? b.substring(0, maxChars) : b.toString();
        if (b.length() > maxChars) {
            truncated[0] = true;
        }
        text = text.replaceAll("[ \\t\\u00a0]+", " ").replaceAll(" ?\\n ?", "\n").replaceAll("\\n{3,}", "\n\n")
                .strip();
        return new Extract(defuse(text), truncated[0]);
    }

    private static void newline(StringBuilder b) {
        int len = b.length();
        if (len > 0 && b.charAt(len - 1) == ' ') {
            b.setLength(len - 1);
        }
        if (b.length() > 0 && !(b.length() >= 2 && b.charAt(b.length() - 1) == '\n'
                && b.charAt(b.length() - 2) == '\n')) {
            b.append(b.charAt(b.length() - 1) == '\n' ? "\n" : "\n\n");
        }
    }

    /**
     * Defuses text that a Markdown renderer could turn into markup or a script link: a '<' that
     * would open a tag (followed by a letter, '/', '!' or '?', also after whitespace) becomes '‹',
     * and "javascript:", "vbscript:" and "data:" lose their colon's power ("javascript[:]"). "&lt;3", "3 &lt; 5" and ordinary words are left alone.
     */
    public static String defuse(String text) {
        if (text == null) {
            return null;
        }
        // Control characters first: "<\0\0nav>" is no tag until the import's cleaning removes
        // the NULs, so defusing before that let a tag through (found by HtmlImportFuzz).
        String s = TAG_LIKE.matcher(org.vindplaats.model.SafeText.clean(text)).replaceAll("‹");
        return SCRIPT_SCHEME.matcher(s).replaceAll("$1[:]");
    }

    /**
     * An absolute http(s) URL without fragment and tracking parameters (utm_*, fbclid, ...), or
     * null for anything else (javascript:, data:, relative, malformed).
     */
    public static String webUrl(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 2000) {
            return null;
        }
        try {
            URI uri = new URI(raw.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return null;
            }
            String query = uri.getRawQuery();
            if (query != null) {
                StringBuilder kept = new StringBuilder();
                for (String param : query.split("&")) {
                    String name = param.split("=", 2)[0].toLowerCase(Locale.ROOT);
                    if (!name.startsWith("utm_") && !TRACKING_PARAMS.contains(name) && !param.isEmpty()) {
                        kept.append(kept.length() == 0 ? "" : "&").append(param);
                    }
                }
                query = kept.length() == 0 ? null : kept.toString();
            }
            String s = scheme + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath())
                    + (query == null ? "" : "?" + query);
            return s.replaceAll("[\\s<>\"]", "");
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String meta(Document doc, String query) {
        return attr(doc.selectFirst(query), "content");
    }

    private static String attr(Element el, String name) {
        if (el == null) {
            return null;
        }
        String v = el.attr(name);
        return v.isBlank() ? null : v.strip();
    }

    private static String cut(String s) {
        return s == null ? null : s.strip();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
