package org.vindplaats.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The source policy (docs/plugin-authoring.md): the platform's own help, safety and terms pages
 * first, then Flemish and Dutch expert sources; never news aggregators or content farms. The
 * domains to avoid are a plain list in the repo ({@code unreliable-domains.txt}), so a knowledge
 * centre can propose one without touching code.
 */
public final class SourcePolicy {

    private static final Set<String> UNRELIABLE = load();

    private SourcePolicy() {
    }

    /** The listed domain {@code url} is on (also its subdomains), if any. */
    public static Optional<String> unreliableDomain(String url) {
        String host;
        try {
            host = URI.create(url.strip()).getHost();
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // the schema reports a malformed URL
        }
        if (host == null) {
            return Optional.empty();
        }
        host = host.toLowerCase(Locale.ROOT);
        for (String d : UNRELIABLE) {
            if (host.equals(d) || host.endsWith("." + d)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** The listed domains, in file order. */
    public static Set<String> domains() {
        return UNRELIABLE;
    }

    private static Set<String> load() {
        Set<String> out = new LinkedHashSet<>();
        try (InputStream in = SourcePolicy.class.getResourceAsStream("unreliable-domains.txt")) {
            if (in == null) {
                return out;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null;) {
                line = line.strip().toLowerCase(Locale.ROOT);
                if (!line.isEmpty() && !line.startsWith("#")) {
                    out.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(out);
    }
}
