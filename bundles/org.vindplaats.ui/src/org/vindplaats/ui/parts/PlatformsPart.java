package org.vindplaats.ui.parts;

import java.util.Locale;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.swt.widgets.Composite;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.ui.Ids;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The "Platforms" part. Selecting a row publishes the platform id in the application context
 * ({@link Ids#SELECTED_PLATFORM}); the detail part follows it. Enter or double-click also brings
 * the detail part to the front.
 */
public final class PlatformsPart {

    @Inject
    Catalog catalog;

    @Inject
    MApplication application;

    @Inject
    EPartService partService;

    @Inject
    IEventBroker events;

    private PlatformsView view;

    @PostConstruct
    public void createControls(Composite parent) {
        view = new PlatformsView(parent, catalog, Locale.getDefault());
        view.onSelect(this::select);
        view.onOpen(id -> {
            select(id);
            partService.showPart(Ids.PART_DETAIL, PartState.ACTIVATE);
        });
    }

    private void select(String id) {
        application.getContext().set(Ids.SELECTED_PLATFORM, id);
        // Toolbar and menu items ask their handlers again now (Export brief is enabled at once).
        events.send(UIEvents.REQUEST_ENABLEMENT_UPDATE_TOPIC, UIEvents.ALL_ELEMENT_ID);
    }

    /** The table when a platform is chosen, else the filter field (see {@link PlatformsView#setFocus()}). */
    @Focus
    public void focus() {
        view.setFocus();
    }

    public PlatformsView view() {
        return view;
    }
}
