package org.vindplaats.ui.parts;

import java.util.Locale;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.swt.widgets.Composite;
import org.vindplaats.app.CatalogQueries;
import org.vindplaats.ui.Ids;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The "Platform" part: follows the platform chosen in Platforms (the application context). */
public final class PlatformDetailPart {

    @Inject
    CatalogQueries queries;

    private PlatformDetailView view;
    private String pending;

    @PostConstruct
    public void createControls(Composite parent) {
        view = new PlatformDetailView(parent, queries, Locale.getDefault());
        if (pending != null) {
            view.show(pending);
        }
    }

    @Inject
    @Optional
    void selected(@Named(Ids.SELECTED_PLATFORM) String id) {
        if (id == null) {
            return;
        }
        if (view == null) {
            pending = id;
        } else if (!id.equals(view.platformId())) {
            view.show(id);
        }
    }

    @Focus
    public void focus() {
        view.setFocus();
    }

    public PlatformDetailView view() {
        return view;
    }
}
