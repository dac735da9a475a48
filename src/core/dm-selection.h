/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-selection.h: the one selection every view shares: the current actor
 * and the current link.  Views set it and listen to it; none keeps its own. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DM_TYPE_SELECTION (dm_selection_get_type ())
G_DECLARE_FINAL_TYPE (DmSelection, dm_selection, DM, SELECTION, GObject)

DmSelection *dm_selection_new (void);

/* Gazetteer actor index, or -1 for none. */
int  dm_selection_get_actor (DmSelection *self);
/* Analysis link index, or -1 for none. */
int  dm_selection_get_link (DmSelection *self);

/* Selecting an actor clears the link; selecting a link keeps the actor.
 * Each call notifies "actor" and "link" as they change and emits
 * "changed" once. */
void dm_selection_select_actor (DmSelection *self, int actor);
void dm_selection_select_link (DmSelection *self, int link);
void dm_selection_clear (DmSelection *self);

G_END_DECLS
