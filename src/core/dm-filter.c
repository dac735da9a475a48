/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-filter.c: a date range and a set of kinds, applied to an analysis.
 *
 * Days are "YYYY-MM-DD" strings, so a range test is two string comparisons.
 * The filter decides which documents and kinds stay; the analysis makes the
 * subset (dm_analysis_new_subset()), as only it knows its own records.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dm-filter.h"

G_DEFINE_QUARK (dm-filter-error-quark, dm_filter_error)

static gboolean
set_bound (char        out[DM_DATE_SIZE],
           const char *date,
           gboolean    end,
           GError    **error)
{
  if (!dm_date_parse_bound (date, end, out))
    {
      g_set_error (error, DM_FILTER_ERROR, DM_FILTER_ERROR_BAD_DATE,
                   /* Translators: a date as the user gave it; keep YYYY-MM-DD etc. as
                    * they are, they are the format to type */
                   _("“%s” is not a date: write it YYYY-MM-DD, YYYY-MM or YYYY"), date);
      return FALSE;
    }
  return TRUE;
}

gboolean
dm_filter_set_since (DmFilter   *self,
                     const char *date,
                     GError    **error)
{
  g_return_val_if_fail (self != NULL && date != NULL, FALSE);
  return set_bound (self->since, date, FALSE, error);
}

gboolean
dm_filter_set_until (DmFilter   *self,
                     const char *date,
                     GError    **error)
{
  g_return_val_if_fail (self != NULL && date != NULL, FALSE);
  return set_bound (self->until, date, TRUE, error);
}

static char *
list_kinds (void)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint k = 0; k < DM_N_LINK_KINDS; k++)
    g_string_append_printf (names, "%s%s", k > 0 ? ", " : "", dm_link_kind_to_string (k));
  return g_string_free (g_steal_pointer (&names), FALSE);
}

gboolean
dm_filter_set_kinds (DmFilter   *self,
                     const char *list,
                     GError    **error)
{
  g_auto(GStrv) names = NULL;
  guint kinds = 0;

  g_return_val_if_fail (self != NULL && list != NULL, FALSE);

  names = g_strsplit (list, ",", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      DmLinkKind kind;
      char *name = g_strstrip (names[i]);

      if (!dm_link_kind_from_string (name, &kind))
        {
          g_autofree char *known = list_kinds ();

          if (*name == '\0')
            g_set_error (error, DM_FILTER_ERROR, DM_FILTER_ERROR_UNKNOWN_KIND,
                         _("An empty link kind in “%s”: use a comma-separated list of %s"),
                         list, known);
          else
            g_set_error (error, DM_FILTER_ERROR, DM_FILTER_ERROR_UNKNOWN_KIND,
                         _("Unknown link kind “%s”: use %s"), name, known);
          return FALSE;
        }
      kinds |= 1u << kind;
    }

  self->kinds = kinds;
  return TRUE;
}

gboolean
dm_filter_check (const DmFilter *self,
                 GError        **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->since[0] != '\0' && self->until[0] != '\0' && strcmp (self->since, self->until) > 0)
    {
      g_set_error (error, DM_FILTER_ERROR, DM_FILTER_ERROR_EMPTY_RANGE,
                   _("The range ends (%s) before it starts (%s)"), self->until, self->since);
      return FALSE;
    }
  return TRUE;
}

gboolean
dm_filter_has_range (const DmFilter *self)
{
  return self->since[0] != '\0' || self->until[0] != '\0';
}

gboolean
dm_filter_is_active (const DmFilter *self)
{
  return dm_filter_has_range (self) || self->kinds != 0;
}

gboolean
dm_filter_keeps_day (const DmFilter *self,
                     const char     *day)
{
  if (!dm_filter_has_range (self))
    return TRUE;
  if (day == NULL)
    return FALSE;
  return (self->since[0] == '\0' || strcmp (day, self->since) >= 0)
         && (self->until[0] == '\0' || strcmp (day, self->until) <= 0);
}

gboolean
dm_filter_keeps_kind (const DmFilter *self,
                      DmLinkKind      kind)
{
  return self->kinds == 0 || (self->kinds & (1u << kind)) != 0;
}

DmAnalysis *
dm_filter_apply (const DmFilter *self,
                 DmAnalysis     *analysis)
{
  guint n;
  g_autofree gboolean *keep = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (DM_IS_ANALYSIS (analysis), NULL);

  if (!dm_filter_is_active (self))
    return g_object_ref (analysis);

  n = dm_analysis_get_n_documents (analysis);
  if (dm_filter_has_range (self))
    {
      keep = g_new (gboolean, MAX (n, 1));
      for (guint doc = 0; doc < n; doc++)
        keep[doc] = dm_filter_keeps_day (self, dm_document_get_date (dm_analysis_get_document (analysis, doc)));
    }

  return dm_analysis_new_subset (analysis, keep, self->kinds);
}
