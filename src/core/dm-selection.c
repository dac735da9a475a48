/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-selection.c: the shared selection (current actor, current link), with
 * one "changed" signal per user action so views redraw once. */
#include "config.h"

#include "dm-selection.h"

struct _DmSelection {
  GObject parent_instance;
  int     actor;
  int     link;
};

G_DEFINE_FINAL_TYPE (DmSelection, dm_selection, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACTOR,
  PROP_LINK,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
dm_selection_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DmSelection *self = DM_SELECTION (object);

  switch (prop_id)
    {
    case PROP_ACTOR:
      g_value_set_int (value, self->actor);
      break;
    case PROP_LINK:
      g_value_set_int (value, self->link);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_selection_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  DmSelection *self = DM_SELECTION (object);

  switch (prop_id)
    {
    case PROP_ACTOR:
      dm_selection_select_actor (self, g_value_get_int (value));
      break;
    case PROP_LINK:
      dm_selection_select_link (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_selection_class_init (DmSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = dm_selection_get_property;
  object_class->set_property = dm_selection_set_property;

  properties[PROP_ACTOR] =
    g_param_spec_int ("actor", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LINK] =
    g_param_spec_int ("link", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
dm_selection_init (DmSelection *self)
{
  self->actor = -1;
  self->link = -1;
}

DmSelection *
dm_selection_new (void)
{
  return g_object_new (DM_TYPE_SELECTION, NULL);
}

int
dm_selection_get_actor (DmSelection *self)
{
  g_return_val_if_fail (DM_IS_SELECTION (self), -1);
  return self->actor;
}

int
dm_selection_get_link (DmSelection *self)
{
  g_return_val_if_fail (DM_IS_SELECTION (self), -1);
  return self->link;
}

/* Sets both fields, then notifies what changed and emits "changed" once. */
static void
set_both (DmSelection *self, int actor, int link)
{
  gboolean actor_changed = self->actor != actor;
  gboolean link_changed = self->link != link;

  if (!actor_changed && !link_changed)
    return;
  self->actor = actor;
  self->link = link;
  g_object_freeze_notify (G_OBJECT (self));
  if (actor_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR]);
  if (link_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINK]);
  g_object_thaw_notify (G_OBJECT (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

void
dm_selection_select_actor (DmSelection *self, int actor)
{
  g_return_if_fail (DM_IS_SELECTION (self));
  set_both (self, MAX (actor, -1), -1);
}

void
dm_selection_select_link (DmSelection *self, int link)
{
  g_return_if_fail (DM_IS_SELECTION (self));
  set_both (self, self->actor, MAX (link, -1));
}

void
dm_selection_clear (DmSelection *self)
{
  g_return_if_fail (DM_IS_SELECTION (self));
  set_both (self, -1, -1);
}
