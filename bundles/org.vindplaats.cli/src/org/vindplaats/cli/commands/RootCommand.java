package org.vindplaats.cli.commands;

import java.util.Arrays;
import java.util.List;

import org.vindplaats.cli.CliContext;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top of 'vindplaats ...': only lists the commands. The subcommands are added by
 * {@link org.vindplaats.cli.Cli} from {@link #COMMANDS}: only the one a command line names, or all
 * of them for help, a typo or no command (building every command's model took a tenth of each start).
 */
@Command(name = "vindplaats", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class)
public final class RootCommand extends CommandBase {

    /** The commands in the order help lists them. */
    public static final List<Class<?>> COMMANDS = List.of(PlatformsCommand.class, PlatformCommand.class,
            CompareCommand.class, MethodCommand.class, PluginsCommand.class, PluginCommand.class, OrganisationsCommand.List.class,
            OrganisationsCommand.Group.class, NotesCommand.class, SearchCommand.class, PhenomenaCommand.class,
            IndexCommand.class, HubCommand.class, ValidateCommand.class, KeysCommand.class, PublishCommand.class, ReposCommand.class,
            UpdateCommands.Updates.class, UpdateCommands.Install.class, UpdateCommands.Update.class,
            UpdateCommands.Rollback.class);

    /**
     * The commands a command line needs: the one its first word names, else all (help, a version
     * question, no command or an unknown one, which gets a "did you mean" from the full list).
     */
    public static List<Class<?>> commandsFor(String... args) {
        if (args.length == 0 || args[0].startsWith("-")) {
            return COMMANDS;
        }
        for (Class<?> c : COMMANDS) {
            Command command = c.getAnnotation(Command.class);
            if (command.name().equals(args[0]) || Arrays.asList(command.aliases()).contains(args[0])) {
                return List.of(c);
            }
        }
        return COMMANDS;
    }

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
