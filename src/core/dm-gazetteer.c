/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

/* dm-gazetteer.c: loads, validates and merges actors.json files.
 *
 * A file is parsed and checked completely into a DmGazetteerFile before the
 * gazetteer is touched, so that a merge either applies a whole file or
 * nothing.  Aliases live in one flat array that the matcher compiles;
 * actors keep their index for the life of the gazetteer, so an override
 * replaces an actor in place and only the alias array is rebuilt.
 */

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "dm-gazetteer.h"
#include "dm-core-resources.h"
#include "dm-json-depth-private.h"
#include "dm-language-data.h"

#define ACTORS_RESOURCE "/io/github/diplomap/Diplomap/core/actors.json"

struct _DmGazetteer
{
  GObject     parent_instance;

  GPtrArray  *actors;       /* DmActorInfo *, owned */
  GArray     *aliases;      /* DmAlias, cleared by clear_alias */
  GHashTable *by_code;      /* code (owned by the actor) → index + 1 */
  GPtrArray  *state_nouns;  /* char *, NULL-terminated */
};

G_DEFINE_TYPE (DmGazetteer, dm_gazetteer, G_TYPE_OBJECT)

G_DEFINE_QUARK (dm-gazetteer-error-quark, dm_gazetteer_error)

static const char * const kind_names[] = {
  [DM_ACTOR_STATE] = "state",
  [DM_ACTOR_ORGANIZATION] = "organization",
  [DM_ACTOR_DE_FACTO] = "de-facto",
};

/* JSON member names of the alias groups, in DmAliasGroup order. */
static const char * const group_names[DM_N_ALIAS_GROUPS] = {
  [DM_ALIAS_NAME] = "names",
  [DM_ALIAS_DEMONYM] = "demonyms",
  [DM_ALIAS_CAPITAL] = "capitals",
  [DM_ALIAS_INSTITUTION] = "institutions",
  [DM_ALIAS_OFFICE_HOLDER] = "office_holders",
};

static void
actor_info_free (gpointer data)
{
  DmActorInfo *info = data;

  if (info == NULL)
    return;
  g_free (info->code);
  g_free (info->name);
  g_free (info->anchor_name);
  g_free (info->iso);
  g_free (info);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmActorInfo, actor_info_free)

static void
clear_alias (gpointer data)
{
  DmAlias *alias = data;

  g_clear_pointer (&alias->text, g_free);
  g_clear_pointer (&alias->ambiguous_context, g_strfreev);
}

static GArray *
new_alias_array (void)
{
  GArray *array = g_array_new (FALSE, TRUE, sizeof (DmAlias));

  g_array_set_clear_func (array, clear_alias);
  return array;
}

static GPtrArray *
new_noun_array (void)
{
  GPtrArray *array = g_ptr_array_new_null_terminated (0, g_free, TRUE);

  return array;
}

/* ------------------------------------------------------------------------ */
/* One parsed and validated file, not yet part of any gazetteer.            */

typedef struct
{
  GPtrArray *actors;      /* DmActorInfo * */
  GArray    *aliases;     /* DmAlias; actor indexes into ->actors */
  GPtrArray *state_nouns; /* char * */
} DmGazetteerFile;

static void
dm_gazetteer_file_free (DmGazetteerFile *file)
{
  g_clear_pointer (&file->actors, g_ptr_array_unref);
  g_clear_pointer (&file->aliases, g_array_unref);
  g_clear_pointer (&file->state_nouns, g_ptr_array_unref);
  g_free (file);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmGazetteerFile, dm_gazetteer_file_free)

/* Carries the file name into every message so that a user who edits an
 * override file is told where the problem is. */
typedef struct
{
  const char *name;
} ParseContext;

G_GNUC_PRINTF (4, 5)
static gboolean
fail (const ParseContext *ctx,
      GError            **error,
      const char         *path,
      const char         *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, DM_GAZETTEER_ERROR, DM_GAZETTEER_ERROR_INVALID,
               "%s: %s: %s", ctx->name, path, message);
  return FALSE;
}

/* Unknown members are errors, because a misspelt key ("colour") in a user
 * file would otherwise be silently ignored; "comment" and members starting
 * with "_" are free for notes, as in cues.json. */
