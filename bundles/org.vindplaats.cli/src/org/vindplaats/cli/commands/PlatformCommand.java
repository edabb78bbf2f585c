package org.vindplaats.cli.commands;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.osgi.util.NLS;
import org.vindplaats.app.OrientationBriefs;
import org.vindplaats.app.PluginContributions;
import org.vindplaats.cli.CliContext;
import org.vindplaats.cli.ExitCodes;
import org.vindplaats.cli.JsonViews;
import org.vindplaats.cli.Messages;
import org.vindplaats.cli.NotesSession;
import org.vindplaats.cli.UsageException;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.AffordanceScore;
import org.vindplaats.model.Feature;
import org.vindplaats.model.LocalizedText;
import org.vindplaats.model.MethodGuide;
import org.vindplaats.model.MethodStep;
import org.vindplaats.model.Need;
import org.vindplaats.model.Organisation;
import org.vindplaats.model.Platform;
import org.vindplaats.model.Source;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * vindplaats platform show &lt;id&gt;: everything a worker should know before going there; vindplaats
 * platform brief &lt;id&gt;: the same as an orientation brief for a team meeting (one HTML page).
 */
@Command(name = "platform", mixinStandardHelpOptions = true, subcommands = { PlatformCommand.Show.class, PlatformCommand.Brief.class })
public final class PlatformCommand extends CommandBase {

