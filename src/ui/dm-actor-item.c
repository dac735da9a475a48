/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-actor-item.c: the actor list's row items.  The values are copied out
 * of the analysis so that an item never outlives what it points into. */
#include "config.h"

#include "dm-actor-item.h"

struct _DmActorItem
{
  GObject  parent_instance;

  guint    actor;
  char    *code;
  char    *name;
  guint32  color;
  guint    n_mentions;
  guint    n_links;
};

G_DEFINE_FINAL_TYPE (DmActorItem, dm_actor_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACTOR,
  PROP_CODE,
  PROP_NAME,
  PROP_N_MENTIONS,
  PROP_N_LINKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dm_actor_item_finalize (GObject *object)
{
  DmActorItem *self = DM_ACTOR_ITEM (object);

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (dm_actor_item_parent_class)->finalize (object);
}

static void
dm_actor_item_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DmActorItem *self = DM_ACTOR_ITEM (object);

  switch (prop_id)
    {
    case PROP_ACTOR:
      g_value_set_uint (value, self->actor);
      break;
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_N_MENTIONS:
      g_value_set_uint (value, self->n_mentions);
      break;
    case PROP_N_LINKS:
      g_value_set_uint (value, self->n_links);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_actor_item_class_init (DmActorItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dm_actor_item_finalize;
  object_class->get_property = dm_actor_item_get_property;

  properties[PROP_ACTOR] =
    g_param_spec_uint ("actor", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_MENTIONS] =
    g_param_spec_uint ("n-mentions", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_LINKS] =
    g_param_spec_uint ("n-links", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dm_actor_item_init (DmActorItem *self)
{
}

DmActorItem *
dm_actor_item_new (DmAnalysis *analysis,
                   guint       index)
{
  const DmActorSummary *summary;
  const DmActorInfo *info;
  DmActorItem *self;

  g_return_val_if_fail (DM_IS_ANALYSIS (analysis), NULL);
  g_return_val_if_fail (index < dm_analysis_get_n_actors (analysis), NULL);

  summary = dm_analysis_get_actor (analysis, index);
  info = dm_gazetteer_get_actor (dm_analysis_get_gazetteer (analysis), summary->actor);

  self = g_object_new (DM_TYPE_ACTOR_ITEM, NULL);
  self->actor = summary->actor;
  self->code = g_strdup (info->code);
  self->name = g_strdup (dm_actor_info_get_display_name (info));
  self->color = info->color;
  self->n_mentions = summary->n_mentions;
  self->n_links = summary->n_links;

  return self;
}

guint
dm_actor_item_get_actor (DmActorItem *self)
{
  g_return_val_if_fail (DM_IS_ACTOR_ITEM (self), 0);
  return self->actor;
}

const char *
dm_actor_item_get_code (DmActorItem *self)
{
  g_return_val_if_fail (DM_IS_ACTOR_ITEM (self), NULL);
  return self->code;
}

const char *
dm_actor_item_get_name (DmActorItem *self)
{
  g_return_val_if_fail (DM_IS_ACTOR_ITEM (self), NULL);
  return self->name;
}

guint32
dm_actor_item_get_color (DmActorItem *self)
{
  g_return_val_if_fail (DM_IS_ACTOR_ITEM (self), 0);
  return self->color;
}

guint
dm_actor_item_get_n_mentions (DmActorItem *self)
{
  g_return_val_if_fail (DM_IS_ACTOR_ITEM (self), 0);
  return self->n_mentions;
}

guint
dm_actor_item_get_n_links (DmActorItem *self)
{
  g_return_val_if_fail (DM_IS_ACTOR_ITEM (self), 0);
  return self->n_links;
}
