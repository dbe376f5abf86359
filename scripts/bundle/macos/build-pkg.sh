#!/usr/bin/env bash
# The macOS installer: dist/DayInMyLife-VERSION.pkg, which puts "Day in My Life.app" in /Applications
# for every user of the Mac. Run on a Mac after `bash scripts/dev.sh bundle` (which builds the .app).
#   Silent install (a device manager, or by hand): sudo installer -pkg DayInMyLife-VERSION.pkg -target /
#   Detection: pkgutil --pkg-info uk.dayinmylife.pkg  (the identifier never changes; version= is the version)
#   Uninstall, keeping every user's data (~/Library/Application Support/DayInMyLife):
#     sudo rm -rf "/Applications/Day in My Life.app" && sudo pkgutil --forget uk.dayinmylife.pkg
# Signing and notarisation happen only when these are set (otherwise the package is unsigned, and
# says so): MAC_APP_IDENTITY ("Developer ID Application: ..."), MAC_INSTALLER_IDENTITY ("Developer
# ID Installer: ..."), and for notarisation MAC_NOTARY_PROFILE (a keychain profile made with
# `xcrun notarytool store-credentials`).
set -euo pipefail
cd "$(dirname "$0")/../../.."

app="dist/Day in My Life.app"
[ -d "$app" ] || { echo "No $app: run bash scripts/dev.sh bundle on this Mac first." >&2; exit 1; }
version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' dayinlife/__init__.py)
pkg="dist/DayInMyLife-$version.pkg"

if [ -n "${MAC_APP_IDENTITY:-}" ]; then
  # The hardened runtime, as notarisation asks; every library inside is signed, then the app.
  codesign --force --deep --options runtime --timestamp --sign "$MAC_APP_IDENTITY" "$app"
  codesign --verify --deep --strict "$app"
else
  echo "MAC_APP_IDENTITY is not set: the app is not signed." >&2
fi

unsigned="dist/DayInMyLife-$version-unsigned.pkg"
pkgbuild --component "$app" --install-location /Applications --identifier uk.dayinmylife.pkg \
  --version "$version" "$unsigned"

if [ -n "${MAC_INSTALLER_IDENTITY:-}" ]; then
  productsign --sign "$MAC_INSTALLER_IDENTITY" --timestamp "$unsigned" "$pkg"
  rm -f "$unsigned"
  if [ -n "${MAC_NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit "$pkg" --keychain-profile "$MAC_NOTARY_PROFILE" --wait
    xcrun stapler staple "$pkg"
  else
    echo "MAC_NOTARY_PROFILE is not set: the package is signed but not notarised." >&2
  fi
else
  mv "$unsigned" "$pkg"
  echo "MAC_INSTALLER_IDENTITY is not set: the package is not signed." >&2
fi
echo "$pkg"
