/* fd-frame-convert.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-frame-convert"

#include "config.h"

#include <gst/video/video.h>

#include "fd-frame-convert.h"

/* I420 → RGB for the review pane, the one conversion every frame of a
 * typical cut (H.264 or VP9, 4:2:0, 8 bit) needs on its way to a
 * GdkMemoryTexture (GTK 4.8 takes no YUV). videoconvert spends about
 * 2 ms on a 1080p frame here, two thirds of what decoding it costs; these
 * kernels do two rows per pass, 32 pixels at a time with AVX2 or 16 with
 * SSSE3, in 16-bit fixed point with six fractional bits, which the tests
 * check against the exact formulas (chroma samples are repeated for their
 * two pixels, not interpolated). Rows and pixels the vector loops leave go
 * through the same arithmetic in plain C.
 *
 * The output is packed RGB, three bytes a pixel, not RGBA: the frame is
 * written once and read once more by GTK, so a quarter less memory
 * traffic on both sides, and GTK 4.8 takes R8G8B8 as is where it converts
 * straight-alpha RGBA (6.3 ms against 1.5 ms a 1080p frame for the
 * software renderer; GL uploads R8G8B8 directly and RGBA after a
 * conversion).
 *
 * GTK 4.20 takes planar YUV textures (GDK_MEMORY_G8_B8_R8_420 is I420),
 * converted by the renderer; built against it, the pane could hand over
 * the decoder's buffers as they are and skip this step altogether. That
 * path cannot be built or tested on the GTK 4.8 this project targets, so
 * it is not written yet. */

typedef struct
{
  int y_offset;
  int y_scale;
  int rv;
  int gu;
  int gv;
  int bu;
} Coefficients;

/* ×64: limited range scales luma by 255/219; full range does not. */
static const Coefficients coefficients[2][2] = {
  [FD_YUV_BT601] = {
    { 16, 75, 102, 25, 52, 129 },
    { 0, 64, 90, 22, 46, 113 },
  },
  [FD_YUV_BT709] = {
    { 16, 75, 115, 14, 34, 135 },
    { 0, 64, 101, 12, 30, 119 },
  },
};

static inline guint8
clamp_byte (int v)
{
  return v < 0 ? 0 : v > 255 ? 255 : v;
}

static void
convert_pixels_scalar (const guint8       *y,
                       const guint8       *u,
                       const guint8       *v,
                       guint8             *out,
                       int                 from,
                       int                 to,
                       const Coefficients *c)
{
  for (int x = from; x < to; x++)
    {
      int yy = (y[x] - c->y_offset) * c->y_scale;
      int uu = u[x / 2] - 128;
      int vv = v[x / 2] - 128;
      guint8 *p = out + x * 3;

      p[0] = clamp_byte ((yy + c->rv * vv) >> 6);
      p[1] = clamp_byte ((yy - c->gu * uu - c->gv * vv) >> 6);
      p[2] = clamp_byte ((yy + c->bu * uu) >> 6);
    }
}

#if defined(__x86_64__) && defined(__GNUC__)
# include <immintrin.h>
# define HAVE_X86_PATHS 1

/* Interleaving sixteen R, G and B bytes into 48 bytes of RGB: output
 * vector k, byte j is byte 16k + j of the row, pixel (16k + j) / 3,
 * channel (16k + j) % 3; each mask picks that pixel from its channel's
 * vector, and −1 (zero) where the byte belongs to another channel. */
static const gint8 rgb_masks[3][3][16] __attribute__((aligned (16))) = {
  {
    { 0, -1, -1, 1, -1, -1, 2, -1, -1, 3, -1, -1, 4, -1, -1, 5 },
    { -1, 0, -1, -1, 1, -1, -1, 2, -1, -1, 3, -1, -1, 4, -1, -1 },
    { -1, -1, 0, -1, -1, 1, -1, -1, 2, -1, -1, 3, -1, -1, 4, -1 },
  },
  {
    { -1, -1, 6, -1, -1, 7, -1, -1, 8, -1, -1, 9, -1, -1, 10, -1 },
    { 5, -1, -1, 6, -1, -1, 7, -1, -1, 8, -1, -1, 9, -1, -1, 10 },
    { -1, 5, -1, -1, 6, -1, -1, 7, -1, -1, 8, -1, -1, 9, -1, -1 },
  },
  {
    { -1, 11, -1, -1, 12, -1, -1, 13, -1, -1, 14, -1, -1, 15, -1, -1 },
    { -1, -1, 11, -1, -1, 12, -1, -1, 13, -1, -1, 14, -1, -1, 15, -1 },
    { 10, -1, -1, 11, -1, -1, 12, -1, -1, 13, -1, -1, 14, -1, -1, 15 },
  },
};