static gboolean
check_members (const ParseContext *ctx,
               JsonObject         *object,
               const char         *path,
               const char * const *known,
               GError            **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *member = l->data;

      if (member[0] == '_' || g_str_equal (member, "comment") || g_strv_contains (known, member))
        continue;
      /* Translators: the messages about an actors file follow the file name
       * and the place in it, as in "FILE: actors[3].color: …" */
      return fail (ctx, error, path, _("unknown member \"%s\""), member);
    }
  return TRUE;
}

static char *
describe_node (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  if (node == NULL)
    return g_strdup (_("nothing"));
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  if (g_utf8_strlen (text, -1) > 40)
    {
      char *cut = g_utf8_offset_to_pointer (text, 37);

      return g_strdup_printf ("%.*s…", (int) (cut - text), text);
    }
  return g_steal_pointer (&text);
}

static gboolean
node_is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
node_is_number (JsonNode *node)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_DOUBLE || type == G_TYPE_INT64;
}

static double
node_get_number (JsonNode *node)
{
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return (double) json_node_get_int (node);
  return json_node_get_double (node);
}

/* Leading or trailing spaces would never match whole words, so they are
 * reported rather than trimmed behind the author's back. */
static gboolean
get_text (const ParseContext *ctx,
          JsonNode           *node,
          const char         *path,
          const char        **out,
          GError            **error)
{
  g_autofree char *shown = NULL;
  const char *text;
  gsize len;

  if (!node_is_string (node))
    {
      shown = describe_node (node);
      return fail (ctx, error, path, _("%s is not a string"), shown);
    }
  text = json_node_get_string (node);
  len = strlen (text);
  if (len == 0)
    return fail (ctx, error, path, _("is an empty string"));
  if (g_ascii_isspace (text[0]) || g_ascii_isspace (text[len - 1]))
    return fail (ctx, error, path, _("\"%s\" has leading or trailing spaces"), text);
  *out = text;
  return TRUE;
}

static gboolean
get_member_text (const ParseContext *ctx,
                 JsonObject         *object,
                 const char         *member,
                 const char         *parent_path,
                 const char        **out,
                 GError            **error)
{
  g_autofree char *path = g_strdup_printf ("%s.%s", parent_path, member);

  if (!json_object_has_member (object, member))
    return fail (ctx, error, path, _("is missing"));
  return get_text (ctx, json_object_get_member (object, member), path, out, error);
}

static gboolean
get_member_number (const ParseContext *ctx,
                   JsonObject         *object,
                   const char         *member,
                   const char         *parent_path,
                   double              min,
                   double              max,
                   double             *out,
                   GError            **error)
{
  g_autofree char *path = g_strdup_printf ("%s.%s", parent_path, member);
  g_autofree char *shown = NULL;
  JsonNode *node;
  double value;

  if (!json_object_has_member (object, member))
    return fail (ctx, error, path, _("is missing"));
  node = json_object_get_member (object, member);
  if (!node_is_number (node))
    {
      shown = describe_node (node);
      return fail (ctx, error, path, _("%s is not a number"), shown);
    }
  value = node_get_number (node);
  if (!(value >= min && value <= max))
    return fail (ctx, error, path, _("%g is not in [%g, %g]"), value, min, max);
  *out = value;
  return TRUE;
}

static JsonArray *
get_member_array (const ParseContext *ctx,
                  JsonObject         *object,
                  const char         *member,
                  const char         *path,
                  GError            **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *shown = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      shown = describe_node (node);
      fail (ctx, error, path, _("%s is not an array"), shown);
      return NULL;
    }
  return json_node_get_array (node);
}

static JsonObject *
get_object (const ParseContext *ctx,
            JsonNode           *node,
            const char         *path,
            GError            **error)
{
  g_autofree char *shown = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      shown = describe_node (node);
      fail (ctx, error, path, _("%s is not an object"), shown);
      return NULL;
    }
  return json_node_get_object (node);
}

static gboolean
parse_color (const char *text,
             guint32    *out)
{
  guint32 value = 0;

  if (strlen (text) != 7 || text[0] != '#')
    return FALSE;
  for (guint i = 1; i < 7; i++)
    {
      int digit = g_ascii_xdigit_value (text[i]);

      if (digit < 0)
        return FALSE;
      value = (value << 4) | (guint32) digit;
    }
  *out = value;
  return TRUE;
}

