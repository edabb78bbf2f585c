package org.vindplaats.suggest;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.TrendNote.LabelFamily;

/**
 * The neighbours' signal: the labelled notes most like a note (Lucene MoreLikeThis over an
 * in-memory BM25 index of their text, in Dutch and English), and how they vote per label.
 */
final class SimilarNotes implements AutoCloseable {

    /** A labelled note like the one suggested: its score, and its similarity relative to the best. */
    record Neighbour(TrainingNotes.Trained note, double weight, double similarity) {
    }

    /** Per label the share of the neighbours' weight that carries it, and those neighbours. */
    record Votes(double total, Map<String, Double> weight, Map<String, List<RankedLabel.Neighbour>> similar) {
        double share(String label) {
            return total == 0 ? 0 : weight.getOrDefault(label, 0.0) / total;
        }
    }

    private static final String[] FIELDS = { "nl", "en" };

    private final TrainingNotes training;
    private final int count;
    private final Analyzer analyzer;
    /*
     * Each file read from one byte array: a search here is dozens of term look-ups in a small
     * index, and with the default (many buffers) each look-up paid for slicing and cloning
     * buffers. Suggesting 3 000 notes took 31 s of CPU instead of 48, the same output.
     */
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory(new SingleInstanceLockFactory(),
            ByteBuffersDataOutput::new, ByteBuffersDirectory.OUTPUT_AS_BYTE_ARRAY);
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    /**
     * @param count how many neighbours vote (0: none)
     * @param which the labelled notes that may be neighbours
     */
    SimilarNotes(TrainingNotes training, int count, Analyzer dutch, Analyzer english, Predicate<TrendNote> which) {
        this.training = training;
        this.count = count;
        this.analyzer = new PerFieldAnalyzerWrapper(dutch, Map.of("en", english));
        try (IndexWriter w = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (int ord = 0; ord < training.size(); ord++) {
                TrendNote n = training.get(ord).note();
                if (!which.test(n)) {
                    continue;
                }
                Document d = new Document();
                d.add(new StringField("id", n.id(), Field.Store.YES));
                d.add(new StoredField("ord", ord));
                String text = LabelSuggester.text(n);
                d.add(new TextField("nl", text, Field.Store.NO));
                d.add(new TextField("en", text, Field.Store.NO));
                w.addDocument(d);
            }
            w.commit();
            reader = DirectoryReader.open(directory);
            searcher = new IndexSearcher(reader);
        } catch (IOException e) {
            // An in-memory directory does not fail on I/O.
            throw new UncheckedIOException(e);
        }
    }

    /** The labelled notes most like {@code text}, best first; never the note itself or a copy with its id. */
    List<Neighbour> of(TrendNote note, String text) {
        if (reader.numDocs() == 0 || count <= 0) {
            return List.of();
        }
        try {
            MoreLikeThis mlt = new MoreLikeThis(reader);
            mlt.setAnalyzer(analyzer);
            mlt.setFieldNames(FIELDS);
            // A small corpus: every word may count, and a word used in one note is the most telling.
            mlt.setMinTermFreq(1);
            mlt.setMinDocFreq(1);
            mlt.setMinWordLen(3);
            mlt.setMaxQueryTerms(40);
            mlt.setBoost(true);
            BooleanQuery.Builder q = new BooleanQuery.Builder();
            for (String field : FIELDS) {
                Query like = mlt.like(field, new StringReader(text));
                q.add(like, Occur.SHOULD);
            }
            q.add(new TermQuery(new Term("id", note.id())), Occur.MUST_NOT);
            TopDocs top = searcher.search(q.build(), count);
            List<Neighbour> out = new ArrayList<>();
            double best = top.scoreDocs.length == 0 ? 1 : top.scoreDocs[0].score;
            for (ScoreDoc sd : top.scoreDocs) {
                int ord = searcher.storedFields().document(sd.doc).getField("ord").numericValue().intValue();
                out.add(new Neighbour(training.get(ord), sd.score, sd.score / best));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How the neighbours that carry the family vote, each with its score as weight. */
    static Votes votes(LabelFamily family, List<Neighbour> neighbours) {
        Map<String, Double> vote = new HashMap<>();
        Map<String, List<RankedLabel.Neighbour>> similar = new HashMap<>();
        double total = 0;
        for (Neighbour n : neighbours) {
            List<String> ids = n.note().labels().ids(family);
            if (ids.isEmpty()) {
                continue;
            }
            total += n.weight();
            for (String l : ids) {
                vote.merge(l, n.weight(), Double::sum);
                similar.computeIfAbsent(l, k -> new ArrayList<>()).add(
                        new RankedLabel.Neighbour(n.note().note().id(), shownTitle(n.note().note()), n.similarity()));
            }
        }
        return new Votes(total, vote, similar);
    }

    /** What an explanation calls a note: its title, or for a note without one (a thesaurus example) its first words. */
    static String shownTitle(TrendNote n) {
        if (!n.title().isBlank()) {
            return n.title();
        }
        String text = n.body().strip().replaceAll("\\s+", " ");
        if (text.length() <= SHOWN_TITLE) {
            return text;
        }
        int cut = text.lastIndexOf(' ', SHOWN_TITLE - 1);
        return text.substring(0, cut > 0 ? cut : SHOWN_TITLE - 1) + "\u2026";
    }

    private static final int SHOWN_TITLE = 60;

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
