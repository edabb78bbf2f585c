package org.vindplaats.ui.parts;

import java.nio.file.Path;
import java.util.Locale;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.osgi.service.datalocation.Location;
import org.eclipse.swt.widgets.Composite;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.catalog.PluginInstaller;
import org.vindplaats.ui.notes.NotesWorkspace;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/** The "Organisation and settings" part (Beheer). */
public final class OrganisationPart {

    @Inject
    Catalog catalog;

    @Inject
    @Optional
    PluginInstaller installer;

    @Inject
    @Optional
    NotesWorkspace notes;

    private OrganisationView view;

    @PostConstruct
    public void createControls(Composite parent) {
        Path data = null;
        Location instance = org.eclipse.core.runtime.Platform.getInstanceLocation();
        if (instance != null && instance.getURL() != null && "file".equals(instance.getURL().getProtocol())) {
            data = Path.of(instance.getURL().getPath());
        }
        view = new OrganisationView(parent, catalog, installer == null ? null : installer.folder(), data, Locale.getDefault());
        if (notes != null) {
            Runnable follow = () -> parent.getDisplay().asyncExec(() -> {
                if (!parent.isDisposed()) {
                    view.showWorkspace(notes.location());
                }
            });
            notes.addListener(follow);
            parent.addDisposeListener(e -> notes.removeListener(follow));
            view.showWorkspace(notes.location());
        }
    }

    @Focus
    public void focus() {
        view.setFocus();
    }

    public OrganisationView view() {
        return view;
    }
}
