/* fd-frame-diff.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-frame-diff"

#include "config.h"

#include <math.h>

#include "fd-frame-diff.h"

#if defined(__SSE2__)
# include <emmintrin.h>
#endif

/* The per-pixel kernels of version compare, written for the CPU's vector
 * unit: sixteen bytes at a time with SSE2 (every x86-64 has it), a plain
 * loop elsewhere and for the tail of each row. */

/* Gain in sixteenths: d × g / 16, saturated to 255. */
static inline guint8
scale_byte (unsigned d,
            unsigned g16)
{
  unsigned v = (d * g16) >> 4;

  return v > 255 ? 255 : v;
}

/* Any mix of RGB and RGBA (alpha is ignored: an image with transparency
 * is compared by its colours) into packed RGB. */
static void
diff_row_scalar (const guint8 *a,
                 int           bpp_a,
                 const guint8 *b,
                 int           bpp_b,
                 guint8       *out,
                 int           from,
                 int           to,
                 unsigned      g16)
{
  for (int x = from; x < to; x++)
    for (int c = 0; c < 3; c++)
      {
        int d = (int)a[x * bpp_a + c] - (int)b[x * bpp_b + c];

        out[x * 3 + c] = scale_byte (d < 0 ? -d : d, g16);
      }
}

/**
 * fd_frame_diff_rgb:
 * @a: pixels of one version, packed RGB (@bpp_a 3) or RGBA (4)
 * @b: pixels of the other, same size, RGB or RGBA (@bpp_b)
 * @out: where |A − B| × @gain goes, packed RGB
 * @gain: 1 to 16; brightens small differences so they can be seen
 *
 * Per-channel absolute difference of two frames. Two RGB frames (what the
 * pane makes of 4:2:0 video, so nearly every pair) take the vector path,
 * sixteen bytes at a time.
 */
void
fd_frame_diff_rgb (const guint8 *a,
                   gsize         stride_a,
                   int           bpp_a,
                   const guint8 *b,
                   gsize         stride_b,
                   int           bpp_b,
                   guint8       *out,
                   gsize         stride_out,
                   int           width,
                   int           height,
                   double        gain)
{
  unsigned g16 = (unsigned)CLAMP (lround (gain * 16), 16, 256);

  g_return_if_fail ((bpp_a == 3 || bpp_a == 4) && (bpp_b == 3 || bpp_b == 4));

  for (int y = 0; y < height; y++)
    {
      const guint8 *ra = a + y * stride_a;
      const guint8 *rb = b + y * stride_b;
      guint8 *ro = out + y * stride_out;
      int x = 0;

#if defined(__SSE2__)
      if (bpp_a == 3 && bpp_b == 3)
        {
          const __m128i zero = _mm_setzero_si128 ();
          const __m128i g = _mm_set1_epi16 ((short)g16);
          int i = 0;

          for (; i + 16 <= width * 3; i += 16)
            {
              __m128i va = _mm_loadu_si128 ((const __m128i *)(ra + i));
              __m128i vb = _mm_loadu_si128 ((const __m128i *)(rb + i));
              __m128i d = _mm_or_si128 (_mm_subs_epu8 (va, vb), _mm_subs_epu8 (vb, va));

              if (g16 != 16)
                {
                  __m128i lo = _mm_srli_epi16 (_mm_mullo_epi16 (_mm_unpacklo_epi8 (d, zero), g), 4);
                  __m128i hi = _mm_srli_epi16 (_mm_mullo_epi16 (_mm_unpackhi_epi8 (d, zero), g), 4);

                  d = _mm_packus_epi16 (lo, hi);
                }
              _mm_storeu_si128 ((__m128i *)(ro + i), d);
            }
          /* Whole pixels only; the rest of a pixel split by the vector
           * loop is done again in plain C. */
          x = i / 3;
        }
#endif
      diff_row_scalar (ra, bpp_a, rb, bpp_b, ro, x, width, g16);
    }
}

/**
 * fd_frame_diff_count_plane:
 * @a: one 8-bit plane (luma or chroma)
 * @b: the same plane of the other frame
 * @threshold: the difference a pixel must exceed to count
 *
 * Returns: how many pixels differ by more than @threshold
 */
