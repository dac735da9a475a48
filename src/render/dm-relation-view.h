/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-relation-view.h: the relationship view: basemap, actors, links,
 * legend, title and attribution, drawn by one cairo function that serves
 * both the screen (a map overlay) and the export, so they always match.
 *
 * Where things go (markers, pins of off-map actors, arcs, labels) is
 * computed once into a DmRelationLayout; drawing and hit testing both read
 * it, so a click lands on what was drawn.
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "dm-analysis.h"
#include "dm-viewport.h"

G_BEGIN_DECLS

/* What the views share: a gazetteer actor and/or an analysis link. */
typedef struct {
  int actor;   /* gazetteer index, or -1 */
  int link;    /* analysis link index, or -1 */
} DmRelationSelection;

typedef struct {
  double x0, y0, x1, y1;
} DmRelationRect;

#define DM_RELATION_VIEW_MAX_COVERED 4

typedef struct {
  gboolean dark;           /* dark palette */
  gboolean show_basemap;
  gboolean show_legend;
  gboolean show_title;
  gboolean online_tiles;   /* the basemap under it came from OpenStreetMap */
  /* Boxes of the view that something over it hides (the window's zoom
   * buttons and scale), in its corners: pins and labels keep out. */
  guint          n_covered;
  DmRelationRect covered[DM_RELATION_VIEW_MAX_COVERED];
} DmRelationViewOptions;

/* No actor, no link. */
void dm_relation_selection_init     (DmRelationSelection   *selection);
/* Light, basemap, legend and title shown, offline tiles. */
void dm_relation_view_options_init  (DmRelationViewOptions *options);

typedef struct {
  guint          actor;       /* gazetteer index */
  double         x, y;        /* marker centre, logical view pixels */
  double         radius;
  gboolean       pinned;      /* anchor off the view: drawn on its edge */
  double         dx, dy;      /* pinned: unit vector towards the real place */
  gboolean       emphasized;  /* the selected actor */
  gboolean       dimmed;      /* something else is selected */
  gboolean       has_label;
  DmRelationRect label;       /* where the label went */
} DmRelationNode;

typedef struct {
  guint    link;              /* analysis link index */
  guint    source, target;    /* node indices */
  /* Quadratic Bézier from (x0, y0) to (x1, y1), trimmed to the markers;
   * for a directed link (x1, y1) is the tip of the arrowhead. */
  double   x0, y0, cx, cy, x1, y1;
  double   width;
  gboolean directed;
  gboolean emphasized;
  gboolean dimmed;
} DmRelationArc;

/* Names of countries no actor stands for (Turkey, Iran, …): context. */
typedef struct {
  const char    *name;        /* owned by the country data */
  DmRelationRect rect;
} DmRelationCountryLabel;

typedef struct {
  DmViewport     viewport;
  GArray        *nodes;       /* DmRelationNode, in the analysis order */
  GArray        *arcs;        /* DmRelationArc, in the analysis order */
  GArray        *country_labels;  /* DmRelationCountryLabel */
  GArray        *legend_entries;  /* DmLegendEntry */
  gboolean       has_legend;
  DmRelationRect legend;
  gboolean       has_title;
  DmRelationRect title;
  DmRelationRect attribution;
  PangoContext  *pango;
} DmRelationLayout;

/* Lays out @analysis in @viewport.  @selection and @options may be NULL. */
DmRelationLayout     *dm_relation_layout_new       (const DmViewport            *viewport,
                                                    DmAnalysis                  *analysis,
                                                    const DmRelationSelection   *selection,
                                                    const DmRelationViewOptions *options);
void                  dm_relation_layout_free      (DmRelationLayout            *layout);

/* The node of gazetteer actor @actor, or NULL. */
const DmRelationNode *dm_relation_layout_find_node (const DmRelationLayout      *layout,
                                                    guint                        actor);
/* The arc of analysis link @link, or NULL. */
const DmRelationArc  *dm_relation_layout_find_arc  (const DmRelationLayout      *layout,
                                                    guint                        link);

/* The point at parameter @t (0..1) of @arc. */
void                  dm_relation_arc_get_point    (const DmRelationArc         *arc,
                                                    double                       t,
                                                    double                      *x,
                                                    double                      *y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmRelationLayout, dm_relation_layout_free)

/* Draws the whole view.  @cr's user space must be the viewport's logical
 * pixels (scale the surface for HiDPI and set viewport->scale to match).
 * @selection and @options may be NULL. */
void     dm_relation_view_draw     (cairo_t                     *cr,
                                    const DmViewport            *viewport,
                                    DmAnalysis                  *analysis,
                                    const DmRelationSelection   *selection,
                                    const DmRelationViewOptions *options);

/* Draws a layout made beforehand (the hit test can then reuse it). */
void     dm_relation_view_draw_layout (cairo_t                     *cr,
                                       const DmRelationLayout      *layout,
                                       DmAnalysis                  *analysis,
                                       const DmRelationViewOptions *options);

/* The default view of @analysis in a @width × @height view at scale 1:
 * every actor placed in the region (30–60°E, 33–50°N) and the South
 * Caucasus itself framed with padding, the zoom clamped; actors elsewhere
 * end up pinned to the edges. */
void     dm_relation_view_fit      (DmViewport                  *viewport,
                                    DmAnalysis                  *analysis,
                                    int                          width,
                                    int                          height);

/* What is under the logical view point (@x, @y): markers and labels first
 * (*actor = gazetteer index), then links (*link = analysis index); the
 * other is -1.  FALSE, with both -1, when nothing is there. */
gboolean dm_relation_view_hit_test (const DmViewport            *viewport,
                                    DmAnalysis                  *analysis,
                                    const DmRelationSelection   *selection,
                                    const DmRelationViewOptions *options,
                                    double                       x,
                                    double                       y,
                                    int                         *actor,
                                    int                         *link);

/* The same on a layout already made. */
gboolean dm_relation_layout_hit_test (const DmRelationLayout *layout,
                                      double                  x,
                                      double                  y,
                                      int                    *actor,
                                      int                    *link);

G_END_DECLS
