package org.vindplaats.hub;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.util.NamedList;
import org.vindplaats.index.IndexConfig;
import org.vindplaats.index.RemoteQuery;
import org.vindplaats.index.SearchResult;

/**
 * Turns a search in the local syntax into a Solr request, and Solr's answer into a result.
 * The query is read by the local index's own reader ({@link RemoteQuery}), so field names,
 * values, periods and hints are the same in both places. Weights follow the local index: the
 * words in title and text (edismax), and, as separate optional clauses, notes tagged with a
 * phenomenon the words name or a narrower one, with a need the words name, or with a platform
 * the words name, so such notes are found also when they use none of the words.
 */
final class HubQueries {

    /** As QueryTranslator: a phenomenon match weighs like a strong word match, a need less, a platform least. */
    static final float PHENOMENON_WEIGHT = 6f;
    static final float NEED_WEIGHT = 2f;
    static final float PLATFORM_WEIGHT = 1.5f;
    /** The facet dimensions, in the local index's order, and the team (where teams meet). */
    /** The local index's facet fields (the schema names them alike), and the team in the shared collection. */
    static final List<String> FACETS = java.util.stream.Stream.concat(org.vindplaats.index.FacetFields.ALL.stream(),
            java.util.stream.Stream.of("team")).toList();
    static final int FACET_VALUES = 20;
    /** Marks around a found word in Solr's snippet; turned into ranges (never shown). */
    private static final String PRE = "\u0002";
    private static final String POST = "\u0003";
    private static final String TEXT_FIELDS = "title_nl^2 title_en^2 body_nl body_en parts^0.5";

    private HubQueries() {
    }

    /** The request, its handler, and how the query was read. */
    record Built(SolrQuery solr, String path, RemoteQuery read) {
    }

    /** Up to this many rows a shard sends its notes' fields with its first answer (see {@link #fewerRoundTrips}). */
    static final int SINGLE_PASS_ROWS = 100;

    /**
     * Fewer requests inside the cluster for one search (interleaved A/B on 20 000 notes: p50 and p95 0.55x to 0.9x):
     * each shard is asked on a replica of the node that received the search when it holds one,
     * and for a screen of results each shard sends the fields of its best notes with its scores
     * instead of in a second request. Not for long lists: every shard would send all its rows.
     */
    static void fewerRoundTrips(SolrQuery s, int rows) {
        s.set("shards.preference", "replica.location:local");
        if (rows <= SINGLE_PASS_ROWS) {
            s.set("distrib.singlePass", true);
        }
    }

    static Built build(Hub.Query q, IndexConfig config) {
        return build(q, config, false);
    }

    /**
     * @param sampleFirst count the facets in a sample first ({@link #facetsToCount}): for the
     *                    shared collection, which pools millions of notes; a team's collection
     *                    holds thousands, and its facets are counted exactly in the one request
     */
    static Built build(Hub.Query q, IndexConfig config, boolean sampleFirst) {
        RemoteQuery read = RemoteQuery.reader(config).read(q.like() != null ? "" : q.text() == null ? "" : q.text());
        SolrQuery s = new SolrQuery();
        s.setRows(Math.max(0, q.rows()));
        s.setFields("id", "title", "observed", "platform", "team", "need", "phenomenon", "score");
        if (q.like() != null) {
            // Similar notes: Solr's more-like-this on the note's text, the note itself left out.
            s.setQuery("id:" + ClientUtils.escapeQueryChars(q.like()));
            s.set("mlt.fl", "body_nl,body_en");
            s.set("mlt.mintf", 1);
            s.set("mlt.mindf", 1);
            s.set("mlt.match.include", false);
            filters(s, read, q.team());
            return new Built(s, "/mlt", read);
        }
        List<String> should = new ArrayList<>();
        if (!read.text().isBlank()) {
            s.set("vp_text", read.text());
            s.set("vp_qf", TEXT_FIELDS);
            should.add("{!edismax qf=$vp_qf q.op=OR v=$vp_text}");
            List<String> phenomena = new ArrayList<>();
            read.phenomena().forEach(r -> {
                phenomena.add(r.id());
                phenomena.addAll(r.narrower());
            });
            clause(s, should, "phenomenon", phenomena, PHENOMENON_WEIGHT);
            clause(s, should, "need", read.needs(), NEED_WEIGHT);
            clause(s, should, "platform", read.platforms(), PLATFORM_WEIGHT);
        }
        if (should.isEmpty()) {
            s.setQuery("*:*");
        } else {
            for (int i = 0; i < should.size(); i++) {
                s.set("vp_should" + i, should.get(i));
            }
            s.setQuery("{!bool " + java.util.stream.IntStream.range(0, should.size()).mapToObj(i -> "should=$vp_should" + i)
                    .collect(Collectors.joining(" ")) + "}");
        }
        s.set("defType", "lucene");
        filters(s, read, q.team());
        if (q.highlight() && !read.text().isBlank()) {
            s.set("hl", true);
            s.set("hl.method", "unified");
            s.set("hl.fl", "body_nl,body_en");
            s.set("hl.q", "{!edismax qf='body_nl body_en' q.op=OR v=$vp_text}");
            s.set("hl.snippets", 1);
            s.set("hl.fragsize", 180);
            s.set("hl.tag.pre", PRE);
            s.set("hl.tag.post", POST);
            s.set("hl.defaultSummary", true);
        }
        if (q.facets()) {
            s.set("json.facet", facetJson(sampleFirst ? FIRST_SAMPLE_EVERY : 0));
            if (sampleFirst) {
                s.set("partitionKeys", SAMPLE_KEY);
            }
        }
        fewerRoundTrips(s, q.rows());
        return new Built(s, "/select", read);
    }

