#!/usr/bin/env bash
# After `make dist`: smoke-test the bundle, validate the Linux metadata, install the .deb with
# dpkg -i, smoke-test the installed commands, then remove the package and check that the
# vault it made is still there. Run by .ci/run after `make test` (needs root for dpkg).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
echo "== bundle smoke test"
bash installers/smoke-test.sh dist/swreflect
[ "$(uname -s)" = Linux ] || exit 0
echo "== metadata"
appstreamcli validate --no-net installers/linux/org.swreflect.Swreflect.metainfo.xml
desktop-file-validate installers/linux/org.swreflect.Swreflect.desktop
deb="$(ls -t dist/swreflect_*.deb | head -1)"
echo "== dpkg -i $deb"
dpkg -i "$deb"
trap 'dpkg -r swreflect >/dev/null 2>&1 || true' EXIT
for f in /usr/share/applications/org.swreflect.Swreflect.desktop \
         /usr/share/metainfo/org.swreflect.Swreflect.metainfo.xml \
         /usr/share/mime/packages/org.swreflect.Swreflect.xml \
         /usr/share/icons/hicolor/scalable/apps/org.swreflect.Swreflect.svg \
         /usr/share/icons/hicolor/256x256/apps/org.swreflect.Swreflect.png \
         /usr/share/man/man1/swreflect.1.gz \
         /usr/share/bash-completion/completions/swreflect; do
  [ -f "$f" ] || { echo "missing after install: $f"; exit 1; }
done
if command -v update-mime-database >/dev/null; then
  update-mime-database /usr/share/mime
  grep -q "application/x-swreflect-exchange" /usr/share/mime/globs2
fi
echo "== installed package smoke test"
bash installers/smoke-test.sh /usr/bin
home="$(mktemp -d)"
SWREFLECT_HOME="$home" SWREFLECT_PASSPHRASE="calm river under a quiet bridge" /usr/bin/swreflect init >/dev/null
dpkg -r swreflect >/dev/null
trap - EXIT
[ ! -e /usr/bin/swreflect ] && [ ! -d /opt/swreflect ]
[ -f "$home/data/vault/vault.db" ] || { echo "uninstall removed the vault"; exit 1; }
rm -rf "$home"
echo "== dist checks passed (package installed, ran, and uninstalled leaving the vault)"
