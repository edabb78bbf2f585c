package org.vindplaats.cli.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.vindplaats.app.PluginUpdateService;
import org.vindplaats.testing.Services;

/**
 * The application layer offers its services through Declarative Services, as the products start
 * it (lazily: registered at start, its classes loaded on first use).
 */
class AppServicesTest {

    @Test
    void pluginUpdateServiceIsADeclarativeServicesComponent() throws Exception {
        BundleContext ctx = FrameworkUtil.getBundle(AppServicesTest.class).getBundleContext();
        Bundle app = Arrays.stream(ctx.getBundles()).filter(b -> b.getSymbolicName().equals("org.vindplaats.app"))
                .findFirst().orElseThrow();
        assertNotNull(app.getHeaders("").get("Service-Component"), "the build generated the component description");
        if (app.getState() != Bundle.ACTIVE && app.getState() != Bundle.STARTING) {
            app.start(Bundle.START_ACTIVATION_POLICY); // as the products' configuration does
        }
        PluginUpdateService service = Services.await(PluginUpdateService.class);
        assertNotNull(service.updates().repositories(), "with the catalog and installer injected");
        assertTrue(service.lastOffer().isEmpty(), "no check ran");
    }
}
