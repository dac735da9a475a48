/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-legend.c: the link style (colour per quad class, dashes for words,
 * solid lines for deeds) and the legend box of the relationship view: one
 * row per quad class present, with a sample of its line and the kinds of
 * the analysis that fall in it, then a note on arrows and widths. */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "dm-legend.h"

/* Four hues far apart even for the common colour-vision deficiencies
 * (blue/orange carry the cooperation/conflict contrast), taken from the
 * GNOME palette; the dark variants are lighter to keep the contrast. */
static const guint32 quad_colors[DM_N_QUADS][2] = {
  [DM_QUAD_VERBAL_COOPERATION] = { 0x1c71d8, 0x62a0ea },
  [DM_QUAD_MATERIAL_COOPERATION] = { 0x26a269, 0x57e389 },
  [DM_QUAD_VERBAL_CONFLICT] = { 0xe66100, 0xffa348 },
  [DM_QUAD_MATERIAL_CONFLICT] = { 0xc01c28, 0xf66151 },
};

#define PADDING 12.0
#define SAMPLE_WIDTH 34.0
#define SAMPLE_GAP 10.0
#define ROW_GAP 5.0
#define TEXT_SIZE 12.5
#define TITLE_SIZE 13.0
#define NOTE_SIZE 11.0

void
dm_legend_get_quad_color (DmQuad    quad,
                          gboolean  dark,
                          DmRgba   *out)
{
  g_return_if_fail (quad < DM_N_QUADS);

  dm_rgba_from_rgb (quad_colors[quad][dark ? 1 : 0], out);
}

gboolean
dm_legend_quad_is_dashed (DmQuad quad)
{
  return quad == DM_QUAD_VERBAL_COOPERATION || quad == DM_QUAD_VERBAL_CONFLICT;
}

/* Dashes grow with the line so that a heavy link does not look dotted. */
static void
get_dashes (double  width,
            double *on,
            double *off)
{
  *on = 6.0 + 2.0 * width;
  *off = 3.0 + 1.2 * width;
}

double
dm_legend_get_dash_period (DmQuad quad,
                           double width)
{
  double on, off;

  if (!dm_legend_quad_is_dashed (quad))
    return 0;
  get_dashes (width, &on, &off);

  return on + off;
}

void
dm_legend_set_dash (cairo_t *cr,
                    DmQuad   quad,
                    double   width,
                    double   offset)
{
  double dashes[2];

  if (!dm_legend_quad_is_dashed (quad))
    {
      cairo_set_dash (cr, NULL, 0, 0);
      return;
    }
  get_dashes (width, &dashes[0], &dashes[1]);
  cairo_set_dash (cr, dashes, 2, offset);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const DmLegendEntry *ea = a, *eb = b;

  if (ea->quad != eb->quad)
    return (int) ea->quad - (int) eb->quad;
  return (int) ea->kind - (int) eb->kind;
}

GArray *
dm_legend_collect_entries (DmAnalysis *analysis)
{
  guint counts[DM_N_LINK_KINDS] = { 0 };
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (DmLegendEntry));

  for (guint i = 0; i < dm_analysis_get_n_links (analysis); i++)
    {
      const DmLink *link = dm_analysis_get_link (analysis, i);

      if (link->kind < DM_N_LINK_KINDS)
        counts[link->kind]++;
    }

  for (guint k = 0; k < DM_N_LINK_KINDS; k++)
    if (counts[k] > 0)
      {
        DmLegendEntry entry = { k, dm_link_kind_get_quad (k), counts[k] };

        g_array_append_val (entries, entry);
      }
  g_array_sort (entries, compare_entries);

  return entries;
}

PangoContext *
dm_render_create_pango_context (void)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *font_options = cairo_font_options_create ();

  /* Unhinted metrics: text takes the same room at every scale, so a 2x
   * PNG is the 1x one enlarged, and the hit test matches both. */
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, font_options);
  pango_cairo_context_set_resolution (context, 96.0);
  cairo_font_options_destroy (font_options);

  return context;
}

PangoLayout *
dm_render_create_text (PangoContext *context,
                       const char   *text,
                       double        size,
                       PangoWeight   weight)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string (DM_RENDER_FONT);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (font);

  return layout;
}

const char *
dm_legend_entry_get_label (const DmLegendEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);

  return dm_link_kind_get_label (entry->kind);
}

const char *
dm_legend_entry_get_quad_label (const DmLegendEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);

  return dm_quad_get_label (entry->quad);
}

/* One row per quad class: its label in bold, then its kinds. */
static GPtrArray *
make_rows (PangoContext *context,
           GArray       *entries)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < entries->len;)
    {
      const DmLegendEntry *first = &g_array_index (entries, DmLegendEntry, i);
      g_autoptr(GString) kinds = g_string_new (NULL);
      g_autofree char *markup = NULL;
      PangoLayout *layout;
      guint j;

      for (j = i; j < entries->len; j++)
        {
          const DmLegendEntry *entry = &g_array_index (entries, DmLegendEntry, j);

          if (entry->quad != first->quad)
            break;
          if (j > i)
            g_string_append (kinds, " · ");
          g_string_append (kinds, dm_legend_entry_get_label (entry));
        }

      markup = g_markup_printf_escaped ("<b>%s</b>   %s",
                                        dm_legend_entry_get_quad_label (first), kinds->str);
      layout = dm_render_create_text (context, "", TEXT_SIZE, PANGO_WEIGHT_NORMAL);
      pango_layout_set_markup (layout, markup, -1);
      g_ptr_array_add (rows, layout);
      i = j;
    }

  return rows;
}

