/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-cli-export.c: `diplomap --export FILE.png|.svg|.pdf|.gexf|.graphml|.csv [--size WxH]
 * [--scale N] [--select CODE] [--center LAT,LON] [--zoom Z] ARTICLE…`.
 *
 * Numbers are taken as strings and parsed here rather than by GOption, so
 * that a bad value gets a message that says what is expected, and every
 * check that needs no article runs before any article is read. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "dm-cli-export.h"
#include "dm-mercator.h"
#include "dm-relation-view.h"
#include "dm-viewport.h"

#define DEFAULT_WIDTH 1600
#define DEFAULT_HEIGHT 1000

void
dm_cli_export_options_clear (DmCliExportOptions *options)
{
  g_clear_pointer (&options->path, g_free);
  g_clear_pointer (&options->size, g_free);
  g_clear_pointer (&options->scale, g_free);
  g_clear_pointer (&options->select, g_free);
  g_clear_pointer (&options->center, g_free);
  g_clear_pointer (&options->zoom, g_free);
}

void
dm_cli_export_add_entries (GOptionContext     *context,
                           DmCliExportOptions *options)
{
  const GOptionEntry entries[] = {
    { "export", 'e', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &options->path,
      N_("Write the relationship view of the files to FILE (.png, .svg or .pdf), or their graph (.gexf, .graphml, or .csv as FILE-nodes.csv and FILE-edges.csv), instead of opening a window"),
      N_("FILE") },
    { "size", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &options->size,
      N_("Size of --export in pixels (default 1600x1000)"), N_("WxH") },
    { "scale", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &options->scale,
      N_("Pixels per logical pixel of a PNG --export (default 1)"), N_("N") },
    { "select", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &options->select,
      N_("Emphasize the actor with this code (ARM, USA, …) in --export"), N_("CODE") },
    { "center", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &options->center,
      N_("Centre of the map of --export (default: framed on the actors)"), N_("LAT,LON") },
    { "zoom", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &options->zoom,
      N_("Zoom of the map of --export, 2 to 10"), N_("Z") },
    { NULL }
  };

  /* the group copies the entries */
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

gboolean
dm_cli_export_requested (const DmCliExportOptions *options)
{
  return options->path != NULL;
}

static gboolean
parse_double (const char *text,
              double     *out)
{
  char *end = NULL;
  double value;

  if (text == NULL || *text == '\0')
    return FALSE;
  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (value))
    return FALSE;
  *out = value;

  return TRUE;
}

static gboolean
parse_size (const char *text,
            int        *width,
            int        *height)
{
  g_auto(GStrv) parts = NULL;
  gint64 w, h;

  /* "1600x1000", and "1600×1000" as the help and the messages write it */
  {
    g_autofree char *normal = g_strdup (text);
    g_autoptr(GString) s = g_string_new (normal);

    g_string_replace (s, "×", "x", 0);
    g_string_replace (s, "X", "x", 0);
    parts = g_strsplit (s->str, "x", -1);
  }

  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_signed (parts[0], 10, G_MININT, G_MAXINT, &w, NULL) ||
      !g_ascii_string_to_signed (parts[1], 10, G_MININT, G_MAXINT, &h, NULL))
    return FALSE;
  *width = (int) w;
  *height = (int) h;

  return TRUE;
}

gboolean
dm_cli_export_validate (DmCliExportOptions *options,
                        GError            **error)
{
  g_return_val_if_fail (options->path != NULL, FALSE);

  if (!dm_export_format_from_path (options->path, &options->format, error))
    return FALSE;

  options->width = DEFAULT_WIDTH;
  options->height = DEFAULT_HEIGHT;
  if (options->size != NULL && !parse_size (options->size, &options->width, &options->height))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Invalid size “%s”: use WIDTHxHEIGHT in pixels, such as 1600x1000"),
                   options->size);
      return FALSE;
    }

  options->scale_value = 1.0;
  if (options->scale != NULL && !parse_double (options->scale, &options->scale_value))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Invalid scale “%s”: use a number such as 2"), options->scale);
      return FALSE;
    }

  if (!dm_export_check_size (options->width, options->height, options->scale_value, error))
    return FALSE;

  options->has_center = options->center != NULL;
  if (options->has_center)
    {
      g_auto(GStrv) parts = g_strsplit (options->center, ",", -1);

      if (g_strv_length (parts) != 2 ||
          !parse_double (g_strstrip (parts[0]), &options->lat) ||
          !parse_double (g_strstrip (parts[1]), &options->lon) ||
          fabs (options->lat) > DM_MERCATOR_MAX_LATITUDE || fabs (options->lon) > 180)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("Invalid centre “%s”: use LAT,LON in degrees, such as 40.5,45.5"),
                       options->center);
          return FALSE;
        }
    }

  options->has_zoom = options->zoom != NULL;
  if (options->has_zoom &&
      (!parse_double (options->zoom, &options->zoom_value) ||
       options->zoom_value < DM_VIEWPORT_MIN_ZOOM || options->zoom_value > DM_VIEWPORT_MAX_ZOOM))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Invalid zoom “%s”: use a number from %g to %g"),
                   options->zoom, DM_VIEWPORT_MIN_ZOOM, DM_VIEWPORT_MAX_ZOOM);
      return FALSE;
    }

  return TRUE;
}

gboolean
dm_cli_export_write (DmCliExportOptions *options,
                     DmAnalysis         *analysis,
                     GError            **error)
{
  DmRelationSelection selection;
  DmViewport viewport;

  dm_relation_selection_init (&selection);
  if (options->select != NULL)
    {
      DmGazetteer *gazetteer = dm_analysis_get_gazetteer (analysis);

      selection.actor = dm_gazetteer_lookup_code (gazetteer, options->select);
      if (selection.actor < 0)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("Unknown actor code “%s” for --select"), options->select);
          return FALSE;
        }
    }

  /* Start from the default view, then apply what was asked for. */
  dm_relation_view_fit (&viewport, analysis, options->width, options->height);
  if (options->has_center)
    {
      viewport.center_lat = options->lat;
      viewport.center_lon = options->lon;
    }
  if (options->has_zoom)
    viewport.zoom = options->zoom_value;

  return dm_export_write (options->path, options->format, options->width, options->height,
                          options->scale_value, analysis, &viewport, &selection, error);
}
