/* fd-emu-model.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-graph-emulator"

#include "config.h"

#include <math.h>
#include <stdio.h>

#include "fd-core-error.h"
#include "fd-currency.h"
#include "fd-emu-model.h"

struct _FdEmuModel
{
  guint64     seed;
  GPtrArray  *accounts;
  GHashTable *objects;   /* id → FdEmuObject, borrowed from the accounts */
};

/* Salts, so that each property of an object draws its own numbers. */
enum {
  SALT_LAUNCH = 1, SALT_PAUSE, SALT_PAUSE_AT, SALT_QUALITY, SALT_CTR, SALT_CVR, SALT_AOV,
  SALT_CPM, SALT_LINK, SALT_TAU, SALT_FATIGUE, SALT_VIDEO, SALT_AUDIENCE, SALT_BUDGET,
  SALT_NAME, SALT_VIDEO_RATE,
};

/*
 * Deterministic randomness: SplitMix64 over the inputs.
 */

static inline guint64
mix (guint64 x)
{
  x += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  x = (x ^ (x >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  x = (x ^ (x >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return x ^ (x >> 31);
}

guint64
fd_emu_hash (guint64 a,
             guint64 b,
             guint64 c,
             guint64 d)
{
  return mix (mix (mix (mix (a) ^ b) ^ c) ^ d);
}

/* In [0, 1). */
double
fd_emu_uniform (guint64 a,
                guint64 b,
                guint64 c,
                guint64 d)
{
  return (fd_emu_hash (a, b, c, d) >> 11) * (1.0 / 9007199254740992.0);
}

double
fd_emu_normal (guint64 a,
               guint64 b,
               guint64 c,
               guint64 d)
{
  double u1 = fd_emu_uniform (a, b, c, d ^ 0x5555);
  double u2 = fd_emu_uniform (a, b, c, d ^ 0xAAAA);

  return sqrt (-2.0 * log (MAX (u1, 1e-12))) * cos (2 * G_PI * u2);
}

/*
 * Days
 */

int
fd_emu_day_from_string (const char *text)
{
  GDate date;
  guint y, m, d;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-' ||
      sscanf (text, "%4u-%2u-%2u", &y, &m, &d) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return 0;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return (int)g_date_get_julian (&date);
}

void
fd_emu_day_format (int  julian,
                   char out[11])
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (&date),
              g_date_get_month (&date), g_date_get_day (&date));
}

/**
 * fd_emu_account_day_at:
 * @hour: (out) (optional): the hour of the day
 *
 * Returns: the julian day it is at @at_us in the account's time zone
 */
int
fd_emu_account_day_at (FdEmuAccount *account,
                       gint64        at_us,
                       int          *hour)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (at_us / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, account->tz);
  GDate date;

  if (hour)
    *hour = g_date_time_get_hour (local);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
  return (int)g_date_get_julian (&date);
}

/**
 * fd_emu_account_day_start:
 *
 * Returns: midnight of @julian in the account's time zone, UTC µs
 */
gint64
fd_emu_account_day_start (FdEmuAccount *account,
                          int           julian)
{
  g_autoptr(GDateTime) start = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  start = g_date_time_new (account->tz, g_date_get_year (&date), g_date_get_month (&date),
                           g_date_get_day (&date), 0, 0, 0);
  return g_date_time_to_unix (start) * G_USEC_PER_SEC;
}

/*
 * Objects
 */

static void
object_free (FdEmuObject *object)
{
  g_free (object->name);
  g_clear_pointer (&object->status_changes, g_array_unref);
  g_clear_pointer (&object->budget_changes, g_array_unref);
  g_free (object);
}

static void
account_free (FdEmuAccount *account)
{
  g_free (account->id);
  g_free (account->name);
  g_free (account->currency);
  g_free (account->timezone);
  g_free (account->profile);
  g_clear_pointer (&account->tz, g_time_zone_unref);
  g_ptr_array_unref (account->campaigns);
  g_ptr_array_unref (account->adsets);
  g_ptr_array_unref (account->ads);
  g_free (account);
}

static double
money_scale (const char *currency)
{
  static const struct { const char *code; double scale; } scales[] = {
    { "EUR", 1 }, { "USD", 1.1 }, { "GBP", 0.86 }, { "CHF", 0.95 }, { "SEK", 11.5 },
    { "NOK", 11.7 }, { "DKK", 7.46 }, { "PLN", 4.3 }, { "JPY", 160 }, { "KRW", 1450 },
    { "TWD", 35 }, { "HUF", 390 }, { "CLP", 1000 }, { "COP", 4300 }, { "IDR", 17000 },
    { "VND", 27000 }, { "ISK", 150 }, { "PYG", 8000 }, { "CRC", 560 }, { "INR", 92 },
    { "BRL", 5.9 }, { "MXN", 19 }, { "AUD", 1.65 }, { "CAD", 1.5 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    if (g_str_equal (currency, scales[i].code))
      return scales[i].scale;

  return 1;
}

static const char * const themes[] = {
  "Ridgeline trail shoe", "Stormfront rain shell", "Basecamp family bundle",
  "Summit down jacket", "Trailhead daypack", "Alpine merino base layer",
  "Canyon water filter", "Lakeside camp chair",
};

static const char * const audiences[] = {
  "Broad 25–44", "Lookalike 1% purchasers", "Interests: hiking, camping",
  "Retargeting 30-day visitors",
};

static const char * const formats[] = {
  "UGC video", "Static product shot", "Carousel", "Founder story video",
  "Reel — 9:16 cut", "Review quote card", "Lifestyle video", "Offer banner",
};

static guint64
object_key (const char *id)
{
  return g_ascii_strtoull (id, NULL, 10);
}

static FdEmuObject *
new_object (FdEmuAccount *account,
            FdEmuLevel    level,
            guint         index,
            guint64       id_base,
            guint         parent)
{
  FdEmuObject *object = g_new0 (FdEmuObject, 1);

  object->level = level;
  object->index = index;
  object->parent = parent;
  object->account = account;
  g_snprintf (object->id, sizeof object->id, "%" G_GUINT64_FORMAT,
              id_base + (guint64)level * 1000000 + index);
  object->status_changes = g_array_new (FALSE, FALSE, sizeof (FdEmuChange));
  object->budget_changes = g_array_new (FALSE, FALSE, sizeof (FdEmuChange));

  return object;
}

static double
u (FdEmuAccount *account,
   FdEmuObject  *object,
   guint64       salt)
{
  return fd_emu_uniform (account->seed, object_key (object->id), salt, 0);
}

static double
n (FdEmuAccount *account,
   FdEmuObject  *object,
   guint64       salt)
{
  return fd_emu_normal (account->seed, object_key (object->id), salt, 0);
}

static void
make_campaign (FdEmuAccount *account,
               FdEmuObject  *campaign)
{
  guint spread = MAX (account->launch_spread_days / 3, 1u);

  campaign->name = g_strdup_printf ("%s | %s | %s",
                                    g_str_equal (account->currency, "JPY") ? "JP" : "DE",
                                    campaign->index % 3 == 2 ? "Retargeting" : "Prospecting",
                                    themes[campaign->index % G_N_ELEMENTS (themes)]);
  campaign->launch_day = account->epoch_day + (int)(u (account, campaign, SALT_LAUNCH) * spread);
}

static void
make_adset (FdEmuAccount *account,
            FdEmuObject  *adset)
{
  FdEmuObject *campaign = g_ptr_array_index (account->campaigns, adset->parent);
  double budget_major;

  adset->retargeting = (adset->index % 4 == 3);
  adset->name = g_strdup_printf ("%s — %s", audiences[adset->index % G_N_ELEMENTS (audiences)],
                                 themes[campaign->index % G_N_ELEMENTS (themes)]);
  adset->launch_day = campaign->launch_day + (int)(u (account, adset, SALT_LAUNCH) * 3);

  /* Retargeting pools are small, which is where frequency climbs. */
  adset->audience = adset->retargeting ? 2500 + 3500 * u (account, adset, SALT_AUDIENCE)
                                       : 300000 + 2700000 * u (account, adset, SALT_AUDIENCE);

  budget_major = adset->retargeting ? 15 + 25 * u (account, adset, SALT_BUDGET)
                                    : 40 + 110 * u (account, adset, SALT_BUDGET);
  adset->daily_budget = (gint64)round (budget_major * account->money_scale) * account->offset;

  if (u (account, adset, SALT_PAUSE) < 0.08)
    adset->pause_day = adset->launch_day + 20 + (int)(40 * u (account, adset, SALT_PAUSE_AT));
}

static void
make_ad (FdEmuAccount *account,
         FdEmuObject  *ad)
{
  FdEmuObject *adset = g_ptr_array_index (account->adsets, ad->parent);
  double scale = account->money_scale * account->offset;
  double q = exp (0.45 * n (account, ad, SALT_QUALITY));
  gboolean hero = (ad->index % 23 == 5);

  /* Some ads clearly win and some clearly lose, so rules have something
   * to find. */
  if (ad->index % 7 == 0)
    q *= 1.8;
  else if (ad->index % 7 == 3)
    q *= 0.45;

  ad->name = g_strdup_printf ("%s — %s v%u", themes[ad->index % G_N_ELEMENTS (themes)],
                              formats[ad->index % G_N_ELEMENTS (formats)], 1 + ad->index % 4);
  ad->launch_day = adset->launch_day +
                   (int)(u (account, ad, SALT_LAUNCH) * account->launch_spread_days);
  ad->quality = q;
  ad->base_ctr = CLAMP (0.016 * pow (q, 0.7) * (hero ? 2.8 : 1.0) *
                        exp (0.1 * n (account, ad, SALT_CTR)), 0.002, 0.06);
  ad->cvr = CLAMP (0.034 * pow (q, 0.8) * exp (0.25 * n (account, ad, SALT_CVR)), 0.001, 0.15);
  ad->aov = 60 * scale * exp (0.3 * n (account, ad, SALT_AOV));
  ad->cpm = 9 * scale * exp (0.25 * n (account, ad, SALT_CPM)) * (adset->retargeting ? 1.6 : 1.0);
  ad->link_ratio = 0.68 + 0.18 * u (account, ad, SALT_LINK);
  ad->fatigue_tau = (8 + 30 * u (account, ad, SALT_TAU)) * (adset->retargeting ? 0.6 : 1.0);
  ad->fatigue_max = 0.2 + 0.35 * u (account, ad, SALT_FATIGUE);
  ad->video_rate = u (account, ad, SALT_VIDEO) < 0.6 ? 0.18 + 0.25 * u (account, ad, SALT_VIDEO_RATE)
                                                     : 0;

  if (u (account, ad, SALT_PAUSE) < 0.12)
    ad->pause_day = ad->launch_day + 10 + (int)(50 * u (account, ad, SALT_PAUSE_AT));
}

static void
index_objects (FdEmuModel *self,
               GPtrArray  *objects)
{
  for (guint i = 0; i < objects->len; i++)
    {
      FdEmuObject *object = g_ptr_array_index (objects, i);

      g_hash_table_insert (self->objects, object->id, object);
    }
}

FdEmuModel *
fd_emu_model_new (guint64 seed)
{
  FdEmuModel *self = g_new0 (FdEmuModel, 1);

  self->seed = seed;
  self->accounts = g_ptr_array_new_with_free_func ((GDestroyNotify)account_free);
  self->objects = g_hash_table_new (g_str_hash, g_str_equal);

  return self;
}

void
fd_emu_model_free (FdEmuModel *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->objects);
  g_ptr_array_unref (self->accounts);
  g_free (self);
}

guint64
fd_emu_model_get_seed (FdEmuModel *self)
{
  return self->seed;
}

/**
 * fd_emu_model_add_account:
 * @epoch_day: the julian day the account's history starts
 *
 * Returns: (transfer none): the account, or %NULL with @error set
 */
FdEmuAccount *
fd_emu_model_add_account (FdEmuModel              *self,
                          const FdEmuAccountSpec  *spec,
                          int                      epoch_day,
                          GError                 **error)
{
  FdEmuAccount *account;
  guint64 digits;
  guint64 id_base;
  guint n_adsets;
  guint n_ads;

  if (spec->id == NULL || !g_str_has_prefix (spec->id, "act_") ||
      fd_emu_model_find_account (self, spec->id) != NULL)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   "“%s” is not a new ad account id", spec->id ? spec->id : "");
      return NULL;
    }

  if (spec->profile != NULL && !fd_emu_profile_is_known (spec->profile))
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   "“%s” is not a profile of simulated accounts", spec->profile);
      return NULL;
    }

  if (!fd_currency_is_valid_code (spec->currency) || spec->campaigns == 0 ||
      spec->adsets_per_campaign == 0 || spec->ads_per_adset == 0)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   "The account %s needs a currency and at least one campaign, ad set and ad",
                   spec->id);
      return NULL;
    }

  account = g_new0 (FdEmuAccount, 1);
  account->id = g_strdup (spec->id);
  account->name = g_strdup (spec->name ? spec->name : spec->id);
  account->currency = g_strdup (spec->currency);
  account->timezone = g_strdup (spec->timezone ? spec->timezone : "UTC");
  account->tz = g_time_zone_new_identifier (account->timezone);
  if (account->tz == NULL)
    account->tz = g_time_zone_new_utc ();
  account->offset = fd_currency_get_offset (spec->currency);
  account->money_scale = money_scale (spec->currency);
  digits = g_ascii_strtoull (spec->id + 4, NULL, 10);
  account->seed = fd_emu_hash (self->seed, digits, 0, 0);
  account->epoch_day = epoch_day;
  account->launch_spread_days = spec->launch_spread_days;
  account->history_days = spec->history_days;
  account->profile = g_strdup (spec->profile);
  account->adsets_per_campaign = spec->adsets_per_campaign;
  account->ads_per_adset = spec->ads_per_adset;
  account->campaigns = g_ptr_array_new_with_free_func ((GDestroyNotify)object_free);
  account->adsets = g_ptr_array_new_with_free_func ((GDestroyNotify)object_free);
  account->ads = g_ptr_array_new_with_free_func ((GDestroyNotify)object_free);

  /* Ids look like Meta's (~1.2e17, beyond 2^53) and differ per account. */
  id_base = G_GUINT64_CONSTANT (120200000000000000) + (digits % 100000) * G_GUINT64_CONSTANT (100000000);

  n_adsets = spec->campaigns * spec->adsets_per_campaign;
  n_ads = n_adsets * spec->ads_per_adset;

  for (guint c = 0; c < spec->campaigns; c++)
    {
      FdEmuObject *campaign = new_object (account, FD_EMU_LEVEL_CAMPAIGN, c, id_base, 0);

      g_ptr_array_add (account->campaigns, campaign);
      make_campaign (account, campaign);
    }

  for (guint s = 0; s < n_adsets; s++)
    {
      FdEmuObject *adset = new_object (account, FD_EMU_LEVEL_ADSET, s, id_base,
                                       s / spec->adsets_per_campaign);

      g_ptr_array_add (account->adsets, adset);
      make_adset (account, adset);
    }

  for (guint a = 0; a < n_ads; a++)
    {
      FdEmuObject *ad = new_object (account, FD_EMU_LEVEL_AD, a, id_base, a / spec->ads_per_adset);

      g_ptr_array_add (account->ads, ad);
      make_ad (account, ad);
    }

  if (account->profile != NULL)
    fd_emu_profile_apply (account);

  /* Objects exist from the day before they launch. */
  for (FdEmuLevel level = FD_EMU_LEVEL_CAMPAIGN; level <= FD_EMU_LEVEL_AD; level++)
    {
      GPtrArray *objects = fd_emu_account_get_objects (account, level);

      for (guint i = 0; i < objects->len; i++)
        {
          FdEmuObject *object = g_ptr_array_index (objects, i);

          object->created_us = fd_emu_account_day_start (account, object->launch_day - 1) +
                               (gint64)(u (account, object, SALT_NAME) * 8 * 3600) * G_USEC_PER_SEC;
          if (object->pause_day != 0)
            object->pause_us = fd_emu_account_day_start (account, object->pause_day);
        }
      index_objects (self, objects);
    }

  g_ptr_array_add (self->accounts, account);
  return account;
}

