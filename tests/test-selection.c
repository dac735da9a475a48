/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-selection.c: the shared selection notifies what changed and emits
 * "changed" once per action, and selecting an actor drops the link. */
#include "config.h"

#include <glib.h>

#include "dm-core.h"

typedef struct {
  guint changed;
  guint actor_notified;
  guint link_notified;
} Counts;

static void
on_changed_cb (DmSelection *selection, Counts *counts)
{
  counts->changed++;
}

static void
on_notify_cb (GObject *object, GParamSpec *pspec, Counts *counts)
{
  if (g_str_equal (pspec->name, "actor"))
    counts->actor_notified++;
  else if (g_str_equal (pspec->name, "link"))
    counts->link_notified++;
}

static void
test_selection_signals (void)
{
  g_autoptr (DmSelection) selection = dm_selection_new ();
  Counts counts = { 0 };

  g_signal_connect (selection, "changed", G_CALLBACK (on_changed_cb), &counts);
  g_signal_connect (selection, "notify", G_CALLBACK (on_notify_cb), &counts);

  g_assert_cmpint (dm_selection_get_actor (selection), ==, -1);
  g_assert_cmpint (dm_selection_get_link (selection), ==, -1);

  dm_selection_select_actor (selection, 3);
  g_assert_cmpint (dm_selection_get_actor (selection), ==, 3);
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpuint (counts.actor_notified, ==, 1);
  g_assert_cmpuint (counts.link_notified, ==, 0);

  /* the same again: nothing happens */
  dm_selection_select_actor (selection, 3);
  g_assert_cmpuint (counts.changed, ==, 1);

  /* a link keeps the actor */
  dm_selection_select_link (selection, 7);
  g_assert_cmpint (dm_selection_get_actor (selection), ==, 3);
  g_assert_cmpint (dm_selection_get_link (selection), ==, 7);
  g_assert_cmpuint (counts.changed, ==, 2);
  g_assert_cmpuint (counts.link_notified, ==, 1);

  /* another actor drops the link: both notified, one "changed" */
  dm_selection_select_actor (selection, 5);
  g_assert_cmpint (dm_selection_get_link (selection), ==, -1);
  g_assert_cmpuint (counts.changed, ==, 3);
  g_assert_cmpuint (counts.actor_notified, ==, 2);
  g_assert_cmpuint (counts.link_notified, ==, 2);

  dm_selection_clear (selection);
  g_assert_cmpint (dm_selection_get_actor (selection), ==, -1);
  g_assert_cmpuint (counts.changed, ==, 4);

  /* negative indices mean none */
  dm_selection_select_actor (selection, -42);
  g_assert_cmpint (dm_selection_get_actor (selection), ==, -1);
  g_assert_cmpuint (counts.changed, ==, 4);
}

static void
test_selection_properties (void)
{
  g_autoptr (DmSelection) selection = dm_selection_new ();
  int actor = 0;

  g_object_set (selection, "actor", 2, NULL);
  g_object_get (selection, "actor", &actor, NULL);
  g_assert_cmpint (actor, ==, 2);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  g_test_add_func ("/selection/signals", test_selection_signals);
  g_test_add_func ("/selection/properties", test_selection_properties);
  return g_test_run ();
}
