/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-legend.h: how links look (colour per quad class, dash for verbal
 * links) and the legend box that explains it.
 *
 * The link style lives here, in one place, because the relationship view
 * draws the links and the legend draws samples of them: both must agree.
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "dm-analysis.h"
#include "dm-link-kind.h"
#include "dm-palette.h"

G_BEGIN_DECLS

typedef struct {
  DmLinkKind kind;
  DmQuad     quad;
  guint      n_links;   /* links of this kind in the analysis */
} DmLegendEntry;

/* The colour of links of @quad, for the light or the dark palette. */
void      dm_legend_get_quad_color (DmQuad    quad,
                                    gboolean  dark,
                                    DmRgba   *out);

/* Verbal links are dashed, material ones solid. */
gboolean  dm_legend_quad_is_dashed (DmQuad    quad);

/* Sets @cr's dash for a link of @quad drawn @width wide (no dash for
 * material links).  @offset shifts the pattern along the line. */
void      dm_legend_set_dash       (cairo_t  *cr,
                                    DmQuad    quad,
                                    double    width,
                                    double    offset);

/* Length of one dash period for a line @width wide (0 for solid). */
double    dm_legend_get_dash_period (DmQuad   quad,
                                     double   width);

/* The link kinds present in @analysis, each once, ordered by quad class
 * then kind.  Free with g_array_unref(). */
GArray   *dm_legend_collect_entries (DmAnalysis *analysis);

/* The words the legend shows for @entry: its kind and its quad class, in
 * the user's language. */
const char *dm_legend_entry_get_label      (const DmLegendEntry *entry);
const char *dm_legend_entry_get_quad_label (const DmLegendEntry *entry);

/* Size of the legend box for @entries in logical pixels, measured with
 * @context. */
void      dm_legend_measure        (PangoContext *context,
                                    GArray       *entries,
                                    double       *width,
                                    double       *height);

/* Draws the legend box with its top-left corner at (@x, @y). */
void      dm_legend_draw           (cairo_t      *cr,
                                    PangoContext *context,
                                    GArray       *entries,
                                    double        x,
                                    double        y,
                                    gboolean      dark);

/* The font list every label of the relationship view uses. */
#define DM_RENDER_FONT "Cantarell, Noto Sans, DejaVu Sans, Sans"

/* A Pango context that measures text the same way whatever the target
 * (screen, PNG at any scale, SVG, PDF): 96 dpi, no hinted metrics. */
PangoContext *dm_render_create_pango_context (void);

/* A layout of @text in DM_RENDER_FONT at @size logical pixels. */
PangoLayout  *dm_render_create_text  (PangoContext *context,
                                      const char   *text,
                                      double        size,
                                      PangoWeight   weight);

G_END_DECLS
