package io.zagg.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zagg.spi.Batch;
import io.zagg.spi.CarrierContext;
import io.zagg.spi.DType;
import io.zagg.spi.MutableColumn;
import java.util.List;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.Data;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.Test;

/** The C Data export of an output batch: what a C or Python consumer imports is the carrier's memory, unchanged. */
class ArrowExportTest {

    @Test
    void anOutputBatchRoundTripsThroughCDataWithoutCopying() {
        ArrowCarrier carrier = (ArrowCarrier) new ArrowCarrierProvider().create(CarrierContext.of(1 << 24, "test-shard"));
        Batch out = carrier.newBatch(3);
        MutableColumn hMin = out.add("h_min", DType.FLOAT32, 1);
        MutableColumn conf = out.add("conf_max", DType.INT8, 5);
        MutableColumn ids = out.add("cell_ids", DType.UINT64, 1);
        for (int c = 0; c < 3; c++) {
            hMin.setFloat(c, c == 1 ? Float.NaN : c * 1.5f);
            ids.setLong(c, 0x8000_0000_0000_0000L | c);
            for (int k = 0; k < 5; k++) {
                conf.setLong(c * 5L + k, k - c);
            }
        }
        try (ArrowArray array = ArrowArray.allocateNew(carrier.allocator());
             ArrowSchema schema = ArrowSchema.allocateNew(carrier.allocator())) {
            ArrowExport.export(out, array, schema);
            try (VectorSchemaRoot imported = Data.importVectorSchemaRoot(carrier.allocator(), array, schema, null)) {
                assertEquals(List.of("h_min", "conf_max", "cell_ids"), imported.getSchema().getFields().stream().map(f -> f.getName()).toList());
                assertEquals(3, imported.getRowCount());
                Float4Vector h = (Float4Vector) imported.getVector("h_min");
                assertEquals(3.0f, h.get(2));
                assertTrue(Float.isNaN(h.get(1)));
                assertEquals(0, h.getNullCount(), "every row is valid");
                FixedSizeListVector c = (FixedSizeListVector) imported.getVector("conf_max");
                assertEquals(new ArrowType.FixedSizeList(5), c.getField().getType());
                assertEquals(List.of((byte) -2, (byte) -1, (byte) 0, (byte) 1, (byte) 2), c.getObject(2));
                UInt8Vector u = (UInt8Vector) imported.getVector("cell_ids");
                assertEquals(0x8000_0000_0000_0002L, u.get(2));
                assertFalse(u.getField().isNullable());
                assertEquals(((ArrowColumn) out.column("h_min")).data.memoryAddress(), h.getDataBuffer().memoryAddress(),
                        "the consumer reads the carrier's buffer itself");
                assertEquals(((ArrowColumn) out.column("conf_max")).data.memoryAddress(),
                        c.getDataVector().getDataBuffer().memoryAddress());
            }
        }
        carrier.close();
        assertEquals(0, carrier.memory().heldBytes(), "released export and closed carrier leave nothing behind");
    }
}
