/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-language-data.c: reads data/ru/actors-ru.json and declines it.
 *
 * The file names the actors of actors.json by code, so that it adds names
 * to the actors and never makes new ones; each alias gives a declension
 * class per word, and dm-ru-declension.c makes its case forms.  The
 * built-in data is checked by the tests, so a malformed entry is an error
 * for the whole file rather than something to skip quietly.
 */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "dm-core-resources.h"
#include "dm-language-data.h"
#include "dm-ru-declension.h"

const char *const dm_language_alias_resources[] = {
  "/io/github/diplomap/Diplomap/core/ru/actors-ru.json",
  NULL
};

static const char *const group_names[DM_N_ALIAS_GROUPS] = {
  [DM_ALIAS_NAME] = "names",
  [DM_ALIAS_DEMONYM] = "demonyms",
  [DM_ALIAS_CAPITAL] = "capitals",
  [DM_ALIAS_INSTITUTION] = "institutions",
  [DM_ALIAS_OFFICE_HOLDER] = "office_holders",
};

static void
language_alias_clear (gpointer data)
{
  DmLanguageAlias *alias = data;

  g_free (alias->code);
  g_free (alias->text);
}

GArray *
dm_language_aliases_new (void)
{
  GArray *array = g_array_new (FALSE, TRUE, sizeof (DmLanguageAlias));

  g_array_set_clear_func (array, language_alias_clear);
  return array;
}

/* Written in capitals only ("США", "ОДКБ"): an abbreviation, byte for byte. */
static DmCaseRule
case_rule_of (const char *text)
{
  gboolean upper = FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_islower (c))
        return DM_CASE_NAME;
      upper |= g_unichar_isupper (c);
    }
  return upper ? DM_CASE_EXACT : DM_CASE_NAME;
}

/* [text, classes] or [text, classes, "pl"], or {"forms": [...]}: the
 * forms of one entry, with their cases. */
static gboolean
expand_entry (JsonNode   *node,
              const char *where,
              GArray     *forms,
              GError    **error)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint n = json_array_get_length (array);
      const char *text = n >= 2 ? json_array_get_string_element (array, 0) : NULL;
      const char *classes = n >= 2 ? json_array_get_string_element (array, 1) : NULL;
      gboolean plural = n >= 3 && g_strcmp0 (json_array_get_string_element (array, 2), "pl") == 0;

      if (text != NULL && classes != NULL && dm_ru_decline (text, classes, plural, forms))
        return TRUE;
    }
  else if (JSON_NODE_HOLDS_OBJECT (node)
           && json_object_has_member (json_node_get_object (node), "forms"))
    {
      JsonArray *array = json_object_get_array_member (json_node_get_object (node), "forms");

      for (guint i = 0; array && i < json_array_get_length (array); i++)
        {
          const char *text = json_array_get_string_element (array, i);
          const char *space = strrchr (text, ' ');
          const char *last = space ? space + 1 : text;
          DmRuForm form = { g_strdup (text), dm_ru_guess_cases (last, strlen (last)) };

          g_array_append_val (forms, form);
        }
      if (array)
        return TRUE;
    }
  g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
               "%s: not a [text, classes] pair with known classes", where);
  return FALSE;
}

static gboolean
load_state_nouns (JsonObject *root,
                  const char *path,
                  GPtrArray  *state_nouns,
                  GError    **error)
{
  JsonArray *nouns;

  if (!json_object_has_member (root, "state_nouns"))
    return TRUE;
  nouns = json_object_get_array_member (root, "state_nouns");
  for (guint i = 0; nouns && i < json_array_get_length (nouns); i++)
    {
      g_autoptr (GArray) forms = dm_ru_forms_new ();
      g_autofree char *where = g_strdup_printf ("%s: state_nouns[%u]", path, i);

      if (!expand_entry (json_array_get_element (nouns, i), where, forms, error))
        return FALSE;
      dm_ru_add_variants (forms, FALSE);
      for (guint k = 0; k < forms->len; k++)
        g_ptr_array_add (state_nouns, g_utf8_strdown (g_array_index (forms, DmRuForm, k).text, -1));
    }
  return TRUE;
}

gboolean
dm_language_aliases_load (const char *path,
                          GArray     *aliases,
                          GPtrArray  *state_nouns,
                          GError    **error)
{
  g_autoptr (GBytes) bytes = g_resource_lookup_data (dm_core_get_resource (), path,
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GList) codes = NULL;
  JsonObject *root, *actors;
  gsize size = 0;
  const char *data;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  if (!json_parser_load_from_data (parser, data, (gssize) size, error))
    return FALSE;
  root = JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))
         ? json_node_get_object (json_parser_get_root (parser)) : NULL;
  actors = root && json_object_has_member (root, "actors") ? json_object_get_object_member (root, "actors") : NULL;
  if (actors == NULL)
    {
      g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                   "%s: expected an object with \"actors\"", path);
      return FALSE;
    }
  if (!load_state_nouns (root, path, state_nouns, error))
    return FALSE;

  codes = json_object_get_members (actors);
  for (GList *l = codes; l; l = l->next)
    {
      JsonObject *groups = json_object_get_object_member (actors, l->data);

      for (guint g = 0; groups && g < DM_N_ALIAS_GROUPS; g++)
        {
          JsonArray *entries = json_object_has_member (groups, group_names[g])
                               ? json_object_get_array_member (groups, group_names[g]) : NULL;

          for (guint i = 0; entries && i < json_array_get_length (entries); i++)
            {
              g_autoptr (GArray) forms = dm_ru_forms_new ();
              g_autofree char *where = g_strdup_printf ("%s: %s.%s[%u]", path, (char *) l->data,
                                                        group_names[g], i);

              if (!expand_entry (json_array_get_element (entries, i), where, forms, error))
                return FALSE;
              /* A demonym starts a sentence capitalized ("Армянская
               * сторона"); names are written capitalized already. */
              dm_ru_add_variants (forms, g == DM_ALIAS_DEMONYM);
              for (guint k = 0; k < forms->len; k++)
                {
                  const DmRuForm *f = &g_array_index (forms, DmRuForm, k);
                  DmLanguageAlias alias = { g_strdup (l->data), g_strdup (f->text), g,
                                            case_rule_of (f->text), f->cases };

                  g_array_append_val (aliases, alias);
                }
            }
        }
    }
  return TRUE;
}
