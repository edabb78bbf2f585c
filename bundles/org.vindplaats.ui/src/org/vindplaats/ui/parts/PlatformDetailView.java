package org.vindplaats.ui.parts;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.vindplaats.app.CatalogQueries;
import org.vindplaats.app.PlatformTexts;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.catalog.Settings;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.AffordanceScore;
import org.vindplaats.model.Feature;
import org.vindplaats.app.PluginContributions;
import org.vindplaats.model.LocalizedText;
import org.vindplaats.model.MethodGuide;
import org.vindplaats.model.MethodStep;
import org.vindplaats.model.Need;
import org.vindplaats.model.Organisation;
import org.vindplaats.model.Platform;
import org.vindplaats.model.Source;
import org.vindplaats.model.Vocabulary;
import org.vindplaats.ui.Messages;
import org.vindplaats.ui.widgets.Palette;
import org.vindplaats.ui.widgets.PolicyBanner;
import org.vindplaats.ui.widgets.RadarChart;
import org.vindplaats.ui.widgets.Ui;
import org.vindplaats.ui.widgets.WrappingPage;

/**
 * Everything about one platform, top to bottom in the order a worker orients: the organisation's
 * policy (a banner that stays on top), the affordance profile as a radar chart and as text, why
 * each level, features, minimum age, reporting and blocking, safety settings, opportunities and
 * risks per need, guidance per methodical step, orientation questions (the platform's own and the
 * handbook's per affordance), young people's own views next to the professional one, sources.
 */
public final class PlatformDetailView {

    private final Catalog catalog;
    private final Locale locale;
    private final Composite root;
    private final Label title;
    private final PolicyBanner banner;
    private final WrappingPage page;
    private final ScrolledComposite scroller;
    private final Composite content;
    private final Runnable catalogListener;
    private final Runnable settingsListener;
    private RadarChart chart;
    private Label levelList;
    private String platformId;
    /** The application layer's answers about the catalog: the active organisation, who supplied a platform. */
    private final CatalogQueries queries;

    public PlatformDetailView(Composite parent, CatalogQueries queries, Locale locale) {
        this.queries = queries;
        this.catalog = queries.catalog();
        this.locale = locale;
        this.root = parent;
        GridLayoutFactory.fillDefaults().margins(8, 8).spacing(0, 6).applyTo(parent);
        title = Ui.name(new Label(parent, SWT.WRAP), "platform.title");
        title.setFont(Ui.heading());
        title.setData(Ui.CSS_CLASS, "vp-heading");
        GridDataFactory.fillDefaults().grab(true, false).hint(10, SWT.DEFAULT).applyTo(title);
        banner = Ui.name(new PolicyBanner(parent, locale), "platform.banner");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(banner);

        page = new WrappingPage(parent);
        scroller = page.scroller();
        content = Ui.name(page.content(), "platform.content");
        GridLayoutFactory.fillDefaults().margins(0, 4).spacing(0, 4).applyTo(content);
        scroller.getVerticalBar().setIncrement(24);

        catalogListener = () -> asyncRefresh();
        settingsListener = () -> asyncRefresh();
        catalog.addListener(catalogListener);
        Settings.addListener(settingsListener);
        parent.addDisposeListener(e -> {
            catalog.removeListener(catalogListener);
            Settings.removeListener(settingsListener);
        });
        show(null);
    }

    private MethodGuide guide;

    /** The method guide of the plugins in use, read once per catalog change (for the principles per step). */
    private MethodGuide guide() {
        if (guide == null) {
            guide = PluginContributions.guide(catalog, problem -> org.eclipse.core.runtime.ILog.of(PlatformDetailView.class).warn(problem));
        }
        return guide;
    }

    private void asyncRefresh() {
        guide = null;
        if (!root.isDisposed()) {
            root.getDisplay().asyncExec(() -> {
                if (!root.isDisposed()) {
                    show(platformId);
                }
            });
        }
    }

    /** Shows the platform with this id (null or unknown: a hint what to do). */
    public void show(String id) {
        this.platformId = id;
        Optional<Platform> platform = id == null ? Optional.empty() : catalog.platform(id);
        Organisation org = queries.activeOrganisation().orElse(null);
        content.setRedraw(false);
        try {
            Ui.disposeChildren(content);
            chart = null;
            levelList = null;
            if (platform.isEmpty()) {
                title.setText(Messages.Detail_title);
                banner.show(org, null);
                banner.setVisible(false);
                ((org.eclipse.swt.layout.GridData) banner.getLayoutData()).exclude = true;
                Ui.text(content, id == null ? Messages.Detail_empty : NLS.bind(Messages.Detail_gone, id), 1);
            } else {
                Platform p = platform.get();
                title.setText(p.name());
                banner.setVisible(true);
                ((org.eclipse.swt.layout.GridData) banner.getLayoutData()).exclude = false;
                banner.show(org, p);
                build(p);
            }
        } finally {
            content.setRedraw(true);
        }
        // Measured once before the window lays out: that is what opening a platform costs.
        page.rebuiltAndShown(root);
    }

