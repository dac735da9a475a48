/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-export.h: the relationship view written to PNG, SVG or PDF without a
 * display, and the analysis as a graph (GEXF, GraphML, CSV: the core's
 * dm-graph-writer.c) through the same calls, so that the command line and
 * the export dialog pick every format by name alike.  Files are written
 * atomically: a temporary file beside the target, renamed over it once
 * complete, removed on any error. */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "dm-analysis.h"
#include "dm-relation-view.h"
#include "dm-viewport.h"

G_BEGIN_DECLS

typedef enum {
  DM_EXPORT_FORMAT_PNG,
  DM_EXPORT_FORMAT_SVG,
  DM_EXPORT_FORMAT_PDF,
  /* graphs, not images: no size, no scale, no view */
  DM_EXPORT_FORMAT_GEXF,
  DM_EXPORT_FORMAT_GRAPHML,
  DM_EXPORT_FORMAT_CSV,
} DmExportFormat;

#define DM_EXPORT_ERROR (dm_export_error_quark ())
GQuark dm_export_error_quark (void);

typedef enum {
  DM_EXPORT_ERROR_FORMAT,   /* unknown file name extension */
  DM_EXPORT_ERROR_SIZE,     /* empty, negative or too large */
  DM_EXPORT_ERROR_WRITE,    /* the file could not be written */
} DmExportError;

/* Largest side of an image, in device pixels (after the scale). */
#define DM_EXPORT_MAX_SIDE 16384

/* The format of @path from its extension (.png, .svg, .pdf, .gexf,
 * .graphml, .csv, any case). */
gboolean         dm_export_format_from_path (const char     *path,
                                             DmExportFormat *format,
                                             GError        **error);

/* FALSE with DM_EXPORT_ERROR_SIZE unless width, height and scale are
 * positive and each side times @scale is at most DM_EXPORT_MAX_SIDE. */
gboolean         dm_export_check_size   (int              width,
                                         int              height,
                                         double           scale,
                                         GError         **error);

/* Whether @format is a graph of the analysis rather than a picture. */
gboolean         dm_export_format_is_graph (DmExportFormat format);

/* Writes the view of @analysis, @width × @height logical pixels, to @path.
 * PNG has width*scale × height*scale pixels; SVG and PDF are vector, sized
 * in pixels and points respectively, and ignore @scale.  @viewport gives
 * the centre and zoom (its size is replaced), NULL for the default view
 * (dm_relation_view_fit); @selection may be NULL.  A graph format
 * ignores the size, the scale, the view and the selection, and writes
 * every actor and link (a CSV export writes NAME-nodes.csv and
 * NAME-edges.csv: dm_graph_csv_paths()).  Errors read "PATH: cannot
 * write: reason". */
gboolean         dm_export_write        (const char                *path,
                                         DmExportFormat             format,
                                         int                        width,
                                         int                        height,
                                         double                     scale,
                                         DmAnalysis                *analysis,
                                         const DmViewport          *viewport,
                                         const DmRelationSelection *selection,
                                         GError                   **error);

/* The same with view options (palette, legend, …); @options may be NULL. */
gboolean         dm_export_write_full   (const char                  *path,
                                         DmExportFormat               format,
                                         int                          width,
                                         int                          height,
                                         double                       scale,
                                         DmAnalysis                  *analysis,
                                         const DmViewport            *viewport,
                                         const DmRelationSelection   *selection,
                                         const DmRelationViewOptions *options,
                                         GError                     **error);

/* The two halves of a PNG export, apart so they can be timed: the view
 * drawn on an opaque image surface, then that surface saved (atomically). */
cairo_surface_t *dm_export_draw_image   (int                          width,
                                         int                          height,
                                         double                       scale,
                                         DmAnalysis                  *analysis,
                                         const DmViewport            *viewport,
                                         const DmRelationSelection   *selection,
                                         const DmRelationViewOptions *options);
gboolean         dm_export_save_png     (cairo_surface_t             *surface,
                                         const char                  *path,
                                         GError                     **error);

G_END_DECLS
