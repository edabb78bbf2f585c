package org.vindplaats.ui.parts;

import java.util.Locale;

import org.eclipse.swt.widgets.Composite;
import org.vindplaats.catalog.Catalog;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/** The "Platforms" part of the workbench; the Catalog comes from the OSGi service registry. */
public final class PlatformsPart {

    @Inject
    Catalog catalog;

    private PlatformsView view;

    @PostConstruct
    public void createControls(Composite parent) {
        view = new PlatformsView(parent, catalog, Locale.getDefault());
    }

    public PlatformsView view() {
        return view;
    }
}