    private String t(LocalizedText text) {
        return text == null ? "" : text.get(locale);
    }

    private void build(Platform p) {
        Composite c = content;
        if (!p.summary().isEmpty()) {
            Ui.text(c, t(p.summary()), 1);
        }
        String facts = p.minimumAge() == null ? Messages.Detail_ageUnknown : PlatformTexts.age(p.minimumAge());
        if (p.category() != null) {
            facts = NLS.bind(Messages.Detail_category, Vocabulary.name("category", p.category(), locale)) + "   \u00b7   "
                    + facts;
        }
        Ui.strong(c, facts, 1);
        // Which plugin (and publisher) these facts come from: a plugin that replaced them shows here.
        queries.suppliedBy(p).ifPresent(f -> Ui.text(c,
                NLS.bind(Messages.Detail_suppliedBy, new Object[] { f.plugin(), f.version(), f.publisher().label() }), 1));
        if (p.website() != null) {
            Ui.link(c, "<a href=\"" + p.website() + "\">" + Ui.linkEscape(p.website()) + "</a>", 1);
        }

        // Profile: chart and the same levels as text.
        Ui.heading(c, Messages.Detail_profile, 1);
        Composite profile = new Composite(c, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(0, 6).applyTo(profile);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(profile);
        chart = Ui.name(new RadarChart(profile, locale), "platform.chart");
        chart.setSeries(List.of(RadarChart.Series.of(p, Palette.seriesRgb(0))));
        // The chart gets the full width (long Dutch axis labels at 125% need it); the same levels
        // follow as text lines that never wrap.
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.BEGINNING).applyTo(chart);
        chart.addListener(SWT.KeyDown, e -> scrollByKey(e.keyCode));
        chart.addListener(SWT.Traverse, e -> e.doit = true);
        levelList = Ui.name(new Label(profile, SWT.NONE), "platform.levels");
        levelList.setText(levelText(p));
        GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.CENTER).applyTo(levelList);

        youthViews(c, p);

        // Fewer, longer labels: GTK measures every wrapping label on each layout pass, so one label
        // per paragraph group keeps opening a platform quick.
        Ui.heading(c, Messages.Detail_rationale, 1);
        for (Affordance a : Affordance.values()) {
            Optional<AffordanceScore> score = p.profile().score(a);
            if (score.isEmpty()) {
                Ui.strong(c, NLS.bind(Messages.Detail_levelUnknown, a.label(locale)), 1);
                continue;
            }
            AffordanceScore s = score.get();
            Ui.strong(c, NLS.bind(Messages.Detail_affordanceLine, new Object[] { a.label(locale), s.level(),
                    Affordance.levelName(s.level()).get(locale), s.confidence().label().get(locale) }), 1);
            List<String> paragraphs = new java.util.ArrayList<>();
            if (!s.rationale().isEmpty()) {
                paragraphs.add(t(s.rationale()));
            }
            if (!s.positiveUse().isEmpty()) {
                paragraphs.add(NLS.bind(Messages.Detail_positiveUse, t(s.positiveUse())));
            }
            if (!s.negativeUse().isEmpty()) {
                paragraphs.add(NLS.bind(Messages.Detail_negativeUse, t(s.negativeUse())));
            }
            if (!paragraphs.isEmpty()) {
                Ui.text(c, String.join("\n", paragraphs), 1);
            }
            sources(c, s.sources());
        }

        if (!p.features().isEmpty()) {
            Ui.heading(c, Messages.Detail_features, 1);
            Composite grid = new Composite(c, SWT.NONE);
            GridLayoutFactory.fillDefaults().numColumns(2).spacing(12, 6).applyTo(grid);
            GridDataFactory.fillDefaults().grab(true, false).applyTo(grid);
            for (Feature f : Feature.values()) {
                Platform.FeatureValue v = p.features().get(f);
                if (v == null) {
                    continue;
                }
                Label name = new Label(grid, SWT.NONE);
                name.setText(f.label(locale));
                name.setFont(Ui.bold());
                GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(name);
                String note = t(v.note());
                Ui.text(grid, note.isEmpty() ? v.value().label().get(locale)
                        : NLS.bind(Messages.Detail_featureValue, v.value().label().get(locale), note), 1);
            }
        }

