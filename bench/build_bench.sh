#!/bin/sh
# `portalgen build` against `hugo` on the synthetic corpus (compare ../shared/bench/README.md).
#   sh bench/build_bench.sh [RUNS] [SIZES]          (defaults: 3 "1000 10000"; run from anywhere)
#
# For each size N: generates the corpus once into bench/tmp/build-N/ (gen_corpus.py, with the
# corpus's own site.toml and the repo's themes/) and, when `hugo` is installed, the same corpus
# with --hugo-member-terms into bench/tmp/hugo-N/ over ../shared/bench/hugo-site/. Then:
#   full builds  RUNS of each, alternating (portalgen, hugo, portalgen, ...), each into a new,
#                empty output folder (no build cache): median wall, user+sys CPU, peak RSS, and
#                portalgen/hugo per pair. Old outputs are deleted only at the end: on ext4,
#                creating files within minutes of deleting thousands is several times slower
#                (the inode allocator skips inodes freed less than 300 s ago), and that would
#                penalise whichever tool runs second. For the same reason the outputs of every
#                size are deleted after the last size, and a new run first waits until 300 s
#                have passed since the last run's deletion (bench/tmp/.deleted-at).
#   write floor  after each pair, portalgen's output of that run copied into a new folder by
#                one writer per core (bench/copy_tree.sh): the file system's share alone. Hugo's
#                output is copied the same way (its own floor), the two copies in alternating
#                order: the two sites are not the same files (count and bytes differ).
#   pure floor   then the same files (names and sizes) written from memory by one thread per
#                core (bench/write_floor.cc, compiled here with g++): no reading, so lower than
#                the copy, and the least any generator of that site could spend writing it.
#   no-op        RUNS rebuilds of the last portalgen output with nothing changed (build cache).
#   one edit     RUNS rebuilds after appending a line to one event's body (alternately adding and
#                removing it, so every run is a real one-file change).
# and, over the sizes, the time per page of the full build.
# PORTALGEN=path/to/portalgen overrides the binary (default: build/portalgen).
set -eu
RUNS=${1:-3}; SIZES=${2:-"1000 10000"}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=$ROOT/../shared/bench
BIN=${PORTALGEN:-$ROOT/build/portalgen}
TMP=$ROOT/bench/tmp
mkdir -p "$TMP"
HUGO=$(command -v hugo || true)
if [ -f "$TMP/.deleted-at" ]; then
    WAIT=$(( $(cat "$TMP/.deleted-at") + 300 - $(date +%s) ))
    if [ "$WAIT" -gt 0 ]; then
        echo "waiting ${WAIT} s: the last run deleted its outputs less than 300 s ago (ext4)"
        sleep "$WAIT"
    fi
fi

# timed LOG COMMAND...: appends "wall user sys maxrss_kb" of one run to LOG.
timed() {
    log=$1; shift
    /usr/bin/time -a -o "$log" -f '%e %U %S %M' "$@" >"$log.out" 2>&1
}

# settle DIR: before every timed run, the previous run's writes are flushed (sync) and the
# sources of the next one are read into the page cache, so that neither tool pays for the other
# one's writeback or for a cold read of its inputs (this VM reclaims idle page cache).
settle() {
    sync
    find "$1" -type f -exec cat {} + >/dev/null
}

