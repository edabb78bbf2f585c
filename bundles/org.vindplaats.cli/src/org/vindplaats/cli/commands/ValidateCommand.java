package org.vindplaats.cli.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;
import org.vindplaats.catalog.DataOnlyCheck;
import org.vindplaats.catalog.DescriptorLoader;
import org.vindplaats.catalog.LoadResult;
import org.vindplaats.catalog.PluginContent;
import org.vindplaats.catalog.GuideReader;
import org.vindplaats.catalog.ThesaurusReader;
import org.vindplaats.catalog.PluginJarBuilder;
import org.vindplaats.catalog.Problem;
import org.vindplaats.cli.CliContext;
import org.vindplaats.cli.ExitCodes;
import org.vindplaats.cli.JsonViews;
import org.vindplaats.cli.Messages;
import org.vindplaats.cli.UsageException;

import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * vindplaats validate &lt;plugin folder or jar&gt;: checks a plugin the way the catalog will, before
 * it is installed. Exit code 1 when it has errors, so it can guard a publishing script.
 */
@Command(name = "validate", mixinStandardHelpOptions = true)
public final class ValidateCommand extends CommandBase {

    @Parameters(paramLabel = "<plugin>", descriptionKey = "param.plugin")
    Path path;
    @Mixin
    FormatOption format;

    public ValidateCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        if (!Files.exists(path)) {
            throw new UsageException(NLS.bind(Messages.Cli_noSuchPath, path));
        }
        LoadResult loaded = new DescriptorLoader().load(PluginContent.of(path));
        // The same data-only rule 'plugin build' and 'plugin install' apply: code is reported here too.
        List<Problem> code;
        try {
            code = Files.isDirectory(path) ? PluginJarBuilder.contentProblems(path)
                    : DataOnlyCheck.checkJar(path, loaded.descriptor().orElse(null));
        } catch (IOException e) {
            throw new UsageException(NLS.bind(Messages.Cli_noSuchPath, path));
        }
        List<Problem> all = new ArrayList<>(loaded.problems());
        all.addAll(code);
        // An organisation's thesaurus of phenomena: ids, labels, links and cycles, with line and fix.
        loaded.descriptor().ifPresent(d -> all.addAll(ThesaurusReader.readFrom(PluginContent.of(path), d).problems()));
        // Its method guide: topics, steps, principles, sources and both languages.
        loaded.descriptor().ifPresent(d -> all.addAll(GuideReader.readFrom(PluginContent.of(path), d).problems()));
        LoadResult result = new LoadResult(loaded.source(), code.isEmpty() ? loaded.descriptor() : Optional.empty(), all);
        int errors = result.errors().size();
        int warnings = result.warnings().size();
        if (format.format == Format.json) {
            ObjectNode n = JsonViews.MAPPER.createObjectNode();
            n.put("plugin", path.toString()).put("valid", errors == 0).put("errors", errors).put("warnings", warnings);
            result.descriptor().ifPresent(d -> n.put("kind", d.kind().id()).put("id", d.id()).put("version", d.version()));
            n.set("problems", JsonViews.problems(result.problems()));
            printJson(n);
        } else {
            for (Problem p : result.problems()) {
                ctx.out().println(p.format(path));
            }
            if (errors > 0) {
                ctx.out().println(NLS.bind(Messages.Validate_failed, new Object[] { path, errors, warnings }));
            } else if (warnings > 0) {
                ctx.out().println(NLS.bind(Messages.Validate_okWithWarnings, path, warnings));
            } else {
                ctx.out().println(NLS.bind(Messages.Validate_ok, path));
            }
        }
        return errors > 0 ? ExitCodes.PROBLEMS_FOUND : ExitCodes.OK;
    }
}