    public PlatformCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "Missing subcommand: show or brief");
    }

    /**
     * The orientation brief the workbench exports (File &gt; Export brief), from the application
     * layer's {@link OrientationBriefs}: to a file (owner-only, written in one step) or, without
     * --output, on standard output. The team's latest notes about the platform only with --notes,
     * scrubbed of personal data once more.
     */
    @Command(name = "brief", mixinStandardHelpOptions = true)
    public static final class Brief extends CommandBase {
        @Parameters(paramLabel = "<platform>", descriptionKey = "param.platform")
        String id;
        @Mixin
        OrgOption org;
        @Option(names = "--notes", descriptionKey = "option.briefNotes")
        boolean notes;
        @Mixin
        NotesCommand.WorkspaceOption ws;
        @Option(names = { "-o", "--output" }, paramLabel = "<file.html>", descriptionKey = "option.briefOutput")
        Path output;

        public Brief(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            Platform p = ctx.platform(id);
            OrientationBriefs.Request request = OrientationBriefs.Request.of(p, org.resolve(ctx), ctx.locale());
            if (!notes) {
                return print(request);
            }
            try (NotesSession session = NotesSession.open(ctx, ws.workspace, false)) {
                return print(request.withNotes(session.store()));
            }
        }

        private int print(OrientationBriefs.Request request) {
            if (output == null) {
                ctx.out().print(ctx.briefs().html(request, ctx.err()::println));
                ctx.out().flush();
                return ExitCodes.OK;
            }
            Path target = ctx.terminal().path(output.toString());
            try {
                ctx.briefs().write(target, request, ctx.err()::println);
            } catch (IOException e) {
                throw new UsageException(NLS.bind(Messages.Brief_writeFailed, target, e.getMessage()));
            }
            ctx.err().println(NLS.bind(Messages.Brief_written, target));
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true)
    public static final class Show extends CommandBase {
        @Parameters(paramLabel = "<platform>", descriptionKey = "param.platform")
        String id;
        @Mixin
        FormatOption format;
        @Mixin
        OrgOption org;

        public Show(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            Platform p = ctx.platform(id);
            Organisation organisation = org.resolve(ctx);
            var from = ctx.queries().suppliedBy(p);
            if (format.format == Format.json) {
                var n = JsonViews.platform(p, organisation);
                // Young people's own views: the platform plugin's and the organisations' (these say who
                // recorded them), in place of the platform plugin's alone.
                var views = n.putArray("youthViews");
                for (var sv : PluginContributions.youthViews(ctx.catalog(), p.id())) {
                    JsonViews.youthView(views.addObject(), sv.view(), sv.organisation());
                }
                from.ifPresent(f -> n.putObject("suppliedBy").put("plugin", f.plugin()).put("version", f.version())
                        .put("publisher", f.publisher().name()).put("fingerprint", f.publisher().fingerprint()));
                printJson(n);
                return ExitCodes.OK;
            }
            PlatformReport report = new PlatformReport(ctx, p, organisation);
            report.suppliedBy = from.map(f -> NLS.bind(Messages.Show_suppliedBy,
                    new Object[] { f.plugin(), f.version(), f.publisher().label() })).orElse(null);
            report.print();
            return ExitCodes.OK;
        }
    }

    /** The text version of a platform, sectioned like the workbench's detail part. */
    static final class PlatformReport {
        private final CliContext ctx;
        private final Platform p;
        private final Organisation org;
        private final PrintWriter out;
        private final String lang;
        /** Which plugin supplied these facts, shown first (null: not known). */
        String suppliedBy;

        PlatformReport(CliContext ctx, Platform p, Organisation org) {
            this.ctx = ctx;
            this.p = p;
            this.org = org;
            this.out = ctx.out();
            this.lang = ctx.language();
        }

        private String t(LocalizedText text) {
            return text.get(lang);
        }

        private void heading(String title) {
            out.println();
            out.println(title);
            out.println("-".repeat(title.length()));
        }

        void print() {
            out.println(p.name() + " (" + p.id() + ")");
            out.println("=".repeat(p.name().length() + p.id().length() + 3));
            if (suppliedBy != null) {
                out.println(suppliedBy);
            }
            if (org != null) {
                Organisation.PlatformPolicy pp = org.policyFor(p.id());
                if (pp != null) {
                    String note = pp.note().isEmpty() ? "" : " — " + t(pp.note());
                    out.println(">> " + NLS.bind(Messages.Show_policyBanner,
                            new Object[] { p.name(), org.name(), t(pp.status().label()), note }));
                }
            } else {
                out.println(NLS.bind(Messages.Show_noPolicy, null));
            }
            out.println();
            out.println(t(p.summary()));
            if (p.minimumAge() != null) {
                out.println();
                out.println(p.minimumAge().years() == 0 ? Messages.Show_noMinimumAge
                        : NLS.bind(Messages.Show_minimumAge, p.minimumAge().years() + "+"));
                if (!p.minimumAge().note().isEmpty()) {
                    out.println("  " + t(p.minimumAge().note()));
                }
            }

            heading(Messages.Show_affordances);
            for (Affordance a : Affordance.values()) {
                var score = p.profile().score(a);
                if (score.isEmpty()) {
                    out.println(String.format("%-20s -", a.label(ctx.locale())));
                    continue;
                }
                AffordanceScore s = score.get();
                String bar = "#".repeat(s.level()) + ".".repeat(Affordance.MAX_LEVEL - s.level());
                out.println(String.format("%-20s %s %d %s  (%s)", a.label(ctx.locale()), bar, s.level(),
                        Affordance.levelName(s.level()).get(lang), NLS.bind(Messages.Show_confidence, t(s.confidence().label()))));
                out.println("    " + t(s.rationale()));
                if (!s.positiveUse().isEmpty()) {
                    out.println("    + " + Messages.Show_positive + ": " + t(s.positiveUse()));
                }
                if (!s.negativeUse().isEmpty()) {
                    out.println("    - " + Messages.Show_negative + ": " + t(s.negativeUse()));
                }
                for (Source src : s.sources()) {
                    out.println("    [" + src.title() + ", " + checked(src) + "] " + src.url());
                }
            }

            heading(Messages.Show_features);
            for (Map.Entry<Feature, Platform.FeatureValue> e : p.features().entrySet()) {
                String note = e.getValue().note().isEmpty() ? "" : " — " + t(e.getValue().note());
                out.println(String.format("%-40s %s%s", t(e.getKey().label()), t(e.getValue().value().label()), note));
            }

            heading(Messages.Show_reportAndBlock);
            out.println(t(p.reportAndBlock()));
            // Where a young person (or the worker) can get help, from the organisation's plugin.
            if (org != null && !org.helpLines().isEmpty()) {
                heading(NLS.bind(Messages.Show_helpLines, org.name()));
                for (Organisation.HelpLine h : org.helpLines()) {
                    out.println("- " + h.summary(lang));
                    out.println("    " + t(h.helpsWith()) + (h.url() == null ? "" : " " + h.url()));
                }
            }
            if (!p.safetySettings().isEmpty()) {
                heading(Messages.Show_safetySettings);
                p.safetySettings().forEach(s -> out.println("- " + t(s)));
            }
            if (p.professionalUse() != null) {
                Platform.ProfessionalUse u = p.professionalUse();
                heading(Messages.Show_professionalUse);
                professional(Messages.Show_workAccount, u.workAccount());
                professional(Messages.Show_autoReply, u.autoReply());
                professional(Messages.Show_severalAdmins, u.severalAdmins());
                if (!u.workerChats().isEmpty()) {
                    out.println(Messages.Show_workerChats + ": " + t(u.workerChats()));
                }
                if (!u.gdpr().isEmpty()) {
                    out.println(Messages.Show_gdpr + ": " + t(u.gdpr()));
                }
                for (Source src : u.sources()) {
                    out.println("    [" + src.title() + ", " + checked(src) + "] " + src.url());
                }
            }

            heading(Messages.Show_needs);
            for (Map.Entry<Need, Platform.NeedOutlook> e : p.needs().entrySet()) {
                out.println(t(e.getKey().label()));
                out.println("    + " + Messages.Show_opportunities + ": " + t(e.getValue().opportunities()));
                out.println("    - " + Messages.Show_risks + ": " + t(e.getValue().risks()));
            }

            heading(Messages.Show_steps);
            MethodGuide guide = PluginContributions.guide(ctx.catalog(), ctx.err()::println);
            for (Map.Entry<MethodStep, LocalizedText> e : p.stepGuidance().entrySet()) {
                out.println(e.getKey().number() + ". " + t(e.getKey().label()));
                out.println("    " + t(e.getValue()));
                var principles = guide.principlesFor(e.getKey());
                if (!principles.isEmpty()) {
                    out.println("    " + Messages.Method_principles + ": "
                            + String.join(", ", principles.stream().map(x -> t(x.label())).toList()));
                }
            }

            heading(Messages.Show_questions);
            p.orientationQuestions().forEach(q -> out.println("- " + t(q)));
            heading(Messages.Show_genericQuestions);
            out.println(NLS.bind(Messages.Show_questionOrigins, Affordance.HANDBOOK_QUESTION_PAGES));
            for (Affordance a : Affordance.values()) {
                out.println(a.label(ctx.locale()) + ":");
                List<LocalizedText> qs = a.opportunityQuestions();
                for (int i = 0; i < qs.size(); i++) {
                    out.println("  + " + t(qs.get(i)) + origin(a, false, i + 1));
                }
                List<LocalizedText> rs = a.riskQuestions();
                for (int i = 0; i < rs.size(); i++) {
                    out.println("  - " + t(rs.get(i)) + origin(a, true, i + 1));
                }
            }

            var views = PluginContributions.youthViews(ctx.catalog(), p.id());
            if (!views.isEmpty()) {
                heading(Messages.Show_youthViews);
                for (var sv : views) {
                    Platform.YouthView v = sv.view();
                    out.println("* " + t(v.who()) + " (" + v.when() + ")" + (v.method() == null || v.method().isEmpty() ? ""
                            : ", " + t(v.method())));
                    out.println("    \"" + t(v.said()) + "\"");
                    out.println("    " + NLS.bind(Messages.Show_youthFrom, sv.organisation() == null
                            ? NLS.bind(Messages.Show_youthFromPlugin, p.name()) : sv.organisation()));
                }
            }
            if (!p.sources().isEmpty()) {
                heading(Messages.Show_sources);
                p.sources().forEach(s -> out.println("- " + s.title() + " — " + s.url() + " (" + checked(s) + ")"));
            }
        }

        private void professional(String label, Platform.FeatureValue v) {
            if (v != null) {
                out.println(String.format("%-40s %s%s", label, t(v.value().label()), v.note().isEmpty() ? "" : " \u2014 " + t(v.note())));
            }
        }

        /** "checked 2026-11-20", with a warning when that is more than six months ago. */
        private String checked(Source s) {
            String text = NLS.bind(Messages.Show_checked, s.checked());
            return s.isStale(java.time.LocalDate.now()) ? text + " \u2014 " + NLS.bind(Messages.Show_stale, Source.STALE_AFTER_MONTHS)
                    : text;
        }

        /** " [H]" for a question the handbook asks, " [V]" for one Vindplaats added. */
        private static String origin(Affordance a, boolean risk, int number) {
            return a.isHandbookQuestion(risk, number) ? "  [" + Messages.Show_fromHandbook + "]"
                    : "  [" + Messages.Show_fromVindplaats + "]";
        }
    }
}
