#!/bin/sh
# Every file under src/ or data/ with translatable strings must be listed in
# po/POTFILES.in, and everything listed there must exist.
#
#   check-potfiles.sh SOURCE_ROOT
set -eu
cd "${1:?usage: check-potfiles.sh SOURCE_ROOT}"

listed=$(sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' po/POTFILES.in)
status=0

for file in $listed; do
  if [ ! -f "$file" ]; then
    echo "po/POTFILES.in lists $file, which does not exist"
    status=1
  fi
done

# _("…"), N_("…"), C_(…), NC_(…) in C; translatable="yes" in GtkBuilder and
# other XML; and the desktop, AppStream and settings files, which are
# translatable as a whole.
candidates=$(
  {
    grep -rlE '(^|[^A-Za-z0-9_])(N|C|NC)?_\(' src data --include='*.c' --include='*.h' || true
    grep -rl 'translatable="yes"' src data --include='*.ui' --include='*.xml' --include='*.in' || true
    find src data -name '*.desktop.in' -o -name '*.metainfo.xml.in' -o -name '*.gschema.xml'
  } | sort -u)

for file in $candidates; do
  if ! printf '%s\n' "$listed" | grep -qxF "$file"; then
    echo "$file has translatable strings but is missing from po/POTFILES.in"
    status=1
  fi
done

if [ "$status" -eq 0 ]; then
  echo "po/POTFILES.in lists all $(printf '%s\n' "$candidates" | wc -l) files with translatable strings"
fi
exit "$status"
