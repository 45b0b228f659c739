/* fuzz-rule-parser.c: libFuzzer target for the rule language
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built by build-aux/fuzz-rules with clang -fsanitize=fuzzer,address,undefined.
 * Besides not crashing, it checks a property on every input that parses:
 * the canonical form of each rule parses again, without problems, to the
 * same canonical form.
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "fd-rule-parser.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
check_round_trip (const FdRuleDef *def)
{
  g_autofree char *canonical = fd_rule_def_to_string (def);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GPtrArray) again = fd_rule_parse (canonical, -1, &diagnostics);
  g_autofree char *second = NULL;

  if (diagnostics->len != 0 || again->len != 1)
    {
      g_autofree char *problem = diagnostics->len ? fd_rule_diagnostic_to_string (g_ptr_array_index (diagnostics, 0)) : NULL;

      g_printerr ("canonical form does not parse:\n%s\n%s\n", canonical, problem ? problem : "");
      abort ();
    }

  second = fd_rule_def_to_string (g_ptr_array_index (again, 0));
  if (g_strcmp0 (canonical, second) != 0)
    {
      g_printerr ("round trip differs:\n%s\n---\n%s\n", canonical, second);
      abort ();
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GPtrArray) defs = fd_rule_parse ((const char *)data, size, &diagnostics);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const FdRuleDiagnostic *d = g_ptr_array_index (diagnostics, i);
      g_autofree char *text = fd_rule_diagnostic_to_string (d);

      if (d->line == 0 || d->column == 0 || d->offset > size || !g_utf8_validate (text, -1, NULL))
        abort ();
    }

  if (diagnostics->len == 0)
    for (guint i = 0; i < defs->len; i++)
      {
        const FdRuleDef *def = g_ptr_array_index (defs, i);

        if (def->source == NULL || !g_utf8_validate (def->source, -1, NULL))
          abort ();
        check_round_trip (def);
      }

  return 0;
}
