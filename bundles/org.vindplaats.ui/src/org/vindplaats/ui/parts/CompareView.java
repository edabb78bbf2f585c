package org.vindplaats.ui.parts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.catalog.Settings;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.Organisation;
import org.vindplaats.model.Organisation.PlatformPolicy;
import org.vindplaats.model.Platform;
import org.vindplaats.ui.Ids;
import org.vindplaats.ui.Messages;
import org.vindplaats.ui.widgets.Palette;
import org.vindplaats.ui.widgets.RadarChart;
import org.vindplaats.ui.widgets.Ui;

/**
 * Two to four platforms side by side: tick them in the list, read the affordance matrix (rows
 * whose levels differ by {@value #DIFFERENCE} or more are highlighted and marked), see the
 * profiles overlaid in one radar chart with a legend, and the organisation's policy row.
 */
public final class CompareView {

    /** Levels this far apart are worth a conversation: the row is highlighted. */
    public static final int DIFFERENCE = 2;
    public static final int MAX_PLATFORMS = 4;

    private final Catalog catalog;
    private final Locale locale;
    private final Table choices;
    private final Table matrix;
    private final RadarChart chart;
    private final Label hint;
    private final Runnable catalogListener;
    private final Runnable settingsListener;
    private final Set<String> checked = new LinkedHashSet<>();

