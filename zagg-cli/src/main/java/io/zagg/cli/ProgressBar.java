package io.zagg.cli;

import io.zagg.ProgressListener;
import io.zagg.RunReport;
import io.zagg.ShardReport;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The CLI's progress line on standard error: shards done of total, photons per second and the
 * time left, redrawn in place as shards finish. Drawn only on a terminal, so logs stay clean.
 */
final class ProgressBar implements ProgressListener {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean enabled;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicLong photons = new AtomicLong();
    private volatile int total;
    private volatile long started;

    ProgressBar(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    @Override
    public void runStarted(int shards) {
        total = shards;
        started = System.nanoTime();
        draw();
    }

    @Override
    public void shardFinished(ShardReport report) {
        done.incrementAndGet();
        photons.addAndGet(report.totalObs());
        draw();
    }

    @Override
    public void runFinished(RunReport report) {
        if (enabled) {
            err.print("\r" + " ".repeat(WIDTH + 60) + "\r");
            err.flush();
        }
    }

    private synchronized void draw() {
        if (!enabled) {
            return;
        }
        err.print("\r" + line(done.get(), total, photons.get(), (System.nanoTime() - started) / 1e9));
        err.flush();
    }

    /** {@code [=====>     ] 3/16 shards, 1.2 M photons/s, ETA 12 s}. */
    static String line(int done, int total, long photons, double seconds) {
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        String bar = "=".repeat(filled) + (filled < WIDTH ? ">" + " ".repeat(WIDTH - filled - 1) : "");
        double rate = seconds > 0 ? photons / seconds : 0;
        String eta = done == 0 || done == total ? "" : String.format(Locale.ROOT, ", ETA %.0f s", seconds / done * (total - done));
        return String.format(Locale.ROOT, "[%s] %d/%d shards, %.1f M photons/s%s", bar, done, total, rate / 1e6, eta);
    }
}