typedef struct
{
  __m128i r[2];
  __m128i g[2];
  __m128i b[2];
} ChromaTerms;

static inline void
chroma_terms (const guint8       *u,
              const guint8       *v,
              const Coefficients *c,
              ChromaTerms        *t)
{
  const __m128i zero = _mm_setzero_si128 ();
  const __m128i bias = _mm_set1_epi16 (128);
  __m128i uu = _mm_sub_epi16 (_mm_unpacklo_epi8 (_mm_loadl_epi64 ((const __m128i *)u), zero), bias);
  __m128i vv = _mm_sub_epi16 (_mm_unpacklo_epi8 (_mm_loadl_epi64 ((const __m128i *)v), zero), bias);
  __m128i r = _mm_mullo_epi16 (vv, _mm_set1_epi16 ((short)c->rv));
  __m128i g = _mm_adds_epi16 (_mm_mullo_epi16 (uu, _mm_set1_epi16 ((short)-c->gu)),
                              _mm_mullo_epi16 (vv, _mm_set1_epi16 ((short)-c->gv)));
  __m128i b = _mm_mullo_epi16 (uu, _mm_set1_epi16 ((short)c->bu));

  t->r[0] = _mm_unpacklo_epi16 (r, r);
  t->r[1] = _mm_unpackhi_epi16 (r, r);
  t->g[0] = _mm_unpacklo_epi16 (g, g);
  t->g[1] = _mm_unpackhi_epi16 (g, g);
  t->b[0] = _mm_unpacklo_epi16 (b, b);
  t->b[1] = _mm_unpackhi_epi16 (b, b);
}

__attribute__((target ("ssse3"))) static inline __m128i
interleave_rgb (__m128i r,
                __m128i g,
                __m128i b,
                int     k)
{
  return _mm_or_si128 (_mm_or_si128 (_mm_shuffle_epi8 (r, _mm_load_si128 ((const __m128i *)rgb_masks[k][0])),
                                     _mm_shuffle_epi8 (g, _mm_load_si128 ((const __m128i *)rgb_masks[k][1]))),
                       _mm_shuffle_epi8 (b, _mm_load_si128 ((const __m128i *)rgb_masks[k][2])));
}

/* Sixteen pixels of one row, given the chroma terms of their eight
 * chroma samples, each already doubled to cover two pixels. */
__attribute__((target ("ssse3"))) static inline void
convert_16 (const guint8      *y,
            guint8            *out,
            const ChromaTerms *t,
            __m128i            y_offset,
            __m128i            y_scale)
{
  const __m128i zero = _mm_setzero_si128 ();
  __m128i yv = _mm_loadu_si128 ((const __m128i *)y);
  __m128i yy[2], r[2], g[2], b[2], R, G, B;

  yy[0] = _mm_mullo_epi16 (_mm_sub_epi16 (_mm_unpacklo_epi8 (yv, zero), y_offset), y_scale);
  yy[1] = _mm_mullo_epi16 (_mm_sub_epi16 (_mm_unpackhi_epi8 (yv, zero), y_offset), y_scale);

  for (int i = 0; i < 2; i++)
    {
      r[i] = _mm_srai_epi16 (_mm_adds_epi16 (yy[i], t->r[i]), 6);
      g[i] = _mm_srai_epi16 (_mm_adds_epi16 (yy[i], t->g[i]), 6);
      b[i] = _mm_srai_epi16 (_mm_adds_epi16 (yy[i], t->b[i]), 6);
    }
  R = _mm_packus_epi16 (r[0], r[1]);
  G = _mm_packus_epi16 (g[0], g[1]);
  B = _mm_packus_epi16 (b[0], b[1]);

  for (int k = 0; k < 3; k++)
    _mm_storeu_si128 ((__m128i *)(out + 16 * k), interleave_rgb (R, G, B, k));
}

