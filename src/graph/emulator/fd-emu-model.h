/* fd-emu-model.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The simulated ad accounts behind the Graph emulator: their campaigns, ad
 * sets and ads, what each object is like (its quality, audience, fatigue),
 * and the writes made to them (status, budgets). Insights are computed
 * from these on demand (fd-emu-metrics.c); nothing is stored but the
 * writes, so a past day always reads the same. Not thread-safe: the
 * emulator serializes access. */

typedef enum
{
  FD_EMU_LEVEL_ACCOUNT,
  FD_EMU_LEVEL_CAMPAIGN,
  FD_EMU_LEVEL_ADSET,
  FD_EMU_LEVEL_AD,
} FdEmuLevel;

/**
 * FdEmuAccountSpec:
 * @id: "act_…"
 * @name: the account's name
 * @currency: ISO code
 * @timezone: IANA name
 * @campaigns: how many campaigns
 * @adsets_per_campaign: ad sets in each
 * @ads_per_adset: ads in each
 * @history_days: how long before it was added the account started
 * @launch_spread_days: over how many days after that its ads launched
 * @profile: (nullable): a named set of adjustments to the generated
 *   objects, such as "demo" (see fd-emu-profile.c)
 */
typedef struct
{
  const char *id;
  const char *name;
  const char *currency;
  const char *timezone;
  guint       campaigns;
  guint       adsets_per_campaign;
  guint       ads_per_adset;
  guint       history_days;
  guint       launch_spread_days;
  const char *profile;
} FdEmuAccountSpec;

typedef struct
{
  gint64  at_us;
  gint64  value;       /* budgets: minor units; status: an FdEmuStatus */
} FdEmuChange;

typedef enum
{
  FD_EMU_STATUS_ACTIVE,
  FD_EMU_STATUS_PAUSED,
  FD_EMU_STATUS_ARCHIVED,
  FD_EMU_STATUS_DELETED,
} FdEmuStatus;

typedef struct _FdEmuAccount FdEmuAccount;

typedef struct
{
  char           id[24];
  char          *name;
  FdEmuLevel     level;
  guint          index;        /* within its level in the account */
  guint          parent;       /* campaign index of an ad set, ad set index of an ad */
  FdEmuAccount  *account;

  int            launch_day;   /* julian day */
  int            pause_day;    /* julian day it was paused by its owner, 0 if never */
  gint64         pause_us;     /* the start of that day, UTC µs */
  gint64         created_us;

  /* ad sets */
  gint64         daily_budget; /* minor units */
  double         audience;     /* people the ad set can reach */
  gboolean       retargeting;

  /* ads */
  double         quality;
  double         base_ctr;
  double         cvr;
  double         aov;          /* minor units */
  double         cpm;          /* minor units */
  double         link_ratio;
  double         fatigue_tau;
  double         fatigue_max;
  double         video_rate;   /* 0 for images */

  GArray        *status_changes;  /* FdEmuChange, by time */
  GArray        *budget_changes;  /* FdEmuChange, by time */
} FdEmuObject;

struct _FdEmuAccount
{
  char         *id;
  char         *name;
  char         *currency;
  char         *timezone;
  GTimeZone    *tz;
  guint         offset;
  double        money_scale;
  guint64       seed;
  int           epoch_day;
  guint         launch_spread_days;
  guint         history_days;
  char         *profile;
  guint         adsets_per_campaign;
  guint         ads_per_adset;
  GPtrArray    *campaigns;   /* FdEmuObject */
  GPtrArray    *adsets;
  GPtrArray    *ads;
};

typedef struct _FdEmuModel FdEmuModel;

FdEmuModel   *fd_emu_model_new             (guint64                  seed);
void          fd_emu_model_free            (FdEmuModel              *self);
guint64       fd_emu_model_get_seed        (FdEmuModel              *self);
FdEmuAccount *fd_emu_model_add_account     (FdEmuModel              *self,
                                            const FdEmuAccountSpec  *spec,
                                            int                      epoch_day,
                                            GError                 **error);
FdEmuAccount *fd_emu_model_find_account    (FdEmuModel              *self,
                                            const char              *id);
FdEmuObject  *fd_emu_model_find_object     (FdEmuModel              *self,
                                            const char              *id);
GPtrArray    *fd_emu_model_get_accounts    (FdEmuModel              *self);
GPtrArray    *fd_emu_account_get_objects   (FdEmuAccount            *account,
                                            FdEmuLevel               level);

FdEmuStatus   fd_emu_object_status_at      (FdEmuObject             *object,
                                            gint64                   at_us);
gboolean      fd_emu_object_delivers_at    (FdEmuObject             *object,
                                            gint64                   at_us);
gint64        fd_emu_object_budget_at      (FdEmuObject             *object,
                                            gint64                   at_us);
FdEmuObject  *fd_emu_object_get_parent     (FdEmuObject             *object);
const char   *fd_emu_status_to_string      (FdEmuStatus              status);
gboolean      fd_emu_status_from_string    (const char              *text,
                                            FdEmuStatus             *status);

void          fd_emu_model_record_status   (FdEmuModel              *self,
                                            FdEmuObject             *object,
                                            FdEmuStatus              status,
                                            gint64                   at_us);
void          fd_emu_model_record_budget   (FdEmuModel              *self,
                                            FdEmuObject             *object,
                                            gint64                   minor_units,
                                            gint64                   at_us);
guint         fd_emu_model_count_budget_changes (FdEmuModel         *self,
                                                 FdEmuObject        *object,
                                                 gint64              since_us);

JsonNode     *fd_emu_model_save            (FdEmuModel              *self);
gboolean      fd_emu_model_load_writes     (FdEmuModel              *self,
                                            JsonNode                *state,
                                            GError                 **error);

/* Profiles (fd-emu-profile.c) */
gboolean      fd_emu_profile_is_known      (const char              *profile);
void          fd_emu_profile_apply         (FdEmuAccount            *account);

/* Days */
int           fd_emu_day_from_string       (const char              *text);
void          fd_emu_day_format            (int                      julian,
                                            char                     out[11]);
int           fd_emu_account_day_at        (FdEmuAccount            *account,
                                            gint64                   at_us,
                                            int                     *hour);
gint64        fd_emu_account_day_start     (FdEmuAccount            *account,
                                            int                      julian);

/* Deterministic randomness */
guint64       fd_emu_hash                  (guint64                  a,
                                            guint64                  b,
                                            guint64                  c,
                                            guint64                  d);
double        fd_emu_uniform               (guint64                  a,
                                            guint64                  b,
                                            guint64                  c,
                                            guint64                  d);
double        fd_emu_normal                (guint64                  a,
                                            guint64                  b,
                                            guint64                  c,
                                            guint64                  d);

G_END_DECLS
