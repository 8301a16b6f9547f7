package io.zagg.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code zagg} command line, launched by {@code bin/zagg}. Exit status 0 on success, 2 on a
 * usage error, 1 when a command fails.
 */
@Command(name = "zagg",
        description = "Aggregates sparse point observations onto a HEALPix grid and writes Zarr v3 stores.",
        subcommands = {RunCommand.class, ShardmapCommand.class, IndexCommand.class, DemoCommand.class, CommandLine.HelpCommand.class},
        usageHelpAutoWidth = true)
public final class ZaggCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of an error.")
    private boolean verbose;

    private final InputStream stdin;
    private final OutputStream stdout;

    private ZaggCommand(InputStream stdin, OutputStream stdout) {
        this.stdin = stdin;
        this.stdout = stdout;
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.in, System.out, System.err));
    }

    /** Runs the command line on the given streams and returns the exit status. */
    static int execute(String[] args, InputStream stdin, OutputStream stdout, OutputStream stderr) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true);
        ZaggCommand root = new ZaggCommand(stdin, stdout);
        int status = new CommandLine(root).setOut(out).setErr(err)
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                    // one clear line; the stack trace only when asked for
                    commandLine.getErr().println("zagg " + commandLine.getCommandName() + ": " + message(e));
                    if (root.verbose) {
                        e.printStackTrace(commandLine.getErr());
                    }
                    return e instanceof IllegalArgumentException ? 2 : 1;
                })
                .execute(args);
        out.flush();
        err.flush();
        return status;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    private static String message(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }

    /** Standard input, for subcommands that read it. */
    InputStream stdin() {
        return stdin;
    }

    /** Standard output as bytes, for subcommands that write much of it. */
    OutputStream stdout() {
        return stdout;
    }
}
