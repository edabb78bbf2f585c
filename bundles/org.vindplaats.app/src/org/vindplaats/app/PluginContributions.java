package org.vindplaats.app;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.osgi.util.NLS;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.vindplaats.app.internal.Messages;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.catalog.GuideReader;
import org.vindplaats.catalog.PluginContent;
import org.vindplaats.catalog.PluginDescriptor;
import org.vindplaats.catalog.PluginInfo;
import org.vindplaats.catalog.Problem;
import org.vindplaats.catalog.ThesaurusReader;
import org.vindplaats.index.IndexConfig;
import org.vindplaats.index.PhenomenonTagger;
import org.vindplaats.model.MethodGuide;
import org.vindplaats.model.Organisation;
import org.vindplaats.model.Platform;
import org.vindplaats.model.Thesaurus;
import org.vindplaats.model.TrendNote;
import org.vindplaats.suggest.LabelledNotes;
import org.vindplaats.suggest.Lexicon;
import org.vindplaats.suggest.LexiconException;
import org.vindplaats.suggest.PhenomenonSuggester;

/**
 * What the installed plugins contribute beyond their catalog entries: platform names and nicknames,
 * and the organisation plugins' lexicons (signal words and youth slang) and labelled notes. The
 * command line and the workbench both configure search and need mapping from here, so they find
 * and suggest alike.
 */
public final class PluginContributions {

    /** Plugin files larger than this are not read (a lexicon is a few hundred kB at most). */
    private static final long MAX_RESOURCE_BYTES = 32L * 1024 * 1024;

    /** What organisation plugins contribute to need mapping: lexicons and labelled notes, and where from. */
    public record Training(Lexicon lexicon, List<TrendNote> examples, List<String> sources) {
    }

    private PluginContributions() {
    }

    /**
     * Reads the {@code lexicon}, {@code examples} and {@code notes} resources of every organisation
     * plugin in use. A broken file is reported to {@code problems} (what is wrong, where, how to fix
     * it) and left out; the other plugins still count.
     */
    public static Training training(Catalog catalog, Consumer<String> problems) {
        return read(catalog, problems, true);
    }

    private static Training read(Catalog catalog, Consumer<String> problems, boolean withNotes) {
        List<Lexicon> lexicons = new ArrayList<>();
        List<TrendNote> examples = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (Map.Entry<PluginInfo, PluginContent> entry : organisationContents(catalog).entrySet()) {
            PluginInfo info = entry.getKey();
            Optional<Organisation> org = catalog.organisation(info.id());
            if (org.isEmpty()) {
                continue;
            }
            PluginContent content = entry.getValue();
            Map<String, String> resources = org.get().resources();
            String lexiconPath = resources.get("lexicon");
            try {
                if (lexiconPath != null) {
                    Optional<byte[]> bytes = content.read(lexiconPath, MAX_RESOURCE_BYTES);
                    if (bytes.isPresent()) {
                        lexicons.add(Lexicon.read(new ByteArrayInputStream(bytes.get()),
                                content.displayName() + "/" + lexiconPath));
                        sources.add(info.id() + ":" + lexiconPath);
                    }
                }
                for (String key : withNotes ? List.of("examples", "notes") : List.<String>of()) {
                    String path = resources.get(key);
                    Optional<byte[]> bytes = path == null ? Optional.empty() : content.read(path, MAX_RESOURCE_BYTES);
                    if (bytes.isPresent()) {
                        try (Reader r = new InputStreamReader(new ByteArrayInputStream(bytes.get()),
                                StandardCharsets.UTF_8)) {
                            examples.addAll(LabelledNotes.readJsonLines(r, content.displayName() + "/" + path,
                                    p -> problems.accept(p.toString())));
                        }
                        sources.add(info.id() + ":" + path);
                    }
                }
            } catch (LexiconException e) {
                problems.accept(e.getMessage());
            } catch (IOException e) {
                problems.accept(NLS.bind(Messages.Contributions_unreadable, content.displayName(), e.getMessage()));
            }
        }
        return new Training(Lexicon.combine(lexicons), examples, sources);
    }

