#!/usr/bin/python3
"""Writes ATL03- and ATL06-shaped HDF5 granules with the HDF5 library itself (h5py), for the
reader's tests, the demo and the benchmarks. Deterministic: the same arguments give the same
values (numpy's seeded generator); HDF5 object addresses may differ between library versions.

The layout follows the real NASA products: chunked datasets with unlimited maximum shapes,
deflate 6 on floats, shuffle + deflate on integers, 2-D ``signal_conf_ph`` (N, 5) int8,
1-based ``ph_index_beg`` with empty segments (``segment_ph_cnt == 0`` and
``ph_index_beg == 0``), ``_FillValue`` attributes, and ``DIMENSION_LIST`` reference
attributes (every dataset is attached to its group's ``delta_time`` dimension scale).

Kinds:
  atl03       photons walking north along six beam tracks (like a real granule), random
              heights, TEP photons, an empty segment every ``--empty-every`` segments and a
              fill-valued ``dem_h`` on ~2 % of the segments.
  atl03-grid  a hand-computable layout for exact tests: segment s holds ``--per-segment``
              photons at latitude ``s + (k + 0.5) / per_segment`` (beam i adds 40 * i), its
              reference photon is photon ``count // 2``, segments listed in ``--empty`` hold
              no photon, ``h_ph`` is the photon's 0-based index, every 7th photon is TEP in
              column 0, ``dem_h = 10 * s`` (fill value on segment ``--dem-fill``) and
              ``seg_flag = s % 3``; the second beam carries three invalid coordinates
              (photon 3: NaN latitude, photon 4: latitude 95, photon 5: infinite longitude);
              ``weight_ph = (37 i) % 256`` (uint8, shuffle + deflate + Fletcher-32) and
              ``ph_id_pulse = i % 200 + 1`` (uint8, unchunked), ``quality_ph = i % 3 - 1``
              (int16, chunked without filters) and ``dist_ph_along = i`` (big-endian float32,
              shuffle + deflate) for photon i.
  atl06       land-ice segments along six beam tracks with ``atl06_quality_summary`` 0/1 and
              a fill-valued ``h_li`` on ~1 % of the segments.

Usage:
  gen_granules.py atl03 OUT.h5 [--photons 6000] [--beams gt1l,gt2l] [--chunk 10000] [--seed 0]
  gen_granules.py atl03-grid OUT.h5 [--segments 30] [--per-segment 10] [--empty 8,20]
  gen_granules.py atl06 OUT.h5 [--segments 1500] [--beams gt1l,...] [--chunk 10000]
The committed test fixtures are made by ``tools/gen_fixtures.sh``.
"""
import argparse

import h5py
import numpy as np

ALL_BEAMS = ["gt1l", "gt1r", "gt2l", "gt2r", "gt3l", "gt3r"]
# across-track offsets of the six beams in metres: pairs 90 m apart, pairs 3.3 km apart
OFFSETS = {"gt1l": -3300, "gt1r": -3210, "gt2l": 0, "gt2r": 90, "gt3l": 3300, "gt3r": 3390}
FLOAT_FILL = np.float32(3.4028235e38)


def write(group, name, data, chunk, scale=None, fill=None):
    """One dataset in the real layout: chunked along axis 0, unlimited maxshape, deflate 6,
    shuffle for integers, attached to the group's delta_time scale (-> DIMENSION_LIST)."""
    data = np.asarray(data)
    rows = data.shape[0]
    ds = group.create_dataset(
        name,
        data=data,
        chunks=(min(chunk, max(1, rows)),) + data.shape[1:],
        maxshape=(None,) * data.ndim,
        compression="gzip",
        compression_opts=6,
        shuffle=not np.issubdtype(data.dtype, np.floating),
    )
    if fill is not None:
        ds.attrs["_FillValue"] = fill
    if scale is not None:
        ds.dims[0].attach_scale(scale)
    return ds


def time_scale(group, rows, chunk, rng):
    dt = write(group, "delta_time", np.cumsum(rng.uniform(1e-5, 2e-5, rows)) + 2.5e7, chunk)
    dt.make_scale("delta_time")
    return dt


