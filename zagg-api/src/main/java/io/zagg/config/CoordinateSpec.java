package io.zagg.config;

import io.zagg.spi.DType;

/** An {@code aggregation.coordinates} entry: a per-cell coordinate array the template declares ({@code cell_ids}, {@code morton}). */
public record CoordinateSpec(String name, DType dtype, Number fillValue) {
}
