package org.vindplaats.ui.orientation;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.LocalizedText;
import org.vindplaats.model.MethodGuide;
import org.vindplaats.model.Organisation;
import org.vindplaats.model.Platform;
import org.vindplaats.ui.Messages;
import org.vindplaats.app.OrientationBriefs;
import org.vindplaats.app.OrientationRecord;
import org.vindplaats.ui.widgets.Ui;

/**
 * "Ik ga online op ...": a worker's first steps on one platform, one page each: the organisation's
 * policy for it, setting up a work account (the organisation's account rules, what the platform
 * allows professionally, the handbook's advice on the worker's own presence), the safety settings
 * to check (ticked), the orientation questions per affordance (ticked, with notes), and at the end
 * the orientation brief for the team meeting with all of it.
 */
public final class OrientationWizard extends Wizard {

    private final Platform platform;
    private final Organisation org;
    private final MethodGuide guide;
    private final Locale locale;
    private final Supplier<Path> target;
    private final OrientationBriefs briefs;
    private Table safety;
    private Table questions;
    private Text notes;
    private Path written;

    /**
     * @param briefs writes the brief (the application layer's, as File &gt; Export brief)
     * @param target asks where to save the brief (null: cancelled); called when the worker finishes
     */
    public OrientationWizard(Platform platform, Organisation org, MethodGuide guide, Locale locale,
            OrientationBriefs briefs, Supplier<Path> target) {
        this.platform = platform;
        this.briefs = briefs;
        this.org = org;
        this.guide = guide == null ? MethodGuide.EMPTY : guide;
        this.locale = locale;
        this.target = target;
        setWindowTitle(NLS.bind(Messages.Orient_title, platform.name()));
        setNeedsProgressMonitor(false);
    }

    private String t(LocalizedText text) {
        return text == null ? "" : text.get(locale);
    }

    @Override
    public void addPages() {
        addPage(new TextPage("policy", Messages.Orient_policyTitle, this::policy));
        addPage(new TextPage("account", Messages.Orient_accountTitle, this::account));
        addPage(new TablePage("safety", Messages.Orient_safetyTitle, Messages.Orient_safetyHint, c -> {
            safety = checkTable(c);
            platform.safetySettings().forEach(s -> new TableItem(safety, SWT.NONE).setText(t(s)));
            if (platform.safetySettings().isEmpty()) {
                new TableItem(safety, SWT.NONE).setText(Messages.Orient_noSafety);
            }
        }));
        addPage(new TablePage("questions", Messages.Orient_questionsTitle, Messages.Orient_questionsHint, c -> {
            questions = checkTable(c);
            platform.orientationQuestions().forEach(q -> new TableItem(questions, SWT.NONE).setText(platform.name() + ": " + t(q)));
            for (Affordance a : Affordance.values()) {
                List<LocalizedText> all = new ArrayList<>(a.opportunityQuestions());
                all.addAll(a.riskQuestions());
                all.forEach(q -> new TableItem(questions, SWT.NONE).setText(a.label(locale) + ": " + t(q)));
            }
            Ui.strong(c, Messages.Orient_notes, 1);
            notes = new Text(c, SWT.MULTI | SWT.WRAP | SWT.BORDER | SWT.V_SCROLL);
            GridDataFactory.fillDefaults().grab(true, false).hint(10, 80).applyTo(notes);
        }));
    }

