package org.vindplaats.ui.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.app.TeamHub;
import org.vindplaats.testing.Services;

/** The parts get the team hub by injection: the application layer registers it as a service. */
class TeamHubServiceTest {

    @TempDir
    Path dir;

    @Test
    void theTeamHubIsADeclarativeServicesComponent() throws Exception {
        TeamHub hub = Services.await(TeamHub.class); // registered by Declarative Services
        assertFalse(hub.connected(dir), "an empty folder is not connected");
        HubFixture.connect(hub, dir, HubFixture.passwordFile(dir));
        assertTrue(hub.connected(dir));
    }
}