/* Acronyms (US, U.S., EU, OSCE, AT&T-like names) must match byte for byte:
 * "us" and "Eu" are ordinary words.  The letter requirement keeps a bare
 * number or "..." from being read as an acronym. */
static DmCaseRule
default_case_rule (const char *text)
{
  gboolean has_letter = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isupper (*p))
        has_letter = TRUE;
      else if (!g_ascii_isdigit (*p) && *p != '.' && *p != '&')
        return DM_CASE_NAME;
    }
  return has_letter ? DM_CASE_EXACT : DM_CASE_NAME;
}

static gboolean
parse_alias (const ParseContext *ctx,
             JsonNode           *node,
             const char         *path,
             guint               actor,
             DmAliasGroup        group,
             GArray             *aliases,
             GError            **error)
{
  static const char * const known[] = { "text", "case", NULL };
  DmAlias alias = { NULL, };
  const char *text;

  alias.actor = actor;
  alias.group = group;

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      const char *rule;

      if (!check_members (ctx, object, path, known, error) ||
          !get_member_text (ctx, object, "text", path, &text, error))
        return FALSE;

      alias.case_rule = default_case_rule (text);
      if (json_object_has_member (object, "case"))
        {
          g_autofree char *case_path = g_strdup_printf ("%s.case", path);

          if (!get_text (ctx, json_object_get_member (object, "case"), case_path, &rule, error))
            return FALSE;
          if (g_str_equal (rule, "exact"))
            alias.case_rule = DM_CASE_EXACT;
          else if (g_str_equal (rule, "name"))
            alias.case_rule = DM_CASE_NAME;
          else
            return fail (ctx, error, case_path, _("\"%s\" is not \"exact\" or \"name\""), rule);
        }
    }
  else
    {
      if (!get_text (ctx, node, path, &text, error))
        return FALSE;
      alias.case_rule = default_case_rule (text);
    }

  alias.text = g_strdup (text);
  g_array_append_val (aliases, alias);
  return TRUE;
}

