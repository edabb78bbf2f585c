package org.vindplaats.ui.parts;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.osgi.service.prefs.BackingStoreException;
import org.vindplaats.app.CatalogQueries;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.catalog.Settings;
import org.vindplaats.model.LocalizedText;
import org.vindplaats.model.Organisation;
import org.vindplaats.model.Organisation.PlatformPolicy;
import org.vindplaats.model.Organisation.ReferralPartner;
import org.vindplaats.model.Platform;
import org.vindplaats.model.Urgency;
import org.vindplaats.ui.Messages;
import org.vindplaats.ui.widgets.Ui;
import org.vindplaats.ui.widgets.WrappingPage;

/**
 * Beheer: which organisation's agreements apply (saved in the preferences the CLI shares), what
 * they are (reachability, account rules, referral partners, retention, duty to report,
 * transparency, policy per platform), the interface language (applied at the next start) and
 * where Vindplaats keeps its files.
 */
public final class OrganisationView {

    private final Catalog catalog;
    private final Locale locale;
    private final Combo organisations;
    private final Label saveStatus;
    private final Composite details;
    private final Button dutch;
    private final Button english;
    private final Label languageNote;
    private final WrappingPage page;
    private final Composite content;
    private final Runnable catalogListener;
    private final Text workspaceFolder;
    private final Runnable settingsListener;
    private List<Organisation> shown = List.of();

    public OrganisationView(Composite parent, Catalog catalog, Path pluginFolder, Path dataFolder, Locale locale) {
        this.catalog = catalog;
        this.locale = locale;
        GridLayoutFactory.fillDefaults().applyTo(parent);
        page = new WrappingPage(parent);
        content = page.content();
        GridLayoutFactory.fillDefaults().margins(8, 8).spacing(0, 8).applyTo(content);

        Group orgGroup = new Group(content, SWT.NONE);
        orgGroup.setText(Messages.Org_group);
        GridLayoutFactory.swtDefaults().numColumns(2).spacing(8, 6).applyTo(orgGroup);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(orgGroup);
        Label l = new Label(orgGroup, SWT.NONE);
        l.setText(Messages.Org_active);
        organisations = Ui.name(new Combo(orgGroup, SWT.READ_ONLY | SWT.DROP_DOWN), "org.organisations");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(organisations);
        organisations.addListener(SWT.Selection, e -> choose());
        Ui.text(orgGroup, Messages.Org_hint, 2);
        saveStatus = Ui.name(new Label(orgGroup, SWT.WRAP), "org.saveStatus");
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(10, SWT.DEFAULT).applyTo(saveStatus);
        details = Ui.name(new Composite(orgGroup, SWT.NONE), "org.details");
        GridLayoutFactory.fillDefaults().spacing(0, 4).applyTo(details);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(details);

        Group langGroup = new Group(content, SWT.NONE);
        langGroup.setText(Messages.Lang_group);
        GridLayoutFactory.swtDefaults().spacing(8, 4).applyTo(langGroup);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(langGroup);
        dutch = Ui.name(new Button(langGroup, SWT.RADIO), "org.dutch");
        dutch.setText(Messages.Lang_dutch);
        english = Ui.name(new Button(langGroup, SWT.RADIO), "org.english");
        english.setText(Messages.Lang_english);
        String current = Settings.effectiveLanguage(Locale.getDefault());
        dutch.setSelection("nl".equals(current));
        english.setSelection("en".equals(current));
        dutch.addListener(SWT.Selection, e -> {
            if (dutch.getSelection()) {
                chooseLanguage("nl");
            }
        });
        english.addListener(SWT.Selection, e -> {
            if (english.getSelection()) {
                chooseLanguage("en");
            }
        });
        languageNote = Ui.name(Ui.text(langGroup, Messages.Lang_nextStart, 1), "org.languageNote");

        Group where = new Group(content, SWT.NONE);
        where.setText(Messages.Where_group);
        GridLayoutFactory.swtDefaults().numColumns(2).spacing(8, 4).applyTo(where);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(where);
        readOnly(where, Messages.Where_plugins, pluginFolder == null ? "" : pluginFolder.toString());
        readOnly(where, Messages.Where_data, dataFolder == null ? "" : dataFolder.toString());
        workspaceFolder = Ui.name(readOnly(where, Messages.Notes_workspace, ""), "org.workspaceFolder");
        Ui.text(where, Messages.Where_workspace, 2);

        catalogListener = () -> async(this::refresh);
        settingsListener = () -> async(this::refresh);
        catalog.addListener(catalogListener);
        Settings.addListener(settingsListener);
        parent.addDisposeListener(e -> {
            catalog.removeListener(catalogListener);
            Settings.removeListener(settingsListener);
        });
        refresh();
    }