    private static Table checkTable(Composite c) {
        Table table = new Table(c, SWT.CHECK | SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        new TableColumn(table, SWT.LEFT).setWidth(900);
        GridDataFactory.fillDefaults().grab(true, true).hint(10, 200).applyTo(table);
        return table;
    }

    /** The organisation's policy for this platform, and its reachability agreements. */
    private List<String> policy() {
        List<String> out = new ArrayList<>();
        if (org == null) {
            out.add(Messages.Orient_noOrganisation);
            return out;
        }
        Organisation.PlatformPolicy pp = org.policyFor(platform.id());
        out.add(pp == null ? NLS.bind(Messages.Orient_noPolicy, org.name())
                : NLS.bind(Messages.Orient_policy, new Object[] { org.name(), t(pp.status().label()), platform.name() })
                        + (pp.note().isEmpty() ? "" : "\n" + t(pp.note())));
        if (org.reachability() != null && !org.reachability().hours().isEmpty()) {
            out.add(NLS.bind(Messages.Orient_hours, t(org.reachability().hours())));
        }
        return out;
    }

    /** Setting up a work account: the organisation's rules, the platform's professional use, the handbook's advice. */
    private List<String> account() {
        List<String> out = new ArrayList<>();
        if (org != null && !org.accountRules().isEmpty()) {
            out.add(NLS.bind(Messages.Orient_accountRules, org.name()) + "\n\u2022 "
                    + String.join("\n\u2022 ", org.accountRules().stream().map(this::t).toList()));
        }
        Platform.ProfessionalUse u = platform.professionalUse();
        if (u != null) {
            StringBuilder b = new StringBuilder(NLS.bind(Messages.Orient_professional, platform.name()));
            for (var v : new Object[][] { { Messages.Detail_workAccount, u.workAccount() }, { Messages.Detail_autoReply, u.autoReply() },
                    { Messages.Detail_severalAdmins, u.severalAdmins() } }) {
                if (v[1] instanceof Platform.FeatureValue fv) {
                    b.append("\n\u2022 ").append(v[0]).append(": ").append(fv.value().label().get(locale))
                            .append(fv.note().isEmpty() ? "" : " \u2013 " + t(fv.note()));
                }
            }
            if (!u.workerChats().isEmpty()) {
                b.append("\n\u2022 ").append(Messages.Detail_workerChats).append(": ").append(t(u.workerChats()));
            }
            out.add(b.toString());
        }
        guide.topic("presence").ifPresent(topic -> {
            StringBuilder b = new StringBuilder(t(topic.title()));
            topic.entries().stream().limit(2).forEach(e -> b.append("\n\u2022 ").append(t(e.heading())).append(": ").append(t(e.body())));
            out.add(b.toString());
        });
        if (out.isEmpty()) {
            out.add(Messages.Orient_noAccountAdvice);
        }
        return out;
    }

    /** What the worker ticked and wrote. */
    public OrientationRecord record() {
        Map<String, Boolean> checked = new LinkedHashMap<>();
        if (safety != null && !platform.safetySettings().isEmpty()) {
            for (TableItem ti : safety.getItems()) {
                checked.put(ti.getText(), ti.getChecked());
            }
        }
        List<String> discussed = new ArrayList<>();
        if (questions != null) {
            for (TableItem ti : questions.getItems()) {
                if (ti.getChecked()) {
                    discussed.add(ti.getText());
                }
            }
        }
        return new OrientationRecord(LocalDate.now(), checked, discussed, notes == null ? "" : notes.getText());
    }

    @Override
    public boolean performFinish() {
        Path file = target.get();
        if (file == null) {
            return false;
        }
        try {
            // Owner-only like every brief; the worker shares it deliberately.
            briefs.write(file, OrientationBriefs.Request.of(platform, org, locale).withOrientation(record()),
                    problem -> { }); // no notes are read for this brief
            written = file;
            return true;
        } catch (IOException e) {
            ((WizardPage) getContainer().getCurrentPage()).setErrorMessage(NLS.bind(Messages.Export_failed, file, e.getMessage()));
            return false;
        }
    }

    /** Where the brief was written (null until finished). */
    public Path written() {
        return written;
    }

    /** A page of wrapping paragraphs. */
    private static final class TextPage extends WizardPage {
        private final Supplier<List<String>> paragraphs;

        TextPage(String name, String title, Supplier<List<String>> paragraphs) {
            super(name, title, null);
            this.paragraphs = paragraphs;
        }

        @Override
        public void createControl(Composite parent) {
            ScrolledComposite sc = new ScrolledComposite(parent, SWT.V_SCROLL);
            sc.setExpandHorizontal(true);
            sc.setExpandVertical(true);
            Composite c = new Composite(sc, SWT.NONE);
            GridLayoutFactory.fillDefaults().margins(6, 6).spacing(0, 10).applyTo(c);
            paragraphs.get().forEach(p -> Ui.text(c, p, 1));
            sc.setContent(c);
            sc.addListener(SWT.Resize, e -> sc.setMinSize(c.computeSize(Math.max(200, sc.getClientArea().width), SWT.DEFAULT)));
            setControl(sc);
        }
    }

    /** A page with a hint and a check table (and what the builder adds). */
    private static final class TablePage extends WizardPage {
        private final String hint;
        private final java.util.function.Consumer<Composite> build;

        TablePage(String name, String title, String hint, java.util.function.Consumer<Composite> build) {
            super(name, title, null);
            this.hint = hint;
            this.build = build;
        }

        @Override
        public void createControl(Composite parent) {
            Composite c = new Composite(parent, SWT.NONE);
            GridLayoutFactory.fillDefaults().margins(6, 6).spacing(0, 6).applyTo(c);
            Ui.text(c, hint, 1);
            build.accept(c);
            setControl(c);
        }
    }
}
