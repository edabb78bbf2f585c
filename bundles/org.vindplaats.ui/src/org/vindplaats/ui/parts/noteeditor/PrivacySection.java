package org.vindplaats.ui.parts.noteeditor;

import java.util.List;
import java.util.function.Supplier;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.vindplaats.model.PolicyStatus;
import org.vindplaats.model.TrendNote;
import org.vindplaats.notes.pii.PiiMatch;
import org.vindplaats.notes.pii.PiiScrubber;
import org.vindplaats.ui.Messages;
import org.vindplaats.ui.widgets.Ui;

/**
 * The note editor's privacy banner: which personal data the notes bundle's detector finds in the
 * title, text and source, and by which placeholder saving replaces it, with the check box to keep
 * it deliberately. Hidden while there is nothing to replace.
 */
public final class PrivacySection {

    private static final int DELAY_MS = 300;

    private final Sections.Banner banner;
    private final Button keep;
    private final Supplier<TrendNote> probe;
    private final Runnable reflow;
    private List<PiiMatch> pending = List.of();
    private int generation;

    /**
     * @param probe the note as the form describes it now (the scrubber decides which of its fields it reads)
     * @param reflow told when the banner shows, hides or changes height
     */
    public PrivacySection(Composite parent, Supplier<TrendNote> probe, Runnable reflow) {
        this.probe = probe;
        this.reflow = reflow;
        banner = Sections.banner(parent, PolicyStatus.OBSERVE_ONLY, 1);
        Ui.name(banner.box(), "note.privacy");
        Ui.name(banner.text(), "note.privacyText");
        // WRAP: the reason in brackets is long, and a cut-off check box hides what it is for.
        keep = Ui.name(new Button(banner.box(), SWT.CHECK | SWT.WRAP), "note.keepPii");
        keep.setText(Messages.Editor_keepPii);
        GridDataFactory.fillDefaults().grab(true, false).hint(10, SWT.DEFAULT).applyTo(keep);
        keep.addListener(SWT.Selection, e -> show());
        Sections.show(banner.box(), false);
    }

    /** Runs {@code listener} when the worker ticks or unticks "keep the personal data". */
    public void onKeepChange(Runnable listener) {
        keep.addListener(SWT.Selection, e -> listener.run());
    }

    /** Whether the worker chose to keep the personal data. */
    public boolean keep() {
        return keep.getSelection();
    }

    public void setKeep(boolean value) {
        keep.setSelection(value);
    }

    /** Checks a moment after the last change, so typing is not slowed down. */
    public void checkLater() {
        int mine = ++generation;
        banner.box().getDisplay().timerExec(DELAY_MS, () -> {
            if (!banner.box().isDisposed() && mine == generation) {
                check();
            }
        });
    }

    /** Runs the privacy check on the form now and shows what will be replaced. */
    public void check() {
        pending = PiiScrubber.standard().find(probe.get());
        show();
    }

    private void show() {
        boolean had = banner.box().getVisible();
        if (pending.isEmpty()) {
            Sections.show(banner.box(), false);
        } else {
            StringBuilder b = new StringBuilder(keep.getSelection() ? Messages.Editor_piiKept : Messages.Editor_piiFound);
            for (PiiMatch m : pending) {
                b.append('\n').append(NLS.bind(Messages.Editor_piiLine, m.text(), m.kind().placeholder()));
            }
            banner.text().setText(b.toString());
            Sections.show(banner.box(), true);
        }
        if (had || banner.box().getVisible()) {
            reflow.run();
        }
    }
}
