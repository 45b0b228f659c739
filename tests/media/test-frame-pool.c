/* test-frame-pool.c: the sink's frame memory — copies of frames the decoder
 * still holds are read-only aliases, writers get real copies, and the pool
 * does not decode into a buffer someone still reads
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gst/video/video.h>
#include <string.h>

#include "fd-frame-allocator.h"
#include "fd-frame-pool.h"

#define WIDTH 64
#define HEIGHT 48

static GstBufferPool *
make_pool (GstVideoInfo *info)
{
  GstBufferPool *pool = fd_frame_pool_new ();
  g_autoptr(GstCaps) caps = gst_caps_new_simple ("video/x-raw", "format", G_TYPE_STRING, "I420",
                                                 "width", G_TYPE_INT, WIDTH, "height", G_TYPE_INT, HEIGHT,
                                                 "framerate", GST_TYPE_FRACTION, 30, 1, NULL);
  GstStructure *config = gst_buffer_pool_get_config (pool);

  g_assert_true (gst_video_info_from_caps (info, caps));
  gst_buffer_pool_config_set_params (config, caps, GST_VIDEO_INFO_SIZE (info), 0, 0);
  gst_buffer_pool_config_add_option (config, GST_BUFFER_POOL_OPTION_VIDEO_META);
  g_assert_true (gst_buffer_pool_set_config (pool, config));
  g_assert_true (gst_buffer_pool_set_active (pool, TRUE));
  return pool;
}

static const guint8 *
data_of (GstBuffer *buffer)
{
  GstMapInfo map;
  const guint8 *data;

  g_assert_true (gst_buffer_map (buffer, &map, GST_MAP_READ));
  data = map.data;
  gst_buffer_unmap (buffer, &map);
  return data;
}

/* What avdec_h264 and GstVideoDecoder do with a frame the decoder still
 * holds as a reference: the decoder keeps it mapped for writing, and the
 * buffer pushed downstream is made writable from a second reference. */
typedef struct
{
  GstVideoInfo    info;
  GstBufferPool  *pool;
  GstBuffer      *held;      /* the decoder's reference */
  GstVideoFrame   mapping;   /* the decoder's mapping of it, while it holds it */
  GstBuffer      *pushed;    /* what goes downstream */
} Held;

static void
held_push (Held   *held,
           guint8  fill)
{
  held->pool = make_pool (&held->info);
  g_assert_cmpint (gst_buffer_pool_acquire_buffer (held->pool, &held->held, NULL), ==, GST_FLOW_OK);
  g_assert_true (gst_video_frame_map (&held->mapping, &held->info, held->held, GST_MAP_READWRITE));
  memset (GST_VIDEO_FRAME_PLANE_DATA (&held->mapping, 0), fill, GST_VIDEO_INFO_SIZE (&held->info) / 2);
  held->pushed = gst_buffer_make_writable (gst_buffer_ref (held->held));
}

/* The decoder lets go of its reference. */
static void
held_release (Held *held)
{
  if (held->held != NULL)
    gst_video_frame_unmap (&held->mapping);
  g_clear_pointer (&held->held, gst_buffer_unref);
}

static void
held_clear (Held *held)
{
  held_release (held);
  g_clear_pointer (&held->pushed, gst_buffer_unref);
  gst_buffer_pool_set_active (held->pool, FALSE);
  gst_clear_object (&held->pool);
}

static void
test_alias_not_copy (void)
{
  Held held = { 0, };
  GstMemory *alias;

  held_push (&held, 0x5a);
  g_assert_true (gst_memory_is_type (gst_buffer_peek_memory (held.held, 0), "FdFrameMemory"));

  /* The same bytes, not a copy, and read-only. */
  alias = gst_buffer_peek_memory (held.pushed, 0);
  g_assert_true (fd_frame_allocator_is_alias (alias));
  g_assert_true (GST_MEMORY_IS_READONLY (alias));
  g_assert_true (data_of (held.pushed) == GST_VIDEO_FRAME_PLANE_DATA (&held.mapping, 0));
  g_assert_nonnull (gst_buffer_get_video_meta (held.pushed));
  g_assert_true (fd_frame_allocator_is_aliased (gst_buffer_peek_memory (held.held, 0)));

  held_clear (&held);
}

