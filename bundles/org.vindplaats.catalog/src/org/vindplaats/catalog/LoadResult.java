package org.vindplaats.catalog;

import java.util.List;
import java.util.Optional;

/** What reading one plugin gave: the descriptor when it has no errors, and every problem found. */
public record LoadResult(String source, Optional<PluginDescriptor> descriptor, List<Problem> problems) {

    public LoadResult {
        problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }
}
