#!/usr/bin/env bash
# Wrap the swreflect.app that the PyInstaller spec builds on macOS into a compressed DMG.
#   installers/macos/build-dmg.sh DIST_DIR ICON_DIR
# The .app's Info.plist (document types for .swx/.swid/.swb, minimum macOS 13) comes from
# installers/pyinstaller/swreflect.spec. Signing and notarisation: installers/README.md.
set -euo pipefail
dist="$1"
app="$dist/swreflect.app"
[ -d "$app" ] || { echo "build-dmg: $app not found (run make dist on macOS)"; exit 1; }
version="$("$app/Contents/MacOS/swreflect" --version | awk '{print $2}')"
if [ -n "${SWREFLECT_CODESIGN_IDENTITY:-}" ]; then
  codesign --force --deep --options runtime --timestamp \
    --entitlements "$(dirname "$0")/entitlements.plist" \
    --sign "$SWREFLECT_CODESIGN_IDENTITY" "$app"
fi
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
dmg="$dist/swreflect-$version.dmg"
rm -f "$dmg"
hdiutil create -volname "swreflect $version" -srcfolder "$stage" -fs HFS+ -format UDZO "$dmg"
if [ -n "${SWREFLECT_CODESIGN_IDENTITY:-}" ]; then
  codesign --sign "$SWREFLECT_CODESIGN_IDENTITY" --timestamp "$dmg"
fi
if [ -n "${SWREFLECT_NOTARY_PROFILE:-}" ]; then
  xcrun notarytool submit "$dmg" --keychain-profile "$SWREFLECT_NOTARY_PROFILE" --wait
  xcrun stapler staple "$dmg"
fi
echo "$dmg"
