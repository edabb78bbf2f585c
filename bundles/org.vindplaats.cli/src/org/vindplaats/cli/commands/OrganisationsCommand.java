package org.vindplaats.cli.commands;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.prefs.BackingStoreException;
import org.vindplaats.cli.CliContext;
import org.vindplaats.cli.ExitCodes;
import org.vindplaats.cli.JsonViews;
import org.vindplaats.cli.Messages;
import org.vindplaats.catalog.Settings;
import org.vindplaats.cli.TextTable;
import org.vindplaats.model.Organisation;

import com.fasterxml.jackson.databind.node.ArrayNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** vindplaats organisations / organisation use &lt;id&gt;: which organisation's policy applies. */
public final class OrganisationsCommand {

    private OrganisationsCommand() {
    }

    @Command(name = "organisations", aliases = "organizations", mixinStandardHelpOptions = true)
    public static final class List extends CommandBase {
        @Mixin
        FormatOption format;

        public List(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            String active = Settings.activeOrganisation().orElse(null);
            if (format.format == Format.json) {
                ArrayNode a = JsonViews.MAPPER.createArrayNode();
                for (Organisation o : ctx.catalog().organisations()) {
                    a.addObject().put("id", o.id()).put("name", o.name()).put("type", o.type().name().toLowerCase())
                            .put("active", o.id().equals(active)).put("retentionMonths", o.retentionMonths());
                }
                printJson(a);
                return ExitCodes.OK;
            }
            TextTable t = new TextTable("", Messages.Head_id, Messages.Head_name, Messages.Head_kind);
            for (Organisation o : ctx.catalog().organisations()) {
                t.row(o.id().equals(active) ? "*" : "", o.id(), o.name(), o.type().name().toLowerCase());
            }
            t.print(ctx.out());
            ctx.out().println();
            ctx.out().println(active == null ? NLS.bind(Messages.Org_noneActive, null) : NLS.bind(Messages.Org_active, active));
            return ExitCodes.OK;
        }
    }

    @Command(name = "organisation", aliases = "organization", mixinStandardHelpOptions = true,
            subcommands = OrganisationsCommand.Use.class)
    public static final class Group extends CommandBase {
        public Group(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            throw new org.vindplaats.cli.UsageException(NLS.bind(Messages.Org_missingSubcommand, null));
        }
    }

    @Command(name = "use", mixinStandardHelpOptions = true)
    public static final class Use extends CommandBase {
        @Parameters(paramLabel = "<organisation>|none", descriptionKey = "param.organisation")
        String id;

        public Use(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() throws BackingStoreException {
            if ("none".equals(id)) {
                Settings.setActiveOrganisation(null);
                ctx.out().println(NLS.bind(Messages.Org_noneActive, null));
                return ExitCodes.OK;
            }
            Organisation o = ctx.organisation(id);
            Settings.setActiveOrganisation(o.id());
            ctx.out().println(NLS.bind(Messages.Org_active, o.id()));
            return ExitCodes.OK;
        }
    }
}
