package org.vindplaats.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vindplaats.cli.ExitCodes;
import org.vindplaats.model.PolicyStatus;

/** Organisation plugins layered on top of platform facts, chosen by --org or the shared preference. */
class OrganisationTest {

    @AfterEach
    void clearPreference() throws Exception {
        CliHarness.run("organisation", "use", "none");
    }

    @Test
    void theExampleCityIsCompleteAndBansTikTokForOfficialAccounts() throws Exception {
        var city = CliHarness.catalog().organisation("stad-voorbeeld").orElseThrow();
        assertEquals(PolicyStatus.BANNED, city.policyFor("tiktok").status());
        assertTrue(city.retentionMonths() != null && city.retentionMonths() > 0);
        assertTrue(!city.referralPartners().isEmpty());
        assertEquals(3, city.dutyToReport().size());
        assertTrue(!city.transparency().isEmpty());
        assertTrue(city.reachability() != null && !city.reachability().autoReply().isEmpty());
        for (var p : CliHarness.catalog().platforms()) {
            assertTrue(city.policyFor(p.id()) != null, "policy for " + p.id());
        }
    }

    @Test
    void platformShowWithOrgShowsThePolicyOverlay() throws Exception {
        var r = CliHarness.run("platform", "show", "tiktok", "--org", "stad-voorbeeld");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        String firstLines = r.out().lines().limit(4).reduce("", (a, b) -> a + b + "\n");
        assertTrue(firstLines.contains("TikTok in Stad Voorbeeld: " + PolicyStatus.BANNED.label().en()), firstLines);
        var json = CliHarness.run("platform", "show", "tiktok", "--org", "stad-voorbeeld", "--format", "json").json();
        assertEquals("banned", json.get("policy").get("status").asText());
    }

    @Test
    void thePreferenceChoosesTheOrganisationAndOrgOverridesIt() throws Exception {
        assertEquals(ExitCodes.OK, CliHarness.run("organisation", "use", "stad-voorbeeld").exitCode());
        var list = CliHarness.run("platforms", "--format", "json").json();
        boolean sawPolicy = false;
        for (var p : list) {
            if (p.get("id").asText().equals("tiktok")) {
                assertEquals("banned", p.get("policy").get("status").asText());
                sawPolicy = true;
            }
        }
        assertTrue(sawPolicy);
        var orgs = CliHarness.run("organisations", "--format", "json").json();
        boolean active = false;
        for (var o : orgs) {
            active |= o.get("id").asText().equals("stad-voorbeeld") && o.get("active").asBoolean();
        }
        assertTrue(active);
        var unknown = CliHarness.run("platforms", "--org", "stad-voorbeld");
        assertEquals(ExitCodes.USAGE, unknown.exitCode());
        assertTrue(unknown.err().contains("\"stad-voorbeeld\""), unknown.err());
    }
}
