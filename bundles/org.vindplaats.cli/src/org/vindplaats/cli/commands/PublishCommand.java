package org.vindplaats.cli.commands;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.osgi.util.NLS;
import org.vindplaats.catalog.Problem;
import org.vindplaats.cli.CliContext;
import org.vindplaats.cli.ExitCodes;
import org.vindplaats.cli.JsonViews;
import org.vindplaats.cli.Messages;
import org.vindplaats.cli.UsageException;
import org.vindplaats.publish.Keys;
import org.vindplaats.publish.Publisher;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** vindplaats publish &lt;plugin dir|jar&gt;... --to &lt;repo dir&gt;: build, sign and add plugins to a p2 repository folder. */
@Command(name = "publish", mixinStandardHelpOptions = true)
public final class PublishCommand extends CommandBase {

    @Parameters(paramLabel = "<plugin folder|jar>", arity = "1..*", descriptionKey = "param.publishInputs")
    List<Path> inputs;
    @Option(names = "--to", required = true, paramLabel = "<repository folder>", descriptionKey = "option.to")
    Path repository;
    @Option(names = "--key", paramLabel = "<file.p12>", descriptionKey = "option.key")
    Path key;
    @Option(names = "--name", paramLabel = "<repository name>", descriptionKey = "option.repositoryName")
    String name;
    @Mixin
    PublishingSupport.PasswordOption password;
    @Mixin
    FormatOption format;

    public PublishCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() throws IOException {
        inputs.forEach(PluginCommand::existing);
        Path store = key != null ? key : PublishingSupport.updates(ctx).defaultKeystore();
        Keys.SigningKey signingKey;
        try {
            signingKey = Keys.load(store, password.password(ctx, false));
        } catch (IOException e) {
            throw new UsageException(e.getMessage());
        }
        Publisher.PublishResult result;
        try {
            result = new Publisher().publish(inputs, repository, signingKey, name, ctx.progress());
        } catch (OperationCanceledException e) {
            ctx.err().println("vindplaats: " + Messages.Pub_canceled);
            return ExitCodes.PROBLEMS_FOUND;
        }
        if (format.format == Format.json) {
            ObjectNode n = JsonViews.MAPPER.createObjectNode();
            n.put("ok", result.ok()).put("repository", repository.toAbsolutePath().normalize().toString())
                    .put("signer", Keys.subjectName(signingKey.certificate())).put("fingerprint", signingKey.fingerprint());
            ArrayNode a = n.putArray("published");
            for (Publisher.Published p : result.published()) {
                a.addObject().put("id", p.id()).put("version", p.version()).put("name", p.name())
                        .put("source", p.source().toString());
            }
            n.set("problems", JsonViews.problems(result.problems()));
            printJson(n);
        } else {
            for (Problem p : result.problems()) {
                ctx.out().println(p.format());
            }
            for (Publisher.Published p : result.published()) {
                ctx.out().println(NLS.bind(Messages.Pub_published, new Object[] { p.id(), p.version(), p.name() }));
            }
            ctx.out().println(NLS.bind(result.published().isEmpty() ? Messages.Pub_nothingPublished : Messages.Pub_done,
                    new Object[] { repository.toAbsolutePath().normalize(), Keys.subjectName(signingKey.certificate()),
                            signingKey.fingerprint() }));
        }
        return result.ok() ? ExitCodes.OK : ExitCodes.PROBLEMS_FOUND;
    }
}