    /**
     * The phenomena of every organisation plugin in use, combined (the first plugin's texts win,
     * later ones add labels and examples). A thesaurus with problems is reported to
     * {@code problems} with file, line and fix; what could be read still counts.
     */
    public static Thesaurus thesaurus(Catalog catalog, Consumer<String> problems) {
        return THESAURUS.get(catalog, c -> readThesaurus(c, problems));
    }

    /** The phenomenon suggester of {@link #thesaurus}, trained once per state of the catalog. */
    public static PhenomenonSuggester phenomenonSuggester(Catalog catalog, Consumer<String> problems) {
        Thesaurus t = thesaurus(catalog, problems);
        return SUGGESTER.get(catalog, c -> PhenomenonSuggester.train(t));
    }

    private static Thesaurus readThesaurus(Catalog catalog, Consumer<String> problems) {
        List<Thesaurus> parts = new ArrayList<>();
        for (Map.Entry<PluginInfo, PluginContent> e : organisationContents(catalog).entrySet()) {
            Optional<Organisation> org = catalog.organisation(e.getKey().id());
            if (org.isEmpty() || org.get().resources().get("thesaurus") == null) {
                continue;
            }
            PluginDescriptor d = new PluginDescriptor(PluginDescriptor.Kind.ORGANISATION, e.getKey().id(),
                    e.getKey().version(), org.get().name(), null, null, org.get());
            ThesaurusReader.Result r = ThesaurusReader.readFrom(e.getValue(), d);
            r.problems().stream().filter(Problem::isError).forEach(p -> problems.accept(p.format()));
            parts.add(r.thesaurus());
        }
        return Thesaurus.combine(parts);
    }

    /**
     * The method guide of every organisation plugin in use, combined (see {@link MethodGuide#combine}).
     * A guide with errors is reported to {@code problems} with file, line and fix; what could be
     * read still counts.
     */
    public static MethodGuide guide(Catalog catalog, Consumer<String> problems) {
        return GUIDE.get(catalog, c -> readGuide(c, problems));
    }

    // Several parts of the workbench (Method, Platform, Note, orientation, Trend notes) and the
    // index's configuration ask for these; each is read once per state of the catalog.
    private static final PerCatalogState<MethodGuide> GUIDE = new PerCatalogState<>();
    private static final PerCatalogState<Thesaurus> THESAURUS = new PerCatalogState<>();
    private static final PerCatalogState<PhenomenonSuggester> SUGGESTER = new PerCatalogState<>();

    /**
     * A value read from the plugins, kept for one state of the catalog: its plugin list, compared
     * by identity (the catalog makes a new list after every change). Problems are reported by the
     * read that found them.
     */
    private static final class PerCatalogState<T> {
        private Object state;
        private T value;

        synchronized T get(Catalog catalog, java.util.function.Function<Catalog, T> read) {
            List<PluginInfo> now = catalog.plugins();
            if (state != now) {
                value = read.apply(catalog);
                state = now;
            }
            return value;
        }
    }

    private static MethodGuide readGuide(Catalog catalog, Consumer<String> problems) {
        List<MethodGuide> parts = new ArrayList<>();
        for (Map.Entry<PluginInfo, PluginContent> e : organisationContents(catalog).entrySet()) {
            Optional<Organisation> org = catalog.organisation(e.getKey().id());
            if (org.isEmpty() || org.get().resources().get("guide") == null) {
                continue;
            }
            PluginDescriptor d = new PluginDescriptor(PluginDescriptor.Kind.ORGANISATION, e.getKey().id(),
                    e.getKey().version(), org.get().name(), null, null, org.get());
            GuideReader.Result r = GuideReader.readFrom(e.getValue(), d);
            r.problems().stream().filter(Problem::isError).forEach(p -> problems.accept(p.format()));
            parts.add(r.guide());
        }
        return MethodGuide.combine(parts);
    }