def write_atl03_beam(g, d, chunk, rng):
    h = g.create_group("heights")
    t = time_scale(h, len(d["lat"]), chunk, rng)
    write(h, "lat_ph", d["lat"], chunk, t)
    write(h, "lon_ph", d["lon"], chunk, t)
    write(h, "h_ph", d["h"], chunk, t).attrs["units"] = "meters"
    write(h, "signal_conf_ph", d["sc"], chunk, t)
    geo = g.create_group("geolocation")
    gt = time_scale(geo, len(d["cnt"]), chunk, rng)
    write(geo, "reference_photon_lat", d["ref_lat"], chunk, gt)
    write(geo, "reference_photon_lon", d["ref_lon"], chunk, gt)
    write(geo, "ph_index_beg", d["beg"], chunk, gt, fill=np.int64(0))
    write(geo, "segment_ph_cnt", d["cnt"], chunk, gt, fill=np.int32(0))
    write(geo, "segment_id", np.arange(len(d["cnt"]), dtype=np.int32) + 100000, chunk, gt)
    if "seg_flag" in d:
        write(geo, "seg_flag", d["seg_flag"], chunk, gt)
    if "weight" in d:
        # the other storage paths a reader meets: a filter pipeline beyond shuffle + deflate
        # (Fletcher-32 checksums), an unchunked dataset, chunks without any filter and big-endian values
        h.create_dataset("weight_ph", data=d["weight"], chunks=(min(chunk, len(d["weight"])),), shuffle=True,
                         compression="gzip", fletcher32=True)
        h.create_dataset("ph_id_pulse", data=d["pulse"])
        h.create_dataset("quality_ph", data=d["quality"], chunks=(min(chunk, len(d["quality"])),))
        h.create_dataset("dist_ph_along", data=d["h"].astype(">f4"), chunks=(min(chunk, len(d["h"])),), shuffle=True,
                         compression="gzip")
    corr = g.create_group("geophys_corr")
    write(corr, "dem_h", d["dem"], chunk, gt, fill=FLOAT_FILL)


def fold(lat):
    """Long tracks turn back at 88 degrees, as an orbit does, so that every latitude is valid."""
    t = np.mod(lat + 88.0, 352.0)
    return np.where(np.abs(lat) <= 88.0, lat, np.where(t <= 176.0, t - 88.0, 264.0 - t))


def link_arrays(cnt):
    """1-based ph_index_beg of each segment, 0 for the empty ones (as ATL03 writes them)."""
    starts = np.concatenate([[0], np.cumsum(cnt)[:-1]]).astype(np.int64)
    return np.where(cnt > 0, starts + 1, 0).astype(np.int64)


