package org.vindplaats.hub;

import java.time.LocalDate;
import java.util.Locale;

import org.vindplaats.model.TrendNote;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A trend note as a JSON document of the hub's schema (bundles/org.vindplaats.hub/configset/conf/schema.xml).
 * JSON, not SolrJ's binary format: SolrJ's JDK client streams that through a pipe written by
 * another thread and, in our runs against Solr 9.10, the documents silently never arrived (the
 * write error only goes to SLF4J); a JSON body of known length did.
 */
final class NoteDocuments {

    static final ObjectMapper JSON = new ObjectMapper();

    private NoteDocuments() {
    }

    /** A note's platforms and phenomena as the local index has them (NoteLabels): filters find the same notes here and there. */
    record Labels(java.util.Set<String> platforms, java.util.Set<String> phenomena) {
    }

    static ObjectNode of(TrendNote n, long revision, String team, String origin, Labels labels) {
        ObjectNode d = JSON.createObjectNode();
        d.put("id", n.id());
        d.put("revision", revision);
        d.put("team", team);
        d.put("origin", origin);
        if (n.author() != null && !n.author().isBlank()) {
            d.put("author", n.author());
        }
        // The language picks the analysis, as in the local index: Dutch unless the note says English.
        String lang = "en".equals(n.language()) ? "en" : "nl";
        d.put("lang", lang);
        if (n.observed() != null) {
            d.put("observed", day(n.observed()));
            d.put("month", String.format(Locale.ROOT, "%tY-%<tm", n.observed()));
        }
        if (n.expires() != null) {
            d.put("expires", day(n.expires()));
        }
        d.put("title", n.title());
        // The text is stored once, in its language's field: highlighting reads it from there.
        d.put("title_" + lang, n.title());
        d.put("body_" + lang, n.body());
        ArrayNode platforms = d.putArray("platform");
        labels.platforms().forEach(platforms::add);
        ArrayNode needs = d.putArray("need");
        n.needs().forEach(x -> needs.add(x.id()));
        ArrayNode affordances = d.putArray("affordance");
        n.affordances().forEach(x -> affordances.add(x.id()));
        ArrayNode ph = d.putArray("phenomenon");
        labels.phenomena().forEach(ph::add);
        if (n.polarity() != null) {
            d.put("polarity", n.polarity().id());
        }
        if (n.urgency() != null) {
            d.put("urgency", n.urgency().id());
        }
        return d;
    }

    private static String day(LocalDate d) {
        return d + "T00:00:00Z";
    }
}
