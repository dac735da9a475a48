/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ui-test-support.c: main-loop helpers for the window tests.  A 10 ms
 * timeout keeps the loop turning while nothing else wakes it, so that the
 * clock checks run. */
#include "config.h"

#include "ui-test-support.h"

static gboolean
on_wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

gboolean
dm_test_wait_for (DmTestCondition condition,
                  gpointer        data,
                  int             timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  guint wake = g_timeout_add (10, on_wake_cb, NULL);
  gboolean ok;

  while (!(ok = condition (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  return ok;
}

void
dm_test_settle (int ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * 1000;
  guint wake = g_timeout_add (10, on_wake_cb, NULL);

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
}
