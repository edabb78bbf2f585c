package org.vindplaats.notes.pii;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data of young people, and of the adults around them, in the free text of a note.
 * Rules, not a model: each kind has a pattern plus a check that rejects look-alikes (IBAN mod-97,
 * national register check digits with the 2000+ rule, the BSN 11-test, the phone number plans of
 * Belgium and the Netherlands, real dates). The rules read a normalised copy of the text
 * ({@link PiiNormalizer}: NFKC, invisible characters removed) so {@code ０４７０} and {@code ＠} do not
 * slip through; matches are reported on the original text. E-mail addresses are also found when
 * written to dodge a filter ({@code naam [at] gmail punt com}); user names after a platform word
 * ({@code insta jan.peeters09}). Names: a common first name from the gazetteer on its own, in any
 * case; a name that is also a word (Roos, Will, May) only in context; any capitalised word after
 * a role ("meisje", "juf", "trainer", "ex") or with an age; surnames with particles. Platform
 * names, places, public figures and fixed phrases ("Jan Modaal") are never names.
 * <p>
 * Thread-safe and immutable; {@link #standard()} is shared.
 */
public final class PiiDetector {

    private static volatile PiiDetector standard;

    private final Set<String> firstNames;
    private final Set<String> notNames;
    private final Set<String> publicNames;
    private final Set<String> ambiguousNames;
    private final Set<String> contextOnlyNames;
    private final Set<String> surnames;

    private PiiDetector(Builder b) {
        this.firstNames = Set.copyOf(b.firstNames);
        this.notNames = Set.copyOf(b.notNames);
        this.publicNames = Set.copyOf(b.publicNames);
        Set<String> ambiguous = new HashSet<>();
        Set<String> contextOnly = new HashSet<>();
        for (String a : b.ambiguousNames) {
            if (a.startsWith("!")) {
                contextOnly.add(a.substring(1));
            } else {
                ambiguous.add(a);
            }
        }
        this.ambiguousNames = Set.copyOf(ambiguous);
        this.contextOnlyNames = Set.copyOf(contextOnly);
        this.surnames = Set.copyOf(b.surnames);
    }

    /** The detector with the built-in lexicons. */
    public static PiiDetector standard() {
        PiiDetector d = standard;
        if (d == null) {
            d = builder().build();
            standard = d;
        }
        return d;
    }

    /** Starts from the built-in lexicons; add an organisation's own names or exceptions. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final Set<String> firstNames = new HashSet<>(load("first-names.txt"));
        private final Set<String> notNames = new HashSet<>(load("not-names.txt"));
        private final Set<String> publicNames = new HashSet<>(load("public-names.txt"));
        private final Set<String> ambiguousNames = new HashSet<>(load("ambiguous-names.txt"));
        private final Set<String> surnames = new HashSet<>(load("surnames.txt"));

        /** More first names to recognise in context. */
        public Builder firstNames(Collection<String> names) {
            names.forEach(n -> firstNames.add(key(n)));
            return this;
        }

        /** Capitalised words that are never names (a local place, a project name). */
        public Builder notNames(Collection<String> words) {
            words.forEach(w -> notNames.add(key(w)));
            return this;
        }

        /** Full names of public figures that are not personal data in a note. */
        public Builder publicNames(Collection<String> names) {
            names.forEach(n -> publicNames.add(key(n)));
            return this;
        }

        public PiiDetector build() {
            return new PiiDetector(this);
        }
    }

    private static List<String> load(String resource) {
        List<String> out = new ArrayList<>();
        try (InputStream in = PiiDetector.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing lexicon " + resource + " in org.vindplaats.notes.pii");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null;) {
                int hash = line.indexOf('#');
                String s = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (!s.isEmpty()) {
                    out.add(key(s));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read lexicon " + resource, e);
        }
        return out;
    }

    /** Lexicon key: lower case, NFC, one space between words. */
    static String key(String s) {
        // Most words: no combining mark (everything below U+0300 is NFC already) and no white space.
        boolean plain = true;
        for (int i = 0; i < s.length() && plain; i++) {
            char c = s.charAt(i);
            plain = c < '\u0300' && !Character.isWhitespace(c);
        }
        if (plain) {
            return s.toLowerCase(Locale.ROOT);
        }
        String n = Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
        n = n.strip();
        for (int i = 0; i < n.length(); i++) {
            if (Character.isWhitespace(n.charAt(i))) {
                n = SPACES.matcher(n).replaceAll(" ");
                break;
            }
        }
        return n.toLowerCase(Locale.ROOT);
    }

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern DIGIT = Pattern.compile("\\d");
    private static final List<String> SCHOOLISH = List.of("college", "lyceum", "atheneum", "instituut", "institute",
            "school", "gymnasium", "campus", "academie", "sint", "heilig", "don bosco", "collège", "ka ", "go!");
    /** What a school class without a digit starts with (the other forms of CLASS have a digit). */
    private static final List<String> CLASS_WORDS = List.of("klas", "class", "eerste", "tweede", "derde", "vierde",
            "vijfde", "zesde", "zevende");
    private static final List<String> USERNAME_HINT = List.of("naam", "name", "tag", ":", "insta", "snap", "tiktok",
            "discord", "twitch", "roblox", "telegram", "ig ", "sc ", "twitter", "threads", "psn", "xbox", "steam",
            "fortnite", "bereal", "kick", ".com/");
    private static final List<String> OBFUSCATED_EMAIL_HINT = List.of(" at ", "[at]", "(at)", "{at}", "<at>",
            "apenstaart", " @ ", "@ ", " @");

    private static boolean containsAny(String lower, List<String> words) {
        for (String w : words) {
            if (lower.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * All personal data in {@code text}, in text order, without overlaps. The rules read a
     * normalised copy ({@link PiiNormalizer}); offsets and texts refer to {@code text} itself.
     */
    public List<PiiMatch> detect(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        PiiNormalizer normalised = PiiNormalizer.of(text);
        List<PiiMatch> found = detectNormalised(normalised.text());
        if (normalised.text() == text) {
            return found;
        }
        List<PiiMatch> out = new ArrayList<>(found.size());
        for (PiiMatch m : found) {
            PiiMatch o = normalised.toOriginal(m);
            // Two matches that split one expanded character (a ligature) must not overlap in the original.
            if (out.isEmpty() || out.get(out.size() - 1).end() <= o.start()) {
                out.add(o);
            }
        }
        return List.copyOf(out);
    }

    private List<PiiMatch> detectNormalised(String text) {
        List<PiiMatch> candidates = new ArrayList<>();
        // Cheap pre-checks skip rule sets that cannot match (most notes have no digits or '@').
        boolean at = text.indexOf('@') >= 0;
        String lower = text.toLowerCase(Locale.ROOT);
        boolean digits = DIGIT.matcher(text).find();
        if (at) {
            emails(text, candidates);
        }
        if (containsAny(lower, OBFUSCATED_EMAIL_HINT)) {
            obfuscatedEmails(text, candidates);
        }
        if (digits) {
            ibans(text, candidates);
            nationalNumbers(text, candidates);
            bsns(text, candidates);
            phones(text, candidates);
            addresses(text, candidates);
        }
        // A school class needs a digit, "klas"/"class" or an ordinal ("tweede jaar"), see CLASS.
        if ((digits || containsAny(lower, CLASS_WORDS)) && containsAny(lower, SCHOOLISH)) {
            schools(text, candidates);
        }
        if (at || containsAny(lower, USERNAME_HINT)) {
            handles(text, candidates);
        }
        names(text, candidates);
        return resolveOverlaps(candidates);
    }

    /** True when {@link #detect} finds anything. */
    public boolean containsPii(String text) {
        return !detect(text).isEmpty();
    }

    /** Keeps, in priority order (the order kinds were added), the longest matches that do not overlap. */
    private static List<PiiMatch> resolveOverlaps(List<PiiMatch> candidates) {
        List<PiiMatch> accepted = new ArrayList<>();
        List<PiiMatch> ordered = new ArrayList<>(candidates);
        // Stable sort: kind priority first (enum order of detection below), then longer spans.
        ordered.sort(Comparator.comparingInt((PiiMatch m) -> priority(m.kind()))
                .thenComparing(Comparator.comparingInt((PiiMatch m) -> m.end() - m.start()).reversed()));
        for (PiiMatch m : ordered) {
            if (accepted.stream().noneMatch(m::overlaps)) {
                accepted.add(m);
            }
        }
        accepted.sort(Comparator.comparingInt(PiiMatch::start));
        return List.copyOf(accepted);
    }

    private static int priority(PiiKind kind) {
        return switch (kind) {
        case EMAIL -> 0;
        case IBAN -> 1;
        case NATIONAL_REGISTER_NUMBER -> 2;
        case BSN -> 3;
        case PHONE -> 4;
        case ADDRESS -> 5;
        case SCHOOL -> 6;
        case HANDLE -> 7;
        case NAME -> 8;
        };
    }

    private static void add(List<PiiMatch> out, String text, int start, int end, PiiKind kind) {
        out.add(new PiiMatch(text.substring(start, end), start, end, kind));
    }

    // ---------------------------------------------------------------- e-mail

    // Scanned by hand from each '@' rather than with one regex: linear on any input, and no
    // regex group repetition that could overflow the stack on hostile text.
    private static boolean isLocalChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    private static boolean isDomainChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '-';
    }

    private static void emails(String text, List<PiiMatch> out) {
        int from = 0;
        int at;
        while ((at = text.indexOf('@', from)) >= 0) {
            from = at + 1;
            int start = at;
            while (start > 0 && isLocalChar(text.charAt(start - 1))) {
                start--;
            }
            while (start < at && (text.charAt(start) == '.' || text.charAt(start) == '-')) {
                start++;
            }
            int end = at + 1;
            while (end < text.length() && isDomainChar(text.charAt(end))) {
                end++;
            }
            while (end > at + 1 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
                end--;
            }
            if (start == at || end < text.length() && (text.charAt(end) == '@' || text.charAt(end) == '_')) {
                continue;
            }
            String local = text.substring(start, at);
            String domain = text.substring(at + 1, end);
            if (local.endsWith(".") || local.contains("..") || !validDomain(domain)) {
                continue;
            }
            add(out, text, start, end, PiiKind.EMAIL);
            from = end;
        }
    }

    private static boolean validDomain(String domain) {
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (label.isEmpty() || label.startsWith("-") || label.endsWith("-") || label.length() > 63) {
                return false;
            }
        }
        String tld = labels[labels.length - 1];
        return tld.length() >= 2 && tld.length() <= 24 && tld.chars().allMatch(Character::isLetter);
    }

    // Written so a filter misses it: "naam [at] gmail punt com", "naam(at)hotmail(dot)be", "naam @ telenet . be".
    // Every repetition is bounded, so the pattern cannot backtrack far on hostile text.
    private static final String AT = "(?:\\s{0,2}[\\[({<]\\s?(?:at|@|apenstaartje|apenstaart)\\s?[\\])}>]\\s{0,2}"
            + "|\\s{0,2}@\\s{0,2}|\\s(?:at|apenstaartje|apenstaart)\\s)";
    private static final String DOT = "(?:\\s{0,2}[\\[({<]\\s?(?:dot|punt|\\.)\\s?[\\])}>]\\s{0,2}|\\s{0,2}\\.\\s{0,2}"
            + "|\\s(?:dot|punt)\\s)";
    private static final Pattern OBFUSCATED_EMAIL = Pattern.compile("(?i)(?<![\\p{L}\\p{N}._%+-])"
            + "([\\p{L}\\p{N}](?:[\\p{L}\\p{N}._%+-]{0,62}[\\p{L}\\p{N}_])?"
            + "(?:\\s(?:dot|punt)\\s[\\p{L}\\p{N}](?:[\\p{L}\\p{N}._%+-]{0,30}[\\p{L}\\p{N}_])?){0,2})" + AT
            + "([\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?(?:" + DOT
            + "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?){0,2})" + DOT + "(\\p{L}{2,6})(?![\\p{L}\\p{N}])");
    /** Top-level domains an obfuscated address may end in; "we zitten at home dot" is no address. */
    private static final Set<String> TLDS = Set.of("com", "be", "nl", "net", "org", "eu", "fr", "de", "uk", "co", "io",
            "info", "me", "live", "gmail", "biz", "app", "edu", "gov");
    private static final Set<String> NOT_LOCAL_PARTS = Set.of("is", "was", "we", "wij", "me", "mij", "hem", "haar",
            "them", "him", "her", "us", "it", "die", "dat", "this", "that", "ze", "zij", "hij", "ik", "i", "you",
            "jij", "they", "look", "kijk", "staat", "stond", "zit", "zat", "laugh", "lachen", "aangekomen", "arrived");

    private static void obfuscatedEmails(String text, List<PiiMatch> out) {
        Matcher m = OBFUSCATED_EMAIL.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            String local = m.group(1).toLowerCase(Locale.ROOT);
            String tld = m.group(3).toLowerCase(Locale.ROOT);
            if (!TLDS.contains(tld) || NOT_LOCAL_PARTS.contains(local)) {
                // "me at kevin dot smits at gmail dot com": try again from the next word.
                from = m.start() + 1;
                continue;
            }
            add(out, text, m.start(), m.end(), PiiKind.EMAIL);
            from = m.end();
        }
    }

    // ---------------------------------------------------------------- IBAN

    private static final Pattern IBAN_START = Pattern.compile("(?i)(?<![\\p{L}\\p{N}])[A-Z]{2} ?\\d{2}");

    private static void ibans(String text, List<PiiMatch> out) {
        Matcher m = IBAN_START.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            int start = m.start();
            String country = text.substring(start, start + 2).toUpperCase(Locale.ROOT);
            Integer length = PiiChecks.IBAN_LENGTHS.get(country);
            from = m.end();
            if (length == null) {
                continue;
            }
            // Walk over letters and digits, allowing single spaces or hyphens between them.
            int count = 0;
            int i = start;
            int end = -1;
            while (i < text.length() && count < length) {
                char c = text.charAt(i);
                if (Character.isLetterOrDigit(c) && c < 128) {
                    count++;
                    i++;
                } else if ((c == ' ' || c == '-') && count >= 2 && i + 1 < text.length()
                        && Character.isLetterOrDigit(text.charAt(i + 1))) {
                    i++;
                } else {
                    break;
                }
            }
            if (count == length && (i >= text.length() || !Character.isLetterOrDigit(text.charAt(i)))) {
                end = i;
            }
            if (end > 0 && PiiChecks.isValidIban(text.substring(start, end))) {
                add(out, text, start, end, PiiKind.IBAN);
                from = end;
            }
        }
    }

    // ---------------------------------------------------------------- national numbers

    private static final Pattern RRN = Pattern.compile(
            "(?<![\\d.,/-])\\d{2}[. ]?\\d{2}[. ]?\\d{2}[-. ]?\\d{3}[-. ]?\\d{2}(?![\\d])(?!\\.\\d)(?!,\\d)");
    private static final Pattern BSN = Pattern.compile(
            "(?<![\\d.,/+-])(?:\\d{4}[. ]\\d{2}[. ]\\d{3}|\\d{3}[. ]\\d{3}[. ]\\d{3}|\\d{8,9})(?![\\d])(?!\\.\\d)(?!,\\d)");
    private static final Pattern BSN_CONTEXT = Pattern.compile(
            "(?i)(bsn|burgerservicenummer|burger\\s*service\\s*nummer|sofi-?nummer|citizen service number)"
                    + "[^\\p{L}\\p{N}]{0,12}$");
    private static final Pattern RRN_CONTEXT = Pattern.compile(
            "(?i)(rijksregister\\w*|rrn|insz|national (register|number)|identiteitskaart)[^\\p{L}\\p{N}]{0,12}$");

    private static void nationalNumbers(String text, List<PiiMatch> out) {
        Matcher m = RRN.matcher(text);
        while (m.find()) {
            String s = m.group();
            String digits = s.replaceAll("\\D", "");
            // The official layouts: 09.05.12-123.45 (dots and dash) and 090512 123 45 / 090512-123-45 (birth date, serial, check).
            boolean formatted = s.matches("\\d{2}\\.\\d{2}\\.\\d{2}[-. ]\\d{3}[-. ]\\d{2}")
                    || s.matches("\\d{6}[- .]\\d{3}[- .]\\d{2}");
            // 11 digits in one run fit no Belgian or Dutch phone number, whatever they start with.
            boolean bare = digits.equals(s);
            boolean context = RRN_CONTEXT.matcher(text.substring(Math.max(0, m.start() - 40), m.start())).find();
            // A random 11-digit number passes the check 1 time in 97: ask for an official layout, a
            // keyword before it, one run of 11 digits, or a number that is not a phone number.
            if (PiiChecks.isValidBelgianNationalNumber(digits)
                    && (formatted || context || bare || !(digits.startsWith("0") || looksLikePhone(s)))) {
                add(out, text, m.start(), m.end(), PiiKind.NATIONAL_REGISTER_NUMBER);
            }
        }
    }

    private static void bsns(String text, List<PiiMatch> out) {
        Matcher m = BSN.matcher(text);
        while (m.find()) {
            String s = m.group();
            boolean context = BSN_CONTEXT.matcher(text.substring(Math.max(0, m.start() - 40), m.start())).find();
            // Without a keyword, a number starting with 0 is more likely a (Belgian) phone number.
            // "150.000.000 views" passes the 11-test one time in eleven: dotted thousands need the keyword.
            boolean thousands = s.matches("\\d{3}\\.\\d{3}\\.\\d{3}");
            if (PiiChecks.isValidBsn(s) && (context || !s.startsWith("0") && !thousands)) {
                add(out, text, m.start(), m.end(), PiiKind.BSN);
            }
        }
    }

    // ---------------------------------------------------------------- phone numbers

    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\p{L}\\p{N}+/.,-])(?:\\+|00)?\\(?\\d(?:[ .\\-/()\\u00a0\\u2010-\\u2015]{0,3}\\d){7,14}(?![\\p{L}\\p{N}])(?![.,]\\d)");
    /** A real date (day 1-31, month 1-12, one separator): "06.98.76.54.32" is a Dutch mobile number, not a date. */
    private static final Pattern DATE_PREFIX = Pattern.compile(
            "^(?:0?[1-9]|[12]\\d|3[01])([-/.])(?:0?[1-9]|1[0-2])\\1(?:(?:19|20)\\d{2}|\\d{2}(?![-/. ]?\\d))");
    private static final Pattern INTERNATIONAL = Pattern.compile("^(\\+|00)");

    private static void phones(String text, List<PiiMatch> out) {
        Matcher m = PHONE.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            String s = m.group();
            int start = m.start();
            from = m.end();
            Matcher date = DATE_PREFIX.matcher(s);
            if (date.find()) {
                // "12.05.2026 0470 12 34 56": the date is no phone number, but what follows it may be.
                from = start + date.end();
                continue;
            }
            // An opening bracket belongs to the number only when it opens "(0472)" inside it.
            if (s.startsWith("(") && s.indexOf(')') < 0) {
                s = s.substring(1);
                start++;
            }
            if (looksLikePhone(s)) {
                add(out, text, start, m.end(), PiiKind.PHONE);
            }
        }
    }

    /**
     * True when {@code s} fits the Belgian or Dutch numbering plan (or is a plausible international
     * number written with + or 00): national mobile and landline numbers, not service numbers such
     * as 0800 or 0900, not dates.
     */
    static boolean looksLikePhone(String s) {
        if (DATE_PREFIX.matcher(s).find()) {
            return false;
        }
        String digits = s.replace("(0)", "").replaceAll("\\D", "");
        if (INTERNATIONAL.matcher(s).find()) {
            String n = s.startsWith("+") ? digits : digits.substring(2);
            if (n.startsWith("32")) {
                String national = n.substring(2);
                return national.length() == 8 && national.charAt(0) != '0' && national.charAt(0) != '4'
                        || national.length() == 9 && national.startsWith("4");
            }
            if (n.startsWith("31")) {
                String national = n.substring(2);
                return national.length() == 9 && national.charAt(0) != '0';
            }
            return n.length() >= 9 && n.length() <= 15 && n.charAt(0) != '0';
        }
        if (!digits.startsWith("0") || digits.startsWith("00")) {
            return false;
        }
        if (digits.startsWith("0800") || digits.startsWith("090") || digits.startsWith("070")
                || digits.startsWith("078") || digits.startsWith("0088")) {
            return false;
        }
        if (digits.length() == 10) {
            // Netherlands (06 mobile, 0xx landlines) or a Belgian mobile (046x-049x).
            return digits.charAt(1) != '4' || digits.charAt(2) >= '5';
        }
        // Belgian landline: 0 + 8 digits (02, 03, 04, 09 and 0xx zones).
        return digits.length() == 9;
    }

    // ---------------------------------------------------------------- handles

    private static final Pattern HANDLE = Pattern.compile(
            "(?<![\\p{L}\\p{N}_@.+-])@(?=[\\p{L}\\p{N}_.]{0,39}[\\p{L}_])[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_.]{0,38}[\\p{L}\\p{N}_])?"
                    + "(?![\\p{L}\\p{N}_@])");
    private static final Set<String> NOT_HANDLES = Set.of("@everyone", "@here", "@channel", "@all", "@iedereen");
    private static final Pattern USERNAME_CONTEXT = Pattern.compile(
            "(?i)(?<![\\p{L}])(?:snap(?:chat)?-?naam|insta(?:gram)?-?naam|tiktok-?naam|gebruikersnaam|accountnaam"
                    + "|username|user name|gamertag|gamer tag|discord-?naam|snap(?:chat)? name|insta(?:gram)? name"
                    + "|(?:insta(?:gram)?|ig|snap(?:chat)?|sc|tiktok|tt|discord|twitch|roblox|telegram|twitter|threads"
                    + "|psn|xbox|steam|fortnite|bereal|kick|yt|youtube)(?![\\p{L}\\p{N}]))"
                    + "(?:\\s(?:user|account|profiel|profile|naam|name|username|handle|kanaal|channel|id))?"
                    + "(?:\\s+(?:is|was|:|=|-|->|van (?:haar|hem)|of (?:her|him)|heet(?: ze| hij)?|is (?:ze|hij)"
                    + "|noemt (?:ze|hij) zich))?\\s{0,3}[:=-]?\\s{0,3}[\"'“‘]?"
                    + "([\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_.]{1,38}[\\p{L}\\p{N}_])(?:#\\d{4}(?!\\d))?)");

    /** A profile link names the account: instagram.com/lotte_x, tiktok.com/@name, snapchat.com/add/name. */
    private static final Pattern PROFILE_URL = Pattern.compile("(?i)(?<![\\p{L}\\p{N}])(?:instagram|tiktok|snapchat|twitter|x"
            + "|twitch|youtube|facebook|threads)\\.(?:com|net|tv)/(?:add/)?(@?[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_.]{0,38}[\\p{L}\\p{N}_])?)");
    private static final Set<String> NOT_PROFILE_PATHS = Set.of("p", "reel", "reels", "explore", "stories", "watch",
            "channel", "c", "discover", "tag", "hashtag", "search", "help", "about", "legal", "privacy", "home");

    private static void handles(String text, List<PiiMatch> out) {
        // A profile link has a '/', a handle an '@': without them those patterns cannot match, and
        // scanning for them was half of what this method cost on notes that name a platform.
        if (text.indexOf('/') >= 0) {
            Matcher p = PROFILE_URL.matcher(text);
            while (p.find()) {
                if (!NOT_PROFILE_PATHS.contains(p.group(1).toLowerCase(Locale.ROOT))) {
                    add(out, text, p.start(1), p.end(1), PiiKind.HANDLE);
                }
            }
        }
        if (text.indexOf('@') >= 0) {
            Matcher m = HANDLE.matcher(text);
            while (m.find()) {
                if (!NOT_HANDLES.contains(m.group().toLowerCase(Locale.ROOT))) {
                    add(out, text, m.start(), m.end(), PiiKind.HANDLE);
                }
            }
        }
        // A user name given without @ right after a word like "snapchatnaam": it must look like one
        // (contain a digit, dot or underscore), so "haar snapnaam is geheim" is not reported.
        if (!mayHoldUserName(text)) {
            return; // no such word in the text at all: the costly pattern cannot report anything
        }
        Matcher u = USERNAME_CONTEXT.matcher(text);
        while (u.find()) {
            String name = u.group(1);
            if (name.matches(".*[\\d._#].*") && !name.matches("[\\d.]+")) {
                add(out, text, u.start(1), u.end(1), PiiKind.HANDLE);
            }
        }
    }

    /**
     * Whether the text has what a reported user name needs: a digit, '_' or '#', or a dot inside a
     * word (a name's dot is followed by more of it; a sentence's full stop is not).
     */
    static boolean mayHoldUserName(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9' || c == '_' || c == '#') {
                return true;
            }
            if (c == '.' && i + 1 < text.length()) {
                int next = text.codePointAt(i + 1); // what USERNAME_CONTEXT allows after a dot: [\p{L}\p{N}_.]
                int type = Character.getType(next);
                if (Character.isLetter(next) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                        || type == Character.OTHER_NUMBER || next == '_' || next == '.') {
                    return true;
                }
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- addresses

    // Word lengths are bounded ({0,40}) so no pattern can scan far from where it started.
    private static final String UPPER_WORD = "\\p{Lu}[\\p{L}'’-]{0,40}";
    private static final String STRONG_SUFFIX = "straat|straatje|laan|weg|plein|pleintje|dreef|steenweg|kaai|kade|gracht"
            + "|singel|lei|dijk|baan|markt|pad|plantsoen|steeg|vest|boulevard|hof|wal|dries|gang|lijn";
    private static final String WEAK_SUFFIX = "dam|ring|berg|veld|bos|hoek|wijk|heide|haven|poort|oord|park|erf|donk"
            + "|akker|meers|beemd|kouter|hoeve|brink|hout|burg|hage|straete";
    private static final String STREET_PREFIX = "(?:(?:Koning|Koningin|Prins|Prinses|Sint|Burgemeester|Generaal|Pastoor"
            + "|Dokter|Dr\\.|Professor|Prof\\.|Kardinaal|Graaf|Gravin|Hertog|Van|Vander|Vanden|De|Den|Der|Het|Ter|Ten"
            + "|Oude|Oud|Nieuwe|Grote|Groot|Kleine|Klein|Korte|Lange|Hoge|Lage|Noord|Zuid"
            + "|Oost|West|Jan|Pieter|Willem|Frans|Jozef|Karel|Albert|Leopold|Elisabeth|Julianus|Wilhelmina|Juliana"
            + "|Beatrix|Hendrik|Emile|Gustaaf|Louis|Maria|Onze|Lieve|Vrouw)\\s+){0,3}";
    private static final String HOUSE_NUMBER = "\\d{1,4}(?:\\s?[a-zA-Z](?![\\p{L}]))?(?:[-/]\\d{1,4})?"
            + "(?:\\s*(?:,\\s*)?(?:bus|box|bte\\.?)\\s*\\d{1,4}[a-zA-Z]?)?";
    private static final String POSTCODE_CITY = "(?:,?\\s+(?:\\d{4}\\s?[A-Z]{2}(?![\\p{L}])|[1-9]\\d{3})\\s+"
            + UPPER_WORD + "(?:[ -](?:aan|op|bij|in|den|de)?\\s?" + UPPER_WORD + ")?)";
    private static final Pattern STREET_ADDRESS = Pattern.compile("(?<![\\p{L}])(" + STREET_PREFIX
            + "(?:\\p{Lu}[\\p{L}'’-]{0,40}?(?:" + STRONG_SUFFIX + ")|(?<=\\s)(?:Markt|Dijk|Kaai|Vest|Wal|Plein|Dreef|Laan"
            + "|Singel|Gracht|Kade|Steenweg|Baan|Weg|Straat|Lei|Hof)))\\s+(" + HOUSE_NUMBER + ")(?![\\d])"
            + POSTCODE_CITY + "?");
    private static final Pattern WEAK_STREET_ADDRESS = Pattern.compile("(?<![\\p{L}])(" + STREET_PREFIX
            + "\\p{Lu}[\\p{L}'’-]{0,40}?(?:" + WEAK_SUFFIX + "))\\s+(" + HOUSE_NUMBER + ")(?![\\d])" + POSTCODE_CITY);
    private static final Pattern FRENCH_ADDRESS = Pattern.compile("(?<![\\p{L}])(?:Rue|Avenue|Av\\.|Chaussée|Boulevard"
            + "|Bd|Place|Quai|Square|Clos|Allée|Impasse|Drève)\\s+(?:(?:de|du|des|de la|de l'|d')\\s*)?" + UPPER_WORD
            + "(?:\\s+" + UPPER_WORD + "){0,2},?\\s+" + HOUSE_NUMBER + "(?![\\d])" + POSTCODE_CITY + "?");
    private static final Set<String> NOT_STREETS = Set.of("onderweg", "halfweg", "halverwege", "zoweg", "midweg",
            "thuisweg", "terugweg", "heenweg", "uitweg", "omweg", "levenslijn", "zelfmoordlijn", "hulplijn", "tijdlijn",
            "richtlijn", "deadlijn", "stippellijn", "chatlijn", "luisterlijn", "kinderlijn", "jongerenlijn",
            "gedragslijn", "gang", "ingang", "uitgang", "overgang", "voortgang", "toegang", "achteruitgang",
            "vooruitgang", "ondergang", "doorgang", "omgang", "opgang", "afgang", "rondgang", "loopbaan",
            "carrièrebaan", "voetbalbaan", "speelplein", "schoolplein", "marktplein", "hof", "lijn", "dries");

    private static void addresses(String text, List<PiiMatch> out) {
        for (Pattern p : List.of(STREET_ADDRESS, WEAK_STREET_ADDRESS)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                String street = m.group(1);
                String[] words = street.split("\\s+");
                String last = words[words.length - 1].toLowerCase(Locale.ROOT);
                if (NOT_STREETS.contains(last) || (words.length == 1 && isSentenceStart(text, m.start())
                        && last.length() <= 6)) {
                    continue;
                }
                int start = m.start(1);
                // Leading prefix words that are really sentence words ("De", "Het" at a sentence start
                // followed by a street) stay part of the street name; that is how such streets are written.
                add(out, text, start, trimEnd(text, m.end()), PiiKind.ADDRESS);
            }
        }
        Matcher f = FRENCH_ADDRESS.matcher(text);
        while (f.find()) {
            add(out, text, f.start(), trimEnd(text, f.end()), PiiKind.ADDRESS);
        }
    }

    private static int trimEnd(String text, int end) {
        int e = end;
        while (e > 0 && (Character.isWhitespace(text.charAt(e - 1)) || text.charAt(e - 1) == ',')) {
            e--;
        }
        return e;
    }

    // ---------------------------------------------------------------- school classes

    private static final String CLASS = "(?:(?:klas|class|groep|group|year|jaar|leerjaar)\\s+\\d{1,2}[A-Za-z]{0,2}(?![\\p{L}\\p{N}])"
            + "|\\d{1,2}\\s?(?:vmbo|havo|vwo|mavo|gymnasium|atheneum|aso|tso|bso|kso|hbo|mbo)(?:[-/][a-z]{1,3})?"
            + "|(?:klas|class)\\s+\\p{L}{1,2}\\d?(?![\\p{L}\\p{N}])"
            + "|\\d[A-Z]{1,2}(?![\\p{L}\\p{N}])"
            + "|(?:het\\s+|the\\s+)?(?:eerste|tweede|derde|vierde|vijfde|zesde|zevende|\\d(?:ste|de|e))\\s+"
            + "(?:jaar|middelbaar|leerjaar|graad|klas))";
    private static final String SCHOOL_WORD = "(?:college|lyceum|atheneum|instituut|institute|school|gymnasium|campus"
            + "|academie|scholengemeenschap|scholencampus|schoolgemeenschap|collège)";
    private static final String NAME_WORD = "\\p{Lu}[\\p{L}'’.-]{0,40}";
    private static final String SCHOOL_NAME = "(?:(?:basisschool|middelbare school|school|campus)\\s+" + NAME_WORD
            + "(?:\\s" + NAME_WORD + "){0,3}"
            + "|(?:(?:" + NAME_WORD + "|GO!|KA|SG|van|de|der|den|voor)\\s){0,4}\\p{Lu}[\\p{L}'’.-]{0,40}" + SCHOOL_WORD
            + "(?:\\s\\p{Lu}[\\p{L}'’-]{0,40}){0,2}"
            + "|(?:(?:" + NAME_WORD + "|GO!|KA|SG)\\s){1,4}(?i:" + SCHOOL_WORD + ")(?:\\s\\p{Lu}[\\p{L}'’-]{0,40}){0,2}"
            + "|(?:Atheneum|College|Lyceum|Instituut|Gymnasium|Campus|Academie|Scholengemeenschap)"
            + "(?:\\s\\p{Lu}[\\p{L}'’-]{0,40}){1,2}"
            + "|(?:Sint|Heilig|Onze-Lieve-Vrouw|O\\.-L\\.-V\\.|Don Bosco|Koninklijk Atheneum|KA|GO!)[\\p{L}'’.-]{0,40}"
            + "(?:\\s\\p{Lu}[\\p{L}'’-]{0,40}){0,3})";
    private static final Pattern SCHOOL_CLASS = Pattern.compile("(?<![\\p{L}\\p{N}])(" + CLASS
            + ")\\s+(?:van|op|aan|in|uit|at|of|from)\\s+(?:het\\s+|de\\s+|the\\s+)?(" + SCHOOL_NAME + ")");

    private static void schools(String text, List<PiiMatch> out) {
        Matcher m = SCHOOL_CLASS.matcher(text);
        while (m.find()) {
            int end = trimEnd(text, m.end());
            while (end > m.start(2) && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '\'')) {
                end--;
            }
            add(out, text, m.start(1), end, PiiKind.SCHOOL);
        }
    }

    // ---------------------------------------------------------------- names

    /** A word, hyphenated parts included; one character class, so no regex recursion on long runs. */
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}'’-]*");
    private static final Set<String> PARTICLES = Set.of("van", "de", "der", "den", "ter", "ten", "te", "'t", "het",
            "el", "al", "ben", "bin", "ait", "da", "di", "du", "le", "la", "dos", "das", "von", "vanden", "vander",
            "op", "in");
    private static final Set<String> ROLE_WORDS = Set.of("jongen", "meisje", "meid", "zoon", "zoontje", "dochter",
            "dochtertje", "broer", "broertje", "zus", "zusje", "neef", "nicht", "nichtje", "vriend", "vriendin",
            "vriendje", "vriendinnetje", "lief", "leerling", "leerlinge", "kleinzoon", "kleindochter", "klasgenoot",
            "klasgenote", "genaamd", "heet", "heette", "noemt", "boy", "girl", "son", "daughter", "brother", "sister",
            "friend", "boyfriend", "girlfriend", "student", "pupil", "classmate", "named", "called", "cousin");
    private static final Pattern AGE_AFTER = Pattern.compile(
            "^\\s?(?:\\(\\s?(\\d{1,2})\\s?(?:jaar|j\\.?|jr\\.?|y|yrs?|years?)?\\s?(?:[),;]|$)"
                    + "|,\\s?(\\d{1,2})\\s?(?:jaar|j\\.?|years? old)?\\s?[,)]"
                    + "|\\s(?:van|of|aged)\\s(\\d{1,2})\\s(?:jaar|years? old)(?![\\p{L}\\p{N}-]))");
    /** "Jens van 14 op het plein": only after a lexicon name ("de Chiro van 15 leden" is no age). */
    private static final Pattern BARE_AGE_AFTER = Pattern.compile("^\\s(?:van|aged)\\s(\\d{1,2})(?![\\p{L}\\p{N}-])");
    private static final Pattern AGE_BEFORE = Pattern.compile(
            "(?i)(\\d{1,2})[- ](?:jarige|jarig|year-old|years old|yo)\\s+$");

    private record Token(String word, int start, int end) {
    }

    /**
     * Words before a name of an adult in a young person's life ("meneer Janssens", "juf Ellen",
     * "trainer Kevin", "haar ex Dave"): any capitalised word after them is taken for a name.
     */
    private static final Set<String> ADULT_TITLES = Set.of("meneer", "mijnheer", "mevrouw", "mevr", "dhr", "mr",
            "mrs", "ms", "miss", "sir", "juf", "juffrouw", "meester", "trainer", "trainster", "coach", "ex",
            "leerkracht", "leraar", "lerares", "teacher", "mentor", "begeleider", "begeleidster", "opvoeder",
            "opvoedster", "monitor", "animator", "oom", "nonkel", "tante", "uncle", "aunt", "auntie", "buurman",
            "buurvrouw", "stiefvader", "stiefmoeder", "stiefpa", "stiefma", "plusvader", "plusmoeder", "plusmama",
            "pluspapa", "opa", "oma", "dokter", "dr", "directeur", "directrice", "agent", "wijkagent", "chauffeur",
            "baas", "manager", "werkgever", "principal", "mister", "vriendje", "ex-vriend", "ex-vriendin",
            "stepdad", "stepmum", "stepmom", "neighbour", "neighbor");
    /** Words that make the next capitalised word part of a place or title, not a person ("Sint Jan", "Prinses Amalia"). */
    private static final Set<String> NOT_BEFORE_NAMES = Set.of("sint", "st", "heilige", "heilig", "saint", "koning",
            "koningin", "prins", "prinses", "keizer", "paus", "king", "queen", "prince", "princess", "lady", "lord",
            "hotel", "café", "cafe", "restaurant", "camping", "villa", "residentie", "hurricane", "storm", "orkaan",
            "operatie", "operation", "project", "team", "club", "the");
    private static final Pattern STREET_WORD = Pattern.compile("(?i).{2,}(?:" + STRONG_SUFFIX + ")");

    private void names(String text, List<PiiMatch> out) {
        List<Token> tokens = new ArrayList<>();
        Matcher w = WORD.matcher(text);
        while (w.find()) {
            int end = w.end();
            while (end > w.start() + 1 && "-'’".indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            tokens.add(new Token(text.substring(w.start(), end), w.start(), end));
        }
        TitleCaseLines titleCaseLines = new TitleCaseLines(text);
        String lowerText = text.toLowerCase(Locale.ROOT);
        int covered = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.start < covered || t.word.length() < 2) {
                continue;
            }
            // "Emma's account": look the name up without the possessive, which is not part of the name.
            Token name = withoutPossessive(t);
            boolean possessive = name != t;
            String lower = key(name.word);
            if (notNames.contains(lower)) {
                continue;
            }
            boolean capitalised = isCapitalised(name.word);
            boolean allCaps = isAllCaps(name.word);
            boolean upper = capitalised || allCaps;
            if (insideUserName(text, name)) {
                continue; // "gamer_lars07", "jan.peeters09": part of a user name or address, reported as such
            }
            String firstPart = lower.split("-")[0];
            // "Anne-Sophie" is a name, "mark-up" is not: a hyphenated word counts when capitalised.
            boolean known = firstNames.contains(lower) || capitalised && firstNames.contains(firstPart);
            boolean ambiguous = ambiguousNames.contains(lower) || ambiguousNames.contains(firstPart);
            boolean contextOnly = contextOnlyNames.contains(lower);
            Token prev = i > 0 ? tokens.get(i - 1) : null;
            String prevKey = prev == null ? "" : key(prev.word);
            if (!upper && PARTICLES.contains(lower) && prev != null && ADULT_TITLES.contains(prevKey)
                    && gapIsSpaceOrDot(text, prev, t)) {
                // "meneer de Boer", "mevrouw van Dijk": the particle starts the surname.
                int end = surnameEnd(text, tokens, i, false);
                if (end > t.end) {
                    addName(out, text, t.start, end);
                    covered = end;
                }
                continue;
            }
            if (!upper && !known && !surnames.contains(lower)) {
                continue; // most words: cheap exit
            }
            if (!upper && afterNumber(text, t.start)) {
                continue; // "12 jan", "3 max": a month or a word after a number, not a name
            }
            if (NOT_BEFORE_NAMES.contains(prevKey) && gapIsSpace(text, prev, t)) {
                continue;
            }
            int phrase = publicPhraseEnd(lowerText, t.start);
            if (phrase > 0) {
                covered = phrase; // "Jan Modaal", "Amber Alert", "Victoria's Secret", a public figure
                continue;
            }
            boolean titleCase = titleCaseLines.contains(t.start);
            boolean sentenceStart = isSentenceStart(text, t.start);
            if (titleCase && !known) {
                // In an English headline every word is capitalised: only lexicon names count there.
                continue;
            }
            int end = possessive ? name.end : surnameEnd(text, tokens, i, allCaps);
            if (end < 0) {
                continue;
            }
            boolean surname = end > name.end;
            String after = text.substring(end, Math.min(text.length(), end + 40));
            boolean ageAfter = !possessive && (ageIsYoung(after) || APPOSITION.matcher(after).find()
                    || (known && BARE_AGE_AFTER.matcher(after).find() && youngAge(BARE_AGE_AFTER, after)));
            boolean afterRole = prev != null && ROLE_WORDS.contains(prevKey) && onlySpaceOrComma(text, prev.end, t.start);
            boolean afterTitle = prev != null && ADULT_TITLES.contains(prevKey) && gapIsSpaceOrDot(text, prev, t);
            boolean afterAge = AGE_BEFORE.matcher(text.substring(Math.max(0, t.start - 16), t.start)).find();
            boolean found;
            if (afterRole || afterAge || afterTitle) {
                // "meisje Sara", "named Amina", "15-jarige Sara", "meneer Janssens", "juf ellen", "trainer Kevin";
                // but "a 15-year-old said": a name that is also a verb counts only capitalised there.
                found = upper || known && !PERSON_VERBS.contains(lower) || surnames.contains(lower);
            } else if (ageAfter) {
                // "Lotte (15)", "Sam, 15,": mid-sentence any capitalised word; at a sentence start a
                // lexicon name, or any word directly followed by the age in brackets.
                found = known || upper && (!sentenceStart || after.startsWith(" (") || after.startsWith("("));
            } else if (contextOnly) {
                // "May", "Hoop", "Milan": a month, a word or a city far more often than a name.
                found = surname && upper && surnames.contains(lastWord(text, t.start, end));
            } else if (ambiguous) {
                // "Roos", "Will", "Mark", "Jade": a name when capitalised mid-sentence or with a surname.
                found = upper && !titleCase && (!sentenceStart || surname && !possessive
                        || i + 1 < tokens.size() && PERSON_VERBS.contains(key(tokens.get(i + 1).word))
                                && gapIsSpace(text, t, tokens.get(i + 1)));
            } else if (known) {
                // A common first name on its own, in any case: "Lotte", "lotte", "LOTTE".
                found = true;
            } else {
                // "Xandro Peeters": an unknown capitalised word before a common surname, mid-sentence.
                found = capitalised && !sentenceStart && !titleCase && surname
                        && surnames.contains(lastWord(text, t.start, end));
            }
            if (found) {
                addName(out, text, t.start, end);
                covered = end;
            }
        }
    }

    /** Verbs that say the word before them is a person: "Merel vertelde", "Will said". */
    private static final Set<String> PERSON_VERBS = Set.of("said", "says", "told", "tells", "asked", "asks", "wants",
            "wanted", "texted", "posted", "called", "zei", "zegt", "vertelde", "vertelt", "vroeg", "vraagt", "belde",
            "belt", "stuurde", "stuurt", "schreef", "postte", "deelde", "huilde", "wilde", "kwam", "heeft");

    private static boolean insideUserName(String text, Token t) {
        char before = t.start > 0 ? text.charAt(t.start - 1) : ' ';
        char after = t.end < text.length() ? text.charAt(t.end) : ' ';
        char afterNext = t.end + 1 < text.length() ? text.charAt(t.end + 1) : ' ';
        return before == '_' || before == '@' || before == '.' && t.start > 1 && Character.isLetterOrDigit(text.charAt(t.start - 2))
                || after == '_' || after == '@' || Character.isDigit(after)
                || (after == '.' || after == '#') && Character.isLetterOrDigit(afterNext);
    }

    private static boolean afterNumber(String text, int pos) {
        int i = pos - 1;
        while (i >= 0 && text.charAt(i) == ' ') {
            i--;
        }
        return i >= 0 && i < pos - 1 && Character.isDigit(text.charAt(i));
    }

    private static boolean gapIsSpace(String text, Token a, Token b) {
        String gap = text.substring(a.end, b.start);
        return gap.equals(" ") || gap.equals("-");
    }

    /** Titles written abbreviated, with a full stop before the name ("mevr. Peeters", "Dr. Jansen"). */
    private static final Set<String> ABBREVIATED_TITLES = Set.of("mevr", "dhr", "mr", "mrs", "ms", "dr");

    /**
     * "juf Ellen", "coach: Kevin", "Mr. Smith". A full stop after a title that is a whole word ends a
     * sentence ("op vraag van de mentor. Bijna iedereen ..."), so the next word is no name.
     */
    private static boolean gapIsSpaceOrDot(String text, Token a, Token b) {
        String gap = text.substring(a.end, b.start);
        return gap.equals(" ") || gap.equals(": ") || gap.equals(", ")
                || gap.equals(". ") && ABBREVIATED_TITLES.contains(key(a.word));
    }

    /** End of a public name or fixed phrase starting at {@code start}, or -1. */
    private int publicPhraseEnd(String lowerText, int start) {
        for (String p : publicNames) {
            if (lowerText.startsWith(p, start)) {
                int end = start + p.length();
                if (end == lowerText.length() || !Character.isLetterOrDigit(lowerText.charAt(end))) {
                    return end;
                }
            }
        }
        return -1;
    }

    /** At least three letters, all upper case ("LOTTE"); "CLB" is excluded by the lexicons, not here. */
    private static boolean isAllCaps(String word) {
        if (word.length() < 3) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLetter(c) && !Character.isUpperCase(c)) {
                return false;
            }
        }
        return true;
    }

    /** Which lines of a text are Title Case headlines; computed once per text. */
    private static final class TitleCaseLines {
        private final java.util.BitSet positions = new java.util.BitSet();

        TitleCaseLines(String text) {
            int start = 0;
            while (start <= text.length()) {
                int end = text.indexOf('\n', start);
                if (end < 0) {
                    end = text.length();
                }
                if (isTitleCase(text.substring(start, end))) {
                    positions.set(start, end + 1);
                }
                start = end + 1;
            }
        }

        boolean contains(int pos) {
            return positions.get(pos);
        }
    }

    /** "Jonas, een jongen van 15," / "Noor, a 14-year-old girl,": an apposition that makes a name a young person's. */
    private static final Pattern APPOSITION = Pattern.compile("^,\\s(?:een|a|an|de|the|onze|our)\\s(?:\\d{1,2}-?(?:jarige|year-old)\\s)?"
            + "(?:jongen|meisje|meid|tiener|jongere|leerling|leerlinge|boy|girl|teen|teenager|student|pupil)\\b");

    private static Token withoutPossessive(Token t) {
        // "'s", "’s", "'" or "’" at the end, without a regex per word (this runs for every word).
        String w = t.word;
        int n = w.length();
        int cut = n >= 2 && w.charAt(n - 1) == 's' && isApostrophe(w.charAt(n - 2)) ? n - 2
                : n >= 1 && isApostrophe(w.charAt(n - 1)) ? n - 1 : -1;
        if (cut >= 2) {
            return new Token(w.substring(0, cut), t.start, t.start + cut);
        }
        return t;
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '’';
    }

    private static boolean youngAge(Pattern p, String after) {
        Matcher m = p.matcher(after);
        if (!m.find()) {
            return false;
        }
        int age = Integer.parseInt(m.group(1));
        return age >= 6 && age <= 25;
    }

    private static boolean ageIsYoung(String after) {
        Matcher m = AGE_AFTER.matcher(after);
        if (!m.find()) {
            return false;
        }
        String g = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        int age = Integer.parseInt(g);
        return age >= 6 && age <= 25;
    }

    private void addName(List<PiiMatch> out, String text, int start, int end) {
        String name = text.substring(start, end);
        if (publicNames.contains(key(name))) {
            return;
        }
        add(out, text, start, end, PiiKind.NAME);
    }

    private static final Set<String> ORGANISATION_WORDS = Set.of("instituut", "institute", "centrum", "center",
            "centre", "college", "school", "stichting", "vzw", "fonds", "foundation", "universiteit", "university",
            "hogeschool", "academie", "academy", "ziekenhuis", "bibliotheek", "museum", "prijs", "award", "lezing",
            "lecture", "huis", "zaal", "park", "plein", "straat", "laan", "fund", "trust", "project", "festival",
            "campus", "lyceum", "atheneum", "gymnasium", "kliniek", "clinic", "hotel", "cafe", "café", "arena",
            "stadion", "stadium", "theater", "theatre", "show", "podcast", "channel", "kanaal");

    /**
     * End of the name starting at token i: the token plus a surname (with particles): a capitalised
     * word, an all-caps word after an all-caps first name, or a common surname in any case; -1
     * when the words name an organisation or a street ("... Instituut", "Jan Breydelstraat").
     */
    private int surnameEnd(String text, List<Token> tokens, int i, boolean allCaps) {
        int end = tokens.get(i).end;
        int j = i + 1;
        int words = 0;
        while (j < tokens.size() && words < 3) {
            Token next = tokens.get(j);
            if (!text.substring(end, next.start).equals(" ")) {
                break;
            }
            // Particles ("van der", "El") count only when a surname word follows.
            int k = j;
            while (k < tokens.size() && PARTICLES.contains(key(tokens.get(k).word))
                    && text.substring(tokens.get(k - 1).end, tokens.get(k).start).equals(" ")) {
                k++;
            }
            if (k >= tokens.size() || !text.substring(tokens.get(k - 1).end, tokens.get(k).start).equals(" ")) {
                break;
            }
            Token surname = tokens.get(k);
            if (surname.word.length() == 1 && Character.isUpperCase(surname.word.charAt(0))
                    && surname.end < text.length() && text.charAt(surname.end) == '.') {
                // An initial: "Mohammed B." ends the name.
                end = surname.end + 1;
                break;
            }
            String sk = key(surname.word);
            if (ORGANISATION_WORDS.contains(sk) || STREET_WORD.matcher(sk).matches() && !surnames.contains(sk)) {
                return -1; // "Hannah Arendt Instituut", "Jan Breydelstraat": an organisation or a street
            }
            // "LOTTE PEETERS" is a name, "SEPPE ZIT VAST" is a shouted sentence: all caps only for known surnames.
            boolean looksLikeSurname = !allCaps && isCapitalised(surname.word) || surnames.contains(sk);
            if (!looksLikeSurname || notNames.contains(sk)) {
                break;
            }
            end = surname.end;
            words++;
            j = k + 1;
        }
        return end;
    }

    /** The last word of a name span, e.g. the surname of "May van Dijk". */
    private static String lastWord(String text, int start, int end) {
        int space = text.lastIndexOf(' ', end - 1);
        return key(text.substring(Math.max(start, space + 1), end));
    }

    private static boolean onlySpaceOrComma(String text, int from, int to) {
        String between = text.substring(from, to);
        return between.matches("\\s?,?\\s?") && !between.isEmpty();
    }

    /** Starts with an upper-case letter and has at least one lower-case letter (so not "CLB"). */
    private static boolean isCapitalised(String word) {
        if (word.length() < 2 || !Character.isUpperCase(word.charAt(0))) {
            return false;
        }
        for (int i = 1; i < word.length(); i++) {
            if (Character.isLowerCase(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** True when the word at {@code pos} starts a sentence, a line or a quotation. */
    static boolean isSentenceStart(String text, int pos) {
        int i = pos - 1;
        while (i >= 0) {
            char c = text.charAt(i);
            if (c == '\n' || c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '…' || c == '|') {
                return true;
            }
            if (Character.isWhitespace(c) || c == '"' || c == '“' || c == '”' || c == '\'' || c == '‘' || c == '('
                    || c == '*' || c == '_' || c == '#' || c == '-' || c == '–' || c == '—' || c == '>') {
                i--;
                continue;
            }
            return false;
        }
        return true;
    }

    /** True when a line is written in Title Case (English headlines). */
    private static boolean isTitleCase(String line) {
        if (line.length() > 120) {
            return false;
        }
        int words = 0;
        int capitalised = 0;
        Matcher m = WORD.matcher(line);
        while (m.find()) {
            if (m.group().length() >= 4) {
                words++;
                if (Character.isUpperCase(m.group().charAt(0))) {
                    capitalised++;
                }
            }
        }
        return words >= 3 && capitalised * 10 >= words * 7;
    }
}
