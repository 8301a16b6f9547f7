/**
 * Our own Zarr v3 writer and reader for zagg's store layout (engine, exported only to the
 * command line, whose {@code zagg inspect} reads stores with it).
 *
 * <p>A run builds a {@link io.zagg.store.StoreTemplate} from a
 * {@link io.zagg.store.HealpixGeometry}, a {@link io.zagg.store.Compressor} and its
 * {@link io.zagg.store.FieldSpec}s; {@link io.zagg.store.StoreWriter#create} writes it once into
 * a {@link io.zagg.store.Store} (a {@link io.zagg.store.DirectoryStore} here; anything with
 * get / atomic put / list / delete, such as S3, can implement it); each shard then writes only
 * its own objects through a {@link io.zagg.store.ShardWriter}, concurrently with the others;
 * {@link io.zagg.store.StoreWriter#finish} consolidates the metadata into the root
 * {@code zarr.json} and writes the run record last. {@link io.zagg.store.StoreReader} reads the
 * result back.
 *
 * <p>Layout (group {@code {cellOrder}/}, HEALPix NESTED "fullsphere" indexing):
 * <ul>
 * <li>{@code cell_ids}, {@code morton}: uint64 {@code (12·4^cellOrder,)}, one chunk of
 *     {@code 4^(cellOrder-chunkOrder)} cells per NESTED chunk id (chunk key
 *     {@code c/{chunk}}), or one shard object per NESTED shard id ({@code c/{shard}}) when
 *     sharded.</li>
 * <li>each scalar or vector field: {@code (N, *trailing)}, trailing dimensions chunked whole
 *     (key {@code c/{chunk}/0}); a companion ({@code resolution: chunk}) is shaped
 *     {@code (12·4^chunkOrder, *trailing)} with chunks of 1 and is never sharded.</li>
 * <li>each ragged field: a group {@code {field}/} holding one CSR group per chunk,
 *     {@code {field}/{chunk}/values|offsets|cell_ids} (chunk = NESTED id of the chunk at the
 *     chunk order, for K = 1 too), each a one-chunk array with the run's codecs.</li>
 * </ul>
 * Codecs: {@code bytes} (little-endian) then the compressor ({@code zstd} or {@code gzip}) if
 * any; sharded arrays use {@code sharding_indexed} with those codecs inside and a
 * {@code bytes} + {@code crc32c} index at the end, absent inner chunks as 2^64-1.
 */
package io.zagg.store;
