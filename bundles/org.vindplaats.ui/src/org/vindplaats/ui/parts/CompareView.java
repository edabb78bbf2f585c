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
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.vindplaats.app.CatalogQueries;
import org.vindplaats.app.PlatformComparison;
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
 * whose levels differ notably, {@link PlatformComparison}, are highlighted and marked), see the
 * profiles overlaid in one radar chart with a legend, and the organisation's policy row.
 */
public final class CompareView {

    public static final int MAX_PLATFORMS = PlatformComparison.MAX_PLATFORMS;
    private static final int CHOICES_WIDTH = 160;
    /** A platform column never gets narrower than this; its full name is in the header's tooltip. */
    private static final int MIN_PLATFORM_COLUMN = 44;

    private final CatalogQueries queries;
    private final Catalog catalog;
    private final Locale locale;
    private final Table choices;
    private final Table matrix;
    private final RadarChart chart;
    private final Label hint;
    private final Composite policy;
    /** Each matrix column's width for its longest text, as last filled. */
    private int[] packed = new int[0];
    private final Runnable catalogListener;
    private final Runnable settingsListener;
    private final Set<String> checked = new LinkedHashSet<>();

    public CompareView(Composite parent, CatalogQueries queries, Locale locale) {
        this.queries = queries;
        this.catalog = queries.catalog();
        this.locale = locale;
        GridLayoutFactory.fillDefaults().numColumns(2).margins(8, 8).spacing(12, 6).applyTo(parent);

        Composite left = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(left);
        Label chooseLabel = new Label(left, SWT.WRAP);
        chooseLabel.setText(NLS.bind(Messages.Compare_choose, MAX_PLATFORMS));
        GridDataFactory.fillDefaults().grab(true, false).hint(10, SWT.DEFAULT).applyTo(chooseLabel);
        choices = Ui.name(new Table(left, SWT.BORDER | SWT.CHECK | SWT.SINGLE | SWT.FULL_SELECTION), "compare.choices");
        new TableColumn(choices, SWT.LEFT);
        // Narrow, so four platforms and the difference fit beside it on a laptop screen; a name
        // too long for the list shows whole as the tooltip of the row under the pointer.
        GridDataFactory.fillDefaults().grab(false, true).hint(CHOICES_WIDTH, 10).applyTo(choices);
        GridDataFactory.fillDefaults().grab(false, true).applyTo(left);
        choices.addListener(SWT.MouseHover, e -> {
            TableItem item = choices.getItem(new org.eclipse.swt.graphics.Point(e.x, e.y));
            choices.setToolTipText(item == null ? null : item.getText());
        });
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
        hint = Ui.name(new Label(right, SWT.WRAP), "compare.hint");
        GridDataFactory.fillDefaults().grab(true, false).hint(10, SWT.DEFAULT).applyTo(hint);
        matrix = Ui.name(new Table(right, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE), "compare.matrix");
        matrix.setHeaderVisible(true);
        matrix.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, false).hint(10, SWT.DEFAULT).applyTo(matrix);
        matrix.addListener(SWT.Resize, e -> fitColumns());
        // The organisation's policy per platform, as coloured words under the matrix.
        policy = Ui.name(new Composite(right, SWT.NONE), "compare.policy");
        RowLayout pl = new RowLayout(SWT.HORIZONTAL);
        pl.wrap = true;
        pl.center = true;
        pl.marginLeft = 0;
        pl.marginTop = 0;
        pl.marginBottom = 0;
        pl.spacing = 6;
        policy.setLayout(pl);
        GridDataFactory.fillDefaults().grab(true, false).hint(10, SWT.DEFAULT).applyTo(policy);
        chart = Ui.name(new RadarChart(right, locale), "compare.chart");
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

