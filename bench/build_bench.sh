#!/bin/sh
# `portalgen build` against `hugo` on the synthetic corpus (compare ../shared/bench/README.md).
#   sh bench/build_bench.sh [RUNS] [SIZES]          (defaults: 3 "1000 10000"; run from anywhere)
# For each size N, generates the corpus once into bench/tmp/build-N/ (gen_corpus.py) with the
# corpus's own site.toml and the repo's themes/, and, when `hugo` is installed, the same corpus
# with --hugo-member-terms into bench/tmp/hugo-N/ over ../shared/bench/hugo-site. Then runs
# the two builds RUNS times each, alternately (portalgen, hugo, portalgen, ...), both
# overwriting their previous output as they would on a rebuild, and prints the median wall
# time, user+sys CPU and peak RSS of each, and portalgen / hugo per pair of runs. The last
# portalgen run's --timings are printed too.
# PORTALGEN=path/to/portalgen overrides the binary (default: build/portalgen).
set -eu
RUNS=${1:-3}; SIZES=${2:-"1000 10000"}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=$ROOT/../shared/bench
BIN=${PORTALGEN:-$ROOT/build/portalgen}
TMP=$ROOT/bench/tmp
mkdir -p "$TMP"
HUGO=$(command -v hugo || true)

# timed LOG COMMAND...: appends "wall user sys maxrss_kb" of one run to LOG.
timed() {
    log=$1; shift
    /usr/bin/time -a -o "$log" -f '%e %U %S %M' "$@" >"$log.out" 2>&1
}

# median LOG EXPR: the median of an awk expression over the lines of LOG.
median() {
    awk "{print $2}" "$1" | sort -g | awk '{v[NR]=$1}
        END {printf "%.3f", (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'
}

# ratios A B: the median of A/B wall times, pair by pair.
ratios() {
    paste -d' ' "$1" "$2" | awk '{print $1 / $5}' | sort -g | awk '{v[NR]=$1}
        END {printf "%.2f", (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'
}

echo "portalgen: $BIN ($("$BIN" --version 2>/dev/null || echo unknown version))"
[ -n "$HUGO" ] && echo "hugo: $("$HUGO" version)" || echo "hugo: not installed, portalgen only"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(date -u +%F)"
for N in $SIZES; do
    SITE=$TMP/build-$N
    if [ ! -d "$SITE/content" ]; then
        python3 "$SHARED/gen_corpus.py" "$N" "$SITE" --clean >/dev/null
    fi
    rm -rf "$SITE/themes" && cp -r "$ROOT/themes" "$SITE/themes"
    HSITE=$TMP/hugo-$N
    if [ -n "$HUGO" ] && [ ! -d "$HSITE/content" ]; then
        mkdir -p "$HSITE" && cp -r "$SHARED/hugo-site/." "$HSITE/"
        python3 "$SHARED/gen_corpus.py" "$N" "$HSITE" --clean --hugo-member-terms >/dev/null
    fi
    P=$TMP/build-$N.times; H=$TMP/hugo-$N.times
    rm -f "$P" "$H"
    i=0
    while [ "$i" -lt "$RUNS" ]; do
        timed "$P" "$BIN" build --source "$SITE" --output "$SITE-out" --now 2026-11-23 --timings
        [ -n "$HUGO" ] && timed "$H" "$HUGO" --quiet -s "$HSITE" -d "$HSITE-out" --cleanDestinationDir
        i=$((i + 1))
    done
    echo
    echo "N=$N, $RUNS runs each, medians:"
    printf '  %-10s wall %8s s   cpu %8s s   peak RSS %6.0f MiB\n' portalgen \
        "$(median "$P" '$1')" "$(median "$P" '$2+$3')" "$(median "$P" '$4/1024')"
    if [ -n "$HUGO" ]; then
        printf '  %-10s wall %8s s   cpu %8s s   peak RSS %6.0f MiB\n' hugo \
            "$(median "$H" '$1')" "$(median "$H" '$2+$3')" "$(median "$H" '$4/1024')"
        echo "  portalgen / hugo wall (median of pairs): $(ratios "$P" "$H")"
    fi
    echo "  last portalgen run:"
    sed 's/^/    /' "$P.out"
done
