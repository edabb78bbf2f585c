package org.vindplaats.testing;

import java.time.Duration;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** OSGi services as the tests get them: registered by Declarative Services, perhaps a moment after start. */
public final class Services {

    /** Long enough for a loaded machine to start Declarative Services and the catalog. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    private Services() {
    }

    /**
     * The service of {@code type}, waiting for it to be registered; fails the test naming it
     * otherwise. The service stays in use for the rest of the run (its tracker is not closed):
     * Declarative Services would otherwise deactivate a delayed component that a test still holds,
     * e.g. in a static field.
     */
    public static <T> T await(Class<T> type) {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context(), type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(WAIT.toMillis());
            if (service == null) {
                throw new AssertionError("the " + type.getName() + " service is not registered after "
                        + WAIT.toSeconds() + " s: is the bundle that offers it (and org.apache.felix.scr) started?");
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + type.getName(), e);
        }
    }

    /** How many services of {@code type} are registered now. */
    public static int count(Class<?> type) {
        ServiceTracker<?, ?> tracker = new ServiceTracker<>(context(), type.getName(), null);
        tracker.open();
        try {
            return tracker.size();
        } finally {
            tracker.close();
        }
    }

    /** This bundle's context (nobody starts a library bundle in a test run: it starts itself). */
    static BundleContext context() {
        Bundle bundle = FrameworkUtil.getBundle(Services.class);
        if (bundle.getBundleContext() == null) {
            try {
                bundle.start(Bundle.START_TRANSIENT);
            } catch (BundleException e) {
                throw new IllegalStateException("cannot start " + bundle.getSymbolicName(), e);
            }
        }
        return bundle.getBundleContext();
    }
}
