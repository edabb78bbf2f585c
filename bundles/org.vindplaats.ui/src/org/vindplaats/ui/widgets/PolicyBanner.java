package org.vindplaats.ui.widgets;

import java.util.Locale;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.vindplaats.model.Organisation;
import org.vindplaats.model.Organisation.PlatformPolicy;
import org.vindplaats.model.Platform;
import org.vindplaats.model.PolicyStatus;
import org.vindplaats.ui.Messages;

/**
 * The active organisation's policy for one platform as a coloured bar: red "not allowed", amber
 * "observe only", green "allowed", grey when no organisation is chosen. The words say the same as
 * the colour.
 */
public final class PolicyBanner extends Composite {

    private final Label title;
    private final Label note;
    private final Locale locale;
    private PolicyStatus status;

    public PolicyBanner(Composite parent, Locale locale) {
        super(parent, SWT.NONE);
        this.locale = locale;
        GridLayoutFactory.fillDefaults().margins(10, 8).spacing(0, 4).applyTo(this);
        title = new Label(this, SWT.WRAP);
        title.setFont(Ui.bold());
        GridDataFactory.fillDefaults().grab(true, false).hint(10, SWT.DEFAULT).applyTo(title);
        note = new Label(this, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(10, SWT.DEFAULT).applyTo(note);
        show(null, null);
    }

    /** Shows the policy of {@code organisation} (may be null) for {@code platform}. */
    public void show(Organisation organisation, Platform platform) {
        PlatformPolicy policy = organisation == null || platform == null ? null : organisation.policyFor(platform.id());
        status = policy == null ? null : policy.status();
        String name = platform == null ? "" : platform.name();
        if (organisation == null) {
            title.setText(Messages.Banner_noOrganisation);
            note.setText(Messages.Banner_noOrganisation_hint);
        } else if (policy == null) {
            title.setText(NLS.bind(Messages.Banner_noPolicy, organisation.name(), name));
            note.setText(Messages.Banner_noPolicy_hint);
        } else {
            String template = switch (policy.status()) {
                case ALLOWED -> Messages.Banner_allowed;
                case OBSERVE_ONLY -> Messages.Banner_observeOnly;
                case BANNED -> Messages.Banner_banned;
            };
            title.setText(NLS.bind(template, new Object[] { organisation.name(), name, policy.status().label().get(locale) }));
            String text = policy.note().get(locale);
            note.setText(text.isEmpty() ? statusExplanation(policy.status()) : text);
        }
        var bg = Palette.color(Palette.bannerBackground(status));
        var fg = Palette.color(Palette.bannerForeground(status));
        setBackground(bg);
        for (Label l : new Label[] { title, note }) {
            l.setBackground(bg);
            l.setForeground(fg);
        }
        setData(Ui.CSS_CLASS, status == null ? "vp-banner-none" : "vp-banner-" + status.id());
        layout(true);
    }

    private static String statusExplanation(PolicyStatus s) {
        return switch (s) {
            case ALLOWED -> Messages.Banner_allowed_hint;
            case OBSERVE_ONLY -> Messages.Banner_observeOnly_hint;
            case BANNED -> Messages.Banner_banned_hint;
        };
    }

    /** The status shown, or null when no organisation (or no policy) applies. */
    public PolicyStatus status() {
        return status;
    }

    public String titleText() {
        return title.getText();
    }

    public String noteText() {
        return note.getText();
    }
}