FdEmuAccount *
fd_emu_model_find_account (FdEmuModel *self,
                           const char *id)
{
  for (guint i = 0; id != NULL && i < self->accounts->len; i++)
    {
      FdEmuAccount *account = g_ptr_array_index (self->accounts, i);

      if (g_str_equal (account->id, id))
        return account;
    }

  return NULL;
}

FdEmuObject *
fd_emu_model_find_object (FdEmuModel *self,
                          const char *id)
{
  return id ? g_hash_table_lookup (self->objects, id) : NULL;
}

GPtrArray *
fd_emu_model_get_accounts (FdEmuModel *self)
{
  return self->accounts;
}

GPtrArray *
fd_emu_account_get_objects (FdEmuAccount *account,
                            FdEmuLevel    level)
{
  switch (level)
    {
    case FD_EMU_LEVEL_CAMPAIGN:
      return account->campaigns;
    case FD_EMU_LEVEL_ADSET:
      return account->adsets;
    case FD_EMU_LEVEL_AD:
      return account->ads;
    case FD_EMU_LEVEL_ACCOUNT:
    default:
      return NULL;
    }
}

FdEmuObject *
fd_emu_object_get_parent (FdEmuObject *object)
{
  switch (object->level)
    {
    case FD_EMU_LEVEL_ADSET:
      return g_ptr_array_index (object->account->campaigns, object->parent);
    case FD_EMU_LEVEL_AD:
      return g_ptr_array_index (object->account->adsets, object->parent);
    case FD_EMU_LEVEL_ACCOUNT:
    case FD_EMU_LEVEL_CAMPAIGN:
    default:
      return NULL;
    }
}