static gboolean
parse_aliases (const ParseContext *ctx,
               JsonObject         *actor_object,
               const char         *actor_path,
               guint               actor,
               GArray             *aliases,
               GError            **error)
{
  g_autofree char *path = g_strdup_printf ("%s.aliases", actor_path);
  JsonObject *object;

  if (!json_object_has_member (actor_object, "aliases"))
    return TRUE;
  object = get_object (ctx, json_object_get_member (actor_object, "aliases"), path, error);
  if (object == NULL || !check_members (ctx, object, path, group_names, error))
    return FALSE;

  for (guint g = 0; g < DM_N_ALIAS_GROUPS; g++)
    {
      g_autofree char *group_path = g_strdup_printf ("%s.%s", path, group_names[g]);
      JsonArray *array;

      if (!json_object_has_member (object, group_names[g]))
        continue;
      array = get_member_array (ctx, object, group_names[g], group_path, error);
      if (array == NULL)
        return FALSE;
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *item_path = g_strdup_printf ("%s[%u]", group_path, i);

          if (!parse_alias (ctx, json_array_get_element (array, i), item_path,
                            actor, g, aliases, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* An optional true/false member of an ambiguity note. */
static gboolean
get_member_flag (const ParseContext *ctx,
                 JsonObject         *object,
                 const char         *member,
                 const char         *object_path,
                 gboolean           *value,
                 GError            **error)
{
  g_autofree char *path = NULL;
  JsonNode *node;

  if (!json_object_has_member (object, member))
    return TRUE;
  node = json_object_get_member (object, member);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      g_autofree char *shown = describe_node (node);

      path = g_strdup_printf ("%s.%s", object_path, member);
      return fail (ctx, error, path, _("%s is not true or false"), shown);
    }
  *value = json_node_get_boolean (node);
  return TRUE;
}

/* An ambiguity note qualifies aliases the actor already has; naming an
 * alias it lacks is almost always a typo, so it is an error.  The note
 * applies to every group the alias text appears in. */
static gboolean
parse_ambiguous (const ParseContext *ctx,
                 JsonObject         *actor_object,
                 const char         *actor_path,
                 guint               actor,
                 GArray             *aliases,
                 guint               first_alias,
                 GError            **error)
{
  static const char * const known[] = { "alias", "context", "surname", "first_name", "always", NULL };
  g_autofree char *path = g_strdup_printf ("%s.ambiguous", actor_path);
  JsonArray *array;

  if (!json_object_has_member (actor_object, "ambiguous"))
    return TRUE;
  array = get_member_array (ctx, actor_object, "ambiguous", path, error);
  if (array == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *item_path = g_strdup_printf ("%s[%u]", path, i);
      g_autoptr(GStrvBuilder) context = g_strv_builder_new ();
      g_auto(GStrv) context_words = NULL;
      gboolean surname = FALSE;
      gboolean first_name = FALSE;
      gboolean always = FALSE;
      gboolean has_context = FALSE;
      gboolean found = FALSE;
      JsonObject *object;
      const char *text;

      object = get_object (ctx, json_array_get_element (array, i), item_path, error);
      if (object == NULL ||
          !check_members (ctx, object, item_path, known, error) ||
          !get_member_text (ctx, object, "alias", item_path, &text, error))
        return FALSE;

      if (json_object_has_member (object, "context"))
        {
          g_autofree char *context_path = g_strdup_printf ("%s.context", item_path);
          JsonArray *words = get_member_array (ctx, object, "context", context_path, error);

          if (words == NULL)
            return FALSE;
          for (guint w = 0; w < json_array_get_length (words); w++)
            {
              g_autofree char *word_path = g_strdup_printf ("%s[%u]", context_path, w);
              const char *word;

              if (!get_text (ctx, json_array_get_element (words, w), word_path, &word, error))
                return FALSE;
              g_strv_builder_add (context, word);
              has_context = TRUE;
            }
        }

      if (!get_member_flag (ctx, object, "surname", item_path, &surname, error) ||
          !get_member_flag (ctx, object, "first_name", item_path, &first_name, error) ||
          !get_member_flag (ctx, object, "always", item_path, &always, error))
        return FALSE;

      if (has_context)
        context_words = g_strv_builder_end (context);

      for (guint a = first_alias; a < aliases->len; a++)
        {
          DmAlias *alias = &g_array_index (aliases, DmAlias, a);

          if (alias->actor != actor || !g_str_equal (alias->text, text))
            continue;
          found = TRUE;
          alias->ambiguous_as_surname = alias->ambiguous_as_surname || surname;
          alias->ambiguous_as_first_name = alias->ambiguous_as_first_name || first_name;
          alias->ambiguous_always = alias->ambiguous_always || always;
          if (context_words != NULL)
            {
              g_clear_pointer (&alias->ambiguous_context, g_strfreev);
              alias->ambiguous_context = g_strdupv (context_words);
            }
        }
      if (!found)
        return fail (ctx, error, item_path,
                     _("\"%s\" is not one of this actor's aliases"), text);
    }
  return TRUE;
}

static gboolean
parse_actor (const ParseContext *ctx,
             JsonNode           *node,
             const char         *path,
             DmGazetteerFile    *file,
             GHashTable         *seen_codes,
             GError            **error)
{
  static const char * const known[] = {
    "code", "name", "kind", "color", "anchor", "iso", "aliases", "ambiguous", NULL
  };
  static const char * const anchor_known[] = { "name", "lat", "lon", NULL };
  g_autoptr(DmActorInfo) info = g_new0 (DmActorInfo, 1);
  g_autofree char *anchor_path = g_strdup_printf ("%s.anchor", path);
  JsonObject *object;
  JsonObject *anchor;
  const char *text;
  gboolean kind_found = FALSE;
  guint index = file->actors->len;
  guint first_alias = file->aliases->len;
  gpointer first_seen;

  object = get_object (ctx, node, path, error);
  if (object == NULL || !check_members (ctx, object, path, known, error))
    return FALSE;

  if (!get_member_text (ctx, object, "code", path, &text, error))
    return FALSE;
  if (g_hash_table_lookup_extended (seen_codes, text, NULL, &first_seen))
    {
      g_autofree char *code_path = g_strdup_printf ("%s.code", path);

      return fail (ctx, error, code_path, _("\"%s\" is already used by actors[%u]"),
                   text, GPOINTER_TO_UINT (first_seen));
    }
  info->code = g_strdup (text);

  if (!get_member_text (ctx, object, "name", path, &text, error))
    return FALSE;
  info->name = g_strdup (text);

  if (!get_member_text (ctx, object, "kind", path, &text, error))
    return FALSE;
  for (guint k = 0; k < G_N_ELEMENTS (kind_names); k++)
    {
      if (g_str_equal (text, kind_names[k]))
        {
          info->kind = (DmActorKind) k;
          kind_found = TRUE;
        }
    }
  if (!kind_found)
    {
      g_autofree char *kind_path = g_strdup_printf ("%s.kind", path);

      return fail (ctx, error, kind_path,
                   _("\"%s\" is not \"state\", \"organization\" or \"de-facto\""), text);
    }

  if (!get_member_text (ctx, object, "color", path, &text, error))
    return FALSE;
  if (!parse_color (text, &info->color))
    {
      g_autofree char *color_path = g_strdup_printf ("%s.color", path);

      return fail (ctx, error, color_path, _("\"%s\" is not a #rrggbb colour"), text);
    }

  if (!json_object_has_member (object, "anchor"))
    return fail (ctx, error, anchor_path, _("is missing"));
  anchor = get_object (ctx, json_object_get_member (object, "anchor"), anchor_path, error);
  if (anchor == NULL ||
      !check_members (ctx, anchor, anchor_path, anchor_known, error) ||
      !get_member_text (ctx, anchor, "name", anchor_path, &text, error))
    return FALSE;
  info->anchor_name = g_strdup (text);
  if (!get_member_number (ctx, anchor, "lat", anchor_path, -90, 90, &info->anchor_lat, error) ||
      !get_member_number (ctx, anchor, "lon", anchor_path, -180, 180, &info->anchor_lon, error))
    return FALSE;

  /* Organizations and entities without a polygon say null or leave it out. */
  if (json_object_has_member (object, "iso") &&
      !JSON_NODE_HOLDS_NULL (json_object_get_member (object, "iso")))
    {
      g_autofree char *iso_path = g_strdup_printf ("%s.iso", path);

      if (!get_text (ctx, json_object_get_member (object, "iso"), iso_path, &text, error))
        return FALSE;
      if (strlen (text) != 3 ||
          !g_ascii_isupper (text[0]) || !g_ascii_isupper (text[1]) || !g_ascii_isupper (text[2]))
        return fail (ctx, error, iso_path,
                     _("\"%s\" is not an ISO 3166-1 alpha-3 code"), text);
      info->iso = g_strdup (text);
    }

  if (!parse_aliases (ctx, object, path, index, file->aliases, error) ||
      !parse_ambiguous (ctx, object, path, index, file->aliases, first_alias, error))
    return FALSE;

  g_hash_table_insert (seen_codes, info->code, GUINT_TO_POINTER (index));
  g_ptr_array_add (file->actors, g_steal_pointer (&info));
  return TRUE;
}

/* json-glib reports "<data>:LINE:COLUMN: Parse error: …"; the user needs
 * the file's own name there, and a wording that says what went wrong. */
static void
set_malformed_error (const ParseContext *ctx,
                     const GError       *parse_error,
                     GError            **error)
{
  const char *message = parse_error->message;
  guint line = 0, column = 0;
  int consumed = 0;

  if (g_str_has_prefix (message, "<data>:") &&
      sscanf (message + strlen ("<data>:"), "%u:%u: %n", &line, &column, &consumed) == 2 &&
      consumed > 0)
    {
      const char *rest = message + strlen ("<data>:") + consumed;

      if (g_str_has_prefix (rest, "Parse error: "))
        rest += strlen ("Parse error: ");
      g_set_error (error, parse_error->domain, parse_error->code,
                   _("%s: malformed JSON at line %u, column %u: %s"),
                   ctx->name, line, column, rest);
    }
  else
    {
      g_set_error (error, parse_error->domain, parse_error->code,
                   _("%s: malformed JSON: %s"), ctx->name, message);
    }
}

static DmGazetteerFile *
parse_file (const char *data,
            gssize      length,
            const char *name,
            GError    **error)
{
  static const char * const known[] = { "version", "state_nouns", "actors", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(DmGazetteerFile) file = g_new0 (DmGazetteerFile, 1);
  g_autoptr(GHashTable) seen_codes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) parse_error = NULL;
  ParseContext ctx = { name != NULL ? name : "<data>" };
  JsonObject *root;
  JsonNode *version;
  JsonArray *array;

  file->actors = g_ptr_array_new_with_free_func (actor_info_free);
  file->aliases = new_alias_array ();
  file->state_nouns = new_noun_array ();

  /* Before json-glib, whose recursive parser a deep file would crash. */
  if (!dm_json_check_depth (data, length, ctx.name, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE,
                            error))
    return NULL;
  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      set_malformed_error (&ctx, parse_error, error);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, DM_GAZETTEER_ERROR, DM_GAZETTEER_ERROR_INVALID,
                   _("%s: malformed JSON: the file is empty"), ctx.name);
      return NULL;
    }

  root = get_object (&ctx, json_parser_get_root (parser), "(root)", error);
  if (root == NULL || !check_members (&ctx, root, "(root)", known, error))
    return NULL;

  version = json_object_get_member (root, "version");
  if (version == NULL)
    {
      fail (&ctx, error, "version", _("is missing"));
      return NULL;
    }
  if (!node_is_number (version) || node_get_number (version) != 1)
    {
      g_autofree char *shown = describe_node (version);

      fail (&ctx, error, "version", _("%s is not a supported version (1)"), shown);
      return NULL;
    }

  if (json_object_has_member (root, "state_nouns"))
    {
      array = get_member_array (&ctx, root, "state_nouns", "state_nouns", error);
      if (array == NULL)
        return NULL;
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *path = g_strdup_printf ("state_nouns[%u]", i);
          const char *noun;

          if (!get_text (&ctx, json_array_get_element (array, i), path, &noun, error))
            return NULL;
          /* The matcher compares nouns without case; storing them lowered
           * keeps that promise even for a careless user file. */
          g_ptr_array_add (file->state_nouns, g_utf8_strdown (noun, -1));
        }
    }

  if (json_object_has_member (root, "actors"))
    {
      array = get_member_array (&ctx, root, "actors", "actors", error);
      if (array == NULL)
        return NULL;
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *path = g_strdup_printf ("actors[%u]", i);

          if (!parse_actor (&ctx, json_array_get_element (array, i), path, file, seen_codes, error))
            return NULL;
        }
    }

  return g_steal_pointer (&file);
}

