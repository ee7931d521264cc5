#!/usr/bin/env bash
# Build dist/swreflect_<version>_<arch>.deb from the PyInstaller folder (dist/swreflect/).
#   installers/linux/build-deb.sh BUNDLE_DIR ICON_DIR OUT_DIR
# Layout: the bundle in /opt/swreflect, both executables on PATH, the desktop entry,
# AppStream metainfo, MIME types, icons, man page and shell completion in /usr/share. The
# MIME, desktop and icon caches are refreshed by Debian's own triggers on those folders.
# Uninstalling removes only these files: vaults under ~/.local/share/swreflect stay.
set -euo pipefail
bundle="$1"; icons="$2"; out="$3"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
app_id=org.swreflect.Swreflect
version="$("$bundle/swreflect" --version | awk '{print $2}')"
arch="$(dpkg --print-architecture)"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
pkg="$stage/swreflect"
install -d "$pkg/DEBIAN" "$pkg/opt" "$pkg/usr/bin" "$pkg/usr/share/applications" \
  "$pkg/usr/share/metainfo" "$pkg/usr/share/mime/packages" "$pkg/usr/share/man/man1" \
  "$pkg/usr/share/bash-completion/completions" "$pkg/usr/share/doc/swreflect"
cp -a "$bundle" "$pkg/opt/swreflect"
ln -s /opt/swreflect/swreflect "$pkg/usr/bin/swreflect"
ln -s /opt/swreflect/swreflect-gui "$pkg/usr/bin/swreflect-gui"
install -m 644 "$here/$app_id.desktop" "$pkg/usr/share/applications/"
install -m 644 "$here/$app_id.metainfo.xml" "$pkg/usr/share/metainfo/"
install -m 644 "$here/$app_id.xml" "$pkg/usr/share/mime/packages/"
install -d "$pkg/usr/share/icons"
cp -a "$icons/hicolor" "$pkg/usr/share/icons/"
if [ -f "$root/build/man/swreflect.1" ]; then
  gzip -9n < "$root/build/man/swreflect.1" > "$pkg/usr/share/man/man1/swreflect.1.gz"
fi
if [ -f "$root/build/completion/swreflect.bash" ]; then
  install -m 644 "$root/build/completion/swreflect.bash" "$pkg/usr/share/bash-completion/completions/swreflect"
fi
cp -a "$root/resources/licences" "$pkg/usr/share/doc/swreflect/licences"
installed_kib="$(du -sk "$pkg" | cut -f1)"
cat > "$pkg/DEBIAN/control" <<CONTROL
Package: swreflect
Version: $version
Architecture: $arch
Maintainer: swreflect developers <packaging@swreflect.org>
Installed-Size: $installed_kib
Depends: libc6 (>= 2.36), libgl1, libegl1, libx11-6, libdbus-1-3, libfontconfig1, libfreetype6, libglib2.0-0, libxkbcommon0, libxkbcommon-x11-0, libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, libxcb-randr0, libxcb-render-util0, libxcb-shape0, libxcb-xinerama0, libxcb-xkb1, libxcb-xfixes0
Section: utils
Priority: optional
Homepage: https://swreflect.org/
Description: confidential reflective supervision for social workers
 A private reflective journal, guided supervision sessions and signed
 supervision records, kept in an encrypted vault on this computer. It never
 uses the network.
CONTROL
mkdir -p "$out"
deb="$out/swreflect_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz -z3 --build "$pkg" "$deb" >/dev/null
echo "$deb"