/*
 * Status and budgets over time
 */

static const char * const status_names[] = { "ACTIVE", "PAUSED", "ARCHIVED", "DELETED" };

const char *
fd_emu_status_to_string (FdEmuStatus status)
{
  return status_names[status];
}

gboolean
fd_emu_status_from_string (const char  *text,
                           FdEmuStatus *status)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (status_names); i++)
    if (g_str_equal (text, status_names[i]))
      {
        *status = i;
        return TRUE;
      }

  return FALSE;
}

static const FdEmuChange *
last_change_before (GArray *changes,
                    gint64  at_us)
{
  const FdEmuChange *found = NULL;

  for (guint i = 0; i < changes->len; i++)
    {
      const FdEmuChange *change = &g_array_index (changes, FdEmuChange, i);

      if (change->at_us > at_us)
        break;
      found = change;
    }

  return found;
}

FdEmuStatus
fd_emu_object_status_at (FdEmuObject *object,
                         gint64       at_us)
{
  const FdEmuChange *change = last_change_before (object->status_changes, at_us);

  if (change != NULL)
    return (FdEmuStatus)change->value;

  if (object->pause_day != 0 && at_us >= object->pause_us)
    return FD_EMU_STATUS_PAUSED;

  return FD_EMU_STATUS_ACTIVE;
}

