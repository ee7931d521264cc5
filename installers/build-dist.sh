#!/usr/bin/env bash
# `make dist`: the PyInstaller one-folder bundle, then this platform's package.
#   installers/build-dist.sh PYTHON     (a Python whose packages come from the lock file)
# Writes dist/swreflect/ (the bundle), dist/swreflect-<version>-<platform>.tar.gz, and on
# Linux dist/swreflect_<version>_<arch>.deb; prints sizes and build times.
set -euo pipefail
py="$1"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export PYTHONPATH="$root${PYTHONPATH:+:$PYTHONPATH}"
export QT_QPA_PLATFORM=offscreen
start=$(date +%s)
rm -rf build/icons build/man build/completion dist/swreflect
"$py" tools/make_icons.py build/icons
"$py" tools/cli_docs.py build
"$py" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller installers/pyinstaller/swreflect.spec
bundle_done=$(date +%s)
version="$(dist/swreflect/swreflect --version | awk '{print $2}')"
platform="$("$py" -c 'import sysconfig; print(sysconfig.get_platform())')"
tarball="dist/swreflect-$version-$platform.tar.gz"
tar -C dist -czf "$tarball" swreflect
echo "bundle: dist/swreflect ($(du -sm dist/swreflect | cut -f1) MB unpacked," \
  "$(du -m "$tarball" | cut -f1) MB as $tarball), built in $((bundle_done - start)) s"
case "$(uname -s)" in
  Linux)
    deb="$(bash installers/linux/build-deb.sh dist/swreflect build/icons dist)"
    echo "deb: $deb ($(du -m "$deb" | cut -f1) MB), total $(( $(date +%s) - start )) s"
    ;;
  Darwin) bash installers/macos/build-dmg.sh dist build/icons ;;
  MINGW*|MSYS*|CYGWIN*) SWREFLECT_VERSION="$version" iscc installers/windows/swreflect.iss ;;
esac
