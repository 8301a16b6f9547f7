#!/usr/bin/env bash
# End-to-end benchmark (issue 10): generates an ATL03-shaped granule set with the HDF5 library
# (chunked and deflated as real ATL03), runs a scalar HEALPix config over it with each carrier in
# its own JVM, and prints photons/s, peak RSS and peak carrier bytes per carrier.
#
#   tools/bench_e2e.sh                      # 4 granules x 6 beams x 850,000 photons = 20.4M photons
#   ZAGG_BENCH_PHOTONS=100000 tools/bench_e2e.sh   # a quick small run
#
# Settings (environment): ZAGG_BENCH_DIR (default /tmp/zagg-bench), ZAGG_BENCH_GRANULES (4),
# ZAGG_BENCH_PHOTONS (photons per beam, 850000), ZAGG_BENCH_WORKERS (2), ZAGG_BENCH_CARRIERS
# ("plain arrow"), ZAGG_JAVA_OPTS (extra JVM flags, e.g. -Xmx8g), ZAGG_BENCH_STORES (where the stores
# go, default ZAGG_BENCH_DIR; /dev/shm takes the file system's cost of 30,000 new files out of the
# figures), ZAGG_BENCH_WARM (runs per carrier in one JVM after the cold ones, default 0: with N > 1
# it also prints the warm figures of io.zagg.jmh.WarmEndToEnd, the JIT's compilations paid once).
# Needs /usr/bin/python3 with h5py.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${ZAGG_BENCH_DIR:-/tmp/zagg-bench}
granules=${ZAGG_BENCH_GRANULES:-4}
photons=${ZAGG_BENCH_PHOTONS:-850000}
workers=${ZAGG_BENCH_WORKERS:-2}
carriers=${ZAGG_BENCH_CARRIERS:-plain arrow}
stores=${ZAGG_BENCH_STORES:-$dir}
mkdir -p "$dir/granules-$photons"

for i in $(seq 1 "$granules"); do
    g="$dir/granules-$photons/ATL03_bench_$i.h5"
    if [ ! -f "$g" ]; then
        echo "generating $g ($photons photons per beam, 6 beams)" >&2
        /usr/bin/python3 tools/gen_granules.py atl03 "$g.tmp" --photons "$photons" --seed "$i"
        mv "$g.tmp" "$g"
    fi
done

config="$dir/scalar_healpix_o11.yaml"
cp tools/scalar_healpix_o11.yaml "$config"

bin/zagg --help > /dev/null   # builds the CLI jar when missing or stale
jar=zagg-cli/target/zagg-cli-all.jar
# cpu_s is the JVM's user + system time (sys_s of it in the kernel: mostly creating the store's files),
# so photons per cpu-second is the rate per core on cores of its own
printf '%-8s %12s %8s %8s %14s %16s %8s %8s %17s %12s %16s %19s\n' carrier photons shards wall_s photons/s photons/s/core \
    cpu_s sys_s photons/cpu_s peak_rss_MB peak_carrier_MB peak/input_densest
for carrier in $carriers; do
    report="$dir/report-$carrier.json"
    # the previous run's store goes before the clock starts: deleting 30,000 objects is not part of a run
    rm -rf "$stores/out-$carrier.zarr"
    /usr/bin/time -f '%M %U %S' -o "$dir/rss-$carrier" \
        java --add-opens=java.base/java.nio=ALL-UNNAMED ${ZAGG_JAVA_OPTS:-} -jar "$jar" run --config "$config" \
        --granules "$dir/granules-$photons" --store "$stores/out-$carrier.zarr" --overwrite --carrier "$carrier" \
        --workers "$workers" --report "$report" > "$dir/run-$carrier.log"
    /usr/bin/python3 - "$report" "$dir/rss-$carrier" "$workers" "$carrier" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
rss_kb, user_s, sys_s = open(sys.argv[2]).read().split()[-3:]
rss_kb, sys_s, cpu_s = int(rss_kb), float(sys_s), float(user_s) + float(sys_s)
workers = int(sys.argv[3])
shards = r["results"]
peak = max((s["peak_carrier_bytes"] for s in shards), default=0)
# the lifetime target is about input-dominated shards: take the densest one (small shards are
# dominated by the fixed output chunk buffers)
dense = max(shards, key=lambda s: s["decoded_input_bytes"])
ratio = dense["peak_carrier_bytes"] / dense["decoded_input_bytes"] if dense["decoded_input_bytes"] else 0
rate = r["total_obs"] / r["wall_time_s"]
print("%-8s %12d %8d %8.2f %14.0f %16.0f %8.1f %8.1f %17.0f %12.0f %16.1f %19.2f" % (sys.argv[4], r["total_obs"], len(shards),
      r["wall_time_s"], rate, rate / workers, cpu_s, sys_s, r["total_obs"] / cpu_s, rss_kb / 1024, peak / 1048576, ratio))
PY
done

warm=${ZAGG_BENCH_WARM:-0}
if [ "$warm" -gt 1 ]; then
    [ -f zagg-jmh/target/benchmarks.jar ] || mvn -B -q package -pl zagg-jmh -am -DskipTests
    for carrier in $carriers; do
        rm -rf "$stores/warm-$carrier.zarr"
        java --add-opens=java.base/java.nio=ALL-UNNAMED ${ZAGG_JAVA_OPTS:-} -cp zagg-jmh/target/benchmarks.jar io.zagg.jmh.WarmEndToEnd \
            "$config" "$dir/granules-$photons" "$stores/warm-$carrier.zarr" --carrier "$carrier" --workers "$workers" --repeat "$warm"
        rm -rf "$stores/warm-$carrier.zarr"
    done
fi
