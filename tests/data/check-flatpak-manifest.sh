#!/bin/sh
# The Flatpak manifest: valid JSON, accepted by flatpak-builder without an
# unknown property, and building this app with meson.
#
#   check-flatpak-manifest.sh MANIFEST
set -eu
manifest=$(realpath "${1:?usage: check-flatpak-manifest.sh MANIFEST}")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

jq -e . "$manifest" >/dev/null

# flatpak-builder leaves a .flatpak-builder folder where it runs.
out=$(cd "$tmp" && flatpak-builder --show-manifest "$manifest" 2>&1) || { echo "$out"; exit 1; }
if printf '%s\n' "$out" | grep -q "Unknown property"; then
  printf '%s\n' "$out" | grep "Unknown property"
  exit 1
fi

jq -e '
  .id == "io.github.flightdeck.Flightdeck" and
  .command == "flightdeck" and
  .runtime == "org.gnome.Platform" and
  .sdk == "org.gnome.Sdk" and
  (.modules | last | .name == "flightdeck" and .buildsystem == "meson") and
  (.["finish-args"] | index("--talk-name=org.freedesktop.secrets") != null) and
  (.["finish-args"] | index("--share=network") != null)
' "$manifest" >/dev/null || { echo "$manifest does not build flightdeck with meson and its permissions"; exit 1; }

echo "$manifest is a valid manifest"
