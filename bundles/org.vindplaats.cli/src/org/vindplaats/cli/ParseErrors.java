package org.vindplaats.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.osgi.util.NLS;

import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Says what was wrong with a command line in the user's language. picocli's own sentences are
 * English ("Unknown option", "Missing required parameter", "Did you mean"); the common cases get
 * ours, anything rarer keeps picocli's wording rather than saying nothing.
 */
final class ParseErrors {

    private ParseErrors() {
    }

    static List<String> explain(ParameterException e) {
        List<String> lines = new ArrayList<>();
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            lines.add(NLS.bind(Messages.Cli_unknownArgument, String.join(" ", u.getUnmatched())));
            List<String> suggestions = new ArrayList<>(u.getSuggestions());
            if (suggestions.isEmpty()) {
                // picocli only suggests names with the same first letters; a typo such as
                // --fromat deserves "--format" too.
                String typed = u.getUnmatched().get(0);
                java.util.Map<String, String> names = new java.util.LinkedHashMap<>(); // without dashes -> as typed
                for (OptionSpec o : u.getCommandLine().getCommandSpec().options()) {
                    if (!o.hidden()) {
                        for (String name : o.names()) {
                            names.put(name.replaceFirst("^-+", ""), name);
                        }
                    }
                }
                for (String sub : u.getCommandLine().getSubcommands().keySet()) {
                    names.put(sub, sub);
                }
                org.vindplaats.model.Terms.didYouMean(typed.replaceFirst("^-+", ""), names.keySet())
                        .map(names::get).ifPresent(suggestions::add);
            }
            if (!suggestions.isEmpty()) {
                lines.add(NLS.bind(Messages.Cli_didYouMean,
                        suggestions.stream().limit(3).collect(Collectors.joining("\", \""))));
            }
        } else if (e instanceof MissingParameterException m && !m.getMissing().isEmpty()) {
            lines.add(NLS.bind(Messages.Cli_missing, m.getMissing().stream().map(ParseErrors::name)
                    .collect(Collectors.joining(", "))));
        } else if (e.getArgSpec() != null && e.getValue() != null && e.getMessage() != null
                && e.getMessage().startsWith("Invalid value")) {
            String choices = choices(e.getArgSpec());
            lines.add(choices.isEmpty() ? NLS.bind(Messages.Cli_badValue, e.getValue(), name(e.getArgSpec()))
                    : NLS.bind(Messages.Cli_badValueChoices, new Object[] { e.getValue(), name(e.getArgSpec()), choices }));
        } else {
            lines.add(e.getMessage());
        }
        return lines;
    }

    private static String name(ArgSpec spec) {
        if (spec instanceof OptionSpec o) {
            return o.longestName();
        }
        return spec instanceof PositionalParamSpec p ? p.paramLabel() : String.valueOf(spec);
    }

    private static String choices(ArgSpec spec) {
        Iterable<String> candidates = spec.completionCandidates();
        if (candidates == null) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = candidates.iterator(); it.hasNext();) {
            out.add(it.next());
        }
        return String.join(", ", out);
    }
}
