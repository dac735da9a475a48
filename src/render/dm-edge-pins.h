/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-edge-pins.h: where the pins of off-map actors go on the view's edge.
 *
 * A pure layout, with no drawing and no text: the relationship view
 * measures the labels, hands the pins over with the places they stand
 * for, and draws what comes back.  Kept apart so that its guarantees (no
 * two pins or labels overlap, every label inside the picture, the order
 * around the edge that of the directions) can be tested on their own.
 */
#pragma once

#include "dm-relation-view.h"

G_BEGIN_DECLS

typedef enum {
  DM_EDGE_TOP,
  DM_EDGE_RIGHT,
  DM_EDGE_BOTTOM,
  DM_EDGE_LEFT,
} DmEdge;

typedef struct {
  /* Given */
  double   tx, ty;            /* the actor's place, projected: off the frame */
  double   radius;            /* marker radius */
  double   label_w, label_h;  /* room the label needs; 0 × 0 for none */
  guint    rank;              /* when room runs out, the highest rank loses
                                 its label first (the least mentioned) */

  /* Computed */
  DmEdge   edge;
  double   x, y;              /* marker centre, on the frame */
  double   along;             /* centre of its share of the edge: x on the
                                 top and bottom, y on the sides (a marker
                                 held back by a corner is not there) */
  double   dx, dy;            /* unit vector from the marker to the place */
  gboolean has_label;         /* FALSE when there was no room for it */
  DmRelationRect label;       /* the label_w × label_h box */
} DmEdgePin;

/* Lays out @n_pins pins.  Markers sit on @frame; markers, arrows and
 * labels stay inside @bounds and out of the @n_avoid boxes (legend,
 * attribution, widgets over the map), which must stand in corners;
 * neighbours keep @gap between them. */
void dm_edge_pins_layout    (DmEdgePin            *pins,
                             guint                 n_pins,
                             const DmRelationRect *frame,
                             const DmRelationRect *bounds,
                             const DmRelationRect *avoid,
                             guint                 n_avoid,
                             double                gap);

/* A @w × @h box placed for @pin as its label is (inwards of the marker,
 * centred on the same line), for a label smaller than the one reserved. */
void dm_edge_pin_place_label (const DmEdgePin      *pin,
                              double                w,
                              double                h,
                              DmRelationRect       *out);

/* Room between a pin's marker and its label, beyond the marker's radius:
 * the selected marker's ring fits in it. */
#define DM_EDGE_PIN_LABEL_GAP 7.0

G_END_DECLS
