package org.vindplaats.ui.widgets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.accessibility.AccessibleAdapter;
import org.eclipse.swt.accessibility.AccessibleEvent;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.Platform;

/**
 * A radar (spider) chart of the seven affordances, levels 0–4, drawn with SWT's GC. Several
 * platforms can be overlaid; a legend names them. For screen readers the chart describes itself
 * in words, and every place that shows it also lists the levels as text.
 */
public final class RadarChart extends Canvas {

    /** One line in the chart: a name and a level (0–4, or -1 when unknown) per affordance. */
    public record Series(String name, int[] levels, RGB color) {
        public Series {
            levels = levels.clone();
        }

        public int level(Affordance a) {
            return levels[a.ordinal()];
        }

        /** The series for a platform's profile; unknown affordances are -1. */
        public static Series of(Platform p, RGB color) {
            int[] levels = new int[Affordance.values().length];
            for (Affordance a : Affordance.values()) {
                levels[a.ordinal()] = p.profile().level(a).orElse(-1);
            }
            return new Series(p.name(), levels, color);
        }
    }

    private static final int GAP = 6;
    private static final int LEGEND_SWATCH = 12;

    private final Locale locale;
    private List<Series> series = List.of();

    public RadarChart(Composite parent, Locale locale) {
        super(parent, SWT.DOUBLE_BUFFERED);
        this.locale = locale;
        addPaintListener(e -> paint(e.gc, getClientArea()));
        getAccessible().addAccessibleListener(new AccessibleAdapter() {
            @Override
            public void getName(AccessibleEvent e) {
                e.result = describe();
            }
        });
        addListener(SWT.Resize, e -> redraw());
    }

    public void setSeries(List<Series> newSeries) {
        series = List.copyOf(newSeries);
        redraw();
    }

    public List<Series> series() {
        return series;
    }

    /** The chart in words, e.g. "TikTok: Asynchronicity 3, Anonymity 2, ...". */
    public String describe() {
        List<String> lines = new ArrayList<>();
        for (Series s : series) {
            List<String> parts = new ArrayList<>();
            for (Affordance a : Affordance.values()) {
                int l = s.level(a);
                parts.add(a.label(locale) + " " + (l < 0 ? "?" : Integer.toString(l)));
            }
            lines.add(s.name() + ": " + String.join(", ", parts));
        }
        return String.join("\n", lines);
    }

    @Override
    public Point computeSize(int wHint, int hHint, boolean changed) {
        GC gc = new GC(this);
        try {
            gc.setFont(getFont());
            int labelWidth = maxLabelWidth(gc);
            int lineHeight = gc.getFontMetrics().getHeight();
            int radius = 120;
            int width = wHint != SWT.DEFAULT ? wHint : 2 * (radius + labelWidth + 2 * GAP);
            if (wHint != SWT.DEFAULT && hHint == SWT.DEFAULT) {
                // Keep the chart round: as tall as the width allows for the radius.
                radius = Math.max(40, Math.min(radius, (wHint - 2 * (labelWidth + 2 * GAP)) / 2));
            }
            int height = hHint != SWT.DEFAULT ? hHint : 2 * (radius + lineHeight + 2 * GAP) + legendHeight(lineHeight);
            return new Point(width, height);
        } finally {
            gc.dispose();
        }
    }

    private int legendHeight(int lineHeight) {
        return series.size() > 1 ? series.size() * (lineHeight + 2) + GAP : 0;
    }

    private int maxLabelWidth(GC gc) {
        int w = 0;
        for (Affordance a : Affordance.values()) {
            w = Math.max(w, gc.textExtent(a.label(locale)).x);
        }
        return w;
    }

    /** Geometry of the chart in {@code area}: centre and radius of level 4. */
    private record Geometry(int cx, int cy, int radius) {
    }

    private Geometry geometry(GC gc, Rectangle area) {
        int lineHeight = gc.getFontMetrics().getHeight();
        int labelWidth = maxLabelWidth(gc);
        int legend = legendHeight(lineHeight);
        int plotHeight = area.height - legend;
        int radius = Math.min((area.width - 2 * (labelWidth + 2 * GAP)) / 2, (plotHeight - 2 * (lineHeight + 2 * GAP)) / 2);
        radius = Math.max(radius, 20);
        return new Geometry(area.x + area.width / 2, area.y + plotHeight / 2, radius);
    }

    private static double angle(int axis) {
        return -Math.PI / 2 + axis * 2 * Math.PI / Affordance.values().length;
    }

    private static Point point(Geometry g, int axis, double level) {
        double r = g.radius() * level / Affordance.MAX_LEVEL;
        return new Point((int) Math.round(g.cx() + r * Math.cos(angle(axis))),
                (int) Math.round(g.cy() + r * Math.sin(angle(axis))));
    }

