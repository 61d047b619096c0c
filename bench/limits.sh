#!/bin/sh
# `portalgen build` on pathological sites: each must build, or stop with a clear limit error,
# without crashing and without quadratic time.
#   sh bench/limits.sh [CASES]        (default: every case; run from anywhere)
# Cases (each a site in bench/tmp/limits/CASE/ with the repo's themes/, generated once):
#   big-file       one brief whose Markdown body is 50 MB (paragraphs, links, headings, lists)
#   many-files     100 000 briefs in content/briefs/ (FILES=N for another count, in
#                  bench/tmp/limits/many-files-N/: compare two counts to see the growth)
#   many-speakers  one event with 10 000 speakers and an agenda naming each of them
#   deep-quote     a body of 100 000 nested blockquotes ("> > > ... x")
#   deep-list      a body of 100 000 nested list items ("- - - ... x")
#   same-headings  a body of 10 000 headings with the same text (10 000 heading ids)
#   long-lines     a body of one 10 MB line, and a 100 000-character title and topic
# Prints, per case: exit code, wall seconds and peak RSS (/usr/bin/time -f '%e %M'), and the
# first lines of stderr when the build failed. Run it under nice on a shared machine:
#   nice -n 10 sh bench/limits.sh
# PORTALGEN=path/to/portalgen overrides the binary (default: build/portalgen).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${PORTALGEN:-$ROOT/build/portalgen}
TMP=$ROOT/bench/tmp/limits
CASES=${1:-"big-file many-files many-speakers deep-quote deep-list same-headings long-lines"}
FILES=${FILES:-100000}
mkdir -p "$TMP"

# generate CASE DIR: writes the site's content/ (python3, standard library only).
generate() {
    python3 - "$1" "$2" "$FILES" <<'PY'
import os, sys
case, site, files = sys.argv[1], sys.argv[2], int(sys.argv[3])
content = os.path.join(site, "content")

def write(rel, text):
    path = os.path.join(content, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)

def brief(slug, title, body, extra=""):
    write(f"briefs/{slug}.md", f'+++\ntitle = "{title}"\nkind = "issue-brief"\n'
          f'date = 2022-12-01\nmembers = ["alpha"]\n{extra}+++\n{body}')

write("members/alpha.md", '+++\ntitle = "Alpha"\nacronym = "ALPHA"\nstatus = "member"\n+++\nA.\n')
write("index.md", '+++\ntitle = "Limits"\n+++\nHome.\n')
if case == "big-file":
    chunk = ("## Section {n}\n\nSome *text* with a [link](https://example.org/{n}) and "
             "`code`, and more words to fill the line so that paragraphs are long enough.\n\n"
             "- item one\n- item two with **bold**\n\n> a quote\n\n")
    parts, size, n = [], 0, 0
    while size < 50 * 1024 * 1024:
        part = chunk.format(n=n)
        parts.append(part)
        size += len(part)
        n += 1
    brief("big", "Big", "".join(parts))
elif case == "many-files":
    for i in range(files):
        brief(f"b{i:06d}", f"Brief {i}", f"Body of brief {i}.\n", f"topics = [\"T{i % 100}\"]\n")
elif case == "many-speakers":
    speakers = "".join(f'[[speakers]]\nname = "Speaker {i}"\nrole = "speaker"\n'
                       f'position = "Position {i}"\norganization = "Org {i % 50}"\n'
                       for i in range(10000))
    agenda = "".join(f'[[agenda]]\nstart = "10:00"\ntitle = "Item {i}"\n'
                     f'speakers = ["Speaker {i}"]\n' for i in range(10000))
    write("events/e.md", '+++\ntitle = "Many speakers"\nstart = 2022-10-11T13:30:00+02:00\n'
          'timezone = "Europe/Vienna"\nmembers = ["alpha"]\n' + speakers + agenda + "+++\nBody.\n")
elif case == "deep-quote":
    brief("deep", "Deep quote", "> " * 100000 + "x\n")
elif case == "deep-list":
    brief("deep", "Deep list", "- " * 100000 + "x\n")
elif case == "same-headings":
    brief("headings", "Same headings", "## Background\n\nText.\n\n" * 10000)
elif case == "long-lines":
    word = "ab" * 50000
    brief("long", word, ("word " * 2000000) + "\n", f'topics = ["{word}"]\nsummary = "{word}"\n')
else:
    sys.exit(f"unknown case {case}")
PY
}

echo "portalgen: $BIN"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(date -u +%F)"
printf '%-15s %5s %9s %12s\n' case exit "wall (s)" "peak RSS"
for CASE in $CASES; do
    SITE=$TMP/$CASE
    [ "$CASE" = many-files ] && [ "$FILES" != 100000 ] && SITE=$TMP/$CASE-$FILES
    if [ ! -d "$SITE/content" ]; then
        rm -rf "$SITE"
        mkdir -p "$SITE"
        generate "$CASE" "$SITE"
        printf 'title = "Limits"\nbase_url = "https://example.org/"\ntheme = "icat"\n' >"$SITE/site.toml"
    fi
    rm -rf "$SITE/themes" && cp -r "$ROOT/themes" "$SITE/themes"
    rm -rf "$SITE-out"
    set +e
    /usr/bin/time -o "$SITE.time" -f '%e %M' "$BIN" build --quiet --source "$SITE" \
        --output "$SITE-out" --now 2026-11-23 >"$SITE.log" 2>&1
    code=$?
    set -e
    # A crash puts "Command terminated by signal N" before the figures.
    read -r wall rss <<EOF
$(tail -n 1 "$SITE.time")
EOF
    printf '%-15s %5s %9s %8.0f MiB\n' "$CASE" "$code" "$wall" "$(echo "$rss" | awk '{print $1/1024}')"
    [ "$code" -eq 0 ] || head -n 3 "$SITE.log" | sed 's/^/    /'
done
