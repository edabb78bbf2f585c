package org.vindplaats.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.IProvisioningAgentProvider;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** A private p2 provisioning agent for one operation, with its own throw-away data area. */
final class P2 implements AutoCloseable {

    private static final long SERVICE_TIMEOUT_MS = 20_000;

    final IProvisioningAgent agent;
    private final Path dataArea;

    private P2(IProvisioningAgent agent, Path dataArea) {
        this.agent = agent;
        this.dataArea = dataArea;
    }

    static P2 open() throws IOException {
        Bundle self = FrameworkUtil.getBundle(P2.class);
        if (self == null) {
            throw new IllegalStateException("org.vindplaats.publish must run inside OSGi (p2 is needed)");
        }
        BundleContext ctx = self.getBundleContext();
        if (ctx == null) {
            try {
                self.start(Bundle.START_TRANSIENT);
            } catch (org.osgi.framework.BundleException e) {
                throw new IOException(e);
            }
            ctx = self.getBundleContext();
        }
        startIfResolved(ctx, "org.eclipse.equinox.p2.core");
        startIfResolved(ctx, "org.eclipse.equinox.p2.repository");
        startIfResolved(ctx, "org.eclipse.equinox.p2.metadata.repository");
        startIfResolved(ctx, "org.eclipse.equinox.p2.artifact.repository");
        ServiceTracker<IProvisioningAgentProvider, IProvisioningAgentProvider> t = new ServiceTracker<>(ctx,
                IProvisioningAgentProvider.class, null);
        t.open();
        try {
            IProvisioningAgentProvider provider = t.waitForService(SERVICE_TIMEOUT_MS);
            if (provider == null) {
                throw new IOException("p2 did not start (no IProvisioningAgentProvider service); the installation may be damaged");
            }
            // A private data area: the user's own p2 state (if any) is never touched.
            Path area = Publisher.tempDirectory("vindplaats-p2");
            try {
                return new P2(provider.createAgent(area.toUri()), area);
            } catch (ProvisionException | RuntimeException e) {
                Publisher.deleteQuietly(area);
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting p2", e);
        } catch (ProvisionException e) {
            throw new IOException("cannot start p2: " + e.getMessage(), e);
        } finally {
            t.close();
        }
    }

    // The p2 services are declarative services of lazily activated bundles; a product that did not
    // auto-start them would otherwise wait for nothing.
    private static void startIfResolved(BundleContext ctx, String bsn) {
        for (Bundle b : ctx.getBundles()) {
            if (bsn.equals(b.getSymbolicName()) && (b.getState() & (Bundle.RESOLVED | Bundle.INSTALLED)) != 0) {
                try {
                    b.start(Bundle.START_ACTIVATION_POLICY);
                } catch (org.osgi.framework.BundleException | IllegalStateException e) {
                    // the service look-up below reports what is missing
                }
            }
        }
    }

    <T> T service(Class<T> type) {
        T s = agent.getService(type);
        if (s == null) {
            throw new IllegalStateException("p2 service " + type.getSimpleName() + " is missing; the installation may be damaged");
        }
        return s;
    }

    @Override
    public void close() {
        agent.stop();
        try (var walk = Files.walk(dataArea)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder
        }
    }
}