/* Whether the object and everything above it runs at @at_us. */
gboolean
fd_emu_object_delivers_at (FdEmuObject *object,
                           gint64       at_us)
{
  for (FdEmuObject *o = object; o != NULL; o = fd_emu_object_get_parent (o))
    if (fd_emu_object_status_at (o, at_us) != FD_EMU_STATUS_ACTIVE)
      return FALSE;

  return TRUE;
}

gint64
fd_emu_object_budget_at (FdEmuObject *object,
                         gint64       at_us)
{
  const FdEmuChange *change = last_change_before (object->budget_changes, at_us);

  return change ? change->value : object->daily_budget;
}

static void
insert_change (GArray *changes,
               gint64  at_us,
               gint64  value)
{
  FdEmuChange change = { at_us, value };
  guint i = changes->len;

  while (i > 0 && g_array_index (changes, FdEmuChange, i - 1).at_us > at_us)
    i--;
  g_array_insert_val (changes, i, change);
}

void
fd_emu_model_record_status (FdEmuModel  *self,
                            FdEmuObject *object,
                            FdEmuStatus  status,
                            gint64       at_us)
{
  insert_change (object->status_changes, at_us, status);
}

void
fd_emu_model_record_budget (FdEmuModel  *self,
                            FdEmuObject *object,
                            gint64       minor_units,
                            gint64       at_us)
{
  insert_change (object->budget_changes, at_us, minor_units);
}

