/* fd-demo.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-demo"

#include "config.h"

#include "fd-brief.h"
#include "fd-demo.h"
#include "fd-mutation.h"
#include "fd-ownership.h"
#include "fd-roster.h"

#define DEMO_ACTOR "system"

typedef struct
{
  const char *name;
  const char *email;
  const char *role;
} DemoPerson;

/* A fictional outdoor-gear brand's in-house team. */
static const DemoPerson team[] = {
  { "Maya Lindqvist", "maya@northwind.example",  "creative-director" },
  { "Tomás Reyes",    "tomas@northwind.example", "designer" },
  { "Aiko Tanaka",    "aiko@northwind.example",  "video-editor" },
  { "Priya Nair",     "priya@northwind.example", "copy-lead" },
  { "Jonah Weiss",    "jonah@northwind.example", "copywriter" },
  { "Grace Okafor",   "grace@northwind.example", "legal" },
  { "Dana Whitfield", "dana@northwind.example",  "media-buyer" },
  { "Leo Martins",    "leo@northwind.example",   "account-lead" },
};

typedef struct
{
  const char *transition;
  const char *owner;
  const char *backup;
} DemoOwner;

static const DemoOwner owners[] = {
  { "brief.submit",                  "dana@northwind.example",  "leo@northwind.example" },
  { "creative.approve.video",        "maya@northwind.example",  "grace@northwind.example" },
  { "creative.approve.image",        "maya@northwind.example",  NULL },
  { "creative.approve.headline",     "priya@northwind.example", NULL },
  { "creative.approve.primary-text", "priya@northwind.example", NULL },
  { "creative.approve.script",       "priya@northwind.example", "maya@northwind.example" },
  { "launch",                        "dana@northwind.example",  "leo@northwind.example" },
  { "triage.daily",                  "dana@northwind.example",  NULL },
  { "report.weekly",                 "leo@northwind.example",   NULL },
};

typedef struct
{
  const char *title;
  const char *objective;
  const char *segment;
  const char *message;
  const char *placements;
  const char *owner;
  int         due_in_days;
} DemoBrief;

static const DemoBrief briefs[] = {
  { "Ridgeline trail shoe — spring launch", "OUTCOME_SALES",
    "Hikers 25–34, DE and AT", "Grip that holds on wet rock",
    "feed,stories,reels", "dana@northwind.example", 9 },
  { "Stormfront rain shell — cart recovery", "OUTCOME_SALES",
    "Cart abandoners, last 30 days", "Still thinking it over? It is still dry inside.",
    "feed,stories", "dana@northwind.example", 4 },
  { "Basecamp family bundle — summer", "OUTCOME_TRAFFIC",
    "Parents 30–45 who camp", "One bundle, the whole weekend",
    "feed,reels", "leo@northwind.example", 21 },
};

gboolean
fd_demo_is_demo (FdStore *store)
{
  g_autofree char *value = fd_store_get_meta (store, "demo");

  return g_strcmp0 (value, "1") == 0;
}

gint64
fd_demo_find_person (FdStore    *store,
                     const char *email)
{
  g_autoptr(FdPerson) person = NULL;

  if (email == NULL)
    return 0;

  person = fd_roster_find (store, email, NULL);
  return person ? fd_person_get_id (person) : 0;
}

static gboolean
mark_as_demo (FdStore  *store,
              GError  **error)
{
  g_autoptr(FdMutation) mutation = NULL;
  g_auto(FdStmt) stmt = NULL;

  if (!(mutation = fd_mutation_begin (store, DEMO_ACTOR, error)))
    return FALSE;

  stmt = fd_store_stmt (store, "INSERT OR REPLACE INTO meta (key, value) VALUES ('demo', '1')", error);

  return stmt != NULL &&
         fd_store_run (store, stmt, error) &&
         fd_mutation_record (mutation, "workspace", "demo", "update",
                             NULL, "{\"demo\":true}", error) &&
         fd_mutation_commit (mutation, error);
}

static gboolean
add_team (FdStore  *store,
          GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (team); i++)
    {
      g_autoptr(FdPerson) person = NULL;

      if (fd_demo_find_person (store, team[i].email) != 0)
        continue;

      person = fd_roster_add (store, DEMO_ACTOR, team[i].name, team[i].email,
                              team[i].role, error);
      if (person == NULL)
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_owners (FdStore  *store,
            GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (owners); i++)
    {
      g_autoptr(FdOwnershipEntry) entry = fd_ownership_get (store, owners[i].transition, error);

      if (entry == NULL)
        return FALSE;

      /* An owner named since (in the demo, by whoever explores it) stays. */
      if (fd_ownership_entry_get_owner (entry) != NULL)
        continue;

      if (!fd_ownership_set (store, DEMO_ACTOR, owners[i].transition,
                             fd_demo_find_person (store, owners[i].owner),
                             fd_demo_find_person (store, owners[i].backup),
                             error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_briefs (FdStore  *store,
            GError  **error)
{
  g_autoptr(GPtrArray) existing = fd_brief_list (store, error);
  gint64 today;

  if (existing == NULL)
    return FALSE;
  if (existing->len > 0)
    return TRUE;

  today = fd_store_now (store);

  for (guint i = 0; i < G_N_ELEMENTS (briefs); i++)
    {
      g_autoptr(FdBrief) brief = NULL;

      brief = fd_brief_create (store, DEMO_ACTOR, briefs[i].title,
                               briefs[i].objective, briefs[i].segment,
                               briefs[i].message, briefs[i].placements,
                               fd_demo_find_person (store, briefs[i].owner),
                               today + (gint64)briefs[i].due_in_days * G_TIME_SPAN_DAY,
                               error);
      if (brief == NULL)
        return FALSE;
    }

  return TRUE;
}

/**
 * fd_demo_populate_team:
 *
 * Adds the demo team, its ownership matrix and its briefs, and makes the
 * creative director the current person. Safe to run again: what exists is
 * kept.
 */
gboolean
fd_demo_populate_team (FdStore  *store,
                       GError  **error)
{
  g_autoptr(FdPerson) current = NULL;

  if (!fd_demo_is_demo (store) && !mark_as_demo (store, error))
    return FALSE;

  if (!add_team (store, error) || !add_owners (store, error) || !add_briefs (store, error))
    return FALSE;

  current = fd_roster_get_current (store, NULL);
  if (current == NULL &&
      !fd_roster_set_current (store, DEMO_ACTOR,
                              fd_demo_find_person (store, team[0].email), error))
    return FALSE;

  return TRUE;
}