static void
test_writer_gets_copy (void)
{
  Held held = { 0, };
  GstMapInfo map;
  const guint8 *original;

  held_push (&held, 0x11);
  original = GST_VIDEO_FRAME_PLANE_DATA (&held.mapping, 0);

  /* Someone downstream writes: they get bytes of their own, with the
   * picture in them, and the decoder's reference is untouched. */
  g_assert_true (gst_buffer_map (held.pushed, &map, GST_MAP_WRITE));
  g_assert_true (map.data != original);
  g_assert_cmpint (map.data[0], ==, 0x11);
  memset (map.data, 0xee, map.size);
  gst_buffer_unmap (held.pushed, &map);
  g_assert_cmpint (original[0], ==, 0x11);
  g_assert_false (fd_frame_allocator_is_alias (gst_buffer_peek_memory (held.pushed, 0)));

  held_clear (&held);
}

static void
test_pool_waits_for_readers (void)
{
  Held held = { 0, };
  GstBuffer *next = NULL, *again = NULL;
  const guint8 *read;

  held_push (&held, 0x22);
  read = data_of (held.pushed);

  /* The decoder lets go of its reference while the frame is still on its
   * way: the next frame must be decoded elsewhere. */
  held_release (&held);
  g_assert_cmpint (gst_buffer_pool_acquire_buffer (held.pool, &next, NULL), ==, GST_FLOW_OK);
  g_assert_true (data_of (next) != read);
  g_assert_cmpint (read[0], ==, 0x22);
  gst_buffer_unref (next);

  /* Once the reader is done, the block serves again. */
  g_clear_pointer (&held.pushed, gst_buffer_unref);
  g_assert_cmpint (gst_buffer_pool_acquire_buffer (held.pool, &next, NULL), ==, GST_FLOW_OK);
  g_assert_cmpint (gst_buffer_pool_acquire_buffer (held.pool, &again, NULL), ==, GST_FLOW_OK);
  g_assert_true (data_of (next) == read || data_of (again) == read);
  gst_buffer_unref (next);
  gst_buffer_unref (again);
  held_clear (&held);
}

static void
test_shares (void)
{
  g_autoptr(GstAllocator) allocator = fd_frame_allocator_new ();
  GstMemory *block = gst_allocator_alloc (allocator, 1000, NULL);
  GstMemory *first, *second, *part;
  GstMapInfo map;

  g_assert_true (gst_memory_map (block, &map, GST_MAP_WRITE));
  for (gsize i = 0; i < map.size; i++)
    map.data[i] = (guint8)i;
  gst_memory_unmap (block, &map);

  first = gst_memory_share (block, 0, 400);
  second = gst_memory_share (block, 400, 600);

  /* A share of a share reads the block's bytes at the right place. */
  part = gst_memory_share (second, 100, 10);
  g_assert_true (gst_memory_map (part, &map, GST_MAP_READ));
  g_assert_cmpint (map.data[0], ==, (guint8)500);
  gst_memory_unmap (part, &map);
  g_assert_false (gst_memory_map (part, &map, GST_MAP_WRITE));

  /* The block outlives its own reference while shares of it live. */
  gst_memory_unref (block);
  g_assert_true (gst_memory_map (first, &map, GST_MAP_READ));
  g_assert_cmpint (map.data[399], ==, (guint8)399);
  gst_memory_unmap (first, &map);

  gst_memory_unref (part);
  gst_memory_unref (first);
  gst_memory_unref (second);
}

int
main (int   argc,
      char *argv[])
{
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/frame-pool/alias-not-copy", test_alias_not_copy);
  g_test_add_func ("/frame-pool/writer-gets-copy", test_writer_gets_copy);
  g_test_add_func ("/frame-pool/waits-for-readers", test_pool_waits_for_readers);
  g_test_add_func ("/frame-pool/shares", test_shares);

  return g_test_run ();
}