guint
fd_emu_model_count_budget_changes (FdEmuModel  *self,
                                   FdEmuObject *object,
                                   gint64       since_us)
{
  guint count = 0;

  for (guint i = 0; i < object->budget_changes->len; i++)
    if (g_array_index (object->budget_changes, FdEmuChange, i).at_us > since_us)
      count++;

  return count;
}

/*
 * State: the accounts as added, and every write
 */

static void
save_changes (JsonBuilder *builder,
              FdEmuObject *object,
              GArray      *changes,
              const char  *field)
{
  for (guint i = 0; i < changes->len; i++)
    {
      const FdEmuChange *change = &g_array_index (changes, FdEmuChange, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "object");
      json_builder_add_string_value (builder, object->id);
      json_builder_set_member_name (builder, "field");
      json_builder_add_string_value (builder, field);
      json_builder_set_member_name (builder, "value");
      if (g_str_equal (field, "status"))
        json_builder_add_string_value (builder, fd_emu_status_to_string ((FdEmuStatus)change->value));
      else
        json_builder_add_int_value (builder, change->value);
      json_builder_set_member_name (builder, "at_us");
      json_builder_add_int_value (builder, change->at_us);
      json_builder_end_object (builder);
    }
}

static void
save_account (JsonBuilder  *builder,
              FdEmuAccount *account)
{
  char epoch[11];

  fd_emu_day_format (account->epoch_day, epoch);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, account->id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, account->name);
  json_builder_set_member_name (builder, "currency");
  json_builder_add_string_value (builder, account->currency);
  json_builder_set_member_name (builder, "timezone");
  json_builder_add_string_value (builder, account->timezone);
  json_builder_set_member_name (builder, "campaigns");
  json_builder_add_int_value (builder, account->campaigns->len);
  json_builder_set_member_name (builder, "adsets_per_campaign");
  json_builder_add_int_value (builder, account->adsets_per_campaign);
  json_builder_set_member_name (builder, "ads_per_adset");
  json_builder_add_int_value (builder, account->ads_per_adset);
  json_builder_set_member_name (builder, "launch_spread_days");
  json_builder_add_int_value (builder, account->launch_spread_days);
  json_builder_set_member_name (builder, "epoch_day");
  json_builder_add_string_value (builder, epoch);
  json_builder_set_member_name (builder, "history_days");
  json_builder_add_int_value (builder, account->history_days);
  if (account->profile != NULL)
    {
      json_builder_set_member_name (builder, "profile");
      json_builder_add_string_value (builder, account->profile);
    }
  json_builder_end_object (builder);
}

