package io.zagg.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zagg.ProgressListener;
import io.zagg.ShardReport;
import io.zagg.ShardStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GranuleReleaseTest {

    private static final Path A = Path.of("a.h5");
    private static final Path B = Path.of("b.h5");
    private static final Path C = Path.of("c.h5");

    private static ShardReport done(long shard) {
        return ShardReport.builder(shard).status(ShardStatus.OK).build();
    }

    @Test
    void aGranuleIsReleasedWhenTheLastShardReadingItEnds() {
        List<Path> released = new ArrayList<>();
        List<Long> heard = new ArrayList<>();
        ProgressListener next = new ProgressListener() {
            @Override
            public void shardFinished(ShardReport report) {
                heard.add(report.shardKey());
            }
        };
        List<LocalExecutor.ShardJob> jobs = List.of(new LocalExecutor.ShardJob(1, List.of(A, B)), new LocalExecutor.ShardJob(2, List.of(B, C)),
                new LocalExecutor.ShardJob(3, List.of(B)));
        GranuleRelease release = new GranuleRelease(jobs, released::add, next);
        release.shardFinished(done(2));
        assertEquals(List.of(C), released, "c: its only shard is done; b: shards 1 and 3 still read it");
        release.shardFinished(done(1));
        assertEquals(List.of(C, A), released);
        release.shardFinished(done(3));
        assertEquals(List.of(C, A, B), released, "b goes with the last of its three shards");
        assertEquals(List.of(2L, 1L, 3L), heard, "every event is passed on");
    }
}