    public CompareView(Composite parent, Catalog catalog, Locale locale) {
        this.catalog = catalog;
        this.locale = locale;
        GridLayoutFactory.fillDefaults().numColumns(2).margins(8, 8).spacing(12, 6).applyTo(parent);

        Composite left = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(left);
        GridDataFactory.fillDefaults().grab(false, true).applyTo(left);
        Label chooseLabel = new Label(left, SWT.WRAP);
        chooseLabel.setText(NLS.bind(Messages.Compare_choose, MAX_PLATFORMS));
        GridDataFactory.fillDefaults().grab(true, false).hint(10, SWT.DEFAULT).applyTo(chooseLabel);
        choices = new Table(left, SWT.BORDER | SWT.CHECK | SWT.SINGLE | SWT.FULL_SELECTION);
        new TableColumn(choices, SWT.LEFT);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(choices);
        choices.addListener(SWT.Selection, e -> {
            if (e.detail == SWT.CHECK && e.item instanceof TableItem item) {
                toggle(item);
            }
        });
        // Space toggles the check box natively; Enter does too, for people who expect it.
        choices.addListener(SWT.DefaultSelection, e -> {
            TableItem[] sel = choices.getSelection();
            if (sel.length == 1) {
                sel[0].setChecked(!sel[0].getChecked());
                toggle(sel[0]);
            }
        });

        Composite right = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(0, 6).applyTo(right);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(right);
        hint = new Label(right, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(10, SWT.DEFAULT).applyTo(hint);
        matrix = new Table(right, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        matrix.setHeaderVisible(true);
        matrix.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(matrix);
        chart = new RadarChart(right, locale);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(chart);

        catalogListener = () -> async(this::refreshChoices);
        settingsListener = () -> async(this::refreshMatrix);
        catalog.addListener(catalogListener);
        Settings.addListener(settingsListener);
        parent.addDisposeListener(e -> {
            catalog.removeListener(catalogListener);
            Settings.removeListener(settingsListener);
        });
        refreshChoices();
    }

    private void async(Runnable r) {
        if (!matrix.isDisposed()) {
            matrix.getDisplay().asyncExec(() -> {
                if (!matrix.isDisposed()) {
                    r.run();
                }
            });
        }
    }

    private void toggle(TableItem item) {
        String id = (String) item.getData();
        if (item.getChecked()) {
            if (checked.size() >= MAX_PLATFORMS) {
                item.setChecked(false);
                hint.setText(NLS.bind(Messages.Compare_tooMany, MAX_PLATFORMS));
                hint.getParent().layout(true);
                return;
            }
            checked.add(id);
        } else {
            checked.remove(id);
        }
        refreshMatrix();
    }

    /** Ticks exactly these platforms (at most four; unknown ids are ignored). */
    public void setChecked(List<String> ids) {
        checked.clear();
        for (String id : ids) {
            if (catalog.platform(id).isPresent() && checked.size() < MAX_PLATFORMS) {
                checked.add(id);
            }
        }
        refreshChoices();
    }

    public List<String> checkedIds() {
        return List.copyOf(checked);
    }

    private void refreshChoices() {
        checked.removeIf(id -> catalog.platform(id).isEmpty());
        choices.removeAll();
        for (Platform p : catalog.platforms()) {
            TableItem item = new TableItem(choices, SWT.NONE);
            item.setText(p.name());
            item.setData(p.id());
            item.setChecked(checked.contains(p.id()));
        }
        choices.getColumn(0).pack();
        refreshMatrix();
    }

    private List<Platform> chosen() {
        List<Platform> out = new ArrayList<>();
        for (String id : checked) {
            catalog.platform(id).ifPresent(out::add);
        }
        return out;
    }

    /** The spread (highest minus lowest known level) of an affordance among the chosen platforms. */
    public static int spread(List<Platform> platforms, Affordance a) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (Platform p : platforms) {
            OptionalInt l = p.profile().level(a);
            if (l.isPresent()) {
                min = Math.min(min, l.getAsInt());
                max = Math.max(max, l.getAsInt());
            }
        }
        return max < min ? 0 : max - min;
    }

    private void refreshMatrix() {
        List<Platform> platforms = chosen();
        Organisation org = Ids.activeOrganisation(catalog).orElse(null);
        matrix.setRedraw(false);
        try {
            matrix.removeAll();
            for (TableColumn c : matrix.getColumns()) {
                c.dispose();
            }
            new TableColumn(matrix, SWT.LEFT).setText(Messages.Compare_affordance);
            for (Platform p : platforms) {
                new TableColumn(matrix, SWT.LEFT).setText(p.name());
            }
            new TableColumn(matrix, SWT.LEFT).setText(Messages.Compare_difference);
            Color highlight = Palette.color(Palette.HIGHLIGHT);
            int last = platforms.size() + 1;
            for (Affordance a : Affordance.values()) {
                TableItem row = new TableItem(matrix, SWT.NONE);
                row.setData(a);
                row.setText(0, a.label(locale));
                for (int i = 0; i < platforms.size(); i++) {
                    OptionalInt l = platforms.get(i).profile().level(a);
                    row.setText(i + 1, l.isPresent() ? l.getAsInt() + " " + Affordance.levelName(l.getAsInt()).get(locale) : "?");
                }
                int spread = spread(platforms, a);
                boolean differs = platforms.size() > 1 && spread >= DIFFERENCE;
                row.setText(last, platforms.size() > 1 ? (differs ? NLS.bind(Messages.Compare_differs, spread) : Integer.toString(spread)) : "");
                if (differs) {
                    for (int i = 0; i <= last; i++) {
                        row.setBackground(i, highlight);
                    }
                    row.setFont(0, Ui.bold());
                    row.setFont(last, Ui.bold());
                }
            }
            if (org != null && !platforms.isEmpty()) {
                TableItem row = new TableItem(matrix, SWT.NONE);
                row.setData(org);
                row.setText(0, NLS.bind(Messages.Compare_policyRow, org.name()));
                row.setFont(0, Ui.bold());
                for (int i = 0; i < platforms.size(); i++) {
                    PlatformPolicy pp = org.policyFor(platforms.get(i).id());
                    row.setText(i + 1, pp == null ? "\u2013" : pp.status().label().get(locale));
                    if (pp != null) {
                        row.setBackground(i + 1, Palette.color(Palette.bannerBackground(pp.status())));
                        row.setForeground(i + 1, Palette.color(Palette.bannerForeground(pp.status())));
                    }
                }
            }
            for (TableColumn c : matrix.getColumns()) {
                c.pack();
                c.setWidth(c.getWidth() + 12);
            }
        } finally {
            matrix.setRedraw(true);
        }
        List<RadarChart.Series> series = new ArrayList<>();
        for (int i = 0; i < platforms.size(); i++) {
            series.add(RadarChart.Series.of(platforms.get(i), Palette.seriesRgb(i)));
        }
        chart.setSeries(series);
        hint.setText(platforms.size() < 2 ? Messages.Compare_hint
                : NLS.bind(Messages.Compare_legend, DIFFERENCE));
        matrix.getParent().layout(true, true);
    }

    public Table choices() {
        return choices;
    }

    public Table matrix() {
        return matrix;
    }

    public RadarChart chart() {
        return chart;
    }

    public Label hint() {
        return hint;
    }

    /** The matrix row of an affordance. */
    public TableItem row(Affordance a) {
        for (TableItem item : matrix.getItems()) {
            if (item.getData() == a) {
                return item;
            }
        }
        throw new IllegalStateException("no row for " + a);
    }

    /** Whether the row of {@code a} is highlighted as a difference of 2 or more. */
    public boolean isHighlighted(Affordance a) {
        TableItem row = row(a);
        return Palette.HIGHLIGHT.equals(row.getBackground(1).getRGB());
    }
}
