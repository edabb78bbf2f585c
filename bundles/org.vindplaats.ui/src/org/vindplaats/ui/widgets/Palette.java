package org.vindplaats.ui.widgets;

import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.vindplaats.model.PolicyStatus;

/**
 * The workbench's colours. Series colours follow the Okabe-Ito palette, which stays apart for
 * people with colour-vision deficiencies; colour is never the only cue (texts say the same).
 * Since SWT 3.115 a Color holds no OS resource, so these need no disposing.
 */
public final class Palette {

    private static final RGB[] SERIES = { new RGB(0, 114, 178), new RGB(213, 94, 0), new RGB(0, 158, 115),
            new RGB(204, 121, 167) };

    /** Background of matrix cells whose row differs by 2 or more. */
    public static final RGB HIGHLIGHT = new RGB(255, 214, 102);
    public static final RGB GRID = new RGB(200, 205, 212);
    public static final RGB AXIS_TEXT = new RGB(40, 48, 60);
    public static final RGB CHART_BACKGROUND = new RGB(255, 255, 255);

    private Palette() {
    }

    public static Color series(int index) {
        return new Color(SERIES[index % SERIES.length]);
    }

    public static RGB seriesRgb(int index) {
        return SERIES[index % SERIES.length];
    }

    public static Color color(RGB rgb) {
        return new Color(rgb);
    }

    /** Banner background for a policy status; null means "no organisation / no policy". */
    public static RGB bannerBackground(PolicyStatus status) {
        if (status == null) {
            return new RGB(233, 237, 242);
        }
        return switch (status) {
            case BANNED -> new RGB(253, 226, 225);
            case OBSERVE_ONLY -> new RGB(255, 243, 205);
            case ALLOWED -> new RGB(223, 242, 228);
        };
    }

    public static RGB bannerForeground(PolicyStatus status) {
        if (status == null) {
            return new RGB(40, 48, 60);
        }
        return switch (status) {
            case BANNED -> new RGB(122, 23, 18);
            case OBSERVE_ONLY -> new RGB(94, 68, 0);
            case ALLOWED -> new RGB(24, 80, 42);
        };
    }
}
