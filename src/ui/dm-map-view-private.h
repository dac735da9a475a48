/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-map-view-private.h: entry points of the map view for its tests and
 * the startup benchmark; not for the rest of the UI. */
#pragma once

#include "dm-basemap-source.h"
#include "dm-map-view.h"
#include "dm-relation-layer.h"

G_BEGIN_DECLS

/* What a click of @n_press presses at widget point (@x, @y) does. */
void             dm_map_view_click_at            (DmMapView *self,
                                                  double     x,
                                                  double     y,
                                                  int        n_press);

ShumateMap      *dm_map_view_get_map             (DmMapView *self);
DmRelationLayer *dm_map_view_get_relation_layer  (DmMapView *self);
DmBasemapSource *dm_map_view_get_basemap_source  (DmMapView *self);

/* TRUE while the basemap has tiles in flight or an old basemap layer is
 * still shown beneath the new one. */
gboolean         dm_map_view_is_loading          (DmMapView *self);

G_END_DECLS
