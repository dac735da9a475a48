/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-actor-list.h: the sidebar: the actors of the analysis, most mentioned
 * first, with a search entry; its row selection is the shared selection's
 * actor. */
#pragma once

#include <gtk/gtk.h>

#include "dm-analysis.h"
#include "dm-selection.h"

G_BEGIN_DECLS

#define DM_TYPE_ACTOR_LIST (dm_actor_list_get_type ())
G_DECLARE_FINAL_TYPE (DmActorList, dm_actor_list, DM, ACTOR_LIST, GtkWidget)

GtkWidget   *dm_actor_list_new           (void);
void         dm_actor_list_set_analysis  (DmActorList *self,
                                          DmAnalysis  *analysis);
void         dm_actor_list_set_selection (DmActorList *self,
                                          DmSelection *selection);
/* Focuses the search entry and selects its text (Ctrl+F). */
void         dm_actor_list_focus_search  (DmActorList *self);
void         dm_actor_list_set_search    (DmActorList *self,
                                          const char  *text);

/* The gazetteer index of the selected row, or -1. */
int          dm_actor_list_get_selected_actor (DmActorList *self);
/* The items shown (after the search), for tests. */
GListModel  *dm_actor_list_get_model     (DmActorList *self);

G_END_DECLS
