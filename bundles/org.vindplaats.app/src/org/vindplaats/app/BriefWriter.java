package org.vindplaats.app;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.stream.Stream;

import org.eclipse.osgi.util.NLS;
import org.vindplaats.app.internal.Messages;
import org.vindplaats.catalog.PluginProvenance;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.AffordanceScore;
import org.vindplaats.model.LocalizedText;
import org.vindplaats.model.MethodStep;
import org.vindplaats.model.Need;
import org.vindplaats.model.Organisation.PlatformPolicy;
import org.vindplaats.model.Organisation;
import org.vindplaats.model.Platform;
import org.vindplaats.model.Source;
import org.vindplaats.model.TrendNote;
import org.vindplaats.notes.pii.PiiScrubber;

/**
 * An orientation brief for a team meeting: one platform's profile (with an SVG radar chart),
 * the organisation's policy, questions to discuss, guidance and sources, as one self-contained
 * HTML file. Every text is escaped, and the page loads nothing from elsewhere.
 */
public final class BriefWriter {

    private final Locale locale;
    private PluginProvenance suppliedBy;

    public BriefWriter(Locale locale) {
        this.locale = locale;
    }

    private OrientationRecord orientation;

    /** Adds what the worker ticked and wrote in the guided orientation ("Ik ga online op ..."). */
    public BriefWriter orientation(OrientationRecord record) {
        this.orientation = record;
        return this;
    }

    /** A link for an http(s) address (plugins only allow those); anything else stays plain text. */
    static String link(String url, String title) {
        if (url != null && (url.startsWith("https://") || url.startsWith("http://"))) {
            return "<a href=\"" + esc(url) + "\">" + esc(title) + "</a>";
        }
        return esc(title) + (url == null ? "" : " &ndash; " + esc(url));
    }

    private void orientation(StringBuilder h, OrientationRecord r) {
        PiiScrubber scrubber = PiiScrubber.standard();
        h.append("<h2>").append(esc(NLS.bind(Messages.Brief_orientation, r.date()))).append("</h2>\n");
        h.append("<h3>").append(esc(Messages.Detail_safetySettings)).append("</h3>\n<ul>\n");
        for (var e : r.safetyChecked().entrySet()) {
            h.append("<li>").append(e.getValue() ? "&#9745; " : "&#9744; ").append(esc(e.getKey())).append("</li>\n");
        }
        h.append("</ul>\n<h3>").append(esc(Messages.Brief_discussed)).append("</h3>\n<ul>\n");
        for (String q : r.questionsDiscussed()) {
            h.append("<li>").append(esc(q)).append("</li>\n");
        }
        h.append("</ul>\n");
        if (!r.notes().isBlank()) {
            // Never personal data in a brief, whatever was typed.
            h.append("<h3>").append(esc(Messages.Brief_orientationNotes)).append("</h3>\n<p>")
                    .append(esc(scrubber.scrub(r.notes()).text()).replace("\n", "<br>")).append("</p>\n");
        }
    }

    /** Names the plugin, version and publisher the platform's facts come from, under the title. */
    public BriefWriter suppliedBy(PluginProvenance provenance) {
        this.suppliedBy = provenance;
        return this;
    }

    /** The brief without trend notes: what is exported unless the worker ticks "add notes". */
    public String html(Platform p, Organisation org, LocalDate today) {
        return html(p, org, today, null);
    }

