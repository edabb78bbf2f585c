package org.vindplaats.ui.parts;

import java.util.Locale;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.vindplaats.app.PluginUpdateService;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.catalog.PluginInstaller;
import org.vindplaats.ui.RepoMessages;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/** The "Plugins" part (Beheer): installed plugins, and plugin repositories with updates. */
public final class PluginsPart {

    @Inject
    Catalog catalog;

    @Inject
    PluginInstaller installer;

    @Inject
    PluginUpdateService updates;

    private PluginsView view;
    private RepositoriesView repositories;
    private TabFolder tabs;

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new FillLayout());
        tabs = new TabFolder(parent, SWT.TOP);
        TabItem installedTab = new TabItem(tabs, SWT.NONE);
        installedTab.setText(RepoMessages.Tab_installed);
        Composite installedPage = new Composite(tabs, SWT.NONE);
        installedTab.setControl(installedPage);
        view = new PluginsView(installedPage, catalog, installer, Locale.getDefault());

        TabItem reposTab = new TabItem(tabs, SWT.NONE);
        reposTab.setText(RepoMessages.Tab_repositories);
        Composite reposPage = new Composite(tabs, SWT.NONE);
        reposTab.setControl(reposPage);
        // Shows the result of the background check at start (UpdateCheckAddon) when there was one:
        // both use the application layer's one update service.
        repositories = new RepositoriesView(reposPage, updates);
    }

    @Focus
    public void focus() {
        view.setFocus();
    }

    public PluginsView view() {
        return view;
    }

    /** Brings the "Repositories and updates" tab to the front (the screenshots show it too). */
    public void showRepositories() {
        tabs.setSelection(1);
    }

    public RepositoriesView repositories() {
        return repositories;
    }
}