__attribute__((target ("ssse3"))) static void
convert_rows_ssse3 (const guint8       *y0,
                    const guint8       *y1,
                    const guint8       *ur,
                    const guint8       *vr,
                    guint8             *o0,
                    guint8             *o1,
                    int                 width,
                    int                *done,
                    const Coefficients *c)
{
  const __m128i y_offset = _mm_set1_epi16 ((short)c->y_offset);
  const __m128i y_scale = _mm_set1_epi16 ((short)c->y_scale);
  int x = *done;

  for (; x + 16 <= width; x += 16)
    {
      ChromaTerms t;

      chroma_terms (ur + x / 2, vr + x / 2, c, &t);
      convert_16 (y0 + x, o0 + x * 3, &t, y_offset, y_scale);
      if (y1 != NULL)
        convert_16 (y1 + x, o1 + x * 3, &t, y_offset, y_scale);
    }

  *done = x;
}

/* The same arithmetic, 32 pixels at a time, for CPUs with AVX2 (checked
 * at run time). AVX2 unpacks and shuffles work within 128-bit lanes:
 * loading chroma with a zero extension puts samples 0–7 in the low lane
 * and 8–15 in the high one, which is where the lane-wise luma unpack wants
 * them, so the packed R, G and B hold pixels 0–15 in the low lane and
 * 16–31 in the high one, and each lane interleaves its own 48 bytes. */
__attribute__((target ("avx2"))) static void
convert_rows_avx2 (const guint8       *y0,
                   const guint8       *y1,
                   const guint8       *ur,
                   const guint8       *vr,
                   guint8             *o0,
                   guint8             *o1,
                   int                 width,
                   int                *done,
                   const Coefficients *c)
{
  const __m256i zero = _mm256_setzero_si256 ();
  const __m256i bias = _mm256_set1_epi16 (128);
  const __m256i y_offset = _mm256_set1_epi16 ((short)c->y_offset);
  const __m256i y_scale = _mm256_set1_epi16 ((short)c->y_scale);
  __m256i masks[3][3];
  int x = 0;

  for (int k = 0; k < 3; k++)
    for (int ch = 0; ch < 3; ch++)
      masks[k][ch] = _mm256_broadcastsi128_si256 (_mm_load_si128 ((const __m128i *)rgb_masks[k][ch]));

  for (; x + 32 <= width; x += 32)
    {
      __m256i uu = _mm256_sub_epi16 (_mm256_cvtepu8_epi16 (_mm_loadu_si128 ((const __m128i *)(ur + x / 2))), bias);
      __m256i vv = _mm256_sub_epi16 (_mm256_cvtepu8_epi16 (_mm_loadu_si128 ((const __m128i *)(vr + x / 2))), bias);
      __m256i cr = _mm256_mullo_epi16 (vv, _mm256_set1_epi16 ((short)c->rv));
      __m256i cg = _mm256_adds_epi16 (_mm256_mullo_epi16 (uu, _mm256_set1_epi16 ((short)-c->gu)),
                                      _mm256_mullo_epi16 (vv, _mm256_set1_epi16 ((short)-c->gv)));
      __m256i cb = _mm256_mullo_epi16 (uu, _mm256_set1_epi16 ((short)c->bu));
      __m256i tr[2] = { _mm256_unpacklo_epi16 (cr, cr), _mm256_unpackhi_epi16 (cr, cr) };
      __m256i tg[2] = { _mm256_unpacklo_epi16 (cg, cg), _mm256_unpackhi_epi16 (cg, cg) };
      __m256i tb[2] = { _mm256_unpacklo_epi16 (cb, cb), _mm256_unpackhi_epi16 (cb, cb) };

      for (int row = 0; row < 2; row++)
        {
          const guint8 *yr = row == 0 ? y0 : y1;
          guint8 *out = (row == 0 ? o0 : o1) + x * 3;
          __m256i yv, yy[2], r[2], g[2], b[2], R, G, B, a[3], v[3];

          if (yr == NULL)
            break;

          yv = _mm256_loadu_si256 ((const __m256i *)(yr + x));
          yy[0] = _mm256_mullo_epi16 (_mm256_sub_epi16 (_mm256_unpacklo_epi8 (yv, zero), y_offset), y_scale);
          yy[1] = _mm256_mullo_epi16 (_mm256_sub_epi16 (_mm256_unpackhi_epi8 (yv, zero), y_offset), y_scale);
          for (int i = 0; i < 2; i++)
            {
              r[i] = _mm256_srai_epi16 (_mm256_adds_epi16 (yy[i], tr[i]), 6);
              g[i] = _mm256_srai_epi16 (_mm256_adds_epi16 (yy[i], tg[i]), 6);
              b[i] = _mm256_srai_epi16 (_mm256_adds_epi16 (yy[i], tb[i]), 6);
            }
          R = _mm256_packus_epi16 (r[0], r[1]);
          G = _mm256_packus_epi16 (g[0], g[1]);
          B = _mm256_packus_epi16 (b[0], b[1]);

          /* a[k]: low lane bytes 16k… of the 96, high lane 48 + 16k… */
          for (int k = 0; k < 3; k++)
            a[k] = _mm256_or_si256 (_mm256_or_si256 (_mm256_shuffle_epi8 (R, masks[k][0]),
                                                     _mm256_shuffle_epi8 (G, masks[k][1])),
                                    _mm256_shuffle_epi8 (B, masks[k][2]));
          v[0] = _mm256_permute2x128_si256 (a[0], a[1], 0x20);   /* bytes 0–31 */
          v[1] = _mm256_blend_epi32 (a[2], a[0], 0xf0);          /* 32–63 */
          v[2] = _mm256_permute2x128_si256 (a[1], a[2], 0x31);   /* 64–95 */

          /* The frame goes to GTK, not back through this CPU's caches:
           * where the row is aligned, stores bypass the cache (no read
           * for ownership of 6 MB a frame, and the decoder's data stays
           * cached). */
          if (((guintptr)out & 31) == 0)
            for (int k = 0; k < 3; k++)
              _mm256_stream_si256 ((__m256i *)(out + 32 * k), v[k]);
          else
            for (int k = 0; k < 3; k++)
              _mm256_storeu_si256 ((__m256i *)(out + 32 * k), v[k]);
        }
    }

  *done = x;
}

