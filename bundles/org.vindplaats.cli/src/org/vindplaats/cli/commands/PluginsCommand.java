package org.vindplaats.cli.commands;

import java.util.List;

import org.eclipse.osgi.util.NLS;

import org.vindplaats.catalog.PluginInfo;
import org.vindplaats.catalog.Problem;
import org.vindplaats.cli.CliContext;
import org.vindplaats.cli.ExitCodes;
import org.vindplaats.cli.JsonViews;
import org.vindplaats.cli.Messages;
import org.vindplaats.cli.TextTable;

import com.fasterxml.jackson.databind.node.ArrayNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** vindplaats plugins: every installed plugin, its state and its problems. */
@Command(name = "plugins", mixinStandardHelpOptions = true)
public final class PluginsCommand extends CommandBase {

    @Mixin
    FormatOption format;

    public PluginsCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        List<PluginInfo> plugins = ctx.catalog().plugins();
        if (format.format == Format.json) {
            ArrayNode a = JsonViews.MAPPER.createArrayNode();
            plugins.forEach(p -> a.add(JsonViews.plugin(p)));
            printJson(a);
            return ExitCodes.OK;
        }
        if (plugins.isEmpty()) {
            ctx.out().println(NLS.bind(Messages.Plugins_none, null));
            return ExitCodes.OK;
        }
        TextTable table = new TextTable(Messages.Head_source, Messages.Head_kind, Messages.Head_id, Messages.Head_version,
                Messages.Head_state, Messages.Head_problems);
        for (PluginInfo p : plugins) {
            table.row(p.source(), p.kind() == null ? "?" : p.kind().id(), p.id() == null ? "?" : p.id(),
                    p.version() == null ? p.bundleVersion() : p.version(), p.state().id(), p.problems().size());
        }
        table.print(ctx.out());
        for (PluginInfo p : plugins) {
            for (Problem problem : p.problems()) {
                ctx.out().println();
                ctx.out().println(p.source() + ": " + problem.format());
            }
        }
        return ExitCodes.OK;
    }
}