/**
 * fd_emu_model_save:
 *
 * Returns: (transfer full): the state to persist: the seed, the accounts
 *   and every write
 */
JsonNode *
fd_emu_model_save (FdEmuModel *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "seed");
  json_builder_add_int_value (builder, (gint64)self->seed);

  json_builder_set_member_name (builder, "accounts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->accounts->len; i++)
    save_account (builder, g_ptr_array_index (self->accounts, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "writes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->accounts->len; i++)
    {
      FdEmuAccount *account = g_ptr_array_index (self->accounts, i);

      for (FdEmuLevel level = FD_EMU_LEVEL_CAMPAIGN; level <= FD_EMU_LEVEL_AD; level++)
        {
          GPtrArray *objects = fd_emu_account_get_objects (account, level);

          for (guint j = 0; j < objects->len; j++)
            {
              FdEmuObject *object = g_ptr_array_index (objects, j);

              save_changes (builder, object, object->status_changes, "status");
              save_changes (builder, object, object->budget_changes, "daily_budget");
            }
        }
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * fd_emu_model_load_writes:
 * @state: what fd_emu_model_save() returned (accounts must exist already)
 *
 * Replays the writes of a saved state, replacing the ones in memory.
 */
gboolean
fd_emu_model_load_writes (FdEmuModel  *self,
                          JsonNode    *state,
                          GError     **error)
{
  JsonObject *root = JSON_NODE_HOLDS_OBJECT (state) ? json_node_get_object (state) : NULL;
  JsonArray *writes = root && json_object_has_member (root, "writes")
                      ? json_object_get_array_member (root, "writes") : NULL;
  GHashTableIter iter;
  gpointer value;

  if (writes == NULL)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_CORRUPT,
                   "The emulator state has no list of writes");
      return FALSE;
    }

  g_hash_table_iter_init (&iter, self->objects);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      FdEmuObject *object = value;

      g_array_set_size (object->status_changes, 0);
      g_array_set_size (object->budget_changes, 0);
    }

  for (guint i = 0; i < json_array_get_length (writes); i++)
    {
      JsonObject *write = json_array_get_object_element (writes, i);
      FdEmuObject *object;
      const char *field;
      gint64 at_us;

      if (write == NULL)
        continue;

      object = fd_emu_model_find_object (self, json_object_get_string_member_with_default (write, "object", NULL));
      field = json_object_get_string_member_with_default (write, "field", "");
      at_us = json_object_get_int_member_with_default (write, "at_us", 0);
      if (object == NULL)
        continue;

      if (g_str_equal (field, "status"))
        {
          FdEmuStatus status;

          if (fd_emu_status_from_string (json_object_get_string_member_with_default (write, "value", NULL),
                                         &status))
            insert_change (object->status_changes, at_us, status);
        }
      else if (g_str_equal (field, "daily_budget"))
        insert_change (object->budget_changes, at_us,
                       json_object_get_int_member_with_default (write, "value", 0));
    }

  return TRUE;
}