def atl03_walk(rng, n_ph, lat0, lon0, dx_m, empty_every):
    along = np.cumsum(rng.uniform(0.2, 1.2, n_ph))  # ~0.7 m per photon
    lat = fold(lat0 + along / 111_320.0)
    lon = lon0 + dx_m / (111_320.0 * np.cos(np.radians(lat0))) + rng.normal(0, 2e-6, n_ph)
    h = (50.0 * np.sin(along / 900.0) + rng.normal(0, 3.0, n_ph)).astype(np.float32)
    noise = rng.random(n_ph) < 0.03
    h[noise] = rng.uniform(-300, 300, noise.sum()).astype(np.float32)
    sc = rng.integers(-1, 5, size=(n_ph, 5), dtype=np.int8)
    sc[rng.random(n_ph) < 0.01, :] = -2  # TEP in every column
    sc[rng.random(n_ph) < 0.005, 0] = -2  # TEP in column 0 only
    seg = np.floor(along / 20.0).astype(np.int64)  # 20 m geolocation segments
    cnt = np.bincount(seg, minlength=int(seg[-1]) + 1).astype(np.int32)
    if empty_every:
        # empty a segment by handing its photons to the next one
        for s in range(3, len(cnt) - 1, empty_every):
            cnt[s + 1] += cnt[s]
            cnt[s] = 0
    beg = link_arrays(cnt)
    # the reference photon is the segment's middle one; an empty segment keeps its place on the
    # track (the first photon after it), as a real segment without photons lies where it is
    starts = np.concatenate([[0], np.cumsum(cnt)[:-1]])
    ref = np.clip(starts + cnt // 2, 0, n_ph - 1)
    ref_lat = lat[ref]
    ref_lon = lon[ref]
    dem = (50.0 * np.sin(np.arange(len(cnt)) * 20.0 / 900.0)).astype(np.float32)
    dem[rng.random(len(cnt)) < 0.02] = FLOAT_FILL
    return dict(lat=lat, lon=lon, h=h, sc=sc, beg=beg, cnt=cnt, ref_lat=ref_lat, ref_lon=ref_lon, dem=dem)


def atl03_grid(n_seg, per_seg, empty, dem_fill, lat_offset, invalid):
    cnt = np.full(n_seg, per_seg, dtype=np.int32)
    cnt[list(empty)] = 0
    beg = link_arrays(cnt)
    seg_of_photon = np.repeat(np.arange(n_seg), cnt)
    k = np.concatenate([np.arange(c) for c in cnt])
    lat = lat_offset + seg_of_photon + (k + 0.5) / per_seg
    n_ph = len(lat)
    lon = np.arange(n_ph) * 0.001
    sc = np.tile(np.array([4, 3, 2, 1, 0], dtype=np.int8), (n_ph, 1))
    sc[::7, 0] = -2
    ref_k = per_seg // 2
    ref_lat = lat_offset + np.arange(n_seg) + (ref_k + 0.5) / per_seg
    ref_lon = np.where(cnt > 0, (beg - 1 + ref_k) * 0.001, 0.0)
    if invalid:
        lat[3], lat[4], lon[5] = np.nan, 95.0, np.inf
    dem = (10.0 * np.arange(n_seg)).astype(np.float32)
    if dem_fill is not None:
        dem[dem_fill] = FLOAT_FILL
    return dict(lat=lat, lon=lon, h=np.arange(n_ph, dtype=np.float32), sc=sc, beg=beg, cnt=cnt,
                ref_lat=ref_lat, ref_lon=ref_lon, dem=dem, seg_flag=(np.arange(n_seg) % 3).astype(np.int8),
                weight=(np.arange(n_ph) * 37 % 256).astype(np.uint8), pulse=(np.arange(n_ph) % 200 + 1).astype(np.uint8),
                quality=(np.arange(n_ph) % 3 - 1).astype(np.int16))


def atl06_beam(g, rng, n, lat0, lon0, dx_m, chunk):
    along = np.cumsum(rng.uniform(18.0, 22.0, n))  # ~20 m land-ice segments
    lis = g.create_group("land_ice_segments")
    t = time_scale(lis, n, chunk, rng)
    lat = lat0 + along / 111_320.0
    lon = lon0 + dx_m / (111_320.0 * np.cos(np.radians(lat0))) + rng.normal(0, 1e-6, n)
    h = (1200.0 + 30.0 * np.sin(along / 5000.0) + rng.normal(0, 0.5, n)).astype(np.float32)
    h[rng.random(n) < 0.01] = FLOAT_FILL
    sigma = rng.uniform(0.02, 0.5, n).astype(np.float32)
    quality = (rng.random(n) < 0.2).astype(np.int8)
    write(lis, "latitude", lat, chunk, t)
    write(lis, "longitude", lon, chunk, t)
    write(lis, "h_li", h, chunk, t, fill=FLOAT_FILL).attrs["units"] = "meters"
    write(lis, "h_li_sigma", sigma, chunk, t, fill=FLOAT_FILL)
    write(lis, "atl06_quality_summary", quality, chunk, t, fill=np.int8(127))
    write(lis, "segment_id", np.arange(n, dtype=np.int32) + 500000, chunk, t)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("kind", choices=["atl03", "atl03-grid", "atl06"])
    ap.add_argument("out")
    ap.add_argument("--photons", type=int, default=6000, help="atl03: photons per beam")
    ap.add_argument("--segments", type=int, default=None, help="atl03-grid: 30, atl06: 1500 per beam")
    ap.add_argument("--per-segment", type=int, default=10)
    ap.add_argument("--empty", default="8,20", help="atl03-grid: empty segments")
    ap.add_argument("--dem-fill", type=int, default=5, help="atl03-grid: segment with a fill-valued dem_h")
    ap.add_argument("--empty-every", type=int, default=37)
    ap.add_argument("--beams", default=None, help="comma-separated beams (default: all six; grid: gt1l,gt2l)")
    ap.add_argument("--chunk", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--lat", type=float, default=38.89)
    ap.add_argument("--lon", type=float, default=-76.56)
    a = ap.parse_args()
    rng = np.random.default_rng(a.seed)
    default_beams = "gt1l,gt2l" if a.kind == "atl03-grid" else ",".join(ALL_BEAMS)
    beams = (a.beams or default_beams).split(",")
    with h5py.File(a.out, "w") as f:
        f.create_group("ancillary_data").create_dataset("atlas_sdp_gps_epoch", data=np.array([1.19880002e9]))
        for i, b in enumerate(beams):
            g = f.create_group(b)
            if a.kind == "atl03":
                d = atl03_walk(rng, a.photons, a.lat - 0.01, a.lon, OFFSETS[b], a.empty_every)
                write_atl03_beam(g, d, a.chunk, rng)
            elif a.kind == "atl03-grid":
                empty = [int(s) for s in a.empty.split(",") if s]
                d = atl03_grid(a.segments or 30, a.per_segment, empty, a.dem_fill, 40.0 * i, i == 1)
                write_atl03_beam(g, d, a.chunk, rng)
            else:
                atl06_beam(g, rng, a.segments or 1500, a.lat - 0.1, a.lon, OFFSETS[b], a.chunk)


if __name__ == "__main__":
    main()
