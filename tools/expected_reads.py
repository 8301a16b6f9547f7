#!/usr/bin/python3
"""Expected values for the reader's conformance tests, computed with h5py + numpy.

An independent re-statement of zagg's read (processing/read.py and read_plan.py at 29b392ee):
full read, or the segment read plan (reference-photon test, pad, merge of overlapping or
adjacent runs, empty segments skipped at run boundaries, index_base, 0.9 full-read fallback),
structured filters, segment-variable broadcast, and the optional _FillValue rule. The shard
test is a latitude/longitude box (inclusive). For every case and beam it records the status,
row counts and, per output column, the element count, the wrapping uint64 sum of the raw
element bits and the first and last values, so the Java test compares every value exactly.

Usage: expected_reads.py FIXTURE_DIR SHARED_DATA_DIR > expected_reads.json
Cases on files of SHARED_DATA_DIR are skipped (not written) when it is absent.
"""
import json
import os
import sys

import h5py
import numpy as np

BEAMS = ["gt1l", "gt1r", "gt2l", "gt2r", "gt3l", "gt3r"]

ATL03 = dict(
    lat="/{g}/heights/lat_ph", lon="/{g}/heights/lon_ph",
    variables={"h_ph": "/{g}/heights/h_ph"},
    filters=[dict(dataset="/{g}/heights/signal_conf_ph", column=0, op="ne", value=-2)],
    segments=dict(lat="/{g}/geolocation/reference_photon_lat", lon="/{g}/geolocation/reference_photon_lon",
                  beg="/{g}/geolocation/ph_index_beg", cnt="/{g}/geolocation/segment_ph_cnt", base=1),
    segment_variables={}, plan=dict(pad=1, threshold=0.9))
ATL03_DEM = dict(ATL03, segment_variables={"dem_h": "/{g}/geophys_corr/dem_h"})
ATL06 = dict(
    lat="/{g}/land_ice_segments/latitude", lon="/{g}/land_ice_segments/longitude",
    variables={"h_li": "/{g}/land_ice_segments/h_li", "s_li": "/{g}/land_ice_segments/h_li_sigma"},
    filters=[dict(dataset="/{g}/land_ice_segments/atl06_quality_summary", column=None, op="eq", value=0)],
    segments=None, segment_variables={}, plan=None)
LAYOUTS = {"atl03": ATL03, "atl03_dem": ATL03_DEM, "atl06": ATL06}

