/* fd-emu-metrics.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-graph-emulator"

#include "config.h"

#include <math.h>

#include "fd-emu-metrics.h"

#define N_HOURS      24
#define HOUR_US      ((gint64)3600 * G_USEC_PER_SEC)
#define MAX_CACHED   8192

enum {
  SALT_PACE = 101, SALT_DAY_WEIGHT, SALT_CPM_DAY, SALT_CTR_DAY, SALT_CVR_DAY, SALT_PURCHASES,
  SALT_LAG, SALT_VALUE,
};

/* When people are on Meta, in the advertiser's time zone. Sums to 1. */
static const double diurnal[N_HOURS] = {
  0.018, 0.011, 0.008, 0.007, 0.008, 0.013, 0.024, 0.037,
  0.043, 0.044, 0.045, 0.047, 0.050, 0.048, 0.045, 0.045,
  0.048, 0.054, 0.061, 0.068, 0.071, 0.066, 0.052, 0.047,
};

typedef struct
{
  FdEmuObject  *adset;
  int           day;
} AdsetDayKey;

typedef struct
{
  AdsetDayKey   key;
  guint         n_ads;
  guint         first_ad;
  gboolean     *has;          /* [n_ads] */
  FdEmuMetrics *daily;        /* [n_ads] */
  double       *hour_spend;   /* [n_ads * 24] */
  FdEmuMetrics *hourly;       /* [n_ads * 24], made on demand */
} AdsetDay;

struct _FdEmuMetricsCache
{
  gint64      now_us;
  GHashTable *adset_days;   /* AdsetDayKey → AdsetDay */
  GHashTable *todays;       /* FdEmuAccount → today (julian) + 1 */
};

static guint
key_hash (gconstpointer data)
{
  const AdsetDayKey *key = data;

  return g_direct_hash (key->adset) ^ (guint)(key->day * 2654435761u);
}

static gboolean
key_equal (gconstpointer a,
           gconstpointer b)
{
  const AdsetDayKey *ka = a;
  const AdsetDayKey *kb = b;

  return ka->adset == kb->adset && ka->day == kb->day;
}

static void
adset_day_free (AdsetDay *entry)
{
  g_free (entry->has);
  g_free (entry->daily);
  g_free (entry->hour_spend);
  g_free (entry->hourly);
  g_free (entry);
}

FdEmuMetricsCache *
fd_emu_metrics_cache_new (gint64 now_us)
{
  FdEmuMetricsCache *cache = g_new0 (FdEmuMetricsCache, 1);

  cache->now_us = now_us;
  cache->adset_days = g_hash_table_new_full (key_hash, key_equal, NULL, (GDestroyNotify)adset_day_free);
  cache->todays = g_hash_table_new (g_direct_hash, g_direct_equal);

  return cache;
}

void
fd_emu_metrics_cache_free (FdEmuMetricsCache *cache)
{
  if (cache == NULL)
    return;

  g_hash_table_unref (cache->adset_days);
  g_hash_table_unref (cache->todays);
  g_free (cache);
}

gint64
fd_emu_metrics_cache_get_now (FdEmuMetricsCache *cache)
{
  return cache->now_us;
}

static int
today_of (FdEmuMetricsCache *cache,
          FdEmuAccount      *account)
{
  gpointer stored = g_hash_table_lookup (cache->todays, account);

  if (stored == NULL)
    {
      stored = GINT_TO_POINTER (fd_emu_account_day_at (account, cache->now_us, NULL) + 1);
      g_hash_table_insert (cache->todays, account, stored);
    }

  return GPOINTER_TO_INT (stored) - 1;
}

static guint64
key_of (FdEmuObject *object)
{
  return g_ascii_strtoull (object->id, NULL, 10);
}

static double
day_noise (FdEmuObject *object,
           int          day,
           guint64      salt)
{
  return fd_emu_normal (object->account->seed, key_of (object), (guint64)day, salt);
}

