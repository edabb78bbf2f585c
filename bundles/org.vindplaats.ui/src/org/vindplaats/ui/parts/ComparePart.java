package org.vindplaats.ui.parts;

import java.util.List;
import java.util.Locale;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.swt.widgets.Composite;
import org.vindplaats.app.CatalogQueries;
import org.vindplaats.ui.Ids;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The "Compare" part; starts with the platform chosen in Platforms ticked. */
public final class ComparePart {

    @Inject
    CatalogQueries queries;

    @Inject
    @Optional
    @Named(Ids.SELECTED_PLATFORM)
    String selected;

    private CompareView view;

    @PostConstruct
    public void createControls(Composite parent) {
        view = new CompareView(parent, queries, Locale.getDefault());
        if (selected != null) {
            view.setChecked(List.of(selected));
        }
    }

    @Focus
    public void focus() {
        view.setFocus();
    }

    public CompareView view() {
        return view;
    }
}
