package org.vindplaats.ui.parts;

import java.util.Locale;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.swt.widgets.Composite;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.catalog.PluginInstaller;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/** The "Plugins" part (Beheer). */
public final class PluginsPart {

    @Inject
    Catalog catalog;

    @Inject
    PluginInstaller installer;

    private PluginsView view;

    @PostConstruct
    public void createControls(Composite parent) {
        view = new PluginsView(parent, catalog, installer, Locale.getDefault());
    }

    @Focus
    public void focus() {
        view.plugins().setFocus();
    }

    public PluginsView view() {
        return view;
    }
}