EVERYWHERE = [-90.0, 90.0, -180.0, 180.0]
CASES = [
    # id, file (granules/ = committed fixture, shared/ = ../shared/data), layout, box, exact, drop_fill
    ("small_middle_planned", "granules/atl03_small.h5", "atl03", [38.89, 38.90, -180.0, 180.0], False, False),
    ("small_middle_exact", "granules/atl03_small.h5", "atl03", [38.89, 38.90, -180.0, 180.0], True, False),
    ("small_everything_fallback", "granules/atl03_small.h5", "atl03", EVERYWHERE, False, False),
    ("small_one_track", "granules/atl03_small.h5", "atl03", [-90.0, 90.0, -76.57, -76.55], False, False),
    ("small_dem_planned", "granules/atl03_small.h5", "atl03_dem", [38.885, 38.905, -180.0, 180.0], False, False),
    ("small_dem_drop_fill", "granules/atl03_small.h5", "atl03_dem", [38.885, 38.905, -180.0, 180.0], False, True),
    ("grid_dem_planned", "granules/atl03_grid.h5", "atl03_dem", [2.0, 12.35, -180.0, 180.0], False, False),
    ("grid_dem_exact", "granules/atl03_grid.h5", "atl03_dem", [2.0, 12.35, -180.0, 180.0], True, False),
    ("atl06_part", "granules/atl06_small.h5", "atl06", [-75.09, -75.03, -180.0, 180.0], False, False),
    ("atl06_part_drop_fill", "granules/atl06_small.h5", "atl06", [-75.09, -75.03, -180.0, 180.0], False, True),
    ("real_gt1l_middle_planned", "shared/ATL03_gt1l.h5", "atl03", [87.2955, 87.2975, -180.0, 180.0], False, False),
    ("real_gt1l_middle_exact", "shared/ATL03_gt1l.h5", "atl03", [87.2955, 87.2975, -180.0, 180.0], True, False),
    ("real_gt1l_everything", "shared/ATL03_gt1l.h5", "atl03_dem", EVERYWHERE, False, False),
    ("real_gt1l_everything_drop_fill", "shared/ATL03_gt1l.h5", "atl03_dem", EVERYWHERE, True, True),
    ("real_gt1l_east", "shared/ATL03_gt1l.h5", "atl03", [-90.0, 90.0, 150.0, 180.0], False, False),
    ("mini_segments_3_to_6_planned", "shared/atl03_mini.h5", "atl03", [3.0, 6.0, -180.0, 180.0], False, False),
    ("mini_segments_3_to_6_exact", "shared/atl03_mini.h5", "atl03", [3.0, 6.0, -180.0, 180.0], True, False),
    ("mini_edge_omitted_planned", "shared/atl03_mini.h5", "atl03", [-90.0, 90.0, 0.52, 0.6], False, False),
    ("mini_edge_omitted_exact", "shared/atl03_mini.h5", "atl03", [-90.0, 90.0, 0.52, 0.6], True, False),
    ("mini_empty_segment_8", "shared/atl03_mini.h5", "atl03", [7.5, 9.5, -180.0, 180.0], False, False),
]


def in_box(lat, lon, box):
    valid = np.isfinite(lat) & (np.abs(lat) <= 90) & np.isfinite(lon)
    with np.errstate(invalid="ignore"):
        sel = valid & (lat >= box[0]) & (lat <= box[1]) & (lon >= box[2]) & (lon <= box[3])
    return sel, int((~valid).sum())


def plan_read(mask, beg, cnt, index_base, pad, threshold):
    """zagg read_plan.plan_read with a coarse mask: (slices, full_read)."""
    n = len(mask)
    n_base = int(cnt.sum())
    if n == 0 or n_base == 0 or not mask.any():
        return [], False
    padded = np.concatenate([[False], mask, [False]]).astype(np.int8)
    edges = np.diff(padded)
    starts = np.flatnonzero(edges == 1)
    ends = np.flatnonzero(edges == -1) - 1
    merged = []
    for s, e in zip(starts, ends):
        s, e = max(0, s - pad), min(n - 1, e + pad)
        if merged and s <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    slices = []
    for s, e in merged:
        nonempty = [p for p in range(s, e + 1) if cnt[p] > 0]
        if not nonempty:
            continue
        first, last = nonempty[0], nonempty[-1]
        a = max(0, int(beg[first]) - index_base)
        b = min(n_base, int(beg[last]) - index_base + int(cnt[last]))
        if b > a:
            slices.append((a, b))
    if not slices:
        return [], False
    if sum(b - a for a, b in slices) > threshold * n_base:
        return [(0, n_base)], True
    return slices, False


def predicate(arr, f):
    if arr.ndim > 1:
        arr = arr[:, f["column"]]
    ops = {"eq": np.equal, "ne": np.not_equal, "ge": np.greater_equal, "le": np.less_equal, "lt": np.less, "gt": np.greater}
    return ops[f["op"]](arr, f["value"])


def broadcast(values, beg, cnt, index_base, n):
    out = np.full(n, np.nan, dtype=values.dtype) if np.issubdtype(values.dtype, np.floating) else np.zeros(n, values.dtype)
    for p in range(len(values)):
        if cnt[p] > 0:
            b = int(beg[p]) - index_base
            out[b:b + int(cnt[p])] = values[p]
    return out


