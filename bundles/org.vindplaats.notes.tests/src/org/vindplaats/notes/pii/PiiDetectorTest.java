package org.vindplaats.notes.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One kind at a time: what must be found (exact span) and look-alikes that must not. */
class PiiDetectorTest {

    private static final PiiDetector DETECTOR = PiiDetector.standard();

    /** Asserts that {@code expected} is found in {@code sentence} as exactly one match of {@code kind}. */
    private static void found(String sentence, String expected, PiiKind kind) {
        List<PiiMatch> matches = DETECTOR.detect(sentence);
        assertEquals(1, matches.size(), sentence + " -> " + matches);
        PiiMatch m = matches.get(0);
        assertEquals(expected, m.text(), sentence);
        assertEquals(kind, m.kind(), sentence);
        assertEquals(expected, sentence.substring(m.start(), m.end()));
    }

    private static void nothing(String sentence) {
        assertEquals(List.of(), DETECTOR.detect(sentence), sentence);
    }

    @ParameterizedTest
    @ValueSource(strings = { "0470 12 34 56", "0470/12.34.56", "0470123456", "0470 123 456", "+32 470 12 34 56",
            "+32470123456", "0032 470 12 34 56", "+32 (0)470 12 34 56", "(0470) 12 34 56", "04 123 45 67",
            "09 234 56 78", "02/512.34.56", "050 12 34 56", "011-12 34 56", "06-12345678", "06 12345678",
            "06 1234 5678", "06-12 34 56 78", "+31 6 12345678", "+31 (0)6 12345678", "0031 6 12345678",
            "+31612345678", "06\u201112345678", "010-1234567", "020 123 4567", "0111-123456", "+31 20 123 4567", "+44 7700 900123" })
    void phoneNumbersInCommonNotations(String phone) {
        found("Bel haar op " + phone + " als het dringend is.", phone, PiiKind.PHONE);
    }

