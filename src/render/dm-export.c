/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-export.c: PNG, SVG and PDF files of the relationship view.
 *
 * Every format goes through the same path: a temporary "PATH.XXXXXX" made
 * with g_mkstemp_full() in the target's folder (so the final rename stays
 * on one file system and is atomic), cairo writing into that descriptor
 * through a stream callback that remembers errno (cairo itself only says
 * "write error"), fsync, close, rename.  Any failure removes the
 * temporary file, so an export leaves either the whole file or nothing. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "dm-export.h"
#include "dm-graph-writer.h"

G_DEFINE_QUARK (dm-export-error-quark, dm_export_error)

static const struct {
  const char     *extension;
  DmExportFormat  format;
} extensions[] = {
  { ".png", DM_EXPORT_FORMAT_PNG },
  { ".svg", DM_EXPORT_FORMAT_SVG },
  { ".pdf", DM_EXPORT_FORMAT_PDF },
  { ".gexf", DM_EXPORT_FORMAT_GEXF },
  { ".graphml", DM_EXPORT_FORMAT_GRAPHML },
  { ".csv", DM_EXPORT_FORMAT_CSV },
};

gboolean
dm_export_format_from_path (const char     *path,
                            DmExportFormat *format,
                            GError        **error)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *lower = g_ascii_strdown (base, -1);
  g_autofree char *display = g_filename_display_name (path);

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (g_str_has_suffix (lower, extensions[i].extension) &&
        strlen (lower) > strlen (extensions[i].extension))
      {
        *format = extensions[i].format;
        return TRUE;
      }

  g_set_error (error, DM_EXPORT_ERROR, DM_EXPORT_ERROR_FORMAT,
               _("%s: unknown export format: the name must end in .png, .svg, .pdf, .gexf, .graphml or .csv"),
               display);

  return FALSE;
}

gboolean
dm_export_format_is_graph (DmExportFormat format)
{
  return format == DM_EXPORT_FORMAT_GEXF || format == DM_EXPORT_FORMAT_GRAPHML ||
         format == DM_EXPORT_FORMAT_CSV;
}

gboolean
dm_export_check_size (int      width,
                      int      height,
                      double   scale,
                      GError **error)
{
  if (width <= 0 || height <= 0)
    {
      g_set_error (error, DM_EXPORT_ERROR, DM_EXPORT_ERROR_SIZE,
                   _("Invalid size %d×%d: width and height must be positive"), width, height);
      return FALSE;
    }
  if (!(scale > 0) || !isfinite (scale))
    {
      g_set_error (error, DM_EXPORT_ERROR, DM_EXPORT_ERROR_SIZE,
                   _("Invalid scale %g: it must be positive"), scale);
      return FALSE;
    }
  if (width * scale > DM_EXPORT_MAX_SIDE || height * scale > DM_EXPORT_MAX_SIDE ||
      round (width * scale) < 1 || round (height * scale) < 1)
    {
      g_set_error (error, DM_EXPORT_ERROR, DM_EXPORT_ERROR_SIZE,
                   _("Invalid size %d×%d at scale %g: each side must be between 1 and %d pixels"),
                   width, height, scale, DM_EXPORT_MAX_SIDE);
      return FALSE;
    }

  return TRUE;
}

/* The temporary file and what went wrong while writing it. */
typedef struct {
  char *path;        /* the target */
  char *tmp_path;
  int   fd;
  int   saved_errno; /* first write error, 0 if none */
} Sink;

static void
set_write_error (GError    **error,
                 const char *path,
                 int         errsv)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, DM_EXPORT_ERROR, DM_EXPORT_ERROR_WRITE,
               _("%s: cannot write: %s"), display, g_strerror (errsv));
}

static gboolean
sink_open (Sink       *sink,
           const char *path,
           GError    **error)
{
  sink->path = g_strdup (path);
  sink->tmp_path = g_strconcat (path, ".XXXXXX", NULL);
  sink->saved_errno = 0;
  /* 0666 so that the umask decides, as for any file the user saves */
  sink->fd = g_mkstemp_full (sink->tmp_path, O_RDWR | O_CLOEXEC, 0666);
  if (sink->fd < 0)
    {
      set_write_error (error, path, errno);
      g_clear_pointer (&sink->tmp_path, g_free);
      g_clear_pointer (&sink->path, g_free);
      return FALSE;
    }

  return TRUE;
}

static cairo_status_t
sink_write_cb (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  Sink *sink = closure;

  if (sink->saved_errno != 0)
    return CAIRO_STATUS_WRITE_ERROR;

  while (length > 0)
    {
      ssize_t n = write (sink->fd, data, length);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          sink->saved_errno = errno;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += n;
      length -= n;
    }

  return CAIRO_STATUS_SUCCESS;
}

/* Closes the sink; with @ok, renames the temporary file over the target,
 * else (or if that fails) removes it.  Reports the first error. */
