/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-links-panel.h: the links of the selected actor (kind, counterpart,
 * direction, weight); activating one selects the link and lists its
 * evidence: each sentence with its cue and the rule that made the link. */
#pragma once

#include <gtk/gtk.h>

#include "dm-analysis.h"
#include "dm-selection.h"

G_BEGIN_DECLS

#define DM_TYPE_LINKS_PANEL (dm_links_panel_get_type ())
G_DECLARE_FINAL_TYPE (DmLinksPanel, dm_links_panel, DM, LINKS_PANEL, GtkWidget)

GtkWidget *dm_links_panel_new           (void);
void       dm_links_panel_set_analysis  (DmLinksPanel *self,
                                         DmAnalysis   *analysis);
void       dm_links_panel_set_selection (DmLinksPanel *self,
                                         DmSelection  *selection);
void       dm_links_panel_set_dark      (DmLinksPanel *self,
                                         gboolean      dark);

/* What the rows show, one string each, for tests: links as
 * "KIND ARROW CODE WEIGHT" ("aid ← USA 2", "tension — AZE 3"; → the
 * selected actor acts, ← it is acted on, — undirected), evidence as its
 * "why" line ("rule appeal.urge: “urges”"). */
GStrv      dm_links_panel_dup_link_rows     (DmLinksPanel *self);
GStrv      dm_links_panel_dup_evidence_rows (DmLinksPanel *self);
/* Activates the @index-th link row, as a click does. */
void       dm_links_panel_activate_row      (DmLinksPanel *self,
                                             guint         index);

G_END_DECLS
