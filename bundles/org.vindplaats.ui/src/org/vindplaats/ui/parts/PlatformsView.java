package org.vindplaats.ui.parts;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.accessibility.AccessibleAdapter;
import org.eclipse.swt.accessibility.AccessibleEvent;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.vindplaats.app.CatalogQueries;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.catalog.Settings;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.Feature;
import org.vindplaats.model.Organisation;
import org.vindplaats.model.Organisation.PlatformPolicy;
import org.vindplaats.model.Platform;
import org.vindplaats.model.PolicyStatus;
import org.vindplaats.ui.Messages;
import org.vindplaats.ui.widgets.Ui;
import org.vindplaats.ui.widgets.Palette;

/**
 * The catalog as a filterable table: one row per platform with its minimum age, its level on each
 * of the seven affordances and, when an organisation is chosen, its policy. Filters: name or
 * nickname, a level range per affordance, a feature, the policy. Plain SWT, so tests can build it
 * in a Shell and click and type.
 */
public final class PlatformsView {

    private final Catalog catalog;
    private final Locale locale;
    private final Text filter;
    private final Map<Affordance, Combo> minCombos = new EnumMap<>(Affordance.class);
    private final Map<Affordance, Combo> maxCombos = new EnumMap<>(Affordance.class);
    private final Combo featureCombo;
    private final Button partlyCheck;
    private final Combo policyCombo;
    private final Button resetButton;
    private final Table table;
    private final Label status;
    private final Runnable catalogListener;
    private final Runnable settingsListener;
    private Consumer<String> onSelect = id -> {
    };
    private Consumer<String> onOpen = id -> {
    };

    public PlatformsView(Composite parent, Catalog catalog, Locale locale) {
        this.catalog = catalog;
        this.locale = locale;
        GridLayoutFactory.fillDefaults().numColumns(2).margins(8, 8).applyTo(parent);

        Label filterLabel = new Label(parent, SWT.NONE);
        filterLabel.setText(Messages.Platforms_filter);
        filter = Ui.name(new Text(parent, SWT.BORDER | SWT.SEARCH | SWT.ICON_CANCEL), "platforms.filter");
        filter.setMessage(Messages.Platforms_filterHint);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(filter);
        filter.addModifyListener(e -> refresh());

        // Filters: affordance ranges on the left, feature and policy on the right.
        Composite filters = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).equalWidth(false).applyTo(filters);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(filters);