    /**
     * Picks the notes a brief shows for a platform: those about it, newest observation first (notes
     * without a date last), at most {@code limit}.
     */
    public static List<TrendNote> latestNotes(Stream<TrendNote> notes, String platformId, int limit) {
        return notes.filter(n -> n.platforms().contains(platformId))
                .sorted(Comparator.comparing(TrendNote::observed, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(TrendNote::id))
                .limit(limit)
                .toList();
    }

    /**
     * The brief with the team's latest trend notes about the platform. A brief is mailed around and
     * printed for meetings, so it never carries personal data: note texts go through the privacy
     * scrubber again, even when a worker chose to keep personal data in the note itself. Called only
     * when the worker ticked "add notes"; {@code null} leaves the notes section out altogether.
     */
    public String html(Platform p, Organisation org, LocalDate today, List<TrendNote> notes) {
        StringBuilder h = new StringBuilder(16_000);
        h.append("<!DOCTYPE html>\n<html lang=\"").append(locale.getLanguage().equals("nl") ? "nl" : "en")
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<title>").append(esc(NLS.bind(Messages.Brief_title, p.name()))).append("</title>\n<style>")
                .append("body{font-family:sans-serif;max-width:50em;margin:2em auto;line-height:1.45;color:#1c2430}")
                .append("h1{color:#1d3557}h2{border-bottom:1px solid #ccd;margin-top:1.6em}")
                .append(".policy{padding:.6em 1em;border-radius:4px}.banned{background:#fde2e1}.observe_only{background:#fff3cd}")
                .append(".allowed{background:#dff2e4}.none{background:#e9edf2}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccd;padding:.2em .6em;text-align:left}small{color:#555}")
                .append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(esc(NLS.bind(Messages.Brief_title, p.name()))).append("</h1>\n");
        h.append("<p><small>").append(esc(NLS.bind(Messages.Brief_generated, today))).append("</small></p>\n");
        if (suppliedBy != null) {
            h.append("<p><small>").append(esc(NLS.bind(Messages.Brief_suppliedBy, new Object[] { suppliedBy.plugin(),
                    suppliedBy.version(), suppliedBy.publisher().label() }))).append("</small></p>\n");
        }

        PlatformPolicy policy = org == null ? null : org.policyFor(p.id());
        String cls = policy == null ? "none" : policy.status().id();
        h.append("<p class=\"policy ").append(cls).append("\"><strong>");
        if (org == null) {
            h.append(esc(Messages.Banner_noOrganisation));
        } else if (policy == null) {
            h.append(esc(NLS.bind(Messages.Banner_noPolicy, org.name(), p.name())));
        } else {
            h.append(esc(org.name() + ": " + policy.status().label().get(locale)));
            String note = t(policy.note());
            if (!note.isEmpty()) {
                h.append("</strong><br>").append(esc(note)).append("<strong>");
            }
        }
        h.append("</strong></p>\n");
        if (!p.summary().isEmpty()) {
            h.append("<p>").append(esc(t(p.summary()))).append("</p>\n");
        }
        if (p.minimumAge() != null) {
            h.append("<p>").append(esc(PlatformTexts.age(p.minimumAge()))).append("</p>\n");
        }

        h.append("<h2>").append(esc(Messages.Detail_profile)).append("</h2>\n");
        h.append(svg(p));
        h.append("<table>\n");
        for (Affordance a : Affordance.values()) {
            h.append("<tr><th>").append(esc(a.label(locale))).append("</th><td>");
            AffordanceScore s = p.profile().score(a).orElse(null);
            if (s == null) {
                h.append("?</td><td></td></tr>\n");
                continue;
            }
            h.append(s.level()).append(' ').append(esc(Affordance.levelName(s.level()).get(locale))).append("</td><td>")
                    .append(esc(t(s.rationale()))).append("</td></tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2>").append(esc(Messages.Detail_questions)).append("</h2>\n<ul>\n");
        for (LocalizedText q : p.orientationQuestions()) {
            h.append("<li>").append(esc(t(q))).append("</li>\n");
        }
        h.append("</ul>\n<h3>").append(esc(Messages.Detail_handbookQuestions)).append("</h3>\n");
        for (Affordance a : Affordance.values()) {
            h.append("<p><strong>").append(esc(a.label(locale))).append("</strong></p>\n<ul>\n");
            List<LocalizedText> os = a.opportunityQuestions();
            for (int i = 0; i < os.size(); i++) {
                h.append("<li>").append(esc(PlatformTexts.question(a, false, i + 1, t(os.get(i))))).append("</li>\n");
            }
            List<LocalizedText> rs = a.riskQuestions();
            for (int i = 0; i < rs.size(); i++) {
                h.append("<li>").append(esc(PlatformTexts.question(a, true, i + 1, t(rs.get(i))))).append("</li>\n");
            }
            h.append("</ul>\n");
        }

        if (!p.needs().isEmpty()) {
            h.append("<h2>").append(esc(Messages.Detail_needs)).append("</h2>\n");
            for (Need n : Need.values()) {
                Platform.NeedOutlook o = p.needs().get(n);
                if (o != null) {
                    h.append("<h3>").append(esc(n.label(locale))).append("</h3>\n<p>")
                            .append(esc(NLS.bind(Messages.Detail_opportunities, t(o.opportunities())))).append("</p>\n<p>")
                            .append(esc(NLS.bind(Messages.Detail_risks, t(o.risks())))).append("</p>\n");
                }
            }
        }
        if (!p.stepGuidance().isEmpty()) {
            h.append("<h2>").append(esc(Messages.Detail_steps)).append("</h2>\n");
            for (MethodStep s : MethodStep.values()) {
                LocalizedText g = p.stepGuidance().get(s);
                if (g != null && !g.isEmpty()) {
                    h.append("<p><strong>").append(esc(NLS.bind(Messages.Detail_step, s.number(), s.label(locale))))
                            .append("</strong><br>").append(esc(t(g))).append("</p>\n");
                }
            }
        }
        if (!p.reportAndBlock().isEmpty()) {
            h.append("<h2>").append(esc(Messages.Detail_reportAndBlock)).append("</h2>\n<p>")
                    .append(esc(t(p.reportAndBlock()))).append("</p>\n");
        }
        if (!p.features().isEmpty()) {
            h.append("<h2>").append(esc(Messages.Detail_features)).append("</h2>\n<ul>\n");
            p.features().forEach((f, v) -> h.append("<li>").append(esc(f.label(locale))).append(": ")
                    .append(esc(v.value().label().get(locale))).append(v.note().isEmpty() ? "" : " &ndash; " + esc(t(v.note())))
                    .append("</li>\n"));
            h.append("</ul>\n");
        }
        if (!p.safetySettings().isEmpty()) {
            h.append("<h2>").append(esc(Messages.Detail_safetySettings)).append("</h2>\n<ul>\n");
            p.safetySettings().forEach(x -> h.append("<li>").append(esc(t(x))).append("</li>\n"));
            h.append("</ul>\n");
        }
        if (org != null && !org.helpLines().isEmpty()) {
            h.append("<h3>").append(esc(NLS.bind(Messages.Detail_helpLines, org.name()))).append("</h3>\n<ul>\n");
            for (Organisation.HelpLine line : org.helpLines()) {
                h.append("<li><strong>").append(esc(line.summary(locale.getLanguage()))).append("</strong>");
                if (!line.helpsWith().isEmpty()) {
                    h.append(": ").append(esc(t(line.helpsWith())));
                }
                if (line.url() != null) {
                    h.append(" <small>").append(esc(line.url())).append("</small>");
                }
                h.append("</li>\n");
            }
            h.append("</ul>\n");
        }
        if (!p.sources().isEmpty()) {
            h.append("<h2>").append(esc(Messages.Detail_sources)).append("</h2>\n<ul>\n");
            for (Source s : p.sources()) {
                h.append("<li>").append(link(s.url(), s.title())).append(" <small>(")
                        .append(esc(NLS.bind(Messages.Brief_checked, PlatformTexts.checked(s)))).append(")</small></li>\n");
            }
            h.append("</ul>\n");
        }
        if (orientation != null) {
            orientation(h, orientation);
        }
        if (notes != null) {
            notes(h, notes);
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private void notes(StringBuilder h, List<TrendNote> notes) {
        h.append("<h2>").append(esc(Messages.Brief_notes)).append("</h2>\n");
        if (notes.isEmpty()) {
            h.append("<p>").append(esc(Messages.Brief_noNotes)).append("</p>\n");
            return;
        }
        PiiScrubber scrubber = PiiScrubber.standard();
        for (TrendNote n : notes) {
            // Text level on purpose: the note-level scrub honours a worker's "keep" choice, which
            // covers the shared workspace, not a brief that leaves it.
            h.append("<h3>").append(esc(scrubber.scrub(n.title()).text())).append("</h3>\n<p><small>");
            StringJoiner meta = new StringJoiner(" \u00b7 ");
            if (n.observed() != null) {
                meta.add(n.observed().toString());
            }
            if (n.polarity() != null) {
                meta.add(t(n.polarity().label()));
            }
            if (n.urgency() != null) {
                meta.add(t(n.urgency().label()));
            }
            n.needs().forEach(need -> meta.add(need.label(locale)));
            h.append(esc(meta.toString())).append("</small></p>\n<p>").append(esc(excerpt(scrubber.scrub(n.body()).text()))).append("</p>\n");
        }
    }

    /** A brief is read in a meeting: the start of a long note is enough, cut at a word. */
    static String excerpt(String body) {
        int max = 600;
        if (body.length() <= max) {
            return body;
        }
        int cut = body.lastIndexOf(' ', max);
        return body.substring(0, cut > max / 2 ? cut : max) + " \u2026";
    }

    private String svg(Platform p) {
        int size = 360;
        double c = size / 2.0;
        double r = 110;
        int n = Affordance.values().length;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(size).append("\" height=\"").append(size)
                .append("\" role=\"img\" aria-label=\"").append(esc(NLS.bind(Messages.Brief_chart, p.name()))).append("\">\n");
        for (int level = 1; level <= Affordance.MAX_LEVEL; level++) {
            s.append("<polygon fill=\"none\" stroke=\"#c8cdd4\" points=\"");
            for (int i = 0; i < n; i++) {
                s.append(pt(c, r * level / Affordance.MAX_LEVEL, i, n)).append(' ');
            }
            s.append("\"/>\n");
        }
        for (Affordance a : Affordance.values()) {
            double ang = -Math.PI / 2 + a.ordinal() * 2 * Math.PI / n;
            double x = c + (r + 14) * Math.cos(ang);
            double y = c + (r + 14) * Math.sin(ang);
            String anchor = Math.cos(ang) > 0.25 ? "start" : Math.cos(ang) < -0.25 ? "end" : "middle";
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"%s\">", x, y + 4, anchor))
                    .append(esc(a.label(locale))).append("</text>\n");
        }
        s.append("<polygon fill=\"#0072b2\" fill-opacity=\"0.25\" stroke=\"#0072b2\" stroke-width=\"2\" points=\"");
        for (Affordance a : Affordance.values()) {
            s.append(pt(c, r * Math.max(0, p.profile().level(a).orElse(0)) / Affordance.MAX_LEVEL, a.ordinal(), n)).append(' ');
        }
        s.append("\"/>\n</svg>\n");
        return s.toString();
    }

    private static String pt(double c, double radius, int i, int n) {
        double ang = -Math.PI / 2 + i * 2 * Math.PI / n;
        return String.format(Locale.ROOT, "%.1f,%.1f", c + radius * Math.cos(ang), c + radius * Math.sin(ang));
    }

    private String t(LocalizedText text) {
        return text == null ? "" : text.get(locale);
    }

    /** HTML-escapes text for element content and attribute values. */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}
