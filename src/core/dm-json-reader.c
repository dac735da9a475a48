/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-json-reader.c: articles exported by scrapers and feeds as JSON.
 *
 * One object {"title", "source", "date", "url", "text", "language"} or an array of
 * them; only "text" is required.  A file is taken whole or not at all: one
 * bad element fails the load with a message that says which one, because a
 * silently shorter corpus would skew every count in the analysis.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "dm-json-depth-private.h"
#include "dm-readers-private.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

static const char *const fields[] = { "title", "source", "date", "url", "text", "language" };

gboolean
dm_json_looks_like_json (const char *utf8,
                         gsize       length)
{
  const char *p = utf8;
  const char *end = utf8 + length;
  char open;

  while (p < end && g_ascii_isspace (*p))
    p++;
  if (p >= end || (*p != '{' && *p != '['))
    return FALSE;

  open = *p++;
  while (p < end && g_ascii_isspace (*p))
    p++;
  if (p >= end)
    return FALSE;

  return open == '{' ? (*p == '"' || *p == '}') : (*p == '{' || *p == ']');
}

/* json-glib says "<data>:3:7: Parse error: unexpected character"; we say
 * which file, and line and column in words. */
static void
set_parse_error (GError     **error,
                 const char  *name,
                 guint         jsonl_line,
                 const GError *json_error)
{
  const char *message = json_error->message;
  guint line = 0, column = 0;
  const char *p = strstr (message, ">:");
  const char *reason = message;
  g_autofree char *one_line = NULL;

  if (p != NULL && sscanf (p + 2, "%u:%u:", &line, &column) == 2)
    {
      const char *colon = strstr (p + 2, ": ");

      if (colon != NULL)
        reason = colon + 2;
      if (g_str_has_prefix (reason, "Parse error: "))
        reason += strlen ("Parse error: ");

      /* The reason quotes the offending token, which may span lines. */
      one_line = g_strdup (reason);
      g_strdelimit (one_line, "\n\r\t\v\f", ' ');

      if (jsonl_line > 0)
        g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_MALFORMED,
                     _("%s: line %u: malformed JSON at column %u: %s"),
                     name, jsonl_line, column, one_line);
      else
        g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_MALFORMED,
                     _("%s: malformed JSON at line %u, column %u: %s"),
                     name, line, column, one_line);
      return;
    }

  g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_MALFORMED,
               _("%s: malformed JSON: %s"), name, message);
}

/* "article 3" in an array, "the article" for a lone object. */
static char *
describe (gboolean in_array,
          guint    index)
{
  return in_array ? g_strdup_printf (_("article %u"), index + 1) : g_strdup (_("the article"));
}

/* @what names the article in messages ("article 3", "line 7"). */
static DmDocument *
read_article_as (JsonNode   *node,
                 const char *what,
                 const char *doc_id,
                 const char *name,
                 GError    **error)
{
  g_autofree char *title = NULL;
  const char *values[G_N_ELEMENTS (fields)] = { NULL };
  DmPlainText plain;
  JsonObject *object;
  DmDocument *document;
  gboolean title_in_text;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_MALFORMED,
                   _("%s: %s is not an object"), name, what);
      return NULL;
    }

  object = json_node_get_object (node);
  for (guint k = 0; k < G_N_ELEMENTS (fields); k++)
    {
      JsonNode *member = json_object_get_member (object, fields[k]);

      if (member == NULL || JSON_NODE_HOLDS_NULL (member))
        continue;

      if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_STRING)
        {
          g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_MALFORMED,
                       _("%s: \"%s\" of %s is not a string"), name, fields[k], what);
          return NULL;
        }

      values[k] = json_node_get_string (member);
    }

  if (values[4] == NULL)
    {
      g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_MALFORMED,
                   _("%s: %s has no \"text\""), name, what);
      return NULL;
    }

  if (!g_utf8_validate (values[4], -1, NULL)
      || !dm_plain_text_parse (values[4], strlen (values[4]), &plain))
    {
      g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_EMPTY,
                   _("%s: \"text\" of %s is empty"), name, what);
      return NULL;
    }

  /* The field is the title; the text holds it only if it begins with it. */
  title = values[0] != NULL ? dm_text_clean_inline (values[0], -1) : NULL;
  if (title != NULL && *title == '\0')
    g_clear_pointer (&title, g_free);

  if (title != NULL)
    {
      gsize n = strlen (title);

      title_in_text = strncmp (plain.text, title, n) == 0
                      && (plain.text[n] == '\n' || plain.text[n] == '\0');
    }
  else
    {
      title = g_strdup (plain.title);
      title_in_text = plain.title_in_text;
    }

  {
    g_autofree char *source = values[1] != NULL ? dm_text_clean_inline (values[1], -1) : NULL;
    g_autofree char *date = values[2] != NULL ? dm_text_clean_inline (values[2], -1) : NULL;
    g_autofree char *url = values[3] != NULL ? dm_text_clean_inline (values[3], -1) : NULL;

    g_autofree char *language = values[5] != NULL ? dm_text_clean_inline (values[5], -1) : NULL;

    /* An article's own "language" overrides what its letters suggest. */
    document = dm_document_new_with_language (doc_id, title,
                                              source != NULL && *source != '\0' ? source : plain.source,
                                              date != NULL && *date != '\0' ? date : NULL,
                                              url != NULL && *url != '\0' ? url : NULL,
                                              language != NULL && *language != '\0' ? language : NULL,
                                              plain.text, title_in_text);
  }

  dm_plain_text_clear (&plain);
  return document;
}

