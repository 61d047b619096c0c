#!/bin/sh
# The write floor of a built site: what the file system alone costs to create its files.
#   sh bench/copy_tree.sh plan SRC LIST         lists the files of SRC, split into one list per
#                                               core (LIST.0, LIST.1, ...), folder by folder
#   sh bench/copy_tree.sh copy SRC DEST LIST    copies them into the new folder DEST, one
#                                               writer (GNU cp) per list, all at once
# build_bench.sh times `copy` on portalgen's own output, read from the page cache: a generator
# that did no work but write the same files, with as many writers as cores, would take that
# long. Each writer creates the folders of its own files first (mkdir -p, so that two writers
# making the same parent do not fail), then copies them.
set -eu
case "$1" in
plan)
    SRC=$2; LIST=$3; JOBS=$(nproc)
    rm -f "$LIST".*
    (cd "$SRC" && find . -type f | LC_ALL=C sort) | awk -v jobs="$JOBS" -v list="$LIST" '
        { d = $0; sub(/\/[^\/]*$/, "", d); if (d != last) { n++; last = d }
          print > (list "." (n % jobs)) }'
    ;;
copy)
    SRC=$2; DEST=$3; LIST=$4
    mkdir -p "$DEST"
    pids=""
    for part in "$LIST".*; do
        (cd "$SRC" && sed 's|/[^/]*$||' "$part" | uniq | (cd "$DEST" && xargs -d '\n' mkdir -p) &&
            xargs -d '\n' cp --parents -t "$DEST" <"$part") &
        pids="$pids $!"
    done
    for p in $pids; do wait "$p"; done
    ;;
*)
    echo "usage: copy_tree.sh plan SRC LIST | copy SRC DEST LIST" >&2
    exit 2
    ;;
esac
