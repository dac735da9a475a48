/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-relation-layer.h: the relationship view (actors, pins, arcs, legend,
 * attribution) as a libshumate overlay layer, drawn for the map's current
 * viewport by the same cairo code as the export. */
#pragma once

#include <shumate/shumate.h>

#include "dm-analysis.h"
#include "dm-relation-view.h"

G_BEGIN_DECLS

#define DM_TYPE_RELATION_LAYER (dm_relation_layer_get_type ())
G_DECLARE_FINAL_TYPE (DmRelationLayer, dm_relation_layer, DM, RELATION_LAYER, ShumateLayer)

DmRelationLayer        *dm_relation_layer_new           (ShumateViewport           *viewport);

void                    dm_relation_layer_set_analysis  (DmRelationLayer           *self,
                                                         DmAnalysis                *analysis);
void                    dm_relation_layer_set_selection (DmRelationLayer           *self,
                                                         const DmRelationSelection *selection);
void                    dm_relation_layer_set_dark      (DmRelationLayer           *self,
                                                         gboolean                   dark);
void                    dm_relation_layer_set_online_tiles (DmRelationLayer        *self,
                                                            gboolean                online);
/* Boxes of the layer (in its coordinates) that widgets over it hide, at
 * most DM_RELATION_VIEW_MAX_COVERED: pins and labels keep out of them. */
void                    dm_relation_layer_set_covered   (DmRelationLayer           *self,
                                                         const DmRelationRect      *boxes,
                                                         guint                      n_boxes);

/* The layer's viewport as a DmViewport: centre, zoom, size, scale. */
void                    dm_relation_layer_get_dm_viewport (DmRelationLayer         *self,
                                                           DmViewport              *out);

/* The layout of what is (or is about to be) on screen, made on demand;
 * NULL without an analysis or before the layer has a size. */
const DmRelationLayout *dm_relation_layer_get_layout    (DmRelationLayer           *self);

/* Hit test in layer coordinates on that layout; see
 * dm_relation_layout_hit_test(). */
gboolean                dm_relation_layer_hit_test      (DmRelationLayer           *self,
                                                         double                     x,
                                                         double                     y,
                                                         int                       *actor,
                                                         int                       *link);

G_END_DECLS