/* A count drawn from Poisson(@lambda), deterministically. */
static gint64
poisson (double  lambda,
         guint64 a,
         guint64 b,
         guint64 c)
{
  double u = fd_emu_uniform (a, b, c, SALT_PURCHASES);
  double p;
  double cumulative;
  gint64 k = 0;

  if (lambda <= 0)
    return 0;
  if (lambda > 40)
    return MAX (0, llround (lambda + sqrt (lambda) * fd_emu_normal (a, b, c, SALT_PURCHASES)));

  p = exp (-lambda);
  cumulative = p;
  while (u > cumulative && k < 200)
    {
      k++;
      p *= lambda / k;
      cumulative += p;
    }

  return k;
}

static double
fatigue (FdEmuObject *ad,
         int          day)
{
  double age = MAX (0, day - ad->launch_day);

  return 1.0 - ad->fatigue_max * (1.0 - exp (-age / ad->fatigue_tau));
}

/* Everything but spend, from what the ad spent that day. */
static void
ad_day_metrics (FdEmuObject  *ad,
                FdEmuObject  *adset,
                int           day,
                int           today,
                double        spend,
                FdEmuMetrics *m)
{
  guint64 seed = ad->account->seed;
  guint64 key = key_of (ad);
  double weekday = sin (2 * G_PI * (day % 7) / 7.0);
  double cpm = ad->cpm * (1 + 0.12 * weekday) * exp (0.08 * day_noise (ad, day, SALT_CPM_DAY));
  double fat = fatigue (ad, day);
  double ctr = ad->base_ctr * fat * exp (0.12 * day_noise (ad, day, SALT_CTR_DAY));
  double pool = adset->audience * 0.45;
  double lambda;
  gint64 final;

  memset (m, 0, sizeof *m);
  m->spend = llround (spend);
  m->impressions = llround (spend / cpm * 1000);
  if (m->spend <= 0 || m->impressions <= 0)
    {
      memset (m, 0, sizeof *m);
      return;
    }

  m->reach = MAX (1, llround (pool * (1 - exp (-m->impressions / pool))));
  m->clicks = llround (m->impressions * ctr);
  m->link_clicks = llround (m->clicks * ad->link_ratio);
  m->landing_page_views = llround (m->link_clicks * 0.82);

  /* Conversions trickle in: most the same day, some up to a week later,
   * so the last days of a report grow when read again. */
  lambda = m->link_clicks * ad->cvr * sqrt (fat) * exp (0.15 * day_noise (ad, day, SALT_CVR_DAY));
  final = poisson (lambda, seed, key, (guint64)day);
  for (gint64 i = 0; i < final; i++)
    {
      double u = fd_emu_uniform (seed, key, (guint64)day * 1000 + (guint64)i, SALT_LAG);
      int lag = u < 0.72 ? 0 : u < 0.86 ? 1 : u < 0.93 ? 2 : 3 + (int)((u - 0.93) / 0.07 * 4);

      if (day + lag > today)
        continue;
      m->purchases++;
      m->purchase_value += llround (ad->aov * exp (0.35 * fd_emu_normal (seed, key, (guint64)day * 1000 + (guint64)i,
                                                                         SALT_VALUE)));
    }

  if (ad->video_rate > 0)
    {
      m->video_plays = llround (m->impressions * ad->video_rate * pow (fat, 0.3));
      m->video_p25 = llround (m->video_plays * 0.62);
      m->video_p50 = llround (m->video_plays * 0.41);
      m->video_p75 = llround (m->video_plays * 0.27);
      m->video_p95 = llround (m->video_plays * 0.18);
      m->video_p100 = llround (m->video_plays * 0.15);
      m->thruplays = llround (m->video_plays * 0.22);
    }
}

