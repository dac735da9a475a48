/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-palette.h: the colours of the basemap, light and dark, and the actor
 * tints laid over it.
 *
 * A palette is constant data the drawing code reads; the tint is the only
 * thing that changes with the document: which countries carry an actor's
 * colour, and which actor is selected.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  double red, green, blue, alpha;   /* 0..1, not premultiplied */
} DmRgba;

typedef struct {
  DmRgba sea;
  DmRgba land;
  DmRgba land_dimmed;       /* land of countries outside the story */
  DmRgba border;            /* land borders between countries */
  DmRgba coastline;
  DmRgba label;             /* country names */
  DmRgba label_halo;
  DmRgba capital;           /* capital dots and names */
  DmRgba disputed_hatch;
  DmRgba disputed_outline;
  double tint_alpha;        /* actor colour over land, e.g. 0.35 */
  double selected_alpha;    /* actor colour over land when selected */
  double border_width;      /* logical pixels */
  double selected_border_width;
} DmPalette;

const DmPalette *dm_palette_get_light (void);
const DmPalette *dm_palette_get_dark  (void);
const DmPalette *dm_palette_get       (gboolean dark);

/* 0xRRGGBB → opaque colour. */
void  dm_rgba_from_rgb     (guint32       rgb,
                            DmRgba       *out);

/* @top with @alpha composited over opaque @base (what the basemap draws). */
void  dm_rgba_blend        (const DmRgba *base,
                            guint32       top_rgb,
                            double        alpha,
                            DmRgba       *out);

/* DmActorTint: ISO alpha-3 → actor colour, plus the selected country.
 * Reference counted; not thread-safe to modify while a draw reads it. */
typedef struct _DmActorTint DmActorTint;

DmActorTint *dm_actor_tint_new          (void);
DmActorTint *dm_actor_tint_ref          (DmActorTint *self);
void         dm_actor_tint_unref        (DmActorTint *self);

void         dm_actor_tint_set_color    (DmActorTint *self,
                                         const char  *iso,
                                         guint32      rgb);
void         dm_actor_tint_remove       (DmActorTint *self,
                                         const char  *iso);
void         dm_actor_tint_clear        (DmActorTint *self);
/* TRUE and *rgb set if @iso has a colour. */
gboolean     dm_actor_tint_lookup       (const DmActorTint *self,
                                         const char        *iso,
                                         guint32           *rgb);
guint        dm_actor_tint_get_n_colors (const DmActorTint *self);

/* @iso may be NULL (no selection).  A selected country without a colour is
 * emphasized with the palette's outline only. */
void         dm_actor_tint_set_selected (DmActorTint *self,
                                         const char  *iso);
const char  *dm_actor_tint_get_selected (const DmActorTint *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmActorTint, dm_actor_tint_unref)

G_END_DECLS
