package io.zagg.arrow;

import io.zagg.spi.Batch;
import io.zagg.spi.Column;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.Data;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Hands a batch held by the {@code arrow} carrier — typically a shard's output batch — to a C or
 * Python consumer through the Arrow C Data Interface, without copying: the consumer reads the
 * carrier's own buffers.
 *
 * <pre>{@code
 * try (ArrowArray array = ArrowArray.allocateNew(allocator);
 *      ArrowSchema schema = ArrowSchema.allocateNew(allocator)) {
 *     ArrowExport.export(output, array, schema);
 *     consumer.take(array.memoryAddress(), schema.memoryAddress());   // e.g. pyarrow.RecordBatch._import_from_c
 * }
 * }</pre>
 *
 * The export is a record batch (a struct array) with one non-nullable child per column, named as
 * in the batch: scalar columns as their fixed-width type, vector columns as
 * {@code FixedSizeList<type>[width]}. Its buffers stay owned by the carrier: the consumer must
 * release the exported array (call its release callback, as every C Data consumer does when done)
 * before the batch's columns are released or the carrier closes; the carrier's close reports an
 * array still exported as a leak.
 */
public final class ArrowExport {

    private ArrowExport() {
    }

    /**
     * Exports every column of {@code batch} into {@code array} and its schema into {@code schema}.
     *
     * @throws IllegalArgumentException if the batch is not held by the {@code arrow} carrier, or a
     *                                  column is a {@link io.zagg.spi.ColumnChain} (concatenated
     *                                  reads, not yet gathered)
     */
    public static void export(Batch batch, ArrowArray array, ArrowSchema schema) {
        if (!(batch.carrier() instanceof ArrowCarrier)) {
            throw new IllegalArgumentException("batch " + batch.source() + " is held by " + batch.carrier()
                    + "; only the arrow carrier's batches export without copying");
        }
        if (batch.rows() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("batch " + batch.source() + " has " + batch.rows() + " rows, more than an Arrow record batch holds");
        }
        List<Field> fields = new ArrayList<>();
        List<FieldVector> vectors = new ArrayList<>();
        for (String name : batch.names()) {
            Column column = batch.column(name);
            if (!(column instanceof ArrowColumn)) {
                throw new IllegalArgumentException("column '" + name + "' of batch " + batch.source() + " is " + column
                        + ", not one Arrow vector: a batch's columns are chains of its reads' vectors from concat until"
                        + " gather; export an output batch or a gathered one");
            }
            FieldVector v = ((ArrowColumn) column).vector;
            Field f = v.getField();
            fields.add(new Field(name, f.getFieldType(), f.getChildren()));
            vectors.add(v);
        }
        // the root only names the carrier's vectors; it is not closed, the carrier owns them
        VectorSchemaRoot root = new VectorSchemaRoot(fields, vectors, (int) batch.rows());
        Data.exportVectorSchemaRoot(((ArrowCarrier) batch.carrier()).allocator(), root, null, array, schema);
    }
}
