package org.vindplaats.ui.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.vindplaats.app.TeamHub;

/** The parts get the team hub by injection: the application layer registers it as a service. */
class TeamHubServiceTest {

    @TempDir
    Path dir;

    @Test
    void theTeamHubIsADeclarativeServicesComponent() throws Exception {
        BundleContext ctx = FrameworkUtil.getBundle(TeamHubServiceTest.class).getBundleContext();
        ServiceTracker<TeamHub, TeamHub> tracker = new ServiceTracker<>(ctx, TeamHub.class, null);
        tracker.open();
        try {
            TeamHub hub = tracker.waitForService(10_000);
            assertNotNull(hub, "TeamHub is registered");
            assertFalse(hub.connected(dir), "an empty folder is not connected");
            HubFixture.connect(hub, dir, HubFixture.passwordFile(dir));
            assertTrue(hub.connected(dir));
        } finally {
            tracker.close();
        }
    }
}
