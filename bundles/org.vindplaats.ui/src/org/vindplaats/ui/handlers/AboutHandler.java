package org.vindplaats.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.FrameworkUtil;
import org.vindplaats.ui.Messages;

/** Help &gt; About. */
public final class AboutHandler {
    @Execute
    public void execute(Shell shell) {
        String version = FrameworkUtil.getBundle(AboutHandler.class).getVersion().toString();
        MessageDialog.openInformation(shell, Messages.About_title, NLS.bind(Messages.About_text, version));
    }
}