        if (p.minimumAge() != null) {
            Ui.heading(c, Messages.Detail_minimumAge, 1);
            Ui.strong(c, PlatformTexts.age(p.minimumAge()), 1);
            if (p.minimumAge().note() != null && !p.minimumAge().note().isEmpty()) {
                Ui.text(c, t(p.minimumAge().note()), 1);
            }
            if (p.minimumAge().source() != null) {
                sources(c, List.of(p.minimumAge().source()));
            }
        }

        if (!p.reportAndBlock().isEmpty()) {
            Ui.heading(c, Messages.Detail_reportAndBlock, 1);
            Ui.text(c, t(p.reportAndBlock()), 1);
        }
        // Where a young person can get help: the active organisation's help lines and reporting points.
        Organisation org = queries.activeOrganisation().orElse(null);
        if (org != null && !org.helpLines().isEmpty()) {
            Ui.strong(c, NLS.bind(Messages.Detail_helpLines, org.name()), 1);
            Ui.bullets(c, org.helpLines().stream()
                    .map(h -> h.summary(locale.getLanguage()) + (h.helpsWith().isEmpty() ? "" : ": " + t(h.helpsWith())))
                    .toList());
        }
        if (!p.safetySettings().isEmpty()) {
            Ui.heading(c, Messages.Detail_safetySettings, 1);
            Ui.bullets(c, p.safetySettings().stream().map(this::t).toList());
        }
        if (p.professionalUse() != null) {
            Platform.ProfessionalUse u = p.professionalUse();
            Ui.heading(c, Messages.Detail_professionalUse, 1);
            List<String> lines = new java.util.ArrayList<>();
            professional(lines, Messages.Detail_workAccount, u.workAccount());
            professional(lines, Messages.Detail_autoReply, u.autoReply());
            professional(lines, Messages.Detail_severalAdmins, u.severalAdmins());
            if (!u.workerChats().isEmpty()) {
                lines.add(Messages.Detail_workerChats + ": " + t(u.workerChats()));
            }
            if (!u.gdpr().isEmpty()) {
                lines.add(Messages.Detail_gdpr + ": " + t(u.gdpr()));
            }
            Ui.bullets(c, lines);
            sources(c, u.sources());
        }

        if (!p.needs().isEmpty()) {
            Ui.heading(c, Messages.Detail_needs, 1);
            for (Need n : Need.values()) {
                Platform.NeedOutlook o = p.needs().get(n);
                if (o == null) {
                    continue;
                }
                Ui.strong(c, n.label(locale), 1);
                List<String> paragraphs = new java.util.ArrayList<>();
                if (!o.opportunities().isEmpty()) {
                    paragraphs.add(NLS.bind(Messages.Detail_opportunities, t(o.opportunities())));
                }
                if (!o.risks().isEmpty()) {
                    paragraphs.add(NLS.bind(Messages.Detail_risks, t(o.risks())));
                }
                Ui.text(c, String.join("\n", paragraphs), 1);
            }
        }

        if (!p.stepGuidance().isEmpty()) {
            Ui.heading(c, Messages.Detail_steps, 1);
            for (MethodStep s : MethodStep.values()) {
                LocalizedText g = p.stepGuidance().get(s);
                if (g == null || g.isEmpty()) {
                    continue;
                }
                Ui.strong(c, NLS.bind(Messages.Detail_step, s.number(), s.label(locale)), 1);
                Ui.text(c, t(g), 1);
                var principles = guide().principlesFor(s);
                if (!principles.isEmpty()) {
                    Ui.text(c, Messages.Method_principles + ": "
                            + String.join(", ", principles.stream().map(x -> x.label(locale)).toList()), 1);
                }
            }
        }

        Ui.heading(c, Messages.Detail_questions, 1);
        if (!p.orientationQuestions().isEmpty()) {
            Ui.strong(c, NLS.bind(Messages.Detail_platformQuestions, p.name()), 1);
            Ui.bullets(c, p.orientationQuestions().stream().map(this::t).toList());
        }
        Ui.strong(c, Messages.Detail_handbookQuestions, 1);
        Ui.text(c, Messages.Detail_handbookQuestions_hint, 1);
        for (Affordance a : Affordance.values()) {
            var lvl = p.profile().level(a);
            String level = lvl.isPresent() ? " (" + lvl.getAsInt() + " " + Affordance.levelName(lvl.getAsInt()).get(locale) + ")" : "";
            Ui.strong(c, a.label(locale) + level, 1);
            List<String> questions = new java.util.ArrayList<>();
            List<LocalizedText> os = a.opportunityQuestions();
            for (int i = 0; i < os.size(); i++) {
                questions.add(PlatformTexts.question(a, false, i + 1, t(os.get(i))));
            }
            List<LocalizedText> rs = a.riskQuestions();
            for (int i = 0; i < rs.size(); i++) {
                questions.add(PlatformTexts.question(a, true, i + 1, t(rs.get(i))));
            }
            Ui.bullets(c, questions);
        }

