#!/bin/sh
# bench.sh: the chains scene against the plain reference solver, side by side
# in one run on this machine. Usage: scripts/bench.sh [steps]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
ref_src="$root/../shared/bench/ref_chains.c"
steps=${1:-300}
[ -f "$ref_src" ] || { echo "bench.sh: $ref_src: not found (the reference lives in shared/bench)" >&2; exit 2; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cc -O2 -std=c11 -o "$tmp/ref_chains" "$ref_src" -lm
cmake --preset default >/dev/null && cmake --build --preset default -j2 --target fibrelab-bench >/dev/null
ms() { sed -n 's/.*"ms_per_step":\([0-9.]*\).*/\1/p'; }
for n in 200 2000; do
    ref=$("$tmp/ref_chains" "$n" 32 "$steps")
    ours=$("$root/build/default/fibrelab-bench" chains --fibres "$n" --particles 32 --steps "$steps")
    echo "reference: $ref"
    echo "fibrelab:  $ours"
    echo "$ref" | ms > "$tmp/a"; echo "$ours" | ms > "$tmp/b"
    awk -v n="$n" -v a="$(cat "$tmp/a")" -v b="$(cat "$tmp/b")" \
        'BEGIN { printf "fibres %d: reference %.3f ms, fibrelab %.3f ms, speed-up %.2fx\n", n, a, b, a / b }'
done