static DmDocument *
read_article (JsonNode   *node,
              gboolean    in_array,
              guint       index,
              const char *name,
              const char *id,
              GError    **error)
{
  g_autofree char *what = describe (in_array, index);
  g_autofree char *doc_id = in_array ? g_strdup_printf ("%s#%u", id, index + 1) : g_strdup (id);

  return read_article_as (node, what, doc_id, name, error);
}

GPtrArray *
dm_json_read (const char *utf8,
              gsize       length,
              const char *name,
              const char *id,
              GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (length > G_MAXSSIZE)
    length = G_MAXSSIZE;

  /* Before json-glib, whose recursive parser a deep file would crash.
   * MALFORMED, so that "[[[[" sniffed as JSON is read as text after all. */
  if (!dm_json_check_depth (utf8, (gssize) length, name, DM_LOAD_ERROR, DM_LOAD_ERROR_MALFORMED,
                            error))
    return NULL;

  if (!json_parser_load_from_data (parser, utf8, (gssize) length, &local_error))
    {
      set_parse_error (error, name, 0, local_error);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_EMPTY, _("%s: empty JSON"), name);
      return NULL;
    }

  if (JSON_NODE_HOLDS_OBJECT (root))
    {
      DmDocument *document = read_article (root, FALSE, 0, name, id, error);

      if (document == NULL)
        return NULL;
      g_ptr_array_add (documents, document);
    }
  else if (JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);
      guint n = json_array_get_length (array);

      if (n == 0)
        {
          g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_EMPTY,
                       _("%s: the JSON array holds no articles"), name);
          return NULL;
        }

      for (guint k = 0; k < n; k++)
        {
          DmDocument *document = read_article (json_array_get_element (array, k),
                                               TRUE, k, name, id, error);

          if (document == NULL)
            return NULL;
          g_ptr_array_add (documents, document);
        }
    }
  else
    {
      g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_MALFORMED,
                   _("%s: JSON is neither an article object nor an array of them"), name);
      return NULL;
    }

  return g_steal_pointer (&documents);
}

GPtrArray *
dm_jsonl_read (const char *utf8,
               gsize       length,
               const char *name,
               const char *id,
               GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  const char *line = utf8;
  const char *end = utf8 + length;
  guint number = 0;

  for (; line < end; )
    {
      const char *line_end = memchr (line, '\n', end - line);
      const char *p = line;
      gsize n;

      if (line_end == NULL)
        line_end = end;
      n = line_end - line;
      number++;

      while (p < line_end && g_ascii_isspace (*p))
        p++;
      if (p < line_end)
        {
          g_autoptr(GError) local_error = NULL;
          g_autofree char *where = g_strdup_printf (_("line %u"), number);
          g_autofree char *doc_id = g_strdup_printf ("%s#%u", id, number);
          DmDocument *document;

          if (!dm_json_check_depth (line, (gssize) n, where, DM_LOAD_ERROR, DM_LOAD_ERROR_MALFORMED,
                                    &local_error))
            {
              g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_MALFORMED, "%s: %s", name,
                           local_error->message);
              return NULL;
            }
          if (!json_parser_load_from_data (parser, line, (gssize) n, &local_error))
            {
              set_parse_error (error, name, number, local_error);
              return NULL;
            }
          if (json_parser_get_root (parser) == NULL
              || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
            {
              g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_MALFORMED,
                           _("%s: %s is not an article object"), name, where);
              return NULL;
            }
          document = read_article_as (json_parser_get_root (parser), where, doc_id, name, error);
          if (document == NULL)
            return NULL;
          g_ptr_array_add (documents, document);
        }

      line = line_end + 1;
    }

  if (documents->len == 0)
    {
      g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_EMPTY,
                   _("%s: the JSON Lines file holds no articles"), name);
      return NULL;
    }

  return g_steal_pointer (&documents);
}
