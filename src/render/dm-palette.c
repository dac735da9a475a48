/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-palette.c: the basemap's light and dark colours, after the GNOME
 * (Adwaita) palette, and the table of actor colours laid over countries. */
#include "config.h"

#include "dm-palette.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }
#define RGBA(hex, a) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, (a) }

/* The map should recede behind the actors and links drawn over it: soft,
 * low-contrast land and sea, hairline borders, labels with halos. */
static const DmPalette light_palette = {
  .sea = RGB (0xaacbea),
  .land = RGB (0xf3f1ed),
  .land_dimmed = RGB (0xe6e4e0),
  .border = RGBA (0x8e8c88, 0.9),
  .coastline = RGB (0x8aaed3),
  .label = RGB (0x3d3846),
  .label_halo = RGBA (0xffffff, 0.85),
  .capital = RGB (0x241f31),
  .disputed_hatch = RGBA (0x77767b, 0.55),
  .disputed_outline = RGB (0x5e5c64),
  .tint_alpha = 0.35,
  .selected_alpha = 0.65,
  .border_width = 0.8,
  .selected_border_width = 2.0,
};

static const DmPalette dark_palette = {
  .sea = RGB (0x1c2733),
  .land = RGB (0x3a3a3e),
  .land_dimmed = RGB (0x303033),
  .border = RGBA (0x77767b, 0.9),
  .coastline = RGB (0x3f5875),
  .label = RGB (0xdeddda),
  .label_halo = RGBA (0x1e1e1e, 0.8),
  .capital = RGB (0xf6f5f4),
  .disputed_hatch = RGBA (0x9a9996, 0.5),
  .disputed_outline = RGB (0xc0bfbc),
  .tint_alpha = 0.35,
  .selected_alpha = 0.65,
  .border_width = 0.8,
  .selected_border_width = 2.0,
};

const DmPalette *
dm_palette_get_light (void)
{
  return &light_palette;
}

const DmPalette *
dm_palette_get_dark (void)
{
  return &dark_palette;
}

const DmPalette *
dm_palette_get (gboolean dark)
{
  return dark ? &dark_palette : &light_palette;
}

void
dm_rgba_from_rgb (guint32  rgb,
                  DmRgba  *out)
{
  out->red = (rgb >> 16 & 0xff) / 255.0;
  out->green = (rgb >> 8 & 0xff) / 255.0;
  out->blue = (rgb & 0xff) / 255.0;
  out->alpha = 1.0;
}

void
dm_rgba_blend (const DmRgba *base,
               guint32       top_rgb,
               double        alpha,
               DmRgba       *out)
{
  DmRgba top;

  dm_rgba_from_rgb (top_rgb, &top);
  out->red = base->red + (top.red - base->red) * alpha;
  out->green = base->green + (top.green - base->green) * alpha;
  out->blue = base->blue + (top.blue - base->blue) * alpha;
  out->alpha = 1.0;
}

struct _DmActorTint
{
  gatomicrefcount  ref_count;
  GHashTable      *colors;    /* iso → GUINT_TO_POINTER (rgb) */
  char            *selected;
};

DmActorTint *
dm_actor_tint_new (void)
{
  DmActorTint *self = g_new0 (DmActorTint, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return self;
}

DmActorTint *
dm_actor_tint_ref (DmActorTint *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
dm_actor_tint_unref (DmActorTint *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_hash_table_unref (self->colors);
      g_free (self->selected);
      g_free (self);
    }
}

void
dm_actor_tint_set_color (DmActorTint *self,
                         const char  *iso,
                         guint32      rgb)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (iso != NULL);

  g_hash_table_insert (self->colors, g_strdup (iso), GUINT_TO_POINTER (rgb & 0xffffff));
}

void
dm_actor_tint_remove (DmActorTint *self,
                      const char  *iso)
{
  g_return_if_fail (self != NULL);

  if (iso != NULL)
    g_hash_table_remove (self->colors, iso);
}

void
dm_actor_tint_clear (DmActorTint *self)
{
  g_return_if_fail (self != NULL);

  g_hash_table_remove_all (self->colors);
  g_clear_pointer (&self->selected, g_free);
}

gboolean
dm_actor_tint_lookup (const DmActorTint *self,
                      const char        *iso,
                      guint32           *rgb)
{
  gpointer value;

  g_return_val_if_fail (self != NULL, FALSE);

  if (iso == NULL || !g_hash_table_lookup_extended (self->colors, iso, NULL, &value))
    return FALSE;
  if (rgb != NULL)
    *rgb = GPOINTER_TO_UINT (value);

  return TRUE;
}

guint
dm_actor_tint_get_n_colors (const DmActorTint *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return g_hash_table_size (self->colors);
}

void
dm_actor_tint_set_selected (DmActorTint *self,
                            const char  *iso)
{
  g_return_if_fail (self != NULL);

  g_free (self->selected);
  self->selected = g_strdup (iso);
}

const char *
dm_actor_tint_get_selected (const DmActorTint *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->selected;
}