static void
add_metrics (FdEmuMetrics       *sum,
             const FdEmuMetrics *m)
{
  sum->impressions += m->impressions;
  sum->reach += m->reach;
  sum->spend += m->spend;
  sum->clicks += m->clicks;
  sum->link_clicks += m->link_clicks;
  sum->landing_page_views += m->landing_page_views;
  sum->purchases += m->purchases;
  sum->purchase_value += m->purchase_value;
  sum->video_plays += m->video_plays;
  sum->video_p25 += m->video_p25;
  sum->video_p50 += m->video_p50;
  sum->video_p75 += m->video_p75;
  sum->video_p95 += m->video_p95;
  sum->video_p100 += m->video_p100;
  sum->thruplays += m->thruplays;
}

/* How much of each hour of @day has happened by now. */
static void
hour_fractions (FdEmuMetricsCache *cache,
                FdEmuAccount      *account,
                int                day,
                gint64             day_start,
                double             fraction[N_HOURS])
{
  int today = today_of (cache, account);

  for (int h = 0; h < N_HOURS; h++)
    {
      gint64 start = day_start + h * HOUR_US;

      if (day < today)
        fraction[h] = 1;
      else if (day > today || cache->now_us <= start)
        fraction[h] = 0;
      else
        fraction[h] = MIN (1.0, (cache->now_us - start) / (double)HOUR_US);
    }
}

static void
fill_adset_day (FdEmuMetricsCache *cache,
                AdsetDay          *entry)
{
  FdEmuObject *adset = entry->key.adset;
  FdEmuAccount *account = adset->account;
  int day = entry->key.day;
  int today = today_of (cache, account);
  gint64 day_start = fd_emu_account_day_start (account, day);
  double pace = 0.88 + 0.1 * fd_emu_uniform (account->seed, key_of (adset), (guint64)day, SALT_PACE);
  double fraction[N_HOURS];
  g_autofree double *weight = g_new0 (double, entry->n_ads);

  if (day > today || day < adset->launch_day)
    return;

  hour_fractions (cache, account, day, day_start, fraction);

  /* Meta's delivery favours the ads that work, less so as they tire. */
  for (guint i = 0; i < entry->n_ads; i++)
    {
      FdEmuObject *ad = g_ptr_array_index (account->ads, entry->first_ad + i);

      if (day >= ad->launch_day)
        {
          double f = fatigue (ad, day);

          weight[i] = ad->quality * f * f * exp (0.15 * day_noise (ad, day, SALT_DAY_WEIGHT));
        }
    }

  for (int h = 0; h < N_HOURS; h++)
    {
      gint64 at = day_start + h * HOUR_US + HOUR_US / 2;
      double budget;
      double total = 0;

      if (fraction[h] <= 0 || !fd_emu_object_delivers_at (adset, at))
        continue;

      for (guint i = 0; i < entry->n_ads; i++)
        if (weight[i] > 0 &&
            fd_emu_object_status_at (g_ptr_array_index (account->ads, entry->first_ad + i), at) ==
            FD_EMU_STATUS_ACTIVE)
          total += weight[i];

      if (total <= 0)
        continue;

      budget = fd_emu_object_budget_at (adset, at) * pace * diurnal[h] * fraction[h];
      for (guint i = 0; i < entry->n_ads; i++)
        if (weight[i] > 0 &&
            fd_emu_object_status_at (g_ptr_array_index (account->ads, entry->first_ad + i), at) ==
            FD_EMU_STATUS_ACTIVE)
          entry->hour_spend[i * N_HOURS + h] = budget * weight[i] / total;
    }

  for (guint i = 0; i < entry->n_ads; i++)
    {
      FdEmuObject *ad = g_ptr_array_index (account->ads, entry->first_ad + i);
      double spend = 0;

      for (int h = 0; h < N_HOURS; h++)
        spend += entry->hour_spend[i * N_HOURS + h];

      ad_day_metrics (ad, adset, day, today, spend, &entry->daily[i]);
      entry->has[i] = entry->daily[i].impressions > 0;
    }
}

