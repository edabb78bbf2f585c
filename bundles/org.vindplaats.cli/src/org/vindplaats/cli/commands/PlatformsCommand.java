package org.vindplaats.cli.commands;

import java.util.List;

import org.eclipse.osgi.util.NLS;

import org.vindplaats.cli.CliContext;
import org.vindplaats.cli.ExitCodes;
import org.vindplaats.cli.JsonViews;
import org.vindplaats.cli.Messages;
import org.vindplaats.cli.TextTable;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.Organisation;
import org.vindplaats.model.Platform;

import com.fasterxml.jackson.databind.node.ArrayNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** vindplaats platforms: the installed platforms with their affordance levels at a glance. */
@Command(name = "platforms", mixinStandardHelpOptions = true)
public final class PlatformsCommand extends CommandBase {

    @Mixin
    FormatOption format;
    @Mixin
    OrgOption org;

    public PlatformsCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        Organisation organisation = org.resolve(ctx);
        List<Platform> platforms = ctx.catalog().platforms();
        if (format.format == Format.json) {
            ArrayNode a = JsonViews.MAPPER.createArrayNode();
            platforms.forEach(p -> a.add(JsonViews.platformSummary(p, organisation)));
            printJson(a);
            return ExitCodes.OK;
        }
        if (platforms.isEmpty()) {
            ctx.out().println(NLS.bind(Messages.Cli_noPlatforms, null));
            return ExitCodes.OK;
        }
        TextTable table = organisation == null
                ? new TextTable(Messages.Head_id, Messages.Head_name, Messages.Head_minimumAge, Messages.Head_profile)
                : new TextTable(Messages.Head_id, Messages.Head_name, Messages.Head_minimumAge, Messages.Head_profile,
                        Messages.Head_policy);
        for (Platform p : platforms) {
            String age = p.minimumAge() == null ? "?"
                    : p.minimumAge().years() == 0 ? Messages.Platforms_noMinimumAge : p.minimumAge().years() + "+";
            if (organisation == null) {
                table.row(p.id(), p.name(), age, profile(p));
            } else {
                var policy = organisation.policyFor(p.id());
                table.row(p.id(), p.name(), age, profile(p), policy == null ? "-" : policy.status().label().get(ctx.language()));
            }
        }
        table.print(ctx.out());
        return ExitCodes.OK;
    }

    /** "2  3  4  ..." in handbook order; '-' for an affordance the plugin does not score. */
    static String profile(Platform p) {
        StringBuilder sb = new StringBuilder();
        for (Affordance a : Affordance.values()) {
            var level = p.profile().level(a);
            sb.append(level.isPresent() ? String.valueOf(level.getAsInt()) : "-").append("  ");
        }
        return sb.toString().strip();
    }
}
