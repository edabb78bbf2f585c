package org.vindplaats.ui.widgets;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

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

/**
 * A table of counts drawn as a heatmap with SWT's GC: rows (e.g. platforms) by columns (the six
 * needs), darker is more notes, the count is written in every cell so colour is never the only
 * cue. It takes the keyboard focus; arrow keys move a focus frame, Enter or Space opens the cell,
 * as a click does. Column widths follow the header texts, so long Dutch words are never cut off.
 */
public final class Heatmap extends Canvas {

    private static final int PAD = 6;
    private static final RGB LOW = new RGB(240, 246, 252);
    private static final RGB HIGH = Palette.seriesRgb(0);

    private List<String> rows = List.of();
    private List<String> columns = List.of();
    private int[][] extra;
    private int[][] counts = new int[0][0];
    private int focusRow;
    private int focusColumn;
    private BiConsumer<Integer, Integer> onOpen = (r, c) -> {
    };

    public Heatmap(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED);
        addPaintListener(e -> paint(e.gc));
        addListener(SWT.Resize, e -> redraw());
        addListener(SWT.FocusIn, e -> redraw());
        addListener(SWT.FocusOut, e -> redraw());
        addListener(SWT.Traverse, e -> {
            // Arrow keys move inside the map; Tab leaves it.
            switch (e.detail) {
                case SWT.TRAVERSE_TAB_NEXT, SWT.TRAVERSE_TAB_PREVIOUS -> e.doit = true;
                case SWT.TRAVERSE_ARROW_NEXT, SWT.TRAVERSE_ARROW_PREVIOUS, SWT.TRAVERSE_RETURN -> e.doit = false;
                default -> {
                }
            }
        });
        addListener(SWT.KeyDown, e -> key(e.keyCode, e.character));
        addListener(SWT.MouseDown, e -> {
            setFocus();
            int[] cell = cellAt(e.x, e.y);
            if (cell != null) {
                focusRow = cell[0];
                focusColumn = cell[1];
                redraw();
                onOpen.accept(cell[0], cell[1]);
            }
        });
        getAccessible().addAccessibleListener(new AccessibleAdapter() {
            @Override
            public void getName(AccessibleEvent e) {
                e.result = describeFocus();
            }
        });
    }

    /** Sets the data: {@code counts[row][column]}. */
    public void setData(List<String> rowNames, List<String> columnNames, int[][] values) {
        setData(rowNames, columnNames, values, null);
    }

    /**
     * Sets the data with a second layer, e.g. suggested labels nobody confirmed yet: shown as
     * "+n" next to the count and not in the cell's colour, so they never look confirmed.
     */
    public void setData(List<String> rowNames, List<String> columnNames, int[][] values, int[][] extraValues) {
        rows = List.copyOf(rowNames);
        columns = List.copyOf(columnNames);
        counts = values;
        extra = extraValues;
        focusRow = Math.min(focusRow, Math.max(0, rows.size() - 1));
        focusColumn = Math.min(focusColumn, Math.max(0, columns.size() - 1));
        getParent().layout(true);
        redraw();
    }

    /** Called with (row, column) when a cell is clicked or chosen with Enter. */
    public void onOpen(BiConsumer<Integer, Integer> listener) {
        onOpen = listener;
    }

    public int count(int row, int column) {
        return counts[row][column];
    }

    /** The second layer's value of a cell (0 without one). */
    public int extra(int row, int column) {
        return extra == null ? 0 : extra[row][column];
    }

    private String cellText(int row, int column) {
        int x = extra(row, column);
        return counts[row][column] + (x > 0 ? " +" + x : "");
    }

    public List<String> rows() {
        return rows;
    }

    public List<String> columns() {
        return columns;
    }

    public Point focusCell() {
        return new Point(focusRow, focusColumn);
    }

    /** The focused cell in words, for screen readers: "TikTok, Relations: 3 notes". */
    public String describeFocus() {
        if (rows.isEmpty() || columns.isEmpty()) {
            return "";
        }
        return rows.get(focusRow) + ", " + columns.get(focusColumn) + ": " + cellText(focusRow, focusColumn);
    }

    void key(int keyCode, char character) {
        if (rows.isEmpty() || columns.isEmpty()) {
            return;
        }
        switch (keyCode) {
            case SWT.ARROW_UP -> focusRow = Math.max(0, focusRow - 1);
            case SWT.ARROW_DOWN -> focusRow = Math.min(rows.size() - 1, focusRow + 1);
            case SWT.ARROW_LEFT -> focusColumn = Math.max(0, focusColumn - 1);
            case SWT.ARROW_RIGHT -> focusColumn = Math.min(columns.size() - 1, focusColumn + 1);
            case SWT.HOME -> focusColumn = 0;
            case SWT.END -> focusColumn = columns.size() - 1;
            default -> {
                if (character == SWT.CR || character == ' ' || keyCode == SWT.KEYPAD_CR) {
                    onOpen.accept(focusRow, focusColumn);
                }
                return;
            }
        }
        getAccessible().setFocus(org.eclipse.swt.accessibility.ACC.CHILDID_SELF);
        redraw();
    }

    private record Geometry(int rowHeader, int[] columnX, int[] columnWidth, int headerHeight, int rowHeight) {
    }

    private Geometry geometry(GC gc) {
        int rowHeader = 60;
        for (String r : rows) {
            rowHeader = Math.max(rowHeader, gc.textExtent(r).x + 2 * PAD);
        }
        int lineHeight = gc.getFontMetrics().getHeight();
        int[] widths = new int[columns.size()];
        int headerLines = 1;
        for (int c = 0; c < columns.size(); c++) {
            int w = 56;
            String[] words = columns.get(c).split(" ");
            headerLines = Math.max(headerLines, words.length);
            for (String word : words) {
                w = Math.max(w, gc.textExtent(word).x + 2 * PAD);
            }
            widths[c] = w;
        }
        int[] xs = new int[columns.size()];
        int x = rowHeader;
        for (int c = 0; c < columns.size(); c++) {
            xs[c] = x;
            x += widths[c];
        }
        return new Geometry(rowHeader, xs, widths, headerLines * lineHeight + 2 * PAD, lineHeight + 2 * PAD);
    }

    @Override
    public Point computeSize(int wHint, int hHint, boolean changed) {
        GC gc = new GC(this);
        try {
            Geometry g = geometry(gc);
            int width = g.rowHeader();
            for (int w : g.columnWidth()) {
                width += w;
            }
            int height = g.headerHeight() + rows.size() * g.rowHeight() + 2;
            return new Point(Math.max(width + 2, wHint == SWT.DEFAULT ? 0 : wHint),
                    Math.max(height, hHint == SWT.DEFAULT ? 0 : hHint));
        } finally {
            gc.dispose();
        }
    }

    private int[] cellAt(int x, int y) {
        GC gc = new GC(this);
        try {
            Geometry g = geometry(gc);
            int r = (y - g.headerHeight()) / g.rowHeight();
            if (y < g.headerHeight() || r >= rows.size()) {
                return null;
            }
            for (int c = 0; c < columns.size(); c++) {
                if (x >= g.columnX()[c] && x < g.columnX()[c] + g.columnWidth()[c]) {
                    return new int[] { r, c };
                }
            }
            return null;
        } finally {
            gc.dispose();
        }
    }

    /** The centre of a cell in widget coordinates (tests click there). */
    public Point cellCentre(int row, int column) {
        GC gc = new GC(this);
        try {
            Geometry g = geometry(gc);
            return new Point(g.columnX()[column] + g.columnWidth()[column] / 2,
                    g.headerHeight() + row * g.rowHeight() + g.rowHeight() / 2);
        } finally {
            gc.dispose();
        }
    }

    private void paint(GC gc) {
        Rectangle area = getClientArea();
        gc.setBackground(Palette.color(Palette.CHART_BACKGROUND));
        gc.fillRectangle(area);
        if (rows.isEmpty() || columns.isEmpty()) {
            return;
        }
        gc.setAntialias(SWT.ON);
        gc.setTextAntialias(SWT.ON);
        Geometry g = geometry(gc);
        int max = 1;
        for (int[] row : counts) {
            for (int v : row) {
                max = Math.max(max, v);
            }
        }
        Color text = Palette.color(Palette.AXIS_TEXT);
        gc.setForeground(text);
        int lineHeight = gc.getFontMetrics().getHeight();
        for (int c = 0; c < columns.size(); c++) {
            String[] words = columns.get(c).split(" ");
            for (int i = 0; i < words.length; i++) {
                int w = gc.textExtent(words[i]).x;
                gc.drawText(words[i], g.columnX()[c] + (g.columnWidth()[c] - w) / 2, PAD + i * lineHeight, true);
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            int y = g.headerHeight() + r * g.rowHeight();
            gc.setForeground(text);
            gc.drawText(rows.get(r), PAD, y + PAD, true);
            for (int c = 0; c < columns.size(); c++) {
                int v = counts[r][c];
                double t = v == 0 ? 0 : 0.2 + 0.8 * v / max;
                RGB fill = new RGB(mix(LOW.red, HIGH.red, t), mix(LOW.green, HIGH.green, t), mix(LOW.blue, HIGH.blue, t));
                gc.setBackground(Palette.color(fill));
                gc.fillRectangle(g.columnX()[c] + 1, y + 1, g.columnWidth()[c] - 2, g.rowHeight() - 2);
                String s = cellText(r, c);
                gc.setForeground(t > 0.55 ? getDisplay().getSystemColor(SWT.COLOR_WHITE) : text);
                Point e = gc.textExtent(s);
                gc.drawText(s, g.columnX()[c] + (g.columnWidth()[c] - e.x) / 2, y + (g.rowHeight() - e.y) / 2, true);
            }
        }
        gc.setForeground(Palette.color(Palette.GRID));
        int bottom = g.headerHeight() + rows.size() * g.rowHeight();
        int right = g.columnX()[columns.size() - 1] + g.columnWidth()[columns.size() - 1];
        gc.drawLine(g.rowHeader(), g.headerHeight(), right, g.headerHeight());
        gc.drawLine(g.rowHeader(), bottom, right, bottom);
        if (isFocusControl()) {
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
            gc.setLineWidth(2);
            gc.drawRectangle(g.columnX()[focusColumn] + 1, g.headerHeight() + focusRow * g.rowHeight() + 1,
                    g.columnWidth()[focusColumn] - 3, g.rowHeight() - 3);
        }
    }

    private static int mix(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * t);
    }

    /** All rows in words, e.g. for a text alternative next to the chart. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder b = new StringBuilder(rows.get(r)).append(':');
            for (int c = 0; c < columns.size(); c++) {
                b.append(' ').append(columns.get(c)).append(' ').append(cellText(r, c)).append(c < columns.size() - 1 ? "," : "");
            }
            out.add(b.toString());
        }
        return out;
    }
}
