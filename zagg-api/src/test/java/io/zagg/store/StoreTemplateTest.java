package io.zagg.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zagg.spi.DType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The template's metadata for zagg's worked example: HEALPix shard order 11, chunk order 13, cell order 19, gain-bias fields. */
class StoreTemplateTest {

    static StoreTemplate gainBias(boolean sharded) {
        return StoreTemplate.of(HealpixGeometry.of(11, 13, 19).sharded(sharded), Compressor.none(), List.of(
                FieldSpec.vector("waveform_counts", FillValue.zero(DType.UINT32), 128),
                FieldSpec.scalar("offset_h", FillValue.nan(DType.FLOAT32)).atChunkResolution(),
                FieldSpec.scalar("gain_h", FillValue.nan(DType.FLOAT32)).atChunkResolution(),
                FieldSpec.scalar("h_mean", FillValue.nan(DType.FLOAT32)),
                FieldSpec.ragged("h_tdigest", DType.FLOAT32, 2)));
    }

    @Test
    void printExample() {
        gainBias(false).documents().forEach((k, v) -> System.out.println("== " + k + "\n" + JsonText.write(v)));
        System.out.println(gainBias(true).member("h_mean").spec.metadataJson());
    }
}
