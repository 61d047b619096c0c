#!/usr/bin/env bash
# Set up and build portalgen on Debian 12, then build the ICAT site into public/.
#   ./build.sh              install missing packages, compile into build/, build the site
#   ./build.sh --no-site    install and compile only (test.sh uses this)
#   ./build.sh --sanitize   compile with ASan+UBSan into build-sanitize/ (implies --no-site)
#   ./build.sh --deps-only  install missing packages only (plus $EXTRA_PACKAGES; fuzz/run.sh)
set -euo pipefail
cd "$(dirname "$0")"

build_site=1
deps_only=0
build_dir=build
cmake_args=()
for arg in "$@"; do
  case "$arg" in
    --no-site) build_site=0 ;;
    --deps-only) deps_only=1 ;;
    --sanitize) build_site=0; build_dir=build-sanitize; cmake_args+=(-DPORTALGEN_SANITIZE=ON) ;;
    -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build.sh: unknown option '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

# Debian packages the project needs: compiler, CMake and every library (see README, "Dependencies").
packages=(
  g++ cmake make pkg-config ca-certificates tzdata
  libboost-program-options-dev libtomlplusplus-dev libmd4c-dev libmd4c-html0-dev
  libkainjow-mustache-dev nlohmann-json3-dev libcpp-httplib-dev libhowardhinnant-date-dev
  libgtest-dev python3
)
read -r -a extra <<<"${EXTRA_PACKAGES:-}"
packages+=("${extra[@]}")

install_missing() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "build.sh: installing ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

install_missing
[ "$deps_only" -eq 1 ] && exit 0
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" "${cmake_args[@]}" >/dev/null
cmake --build "$build_dir" -j "$jobs"

if [ "$build_site" -eq 1 ]; then
  "./$build_dir/portalgen" build --source . --output public
  echo
  echo "The ICAT site is in $(pwd)/public/ (open public/index.html)."
  echo "Preview it with: python3 -m http.server --directory public 8000 --bind 127.0.0.1"
fi