        Group levels = new Group(filters, SWT.NONE);
        levels.setText(Messages.Platforms_levels);
        GridLayoutFactory.swtDefaults().numColumns(3).spacing(6, 2).applyTo(levels);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.FILL).applyTo(levels);
        for (Affordance a : Affordance.values()) {
            Label l = new Label(levels, SWT.NONE);
            l.setText(a.label(locale));
            l.setToolTipText(a.scale().get(locale));
            Combo min = levelCombo(levels, "\u2265 ", NLS.bind(Messages.Platforms_min, a.label(locale)));
            Combo max = levelCombo(levels, "\u2264 ", NLS.bind(Messages.Platforms_max, a.label(locale)));
            min.select(Affordance.MIN_LEVEL);
            max.select(Affordance.MAX_LEVEL);
            min.addListener(SWT.Selection, e -> {
                if (max.getSelectionIndex() < min.getSelectionIndex()) {
                    max.select(min.getSelectionIndex());
                }
                refresh();
            });
            max.addListener(SWT.Selection, e -> {
                if (min.getSelectionIndex() > max.getSelectionIndex()) {
                    min.select(max.getSelectionIndex());
                }
                refresh();
            });
            minCombos.put(a, Ui.name(min, "platforms.min." + a.id()));
            maxCombos.put(a, Ui.name(max, "platforms.max." + a.id()));
        }

        Group other = new Group(filters, SWT.NONE);
        other.setText(Messages.Platforms_otherFilters);
        GridLayoutFactory.swtDefaults().numColumns(1).spacing(6, 4).applyTo(other);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.FILL).applyTo(other);
        Label featureLabel = new Label(other, SWT.NONE);
        featureLabel.setText(Messages.Platforms_feature);
        featureCombo = Ui.name(new Combo(other, SWT.READ_ONLY | SWT.DROP_DOWN), "platforms.feature");
        featureCombo.add(Messages.Platforms_anyFeature);
        for (Feature f : Feature.values()) {
            featureCombo.add(f.label(locale));
        }
        featureCombo.select(0);
        featureCombo.setVisibleItemCount(Feature.values().length + 1);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(featureCombo);
        featureCombo.addListener(SWT.Selection, e -> refresh());
        partlyCheck = Ui.name(new Button(other, SWT.CHECK), "platforms.partly");
        partlyCheck.setText(Messages.Platforms_partlyCounts);
        partlyCheck.setSelection(true);
        partlyCheck.addListener(SWT.Selection, e -> refresh());

        Label policyLabel = new Label(other, SWT.NONE);
        policyLabel.setText(Messages.Platforms_policy);
        GridDataFactory.fillDefaults().indent(0, 6).applyTo(policyLabel);
        policyCombo = Ui.name(new Combo(other, SWT.READ_ONLY | SWT.DROP_DOWN), "platforms.policy");
        policyCombo.add(Messages.Platforms_anyPolicy);
        for (PolicyStatus s : PolicyStatus.values()) {
            policyCombo.add(s.label().get(locale));
        }
        policyCombo.select(0);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(policyCombo);
        policyCombo.addListener(SWT.Selection, e -> refresh());

        resetButton = Ui.name(new Button(other, SWT.PUSH), "platforms.reset");
        resetButton.setText(Messages.Platforms_reset);
        GridDataFactory.swtDefaults().indent(0, 6).applyTo(resetButton);
        resetButton.addListener(SWT.Selection, e -> reset());

        table = Ui.name(new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE), "platforms.table");
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).hint(SWT.DEFAULT, 120).applyTo(table);
        column(Messages.Platforms_name);
        column(Messages.Platforms_minimumAge);
        // All seven fit a laptop screen: a short name, the level as a number; the full name, what
        // the affordance means and the scale are in the header's tooltip.
        for (Affordance a : Affordance.values()) {
            TableColumn c = column(a.shortLabel().get(locale));
            c.setToolTipText(a.label(locale) + ": " + a.description().get(locale) + "\n" + a.scale().get(locale));
            c.setAlignment(SWT.CENTER);
        }
        table.addListener(SWT.Selection, e -> {
            String id = selectedId();
            if (id != null) {
                onSelect.accept(id);
            }
        });
        table.addListener(SWT.DefaultSelection, e -> {
            String id = selectedId();
            if (id != null) {
                onOpen.accept(id);
            }
        });
        // Down or Enter in the filter goes on to the list with its first platform chosen, so
        // "type a few letters, Down, Ctrl+E" works without the mouse or counting Tabs.
        filter.addListener(SWT.KeyDown, e -> {
            if (e.keyCode == SWT.ARROW_DOWN) {
                e.doit = false;
                chooseFirstAndFocus();
            }
        });
        filter.addListener(SWT.DefaultSelection, e -> chooseFirstAndFocus());

        status = Ui.name(new Label(parent, SWT.WRAP), "platforms.status");
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(10, SWT.DEFAULT).applyTo(status);

        // Plugins can come and go while the workbench runs, and the organisation can change;
        // follow both on the UI thread.
        catalogListener = () -> asyncRefresh();
        settingsListener = () -> asyncRefresh();
        catalog.addListener(catalogListener);
        Settings.addListener(settingsListener);
        table.addDisposeListener(e -> {
            catalog.removeListener(catalogListener);
            Settings.removeListener(settingsListener);
        });
        refresh();
        for (TableColumn c : table.getColumns()) {
            c.pack();
            c.setWidth(c.getWidth() + 8);
        }
        // On a laptop screen the seven levels matter more than long names. The level columns hold
        // one digit: as wide as their header's text, no wider; the name column takes what the
        // others leave (at least 90 px; the detail part has the full name), so no horizontal scroll bar.
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(table);
        try {
            gc.setFont(Ui.bold());
            for (int i = 1; i < 2 + Affordance.values().length; i++) {
                TableColumn c = table.getColumn(i);
                c.setWidth(Math.min(c.getWidth(), gc.textExtent(c.getText()).x + HEADER_PADDING));
            }
        } finally {
            gc.dispose();
        }
        table.getColumn(0).setWidth(145);
        Ui.fillWidth(table, 0, 90);
    }

    private Combo levelCombo(Composite parent, String prefix, String accessibleName) {
        Combo c = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
        for (int level = Affordance.MIN_LEVEL; level <= Affordance.MAX_LEVEL; level++) {
            c.add(prefix + level);
        }
        c.setToolTipText(accessibleName);
        c.getAccessible().addAccessibleListener(new AccessibleAdapter() {
            @Override
            public void getName(AccessibleEvent e) {
                e.result = accessibleName;
            }
        });
        return c;
    }

    private void asyncRefresh() {
        if (!table.isDisposed()) {
            table.getDisplay().asyncExec(() -> {
                if (!table.isDisposed()) {
                    refresh();
                }
            });
        }
    }

    /** What the name colours mean: "Naam in kleur: beleid van Stad Voorbeeld (groen: toegestaan, ...)". */
    private String policyLegend(Organisation org) {
        return NLS.bind(Messages.Platforms_policyLegend, new Object[] { org.name(), PolicyStatus.ALLOWED.label().get(locale),
                PolicyStatus.OBSERVE_ONLY.label().get(locale), PolicyStatus.BANNED.label().get(locale) });
    }

    /** Room around a column header's text (GTK draws headers bold, with a little padding). */
    private static final int HEADER_PADDING = 12;

    private TableColumn column(String text) {
        TableColumn c = new TableColumn(table, SWT.LEFT);
        c.setText(text);
        return c;
    }

    /** The filter the controls describe now. */
    private PlatformFilter currentFilter() {
        PlatformFilter f = PlatformFilter.NONE.withQuery(filter.getText());
        for (Affordance a : Affordance.values()) {
            f = f.withRange(a, minCombos.get(a).getSelectionIndex(), maxCombos.get(a).getSelectionIndex());
        }
        int fi = featureCombo.getSelectionIndex();
        f = f.withFeature(fi <= 0 ? null : Feature.values()[fi - 1], partlyCheck.getSelection());
        int pi = policyCombo.getSelectionIndex();
        return f.withPolicy(pi <= 0 ? null : PolicyStatus.values()[pi - 1]);
    }

    /** Clears every filter. */
    private void reset() {
        filter.setText("");
        for (Affordance a : Affordance.values()) {
            minCombos.get(a).select(Affordance.MIN_LEVEL);
            maxCombos.get(a).select(Affordance.MAX_LEVEL);
        }
        featureCombo.select(0);
        partlyCheck.setSelection(true);
        policyCombo.select(0);
        refresh();
    }

    /** Re-reads the catalog and applies the filters. */
    public void refresh() {
        String selected = selectedId();
        Organisation org = CatalogQueries.activeOrganisation(catalog).orElse(null);
        policyCombo.setEnabled(org != null);
        policyCombo.setToolTipText(org == null ? Messages.Platforms_policyNeedsOrganisation : null);
        PlatformFilter f = currentFilter();
        if (org == null) {
            f = f.withPolicy(null);
        }
        partlyCheck.setEnabled(f.feature() != null);
        List<Platform> all = catalog.platforms();
        final PlatformFilter active = f;
        List<Platform> shown = all.stream().filter(p -> active.test(p, org)).toList();
        table.setRedraw(false);
        try {
            table.removeAll();
            for (Platform p : shown) {
                TableItem item = new TableItem(table, SWT.NONE);
                item.setData(p.id());
                String[] cells = new String[2 + Affordance.values().length];
                cells[0] = p.name();
                // A platform without a minimum age says so, never "0+".
                cells[1] = p.minimumAge() == null ? "?"
                        : p.minimumAge().years() == 0 ? Messages.Platforms_noMinimumAge : p.minimumAge().years() + "+";
                int i = 2;
                for (Affordance a : Affordance.values()) {
                    var level = p.profile().level(a);
                    cells[i++] = level.isPresent() ? Integer.toString(level.getAsInt()) : "-";
                }
                item.setText(cells);
                // The organisation's policy as the name's colours (as in the detail's banner), so
                // all seven levels fit a laptop screen; the status line says what the colours mean,
                // and the policy filter and the banner say it in words.
                PlatformPolicy pp = org == null ? null : org.policyFor(p.id());
                if (pp != null) {
                    item.setBackground(0, Palette.color(Palette.bannerBackground(pp.status())));
                    item.setForeground(0, Palette.color(Palette.bannerForeground(pp.status())));
                }
                if (p.id().equals(selected)) {
                    table.setSelection(item);
                }
            }
        } finally {
            table.setRedraw(true);
        }
        String count = all.isEmpty() ? Messages.Platforms_none
                : NLS.bind(Messages.Platforms_count, shown.size(), all.size());
        status.setText(org == null || all.isEmpty() ? count : count + "\n" + policyLegend(org));
        status.getParent().layout(true);
    }

    private String selectedId() {
        TableItem[] sel = table.getSelection();
        return sel.length == 0 ? null : (String) sel[0].getData();
    }

    /** Selects the row of a platform (if shown) as if the user clicked it. */
    public void select(String id) {
        for (TableItem item : table.getItems()) {
            if (id.equals(item.getData())) {
                table.setSelection(item);
                table.showItem(item);
                onSelect.accept(id);
                return;
            }
        }
    }

    /** Called with the platform id when a row is selected (arrow keys or a click). */
    private void chooseFirstAndFocus() {
        if (table.getItemCount() == 0) {
            return;
        }
        table.setFocus(); // GTK may choose the first row itself when the list gets the focus
        if (table.getSelectionIndex() < 0) {
            table.select(0);
            table.notifyListeners(SWT.Selection, new Event());
        }
    }

    public void onSelect(Consumer<String> listener) {
        this.onSelect = listener;
    }

    /** Called with the platform id on Enter or double-click. */
    public void onOpen(Consumer<String> listener) {
        this.onOpen = listener;
    }

    /**
     * The table when a platform is chosen, else the filter field: GTK selects the first row when
     * an unselected table gets the focus, which would open an arbitrary platform in the detail part
     * at every start (about half the start-up time goes into laying out a platform's detail).
     */
    public void setFocus() {
        if (table.getSelectionCount() > 0) {
            table.setFocus();
        } else {
            filter.setFocus();
        }
    }
}