static AdsetDay *
get_adset_day (FdEmuMetricsCache *cache,
               FdEmuObject       *adset,
               int                day)
{
  AdsetDayKey key = { adset, day };
  AdsetDay *entry = g_hash_table_lookup (cache->adset_days, &key);
  FdEmuAccount *account = adset->account;

  if (entry != NULL)
    return entry;

  if (g_hash_table_size (cache->adset_days) >= MAX_CACHED)
    g_hash_table_remove_all (cache->adset_days);

  entry = g_new0 (AdsetDay, 1);
  entry->key = key;
  entry->n_ads = account->ads_per_adset;
  entry->first_ad = adset->index * account->ads_per_adset;
  entry->has = g_new0 (gboolean, entry->n_ads);
  entry->daily = g_new0 (FdEmuMetrics, entry->n_ads);
  entry->hour_spend = g_new0 (double, (gsize)entry->n_ads * N_HOURS);
  fill_adset_day (cache, entry);

  g_hash_table_insert (cache->adset_days, &entry->key, entry);
  return entry;
}

/* Splits @total into 24 integers in proportion to @weights, exactly. */
static void
allocate (gint64        total,
          const double *weights,
          gint64       *out)
{
  double sum = 0;
  double remainder[N_HOURS];
  gint64 given = 0;

  for (int h = 0; h < N_HOURS; h++)
    sum += weights[h];

  for (int h = 0; h < N_HOURS; h++)
    {
      double share = sum > 0 ? total * weights[h] / sum : 0;

      out[h] = (gint64)floor (share);
      remainder[h] = share - out[h];
      given += out[h];
    }

  while (given < total && sum > 0)
    {
      int best = 0;

      for (int h = 1; h < N_HOURS; h++)
        if (remainder[h] > remainder[best])
          best = h;
      out[best]++;
      remainder[best] = -1;
      given++;
    }
}

#define N_FIELDS (sizeof (FdEmuMetrics) / sizeof (gint64))

static void
make_hourly (AdsetDay *entry)
{
  gint64 split[N_HOURS];

  entry->hourly = g_new0 (FdEmuMetrics, (gsize)entry->n_ads * N_HOURS);

  for (guint i = 0; i < entry->n_ads; i++)
    {
      const gint64 *daily = (const gint64 *)&entry->daily[i];

      if (!entry->has[i])
        continue;

      for (guint f = 0; f < N_FIELDS; f++)
        {
          allocate (daily[f], &entry->hour_spend[i * N_HOURS], split);
          for (int h = 0; h < N_HOURS; h++)
            ((gint64 *)&entry->hourly[i * N_HOURS + h])[f] = split[h];
        }
    }
}

static double
adset_pool (FdEmuObject *adset)
{
  return adset->audience * 0.8;
}

static double
pool_of (FdEmuAccount *account,
         FdEmuObject  *object)
{
  guint first = 0;
  guint last = account->adsets->len;
  double pool = 0;

  if (object != NULL && object->level == FD_EMU_LEVEL_AD)
    return fd_emu_object_get_parent (object)->audience * 0.45;
  if (object != NULL && object->level == FD_EMU_LEVEL_ADSET)
    return adset_pool (object);

  if (object != NULL)
    {
      first = object->index * account->adsets_per_campaign;
      last = first + account->adsets_per_campaign;
    }

  for (guint s = first; s < last; s++)
    pool += adset_pool (g_ptr_array_index (account->adsets, s));

  return pool * (object == NULL ? 0.85 : 0.9);
}

static gint64
dedup_reach (double pool,
             gint64 impressions)
{
  if (impressions <= 0 || pool <= 0)
    return 0;

  return MAX (1, llround (pool * (1 - exp (-impressions / pool))));
}

/* Sums what the ad sets under @object (all of the account's for NULL)
 * delivered on @day, or in @hour of it when @hour >= 0. */