static gboolean
sink_close (Sink            *sink,
            gboolean         ok,
            cairo_status_t   status,
            GError         **error)
{
  int errsv = sink->saved_errno;

  if (ok && errsv == 0 && status != CAIRO_STATUS_SUCCESS)
    errsv = status == CAIRO_STATUS_NO_MEMORY ? ENOMEM : EIO;
  /* a full disk may only show at fsync or close on network file systems */
  if (ok && errsv == 0 && fsync (sink->fd) != 0 && errno != EINVAL)
    errsv = errno;
  if (close (sink->fd) != 0 && ok && errsv == 0)
    errsv = errno;
  sink->fd = -1;
  if (ok && errsv == 0 && g_rename (sink->tmp_path, sink->path) != 0)
    errsv = errno;

  if (!ok || errsv != 0)
    {
      g_unlink (sink->tmp_path);
      if (errsv != 0)
        set_write_error (error, sink->path, errsv);
    }

  g_clear_pointer (&sink->tmp_path, g_free);
  g_clear_pointer (&sink->path, g_free);

  return ok && errsv == 0;
}

static void
make_viewport (DmViewport       *out,
               int               width,
               int               height,
               double            scale,
               DmAnalysis       *analysis,
               const DmViewport *viewport)
{
  if (viewport != NULL)
    dm_viewport_init (out, viewport->center_lat, viewport->center_lon, viewport->zoom,
                      width, height, scale);
  else
    {
      dm_relation_view_fit (out, analysis, width, height);
      out->scale = scale;
    }
}

cairo_surface_t *
dm_export_draw_image (int                          width,
                      int                          height,
                      double                       scale,
                      DmAnalysis                  *analysis,
                      const DmViewport            *viewport,
                      const DmRelationSelection   *selection,
                      const DmRelationViewOptions *options)
{
  DmViewport view;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (DM_IS_ANALYSIS (analysis), NULL);
  g_return_val_if_fail (dm_export_check_size (width, height, scale, NULL), NULL);

  make_viewport (&view, width, height, scale, analysis, viewport);

  /* RGB24: the map is opaque, and PNG then stores 3 bytes a pixel, not 4 */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                        (int) round (width * scale),
                                        (int) round (height * scale));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  dm_relation_view_draw (cr, &view, analysis, selection, options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

gboolean
dm_export_save_png (cairo_surface_t  *surface,
                    const char       *path,
                    GError          **error)
{
  Sink sink;
  cairo_status_t status;

  g_return_val_if_fail (surface != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!sink_open (&sink, path, error))
    return FALSE;

  status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, sink_write_cb, &sink);

  return sink_close (&sink, TRUE, status, error);
}

static gboolean
write_vector (const char                  *path,
              DmExportFormat               format,
              const DmViewport            *view,
              DmAnalysis                  *analysis,
              const DmRelationSelection   *selection,
              const DmRelationViewOptions *options,
              GError                     **error)
{
  Sink sink;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  if (!sink_open (&sink, path, error))
    return FALSE;

  if (format == DM_EXPORT_FORMAT_SVG)
    {
      surface = cairo_svg_surface_create_for_stream (sink_write_cb, &sink,
                                                     view->width, view->height);
#if CAIRO_VERSION >= CAIRO_VERSION_ENCODE (1, 16, 0)
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
#endif
    }
  else
    {
      surface = cairo_pdf_surface_create_for_stream (sink_write_cb, &sink,
                                                     view->width, view->height);
#if CAIRO_VERSION >= CAIRO_VERSION_ENCODE (1, 16, 0)
      {
        g_autofree char *title = dm_analysis_dup_title (analysis);

        if (title != NULL)
          {
            g_strdelimit (title, "\r\n", ' ');
            cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
          }
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                        PACKAGE_NAME " " PACKAGE_VERSION);
      }
#endif
    }

  cr = cairo_create (surface);
  dm_relation_view_draw (cr, view, analysis, selection, options);
  status = cairo_status (cr);
  cairo_destroy (cr);
  /* finishing flushes the document through the callback */
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return sink_close (&sink, TRUE, status, error);
}

gboolean
dm_export_write_full (const char                  *path,
                      DmExportFormat               format,
                      int                          width,
                      int                          height,
                      double                       scale,
                      DmAnalysis                  *analysis,
                      const DmViewport            *viewport,
                      const DmRelationSelection   *selection,
                      const DmRelationViewOptions *options,
                      GError                     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (DM_IS_ANALYSIS (analysis), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (dm_export_format_is_graph (format))
    {
      static const DmGraphFormat graph_formats[] = {
        [DM_EXPORT_FORMAT_GEXF] = DM_GRAPH_FORMAT_GEXF,
        [DM_EXPORT_FORMAT_GRAPHML] = DM_GRAPH_FORMAT_GRAPHML,
        [DM_EXPORT_FORMAT_CSV] = DM_GRAPH_FORMAT_CSV,
      };

      return dm_graph_write (path, graph_formats[format], analysis, error);
    }

  if (!dm_export_check_size (width, height, scale, error))
    return FALSE;

  if (format == DM_EXPORT_FORMAT_PNG)
    {
      cairo_surface_t *surface = dm_export_draw_image (width, height, scale, analysis,
                                                       viewport, selection, options);
      gboolean ok = dm_export_save_png (surface, path, error);

      cairo_surface_destroy (surface);
      return ok;
    }
  else
    {
      DmViewport view;

      make_viewport (&view, width, height, 1.0, analysis, viewport);
      return write_vector (path, format, &view, analysis, selection, options, error);
    }
}

gboolean
dm_export_write (const char                *path,
                 DmExportFormat             format,
                 int                        width,
                 int                        height,
                 double                     scale,
                 DmAnalysis                *analysis,
                 const DmViewport          *viewport,
                 const DmRelationSelection *selection,
                 GError                   **error)
{
  return dm_export_write_full (path, format, width, height, scale, analysis,
                               viewport, selection, NULL, error);
}
