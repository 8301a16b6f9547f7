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
        subcommands = {IndexCommand.class, CommandLine.HelpCommand.class},
        usageHelpAutoWidth = true)
public final class ZaggCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

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
        int status = new CommandLine(new ZaggCommand(stdin, stdout)).setOut(out).setErr(err).execute(args);
        out.flush();
        err.flush();
        return status;
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
