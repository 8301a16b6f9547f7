package io.zagg.cli;

import io.zagg.grid.Healpix;
import io.zagg.grid.MortonWord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code zagg index --order N}: for each {@code lat,lon} line (degrees) on standard input, the
 * line {@code nested,morton} on standard output — the NESTED id and the morton word (unsigned
 * decimal) of the point's cell at order N. A line that is not two numbers, or a point that is not
 * valid (NaN, infinite, |lat| > 90), gives the line {@code ,}; their count goes to standard error
 * at the end.
 */
@Command(name = "index", usageHelpAutoWidth = true,
        description = {"Prints the HEALPix cell of each point: its NESTED id and morton word.",
            "Reads lat,lon lines (degrees) on standard input and writes one nested,morton line per input line on "
                + "standard output, the morton word as unsigned decimal. An invalid point or unreadable line prints "
                + "\",\" and is counted on standard error."})
final class IndexCommand implements Callable<Integer> {

    /** Points hashed per call of the bulk hash; large enough to amortise it, small enough for the cache. */
    private static final int BATCH = 8192;
    private static final int IO_BUFFER = 1 << 16;

    @ParentCommand
    private ZaggCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--order", required = true, paramLabel = "N", description = "HEALPix order of the cells, 0..29.")
    private int order;

    @Override
    public Integer call() throws IOException {
        if (order < 0 || order > Healpix.MAX_ORDER) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--order': " + order + " is outside 0.." + Healpix.MAX_ORDER);
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(parent.stdin(), StandardCharsets.UTF_8), IO_BUFFER);
        Writer out = new OutputStreamWriter(parent.stdout(), StandardCharsets.US_ASCII);
        double[] lat = new double[BATCH];
        double[] lon = new double[BATCH];
        long[] nested = new long[BATCH];
        StringBuilder text = new StringBuilder(BATCH * 40);
        long lines = 0;
        long invalid = 0;
        int n = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            parse(line, lat, lon, n++);
            if (n == BATCH) {
                invalid += write(n, lat, lon, nested, text, out);
                lines += n;
                n = 0;
            }
        }
        invalid += write(n, lat, lon, nested, text, out);
        lines += n;
        out.flush();
        spec.commandLine().getErr().println("zagg index: " + invalid + " of " + lines + " points invalid");
        return 0;
    }

    /** Hashes and prints a batch; returns how many of its points were invalid. */
    private int write(int n, double[] lat, double[] lon, long[] nested, StringBuilder text, Writer out) throws IOException {
        int invalid = Healpix.nested(order, lat, lon, nested, n);
        text.setLength(0);
        for (int i = 0; i < n; i++) {
            if (nested[i] != Healpix.INVALID) {
                long word = MortonWord.fromNested(nested[i], order);
                text.append(nested[i]).append(',');
                if (word >= 0) {
                    text.append(word);
                } else {
                    text.append(Long.toUnsignedString(word));
                }
            } else {
                text.append(',');
            }
            text.append('\n');
        }
        out.append(text);
        return invalid;
    }

    /** Reads {@code lat,lon} into slot i; a line that is not two decimal numbers becomes an invalid (NaN) point. */
    private static void parse(String line, double[] lat, double[] lon, int i) {
        lat[i] = Double.NaN;
        lon[i] = Double.NaN;
        int comma = line.indexOf(',');
        if (comma < 0 || line.indexOf(',', comma + 1) >= 0) {
            return;
        }
        String a = line.substring(0, comma).strip();
        String b = line.substring(comma + 1).strip();
        if (!looksDecimal(a) || !looksDecimal(b)) {
            return;
        }
        try {
            lat[i] = Double.parseDouble(a);
            lon[i] = Double.parseDouble(b);
        } catch (NumberFormatException e) {
            lat[i] = Double.NaN;
        }
    }

    /**
     * Whether a field ends like a decimal number. {@code Double.parseDouble} also accepts Java's
     * type suffixes ({@code 1d}, {@code 2f}), which are no coordinates.
     */
    private static boolean looksDecimal(String s) {
        if (s.isEmpty()) {
            return false;
        }
        char last = s.charAt(s.length() - 1);
        return (last >= '0' && last <= '9') || last == '.';
    }
}
