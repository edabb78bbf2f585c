package org.vindplaats.ui.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vindplaats.model.Organisation;
import org.vindplaats.model.Platform;
import org.vindplaats.model.PolicyStatus;
import org.vindplaats.app.BriefWriter;

/**
 * The orientation brief is an HTML file a worker opens in a browser and mails around; its texts come
 * from third-party plugins. Whatever a plugin says, the brief may only contain the writer's own
 * markup: no script, no event handler, no link, no frame, no style from a plugin.
 */
class BriefExportHostileTest {

    /** The only elements the writer itself produces. */
    private static final Set<String> OWN_TAGS = Set.of("!doctype", "html", "head", "meta", "title", "style", "body",
            "h1", "h2", "h3", "p", "small", "strong", "br", "svg", "polygon", "text", "table", "tr", "th", "td", "ul",
            "li", "a");
    private static final Pattern TAG = Pattern.compile("<\\s*/?\\s*([!a-zA-Z][\\w:-]*)");
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("\\s([a-zA-Z_:][-\\w:.]*)\\s*=");
    private static final Set<String> OWN_ATTRIBUTES = Set.of("lang", "charset", "http-equiv", "content", "class",
            "xmlns", "width", "height", "role", "aria-label", "fill", "stroke", "points", "x", "y", "font-size",
            "text-anchor", "fill-opacity", "stroke-width", "href");

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert('naam')</script>",
            "\"><img src=x onerror=alert(1)>",
            "'><svg onload=alert(2)>",
            "<iframe src=\"javascript:alert(3)\"></iframe>",
            "<a href=\"javascript:alert(4)\">klik</a>",
            "<a href='data:text/html;base64,PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg=='>x</a>",
            "<div style=\"width: expression(alert(6))\">css</div>",
            "</style><script>alert(7)</script><style>",
            "</title><script>alert(8)</script>",
            "<!--<script>alert(9)//-->",
            "<![CDATA[<script>alert(10)</script>]]>",
            "<math><mi xlink:href=\"javascript:alert(11)\">m</mi></math>",
            "&lt;script&gt;alert(12)&lt;/script&gt;",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(13)\">",
            "\u0000<scr\u0000ipt>alert(14)</script>" })
    void pluginTextsNeverBecomeMarkup(String hostile) {
        Platform p = TestData.platform("hostile", "Evil " + hostile, TestData.levels(1, 2, 3, 4, 3, 2, 1), Map.of(),
                hostile);
        Organisation org = TestData.organisation("evil-org", "Org " + hostile, PolicyStatus.BANNED,
                Map.of("hostile", PolicyStatus.OBSERVE_ONLY));
        for (Locale locale : new Locale[] { Locale.ENGLISH, Locale.forLanguageTag("nl") }) {
            String html = new BriefWriter(locale).html(p, org, LocalDate.of(2026, 12, 2));
            assertOnlyOwnMarkup(html);
            assertTrue(html.contains(BriefWriter.esc(hostile)), "the text is still there, escaped");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = { 10_000, 2_000_000 })
    void hugeAndDeeplyNestedTextsAreEscapedWithoutHanging(int size) {
        String deep = "<div>".repeat(size / 5);
        Platform p = TestData.platform("deep", deep, TestData.levels(0, 0, 0, 0, 0, 0, 0), Map.of());
        String html = assertTimeoutPreemptively(Duration.ofMinutes(2),
                () -> new BriefWriter(Locale.ENGLISH).html(p, null, LocalDate.of(2026, 12, 2)));
        assertOnlyOwnMarkup(html);
        assertFalse(html.contains("<div>"), "no nested markup is emitted");
    }

    @Test
    void aSourceThatIsNotAWebAddressNeverBecomesALink() {
        Platform base = TestData.platform("evil", "Evil", TestData.levels(1, 1, 1, 1, 1, 1, 1), Map.of());
        Platform p = new Platform(base.id(), base.name(), base.aliases(), base.category(), base.website(), base.summary(),
                base.minimumAge(), base.features(), base.profile(), base.reportAndBlock(), base.safetySettings(), base.needs(),
                base.stepGuidance(), base.orientationQuestions(), base.youthViews(),
                java.util.List.of(new org.vindplaats.model.Source("<b>click</b>", "javascript:alert(1)", LocalDate.of(2026, 11, 1))));
        String html = new BriefWriter(Locale.ENGLISH).html(p, null, LocalDate.of(2026, 12, 2));
        assertOnlyOwnMarkup(html);
        assertTrue(html.contains("&lt;b&gt;click&lt;/b&gt; &ndash; javascript:alert(1)"), "shown as text");
    }

    private static void assertOnlyOwnMarkup(String html) {
        Set<String> tags = new TreeSet<>();
        Matcher m = TAG.matcher(html);
        while (m.find()) {
            tags.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        assertTrue(OWN_TAGS.containsAll(tags), "foreign elements in the brief: " + tags);
        // Attributes inside tags: only the writer's own (no on*, href, src, style=).
        Matcher tag = Pattern.compile("<[^<>]*>").matcher(html);
        while (tag.find()) {
            // Attribute values are quoted with " and cannot contain one (the writer escapes it), so
            // emptying them leaves only the real attribute names to check.
            Matcher a = ATTRIBUTE_NAME.matcher(tag.group().replaceAll("\"[^\"]*\"", "\"\""));
            while (a.find()) {
                assertTrue(OWN_ATTRIBUTES.contains(a.group(1).toLowerCase(Locale.ROOT)),
                        "foreign attribute " + a.group(1) + " in " + tag.group());
            }
        }
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "a script element");
        // Links are the writer's own, to sources: only http(s), never javascript: or data:.
        Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        while (href.find()) {
            assertTrue(href.group(1).matches("https?://[^\\s<>]+"), "a link that is not a web address: " + href.group(1));
        }
        assertTrue(html.contains("Content-Security-Policy\" content=\"default-src 'none'"),
                "the brief forbids loading and running anything even if a browser misreads it");
    }
}
