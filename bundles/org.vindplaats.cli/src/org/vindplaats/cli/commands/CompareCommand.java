package org.vindplaats.cli.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.eclipse.osgi.util.NLS;
import org.vindplaats.app.PlatformComparison;
import org.vindplaats.cli.CliContext;
import org.vindplaats.cli.ExitCodes;
import org.vindplaats.cli.JsonViews;
import org.vindplaats.cli.Messages;
import org.vindplaats.cli.TextTable;
import org.vindplaats.cli.UsageException;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.Organisation;
import org.vindplaats.model.Platform;

import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** vindplaats compare a b [c d]: the affordance matrix, with notable differences ({@link PlatformComparison}) marked. */
@Command(name = "compare", mixinStandardHelpOptions = true)
public final class CompareCommand extends CommandBase {

    @Parameters(paramLabel = "<platform>", arity = "1..*", descriptionKey = "param.platforms")
    List<String> ids;
    @Mixin
    FormatOption format;
    @Mixin
    OrgOption org;

    public CompareCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        if (ids.size() < PlatformComparison.MIN_PLATFORMS || ids.size() > PlatformComparison.MAX_PLATFORMS) {
            throw new UsageException(NLS.bind(Messages.Cli_compareNeedsTwo, null));
        }
        List<Platform> platforms = new ArrayList<>();
        for (String id : ids) {
            platforms.add(ctx.platform(id));
        }
        Organisation organisation = org.resolve(ctx);
        List<Affordance> differing = ctx.queries().compare(platforms).notableDifferences();
        if (format.format == Format.json) {
            ObjectNode n = JsonViews.MAPPER.createObjectNode();
            var list = n.putArray("platforms");
            platforms.forEach(p -> list.add(p.id()));
            ObjectNode matrix = n.putObject("affordances");
            for (Affordance a : Affordance.values()) {
                ObjectNode row = matrix.putObject(a.id());
                for (Platform p : platforms) {
                    OptionalInt l = p.profile().level(a);
                    if (l.isPresent()) {
                        row.put(p.id(), l.getAsInt());
                    } else {
                        row.putNull(p.id());
                    }
                }
            }
            var diff = n.putArray("notableDifferences");
            differing.forEach(a -> diff.add(a.id()));
            if (organisation != null) {
                ObjectNode policies = n.putObject("policy");
                platforms.forEach(p -> policies.set(p.id(), JsonViews.policy(organisation, p.id())));
            }
            printJson(n);
            return ExitCodes.OK;
        }
        String[] header = new String[platforms.size() + 2];
        header[0] = Messages.Head_affordance;
        for (int i = 0; i < platforms.size(); i++) {
            header[i + 1] = platforms.get(i).name();
        }
        header[header.length - 1] = "";
        TextTable table = new TextTable(header);
        for (Affordance a : Affordance.values()) {
            Object[] row = new Object[platforms.size() + 2];
            row[0] = a.label(ctx.locale());
            for (int i = 0; i < platforms.size(); i++) {
                OptionalInt l = platforms.get(i).profile().level(a);
                row[i + 1] = l.isPresent() ? l.getAsInt() + " " + Affordance.levelName(l.getAsInt()).get(ctx.language()) : "-";
            }
            row[row.length - 1] = differing.contains(a) ? "*" : "";
            table.row(row);
        }
        if (organisation != null) {
            Object[] row = new Object[platforms.size() + 2];
            row[0] = Messages.Head_policy;
            for (int i = 0; i < platforms.size(); i++) {
                var pp = organisation.policyFor(platforms.get(i).id());
                row[i + 1] = pp == null ? "-" : pp.status().label().get(ctx.language());
            }
            row[row.length - 1] = "";
            table.row(row);
        }
        table.print(ctx.out());
        ctx.out().println();
        ctx.out().println(NLS.bind(Messages.Compare_legend, Messages.Compare_differs));
        return ExitCodes.OK;
    }
}
