package org.vindplaats.ui.parts;

import java.util.List;
import java.util.Locale;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.Platform;
import org.vindplaats.ui.Messages;

/**
 * The catalog as a filterable table: one row per platform with its minimum age and its level on
 * each of the seven affordances. Plain SWT, so tests can build it in a Shell and click and type.
 */
public final class PlatformsView {

    private final Catalog catalog;
    private final Locale locale;
    private final Text filter;
    private final Table table;
    private final Label status;
    private final Runnable catalogListener;

    public PlatformsView(Composite parent, Catalog catalog, Locale locale) {
        this.catalog = catalog;
        this.locale = locale;
        GridLayoutFactory.fillDefaults().numColumns(2).margins(8, 8).applyTo(parent);

        Label filterLabel = new Label(parent, SWT.NONE);
        filterLabel.setText(Messages.Platforms_filter);
        filter = new Text(parent, SWT.BORDER | SWT.SEARCH | SWT.ICON_CANCEL);
        filter.setMessage(Messages.Platforms_filterHint);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(filter);
        filter.addModifyListener(e -> refresh());

        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(table);
        column(Messages.Platforms_name, 220);
        column(Messages.Platforms_minimumAge, 90);
        for (Affordance a : Affordance.values()) {
            TableColumn c = column(a.label(locale), 110);
            c.setToolTipText(a.description().get(locale));
        }

        status = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(status);

        // Plugins can come and go while the workbench runs; follow them on the UI thread.
        catalogListener = () -> {
            if (!table.isDisposed()) {
                table.getDisplay().asyncExec(() -> {
                    if (!table.isDisposed()) {
                        refresh();
                    }
                });
            }
        };
        catalog.addListener(catalogListener);
        table.addDisposeListener(e -> catalog.removeListener(catalogListener));
        refresh();
    }

    private TableColumn column(String text, int width) {
        TableColumn c = new TableColumn(table, SWT.LEFT);
        c.setText(text);
        c.setWidth(width);
        return c;
    }

    /** Re-reads the catalog and applies the filter. */
    public void refresh() {
        String query = filter.getText().strip().toLowerCase(Locale.ROOT);
        List<Platform> all = catalog.platforms();
        List<Platform> shown = all.stream().filter(p -> matches(p, query)).toList();
        table.removeAll();
        for (Platform p : shown) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setData(p.id());
            String[] cells = new String[2 + Affordance.values().length];
            cells[0] = p.name();
            cells[1] = p.minimumAge() == null ? "?" : p.minimumAge().years() + "+";
            int i = 2;
            for (Affordance a : Affordance.values()) {
                var level = p.profile().level(a);
                cells[i++] = level.isPresent()
                        ? level.getAsInt() + " " + Affordance.levelName(level.getAsInt()).get(locale)
                        : "-";
            }
            item.setText(cells);
        }
        status.setText(all.isEmpty() ? Messages.Platforms_none
                : NLS.bind(Messages.Platforms_count, shown.size(), all.size()));
        status.getParent().layout(true);
    }

    private static boolean matches(Platform p, String query) {
        if (query.isEmpty()) {
            return true;
        }
        return p.name().toLowerCase(Locale.ROOT).contains(query) || p.id().contains(query)
                || p.aliases().stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).startsWith(query));
    }

    public Text filter() {
        return filter;
    }

    public Table table() {
        return table;
    }

    public Label status() {
        return status;
    }
}
