/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-swatch.c: a colour dot or a short line sample, drawn with GtkSnapshot
 * so that it needs no CSS provider per colour. */
#include "config.h"

#include "dm-swatch.h"

#define DOT_SIZE 12
#define LINE_WIDTH 22

struct _DmSwatch
{
  GtkWidget parent_instance;

  GdkRGBA   color;
  gboolean  line;
  gboolean  dashed;
};

G_DEFINE_FINAL_TYPE (DmSwatch, dm_swatch, GTK_TYPE_WIDGET)

static void
dm_swatch_measure (GtkWidget      *widget,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  DmSwatch *self = DM_SWATCH (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = self->line ? LINE_WIDTH : DOT_SIZE;
  else
    *minimum = *natural = DOT_SIZE;
}

static void
dm_swatch_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  DmSwatch *self = DM_SWATCH (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (self->line)
    {
      float y = height / 2.0f - 1.5f;

      if (self->dashed)
        for (float x = 0; x < width; x += 8)
          gtk_snapshot_append_color (snapshot, &self->color,
                                     &GRAPHENE_RECT_INIT (x, y, MIN (5, width - x), 3));
      else
        gtk_snapshot_append_color (snapshot, &self->color,
                                   &GRAPHENE_RECT_INIT (0, y, width, 3));
    }
  else
    {
      float size = MIN (width, height);
      GskRoundedRect dot;
      /* Grey reads on light and dark rows alike. */
      GdkRGBA border = { 0.5f, 0.5f, 0.5f, 0.6f };
      float widths[4] = { 1, 1, 1, 1 };
      GdkRGBA borders[4] = { border, border, border, border };

      gsk_rounded_rect_init_from_rect (&dot,
                                       &GRAPHENE_RECT_INIT ((width - size) / 2, (height - size) / 2,
                                                            size, size),
                                       size / 2);
      gtk_snapshot_push_rounded_clip (snapshot, &dot);
      gtk_snapshot_append_color (snapshot, &self->color, &dot.bounds);
      gtk_snapshot_pop (snapshot);
      gtk_snapshot_append_border (snapshot, &dot, widths, borders);
    }
}

static void
dm_swatch_class_init (DmSwatchClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = dm_swatch_measure;
  widget_class->snapshot = dm_swatch_snapshot;
  gtk_widget_class_set_css_name (widget_class, "swatch");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
dm_swatch_init (DmSwatch *self)
{
  self->color = (GdkRGBA) { 0.5f, 0.5f, 0.5f, 1.0f };
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

GtkWidget *
dm_swatch_new (void)
{
  return g_object_new (DM_TYPE_SWATCH, NULL);
}

void
dm_swatch_set_color (DmSwatch *self,
                     guint32   rgb)
{
  g_return_if_fail (DM_IS_SWATCH (self));

  self->color = (GdkRGBA) {
    ((rgb >> 16) & 0xff) / 255.0f, ((rgb >> 8) & 0xff) / 255.0f, (rgb & 0xff) / 255.0f, 1.0f
  };
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
dm_swatch_set_line (DmSwatch *self,
                    gboolean  line,
                    gboolean  dashed)
{
  g_return_if_fail (DM_IS_SWATCH (self));

  self->line = !!line;
  self->dashed = !!dashed;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
