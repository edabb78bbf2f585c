package org.vindplaats.index;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.vindplaats.index.internal.Analysis;
import org.vindplaats.index.internal.PhenomenonMatcher;
import org.vindplaats.index.internal.QueryTranslator;
import org.vindplaats.model.TrendNote;

/**
 * The platforms and phenomena a note is indexed with, beyond its own labels: a platform named in
 * its text counts as one of its platforms, and a phenomenon named in it (any label) or recognised
 * by the plugins' tagger as one of its phenomena. One rule for the local index and the team hub,
 * so a filter such as {@code platform:tiktok} finds the same notes in both. Thread-safe.
 */
public final class NoteLabels {

    private final IndexConfig config;
    private final Analysis analysis;
    private final QueryTranslator translator;
    private final PhenomenonMatcher phenomena;

    public NoteLabels(IndexConfig config) {
        this.config = config;
        this.analysis = new Analysis(config.synonyms());
        this.phenomena = new PhenomenonMatcher(config.thesaurus(), analysis);
        this.translator = new QueryTranslator(analysis, QueryTranslator.platformNames(config, analysis), phenomena);
    }

    NoteLabels(IndexConfig config, Analysis analysis, QueryTranslator translator, PhenomenonMatcher phenomena) {
        this.config = config;
        this.analysis = analysis;
        this.translator = translator;
        this.phenomena = phenomena;
    }

    /** The note's platforms (lower-cased) and the platforms its title and text name, sorted. */
    public Set<String> platforms(TrendNote n) {
        Set<String> platforms = new TreeSet<>();
        for (String p : n.platforms()) {
            if (p != null && !p.isBlank()) {
                platforms.add(p.strip().toLowerCase(Locale.ROOT));
            }
        }
        platforms.addAll(translator.platformsIn(analysis.words(n.title() + "\n" + n.body())));
        return platforms;
    }

    /**
     * The phenomena a worker gave the note, and unless the worker confirmed them as all of its
     * phenomena (also "none of these"), those it names (any label) and those the tagger recognises
     * in it; thesaurus ids, ids the thesaurus does not know left out.
     */
    public Set<String> phenomena(TrendNote n) {
        return phenomenaAndLikely(n).phenomena();
    }

    /**
     * A note's phenomena ({@link #phenomena}) and those the tagger finds likely without tagging the
     * note with them (see {@link PhenomenonTagger.Tags#likely()}), from one pass of its model. A note
     * whose phenomena the worker confirmed has no likely ones: the worker's word is all there is.
     */
    public Indexed phenomenaAndLikely(TrendNote n) {
        Set<String> ids = new LinkedHashSet<>();
        if (phenomena.isEmpty()) {
            return new Indexed(ids, Map.of(), List.of());
        }
        for (String id : n.phenomena()) {
            if (config.thesaurus().get(id).isPresent()) {
                ids.add(id);
            }
        }
        if (n.isConfirmed(TrendNote.LabelFamily.PHENOMENA)) {
            return new Indexed(ids, Map.of(), List.of()); // the worker's word: what the tagger would add is left out
        }
        for (PhenomenonMatcher.Match m : phenomena.find(n.title() + "\n" + n.body())) {
            ids.add(m.id());
        }
        Map<String, Double> likely = new TreeMap<>();
        List<String> first = new ArrayList<>();
        PhenomenonTagger tagger = config.phenomenonTagger();
        if (tagger != null) {
            PhenomenonTagger.Tags tags = tagger.tag(n);
            for (String id : tags.phenomena()) {
                if (config.thesaurus().get(id).isPresent()) {
                    ids.add(id);
                }
            }
            tags.likely().forEach((id, share) -> {
                if (!ids.contains(id) && config.thesaurus().get(id).isPresent() && share > 0) {
                    likely.put(id, share);
                }
            });
            tags.first().stream().filter(id -> config.thesaurus().get(id).isPresent()).forEach(first::add);
        }
        return new Indexed(ids, likely, first);
    }

    /**
     * What {@link #phenomenaAndLikely} found: the phenomena to index, the likely ones with their
     * share, and the ones the model ranks first.
     */
    public record Indexed(Set<String> phenomena, Map<String, Double> likely, List<String> first) {
    }
}