    private Text readOnly(Composite parent, String label, String value) {
        Label l = new Label(parent, SWT.NONE);
        l.setText(label);
        Text t = new Text(parent, SWT.READ_ONLY | SWT.BORDER);
        t.setText(value);
        GridDataFactory.fillDefaults().grab(true, false).hint(10, SWT.DEFAULT).applyTo(t);
        return t;
    }

    /** Shows the trend-notes workspace folder (chosen in Signaleren). */
    public void showWorkspace(Path folder) {
        workspaceFolder.setText(folder == null ? "" : folder.toString());
    }

    /** Puts the focus on the choice of organisation. */
    public void setFocus() {
        organisations.setFocus();
    }

    private void async(Runnable r) {
        if (!content.isDisposed()) {
            content.getDisplay().asyncExec(() -> {
                if (!content.isDisposed()) {
                    r.run();
                }
            });
        }
    }

    private void choose() {
        int i = organisations.getSelectionIndex();
        String id = i <= 0 ? null : shown.get(i - 1).id();
        try {
            Settings.setActiveOrganisation(id);
            saveStatus.setText(id == null ? Messages.Org_savedNone : NLS.bind(Messages.Org_saved, shown.get(i - 1).name()));
        } catch (BackingStoreException | RuntimeException e) {
            saveStatus.setText(NLS.bind(Messages.Org_saveFailed, e.getMessage()));
        }
        refresh();
    }

    private void chooseLanguage(String language) {
        try {
            Settings.setLanguage(language);
            boolean now = language.equals(Locale.getDefault().getLanguage());
            languageNote.setText(now ? Messages.Lang_nextStart : Messages.Lang_restart);
        } catch (BackingStoreException | RuntimeException e) {
            languageNote.setText(NLS.bind(Messages.Org_saveFailed, e.getMessage()));
        }
        page.rebuilt();
    }

    /** Re-reads organisations and the active one. */
    public void refresh() {
        shown = catalog.organisations();
        String active = Settings.activeOrganisation().orElse(null);
        organisations.removeAll();
        organisations.add(shown.isEmpty() ? Messages.Org_noneInstalled : Messages.Org_none);
        int select = 0;
        for (int i = 0; i < shown.size(); i++) {
            organisations.add(shown.get(i).name());
            if (shown.get(i).id().equals(active)) {
                select = i + 1;
            }
        }
        organisations.select(select);
        if (active != null && select == 0) {
            saveStatus.setText(NLS.bind(Messages.Org_missing, active));
        }
        Ui.disposeChildren(details);
        CatalogQueries.activeOrganisation(catalog).ifPresent(this::describe);
        page.rebuilt();
    }

    private String t(LocalizedText text) {
        return text == null ? "" : text.get(locale);
    }

