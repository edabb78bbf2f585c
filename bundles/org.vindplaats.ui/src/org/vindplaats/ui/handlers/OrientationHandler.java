package org.vindplaats.ui.handlers;

import java.nio.file.Path;
import java.util.Locale;

import org.eclipse.core.runtime.ILog;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.vindplaats.app.CatalogQueries;
import org.vindplaats.app.OrientationBriefs;
import org.vindplaats.app.PluginContributions;
import org.vindplaats.model.Platform;
import org.vindplaats.model.UserFolders;
import org.vindplaats.ui.Ids;
import org.vindplaats.ui.Messages;
import org.vindplaats.ui.orientation.OrientationWizard;

import jakarta.inject.Named;

/** File &gt; "Ik ga online op ..." (Ctrl+G): the guided orientation on the chosen platform, ending in its brief. */
public final class OrientationHandler {

    @CanExecute
    public boolean canExecute(@Optional @Named(Ids.SELECTED_PLATFORM) String id) {
        return id != null;
    }

    @Execute
    public void execute(Shell shell, CatalogQueries catalog, OrientationBriefs briefs,
            @Optional @Named(Ids.SELECTED_PLATFORM) String id) {
        Platform p = id == null ? null : catalog.platform(id).orElse(null);
        if (p == null) {
            MessageDialog.openInformation(shell, Messages.Export_title, Messages.Export_choosePlatform);
            return;
        }
        var guide = PluginContributions.guide(catalog.catalog(), problem -> ILog.of(OrientationHandler.class).warn(problem));
        OrientationWizard wizard = new OrientationWizard(p, catalog.activeOrganisation().orElse(null), guide,
                Locale.getDefault(), briefs, () -> {
                    FileDialog d = new FileDialog(shell, SWT.SAVE);
                    d.setText(NLS.bind(Messages.Orient_title, p.name()));
                    d.setFileName(p.id() + "-" + Messages.Export_fileSuffix + ".html");
                    d.setFilterExtensions(new String[] { "*.html" });
                    d.setOverwrite(true);
                    d.setFilterPath(UserFolders.currentDocuments().toString());
                    String chosen = d.open();
                    return chosen == null ? null : Path.of(chosen);
                });
        WizardDialog dialog = new WizardDialog(shell, wizard);
        if (dialog.open() == WizardDialog.OK && wizard.written() != null) {
            MessageDialog.openInformation(shell, NLS.bind(Messages.Orient_title, p.name()),
                    NLS.bind(Messages.Export_done, wizard.written()));
        }
    }
}