static gboolean
sum_adsets (FdEmuMetricsCache *cache,
            FdEmuAccount      *account,
            FdEmuObject       *object,
            int                day,
            int                hour,
            FdEmuMetrics      *out)
{
  guint first = 0;
  guint last = account->adsets->len;

  /* The ad sets of a campaign are contiguous. */
  if (object != NULL && object->level == FD_EMU_LEVEL_CAMPAIGN)
    {
      first = object->index * account->adsets_per_campaign;
      last = first + account->adsets_per_campaign;
    }
  else if (object != NULL && object->level == FD_EMU_LEVEL_ADSET)
    {
      first = object->index;
      last = first + 1;
    }

  memset (out, 0, sizeof *out);

  for (guint s = first; s < last; s++)
    {
      AdsetDay *entry = get_adset_day (cache, g_ptr_array_index (account->adsets, s), day);

      if (hour >= 0 && entry->hourly == NULL)
        make_hourly (entry);

      for (guint i = 0; i < entry->n_ads; i++)
        if (entry->has[i])
          add_metrics (out, hour >= 0 ? &entry->hourly[i * N_HOURS + hour] : &entry->daily[i]);
    }

  out->reach = hour >= 0 ? 0 : dedup_reach (pool_of (account, object), out->impressions);
  return out->impressions > 0;
}

/**
 * fd_emu_metrics_day:
 * @object: (nullable): a campaign, ad set or ad; %NULL for the account
 *
 * Returns: %TRUE if the object delivered that day (Meta returns no row
 *   otherwise), with its metrics in @out
 */
gboolean
fd_emu_metrics_day (FdEmuMetricsCache *cache,
                    FdEmuAccount      *account,
                    FdEmuObject       *object,
                    int                day,
                    FdEmuMetrics      *out)
{
  if (object != NULL && object->level == FD_EMU_LEVEL_AD)
    {
      AdsetDay *entry = get_adset_day (cache, fd_emu_object_get_parent (object), day);
      guint i = object->index - entry->first_ad;

      *out = entry->daily[i];
      return entry->has[i];
    }

  return sum_adsets (cache, account, object, day, -1, out);
}

/**
 * fd_emu_metrics_hour:
 *
 * Like fd_emu_metrics_day() for one hour; reach is not reported by hour.
 */
gboolean
fd_emu_metrics_hour (FdEmuMetricsCache *cache,
                     FdEmuAccount      *account,
                     FdEmuObject       *object,
                     int                day,
                     int                hour,
                     FdEmuMetrics      *out)
{
  if (object != NULL && object->level == FD_EMU_LEVEL_AD)
    {
      AdsetDay *entry = get_adset_day (cache, fd_emu_object_get_parent (object), day);
      guint i = object->index - entry->first_ad;

      if (!entry->has[i])
        return FALSE;
      if (entry->hourly == NULL)
        make_hourly (entry);

      *out = entry->hourly[i * N_HOURS + hour];
      out->reach = 0;
      return out->impressions > 0;
    }

  return sum_adsets (cache, account, object, day, hour, out);
}

/**
 * fd_emu_metrics_range:
 *
 * The sums over @first_day … @last_day, with the reach of the whole
 * range, deduplicated (what time_increment=all_days reports).
 */
gboolean
fd_emu_metrics_range (FdEmuMetricsCache *cache,
                      FdEmuAccount      *account,
                      FdEmuObject       *object,
                      int                first_day,
                      int                last_day,
                      FdEmuMetrics      *out)
{
  memset (out, 0, sizeof *out);

  for (int day = first_day; day <= last_day; day++)
    {
      FdEmuMetrics m;

      if (fd_emu_metrics_day (cache, account, object, day, &m))
        add_metrics (out, &m);
    }

  out->reach = dedup_reach (pool_of (account, object), out->impressions);
  return out->impressions > 0;
}