    /**
     * What young people said about a platform, with where it came from: the platform plugin's own
     * (organisation null) and those the organisation plugins in use recorded (their name).
     */
    public record SourcedYouthView(Platform.YouthView view, String organisation) {
    }

    /** The youth views about {@code platformId}: the platform plugin's first, then each organisation's. */
    public static List<SourcedYouthView> youthViews(Catalog catalog, String platformId) {
        List<SourcedYouthView> out = new ArrayList<>();
        catalog.platform(platformId).ifPresent(p -> p.youthViews().forEach(v -> out.add(new SourcedYouthView(v, null))));
        for (Organisation o : catalog.organisations()) {
            o.youthViewsOf(platformId).forEach(v -> out.add(new SourcedYouthView(v, o.name())));
        }
        return out;
    }

    /** The content of every organisation plugin in use (active, or an update that broke and kept the old one). */
    private static Map<PluginInfo, PluginContent> organisationContents(Catalog catalog) {
        Map<PluginInfo, PluginContent> out = new LinkedHashMap<>();
        Bundle self = FrameworkUtil.getBundle(PluginContributions.class);
        Bundle[] bundles = self == null || self.getBundleContext() == null ? new Bundle[0]
                : self.getBundleContext().getBundles();
        for (PluginInfo info : catalog.plugins()) {
            if (info.kind() != PluginDescriptor.Kind.ORGANISATION || (info.state() != PluginInfo.State.ACTIVE
                    && info.state() != PluginInfo.State.UPDATE_BROKEN)) {
                continue;
            }
            Arrays.stream(bundles).filter(b -> b.getLocation().equals(info.location())).findFirst()
                    .ifPresent(b -> out.put(info, PluginContent.of(b)));
        }
        return out;
    }

    /** Platform id → name and nicknames of the installed platform plugins. */
    public static Map<String, List<String>> platformAliases(Catalog catalog) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Platform p : catalog.platforms()) {
            List<String> names = new ArrayList<>(p.aliases());
            if (p.name() != null) {
                names.add(p.name());
            }
            map.put(p.id(), names);
        }
        return map;
    }

    /**
     * The search index's configuration: the built-in nicknames and slang, every installed platform
     * with its names, and the youth slang of the organisation plugins' lexicons. A lexicon that
     * cannot be read is reported to {@code problems}; search still works, without its slang.
     */
    public static IndexConfig searchConfig(Catalog catalog, Consumer<String> problems) {
        IndexConfig config = IndexConfig.defaults();
        for (Map.Entry<String, List<String>> p : platformAliases(catalog).entrySet()) {
            config = config.withPlatform(p.getKey(), p.getValue());
        }
        Thesaurus thesaurus = thesaurus(catalog, problems);
        config = config.withSlang(read(catalog, problems, false).lexicon().slang()).withThesaurus(thesaurus);
        if (thesaurus.isEmpty()) {
            return config;
        }
        // Trained on first use only (indexing a note), so a search does not pay for it.
        LazyTagger tagger = new LazyTagger(thesaurus);
        return config.withPhenomenonTagger(PhenomenonSuggester.VERSION, PhenomenonTagger.ranking(note -> {
            PhenomenonSuggester.Tagging t = tagger.suggester().tagging(note);
            return new PhenomenonTagger.Tags(t.tags(), t.likely(), t.first());
        }));
    }

    /** The suggester for the index's tagger, trained when the index first needs it. */
    private static final class LazyTagger {
        private final Thesaurus thesaurus;
        private volatile PhenomenonSuggester suggester;

        LazyTagger(Thesaurus thesaurus) {
            this.thesaurus = thesaurus;
        }

        PhenomenonSuggester suggester() {
            PhenomenonSuggester s = suggester;
            if (s == null) {
                synchronized (this) {
                    if (suggester == null) {
                        suggester = PhenomenonSuggester.train(thesaurus);
                    }
                    s = suggester;
                }
            }
            return s;
        }
    }
}
