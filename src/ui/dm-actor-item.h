/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-actor-item.h: one row of the actor list: an actor of the analysis with
 * its name, code, colour and counts, as a GObject for list models. */
#pragma once

#include <glib-object.h>

#include "dm-analysis.h"

G_BEGIN_DECLS

#define DM_TYPE_ACTOR_ITEM (dm_actor_item_get_type ())
G_DECLARE_FINAL_TYPE (DmActorItem, dm_actor_item, DM, ACTOR_ITEM, GObject)

/* The item of the @index-th actor of @analysis (in its order: most
 * mentioned first). */
DmActorItem *dm_actor_item_new          (DmAnalysis  *analysis,
                                         guint        index);

guint        dm_actor_item_get_actor    (DmActorItem *self);
const char  *dm_actor_item_get_code     (DmActorItem *self);
const char  *dm_actor_item_get_name     (DmActorItem *self);
guint32      dm_actor_item_get_color    (DmActorItem *self);
guint        dm_actor_item_get_n_mentions (DmActorItem *self);
guint        dm_actor_item_get_n_links  (DmActorItem *self);

G_END_DECLS
