/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-cli-export.h: the --export mode of the command line: its options, their
 * checks, and the writing of the image.  dm-cli.c owns the parsing and the
 * loading of the articles; this file owns everything about the image. */
#pragma once

#include <glib.h>

#include "dm-analysis.h"
#include "dm-export.h"

G_BEGIN_DECLS

typedef struct {
  /* as given on the command line, NULL when not */
  char   *path;       /* --export FILE */
  char   *size;       /* --size WxH */
  char   *scale;      /* --scale N */
  char   *select;     /* --select CODE */
  char   *center;     /* --center LAT,LON */
  char   *zoom;       /* --zoom Z */

  /* set by dm_cli_export_validate() */
  DmExportFormat format;
  int            width, height;
  double         scale_value;
  gboolean       has_center;
  double         lat, lon;
  gboolean       has_zoom;
  double         zoom_value;
} DmCliExportOptions;

void     dm_cli_export_options_clear (DmCliExportOptions *options);

/* Adds --export, --size, --scale, --select, --center and --zoom to the main
 * group of @context, storing into @options. */
void     dm_cli_export_add_entries   (GOptionContext     *context,
                                      DmCliExportOptions *options);

gboolean dm_cli_export_requested     (const DmCliExportOptions *options);

/* Checks what needs no analysis (format, size, scale, centre, zoom) before
 * the articles are read; the message is ready to print. */
gboolean dm_cli_export_validate      (DmCliExportOptions *options,
                                      GError            **error);

/* Resolves --select against @analysis's gazetteer and writes the image. */
gboolean dm_cli_export_write         (DmCliExportOptions *options,
                                      DmAnalysis         *analysis,
                                      GError            **error);

G_END_DECLS