/* ------------------------------------------------------------------------ */

static void
apply_file (DmGazetteer     *self,
            DmGazetteerFile *file)
{
  g_autofree guint *remap = g_new0 (guint, file->actors->len + 1);
  g_autofree gboolean *replaced = NULL;
  g_autoptr(GArray) aliases = new_alias_array ();
  guint n_old = self->actors->len;

  replaced = g_new0 (gboolean, n_old + 1);

  for (guint i = 0; i < file->actors->len; i++)
    {
      /* Ownership moves to @self; the file's free func skips NULL. */
      DmActorInfo *info = g_steal_pointer (&file->actors->pdata[i]);
      int existing = dm_gazetteer_lookup_code (self, info->code);

      if (existing >= 0)
        {
          g_hash_table_remove (self->by_code, info->code);
          actor_info_free (self->actors->pdata[existing]);
          self->actors->pdata[existing] = info;
          remap[i] = (guint) existing;
          if ((guint) existing < n_old)
            replaced[existing] = TRUE;
        }
      else
        {
          remap[i] = self->actors->len;
          g_ptr_array_add (self->actors, info);
        }
      g_hash_table_insert (self->by_code, info->code, GUINT_TO_POINTER (remap[i] + 1));
    }

  /* Old aliases of replaced actors go; everything else moves over. */
  for (guint a = 0; a < self->aliases->len; a++)
    {
      DmAlias *alias = &g_array_index (self->aliases, DmAlias, a);

      if (alias->actor < n_old && replaced[alias->actor])
        continue;
      g_array_append_val (aliases, *alias);
      alias->text = NULL;
      alias->ambiguous_context = NULL;
    }
  for (guint a = 0; a < file->aliases->len; a++)
    {
      DmAlias *alias = &g_array_index (file->aliases, DmAlias, a);
      DmAlias copy = *alias;

      copy.actor = remap[alias->actor];
      g_array_append_val (aliases, copy);
      alias->text = NULL;
      alias->ambiguous_context = NULL;
    }
  g_clear_pointer (&self->aliases, g_array_unref);
  self->aliases = g_steal_pointer (&aliases);

  for (guint n = 0; n < file->state_nouns->len; n++)
    {
      const char *noun = g_ptr_array_index (file->state_nouns, n);

      if (!g_strv_contains ((const char * const *) dm_gazetteer_get_state_nouns (self), noun))
        g_ptr_array_add (self->state_nouns, g_strdup (noun));
    }
}

