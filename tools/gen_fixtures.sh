#!/usr/bin/env bash
# Regenerates the committed reader fixtures (zagg-api/src/test/resources/granules/) and their
# expected values, with Debian's python3-h5py. Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
out=zagg-api/src/test/resources/granules
mkdir -p "$out"
py=/usr/bin/python3
# ATL03-shaped: two beams of 6000 photons, chunks of 1000 so slices cross chunk boundaries
$py tools/gen_granules.py atl03 "$out/atl03_small.h5" --photons 6000 --beams gt1l,gt2l --chunk 1000 --seed 1
# hand-computable ATL03 layout for the read-plan, link and broadcast tests
$py tools/gen_granules.py atl03-grid "$out/atl03_grid.h5" --segments 30 --per-segment 10 --empty 8,20 --chunk 16
# ATL06-shaped: six beams of 800 segments
$py tools/gen_granules.py atl06 "$out/atl06_small.h5" --segments 800 --chunk 500 --seed 2 --lat -75.0 --lon 110.0
# the chunk decoder's storage cases, with the old (v1 B-tree) and the new chunk indices
$py tools/gen_chunk_cases.py "$out/chunk_cases.h5"
$py tools/gen_chunk_cases.py "$out/chunk_cases_v4.h5" --libver latest
# expected values; cases on the real files need shared/data beside an ancestor of the repository
shared=$(d=$PWD; while [ "$d" != / ] && [ ! -d "$d/shared/data" ]; do d=$(dirname "$d"); done; echo "$d/shared/data")
$py tools/expected_reads.py "$out" "$shared" > "$out/expected_reads.json"