    private void describe(Organisation o) {
        Composite c = details;
        Ui.heading(c, o.name(), 1);
        String kind = switch (o.type()) {
            case CITY -> Messages.Org_typeCity;
            case KNOWLEDGE_CENTRE -> Messages.Org_typeKnowledgeCentre;
            case ORGANISATION -> Messages.Org_typeOrganisation;
        };
        Ui.strong(c, o.region() == null ? kind : kind + " \u00b7 " + o.region(), 1);
        if (!o.summary().isEmpty()) {
            Ui.text(c, t(o.summary()), 1);
        }
        if (o.reachability() != null) {
            Ui.heading(c, Messages.Org_reachability, 1);
            var r = o.reachability();
            if (r.hours() != null && !r.hours().isEmpty()) {
                Ui.text(c, NLS.bind(Messages.Org_hours, t(r.hours())), 1);
            }
            if (r.responseTime() != null && !r.responseTime().isEmpty()) {
                Ui.text(c, NLS.bind(Messages.Org_responseTime, t(r.responseTime())), 1);
            }
            if (r.autoReply() != null && !r.autoReply().isEmpty()) {
                Ui.text(c, NLS.bind(Messages.Org_autoReply, t(r.autoReply())), 1);
            }
        }
        if (!o.accountRules().isEmpty()) {
            Ui.heading(c, Messages.Org_accountRules, 1);
            Ui.bullets(c, o.accountRules().stream().map(this::t).toList());
        }
        if (!o.referralPartners().isEmpty()) {
            Ui.heading(c, Messages.Org_referral, 1);
            for (ReferralPartner p : o.referralPartners()) {
                Ui.strong(c, p.name(), 1);
                if (p.description() != null && !p.description().isEmpty()) {
                    Ui.text(c, t(p.description()), 1);
                }
                StringBuilder sb = new StringBuilder();
                if (p.needs() != null && !p.needs().isEmpty()) {
                    sb.append(NLS.bind(Messages.Org_partnerNeeds,
                            p.needs().stream().sorted().map(n -> n.shortLabel().get(locale)).collect(Collectors.joining(", "))));
                }
                if (p.urgencies() != null && !p.urgencies().isEmpty()) {
                    append(sb, NLS.bind(Messages.Org_partnerUrgencies,
                            p.urgencies().stream().sorted().map(u -> u.label().get(locale)).collect(Collectors.joining(", "))));
                }
                if (p.channel() != null) {
                    append(sb, NLS.bind(Messages.Org_partnerChannel, p.channel()));
                }
                if (p.region() != null) {
                    append(sb, NLS.bind(Messages.Org_partnerRegion, p.region()));
                }
                if (p.contact() != null) {
                    append(sb, NLS.bind(Messages.Org_partnerContact, p.contact()));
                }
                if (!sb.isEmpty()) {
                    Ui.text(c, sb.toString(), 1);
                }
            }
        }
        Ui.heading(c, Messages.Org_retention, 1);
        Ui.text(c, o.retentionMonths() == null ? Messages.Org_retentionNone
                : NLS.bind(Messages.Org_retentionMonths, o.retentionMonths()), 1);
        if (!o.dutyToReport().isEmpty()) {
            Ui.heading(c, Messages.Org_dutyToReport, 1);
            for (Urgency u : Urgency.values()) {
                LocalizedText text = o.dutyToReport().get(u);
                if (text != null && !text.isEmpty()) {
                    Ui.strong(c, u.label().get(locale), 1);
                    Ui.text(c, t(text), 1);
                }
            }
        }
        if (!o.transparency().isEmpty()) {
            Ui.heading(c, Messages.Org_transparency, 1);
            Ui.text(c, t(o.transparency()), 1);
        }
        Ui.heading(c, Messages.Org_policy, 1);
        if (o.defaultPolicy() != null) {
            Ui.text(c, NLS.bind(Messages.Org_defaultPolicy, o.defaultPolicy().label().get(locale)), 1);
        }
        Map<String, PlatformPolicy> sorted = new TreeMap<>(o.platformPolicies());
        List<String> lines = new java.util.ArrayList<>();
        for (Map.Entry<String, PlatformPolicy> e : sorted.entrySet()) {
            String name = catalog.platform(e.getKey()).map(Platform::name).orElse(e.getKey());
            String note = t(e.getValue().note());
            lines.add(name + ": " + e.getValue().status().label().get(locale) + (note.isEmpty() ? "" : " \u2013 " + note));
        }
        if (!lines.isEmpty()) {
            Ui.bullets(c, lines);
        }
    }

    private static void append(StringBuilder sb, String s) {
        if (!sb.isEmpty()) {
            sb.append("\n");
        }
        sb.append(s);
    }
}
