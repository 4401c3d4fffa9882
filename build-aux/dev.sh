#!/usr/bin/env bash
# The two commands of the README's quick start, for a Debian 12 machine:
#
#   build-aux/dev.sh run    install what is missing, build, and open the
#                           example budget in Fiscal
#   build-aux/dev.sh test   install what is missing, build, and run the whole
#                           test suite (and the fuzz targets' short runs);
#                           ends with "N passed, N failed"
set -uo pipefail

cd "$(dirname "$0")/.." || exit 2
top=$PWD

packages=(
  meson ninja-build gcc pkg-config gettext
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev libjson-glib-dev
  libxlsxwriter-dev libpoppler-glib-dev
  desktop-file-utils appstream python3 python3-jsonschema
  fonts-noto-cjk locales
)
test_packages=(xvfb xauth dbus poppler-utils libxtst-dev)
# The fuzz targets: clang, and libFuzzer with clang's sanitizer runtimes
# (only recommended by clang-14, so named here).
fuzz_packages=(clang libclang-rt-14-dev)

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

install_missing() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    as_root apt-get update -qq || exit 2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" || exit 2
  fi
}

# The Chinese tests need the zh_CN.UTF-8 locale.
ensure_locale() {
  if ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
    as_root sed -i 's/^# *\(zh_CN.UTF-8 UTF-8\)/\1/' /etc/locale.gen
    grep -q '^zh_CN.UTF-8 UTF-8' /etc/locale.gen || echo 'zh_CN.UTF-8 UTF-8' | as_root tee -a /etc/locale.gen >/dev/null
    as_root locale-gen >/dev/null || exit 2
  fi
}

setup() {
  local dir=$1; shift
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" "$@" >"$top/$dir.setup.log" 2>&1 || { cat "$top/$dir.setup.log"; exit 2; }
  fi
}

build() {
  setup "$@"
  ninja -C "$1" || exit 2
}

case "${1:-}" in
  run)
    install_missing "${packages[@]}"
    build _build
    GSETTINGS_SCHEMA_DIR="$top/_build/data" FISCAL_LOCALEDIR="$top/_build/po" \
      exec "$top/_build/src/gui/fiscal" "$top/data/examples/changji-liaison-2025.fiscal.json"
    ;;

  test)
    install_missing "${packages[@]}" "${test_packages[@]}" "${fuzz_packages[@]}"
    ensure_locale
    build _build
    status=0
    meson test -C _build --print-errorlogs --suite core --suite data || status=1
    cp _build/meson-logs/testlog.json _build/meson-logs/testlog-core.json
    xvfb-run -a -s '-screen 0 1280x1024x24' dbus-run-session -- \
      meson test -C _build --print-errorlogs --suite gui || status=1
    cp _build/meson-logs/testlog.json _build/meson-logs/testlog-gui.json

    # The core tests again, built with AddressSanitizer and UBSan, which
    # make them three to four times slower: their time limits are too.
    build _build-asan -Dgui=false -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug
    G_SLICE=always-malloc ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    LSAN_OPTIONS=suppressions="$top/build-aux/lsan.supp":print_suppressions=0 \
      meson test -C _build-asan --print-errorlogs --suite core --timeout-multiplier 4 || status=1

    # The fuzz targets (tests/fuzz/README.md), built with clang, libFuzzer
    # and both sanitizers: each replays its corpus, most then fuzz for a
    # few seconds. Each target counts as one test; a crash fails it.
    CC=clang setup _build-fuzz -Dgui=false -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false
    ninja -C _build-fuzz fuzz-targets || exit 2
    meson test -C _build-fuzz --print-errorlogs --suite fuzz || status=1

    python3 build-aux/count-tests.py _build/meson-logs/testlog-core.json \
      _build/meson-logs/testlog-gui.json _build-asan/meson-logs/testlog.json \
      _build-fuzz/meson-logs/testlog.json || status=1
    exit $status
    ;;

  *)
    echo "usage: $0 run|test" >&2
    exit 2
    ;;
esac
