package org.vindplaats.ui.parts.noteeditor;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Composite;
import org.vindplaats.app.CatalogQueries;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.model.LocalizedText;
import org.vindplaats.model.MethodGuide;
import org.vindplaats.model.Need;
import org.vindplaats.model.Organisation;
import org.vindplaats.model.Organisation.ReferralPartner;
import org.vindplaats.model.PolicyStatus;
import org.vindplaats.model.Urgency;
import org.vindplaats.ui.Messages;
import org.vindplaats.ui.widgets.Ui;

/**
 * The note editor's banner for an urgent note ("immediate" or "concern"): the handbook's weighing
 * (signalling, step 3), the active organisation's duty to report and referral partners, and the
 * help lines that fit the note. Hidden for other urgencies.
 */
public final class UrgentSection {

    private final Catalog catalog;
    private final Locale locale;
    private final Runnable reflow;
    private final Sections.Banner banner;
    private MethodGuide guide = MethodGuide.EMPTY;

    /** @param reflow told when the banner shows, hides or changes height */
    public UrgentSection(Composite parent, Catalog catalog, Locale locale, Runnable reflow) {
        this.catalog = catalog;
        this.locale = locale;
        this.reflow = reflow;
        banner = Sections.banner(parent, PolicyStatus.BANNED, 1);
        Ui.name(banner.box(), "note.urgent");
        Ui.name(banner.text(), "note.urgentText");
        Sections.show(banner.box(), false);
    }

    /** The method guide, for the weighing points shown with an urgent note (none: left out). */
    public void setGuide(MethodGuide value) {
        guide = value == null ? MethodGuide.EMPTY : value;
    }

    /**
     * Shows what to weigh and whom to call for urgency {@code u} (null: not set), the ticked needs
     * and the note's phenomena (help lines for one of them come first).
     */
    public void show(Urgency u, Set<Need> needs, List<String> phenomena) {
        if (u != Urgency.IMMEDIATE && u != Urgency.CONCERN) {
            if (banner.box().getVisible()) {
                Sections.show(banner.box(), false);
                reflow.run();
            }
            return;
        }
        boolean immediate = u == Urgency.IMMEDIATE;
        Optional<Organisation> org = CatalogQueries.activeOrganisation(catalog);
        StringBuilder b = new StringBuilder(immediate ? Messages.Editor_immediate : Messages.Editor_concern);
        guide.topic("signalling").flatMap(t -> t.entry("weigh")).ifPresent(e -> {
            b.append("\n\n").append(NLS.bind(Messages.Editor_weigh, guide.cite(e.source())));
            // Immediate: the urgency point only (act now); concern: all four weighing points.
            List<LocalizedText> points = immediate ? e.points().subList(0, Math.min(1, e.points().size())) : e.points();
            points.forEach(p -> b.append("\n\u2022 ").append(p.get(locale)));
            b.append("\n").append(Messages.Editor_methodLink);
        });
        if (org.isEmpty()) {
            b.append("\n\n").append(Messages.Editor_noOrganisation);
        } else {
            appendOrganisation(b, org.get(), u, needs, phenomena);
        }
        banner.text().setText(b.toString());
        Sections.show(banner.box(), true);
        reflow.run();
    }

    private void appendOrganisation(StringBuilder b, Organisation o, Urgency u, Set<Need> needs, List<String> phenomena) {
        LocalizedText duty = o.dutyToReport().get(u);
        b.append("\n\n").append(NLS.bind(Messages.Editor_duty, o.name())).append('\n');
        b.append(duty == null || duty.isEmpty() ? NLS.bind(Messages.Editor_noDuty, o.name()) : duty.get(locale));
        List<ReferralPartner> partners = o.referralPartnersFor(u);
        if (!partners.isEmpty()) {
            b.append("\n\n").append(Messages.Editor_referral);
            for (ReferralPartner p : partners) {
                b.append("\n\u2022 ").append(p.name());
                if (p.description() != null && !p.description().isEmpty()) {
                    b.append(": ").append(p.description().get(locale));
                }
                if (p.contact() != null) {
                    b.append(" (").append(p.contact()).append(')');
                }
            }
        }
        List<Organisation.HelpLine> lines = o.helpLinesFor(u, phenomena, needs);
        if (!lines.isEmpty()) {
            b.append("\n\n").append(NLS.bind(Messages.Editor_helpLines, o.name()));
            for (Organisation.HelpLine h : lines) {
                b.append("\n\u2022 ").append(h.summary(locale.getLanguage()));
                if (!h.helpsWith().isEmpty()) {
                    b.append(": ").append(h.helpsWith().get(locale));
                }
            }
        }
    }
}