static gboolean
merge_data (DmGazetteer *self,
            const char  *data,
            gssize       length,
            const char  *name,
            GError     **error)
{
  g_autoptr(DmGazetteerFile) file = parse_file (data, length, name, error);

  if (file == NULL)
    return FALSE;
  apply_file (self, file);
  return TRUE;
}

static void
dm_gazetteer_finalize (GObject *object)
{
  DmGazetteer *self = (DmGazetteer *) object;

  g_clear_pointer (&self->by_code, g_hash_table_unref);
  g_clear_pointer (&self->aliases, g_array_unref);
  g_clear_pointer (&self->actors, g_ptr_array_unref);
  g_clear_pointer (&self->state_nouns, g_ptr_array_unref);

  G_OBJECT_CLASS (dm_gazetteer_parent_class)->finalize (object);
}

static void
dm_gazetteer_class_init (DmGazetteerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dm_gazetteer_finalize;
}

static void
dm_gazetteer_init (DmGazetteer *self)
{
  self->actors = g_ptr_array_new_with_free_func (actor_info_free);
  self->aliases = new_alias_array ();
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  self->state_nouns = new_noun_array ();
}

/* The resource registers itself through a constructor when the toolchain
 * supports it; with a static library the object may also be linked without
 * its constructor having run, so register once by hand if the lookup fails. */