def column_summary(name, arr):
    flat = np.ascontiguousarray(arr).reshape(-1)
    unsigned = {1: np.uint8, 2: np.uint16, 4: np.uint32, 8: np.uint64}[flat.dtype.itemsize]
    bits = int(flat.view(unsigned).astype(np.uint64).sum(dtype=np.uint64)) if len(flat) else 0
    first = flat[0].item() if len(flat) else None
    last = flat[-1].item() if len(flat) else None
    return dict(name=name, dtype=str(flat.dtype), width=int(arr.shape[1]) if arr.ndim > 1 else 1, elements=int(len(flat)),
                bits_sum=str(bits), first=first, last=last)


def read_beam(f, beam, layout, box, exact, drop_fill):
    if beam not in f:
        return dict(status="ABSENT")
    g = lambda t: t.format(g=beam)
    lat_all = f[g(layout["lat"])][:]
    lon_all = f[g(layout["lon"])][:]
    n = len(lat_all)
    access = "FULL"
    idx = np.arange(n)
    seg = layout["segments"]
    if layout["plan"] and not exact:
        seg_lat = f[g(seg["lat"])][:]
        seg_lon = f[g(seg["lon"])][:]
        beg = f[g(seg["beg"])][:]
        cnt = f[g(seg["cnt"])][:]
        mask, _ = in_box(seg_lat, seg_lon, box)
        slices, full = plan_read(mask, beg, cnt, seg["base"], layout["plan"]["pad"], layout["plan"]["threshold"])
        if not slices:
            return dict(status="EMPTY", access="PLANNED", rows=0, invalid=0, rows_read=0)
        if full:
            access = "PLAN_FELL_BACK_TO_FULL"
        else:
            access = "PLANNED"
            idx = np.concatenate([np.arange(a, b) for a, b in slices])
    lat = lat_all[idx]
    lon = lon_all[idx]
    keep, invalid = in_box(lat, lon, box)
    out = dict(access=access, invalid=invalid, rows_read=int(len(idx)))
    if not keep.any():
        return dict(out, status="EMPTY", rows=0)
    for flt in layout["filters"]:
        keep &= predicate(f[g(flt["dataset"])][:][idx], flt)
    columns = {}
    fills = {}
    for name, t in layout["variables"].items():
        ds = f[g(t)]
        columns[name] = ds[:][idx]
        fills[name] = ds.attrs.get("_FillValue")
    for name, t in layout["segment_variables"].items():
        ds = f[g(t)]
        beg = f[g(seg["beg"])][:]
        cnt = f[g(seg["cnt"])][:]
        columns[name] = broadcast(ds[:], beg, cnt, seg["base"], n)[idx]
        fills[name] = ds.attrs.get("_FillValue")
    if drop_fill:
        for name, arr in columns.items():
            if fills[name] is not None:
                fill = np.asarray(fills[name]).reshape(-1)[0]
                hit = arr == fill.astype(arr.dtype)
                keep &= ~(hit.any(axis=1) if hit.ndim > 1 else hit)
    if not keep.any():
        return dict(out, status="EMPTY", rows=0)
    columns["latitude"] = lat
    columns["longitude"] = lon
    summaries = [column_summary(name, arr[keep]) for name, arr in columns.items()]
    return dict(out, status="READ", rows=int(keep.sum()), columns=summaries)


def main():
    fixtures, shared = sys.argv[1], sys.argv[2]
    cases = []
    for cid, file, layout_name, box, exact, drop_fill in CASES:
        root, name = file.split("/", 1)
        path = os.path.join(fixtures if root == "granules" else shared, name)
        if root == "shared" and not os.path.exists(path):
            print(f"skipping {cid}: {path} is absent", file=sys.stderr)
            continue
        with h5py.File(path, "r") as f:
            beams = {b: read_beam(f, b, LAYOUTS[layout_name], box, exact, drop_fill) for b in BEAMS}
        cases.append(dict(id=cid, file=file, layout=layout_name, box=box, exact=exact, drop_fill=drop_fill, beams=beams))
    json.dump(dict(generator="tools/expected_reads.py", cases=cases), sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
