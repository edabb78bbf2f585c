package org.vindplaats.catalog.internal;

import org.osgi.framework.BundleContext;
import org.vindplaats.catalog.Catalog;

/**
 * A "restart" for tests: a fresh extender and installer over the same plugin folder, activated
 * the way Declarative Services does it at start-up (the extender first, then the installer's sync).
 */
public final class Restarts {

    public interface Session extends AutoCloseable {
        Catalog catalog();

        @Override
        void close();
    }

    private Restarts() {
    }

    public static Session start(BundleContext context) {
        PluginExtender extender = new PluginExtender();
        extender.activate(context);
        FolderPluginInstaller installer = new FolderPluginInstaller();
        installer.catalog = extender;
        installer.activate(context);
        return new Session() {
            @Override
            public Catalog catalog() {
                return extender;
            }

            @Override
            public void close() {
                installer.deactivate();
                extender.deactivate();
            }
        };
    }
}