    /** Where the vertex for {@code level} on {@code affordance}'s axis is drawn in {@code area}. */
    public Point vertex(Rectangle area, Affordance affordance, int level) {
        GC gc = new GC(this);
        try {
            gc.setFont(getFont());
            return point(geometry(gc, area), affordance.ordinal(), level);
        } finally {
            gc.dispose();
        }
    }

    /** Draws the chart; public so tests and exports can draw into an image. */
    public void paint(GC gc, Rectangle area) {
        gc.setAdvanced(true);
        gc.setAntialias(SWT.ON);
        gc.setTextAntialias(SWT.ON);
        gc.setFont(getFont());
        gc.setBackground(Palette.color(Palette.CHART_BACKGROUND));
        gc.fillRectangle(area);
        Geometry g = geometry(gc, area);
        int n = Affordance.values().length;
        int lineHeight = gc.getFontMetrics().getHeight();

        // Rings for levels 1-4 and the axes.
        gc.setForeground(Palette.color(Palette.GRID));
        gc.setLineWidth(1);
        for (int level = 1; level <= Affordance.MAX_LEVEL; level++) {
            int[] ring = new int[2 * n];
            for (int i = 0; i < n; i++) {
                Point p = point(g, i, level);
                ring[2 * i] = p.x;
                ring[2 * i + 1] = p.y;
            }
            gc.drawPolygon(ring);
        }
        for (int i = 0; i < n; i++) {
            Point p = point(g, i, Affordance.MAX_LEVEL);
            gc.drawLine(g.cx(), g.cy(), p.x, p.y);
        }
        // Level numbers along the first axis.
        gc.setForeground(Palette.color(Palette.AXIS_TEXT));
        gc.setFont(JFaceResources.getFontRegistry().defaultFont());
        for (int level = 1; level <= Affordance.MAX_LEVEL; level++) {
            Point p = point(g, 0, level);
            gc.drawText(Integer.toString(level), p.x + 3, p.y - lineHeight / 2, true);
        }

        // Axis labels, anchored away from the centre so they never overlap the plot.
        gc.setFont(getFont());
        for (Affordance a : Affordance.values()) {
            String label = a.label(locale);
            Point size = gc.textExtent(label);
            int i = a.ordinal();
            Point tip = point(g, i, Affordance.MAX_LEVEL);
            double cos = Math.cos(angle(i));
            double sin = Math.sin(angle(i));
            int x = cos > 0.25 ? tip.x + GAP : cos < -0.25 ? tip.x - GAP - size.x : tip.x - size.x / 2;
            int y = sin > 0.25 ? tip.y + GAP / 2 : sin < -0.25 ? tip.y - GAP / 2 - size.y : tip.y - size.y / 2;
            gc.drawText(label, x, y, true);
        }

        // The series: translucent fill, solid outline and vertex dots.
        for (Series s : series) {
            Color color = Palette.color(s.color());
            int[] poly = new int[2 * n];
            for (int i = 0; i < n; i++) {
                Point p = point(g, i, Math.max(0, s.levels()[i]));
                poly[2 * i] = p.x;
                poly[2 * i + 1] = p.y;
            }
            gc.setBackground(color);
            gc.setAlpha(series.size() > 1 ? 40 : 70);
            gc.fillPolygon(poly);
            gc.setAlpha(255);
            gc.setForeground(color);
            gc.setLineWidth(2);
            gc.drawPolygon(poly);
            for (int i = 0; i < n; i++) {
                if (s.levels()[i] >= 0) {
                    gc.fillOval(poly[2 * i] - 4, poly[2 * i + 1] - 4, 9, 9);
                }
            }
        }
        gc.setLineWidth(1);

        // Legend under the chart when more than one platform is shown.
        if (series.size() > 1) {
            int y = area.y + area.height - legendHeight(lineHeight) + GAP;
            int widest = 0;
            for (Series s : series) {
                widest = Math.max(widest, gc.textExtent(s.name()).x);
            }
            int x = area.x + Math.max(GAP, (area.width - widest - LEGEND_SWATCH - GAP) / 2);
            for (Series s : series) {
                gc.setBackground(Palette.color(s.color()));
                gc.fillRectangle(x, y + (lineHeight - LEGEND_SWATCH) / 2, LEGEND_SWATCH, LEGEND_SWATCH);
                gc.setForeground(Palette.color(Palette.AXIS_TEXT));
                gc.drawText(s.name(), x + LEGEND_SWATCH + GAP, y, true);
                y += lineHeight + 2;
            }
        }
    }
}
