package org.vindplaats.cli.commands;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.osgi.util.NLS;
import org.vindplaats.app.NoteSuggestions;
import org.vindplaats.app.PluginContributions;
import org.vindplaats.cli.CliContext;
import org.vindplaats.cli.ExitCodes;
import org.vindplaats.cli.Messages;
import org.vindplaats.cli.NotesSession;
import org.vindplaats.cli.UsageException;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.notes.Problem;
import org.vindplaats.notes.StoredNote;
import org.vindplaats.suggest.Evaluation;
import org.vindplaats.suggest.LabelSuggester;
import org.vindplaats.suggest.LabelledNotes;
import org.vindplaats.suggest.Labels;
import org.vindplaats.suggest.PhenomenonSuggester;
import org.vindplaats.suggest.RankedLabel;
import org.vindplaats.suggest.Suggestion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** vindplaats notes suggest | evaluate: need mapping (org.vindplaats.suggest) on the command line. */
public final class SuggestCommands {

    /** One JSON document per line. */
    private static final ObjectMapper LINE = new ObjectMapper();
    private SuggestCommands() {
    }

    static PluginContributions.Training pluginTraining(CliContext ctx) {
        return PluginContributions.training(ctx.catalog(), ctx.err()::println);
    }

    static Map<String, List<String>> platformAliases(CliContext ctx) {
        return PluginContributions.platformAliases(ctx.catalog());
    }

    @Command(name = "suggest", mixinStandardHelpOptions = true)
    public static final class Suggest extends CommandBase {
        @Parameters(arity = "0..*", paramLabel = "<id>", descriptionKey = "param.suggestIds")
        List<String> ids = new ArrayList<>();
        @Option(names = "--format", paramLabel = "jsonl|json|text", descriptionKey = "option.suggestFormat")
        String format = "text";
        @Mixin
        NotesCommand.WorkspaceOption ws;

        public Suggest(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() throws IOException {
            if (!List.of("jsonl", "json", "text").contains(format)) {
                throw new UsageException(NLS.bind(Messages.Suggest_badFormat, format));
            }
            try (NotesSession session = NotesSession.open(ctx, ws.workspace, false)) {
                List<Problem> problems = new ArrayList<>();
                List<TrendNote> selected = new ArrayList<>();
                if (ids.isEmpty()) {
                    try (var all = session.store().notes(problems::add)) {
                        selected.addAll(all.sorted(Comparator.comparing(TrendNote::id)).toList());
                    }
                } else {
                    // Only the notes asked for are read (the suggestions service reads what it learns from).
                    for (String id : ids) {
                        StoredNote stored = session.store().get(id)
                                .orElseThrow(() -> new UsageException(NLS.bind(Messages.Notes_unknown, id)));
                        selected.add(stored.note());
                    }
                }
                // The workbench's Note editor's service: the plugins and what workers confirmed in
                // this workspace, trained when that changed (a served command reuses the models).
                LabelSuggester suggester = ctx.suggestions().labels(session.store(), session.progress());
                List<Suggestion> suggestions = suggester.suggestAll(selected, session.progress());
                PhenomenonSuggester phenomena = ctx.suggestions().phenomena(session.store());
                List<List<PhenomenonSuggester.Ranked>> ranked = selected.stream().map(phenomena::suggest).toList();
                thesaurus = phenomena.thesaurus();
                print(selected, suggestions, ranked);
                NotesCommand.printProblems(ctx, problems);
                return ExitCodes.OK;
            }
        }

        private void print(List<TrendNote> notes, List<Suggestion> suggestions, List<List<PhenomenonSuggester.Ranked>> phenomena)
                throws JsonProcessingException {
            List<Map<String, Object>> maps = new ArrayList<>();
            for (int i = 0; i < suggestions.size(); i++) {
                Map<String, Object> m = new java.util.LinkedHashMap<>(suggestions.get(i).toJsonMap());
                m.put("phenomena", phenomena.get(i).stream().map(r -> {
                    Map<String, Object> x = new java.util.LinkedHashMap<>();
                    x.put("id", r.id());
                    x.put("confidence", Math.round(r.confidence() * 1000) / 1000.0);
                    x.put("because", r.because());
                    return x;
                }).toList());
                maps.add(m);
            }
            switch (format) {
            case "jsonl" -> {
                for (Map<String, Object> m : maps) {
                    ctx.out().println(LINE.writeValueAsString(m));
                }
            }
            case "json" -> printJson(maps);
            default -> {
                for (int i = 0; i < notes.size(); i++) {
                    printText(notes.get(i), suggestions.get(i));
                    List<String> parts = phenomena.get(i).stream()
                            .map(r -> phenomenonName(r.id()) + String.format(ctx.locale(), " %.2f", r.confidence())).toList();
                    ctx.out().println(String.format("  %-22s %s", Messages.Suggest_phenomena, parts.isEmpty() ? "-" : String.join(", ", parts)));
                }
            }
            }
        }

        private org.vindplaats.model.Thesaurus thesaurus = org.vindplaats.model.Thesaurus.EMPTY;

        private String phenomenonName(String id) {
            return thesaurus.get(id).map(p -> p.label().get(ctx.locale())).orElse(id);
        }

        private void printText(TrendNote note, Suggestion s) {
            ctx.out().println(note.id() + "  " + note.title());
            List<NoteSuggestions.Label> chosen = NoteSuggestions.chosen(s, Evaluation.FAMILIES);
            for (LabelFamily f : Evaluation.FAMILIES) {
                List<String> parts = new ArrayList<>();
                for (NoteSuggestions.Label c : chosen.stream().filter(x -> x.family() == f).toList()) {
                    // Names in the user's language ("Privacy en veiligheid", "TikTok"); the ids are in --format json.
                    String name = f == LabelFamily.PLATFORMS
                            ? ctx.catalog().platform(c.value()).map(org.vindplaats.model.Platform::name).orElse(c.value())
                            : org.vindplaats.suggest.Labels.name(f, c.value(), ctx.locale());
                    StringBuilder b = new StringBuilder(name).append(String.format(ctx.locale(), " %.2f", c.confidence()));
                    // The ids of similar notes, which the commands take (the workbench names their titles).
                    List<String> why = new ArrayList<>();
                    if (!c.words().isEmpty()) {
                        why.add(NLS.bind(Messages.Suggest_words, String.join(", ", c.words())));
                    }
                    if (!c.similar().isEmpty()) {
                        why.add(NLS.bind(Messages.Suggest_similar,
                                String.join(", ", c.similar().stream().map(RankedLabel.Neighbour::id).toList())));
                    }
                    if (!why.isEmpty()) {
                        b.append(" (").append(String.join("; ", why)).append(')');
                    }
                    parts.add(b.toString());
                }
                ctx.out().println(String.format("  %-22s %s", f.label().get(ctx.locale()), parts.isEmpty() ? "-" : String.join(", ", parts)));
            }
        }
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true)
    public static final class Evaluate extends CommandBase {
        @Parameters(index = "0", paramLabel = "<notes.jsonl>", descriptionKey = "param.evalNotes")
        Path notesFile;
        @Parameters(index = "1", arity = "0..1", paramLabel = "<gold.jsonl>", descriptionKey = "param.evalGold")
        Path goldFile;
        @Option(names = "--folds", paramLabel = "<k>", descriptionKey = "option.folds")
        int folds = 5;
        @Option(names = "--seed", paramLabel = "<n>", descriptionKey = "option.seed")
        long seed = 42;
        @Option(names = "--no-plugins", descriptionKey = "option.noPlugins")
        boolean noPlugins;
        @Mixin
        FormatOption format;