static GBytes *
lookup_actors_resource (GError **error)
{
  static gsize registered = 0;
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;

  bytes = g_resources_lookup_data (ACTORS_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes != NULL)
    return bytes;

  if (g_once_init_enter (&registered))
    {
      g_resources_register (dm_core_get_resource ());
      g_once_init_leave (&registered, 1);
    }
  g_clear_error (&local_error);
  return g_resources_lookup_data (ACTORS_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

/* ── Languages of articles (issue 13) ─────────────────────────────────
 * The built-in actors' names in the other languages the core reads
 * (data/ru/actors-ru.json), each alias declined into its case forms by
 * dm-language-data.c: added as aliases of the same actors, so that the one
 * automaton finds "Армению" as it finds "Armenia".  A code the gazetteer
 * lacks is skipped: a language file names actors, it never makes them. */
static gboolean
load_language_aliases (DmGazetteer *self,
                       GError     **error)
{
  for (guint r = 0; dm_language_alias_resources[r]; r++)
    {
      g_autoptr(GArray) forms = dm_language_aliases_new ();
      g_autoptr(GPtrArray) nouns = g_ptr_array_new_with_free_func (g_free);

      if (!dm_language_aliases_load (dm_language_alias_resources[r], forms, nouns, error))
        return FALSE;
      for (guint i = 0; i < forms->len; i++)
        {
          DmLanguageAlias *form = &g_array_index (forms, DmLanguageAlias, i);
          int actor = dm_gazetteer_lookup_code (self, form->code);
          DmAlias alias = { NULL, };

          if (actor < 0)
            continue;
          alias.text = g_steal_pointer (&form->text);
          alias.actor = (guint) actor;
          alias.group = form->group;
          alias.case_rule = form->case_rule;
          alias.gram_cases = form->gram_cases;
          g_array_append_val (self->aliases, alias);
        }
      for (guint n = 0; n < nouns->len; n++)
        if (!g_strv_contains ((const char * const *) dm_gazetteer_get_state_nouns (self),
                              g_ptr_array_index (nouns, n)))
          g_ptr_array_add (self->state_nouns, g_strdup (g_ptr_array_index (nouns, n)));
    }
  return TRUE;
}

DmGazetteer *
dm_gazetteer_new_default (GError **error)
{
  g_autoptr(GBytes) bytes = lookup_actors_resource (error);
  g_autoptr(DmGazetteer) self = NULL;
  gsize size = 0;
  const char *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  self = dm_gazetteer_new_from_data (data, (gssize) size, "actors.json", error);
  if (self == NULL || !load_language_aliases (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

DmGazetteer *
dm_gazetteer_new_from_data (const char *data,
                            gssize      length,
                            const char *name,
                            GError    **error)
{
  g_autoptr(DmGazetteer) self = g_object_new (DM_TYPE_GAZETTEER, NULL);

  g_return_val_if_fail (data != NULL, NULL);

  if (!merge_data (self, data, length, name, error))
    return NULL;
  return g_steal_pointer (&self);
}

DmGazetteer *
dm_gazetteer_new_from_file (const char *path,
                            GError    **error)
{
  g_autoptr(DmGazetteer) self = g_object_new (DM_TYPE_GAZETTEER, NULL);

  if (!dm_gazetteer_merge_file (self, path, error))
    return NULL;
  return g_steal_pointer (&self);
}

gboolean
dm_gazetteer_merge_file (DmGazetteer *self,
                         const char  *path,
                         GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (DM_IS_GAZETTEER (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  display = g_filename_display_name (path);
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      /* g_file_get_contents already names the file. */
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return merge_data (self, contents, (gssize) length, display, error);
}

gboolean
dm_gazetteer_merge_data (DmGazetteer *self,
                         const char  *data,
                         gssize       length,
                         const char  *name,
                         GError     **error)
{
  g_return_val_if_fail (DM_IS_GAZETTEER (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  return merge_data (self, data, length, name, error);
}

guint
dm_gazetteer_get_n_actors (DmGazetteer *self)
{
  g_return_val_if_fail (DM_IS_GAZETTEER (self), 0);

  return self->actors->len;
}

const char *
dm_place_name_translate (const char *name)
{
  /* "" would give the catalogue's header */
  if (name == NULL || *name == '\0')
    return name;

  return g_dgettext (GETTEXT_PACKAGE, name);
}

const char *
dm_actor_info_get_display_name (const DmActorInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);

  return dm_place_name_translate (info->name);
}

const char *
dm_actor_info_get_display_anchor_name (const DmActorInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);

  return dm_place_name_translate (info->anchor_name);
}

const DmActorInfo *
dm_gazetteer_get_actor (DmGazetteer *self,
                        guint        index)
{
  g_return_val_if_fail (DM_IS_GAZETTEER (self), NULL);
  g_return_val_if_fail (index < self->actors->len, NULL);

  return g_ptr_array_index (self->actors, index);
}

int
dm_gazetteer_lookup_code (DmGazetteer *self,
                          const char  *code)
{
  gpointer value;

  g_return_val_if_fail (DM_IS_GAZETTEER (self), -1);

  if (code == NULL)
    return -1;
  value = g_hash_table_lookup (self->by_code, code);
  return value != NULL ? (int) GPOINTER_TO_UINT (value) - 1 : -1;
}

guint
dm_gazetteer_get_n_aliases (DmGazetteer *self)
{
  g_return_val_if_fail (DM_IS_GAZETTEER (self), 0);

  return self->aliases->len;
}

const DmAlias *
dm_gazetteer_get_alias (DmGazetteer *self,
                        guint        index)
{
  g_return_val_if_fail (DM_IS_GAZETTEER (self), NULL);
  g_return_val_if_fail (index < self->aliases->len, NULL);

  return &g_array_index (self->aliases, DmAlias, index);
}

int
dm_gazetteer_lookup_alias (DmGazetteer *self,
                           const char  *text)
{
  g_return_val_if_fail (DM_IS_GAZETTEER (self), -1);

  if (text == NULL)
    return -1;
  for (guint a = 0; a < self->aliases->len; a++)
    {
      if (g_str_equal (g_array_index (self->aliases, DmAlias, a).text, text))
        return (int) a;
    }
  return -1;
}

GStrv
dm_gazetteer_get_state_nouns (DmGazetteer *self)
{
  static char *empty[] = { NULL };

  g_return_val_if_fail (DM_IS_GAZETTEER (self), NULL);

  /* A null-terminated GPtrArray has no storage at all until its first
   * element, and callers must always get a vector. */
  if (self->state_nouns->pdata == NULL)
    return empty;
  return (GStrv) self->state_nouns->pdata;
}

const char *
dm_actor_kind_to_string (DmActorKind kind)
{
  if ((guint) kind < G_N_ELEMENTS (kind_names))
    return kind_names[kind];
  return NULL;
}