gint64
fd_frame_diff_count_plane (const guint8 *a,
                           gsize         stride_a,
                           const guint8 *b,
                           gsize         stride_b,
                           int           width,
                           int           height,
                           int           threshold)
{
  gint64 count = 0;

  threshold = CLAMP (threshold, 0, 255);

  for (int y = 0; y < height; y++)
    {
      const guint8 *ra = a + y * stride_a;
      const guint8 *rb = b + y * stride_b;
      int x = 0;

#if defined(__SSE2__)
      const __m128i t = _mm_set1_epi8 ((char)threshold);
      const __m128i zero = _mm_setzero_si128 ();

      for (; x + 16 <= width; x += 16)
        {
          __m128i va = _mm_loadu_si128 ((const __m128i *)(ra + x));
          __m128i vb = _mm_loadu_si128 ((const __m128i *)(rb + x));
          __m128i d = _mm_or_si128 (_mm_subs_epu8 (va, vb), _mm_subs_epu8 (vb, va));
          /* Bytes at or below the threshold become zero. */
          int below = _mm_movemask_epi8 (_mm_cmpeq_epi8 (_mm_subs_epu8 (d, t), zero));

          count += 16 - __builtin_popcount ((unsigned)below);
        }
#endif
      for (; x < width; x++)
        count += ABS ((int)ra[x] - (int)rb[x]) > threshold;
    }

  return count;
}

/* Sum of |a − b| over one 8×8 block (scalar, for blocks the vector loop
 * does not cover). */
static guint
block_sad_scalar (const guint8 *a,
                  gsize         stride_a,
                  const guint8 *b,
                  gsize         stride_b,
                  int           w,
                  int           h)
{
  guint sum = 0;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      sum += ABS ((int)a[y * stride_a + x] - (int)b[y * stride_b + x]);
  return sum;
}

/**
 * fd_frame_diff_count_blocks:
 * @a: one 8-bit plane
 * @b: the same plane of the other frame
 * @mean_threshold: the mean difference (0–255) from which a block counts
 * @n_blocks: (out): how many 8×8 blocks the plane has (edge blocks whole
 *   or not)
 *
 * Counts the 8×8 blocks whose mean absolute difference exceeds
 * @mean_threshold. Averaging over a block is what makes this robust to
 * codec noise (a few levels up and down around every edge averages out)
 * while a changed object moves whole blocks by tens of levels. With SSE2
 * one psadbw sums eight pixels of two blocks at once.
 *
 * Returns: how many blocks changed
 */
gint64
fd_frame_diff_count_blocks (const guint8 *a,
                            gsize         stride_a,
                            const guint8 *b,
                            gsize         stride_b,
                            int           width,
                            int           height,
                            int           mean_threshold,
                            gint64       *n_blocks)
{
  gint64 changed = 0;
  gint64 total = 0;

  for (int by = 0; by < height; by += 8)
    {
      int bh = MIN (8, height - by);
      const guint8 *ra = a + by * stride_a;
      const guint8 *rb = b + by * stride_b;
      int x = 0;

#if defined(__SSE2__)
      if (bh == 8)
        for (; x + 16 <= width; x += 16)
          {
            __m128i acc = _mm_setzero_si128 ();

            for (int y = 0; y < 8; y++)
              acc = _mm_add_epi64 (acc, _mm_sad_epu8 (_mm_loadu_si128 ((const __m128i *)(ra + y * stride_a + x)),
                                                      _mm_loadu_si128 ((const __m128i *)(rb + y * stride_b + x))));

            changed += (guint)_mm_cvtsi128_si32 (acc) > (guint)mean_threshold * 64;
            changed += (guint)_mm_cvtsi128_si32 (_mm_srli_si128 (acc, 8)) > (guint)mean_threshold * 64;
            total += 2;
          }
#endif
      for (; x < width; x += 8)
        {
          int bw = MIN (8, width - x);
          guint sum = block_sad_scalar (ra + x, stride_a, rb + x, stride_b, bw, bh);

          changed += sum > (guint)(mean_threshold * bw * bh);
          total++;
        }
    }

  if (n_blocks != NULL)
    *n_blocks = total;
  return changed;
}
