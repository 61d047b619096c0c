#!/bin/sh
# `portalgen serve` edit-to-served latency (compare ../shared/bench/serve_incremental.sh).
#   sh bench/serve_latency.sh [PAGES] [EDITS]          (defaults: 10000 5; run from anywhere)
# Generates the synthetic corpus (gen_corpus.py) into bench/tmp/serve-PAGES/ once, adds the
# repo's site.toml and themes/, starts `portalgen serve --port 0` on 127.0.0.1, then appends a
# line to one event file EDITS times and polls that event's page every 5 ms until the new
# line is served: the time from the save to the new page. Prints each time and the median,
# the server's own "rebuilt in" lines and its peak RSS; stops the server by its PID.
# PORTALGEN=path/to/portalgen overrides the binary (default: build/portalgen).
set -eu
N=${1:-10000}; EDITS=${2:-5}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${PORTALGEN:-$ROOT/build/portalgen}
SITE=$ROOT/bench/tmp/serve-$N
LOG=$SITE.log
[ -d "$SITE/content" ] || python3 "$ROOT/../shared/bench/gen_corpus.py" "$N" "$SITE" --clean >/dev/null
cp "$ROOT/site.toml" "$SITE/site.toml"
rm -rf "$SITE/themes" && cp -r "$ROOT/themes" "$SITE/themes"
FILE=$(find "$SITE/content/events" -name '*.md' | sort | head -n 1)
SLUG=$(basename "$FILE" .md)
BAK=$SITE.event.orig
cp "$FILE" "$BAK"

: >"$LOG"  # empty before the server starts: the wait below must not read the last run's log
"$BIN" serve --port 0 --now 2026-11-23 --source "$SITE" >"$LOG" 2>"$LOG.err" &
PID=$!
trap 'kill "$PID" 2>/dev/null || true; mv -f "$BAK" "$FILE" 2>/dev/null || true' EXIT
i=0
until grep -q 'Serving at' "$LOG"; do
    i=$((i + 1)); [ "$i" -le 6000 ] || { echo "timeout waiting for the server"; exit 1; }
    kill -0 "$PID" 2>/dev/null || { echo "portalgen serve died"; cat "$LOG.err"; exit 1; }
    sleep 0.1
done
URL=$(sed -n 's/^Serving at \(http[^ ]*\).*/\1/p' "$LOG")events/$SLUG/
grep -E '^built in' "$LOG" | sed 's/^/initial: /'
echo "server RSS after initial build: $(grep VmRSS /proc/$PID/status)"

python3 - "$FILE" "$URL" "$EDITS" <<'PY'
import statistics, sys, time, urllib.request
path, url, edits = sys.argv[1], sys.argv[2], int(sys.argv[3])
def page():
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode()
    except OSError:
        return ""
assert "</html>" in page(), "event page not served: " + url
times = []
for n in range(1, edits + 1):
    marker = "Edited paragraph number %d-%d for the serve benchmark." % (n, time.time_ns())
    time.sleep(1)
    with open(path, "a") as f:
        f.write("\n" + marker + "\n")
    start = time.monotonic()
    while marker not in page():
        if time.monotonic() - start > 300:
            sys.exit("timeout: edit %d never served" % n)
        time.sleep(0.005)
    times.append((time.monotonic() - start) * 1000)
    print("edit %d: %.0f ms from save to served page" % (n, times[-1]))
print("median: %.0f ms (n=%d)" % (statistics.median(times), len(times)))
PY
grep -E '^rebuilt in' "$LOG" | sed 's/^/server: /'
echo "server peak RSS: $(grep VmHWM /proc/$PID/status)"
kill -INT "$PID"; wait "$PID" || true
mv -f "$BAK" "$FILE"
trap - EXIT
