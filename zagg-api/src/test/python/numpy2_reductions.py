"""Generates src/test/resources/conformance/numpy2_reductions.json with numpy 2.2 (zagg's pin).

Supplements numpy_reductions.json (numpy 1.24, beside the output): its 28 inputs (by name)
plus edge cases, with numpy 2's results for float32 *and* float64 inputs, the statistics that
file lacks (nansum, nanstd, nanmedian, more quantiles and histogram ranges), and zagg's t-digest
reader functions. numpy 2 casts a Python-float q to the input dtype in np.quantile, so its float32
quantiles ("quantile") differ from numpy 1.24's, which interpolate in float64; "quantile_array_q"
passes q as a float64 array, which numpy 2 interpolates in float64 exactly as numpy 1.24 and the
conformance file do (and zagg for Java does).

Floats are IEEE-754 bit patterns: float32 as an unsigned int, float64 as a 16-digit hex string.
Run: python3 numpy2_reductions.py ../../../../shared/conformance/numpy_reductions.json OUT.json
"""
import json
import math
import sys
import warnings

import numpy as np

warnings.simplefilter("ignore")
QS = [0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0, 0.025, 0.333, 0.999]
STATS = ["sum", "mean", "var", "std", "min", "max", "median", "nansum", "nanmean", "nanvar",
         "nanstd", "nanmin", "nanmax", "nanmedian"]


def bits(v, dtype):
    v = np.asarray(v, dtype=dtype)
    if dtype == np.float32:
        return int(v.view(np.uint32))
    return "%016x" % int(v.view(np.uint64))


def k1(q, delta):
    q = min(max(q, 0.0), 1.0)
    return delta * (math.asin(2.0 * q - 1.0) / math.pi + 0.5)


def build_tdigest(values, delta):
    """zagg at 29b392ee (zagg-reference.md 3.10): k1 scale, sequential sort-and-merge."""
    v = np.asarray(values, dtype=np.float64)
    v = np.sort(v[np.isfinite(v)])
    n = len(v)
    if n == 0:
        return np.empty((0, 2), np.float32)
    out = []
    mean, weight, k_left = v[0], 1.0, k1(0.0, delta)
    for i in range(1, n):
        k_right = k1((i + 1) / n, delta)
        if k_right - k_left <= 1:
            mean += (v[i] - mean) / (weight + 1)
            weight += 1
        else:
            out.append((mean, weight))
            mean, weight, k_left = v[i], 1.0, k1(i / n, delta)
    out.append((mean, weight))
    return np.array(out, dtype=np.float32)


def quantile_from_tdigest(digest, q):
    if len(digest) == 0:
        return float("nan")
    means = np.asarray(digest[:, 0], dtype=np.float64)
    weights = np.asarray(digest[:, 1], dtype=np.float64)
    n = weights.sum()
    upper = np.cumsum(weights)
    target = q * (n - 1)
    for k in range(len(means)):
        lo = 0.0 if k == 0 else upper[k - 1]
        hi = upper[k] - 1.0
        if target <= hi:
            if hi <= lo:
                return float(means[k])
            frac = (target - lo) / (hi - lo)
            if k == 0:
                lo_val = means[0]
                hi_val = means[0] if len(means) == 1 else (means[0] + means[1]) / 2.0
            else:
                lo_val = (means[k - 1] + means[k]) / 2.0
                hi_val = means[k] if k == len(means) - 1 else (means[k] + means[k + 1]) / 2.0
            return float(lo_val + frac * (hi_val - lo_val))
    return float(means[-1])


def cdf_from_tdigest(digest, x):
    if len(digest) == 0:
        return float("nan")
    means = np.asarray(digest[:, 0], dtype=np.float64)
    weights = np.asarray(digest[:, 1], dtype=np.float64)
    total = float(weights.sum())
    cum_center = np.cumsum(weights) - weights / 2.0
    if len(means) == 1:
        return total if x >= means[0] else 0.0
    return float(np.interp(x, means, cum_center, left=0.0, right=total))


def merge_tdigests(d1, d2, delta):
    """k1 re-compression of the stably mean-sorted concatenation over cumulative weights."""
    if len(d1) == 0:
        return np.asarray(d2, np.float32)
    if len(d2) == 0:
        return np.asarray(d1, np.float32)
    c = np.concatenate([d1, d2]).astype(np.float64)
    c = c[np.argsort(c[:, 0], kind="stable")]
    cum = np.cumsum(c[:, 1])
    total = cum[-1]
    k_right = [k1(w / total, delta) for w in cum]
    starts, k_left = [0], k1(0.0, delta)
    for i in range(1, len(c)):
        if k_right[i] - k_left > 1.0:
            starts.append(i)
            k_left = k_right[i - 1]
    out = []
    for j, s in enumerate(starts):
        e = starts[j + 1] if j + 1 < len(starts) else len(c)
        w = sum(c[s:e, 1])
        mw = 0.0
        for i in range(s, e):
            mw += c[i, 0] * c[i, 1]
        out.append((mw / w, w))
    return np.array(out, dtype=np.float32)


