package org.vindplaats.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vindplaats.catalog.ScaleRules;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.Feature;
import org.vindplaats.model.Platform;

/**
 * The shipped platforms against the written scales (docs/affordance-scales.md): the rules
 * between a plugin's features and its levels, and the orderings between platforms that follow
 * from the definitions. A re-score that breaks one fails here, naming the platforms.
 */
class ScaleOrderingTest {

    private static int level(String platform, Affordance a) throws Exception {
        Platform p = CliHarness.catalog().platform(platform).orElseThrow(() -> new AssertionError(platform + " not shipped"));
        return p.profile().level(a).orElseThrow();
    }

    @Test
    void everyShippedPlatformKeepsTheRulesBetweenFeaturesAndLevels() throws Exception {
        List<String> broken = new ArrayList<>();
        for (Platform p : CliHarness.catalog().platforms()) {
            for (ScaleRules.Rule r : ScaleRules.RULES) {
                Feature f = Feature.valueOf(r.feature().toUpperCase());
                Platform.FeatureValue v = p.features().get(f);
                Affordance a = Affordance.valueOf(r.affordance().toUpperCase());
                if (v != null && v.value().id().equals(r.featureValue()) && !r.allows(p.profile().level(a).orElseThrow())) {
                    broken.add(p.id() + ": " + a.id() + " " + p.profile().level(a).orElseThrow() + " with " + r.feature() + "="
                            + r.featureValue());
                }
            }
        }
        assertTrue(broken.isEmpty(), String.join("\n", broken));
    }

    @Test
    void threadsUsesInstagramAccountsSoTheirAnonymityIsTheSame() throws Exception {
        assertEquals(level("instagram", Affordance.ANONYMITY), level("threads", Affordance.ANONYMITY));
    }

    @Test
    void messengersThatKeepChatsOnTheDeviceScoreTwoOrThreeForPermanence() throws Exception {
        for (String m : List.of("signal", "whatsapp", "telegram")) {
            int l = level(m, Affordance.PERMANENCE);
            assertTrue(l == 2 || l == 3, m + " permanence " + l);
        }
        assertTrue(level("whatsapp", Affordance.PERMANENCE) >= level("signal", Affordance.PERMANENCE),
                "WhatsApp adds cloud backups to what Signal keeps");
        assertTrue(level("telegram", Affordance.PERMANENCE) >= level("signal", Affordance.PERMANENCE),
                "Telegram keeps chat history in its cloud");
    }

    @Test
    void signalAndTelegramBothNeedAPhoneNumberAndAUsernameCanHideIt() throws Exception {
        assertTrue(Math.abs(level("signal", Affordance.ANONYMITY) - level("telegram", Affordance.ANONYMITY)) <= 1);
    }

    @Test
    void aRandomVideoChatIsTheLeastAsynchronous() throws Exception {
        int omegle = level("omegle_like", Affordance.ASYNCHRONICITY);
        for (Platform p : CliHarness.catalog().platforms()) {
            if (!p.id().equals("omegle_like")) {
                assertTrue(p.profile().level(Affordance.ASYNCHRONICITY).orElseThrow() > omegle, p.id());
            }
        }
    }

    @Test
    void accessibilityNoLongerScoresSignUpSoItSpreadsOverTheScale() throws Exception {
        // Scored as sign-up ease, every platform got 3 or 4; as finding information and people it cannot.
        long low = CliHarness.catalog().platforms().stream()
                .filter(p -> p.profile().level(Affordance.ACCESSIBILITY).orElseThrow() <= 2).count();
        assertTrue(low >= 3, "platforms with accessibility 2 or lower: " + low);
        assertTrue(level("signal", Affordance.ACCESSIBILITY) < level("tiktok", Affordance.ACCESSIBILITY));
    }
}