    /*
     * Facets over very many matches are estimated from a sample, as the local index does
     * (NoteSearcher): counting eight facet fields over 900 000 matching notes took Solr 110-170 ms
     * on the 1M-note hub, over a sample of 1 in 64 about 10 ms. Solr cannot choose between exact and
     * sampled counts by the number of matches within one request, so the search asks for the
     * facets of a 1-in-64 sample (a cached filter of Solr's stock hash query parser on each
     * document's _version_, which every document of a SolrCloud collection has as docValues)
     * and, only when the match count calls for exact counts or another sample, a second request
     * for the facets alone. Only in the shared collection: a team's is small, and one request
     * with exact counts is quicker there.
     */
    /** Up to this many matches facets are counted exactly (as the local index: NoteSearcher.sampleAbove). */
    static final long SAMPLE_ABOVE = 50_000;
    /** About how many matching notes a facet sample should hold. */
    static final long SAMPLE_SIZE = 10_000;
    /** The first request's sample: 1 in this many notes. */
    static final int FIRST_SAMPLE_EVERY = 64;
    /** The field the sample is drawn by. */
    static final String SAMPLE_KEY = "_version_";

    /** The JSON facets: exactly ({@code every} 0), or in a sample of 1 in {@code every} matching notes. */
    static String facetJson(int every) {
        StringBuilder json = new StringBuilder("{");
        for (String f : FACETS) {
            json.append(json.length() > 1 ? "," : "").append(f).append(":{type:terms,field:").append(f)
                    .append(",limit:").append(f.equals("month") ? 120 : FACET_VALUES).append(",mincount:1")
                    .append(f.equals("month") ? ",sort:\"index desc\"" : "").append("}");
        }
        json.append("}");
        return every == 0 ? json.toString()
                : "{sample:{type:query,q:\"{!hash workers=" + every + " worker=0}\",facet:" + json + "}}";
    }

    /**
     * How the facets of a search with {@code matches} notes are counted, given the first request's
     * sample of {@code firstSample} notes: -1 uses that sample (it holds between one and eight
     * times {@link #SAMPLE_SIZE} notes); 0 counts them exactly; otherwise 1 in so many notes.
     */
    static int facetsToCount(long matches, long firstSample) {
        if (matches <= SAMPLE_ABOVE) {
            return 0;
        }
        if (firstSample >= SAMPLE_SIZE && firstSample <= 8 * SAMPLE_SIZE) {
            return -1;
        }
        return (int) Math.max(2, Math.min(1 << 30, Long.highestOneBit(matches / SAMPLE_SIZE)));
    }

    /** The same search for its facets alone, counted as {@link #facetJson} says. */
    static SolrQuery facetsOnly(Built built, int every) {
        SolrQuery s = built.solr().getCopy();
        s.setRows(0);
        s.remove("hl");
        s.remove("distrib.singlePass");
        s.set("json.facet", facetJson(every));
        return s;
    }

    /** How many notes the first request's facet sample held (0 without facets). */
    static long sampleCount(QueryResponse r) {
        return r.getResponse().get("facets") instanceof NamedList<?> all && all.get("sample") instanceof NamedList<?> sample
                && sample.get("count") instanceof Number n ? n.longValue() : 0;
    }

    /** An optional clause: notes with one of {@code values} in {@code field}, with a fixed weight. */
    private static void clause(SolrQuery s, List<String> should, String field, List<String> values, float weight) {
        if (!values.isEmpty()) {
            should.add(field + ":(" + values.stream().distinct().map(HubQueries::quoted).collect(Collectors.joining(" OR "))
                    + ")^=" + weight);
        }
    }

