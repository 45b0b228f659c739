/* test-frame-pair-gate.c: what the pairing gate shows, frame by frame
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fd-frame-pair-gate.h"

typedef struct
{
  gint64 shown[2];
  guint  calls[2];
} Screen;

typedef struct
{
  Screen *screen;
  int     side;
} Output;

static void
on_output (GstSample *sample,
           gint64     frame,
           gpointer   data)
{
  Output *output = data;

  output->screen->shown[output->side] = frame;
  output->screen->calls[output->side]++;
}

static FdFramePairGate *
make_gate (Screen *screen)
{
  FdFramePairGate *gate = fd_frame_pair_gate_new ();

  *screen = (Screen) { { -1, -1 }, { 0, 0 } };
  for (int side = 0; side < 2; side++)
    {
      Output *output = g_new0 (Output, 1);

      output->screen = screen;
      output->side = side;
      fd_frame_pair_gate_set_output (gate, side, on_output, output, g_free);
    }
  return gate;
}

static void
push (FdFramePairGate *gate,
      int              side,
      gint64           frame)
{
  g_autoptr(GstSample) sample = gst_sample_new (gst_buffer_new_allocate (NULL, 4, NULL), NULL, NULL, NULL);

  gst_buffer_unref (gst_sample_get_buffer (sample));
  fd_frame_pair_gate_push (gate, side, sample, frame, frame);
}

static void
test_lock_step (void)
{
  Screen screen;
  g_autoptr(FdFramePairGate) gate = make_gate (&screen);

  fd_frame_pair_gate_set_locked (gate, TRUE);

  /* A's first frame waits for B's. */
  push (gate, 0, 10);
  g_assert_cmpint (screen.shown[0], ==, -1);
  push (gate, 1, 10);
  g_assert_cmpint (screen.shown[0], ==, 10);
  g_assert_cmpint (screen.shown[1], ==, 10);

  /* B starves: A may lead by one frame, not more. */
  push (gate, 0, 11);
  g_assert_cmpint (screen.shown[0], ==, 11);
  push (gate, 0, 12);
  push (gate, 0, 13);
  g_assert_cmpint (screen.shown[0], ==, 11);
  g_assert_cmpint (screen.shown[1], ==, 10);

  /* B catches up a frame at a time; A follows from what it held. */
  push (gate, 1, 11);
  g_assert_cmpint (screen.shown[1], ==, 11);
  g_assert_cmpint (screen.shown[0], ==, 12);
  push (gate, 1, 12);
  g_assert_cmpint (screen.shown[0], ==, 13);
  g_assert_cmpint (screen.shown[1], ==, 12);
}

static void
test_reset_pairs_after_seek (void)
{
  Screen screen;
  g_autoptr(FdFramePairGate) gate = make_gate (&screen);

  fd_frame_pair_gate_set_locked (gate, TRUE);
  push (gate, 0, 30);
  push (gate, 1, 30);

  /* After a seek, A's new frame is not shown next to B's old one. */
  fd_frame_pair_gate_reset (gate);
  push (gate, 0, 5);
  g_assert_cmpint (screen.shown[0], ==, 30);
  push (gate, 1, 5);
  g_assert_cmpint (screen.shown[0], ==, 5);
  g_assert_cmpint (screen.shown[1], ==, 5);
}

static void
test_flush_and_unlock (void)
{
  Screen screen;
  g_autoptr(FdFramePairGate) gate = make_gate (&screen);

  fd_frame_pair_gate_set_locked (gate, TRUE);
  push (gate, 0, 7);
  push (gate, 1, 7);

  /* A seek to where B already was: only A sends a frame; once both have
   * settled the transport flushes. */
  fd_frame_pair_gate_reset (gate);
  push (gate, 0, 8);
  g_assert_cmpint (screen.shown[0], ==, 7);
  fd_frame_pair_gate_flush (gate);
  g_assert_cmpint (screen.shown[0], ==, 8);
  g_assert_cmpuint (screen.calls[1], ==, 1);

  /* A broken or finished side unlocks: frames pass straight through. */
  push (gate, 0, 20);
  g_assert_cmpint (screen.shown[0], ==, 8);
  fd_frame_pair_gate_set_locked (gate, FALSE);
  g_assert_cmpint (screen.shown[0], ==, 20);
  push (gate, 0, 21);
  g_assert_cmpint (screen.shown[0], ==, 21);
}

typedef struct
{
  guint  pairs;
  gint64 last[2];
} Pairs;

static void
push_tagged (FdFramePairGate *gate,
             int              side,
             gint64           frame)
{
  GstBuffer *buffer = gst_buffer_new ();
  g_autoptr(GstSample) sample = NULL;

  /* GstBuffer is a mini object; its qdata tags it with the frame. */
  gst_mini_object_set_qdata (GST_MINI_OBJECT (buffer), g_quark_from_static_string ("n"),
                             GINT_TO_POINTER ((int)frame), NULL);
  sample = gst_sample_new (buffer, NULL, NULL, NULL);
  gst_buffer_unref (buffer);
  fd_frame_pair_gate_push (gate, side, sample, frame, frame);
}

static gint64
tag (GstSample *sample)
{
  return GPOINTER_TO_INT (gst_mini_object_get_qdata (GST_MINI_OBJECT (gst_sample_get_buffer (sample)),
                                                     g_quark_from_static_string ("n")));
}

static void
on_pair_tagged (GstSample *a,
                GstSample *b,
                gpointer   data)
{
  Pairs *pairs = data;

  pairs->pairs++;
  pairs->last[0] = tag (a);
  pairs->last[1] = tag (b);
}

static void
test_pair_output (void)
{
  Screen screen;
  Pairs pairs = { 0, { -1, -1 } };
  g_autoptr(FdFramePairGate) gate = make_gate (&screen);

  fd_frame_pair_gate_set_pair_output (gate, on_pair_tagged, &pairs, NULL);
  fd_frame_pair_gate_set_locked (gate, TRUE);

  push_tagged (gate, 0, 3);
  g_assert_cmpuint (pairs.pairs, ==, 0);
  push_tagged (gate, 1, 3);
  g_assert_cmpuint (pairs.pairs, ==, 1);
  g_assert_cmpint (pairs.last[0], ==, 3);
  g_assert_cmpint (pairs.last[1], ==, 3);

  /* After a seek, never the new A with the old B. */
  fd_frame_pair_gate_reset (gate);
  push_tagged (gate, 0, 40);
  g_assert_cmpuint (pairs.pairs, ==, 1);
  push_tagged (gate, 1, 40);
  g_assert_cmpuint (pairs.pairs, ==, 2);
  g_assert_cmpint (pairs.last[0], ==, 40);
  g_assert_cmpint (pairs.last[1], ==, 40);
}

int
main (int   argc,
      char *argv[])
{
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/media/frame-pair-gate/lock-step", test_lock_step);
  g_test_add_func ("/media/frame-pair-gate/reset-pairs-after-seek", test_reset_pairs_after_seek);
  g_test_add_func ("/media/frame-pair-gate/flush-and-unlock", test_flush_and_unlock);
  g_test_add_func ("/media/frame-pair-gate/pair-output", test_pair_output);

  return g_test_run ();
}
