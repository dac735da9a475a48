/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-export.c: times a PNG export of the sample article, the drawing
 * and the PNG encoding apart, in one process.
 *
 *   bench-export [--runs N] [--size WxH] [--scale S] ARTICLE OUT.png
 *
 * Prints one line per run, then the medians.  The first run also pays for
 * loading the country polygons; it is shown but left out of the medians
 * unless --runs is 1. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "dm-core.h"
#include "dm-countries.h"
#include "dm-export.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        int     n)
{
  qsort (values, n, sizeof (double), compare_doubles);

  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

int
main (int    argc,
      char **argv)
{
  int runs = 7, width = 3840, height = 2160;
  double scale = 1.0;
  g_autofree char *size = NULL;
  const GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Number of runs (default 7)", "N" },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size, "Logical size (default 3840x2160)", "WxH" },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale, "Scale (default 1)", "S" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("ARTICLE OUT.png");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(DmGazetteer) gazetteer = NULL;
  g_autoptr(DmLexicon) lexicon = NULL;
  g_autoptr(DmAnalysis) analysis = NULL;
  g_autofree double *draw = NULL;
  g_autofree double *encode = NULL;
  g_autofree double *total = NULL;
  int n = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 3 || runs < 1)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "usage: bench-export ARTICLE OUT.png");
      return 2;
    }
  if (size != NULL && sscanf (size, "%dx%d", &width, &height) != 2)
    {
      g_printerr ("bad --size\n");
      return 2;
    }

  documents = dm_load_documents_from_path (argv[1], &error);
  if (documents == NULL ||
      (gazetteer = dm_gazetteer_new_default (&error)) == NULL ||
      (lexicon = dm_lexicon_new_default (&error)) == NULL ||
      (analysis = dm_analysis_new (gazetteer, lexicon, documents, NULL, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  draw = g_new (double, runs);
  encode = g_new (double, runs);
  total = g_new (double, runs);

  g_print ("%dx%d px (%dx%d at scale %g), %d runs\n",
           (int) (width * scale), (int) (height * scale), width, height, scale, runs);
  for (int i = 0; i < runs; i++)
    {
      gint64 t0 = g_get_monotonic_time (), t1, t2;
      cairo_surface_t *surface;
      double d, e;

      surface = dm_export_draw_image (width, height, scale, analysis, NULL, NULL, NULL);
      t1 = g_get_monotonic_time ();
      if (!dm_export_save_png (surface, argv[2], &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      t2 = g_get_monotonic_time ();
      cairo_surface_destroy (surface);

      d = (t1 - t0) / 1e6;
      e = (t2 - t1) / 1e6;
      g_print ("run %d: draw %.3f s, encode %.3f s, total %.3f s%s\n",
               i + 1, d, e, d + e, i == 0 ? " (cold: loads the polygons)" : "");
      if (i == 0 && runs > 1)
        continue;
      draw[n] = d;
      encode[n] = e;
      total[n] = d + e;
      n++;
    }

  {
    double md = median (draw, n), me = median (encode, n), mt = median (total, n);

    g_print ("median of %d warm runs: total %.3f s, draw %.3f s, PNG encoding %.3f s (%.0f%% of total)\n",
             n, mt, md, me, 100 * me / mt);
  }

  return 0;
}