    /** Field filters, the period and the excluded words, as filter queries (cached by Solr). */
    private static void filters(SolrQuery s, RemoteQuery read, String team) {
        if (team != null) {
            s.addFilterQuery("team:" + quoted(team));
        }
        read.include().forEach((field, values) -> s.addFilterQuery(
                field + ":(" + values.stream().distinct().map(HubQueries::quoted).collect(Collectors.joining(" OR ")) + ")"));
        read.exclude().forEach((field, values) -> s.addFilterQuery(
                "-" + field + ":(" + values.stream().distinct().map(HubQueries::quoted).collect(Collectors.joining(" OR ")) + ")"));
        if (read.from() != null || read.to() != null) {
            s.addFilterQuery("observed:[" + (read.from() == null ? "*" : read.from() + "T00:00:00Z") + " TO "
                    + (read.to() == null ? "*" : read.to() + "T00:00:00Z") + "]");
        }
        if (!read.without().isEmpty()) {
            s.set("vp_without", String.join(" ", read.without()));
            s.addFilterQuery("*:* -_query_:\"{!edismax qf='title_nl title_en body_nl body_en' q.op=OR v=$vp_without}\"");
        }
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static Hub.Result result(Hub.Scope scope, QueryResponse r, Built built) {
        return result(scope, r, built, facets(r, 0), false);
    }

    /** The result, with facets counted by another request ({@code facets}, {@code estimated}). */
    static Hub.Result result(Hub.Scope scope, QueryResponse r, Built built, Map<String, Map<String, Long>> facets,
            boolean estimated) {
        Map<String, Map<String, List<String>>> hl = r.getHighlighting() == null ? Map.of() : r.getHighlighting();
        List<Hub.Hit> hits = new ArrayList<>();
        for (SolrDocument d : r.getResults()) {
            String id = String.valueOf(d.getFieldValue("id"));
            Object observed = d.getFieldValue("observed");
            LocalDate day = observed instanceof java.util.Date date
                    ? date.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate() : null;
            String passage = null;
            Map<String, List<String>> byField = hl.getOrDefault(id, Map.of());
            for (String f : List.of("body_nl", "body_en")) {
                List<String> p = byField.get(f);
                if (p != null && !p.isEmpty() && passage == null) {
                    passage = p.get(0);
                }
            }
            List<SearchResult.Range> ranges = new ArrayList<>();
            String snippet = passage == null ? "" : unmark(passage, ranges);
            hits.add(new Hub.Hit(id, String.valueOf(d.getFieldValue("title")), day, strings(d, "platform"),
                    d.getFieldValue("team") == null ? null : String.valueOf(d.getFieldValue("team")), strings(d, "need"),
                    strings(d, "phenomenon"), snippet, ranges));
        }
        return new Hub.Result(scope, r.getResults().getNumFound(), hits, facets, built.read().phenomena(),
                built.read().hints(), estimated);
    }

    /** The snippet without Solr's marks; each marked stretch becomes a range. */
    static String unmark(String marked, List<SearchResult.Range> ranges) {
        StringBuilder out = new StringBuilder(marked.length());
        int start = -1;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == PRE.charAt(0)) {
                start = out.length();
            } else if (c == POST.charAt(0)) {
                if (start >= 0) {
                    ranges.add(new SearchResult.Range(start, out.length()));
                }
                start = -1;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static List<String> strings(SolrDocument d, String field) {
        List<String> out = new ArrayList<>();
        if (d.getFieldValues(field) != null) {
            d.getFieldValues(field).forEach(v -> out.add(String.valueOf(v)));
        }
        return out;
    }

    /**
     * Solr's JSON facets as dimension to value counts, dimensions in {@link #FACETS} order. Counted
     * in a sample, each count is scaled by the matches over the notes in the sample, {@code matches}
     * (0: counted exactly).
     */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Long>> facets(QueryResponse r, long matches) {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        Object facets = r.getResponse().get("facets");
        if (!(facets instanceof NamedList<?> all)) {
            return out;
        }
        double scale = 1;
        if (all.get("sample") instanceof NamedList<?> sample) {
            long inSample = sample.get("count") instanceof Number n ? n.longValue() : 0;
            if (matches == 0 || inSample == 0) {
                return out; // a sample without the search's count says nothing
            }
            scale = (double) matches / inSample;
            all = sample;
        }
        for (String f : FACETS) {
            Object dim = all.get(f);
            if (dim instanceof NamedList<?> nl && nl.get("buckets") instanceof List<?> buckets && !buckets.isEmpty()) {
                Map<String, Long> values = new LinkedHashMap<>();
                for (Object b : buckets) {
                    NamedList<Object> bucket = (NamedList<Object>) b;
                    long count = ((Number) bucket.get("count")).longValue();
                    values.put(String.valueOf(bucket.get("val")).toLowerCase(Locale.ROOT),
                            scale == 1 ? count : Math.max(1, Math.round(count * scale)));
                }
                out.put(f, values);
            }
        }
        return out;
    }
}
