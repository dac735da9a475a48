/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-map-view.h: the map of actors and links: the offline basemap (and,
 * when asked, OpenStreetMap tiles over it) with the relationship view drawn
 * on top.  Clicks and keys change the shared DmSelection; the map follows
 * it. */
#pragma once

#include <gtk/gtk.h>

#include "dm-analysis.h"
#include "dm-selection.h"
#include "dm-viewport.h"

G_BEGIN_DECLS

#define DM_TYPE_MAP_VIEW (dm_map_view_get_type ())
G_DECLARE_FINAL_TYPE (DmMapView, dm_map_view, DM, MAP_VIEW, GtkWidget)

GtkWidget   *dm_map_view_new              (void);

/* NULL clears; a new analysis fits the view to its actors. */
void         dm_map_view_set_analysis     (DmMapView   *self,
                                           DmAnalysis  *analysis);
DmAnalysis  *dm_map_view_get_analysis     (DmMapView   *self);

/* Shared with the other views: the map listens to it and sets it on
 * clicks.  NULL detaches. */
void         dm_map_view_set_selection    (DmMapView   *self,
                                           DmSelection *selection);
DmSelection *dm_map_view_get_selection    (DmMapView   *self);

void         dm_map_view_set_dark         (DmMapView   *self,
                                           gboolean     dark);
gboolean     dm_map_view_get_dark         (DmMapView   *self);

/* OpenStreetMap raster tiles over the offline map. */
void         dm_map_view_set_online_tiles (DmMapView   *self,
                                           gboolean     online);
gboolean     dm_map_view_get_online_tiles (DmMapView   *self);

/* Centre, zoom, widget size and scale factor: the "current view" of the
 * export. */
void         dm_map_view_get_viewport     (DmMapView   *self,
                                           DmViewport  *out);
void         dm_map_view_set_view         (DmMapView   *self,
                                           double       lat,
                                           double       lon,
                                           double       zoom);
/* Frames all actors (dm_relation_view_fit). */
void         dm_map_view_fit              (DmMapView   *self);
void         dm_map_view_zoom_in          (DmMapView   *self);
void         dm_map_view_zoom_out         (DmMapView   *self);
/* Moves the view by (@dx, @dy) logical pixels (arrow keys). */
void         dm_map_view_pan              (DmMapView   *self,
                                           double       dx,
                                           double       dy);
/* While held, the map draws no basemap: for a window whose first analysis
 * is on its way, when tiles drawn now would be replaced by tinted ones at
 * once.  Releasing draws the basemap of the current analysis. */
void         dm_map_view_set_basemap_held (DmMapView   *self,
                                           gboolean     held);
/* Widget coordinates of a geographic point; FALSE if the widget has no
 * size yet.  For tests and popovers. */
gboolean     dm_map_view_project          (DmMapView   *self,
                                           double       lat,
                                           double       lon,
                                           double      *x,
                                           double      *y);

G_END_DECLS
