package org.vindplaats.cli.commands;

import java.util.concurrent.Callable;

import org.vindplaats.cli.CliContext;
import org.vindplaats.cli.JsonViews;
import org.vindplaats.model.Organisation;

import picocli.CommandLine.Option;

/** Shared by all commands: the context and the options every data command has. */
public abstract class CommandBase implements Callable<Integer> {

    public enum Format {
        text, json
    }

    protected final CliContext ctx;

    protected CommandBase(CliContext ctx) {
        this.ctx = ctx;
    }

    /** Printed JSON is always one document (or one line per record with jsonl), UTF-8. */
    protected void printJson(Object node) {
        ctx.out().println(JsonViews.write(node));
    }

    /** Mixed into commands that print data. */
    public static class FormatOption {
        @Option(names = "--format", paramLabel = "text|json", descriptionKey = "option.format")
        public Format format = Format.text;
    }

    /** Mixed into commands that can show an organisation's policy on top of the facts. */
    public static class OrgOption {
        @Option(names = "--org", paramLabel = "<organisation>", descriptionKey = "option.org")
        public String org;

        /** --org when given, else the organisation chosen with 'vindplaats organisation use', else none. */
        public Organisation resolve(CliContext ctx) {
            if (org != null) {
                return ctx.organisation(org);
            }
            return ctx.queries().activeOrganisation().orElse(null);
        }
    }
}