        if (!p.sources().isEmpty()) {
            Ui.heading(c, Messages.Detail_sources, 1);
            sources(c, p.sources());
        }
    }

    private void professional(List<String> lines, String label, Platform.FeatureValue v) {
        if (v != null) {
            lines.add(label + ": " + v.value().label().get(locale) + (v.note().isEmpty() ? "" : " \u2013 " + t(v.note())));
        }
    }

    /**
     * Young people's own view next to the professional one, when someone recorded it: the platform
     * plugin's and the organisations' (a youth panel, a workshop), each marked with where it came from.
     */
    private void youthViews(Composite c, Platform p) {
        List<PluginContributions.SourcedYouthView> views = PluginContributions.youthViews(catalog, p.id());
        if (views.isEmpty()) {
            return;
        }
        Ui.heading(c, Messages.Detail_youthViews, 1);
        Composite sides = new Composite(c, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).equalWidth(true).spacing(16, 4).applyTo(sides);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(sides);
        Composite professional = Ui.column(sides, 1);
        Composite youth = Ui.column(sides, 1);
        ((org.eclipse.swt.layout.GridData) professional.getLayoutData()).verticalAlignment = SWT.BEGINNING;
        ((org.eclipse.swt.layout.GridData) youth.getLayoutData()).verticalAlignment = SWT.BEGINNING;
        Ui.strong(professional, Messages.Detail_professionalView, 1);
        Ui.text(professional, levelText(p), 1);
        if (!p.summary().isEmpty()) {
            Ui.text(professional, t(p.summary()), 1);
        }
        Ui.strong(youth, Messages.Detail_youthView, 1);
        for (PluginContributions.SourcedYouthView sv : views) {
            Platform.YouthView v = sv.view();
            Ui.text(youth, NLS.bind(Messages.Detail_youthWho, new Object[] { t(v.who()), v.when() == null ? "" : v.when(),
                    t(v.method()) }), 1).setFont(Ui.bold());
            Ui.text(youth, "\u201c" + t(v.said()) + "\u201d", 1);
            Ui.text(youth, NLS.bind(Messages.Detail_youthFrom, sv.organisation() == null
                    ? NLS.bind(Messages.Detail_youthFromPlugin, p.name()) : sv.organisation()), 1);
        }
    }

    /** All sources in one link widget, one line each; Tab reaches every link in it. */
    private void sources(Composite c, List<Source> list) {
        if (list.isEmpty()) {
            return;
        }
        List<String> lines = new java.util.ArrayList<>();
        for (Source s : list) {
            lines.add(NLS.bind(Messages.Detail_source, new Object[] {
                    "<a href=\"" + s.url() + "\">" + Ui.linkEscape(s.title()) + "</a>", PlatformTexts.checked(s) }));
        }
        Ui.link(c, String.join("\n", lines), 1);
    }

    private String levelText(Platform p) {
        StringBuilder sb = new StringBuilder();
        for (Affordance a : Affordance.values()) {
            var level = p.profile().level(a);
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(a.label(locale)).append(": ");
            sb.append(level.isPresent() ? level.getAsInt() + " \u2013 " + Affordance.levelName(level.getAsInt()).get(locale)
                    : Messages.Detail_unknown);
        }
        return sb.toString();
    }

    private void scrollByKey(int keyCode) {
        Point origin = scroller.getOrigin();
        int screen = scroller.getClientArea().height - 40;
        int dy = switch (keyCode) {
            case SWT.ARROW_DOWN -> 40;
            case SWT.ARROW_UP -> -40;
            case SWT.PAGE_DOWN -> screen;
            case SWT.PAGE_UP -> -screen;
            case SWT.HOME -> -origin.y;
            case SWT.END -> content.getSize().y;
            default -> 0;
        };
        if (dy != 0) {
            scroller.setOrigin(origin.x, Math.max(0, origin.y + dy));
        }
    }

    public String platformId() {
        return platformId;
    }

    /** Puts the focus on the scrolled content (arrow keys and Page Up/Down scroll it). */
    public void setFocus() {
        scroller.setFocus();
    }
}
