#!/usr/bin/python3
"""Writes the chunk-decoding fixture: small chunked datasets, written by the HDF5 library
(h5py), covering every storage case the reader's own chunk decoder handles. Deterministic.

Every dataset has 53 rows in chunks of 8 (the last chunk holds 5 rows):
  conf_i8     (53, 5) int8, shuffle + deflate      h_f32      float32, deflate
  lat_f64     float64, deflate                      cnt_i16    int16, shuffle + deflate
  idx_i32be   big-endian int32, shuffle + deflate   beg_i64    int64, shuffle + deflate
  dt_f64be    big-endian float64, shuffle + deflate u16_plain  uint16, chunked without filters
  h_f32_masked    h_f32's values; chunks 1 and 6 stored with deflate skipped (filter mask 1)
  beg_i64_masked  beg_i64's values; chunk 2 stored without deflate (mask 2: shuffled bytes),
                  chunk 3 without shuffle (mask 1), chunk 4 without either (mask 3)
  gaps_f64    float64, deflate: only chunk 0 is written, the others are never allocated

Usage:
  gen_chunk_cases.py OUT.h5 [--libver earliest|latest]
``earliest`` indexes chunks with version-1 B-trees (as ICESat-2 products do), ``latest`` with
the newer indices (fixed array, extensible array for the unlimited ones). The committed fixtures
are made by ``tools/gen_fixtures.sh``.
"""
import argparse
import zlib

import h5py
import numpy as np

ROWS = 53
CHUNK = 8


def shuffled(values):
    """HDF5's shuffle: byte j of element i at j * elements + i."""
    raw = np.ascontiguousarray(values).view(np.uint8).reshape(values.size, values.dtype.itemsize)
    return raw.T.copy().tobytes()


def chunk_of(values, k):
    """Chunk k's elements, padded to a whole chunk as HDF5 stores edge chunks."""
    part = values[k * CHUNK:(k + 1) * CHUNK]
    full = np.zeros((CHUNK,) + values.shape[1:], dtype=values.dtype)
    full[:len(part)] = part
    return full


def masked(f, name, values, shuffle, masks):
    """A dataset whose chunks in ``masks`` (chunk -> filter mask) are written directly with the
    filters the mask names skipped; every other chunk goes through HDF5's pipeline."""
    ds = f.create_dataset(name, shape=values.shape, dtype=values.dtype, chunks=(CHUNK,) + values.shape[1:],
                          maxshape=(None,) + values.shape[1:], compression="gzip", compression_opts=6, shuffle=shuffle)
    for k in range((ROWS + CHUNK - 1) // CHUNK):
        if k not in masks:
            ds[k * CHUNK:(k + 1) * CHUNK] = values[k * CHUNK:(k + 1) * CHUNK]
            continue
        mask = masks[k]
        full = chunk_of(values, k)
        data = full.tobytes()
        if shuffle and not mask & 1:
            data = shuffled(full)
        deflate_bit = 2 if shuffle else 1
        if not mask & deflate_bit:
            data = zlib.compress(data, 6)
        ds.id.write_direct_chunk((k * CHUNK,) + (0,) * (values.ndim - 1), data, filter_mask=mask)
    assert np.array_equal(ds[...], values), name + ": HDF5 reads back other values"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--libver", choices=["earliest", "latest"], default="earliest")
    a = ap.parse_args()
    rng = np.random.default_rng(5)
    i = np.arange(ROWS)
    conf = ((i[:, None] * 7 + np.arange(5)[None, :] * 3) % 256 - 128).astype(np.int8)
    h = rng.normal(100.0, 500.0, ROWS).astype(np.float32)
    lat = rng.uniform(-90.0, 90.0, ROWS)
    cnt = (i * 1237 % 65536 - 32768).astype(np.int16)
    idx = (i * 98765431 - 2 ** 30).astype(">i4")
    beg = (i * 12345678901 - 2 ** 40).astype(np.int64)
    dt = (2.5e7 + i * 1.1e-5).astype(">f8")
    u16 = (i * 977 % 65536).astype(np.uint16)
    with h5py.File(a.out, "w", libver=a.libver) as f:
        def put(name, values, unlimited, **filters):
            maxshape = ((None,) if unlimited else (ROWS,)) + values.shape[1:]
            f.create_dataset(name, data=values, chunks=(CHUNK,) + values.shape[1:], maxshape=maxshape, **filters)

        gzip = dict(compression="gzip", compression_opts=6)
        put("conf_i8", conf, True, shuffle=True, **gzip)
        put("h_f32", h, True, **gzip)
        put("lat_f64", lat, False, **gzip)
        put("cnt_i16", cnt, False, shuffle=True, **gzip)
        put("idx_i32be", idx, True, shuffle=True, **gzip)
        put("beg_i64", beg, False, shuffle=True, **gzip)
        put("dt_f64be", dt, True, shuffle=True, **gzip)
        put("u16_plain", u16, False)
        masked(f, "h_f32_masked", h, False, {1: 1, 6: 1})
        masked(f, "beg_i64_masked", beg, True, {2: 2, 3: 1, 4: 3})
        gaps = f.create_dataset("gaps_f64", shape=(ROWS,), dtype=np.float64, chunks=(CHUNK,), **gzip)
        gaps[0:CHUNK] = lat[0:CHUNK]


if __name__ == "__main__":
    main()
