/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-link-kind.c: the one table that says, for every kind of link, its name,
 * its quad class (verbal/material × cooperation/conflict) and whether it has
 * a direction.  The extractor, the writers and the legend all read it. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "dm-link-kind.h"

typedef struct {
  const char *id;
  const char *label;
  DmQuad      quad;
  gboolean    directed;
} KindInfo;

/* Quad classes follow the CAMEO/PLOVER convention: statements are verbal,
 * deeds are material. */
static const KindInfo kinds[DM_N_LINK_KINDS] = {
  [DM_LINK_CONSULT]   = { "consult",   N_("Consultation"),  DM_QUAD_VERBAL_COOPERATION,   FALSE },
  [DM_LINK_APPEAL]    = { "appeal",    N_("Appeal"),        DM_QUAD_VERBAL_COOPERATION,   TRUE },
  [DM_LINK_NEGOTIATE] = { "negotiate", N_("Negotiation"),   DM_QUAD_VERBAL_COOPERATION,   FALSE },
  [DM_LINK_COOPERATE] = { "cooperate", N_("Cooperation"),   DM_QUAD_MATERIAL_COOPERATION, TRUE },
  [DM_LINK_AID]       = { "aid",       N_("Aid"),           DM_QUAD_MATERIAL_COOPERATION, TRUE },
  [DM_LINK_ACCUSE]    = { "accuse",    N_("Accusation"),    DM_QUAD_VERBAL_CONFLICT,      TRUE },
  [DM_LINK_WARN]      = { "warn",      N_("Warning"),       DM_QUAD_VERBAL_CONFLICT,      TRUE },
  [DM_LINK_TENSION]   = { "tension",   N_("Tension"),       DM_QUAD_VERBAL_CONFLICT,      FALSE },
  [DM_LINK_FIGHT]     = { "fight",     N_("Fighting"),      DM_QUAD_MATERIAL_CONFLICT,    FALSE },
  [DM_LINK_SEIZE]     = { "seize",     N_("Seizure"),       DM_QUAD_MATERIAL_CONFLICT,    TRUE },
  [DM_LINK_MEDIATE]   = { "mediate",   N_("Mediation"),     DM_QUAD_VERBAL_COOPERATION,   TRUE },
};

static const struct {
  const char *id;
  const char *label;
} quads[DM_N_QUADS] = {
  [DM_QUAD_VERBAL_COOPERATION]   = { "verbal-cooperation",   N_("Verbal cooperation") },
  [DM_QUAD_MATERIAL_COOPERATION] = { "material-cooperation", N_("Material cooperation") },
  [DM_QUAD_VERBAL_CONFLICT]      = { "verbal-conflict",      N_("Verbal conflict") },
  [DM_QUAD_MATERIAL_CONFLICT]    = { "material-conflict",    N_("Material conflict") },
};

const char *
dm_link_kind_to_string (DmLinkKind kind)
{
  g_return_val_if_fail (kind < DM_N_LINK_KINDS, NULL);
  return kinds[kind].id;
}

const char *
dm_link_kind_get_label (DmLinkKind kind)
{
  g_return_val_if_fail (kind < DM_N_LINK_KINDS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, kinds[kind].label);
}

gboolean
dm_link_kind_from_string (const char *id,
                          DmLinkKind *out_kind)
{
  for (guint i = 0; i < DM_N_LINK_KINDS; i++)
    if (g_strcmp0 (id, kinds[i].id) == 0)
      {
        *out_kind = i;
        return TRUE;
      }
  return FALSE;
}

DmQuad
dm_link_kind_get_quad (DmLinkKind kind)
{
  g_return_val_if_fail (kind < DM_N_LINK_KINDS, DM_QUAD_VERBAL_COOPERATION);
  return kinds[kind].quad;
}

gboolean
dm_link_kind_is_directed (DmLinkKind kind)
{
  g_return_val_if_fail (kind < DM_N_LINK_KINDS, FALSE);
  return kinds[kind].directed;
}

const char *
dm_quad_to_string (DmQuad quad)
{
  g_return_val_if_fail (quad < DM_N_QUADS, NULL);
  return quads[quad].id;
}

const char *
dm_quad_get_label (DmQuad quad)
{
  g_return_val_if_fail (quad < DM_N_QUADS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, quads[quad].label);
}
