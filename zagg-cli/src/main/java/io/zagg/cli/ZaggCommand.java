package io.zagg.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The {@code zagg} command line, launched by {@code bin/zagg}. Exit status 0 on success, 2 on a
 * usage error, 1 when a command fails; an error is one line on standard error, with its stack
 * trace only under {@code --verbose}.
 */
@Command(name = "zagg",
        description = "Aggregates sparse point observations onto a HEALPix grid and writes Zarr v3 stores.",
        subcommands = {RunCommand.class, ShardmapCommand.class, IndexCommand.class, InspectCommand.class, DemoCommand.class,
            CommandLine.HelpCommand.class},
        usageHelpAutoWidth = true)
public final class ZaggCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    // inherited: accepted before or after the subcommand's name, and set here either way
    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace with an error.")
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
        ZaggCommand zagg = new ZaggCommand(stdin, stdout);
        int status = new CommandLine(zagg).setOut(out).setErr(err).setExecutionExceptionHandler(zagg::report).execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /**
     * Reports a command's failure as one line, {@code zagg <command>: <message>} (the stack trace
     * follows under {@code --verbose}), and returns its exit status: 2 for a {@link UsageException}, else 1.
     */
    private int report(Exception e, CommandLine command, ParseResult parsed) {
        CommandSpec failed = command.getCommandSpec();
        PrintWriter err = command.getErr();
        err.println(failed.qualifiedName() + ": " + describe(e));
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return e instanceof UsageException ? failed.exitCodeOnInvalidInput() : failed.exitCodeOnExecutionException();
    }

    /**
     * The message on one line (a parser's message may span several), prefixed with the
     * exception's name when the message alone says too little (none, or a bare path).
     */
    private static String describe(Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage().strip().replaceAll("\\s*\\R\\s*", " ");
        if (message.isEmpty() || e instanceof FileSystemException) {
            return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
        }
        return message;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
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