# median LOG EXPR: the median of an awk expression over the lines of LOG.
median() {
    awk "{print $2}" "$1" | sort -g | awk '{v[NR]=$1}
        END {printf "%.3f", (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'
}

# ratio A B DEN NUM: the median over pairs of runs (line k of A with line k of B) of NUM / DEN,
# awk expressions over the pasted line: $1-$4 from A, $5-$8 from B.
ratio() {
    paste -d' ' "$1" "$2" | awk "{print ($4) / ($3)}" | sort -g | awk '{v[NR]=$1}
        END {printf "%.2f", (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'
}

mb() {  # mb DIR: the bytes of the files in DIR (not of its folders), in MB (10^6)
    find "$1" -type f -printf '%s\n' | awk '{s += $1} END {printf "%.1f", s / 1e6}'
}

row() {  # row NAME LOG
    printf '  %-18s wall %8s s   cpu %8s s   peak RSS %6.0f MiB\n' "$1" \
        "$(median "$2" '$1')" "$(median "$2" '$2+$3')" "$(median "$2" '$4/1024')"
}

echo "date: $(date -u +%F)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)," \
     "$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(uname -sr)"
echo "portalgen: $("$BIN" --version 2>/dev/null || echo unknown) ($(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo no git))"
[ -n "$HUGO" ] && echo "hugo: $("$HUGO" version)" || echo "hugo: not installed, portalgen only"
RUN_ID=$$
WRITE_FLOOR=$TMP/write_floor
g++ -std=c++20 -O2 -pthread -o "$WRITE_FLOOR" "$ROOT/bench/write_floor.cc"
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
    OUTS=$TMP/outs-$RUN_ID-$N
    mkdir -p "$OUTS"
    P=$TMP/build-$N.times; H=$TMP/hugo-$N.times; NOOP=$TMP/noop-$N.times; EDIT=$TMP/edit-$N.times
    F=$TMP/floor-$N.times; HF=$TMP/hugo-floor-$N.times
    W=$TMP/pure-floor-$N.times; HW=$TMP/hugo-pure-floor-$N.times
    rm -f "$P" "$H" "$NOOP" "$EDIT" "$F" "$HF" "$W" "$HW"
    i=0
    while [ "$i" -lt "$RUNS" ]; do
        OUT=$OUTS/portalgen-$i
        settle "$SITE"
        timed "$P" "$BIN" build --source "$SITE" --output "$OUT" --now 2026-11-23 --timings
        if [ -n "$HUGO" ]; then
            settle "$HSITE"
            timed "$H" "$HUGO" --quiet -s "$HSITE" -d "$OUTS/hugo-$i"
        fi
        sh "$ROOT/bench/copy_tree.sh" plan "$OUT" "$OUTS/list"
        [ -n "$HUGO" ] && sh "$ROOT/bench/copy_tree.sh" plan "$OUTS/hugo-$i" "$OUTS/hlist"
        for which in $( [ $((i % 2)) -eq 0 ] && echo "p h" || echo "h p"); do
            if [ "$which" = p ]; then
                settle "$OUT"
                timed "$F" sh "$ROOT/bench/copy_tree.sh" copy "$OUT" "$OUTS/floor-$i" "$OUTS/list"
            elif [ -n "$HUGO" ]; then
                settle "$OUTS/hugo-$i"
                timed "$HF" sh "$ROOT/bench/copy_tree.sh" copy "$OUTS/hugo-$i" "$OUTS/hfloor-$i" \
                    "$OUTS/hlist"
            fi
        done
        (cd "$OUT" && find . -type f -printf '%s %P\n') >"$OUTS/sizes"
        [ -n "$HUGO" ] && (cd "$OUTS/hugo-$i" && find . -type f -printf '%s %P\n') >"$OUTS/hsizes"
        for which in $( [ $((i % 2)) -eq 0 ] && echo "h p" || echo "p h"); do
            sync
            if [ "$which" = p ]; then
                timed "$W" "$WRITE_FLOOR" "$OUTS/sizes" "$OUTS/pure-$i" "$(nproc)"
            elif [ -n "$HUGO" ]; then
                timed "$HW" "$WRITE_FLOOR" "$OUTS/hsizes" "$OUTS/hpure-$i" "$(nproc)"
            fi
        done
        i=$((i + 1))
    done
    cp "$P.out" "$TMP/full-$N.last"
    i=0
    while [ "$i" -lt "$RUNS" ]; do
        settle "$SITE"
        timed "$NOOP" "$BIN" build --source "$SITE" --output "$OUT" --now 2026-11-23
        i=$((i + 1))
    done
    EVENT=$(find "$SITE/content/events" -name '*.md' | sort | head -n 1)
    cp "$EVENT" "$TMP/event.orig"
    i=0
    while [ "$i" -lt "$RUNS" ]; do
        if [ $((i % 2)) -eq 0 ]; then printf '\nOne more line for the benchmark.\n' >>"$EVENT"
        else cp "$TMP/event.orig" "$EVENT"; fi
        settle "$SITE"
        timed "$EDIT" "$BIN" build --source "$SITE" --output "$OUT" --now 2026-11-23 --timings
        i=$((i + 1))
    done
    cp "$TMP/event.orig" "$EVENT"
    echo
    echo "N=$N ($RUNS runs each, medians):"
    row "portalgen full" "$P"
    if [ -n "$HUGO" ]; then
        row "hugo full" "$H"
        echo "  hugo / portalgen, pair by pair: wall $(ratio "$P" "$H" '$1' '$5')x," \
             "cpu $(ratio "$P" "$H" '$2+$3' '$6+$7')x;" \
             "peak RSS portalgen / hugo: $(ratio "$P" "$H" '$8' '$4')"
    fi
    row "write floor" "$F"
    echo "  portalgen / write floor, pair by pair: wall $(ratio "$F" "$P" '$1' '$5')x"
    if [ -n "$HUGO" ]; then
        echo "  hugo / write floor, pair by pair: wall $(ratio "$F" "$H" '$1' '$5')x" \
             "(no build of this site can beat this ratio here)"
        row "hugo write floor" "$HF"
        echo "  hugo / its own write floor, pair by pair: wall $(ratio "$HF" "$H" '$1' '$5')x;" \
             "files: portalgen $(find "$OUT" -type f | wc -l), hugo $(find "$OUTS/hugo-0" -type f | wc -l);" \
             "MB: portalgen $(mb "$OUT"), hugo $(mb "$OUTS/hugo-0")"
    fi
    row "pure write floor" "$W"
    echo "  portalgen / pure write floor, pair by pair: wall $(ratio "$W" "$P" '$1' '$5')x"
    if [ -n "$HUGO" ]; then
        row "hugo pure floor" "$HW"
        echo "  hugo / its own pure write floor, pair by pair: wall $(ratio "$HW" "$H" '$1' '$5')x;" \
             "at hugo's median, 10x leaves $(awk "BEGIN {printf \"%.2f\", $(median "$H" '$1') / 10 - $(median "$W" '$1')}") s" \
             "above portalgen's pure floor"
    fi
    row "portalgen no-op" "$NOOP"
    row "portalgen one edit" "$EDIT"
    full=$(median "$P" '$1')
    echo "  no-op / full: $(awk "BEGIN {printf \"%.1f\", 100 * $(median "$NOOP" '$1') / $full}") %," \
         "one edit / full: $(awk "BEGIN {printf \"%.1f\", 100 * $(median "$EDIT" '$1') / $full}") %"
    echo "  time per page (full wall / N): $(awk "BEGIN {printf \"%.3f\", 1000 * $full / $N}") ms"
    echo "$N $full" >>"$TMP/per-page-$RUN_ID"
    echo "  last full build:"
    sed 's/^/    /' "$TMP/full-$N.last"
    echo "  last one-edit build:"
    sed 's/^/    /' "$EDIT.out"
    DONE_OUTS="${DONE_OUTS:-} $OUTS"
done
# Only now, after every size: deleting thousands of files right before the next size's builds
# would slow them down (see the top).
for d in $DONE_OUTS; do rm -rf "$d"; done
rm -rf "$TMP/.portalgen-cache"
date +%s >"$TMP/.deleted-at"
if [ "$(wc -l <"$TMP/per-page-$RUN_ID")" -ge 2 ]; then
    echo
    awk 'NR == 1 {n1 = $1; t1 = $2} END {printf "time per page, N=%d -> N=%d: %+.1f %%\n",
        n1, $1, 100 * (($2 / $1) / (t1 / n1) - 1)}' "$TMP/per-page-$RUN_ID"
fi
rm -f "$TMP/per-page-$RUN_ID"
