package org.vindplaats.index;

import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.vindplaats.index.internal.Fields;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.Need;
import org.vindplaats.model.TrendNote;

/**
 * How a trend note becomes a Lucene document: its fields, their types and the facets. Kept apart
 * from {@link NoteIndex} (which decides when notes are written) so the schema is in one place,
 * read by the index when it writes and by the searches through {@link #facetsConfig()}.
 * Thread-safe: a rebuild builds documents on every core.
 */
final class NoteDocuments {

    private static final FieldType BODY_STORED = bodyType(true);
    private static final FieldType BODY_INDEXED = bodyType(false);

    private final FacetsConfig facetsConfig = new FacetsConfig();
    /** The platforms and phenomena a note is indexed with (one rule with the team hub). */
    private final NoteLabels labels;

    NoteDocuments(NoteLabels labels) {
        this.labels = labels;
        facetsConfig.setMultiValued(Fields.PLATFORM, true);
        facetsConfig.setMultiValued(Fields.NEED, true);
        facetsConfig.setMultiValued(Fields.AFFORDANCE, true);
        facetsConfig.setMultiValued(Fields.PHENOMENON, true);
    }

    /** The facet dimensions of the documents, for counting them. */
    FacetsConfig facetsConfig() {
        return facetsConfig;
    }

    /** The Lucene document of a note. */
    Document document(TrendNote n) throws IOException {
        Document d = new Document();
        d.add(new StringField(Fields.ID, n.id(), Field.Store.YES));
        d.add(new SortedDocValuesField(Fields.ID, new BytesRef(n.id())));
        d.add(new NumericDocValuesField(Fields.UPDATED, updatedStamp(n)));
        d.add(new StoredField(Fields.TITLE, n.title()));
        String lang = language(n);
        d.add(new StringField(Fields.LANG, lang, Field.Store.YES));
        // Every note goes into both the Dutch and the English fields: Dutch notes are full of
        // English loanwords and workers search in either language. The body is stored once, in
        // the field of the note's own language (Dutch for unknown languages).
        boolean en = lang.equals("en");
        d.add(new TextField(Fields.TITLE_NL, n.title(), Field.Store.NO));
        d.add(new Field(Fields.BODY_NL, n.body(), en ? BODY_INDEXED : BODY_STORED));
        d.add(new TextField(Fields.TITLE_EN, n.title(), Field.Store.NO));
        d.add(new Field(Fields.BODY_EN, n.body(), en ? BODY_STORED : BODY_INDEXED));
        d.add(new TextField(Fields.ALL, n.title() + "\n" + n.body(), Field.Store.NO));
        d.add(new TextField(Fields.PARTS, n.title() + "\n" + n.body(), Field.Store.NO));
        Set<String> platforms = labels.platforms(n);
        for (String p : platforms) {
            keyword(d, Fields.PLATFORM, p);
        }
        for (Need need : n.needs()) {
            keyword(d, Fields.NEED, need.id());
        }
        for (Affordance a : n.affordances()) {
            keyword(d, Fields.AFFORDANCE, a.id());
        }
        NoteLabels.Indexed phenomena = labels.phenomenaAndLikely(n);
        for (String p : phenomena.phenomena()) {
            keyword(d, Fields.PHENOMENON, p);
            d.add(new StoredField(Fields.PHENOMENON, p));
        }
        // The model's share per likely phenomenon, as a feature: a resemblance to a phenomenon's
        // examples only counts for notes the model also finds somewhat likely (see NoteSearcher).
        phenomena.likely().forEach((p, share) -> d.add(new FeatureField(Fields.PHENOMENON_LIKELY, p,
                (float) Math.max(share, Float.MIN_NORMAL))));
        for (String p : phenomena.first()) {
            d.add(new StringField(Fields.PHENOMENON_FIRST, p, Field.Store.NO));
        }
        if (n.polarity() != null) {
            keyword(d, Fields.POLARITY, n.polarity().id());
        }
        if (n.urgency() != null) {
            keyword(d, Fields.URGENCY, n.urgency().id());
        }
        if (n.observed() != null) {
            d.add(new LongField(Fields.OBSERVED, n.observed().toEpochDay(), Field.Store.NO));
            d.add(new StoredField(Fields.OBSERVED_STORED, n.observed().toString()));
            d.add(new SortedSetDocValuesFacetField(Fields.MONTH, n.observed().toString().substring(0, 7)));
        }
        return facetsConfig.build(d);
    }

    private static void keyword(Document d, String field, String value) {
        d.add(new StringField(field, value, Field.Store.NO));
        d.add(new SortedSetDocValuesFacetField(field, value));
    }

    private static String language(TrendNote n) {
        String l = n.language() == null ? "" : n.language().strip().toLowerCase(Locale.ROOT);
        if (l.startsWith("nl") || l.equals("dutch") || l.equals("vls")) {
            return "nl";
        }
        if (l.startsWith("en") || l.equals("english")) {
            return "en";
        }
        return Fields.LANG_UNKNOWN;
    }

    /** The note's last change as one number; compared (not ordered) by {@link NoteIndex#sync}. */
    static long updatedStamp(TrendNote n) {
        Instant t = n.updated() != null ? n.updated() : n.created();
        if (t == null) {
            return 0;
        }
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }


    private static FieldType bodyType(boolean stored) {
        FieldType t = new FieldType(stored ? TextField.TYPE_STORED : TextField.TYPE_NOT_STORED);
        // Offsets in the postings make highlighting fast (no re-analysis of the text).
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        t.freeze();
        return t;
    }


}