    private void refreshMatrix() {
        PlatformComparison comparison = queries.compare(chosen());
        List<Platform> platforms = comparison.platforms();
        Organisation org = queries.activeOrganisation().orElse(null);
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
            for (int i = 0; i < platforms.size(); i++) {
                matrix.getColumn(i + 1).setToolTipText(platforms.get(i).name());
            }
            for (Affordance a : Affordance.values()) {
                TableItem row = new TableItem(matrix, SWT.NONE);
                row.setData(a);
                row.setText(0, a.label(locale));
                // The level as a number (the legend above names the levels): four platforms fit.
                for (int i = 0; i < platforms.size(); i++) {
                    OptionalInt l = platforms.get(i).profile().level(a);
                    row.setText(i + 1, l.isPresent() ? Integer.toString(l.getAsInt()) : "?");
                }
                int spread = comparison.spread(a);
                boolean differs = comparison.isNotable(a);
                row.setText(last, platforms.size() > 1 ? (differs ? NLS.bind(Messages.Compare_differs, spread) : Integer.toString(spread)) : "");
                if (differs) {
                    for (int i = 0; i <= last; i++) {
                        row.setBackground(i, highlight);
                    }
                    row.setFont(last, Ui.bold());
                }
            }
            packed = new int[matrix.getColumnCount()];
            for (int i = 0; i < matrix.getColumnCount(); i++) {
                TableColumn c = matrix.getColumn(i);
                c.setAlignment(i == 0 ? SWT.LEFT : SWT.CENTER);
                c.pack();
                packed[i] = c.getWidth() + 10;
                c.setWidth(packed[i]);
            }
            fitColumns();
        } finally {
            matrix.setRedraw(true);
        }
        Ui.disposeChildren(policy);
        if (org != null && !platforms.isEmpty()) {
            Label title = new Label(policy, SWT.NONE);
            title.setText(NLS.bind(Messages.Compare_policyRow, org.name()) + ":");
            title.setFont(Ui.bold());
            for (Platform p : platforms) {
                PlatformPolicy pp = org.policyFor(p.id());
                Label chip = new Label(policy, SWT.NONE);
                chip.setData(p.id());
                chip.setText(" " + p.name() + ": " + (pp == null ? "\u2013" : pp.status().label().get(locale)) + " ");
                if (pp != null) {
                    chip.setData(pp.status());
                    chip.setBackground(Palette.color(Palette.bannerBackground(pp.status())));
                    chip.setForeground(Palette.color(Palette.bannerForeground(pp.status())));
                }
            }
        }
        List<RadarChart.Series> series = new ArrayList<>();
        for (int i = 0; i < platforms.size(); i++) {
            series.add(RadarChart.Series.of(platforms.get(i), Palette.seriesRgb(i)));
        }
        chart.setSeries(series);
        hint.setText(!comparison.complete() ? Messages.Compare_hint
                : NLS.bind(Messages.Compare_legend, PlatformComparison.NOTABLE_DIFFERENCE) + "\n" + levelLegend());
        matrix.getParent().layout(true, true);
    }

    /** "0 none · 1 low · ..." in the user's language: what the numbers in the matrix mean. */
    private String levelLegend() {
        StringBuilder sb = new StringBuilder();
        for (int l = Affordance.MIN_LEVEL; l <= Affordance.MAX_LEVEL; l++) {
            if (!sb.isEmpty()) {
                sb.append(" \u00b7 ");
            }
            sb.append(l).append(' ').append(Affordance.levelName(l).get(locale));
        }
        return sb.toString();
    }

    /**
     * When the matrix is narrower than its packed columns, the platform columns share what is
     * left (down to {@value #MIN_PLATFORM_COLUMN} px), so nothing needs a horizontal scroll bar.
     */
    private void fitColumns() {
        int n = matrix.getColumnCount() - 2;
        int room = matrix.getClientArea().width;
        if (n <= 0 || room <= 0 || packed.length != n + 2) {
            return;
        }
        // The packed widths, not getWidth(): GTK stretches the last column over the free space.
        int share = Math.max(MIN_PLATFORM_COLUMN, (room - packed[0] - packed[n + 1]) / n);
        for (int i = 1; i <= n; i++) {
            matrix.getColumn(i).setWidth(Math.min(packed[i], share));
        }
    }

    /** Puts the focus in the list of platforms to tick. */
    public void setFocus() {
        choices.setFocus();
    }
}
