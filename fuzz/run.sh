#!/usr/bin/env bash
# Build the libFuzzer targets with clang-14 into build-fuzz/, seed their corpora and run each
# target in turn (see fuzz/README.md).
#   fuzz/run.sh [SECONDS] [TARGET...]   SECONDS per target (default 600); default: every target
# Crashes go to build-fuzz/crashes/<target>/, logs to build-fuzz/logs/<target>.log. The exit
# code is 1 when any target found something.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-600}
[ $# -gt 0 ] && shift
case "$seconds" in
  ''|*[!0-9]*) sed -n '4,6p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in fuzz/*_fuzz.cc; do targets+=("$(basename "$f" _fuzz.cc)"); done
fi

# Copies `file` to `dir`, prefixed with the target's choice byte(s) given in printf notation.
seed() {
  local dir=$1 prefix=$2 file=$3
  local name
  name=$(printf '%s' "$file" | tr '/' '_')
  { printf "$prefix"; cat "$file"; } >"$dir/$name"
}

# The front-matter choice byte for a content file, from its folder (front_matter_target.h).
kind_byte() {
  case "$1" in
    */content/briefs/*) echo '\001' ;;
    */content/events/*) echo '\002' ;;
    */content/members/*) echo '\003' ;;
    *) echo '\000' ;;
  esac
}

# Every example of the CommonMark-style spec files, one file each, prefixed with `prefix`.
spec_examples() {
  local dir=$1 prefix=$2
  shift 2
  python3 - "$dir" "$prefix" "$@" <<'EOF'
import os, sys
out, prefix, files = sys.argv[1], sys.argv[2].encode().decode('unicode_escape'), sys.argv[3:]
fence = '`' * 32
for path in files:
    lines, n = open(path, encoding='utf-8').read().split('\n'), 0
    for i, line in enumerate(lines):
        if not line.startswith(fence + ' example'):
            continue
        body = []
        for l in lines[i + 1:]:
            if l == '.':
                break
            body.append(l)
        n += 1
        name = '%s-%d' % (os.path.basename(path), n)
        text = prefix + '\n'.join(body).replace('\u2192', '\t') + '\n'
        open(os.path.join(out, name), 'wb').write(text.encode('utf-8'))
EOF
}

# One structured feeds input (feeds_target.h): numbers and choices, then the text fields.
feeds_seed() {
  python3 - <<'EOF'
import struct, sys
def num(value, lo):  # FuzzInput::Int: two bytes, big-endian, value - lo
    return struct.pack('>H', value - lo)
def when(y, mo, d, h, mi, offset_minutes):
    return (num(y, 0) + num(mo, 1) + num(d, 1) + num(h, 0) + num(mi, 0) +
            num(offset_minutes // 15, -48))
head = when(2022, 5, 20, 8, 30, -240) + when(2022, 5, 20, 10, 0, -240)
head += num(2022, 0) + num(5, 1) + num(20, 1)
head += bytes([3, 2, 1])  # America/New_York, annual-report, has an end
fields = ["Test Portal", "https://example.org/portal/", "Feeds & <more>", "Secretariat",
          "test@example.org", "Evidence", "First brief", "The summary; with, commas",
          "/docs/file.pdf", "Migration", "Alpha Organization", "ALPHA",
          "https://alpha.example.org/", "Launch of the first brief", "Room 1, Hofburg", "Vienna",
          "Review Forum", "events@example.org", "Migration", "Labour; rights", "/old/launch/",
          "Ana P\u00e9rez", "moderator", "Europe/Vienna", "The first paragraph of the brief.",
          "Background of the [event](https://example.org/) with **bold** text."]
sys.stdout.buffer.write(head + "\n".join(fields).encode("utf-8") + b"\n")
EOF
}

seed_corpora() {
  local root=build-fuzz/corpus dir f
  local content_files
  content_files=$(find tests -path '*/content/*' -name '*.md' | sort)
  local site_files
  site_files=$(find tests -name site.toml | sort)
  local specs=(../shared/data/markdown-spec/*.txt tests/markdown_spec.txt)

  dir=$root/front_matter; mkdir -p "$dir"
  for f in $content_files; do seed "$dir" "$(kind_byte "$f")" "$f"; done
  for f in $site_files; do seed "$dir" '\004' "$f"; done

  dir=$root/markdown; mkdir -p "$dir"
  spec_examples "$dir" '\006' "${specs[@]}"
  for f in $content_files; do seed "$dir" '\006' "$f"; done

  dir=$root/template; mkdir -p "$dir"
  for f in $(find tests/themes/mini -name '*.mustache' | sort); do seed "$dir" '\000' "$f"; done
  for f in $content_files; do seed "$dir" "\\001$(kind_byte "$f")" "$f"; done

  dir=$root/feeds; mkdir -p "$dir"
  feeds_seed >"$dir/seed-basic"
  for f in tests/sites/basic/content/events/*.md; do seed "$dir" '' "$f"; done
}

# -max_len per target: long enough for a real content file or template.
max_len() {
  case "$1" in
    markdown|feeds) echo 4096 ;;
    *) echo 8192 ;;
  esac
}

# The library's packages (build.sh), plus clang and its sanitizer and libFuzzer runtimes.
EXTRA_PACKAGES="clang-14 libclang-rt-14-dev" ./build.sh --deps-only
CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -DPORTALGEN_FUZZ=ON \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz -j "$(nproc 2>/dev/null || echo 2)" \
  --target "${targets[@]/%/_fuzz}"
seed_corpora

found=0
for t in "${targets[@]}"; do
  mkdir -p "build-fuzz/crashes/$t" build-fuzz/logs
  dict=()
  [ -f "fuzz/$t.dict" ] && dict=(-dict="fuzz/$t.dict")
  echo "fuzz/run.sh: $t for ${seconds}s (log: build-fuzz/logs/$t.log)"
  status=0
  touch "build-fuzz/logs/$t.start"
  "build-fuzz/fuzz/${t}_fuzz" "build-fuzz/corpus/$t" "${dict[@]}" -max_total_time="$seconds" \
    -max_len="$(max_len "$t")" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="build-fuzz/crashes/$t/" >"build-fuzz/logs/$t.log" 2>&1 || status=$?
  grep -E '^(#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units|stat::average_exec_per_sec)' \
    "build-fuzz/logs/$t.log" || true
  # Only what this run wrote: crash files of earlier runs stay for reference.
  if [ "$status" -ne 0 ] ||
     [ -n "$(find "build-fuzz/crashes/$t" -type f -newer "build-fuzz/logs/$t.start")" ]; then
    echo "fuzz/run.sh: $t found something: see build-fuzz/logs/$t.log and build-fuzz/crashes/$t/"
    found=1
  fi
done
exit "$found"