        public Evaluate(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() throws IOException {
            if (folds < 2) {
                throw new UsageException(NLS.bind(Messages.Evaluate_badFolds, folds));
            }
            List<LabelledNotes.Problem> problems = new ArrayList<>();
            List<TrendNote> notes;
            PluginCommand.existing(notesFile);
            try (Reader r = Files.newBufferedReader(notesFile, StandardCharsets.UTF_8)) {
                notes = LabelledNotes.readJsonLines(r, notesFile.toString(), problems::add);
            }
            Map<String, Labels> gold = new LinkedHashMap<>();
            if (goldFile != null) {
                PluginCommand.existing(goldFile);
                try (Reader r = Files.newBufferedReader(goldFile, StandardCharsets.UTF_8)) {
                    gold.putAll(LabelledNotes.readGold(r, goldFile.toString(), problems::add));
                }
            } else {
                // Labels on the notes' own lines are the gold standard.
                for (TrendNote n : notes) {
                    // Author's platform tags alone do not make a labelled note.
                    if (n.confirmed().stream().anyMatch(f -> f != LabelFamily.PLATFORMS)) {
                        gold.put(n.id(), Labels.confirmedOf(n));
                    }
                }
            }
            problems.forEach(p -> ctx.err().println(p));
            // A gold set that says "other" for unlisted platforms is not punished for a catalog that grew since.
            Evaluation evaluation = new Evaluation().folds(folds).seed(seed).platforms(platformAliases(ctx))
                    .goldPlatforms(Evaluation.goldPlatformsOf(gold));
            if (!noPlugins) {
                PluginContributions.Training plugins = pluginTraining(ctx);
                evaluation.extraTraining(plugins.lexicon(), plugins.examples(),
                        NLS.bind(Messages.Evaluate_plugins, plugins.sources().isEmpty() ? "-"
                                : String.join(", ", plugins.sources())))
                        .phenomena(NoteSuggestions.trainPhenomena(ctx.catalog(), ctx.err()::println));
            }
            Evaluation.Report report;
            try {
                report = evaluation.run(notes, gold, new org.vindplaats.cli.ConsoleProgress(ctx.err(), false));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            if (format.format == Format.json) {
                printJson(report.toJsonMap());
            } else {
                ctx.out().print(report.toText());
            }
            return problems.isEmpty() ? ExitCodes.OK : ExitCodes.PROBLEMS_FOUND;
        }
    }
}