def histograms(x):
    """The conformance range, a waveform-style float32-anchored range, and a degenerate one."""
    finite = x[np.isfinite(x)]
    anchor = np.float32(np.median(finite)) if len(finite) else np.float32(0)
    if not abs(anchor) < 1e6:
        anchor = np.float32(0)
    gain = 0.5
    return [(128, -100.0, 100.0), (128, float(anchor) - 27 * gain, float(anchor) + 101 * gain),
            (7, float(anchor), float(anchor)), (3, -1.0, 1.0)]


def stats(x, w, dtype):
    x = x.astype(dtype)
    out = {}
    for name in STATS:
        out[name] = bits(getattr(np, name)(x), dtype)
    out["quantile"] = {repr(q): bits(np.quantile(x, q), dtype) for q in QS}
    out["quantile_array_q"] = {repr(q): bits(np.quantile(x, np.array(q, dtype=np.float64)), dtype) for q in QS}
    if w is not None:
        w = w.astype(dtype)
        s = np.sum(w)
        out["average"] = bits(np.average(x, weights=w), dtype) if s != 0 else None
    out["histograms"] = []
    for b, lo, hi in histograms(x):
        h = {"bins": b, "lo": lo, "hi": hi}
        try:
            h["counts"] = np.histogram(x, b, (lo, hi))[0].tolist()
        except ValueError as e:
            h["error"] = str(e)
        out["histograms"].append(h)
    return out


def extra_cases():
    rng = np.random.default_rng(2026)
    f = np.float32
    # no mix of +0.0 and -0.0: which zero numpy's SIMD min/max and sort return depends on the CPU
    cases = [("negative_zeros_9", np.full(9, -0.0, f)), ("negative_zero_1", np.array([-0.0], f))]
    for n in (8193, 16385):
        cases.append(("normal_%d" % n, (rng.standard_normal(n) * 30 + 5).astype(f)))
    cases.append(("cancel", np.array([1e8, 1.0, -1e8, 1.0, 3e-8] * 40, f)))
    cases.append(("nan_runs", np.where(rng.random(777) < 0.3, np.nan, rng.standard_normal(777) * 50).astype(f)))
    cases.append(("huge", np.array([3e38, 3e38, -1e38, 2.5e38], f)))
    cases.append(("inf_both", np.array([np.inf, -np.inf, 1.0, 2.0], f)))
    cases.append(("plus_inf_only", np.array([1.0, np.inf, np.inf], f)))
    grid = np.float32(np.linspace(-100, 100, 129)).astype(f)
    cases.append(("histogram_edges", np.concatenate([grid, np.nextafter(grid, f(-np.inf)), np.nextafter(grid, f(np.inf))])))
    return cases


def main(src, dst):
    conformance = json.load(open(src))
    cases = []
    inputs = [(c["name"], np.array(c["x"], np.uint32).view(np.float32),
               np.array(c["w"], np.uint32).view(np.float32) if "w" in c else None) for c in conformance["cases"]]
    rng = np.random.default_rng(7)
    for name, x in extra_cases():
        inputs.append((name, x, rng.uniform(0.1, 4, len(x)).astype(np.float32) if len(x) <= 1000 else None))
    shared = {c["name"] for c in conformance["cases"]}
    for name, x, w in inputs:
        # inputs of the numpy 1.24 file are not repeated: read them from there by name
        case = {"name": name, "n": len(x)}
        if name not in shared:
            case["x"] = [bits(v, np.float32) for v in x]
            if w is not None:
                case["w"] = [bits(v, np.float32) for v in w]
        case["float32"] = stats(x, w, np.float32)
        case["float64"] = stats(x, w, np.float64)
        digests = {d: build_tdigest(x, d) for d in (64, 100, 256, 512)}
        # the numpy 1.24 file already holds deltas 64 and 256 for its inputs
        kept = (100, 512) if name in shared else (64, 100, 256, 512)
        case["tdigest"] = {str(d): [bits(v, np.float32) for v in digests[d].ravel()] for d in kept}
        d = digests[64]
        case["tdigest_quantile_64"] = {repr(q): bits(quantile_from_tdigest(d, q), np.float64) for q in QS}
        xs = [-1e30, -3.0, 0.0, 0.5, 7.25, 1e30] + ([float(d[0, 0]), float(d[-1, 0])] if len(d) else [])
        case["tdigest_cdf_64"] = [[bits(v, np.float64), bits(cdf_from_tdigest(d, v), np.float64)] for v in xs]
        half = len(x) // 2
        merged = merge_tdigests(build_tdigest(x[:half], 64), build_tdigest(x[half:], 64), 64)
        case["tdigest_merge_halves_64"] = [bits(v, np.float32) for v in merged.ravel()]
        cases.append(case)
    out = {"generator": "numpy " + np.__version__, "notes": __doc__.split("\n\n")[1].replace("\n", " "),
           "quantiles": QS, "cases": cases}
    json.dump(out, open(dst, "w"), separators=(",", ":"))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
