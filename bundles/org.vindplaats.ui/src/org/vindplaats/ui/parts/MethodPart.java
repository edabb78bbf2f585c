package org.vindplaats.ui.parts;

import java.util.Locale;

import org.eclipse.core.runtime.ILog;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.swt.widgets.Composite;
import org.vindplaats.app.PluginContributions;
import org.vindplaats.catalog.Catalog;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The "Methode" part (Oriënteren): the method guide the organisation plugins publish. Read again
 * when plugins change, so a knowledge centre's update shows without a restart.
 */
public final class MethodPart {

    @Inject
    Catalog catalog;

    private MethodView view;

    @PostConstruct
    public void createControls(Composite parent) {
        view = new MethodView(parent, Locale.getDefault());
        load();
        Runnable listener = () -> parent.getDisplay().asyncExec(() -> {
            if (!parent.isDisposed()) {
                load();
            }
        });
        catalog.addListener(listener);
        parent.addDisposeListener(e -> catalog.removeListener(listener));
    }

    private void load() {
        view.setGuide(PluginContributions.guide(catalog, problem -> ILog.of(MethodPart.class).warn(problem)));
    }

    @Focus
    public void focus() {
        view.setFocus();
    }

    public MethodView view() {
        return view;
    }
}
