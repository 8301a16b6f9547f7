package io.zagg.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** One in-process run of the {@code zagg} command line: its exit status, standard output and error. */
record CliRun(int status, String out, String err) {

    /** Runs {@code zagg args...} with empty standard input. */
    static CliRun zagg(String... args) {
        return zaggWithInput("", args);
    }

    /** Runs {@code zagg args...} reading {@code stdin}. */
    static CliRun zaggWithInput(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ZaggCommand.execute(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err);
        return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