    @ParameterizedTest
    @ValueSource(strings = { "Zelfmoordlijn 1813 is er dag en nacht.", "Bel 112 bij gevaar, of Awel op 102.",
            "Het filmpje had 2.000.000 views en 14.000 likes.", "Afspraak op 11-02-2025 om 14u30.",
            "Datum 01/02/2025 12:00 in het buurthuis.", "De infolijn 0800 123 45 is gratis.",
            "Premium 0900-1234567 kost geld.", "Ze verdiende €5000 met 3 accounts.", "Score 6/10, 800+ volgers.",
            "Code 123456 voor tweestapsverificatie.", "Bestelnummer 2025031234 is verzonden." })
    void numbersThatAreNoPersonalPhoneNumbers(String sentence) {
        nothing(sentence);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "Mail naar jordy.vm2006@hotmail.com graag.|jordy.vm2006@hotmail.com",
            "Haar adres (hanne.claes08@gmail.com) werd gewijzigd.|hanne.claes08@gmail.com",
            "Contact: first.last+tag@sub.example.be.|first.last+tag@sub.example.be" })
    void emailAddresses(String sentence, String email) {
        found(sentence, email, PiiKind.EMAIL);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "Ze streamt als @fayfrags op Twitch.|@fayfrags",
            "Haar Snapchatnaam @sofie.vdb.2013 stond in de bio.|@sofie.vdb.2013",
            "Een meisje (@noor.vdh_) postte een story.|@noor.vdh_",
            "Volg @modestbyamina, zei ze.|@modestbyamina", "Zijn gamertag is xX_dark_Xx.|xX_dark_Xx",
            "Her username was lina.b_07 on Discord.|lina.b_07", "Insta: lotte.v_2010 (privé).|lotte.v_2010",
            "Zijn Discordnaam: sk8rboi#1234, zei hij.|sk8rboi#1234" })
    void handles(String sentence, String handle) {
        found(sentence, handle, PiiKind.HANDLE);
    }

    @ParameterizedTest
    @ValueSource(strings = { "Iemand tagde @everyone in de server.", "Schrijf naar info@jeugdhuis.be.",
            "Haar snapnaam is geheim.", "#OnsPlein ging viraal." })
    void notHandles(String sentence) {
        assertTrue(DETECTOR.detect(sentence).stream().noneMatch(m -> m.kind() == PiiKind.HANDLE),
                sentence + " -> " + DETECTOR.detect(sentence));
    }

    @ParameterizedTest
    @ValueSource(strings = { "BE71 0961 2345 6769", "BE71096123456769", "NL91 ABNA 0417 1643 00",
            "be68 5390 0754 7034" })
    void ibansWithValidChecksum(String iban) {
        found("Stort het op " + iban + " vandaag.", iban, PiiKind.IBAN);
    }

    @ParameterizedTest
    @ValueSource(strings = { "BE71 0961 2345 6768", "NL91 ABNA 0417 1643 01", "XX12 3456 7890 1234" })
    void ibansWithWrongChecksumAreNotIbans(String iban) {
        assertTrue(DETECTOR.detect("Stort het op " + iban + ".").stream().noneMatch(m -> m.kind() == PiiKind.IBAN),
                iban);
    }

    @Test
    void belgianNationalRegisterNumbers() {
        found("Rijksregisternummer 85.07.30-033.28 op de kaart.", "85.07.30-033.28",
                PiiKind.NATIONAL_REGISTER_NUMBER);
        found("Born in 2005: 05.03.12-123.60 is his number.", "05.03.12-123.60", PiiKind.NATIONAL_REGISTER_NUMBER);
        found("Zijn INSZ is 85073003328.", "85073003328", PiiKind.NATIONAL_REGISTER_NUMBER);
        assertTrue(DETECTOR.detect("Nummer 85.07.30-033.27 klopt niet.").stream()
                .noneMatch(m -> m.kind() == PiiKind.NATIONAL_REGISTER_NUMBER), "wrong check digits");
        assertTrue(DETECTOR.detect("Nummer 85.13.30-033.xx en 85.14.30-033.91.").isEmpty(), "month 14 is no date");
    }

    @Test
    void dutchBsnPassesTheElevenTest() {
        found("Haar BSN is 111222333, zei de moeder.", "111222333", PiiKind.BSN);
        found("Burgerservicenummer: 1234.56.782", "1234.56.782", PiiKind.BSN);
        nothing("Factuur 123456789 staat open.");
        assertTrue(PiiChecks.isValidBsn("123456782"));
        assertFalse(PiiChecks.isValidBsn("123456789"));
        assertFalse(PiiChecks.isValidBsn("000000000"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Someone posted his address (Lindenlaan 27, 2800 Mechelen) online.|Lindenlaan 27, 2800 Mechelen",
            "Ze woont in de Kerkstraat 12a in Gent.|Kerkstraat 12a",
            "Adres: Grote Markt 1, 9000 Gent.|Grote Markt 1, 9000 Gent",
            "Pakje naar Van Eycklaan 4 bus 3 gestuurd.|Van Eycklaan 4 bus 3",
            "Hij woont op de Oudegracht 145, 3511 AZ Utrecht.|Oudegracht 145, 3511 AZ Utrecht",
            "Feestje op Sint-Pietersnieuwstraat 33 zaterdag.|Sint-Pietersnieuwstraat 33",
            "Rendez-vous Rue de la Loi 16, 1000 Bruxelles.|Rue de la Loi 16, 1000 Bruxelles",
            "Het adres was Molenberg 12, 1850 Grimbergen.|Molenberg 12, 1850 Grimbergen" })
    void streetAddresses(String sentence, String address) {
        found(sentence, address, PiiKind.ADDRESS);
    }

    @ParameterizedTest
    @ValueSource(strings = { "Onderweg 2 keer gestopt.", "Het was in Amsterdam 3 jaar geleden.",
            "We stonden met 5 mensen op het Schoolplein 2 uur lang.", "Op de snelweg 3 ongevallen.",
            "Zelfmoordlijn 1813 en Awel.", "In de Achterhoek 3 jongeren gesproken." })
    void notAddresses(String sentence) {
        assertTrue(DETECTOR.detect(sentence).stream().noneMatch(m -> m.kind() == PiiKind.ADDRESS),
                sentence + " -> " + DETECTOR.detect(sentence));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Jongen uit 2 vmbo-b van het Noorderlicht College vertelde het.|2 vmbo-b van het Noorderlicht College",
            "Leerlingen uit klas 4B van het Sint-Amandinuscollege maakten het.|klas 4B van het Sint-Amandinuscollege",
            "Een meisje uit het derde jaar van het Koninklijk Atheneum Deurne belde.|het derde jaar van het Koninklijk Atheneum Deurne",
            "Hij zit in 3 havo op het Stedelijk Gymnasium.|3 havo op het Stedelijk Gymnasium",
            "Een jongen uit 3B van het Atheneum Zuid wordt gepest.|3B van het Atheneum Zuid",
            "Ze zit in groep 8 van basisschool De Regenboog.|groep 8 van basisschool De Regenboog",
            // a class without a digit (the cheap pre-check must let it through)
            "Ze zit in klas B van het Sint-Jozefcollege.|klas B van het Sint-Jozefcollege" })
    void classesAtNamedSchools(String sentence, String school) {
        found(sentence, school, PiiKind.SCHOOL);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "Lotte Verhoeven (15) kwam huilend binnen.|Lotte Verhoeven",
            "Gisteren vertelde Xandro (14) over de chat.|Xandro", "Haar vriendin Noor wist ervan.|Noor",
            "A girl named Amina El Amrani asked for help.|Amina El Amrani",
            "De 15-jarige Jens werd bedreigd.|Jens", "Sam, 16, told us everything.|Sam",
            "We spraken met Jordy Van den Broeck over zijn account.|Jordy Van den Broeck",
            "Ilias Benali streamt elke dinsdag.|Ilias Benali", "Mohammed B. (17) werd opgepakt.|Mohammed B.",
            "Jonas, een jongen van 15, belde ons.|Jonas", "We zagen Jens van 14 op het plein.|Jens",
            "We zagen Kenji van 14 jaar op het plein.|Kenji",
            "Zijn account werd gehackt, zei Noor (14).|Noor", "Noor, a 14-year-old girl, posted it.|Noor",
            "Yassine El Idrissi (16) kreeg dreigberichten.|Yassine El Idrissi" })
    void namesOfYoungPeopleInContext(String sentence, String name) {
        found(sentence, name, PiiKind.NAME);
    }

    // "Ilias streamt Valorant op Twitch." and "Emma's filmpje ging rond." were listed here: a bare first
    // name used to pass. Issue 13 asks for common first names on their own, so they moved to
    // firstNamesOnTheirOwnInAnyCase.
    @ParameterizedTest
    @ValueSource(strings = { "Een jongen (16) vertelde het.",
            "Meisjes (13-15) delen filters.", "Kwamen er gisteren over praten in Gent.",
            "Quotes van Andrew Tate gaan rond.", "Child Focus en Close Friends zijn gekend.",
            "Het Hannah Arendt Instituut organiseerde een dag.", "Snap Map toont locaties op TikTok (15).",
            "Girl Streams Fortnite On Twitch", "Maandag (12) was druk.", "Op Instagram (14) zag ik het.",
            "Een Amber Alert ging uit.", "Victoria's Secret-reclames op TikTok.", "Op Tinder van 15-jarigen.",
            "Jan Modaal snapt het niet.", "Een roos voor iedereen.", "Er is nog hoop.", "In May we met twice.",
            "Mark the message as spam.", "Will you join us?", "De mark-up klopt.", "Op 12 jan begon het.",
            "In de Jan Breydelstraat is een jeugdhuis.", "Max 3 uur schermtijd per dag.",
            "De Chiro van 15 leden ging op kamp.", "Een groep van 15 jongeren.", "Sinds Corona (2020) is alles anders.",
            "Fortnite Chapter (5) is uit.", "Gebruikers van Bumble (18+) zijn ouder.", "In Lokeren (16 jongeren) was het druk.",
            "Teen (15) Scammed On Vinted",
            // Everyday field notes the guard used to scrub words of (7 Dec 2026): a sentence after a
            // title word, a verb after an age, a school word before an age.
            "Klasgesprek op vraag van de mentor. Bijna iedereen neemt de gsm mee naar bed.",
            "Schrik bij de leerkracht. Gesprek gevoerd over toestemming.",
            "One 15-year-old said he spent all his birthday money.", "Brugklasser (12) vertelt over een filmpje.",
            "Scholieren (14-15) delen een filter." })
    void notNames(String sentence) {
        assertTrue(DETECTOR.detect(sentence).stream().noneMatch(m -> m.kind() == PiiKind.NAME),
                sentence + " -> " + DETECTOR.detect(sentence));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "Ilias streamt Valorant op Twitch.|Ilias", "Emma's filmpje ging rond.|Emma",
            "We spraken met lotte over haar account.|lotte", "ZEG AAN NOAH DAT HIJ MOET BELLEN.|NOAH",
            "Ik zag lotte peeters aan het station.|lotte peeters", "Ik sprak met Roos over haar streaks.|Roos",
            "Mijn vriendin roos zit veel op tiktok.|roos", "Meneer Janssens zag het gebeuren.|Janssens",
            "Haar trainer Kevin stuurde berichten.|Kevin", "Juf ellen meldde het.|ellen", "Haar ex Dave dreigt.|Dave",
            "Mr. Smith took the photos.|Smith", "And then Will logged in.|Will",
            "Het was mevr. Peeters die belde.|Peeters", "A 15-year-old Said told us.|Said", "Ze sprak met de mentor Ellen.|Ellen" })
    void firstNamesOnTheirOwnInAnyCase(String sentence, String name) {
        found(sentence, name, PiiKind.NAME);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "Schrijf naar naam [at] gmail punt com aub.|naam [at] gmail punt com",
            "Mail noor(at)ziggo(dot)nl.|noor(at)ziggo(dot)nl", "Reach kevin dot smits at gmail dot com now.|kevin dot smits at gmail dot com",
            "Ze schreef sofie.maes @ skynet . be erbij.|sofie.maes @ skynet . be" })
    void emailAddressesWrittenToDodgeAFilter(String sentence, String email) {
        found(sentence, email, PiiKind.EMAIL);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "Haar insta jan.peeters09 is openbaar.|jan.peeters09",
            "Voeg me toe op snap: lotte_x.|lotte_x", "Zijn discord naam#1234 stuurde dit.|naam#1234",
            "Op snap heet ze fleurtje_0x.|fleurtje_0x", "De link was instagram.com/jonas.vh_09 vanmorgen.|jonas.vh_09",
            // only a dot inside the name, no digit or underscore (the cheap pre-check must let it through)
            "Haar snapnaam is lotte.vdb, zei ze.|lotte.vdb" })
    void handlesAfterAPlatformWord(String sentence, String handle) {
        found(sentence, handle, PiiKind.HANDLE);
    }

    @ParameterizedTest
    @ValueSource(strings = { "Op 09.05.12-123.61 stond het.", "Op 090512 123 61 stond het.", "Op 09051212361 stond het.",
            "Op 090512-123-61 stond het." })
    void nationalRegisterNumbersInEveryNotationIncludingBornAfter2000(String sentence) {
        String number = sentence.substring(3, sentence.indexOf(" stond"));
        found(sentence, number, PiiKind.NATIONAL_REGISTER_NUMBER);
        assertTrue(DETECTOR.detect(sentence.replace("61 stond", "62 stond")).isEmpty(), "wrong check digits");
    }

    @ParameterizedTest
    @ValueSource(strings = { "Awel 102, Zelfmoordlijn 1813, Child Focus 116 000 en 112.", "Bel 113 of 0800-0113.",
            "Kindertelefoon 0800-0432.", "Op 12.05.2026 om 21.30.", "Van 12/05 tot 19/05.", "Deadline 12-05-2026.",
            "Om 21u30 begon het.", "Het kost € 12,50.", "Jongeren uit 5LW en 3B.", "In 2024 met 35% gegroeid.",
            "2.000.000 views en 14.500 likes.", "Ze zitten op TikTok, Snapchat en Discord." })
    void helpLinesDatesTimesPricesClassesAndCountsAreNoPersonalData(String sentence) {
        nothing(sentence);
    }

    @Test
    void normalisedTextIsMatchedButSpansPointIntoTheOriginal() {
        // Full-width digits, a zero-width space and a full-width at sign: found, and reported on the original characters.
        String fullWidth = "Bel \uff10\uff14\uff17\uff10 12\u200b34 56 vandaag.";
        found(fullWidth, "\uff10\uff14\uff17\uff10 12\u200b34 56", PiiKind.PHONE);
        found("Mail emma.janssens\uff20gmail.com nu.", "emma.janssens\uff20gmail.com", PiiKind.EMAIL);
        found("Zijn n\u200bummer: 0\u200b470 12 34 56.", "0\u200b470 12 34 56", PiiKind.PHONE);
        ScrubResult scrubbed = PiiScrubber.standard().scrub(fullWidth);
        assertEquals("Bel [telefoon] vandaag.", scrubbed.text());
        assertEquals(scrubbed.text(), PiiScrubber.standard().scrub(scrubbed.text()).text());
    }

    @Test
    void matchesDoNotOverlapAndComeInTextOrder() {
        String text = "Lotte Verhoeven (15), lotte.v@example.com, 0470 12 34 56, @lottev, BE71 0961 2345 6769.";
        List<PiiMatch> m = DETECTOR.detect(text);
        assertEquals(List.of(PiiKind.NAME, PiiKind.EMAIL, PiiKind.PHONE, PiiKind.HANDLE, PiiKind.IBAN),
                m.stream().map(PiiMatch::kind).toList());
        for (int i = 1; i < m.size(); i++) {
            assertTrue(m.get(i - 1).end() <= m.get(i).start());
        }
    }

    @Test
    void organisationsCanExtendTheLexicons() {
        PiiDetector custom = PiiDetector.builder().firstNames(List.of("Zork")).notNames(List.of("Plopsa")).build();
        assertEquals(PiiKind.NAME, custom.detect("Zork Peeters belde.").get(0).kind());
        assertTrue(DETECTOR.detect("Zork Peeters belde.").isEmpty(), "not in the standard lexicon");
        assertTrue(custom.detect("We gingen naar Plopsa (12) met de groep.").isEmpty());
    }

    @Test
    void hostileTextNeitherHangsNorOverflowsTheStack() {
        int n = 50_000;
        List<String> hostile = List.of("@" + "a".repeat(n), "x@" + "a-".repeat(n / 2), "x@" + "a.".repeat(n / 2) + "!",
                "a.".repeat(n / 2) + "@", "0".repeat(n), "0 ".repeat(n / 2), "04-".repeat(n / 3),
                "Ab-".repeat(n / 3), "A".repeat(n), "Kerkstraat ".repeat(n / 11), "Kerkstraat 1 ".repeat(n / 13),
                "BE71 ".repeat(n / 5), "klas 4B van het ".repeat(n / 16), "Sint Sint college ".repeat(n / 18),
                "Aaa Bbb Ccc Ddd\n".repeat(n / 16), "snapnaam: ".repeat(n / 10), "Sam (15) ".repeat(n / 9),
                "Lotte-".repeat(n / 6), "a dot ".repeat(n / 6) + "at gmail", "x [at] ".repeat(n / 7),
                "a at b punt ".repeat(n / 12), "insta ".repeat(n / 6), "snap: a_".repeat(n / 8),
                "meneer ".repeat(n / 7), "\uff10".repeat(n), "\u200b1".repeat(n / 2), "lotte ".repeat(n / 6),
                "instagram.com/".repeat(n / 14), " ".repeat(n) + "Lotte Verhoeven (15)");
        // Hang guard only, not a speed requirement: each input takes well under a second here.
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofMinutes(2), () -> {
            for (String text : hostile) {
                List<PiiMatch> matches = DETECTOR.detect(text);
                for (PiiMatch m : matches) {
                    assertEquals(m.text(), text.substring(m.start(), m.end()));
                }
            }
        });
        List<PiiMatch> last = DETECTOR.detect(hostile.get(hostile.size() - 1));
        assertEquals("Lotte Verhoeven", last.get(0).text());
    }
}
