#!/bin/sh
# Extracts every string listed in po/POTFILES.in the way the build does,
# checks the template with msgfmt (through an English catalogue made from
# it, which carries the C format checks), and checks every po/*.po.
#
#   check-translations.sh SOURCE_ROOT
set -eu
top=$(cd "${1:?usage: check-translations.sh SOURCE_ROOT}" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The keywords and flags of meson's "glib" preset.
xgettext --directory="$top" --files-from="$top/po/POTFILES.in" \
  --output="$tmp/flightdeck.pot" --from-code=UTF-8 --add-comments \
  --package-name=flightdeck --msgid-bugs-address=https://github.com/flightdeck/flightdeck/issues \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --flag=g_markup_printf_escaped:1:c-format --flag=g_printerr:1:c-format \
  --flag=g_print:1:c-format --flag=printf:1:c-format \
  --flag=g_application_command_line_printerr:2:c-format \
  2>"$tmp/xgettext.log"

# A format string xgettext could not read (a macro such as G_GINT64_FORMAT
# in the middle of a message) is cut short, and its translation never found.
if grep -q "warning" "$tmp/xgettext.log"; then
  cat "$tmp/xgettext.log"
  exit 1
fi

# xgettext only warns for the functions it knows as formatting ones; any
# other message with such a macro inside is cut short all the same.
if grep -nE '_\(("([^"\\]|\\.)*"[[:space:]]*)+G_G?U?INT64_FORMAT' \
     $(sed -e 's/#.*//' -e '/^$/d' "$top/po/POTFILES.in" | sed "s|^|$top/|"); then
  echo "Messages above put G_GINT64_FORMAT inside a translatable string: use %lld and a cast."
  exit 1
fi

count=$(grep -c '^msgid "' "$tmp/flightdeck.pot")
msginit --no-translator --no-wrap --locale=en_GB.UTF-8 --input="$tmp/flightdeck.pot" \
  --output-file="$tmp/en_GB.po" 2>/dev/null
msgfmt --check --output-file=/dev/null "$tmp/en_GB.po"

checked=0
for po in "$top"/po/*.po; do
  [ -e "$po" ] || continue
  msgfmt --check --output-file=/dev/null "$po"
  checked=$((checked + 1))
done

echo "$count messages extracted and checked; $checked translations checked"