typedef struct
{
  gboolean avx2;
  gboolean ssse3;
} CpuPaths;

/* Which vector paths this CPU runs, checked once. FD_NO_AVX2 lets the
 * tests exercise the SSSE3 path on an AVX2 machine. */
static const CpuPaths *
cpu_paths (void)
{
  static gsize checked = 0;
  static CpuPaths paths;

  if (g_once_init_enter (&checked))
    {
      __builtin_cpu_init ();
      paths.avx2 = __builtin_cpu_supports ("avx2") && g_getenv ("FD_NO_AVX2") == NULL;
      paths.ssse3 = __builtin_cpu_supports ("ssse3");
      g_once_init_leave (&checked, 1);
    }
  return &paths;
}
#endif

/**
 * fd_frame_convert_i420_to_rgb:
 * @matrix: the colour matrix of the YUV data
 * @full_range: whether luma spans 0–255 (JPEG) rather than 16–235
 *
 * Converts an I420 picture to packed RGB, three bytes a pixel. Two rows
 * share each chroma row, so rows are done in pairs.
 */
void
fd_frame_convert_i420_to_rgb (const guint8 *y,
                              gsize         stride_y,
                              const guint8 *u,
                              gsize         stride_u,
                              const guint8 *v,
                              gsize         stride_v,
                              guint8       *out,
                              gsize         stride_out,
                              int           width,
                              int           height,
                              FdYuvMatrix   matrix,
                              gboolean      full_range)
{
  const Coefficients *c = &coefficients[matrix == FD_YUV_BT601 ? FD_YUV_BT601 : FD_YUV_BT709][full_range ? 1 : 0];
#if defined(HAVE_X86_PATHS)
  const CpuPaths *paths = cpu_paths ();
#endif

  for (int row = 0; row < height; row += 2)
    {
      const guint8 *y0 = y + row * stride_y;
      const guint8 *y1 = row + 1 < height ? y0 + stride_y : NULL;
      const guint8 *ur = u + (row / 2) * stride_u;
      const guint8 *vr = v + (row / 2) * stride_v;
      guint8 *o0 = out + row * stride_out;
      guint8 *o1 = o0 + stride_out;
      int x = 0;

#if defined(HAVE_X86_PATHS)
      if (paths->avx2)
        convert_rows_avx2 (y0, y1, ur, vr, o0, o1, width, &x, c);
      if (paths->ssse3)
        convert_rows_ssse3 (y0, y1, ur, vr, o0, o1, width, &x, c);
#endif
      convert_pixels_scalar (y0, ur, vr, o0, x, width, c);
      if (y1 != NULL)
        convert_pixels_scalar (y1, ur, vr, o1, x, width, c);
    }

#if defined(HAVE_X86_PATHS)
  _mm_sfence ();
#endif
}

