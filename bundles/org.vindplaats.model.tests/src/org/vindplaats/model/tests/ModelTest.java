package org.vindplaats.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.AffordanceProfile;
import org.vindplaats.model.AffordanceScore;
import org.vindplaats.model.LocalizedText;
import org.vindplaats.model.Need;
import org.vindplaats.model.Organisation;
import org.vindplaats.model.PolicyStatus;
import org.vindplaats.model.Terms;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.Urgency;

class ModelTest {

    @Test
    void aNotesDayIsWhenItWasObservedElseWhenItWasWrittenInUtc() {
        TrendNote written = new TrendNote("n", "t", "", List.of(), null, "nl", null, null, null, null, null, null,
                java.time.Instant.parse("2026-03-31T23:30:00Z"), null, null, null, false);
        assertEquals(LocalDate.of(2026, 3, 31), written.day(), "UTC, not the machine's zone");
        TrendNote observed = new TrendNote("n", "t", "", List.of(), LocalDate.of(2026, 1, 2), "nl", null, null, null,
                null, null, null, java.time.Instant.parse("2026-03-31T23:30:00Z"), null, null, null, false);
        assertEquals(LocalDate.of(2026, 1, 2), observed.day());
        assertEquals(null, new TrendNote("n", "t", "", List.of(), null, "nl", null, null, null, null, null, null, null,
                null, null, null, false).day());
    }

    @Test
    void localizedTextFallsBackToTheOtherLanguage() {
        LocalizedText onlyDutch = LocalizedText.of("hallo", " ");
        assertEquals("hallo", onlyDutch.get(Locale.ENGLISH));
        assertEquals("hallo", onlyDutch.get("nl"));
        assertTrue(onlyDutch.isMissingALanguage());
        assertEquals("hi", LocalizedText.of("hoi", "hi").get(Locale.ENGLISH));
        assertEquals("hoi", LocalizedText.of("hoi", "hi").get(Locale.of("nl", "BE")));
        assertEquals("", LocalizedText.EMPTY.get("en"));
    }

    @Test
    void termsAreFoundByIdIgnoringCaseAndDashes() {
        assertEquals(Need.PRIVACY_SAFETY, Terms.byId(Need.class, "Privacy-Safety").orElseThrow());
        assertTrue(Terms.byId(Affordance.class, "ephemerality").isEmpty());
        assertEquals(List.of("identity", "relationships", "health", "information", "privacy_safety", "talent"),
                Terms.ids(Need.class));
    }

    @Test
    void didYouMeanFindsCloseIdsOnly() {
        assertEquals("anonymity", Terms.didYouMean("anonimity", Terms.ids(Affordance.class)).orElseThrow());
        assertEquals("tiktok", Terms.didYouMean("tik-tok", List.of("tiktok", "discord")).orElseThrow());
        assertEquals("discord", Terms.didYouMean("disc", List.of("tiktok", "discord")).orElseThrow());
        assertFalse(Terms.didYouMean("xylophone", List.of("tiktok", "discord")).isPresent());
    }

    @Test
    void affordanceLevelsOutsideZeroToFourAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new AffordanceScore(Affordance.VISIBILITY, 5, null, null, null, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new AffordanceScore(Affordance.VISIBILITY, -1, null, null, null, null, null));
        AffordanceScore ok = new AffordanceScore(Affordance.VISIBILITY, 4, null, null, null, null, null);
        AffordanceProfile profile = new AffordanceProfile(Map.of(Affordance.VISIBILITY, ok));
        assertEquals(4, profile.level(Affordance.VISIBILITY).orElseThrow());
        assertTrue(profile.level(Affordance.ANONYMITY).isEmpty());
        assertFalse(profile.isComplete());
    }

    @Test
    void organisationPolicyUsesPlatformEntryThenDefault() {
        Organisation org = new Organisation("stad", "Stad", Organisation.Type.CITY, null, null, PolicyStatus.OBSERVE_ONLY,
                Map.of("tiktok", new Organisation.PlatformPolicy(PolicyStatus.BANNED, null)), null, null, null, 12, null,
                null, null);
        assertEquals(PolicyStatus.BANNED, org.policyFor("tiktok").status());
        assertEquals(PolicyStatus.OBSERVE_ONLY, org.policyFor("discord").status());
    }

    @Test
    void polarityAndUrgencyAreFoundByTheirIds() {
        assertEquals(org.vindplaats.model.Polarity.MIXED, org.vindplaats.model.Polarity.byId("mixed").orElseThrow());
        assertEquals(Urgency.IMMEDIATE, Urgency.byId("immediate").orElseThrow());
        assertTrue(Urgency.byId("IMMEDIATE").isEmpty(), "ids are lower case, as stored in notes");
        assertTrue(org.vindplaats.model.Polarity.byId(null).isEmpty());
    }

    @Test
    void referralPartnersForAnUrgencyAreThoseListingItAndThoseListingNone() {
        Organisation.ReferralPartner police = new Organisation.ReferralPartner("Politie", null, null,
                java.util.Set.of(Urgency.IMMEDIATE), null, null, "101");
        Organisation.ReferralPartner homework = new Organisation.ReferralPartner("Huiswerkklas", null, null,
                java.util.Set.of(Urgency.INFO), null, null, null);
        Organisation.ReferralPartner any = new Organisation.ReferralPartner("Jongerenwerk", null, null, null, null, null, null);
        Organisation org = new Organisation("stad", "Stad", Organisation.Type.CITY, null, null, null, null, null, null,
                List.of(police, homework, any), 12, null, null, null);
        assertEquals(List.of(police, any), org.referralPartnersFor(Urgency.IMMEDIATE));
        assertEquals(List.of(homework, any), org.referralPartnersFor(Urgency.INFO));
        assertEquals(List.of(any), org.referralPartnersFor(Urgency.CONCERN));
        assertEquals(List.of(police, homework, any), org.referralPartnersFor(null), "no urgency: all of them");
    }

    @Test
    void noteExpiryIsStrictlyAfterTheExpiryDate() {
        TrendNote note = new TrendNote("n1", "t", "b", null, null, "nl", null, null, null, null, null, null, null, null,
                LocalDate.of(2026, 1, 31), null, false);
        assertFalse(note.isExpired(LocalDate.of(2026, 1, 31)));
        assertTrue(note.isExpired(LocalDate.of(2026, 2, 1)));
    }
}
