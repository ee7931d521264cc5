#!/usr/bin/env bash
# Make sure the Debian/Ubuntu libraries that Qt needs are present.
#   ensure-system-libs.sh offscreen   -> what running needs without a display
#   ensure-system-libs.sh display     -> also the X11/xcb libraries for a real window
#   ensure-system-libs.sh test        -> offscreen plus the tools the tests use
#   ensure-system-libs.sh dist        -> display plus what `make dist` checks the package with
# As root, missing packages are installed with apt. Otherwise the exact apt line is
# printed and the script fails, rather than leaving Qt to fail obscurely later.
set -euo pipefail
mode="${1:-offscreen}"
pkgs=(libgl1 libegl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0
      libxkbcommon0 fonts-dejavu-core)
if [ "$mode" = "test" ]; then
  # pdftotext for export tests; strace for the no-network test and the kill tests at exact
  # system calls; mount (util-linux) for the small tmpfs of the disk-full and read-only tests
  # (tests/vault/small_disk.py); gcc for the power-loss recorder
  # (tests/reliability/powerloss/shim.c); the validators the release-file tests run on the
  # desktop entry and AppStream metainfo; Xvfb and the xcb libraries for the start-up
  # benchmark's X11 measurement (tests/bench/test_bench_startup.py)
  pkgs+=(poppler-utils strace mount gcc libc6-dev appstream desktop-file-utils xvfb
         libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
         libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0
         libxkbcommon-x11-0)
fi
if [ "$mode" = "dist" ]; then
  # appstreamcli and desktop-file-validate check the metadata; binutils strips the bundle
  pkgs+=(appstream desktop-file-utils shared-mime-info binutils)
fi
if [ "$mode" = "display" ] || [ "$mode" = "dist" ]; then
  pkgs+=(libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
         libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0
         libxkbcommon-x11-0)
fi
if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "ensure-system-libs: not a Debian-like system; make sure Qt 6's libraries are installed." >&2
  exit 0
fi
missing=()
for p in "${pkgs[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=("$p")
done
# `make` creates .venv with this Python: Debian splits venv/ensurepip into python3-venv.
py="${PYTHON:-python3}"
if ! command -v "$py" >/dev/null 2>&1; then
  missing+=(python3 python3-venv)
elif ! "$py" -c 'import ensurepip, venv' >/dev/null 2>&1; then
  missing+=(python3-venv)
fi
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ]; then
  echo "Installing system libraries: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "swreflect needs these system libraries. Please run:" >&2
  echo "  sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