static GstBufferPool *
make_pool (GstCaps *caps,
           gsize    size)
{
  GstBufferPool *pool = gst_video_buffer_pool_new ();
  GstStructure *config = gst_buffer_pool_get_config (pool);
  GstAllocationParams params;

  /* Textures keep frames alive while GTK draws them: no upper limit.
   * Rows start on cache lines, so the kernel can stream its stores. */
  gst_allocation_params_init (&params);
  params.align = 63;
  gst_buffer_pool_config_set_allocator (config, NULL, &params);
  gst_buffer_pool_config_set_params (config, caps, size, 4, 0);
  gst_buffer_pool_set_config (pool, config);
  gst_buffer_pool_set_active (pool, TRUE);
  return pool;
}

/**
 * fd_frame_convert_sample:
 * @i420: an I420 sample
 * @pool: (inout): a pool of RGB buffers the function creates and keeps
 *   matched to the frame size; unref it with gst_object_unref() when done
 *
 * Returns: (transfer full) (nullable): the same frame as packed RGB, with the
 *   original timestamps and segment
 */
GstSample *
fd_frame_convert_sample (GstSample      *i420,
                         GstBufferPool **pool)
{
  GstVideoInfo in_info, out_info;
  GstVideoFrame in, out;
  g_autoptr(GstCaps) caps = NULL;
  GstBuffer *buffer = NULL;
  GstSample *sample;

  if (!gst_video_info_from_caps (&in_info, gst_sample_get_caps (i420)) ||
      GST_VIDEO_INFO_FORMAT (&in_info) != GST_VIDEO_FORMAT_I420)
    return NULL;

  gst_video_info_set_format (&out_info, GST_VIDEO_FORMAT_RGB,
                             GST_VIDEO_INFO_WIDTH (&in_info), GST_VIDEO_INFO_HEIGHT (&in_info));
  GST_VIDEO_INFO_FPS_N (&out_info) = GST_VIDEO_INFO_FPS_N (&in_info);
  GST_VIDEO_INFO_FPS_D (&out_info) = GST_VIDEO_INFO_FPS_D (&in_info);
  caps = gst_video_info_to_caps (&out_info);

  if (*pool != NULL)
    {
      GstStructure *config = gst_buffer_pool_get_config (*pool);
      GstCaps *pool_caps = NULL;
      gboolean same;

      gst_buffer_pool_config_get_params (config, &pool_caps, NULL, NULL, NULL);
      same = pool_caps != NULL && gst_caps_is_equal (pool_caps, caps);
      gst_structure_free (config);
      if (!same)
        {
          gst_buffer_pool_set_active (*pool, FALSE);
          gst_clear_object (pool);
        }
    }
  if (*pool == NULL)
    *pool = make_pool (caps, GST_VIDEO_INFO_SIZE (&out_info));

  if (gst_buffer_pool_acquire_buffer (*pool, &buffer, NULL) != GST_FLOW_OK)
    return NULL;

  if (!gst_video_frame_map (&in, &in_info, gst_sample_get_buffer (i420), GST_MAP_READ))
    {
      gst_buffer_unref (buffer);
      return NULL;
    }
  if (!gst_video_frame_map (&out, &out_info, buffer, GST_MAP_WRITE))
    {
      gst_video_frame_unmap (&in);
      gst_buffer_unref (buffer);
      return NULL;
    }

  fd_frame_convert_i420_to_rgb (GST_VIDEO_FRAME_PLANE_DATA (&in, 0), GST_VIDEO_FRAME_PLANE_STRIDE (&in, 0),
                                GST_VIDEO_FRAME_PLANE_DATA (&in, 1), GST_VIDEO_FRAME_PLANE_STRIDE (&in, 1),
                                GST_VIDEO_FRAME_PLANE_DATA (&in, 2), GST_VIDEO_FRAME_PLANE_STRIDE (&in, 2),
                                GST_VIDEO_FRAME_PLANE_DATA (&out, 0), GST_VIDEO_FRAME_PLANE_STRIDE (&out, 0),
                                GST_VIDEO_INFO_WIDTH (&in_info), GST_VIDEO_INFO_HEIGHT (&in_info),
                                in_info.colorimetry.matrix == GST_VIDEO_COLOR_MATRIX_BT601 ? FD_YUV_BT601
                                                                                           : FD_YUV_BT709,
                                in_info.colorimetry.range == GST_VIDEO_COLOR_RANGE_0_255);
  gst_video_frame_unmap (&in);
  gst_video_frame_unmap (&out);

  gst_buffer_copy_into (buffer, gst_sample_get_buffer (i420), GST_BUFFER_COPY_TIMESTAMPS, 0, -1);
  sample = gst_sample_new (buffer, caps, gst_sample_get_segment (i420), NULL);
  gst_buffer_unref (buffer);
  return sample;
}
