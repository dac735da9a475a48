/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-link-kind.h: the kinds of diplomatic links and their quad classes.
 * This table is the one place where a kind's class and symmetry are stated. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  DM_LINK_CONSULT,
  DM_LINK_APPEAL,
  DM_LINK_NEGOTIATE,
  DM_LINK_COOPERATE,
  DM_LINK_AID,
  DM_LINK_ACCUSE,
  DM_LINK_WARN,
  DM_LINK_TENSION,
  DM_LINK_FIGHT,
  DM_LINK_SEIZE,
  DM_LINK_MEDIATE,
  DM_N_LINK_KINDS,
} DmLinkKind;

typedef enum {
  DM_QUAD_VERBAL_COOPERATION,
  DM_QUAD_MATERIAL_COOPERATION,
  DM_QUAD_VERBAL_CONFLICT,
  DM_QUAD_MATERIAL_CONFLICT,
  DM_N_QUADS,
} DmQuad;

const char *dm_link_kind_to_string (DmLinkKind kind);      /* "consult" */
const char *dm_link_kind_get_label (DmLinkKind kind);      /* translated "Consultation" */
gboolean    dm_link_kind_from_string (const char *id, DmLinkKind *out_kind);
DmQuad      dm_link_kind_get_quad (DmLinkKind kind);
gboolean    dm_link_kind_is_directed (DmLinkKind kind);

const char *dm_quad_to_string (DmQuad quad);               /* "verbal-cooperation" */
const char *dm_quad_get_label (DmQuad quad);               /* translated */

G_END_DECLS
