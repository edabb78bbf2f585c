package org.vindplaats.cli.commands;

import org.vindplaats.cli.CliContext;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top of 'vindplaats ...': only lists the commands. */
@Command(name = "vindplaats", mixinStandardHelpOptions = true,
        versionProvider = RootCommand.Version.class,
        subcommands = { PlatformsCommand.class, PlatformCommand.class, CompareCommand.class, PluginsCommand.class, PluginCommand.class,
                OrganisationsCommand.List.class, OrganisationsCommand.Group.class, NotesCommand.class,
                SearchCommand.class, PhenomenaCommand.class, IndexCommand.class, ValidateCommand.class, KeysCommand.class, PublishCommand.class,
                ReposCommand.class, UpdateCommands.Updates.class, UpdateCommands.Install.class, UpdateCommands.Update.class,
                UpdateCommands.Rollback.class })
public final class RootCommand extends CommandBase {

    @Spec
    CommandSpec spec;

    public RootCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            var bundle = org.osgi.framework.FrameworkUtil.getBundle(RootCommand.class);
            return new String[] { "Vindplaats " + (bundle == null ? "dev" : bundle.getVersion().toString()) };
        }
    }
}
