#!/bin/sh
# Every screenshot the AppStream file points at is in the source tree, where
# its stable address on the main branch will find it, and is a PNG.
#
#   check-screenshots.sh SOURCE_ROOT METAINFO
set -eu
top=${1:?usage: check-screenshots.sh SOURCE_ROOT METAINFO}
metainfo=${2:?usage: check-screenshots.sh SOURCE_ROOT METAINFO}
prefix=https://raw.githubusercontent.com/flightdeck/flightdeck/main/

urls=$(sed -n 's|.*<image[^>]*>\(.*\)</image>.*|\1|p' "$metainfo")
[ -n "$urls" ] || { echo "$metainfo has no screenshots"; exit 1; }

n=0
for url in $urls; do
  case "$url" in
    "$prefix"*) path=${url#"$prefix"} ;;
    *) echo "$url is not under $prefix"; exit 1 ;;
  esac
  if ! head -c 8 "$top/$path" 2>/dev/null | od -An -c | grep -q 'P   N   G'; then
    echo "$url: $path is missing or not a PNG"
    exit 1
  fi
  n=$((n + 1))
done
echo "$n screenshots present"