static PangoLayout *
make_title (PangoContext *context)
{
  /* TRANSLATORS: heading of the legend box of the map */
  return dm_render_create_text (context, _("Links"), TITLE_SIZE, PANGO_WEIGHT_BOLD);
}

static PangoLayout *
make_note (PangoContext *context)
{
  return dm_render_create_text (context,
                                /* TRANSLATORS: the legend's note on how links are drawn */
                                _("Arrow: who acts on whom · Width: number of sentences"),
                                NOTE_SIZE, PANGO_WEIGHT_NORMAL);
}

static double
row_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);

  return MAX (h, 14);
}

void
dm_legend_measure (PangoContext *context,
                   GArray       *entries,
                   double       *width,
                   double       *height)
{
  g_autoptr(GPtrArray) rows = make_rows (context, entries);
  g_autoptr(PangoLayout) title = make_title (context);
  g_autoptr(PangoLayout) note = make_note (context);
  int w, h;
  double max_w, total_h;

  pango_layout_get_pixel_size (title, &w, &h);
  max_w = w;
  total_h = PADDING + h + ROW_GAP + 2;

  for (guint i = 0; i < rows->len; i++)
    {
      pango_layout_get_pixel_size (g_ptr_array_index (rows, i), &w, &h);
      max_w = MAX (max_w, SAMPLE_WIDTH + SAMPLE_GAP + w);
      total_h += row_height (g_ptr_array_index (rows, i)) + ROW_GAP;
    }

  pango_layout_get_pixel_size (note, &w, &h);
  max_w = MAX (max_w, w);
  total_h += 3 + h + PADDING;

  *width = ceil (max_w + 2 * PADDING);
  *height = ceil (total_h);
}

static void
set_source (cairo_t      *cr,
            const DmRgba *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

void
dm_legend_draw (cairo_t      *cr,
                PangoContext *context,
                GArray       *entries,
                double        x,
                double        y,
                gboolean      dark)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) note = NULL;
  const DmRgba panel = dark ? (DmRgba) { 0.14, 0.14, 0.16, 0.92 } : (DmRgba) { 1, 1, 1, 0.92 };
  const DmRgba edge = dark ? (DmRgba) { 1, 1, 1, 0.14 } : (DmRgba) { 0, 0, 0, 0.16 };
  const DmRgba text = dark ? (DmRgba) { 0.93, 0.93, 0.92, 1 } : (DmRgba) { 0.14, 0.12, 0.19, 1 };
  const DmRgba muted = dark ? (DmRgba) { 0.75, 0.75, 0.74, 1 } : (DmRgba) { 0.37, 0.36, 0.39, 1 };
  double width, height, cy;
  int w, h;
  guint row = 0;

  if (entries == NULL || entries->len == 0)
    return;

  rows = make_rows (context, entries);
  title = make_title (context);
  note = make_note (context);
  dm_legend_measure (context, entries, &width, &height);

  cairo_save (cr);

  /* a soft shadow lifts the box off the map */
  rounded_rect (cr, x + 1, y + 2, width, height, 8);
  cairo_set_source_rgba (cr, 0, 0, 0, dark ? 0.35 : 0.10);
  cairo_fill (cr);
  rounded_rect (cr, x + 0.5, y + 0.5, width - 1, height - 1, 8);
  set_source (cr, &panel);
  cairo_fill_preserve (cr);
  set_source (cr, &edge);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  pango_layout_get_pixel_size (title, &w, &h);
  cairo_move_to (cr, x + PADDING, y + PADDING);
  set_source (cr, &text);
  pango_cairo_show_layout (cr, title);
  cy = y + PADDING + h + ROW_GAP + 2;

  for (guint i = 0; i < entries->len; i++)
    {
      const DmLegendEntry *entry = &g_array_index (entries, DmLegendEntry, i);
      PangoLayout *layout;
      double rh, mid, lw = 3.0;
      DmRgba color;

      if (i > 0 && entry->quad == g_array_index (entries, DmLegendEntry, i - 1).quad)
        continue;

      layout = g_ptr_array_index (rows, row++);
      rh = row_height (layout);
      mid = round (cy + rh / 2) + 0.5;

      dm_legend_get_quad_color (entry->quad, dark, &color);
      set_source (cr, &color);
      cairo_set_line_width (cr, lw);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      dm_legend_set_dash (cr, entry->quad, lw, 0);
      cairo_move_to (cr, x + PADDING, mid);
      cairo_line_to (cr, x + PADDING + SAMPLE_WIDTH, mid);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      pango_layout_get_pixel_size (layout, &w, &h);
      cairo_move_to (cr, x + PADDING + SAMPLE_WIDTH + SAMPLE_GAP, cy + (rh - h) / 2);
      set_source (cr, &text);
      pango_cairo_show_layout (cr, layout);
      cy += rh + ROW_GAP;
    }

  cairo_move_to (cr, x + PADDING, cy + 3);
  set_source (cr, &muted);
  pango_cairo_show_layout (cr, note);

  cairo_restore (cr);
}
