package org.vindplaats.app;

import java.time.LocalDate;

import org.eclipse.osgi.util.NLS;
import org.vindplaats.app.internal.Messages;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.Platform;
import org.vindplaats.model.Source;

/** Texts the platform detail part and the brief both show, so they say the same. */
public final class PlatformTexts {

    private PlatformTexts() {
    }

    /** "Minimumleeftijd: 13", or that there is none (never "0+"). */
    public static String age(Platform.MinimumAge age) {
        return age.years() == 0 ? Messages.Detail_noMinimumAge : NLS.bind(Messages.Detail_age, age.years());
    }

    /** The question with " [handreiking]" when the handbook asks it (the others Vindplaats added). */
    public static String question(Affordance a, boolean risk, int number, String text) {
        String q = NLS.bind(risk ? Messages.Detail_riskQuestion : Messages.Detail_opportunityQuestion, text);
        return a.isHandbookQuestion(risk, number) ? q + "  [" + Messages.Detail_fromHandbook + "]" : q;
    }

    /** The day a source was checked, and a warning when that is more than six months ago. */
    public static String checked(Source s) {
        return s.isStale(LocalDate.now())
                ? s.checked() + " \u2014 " + NLS.bind(Messages.Detail_stale, Source.STALE_AFTER_MONTHS)
                : s.checked().toString();
    }
}
