/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-analysis-writer.c: an analysis written out three ways — as text for a
 * person at a terminal, as the JSON exchange format and as CSV, one row per
 * piece of evidence.  docs/exchange-format.md is the contract for the last
 * two; change it together with this file.
 *
 * Offsets in JSON and CSV are Unicode characters into the document's text
 * (what JavaScript, Python and most readers index by), not the bytes used
 * inside the program. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "dm-analysis-writer.h"
#include "dm-link-kind.h"

#define EXCHANGE_FORMAT_VERSION 1

/* Text output wraps quoted sentences to this many characters. */
#define TEXT_WIDTH 78
/* Distinct mention strings shown per actor in the text output. */
#define TEXT_MAX_NAMES 4

static double
round_confidence (float confidence)
{
  return round ((double) confidence * 100.0) / 100.0;
}

/* The exact bytes [start, end) of a document's text, as a new string. */
static char *
dup_document_slice (DmDocument *document,
                    gsize       start,
                    gsize       end)
{
  const char *text = dm_document_get_text (document);
  gsize length = dm_document_get_length (document);

  if (end > length)
    end = length;
  if (start > end)
    start = end;
  return g_strndup (text + start, end - start);
}

static const char *
actor_code (DmAnalysis *self,
            guint       actor)
{
  return dm_gazetteer_get_actor (dm_analysis_get_gazetteer (self), actor)->code;
}

static const char *
rule_id (DmAnalysis *self,
         guint       rule)
{
  DmLexicon *lexicon = dm_analysis_get_lexicon (self);

  if (rule >= dm_lexicon_get_n_rules (lexicon))
    return NULL;
  return dm_lexicon_get_rule (lexicon, rule)->rule;
}

/* ---------------------------------------------------------------- JSON --- */

/* The tree is made with JsonBuilder but printed here rather than by
 * JsonGenerator: json-glib before 1.8 prints every double with %.17g, so a
 * confidence rounded to 0.85 would come out as 0.84999999999999998.  The
 * layout is JsonGenerator's pretty layout with a 2-space indent. */

static void
append_json_string (GString    *out,
                    const char *str)
{
  g_string_append_c (out, '"');
  for (const char *p = str; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

/* The shortest decimal that reads back as the same double, always with a
 * fraction or an exponent so that readers keep it a floating-point number. */
static void
append_json_double (GString *out,
                    double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }

  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }

  g_string_append (out, buf);
  if (strpbrk (buf, ".eE") == NULL)
    g_string_append (out, ".0");
}

static void
append_indent (GString *out,
               guint    depth)
{
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void
append_json_node (GString  *out,
                  JsonNode *node,
                  guint     depth)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          append_json_double (out, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_STRING:
          append_json_string (out, json_node_get_string (node));
          break;
        default:
          g_assert_not_reached ();
        }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        if (n == 0)
          {
            g_string_append (out, "[]");
            break;
          }
        g_string_append (out, "[\n");
        for (guint i = 0; i < n; i++)
          {
            append_indent (out, depth + 1);
            append_json_node (out, json_array_get_element (array, i), depth + 1);
            g_string_append (out, i + 1 < n ? ",\n" : "\n");
          }
        append_indent (out, depth);
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        /* json-glib keeps members in insertion order, which is the
         * documented order. */
        g_autoptr(GList) members = json_object_get_members (object);

        if (members == NULL)
          {
            g_string_append (out, "{}");
            break;
          }
        g_string_append (out, "{\n");
        for (GList *l = members; l != NULL; l = l->next)
          {
            append_indent (out, depth + 1);
            append_json_string (out, l->data);
            g_string_append (out, " : ");
            append_json_node (out, json_object_get_member (object, l->data), depth + 1);
            g_string_append (out, l->next != NULL ? ",\n" : "\n");
          }
        append_indent (out, depth);
        g_string_append_c (out, '}');
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_confidence (JsonBuilder *builder,
                float        confidence)
{
  json_builder_set_member_name (builder, "confidence");
  json_builder_add_double_value (builder, round_confidence (confidence));
}

static void
build_documents (DmAnalysis  *self,
                 JsonBuilder *builder)
{
  json_builder_set_member_name (builder, "documents");
  json_builder_begin_array (builder);
  for (guint i = 0; i < dm_analysis_get_n_documents (self); i++)
    {
      DmDocument *document = dm_analysis_get_document (self, i);

      json_builder_begin_object (builder);
      add_string_or_null (builder, "id", dm_document_get_id (document));
      add_string_or_null (builder, "title", dm_document_get_title (document));
      add_string_or_null (builder, "source", dm_document_get_source (document));
      add_string_or_null (builder, "date", dm_document_get_date (document));
      add_string_or_null (builder, "url", dm_document_get_url (document));
      add_string_or_null (builder, "language", dm_document_get_language (document));
      add_string_or_null (builder, "text", dm_document_get_text (document));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
build_actors (DmAnalysis  *self,
              JsonBuilder *builder)
{
  DmGazetteer *gazetteer = dm_analysis_get_gazetteer (self);
  const GArray *mentions = dm_analysis_get_mentions (self);

  json_builder_set_member_name (builder, "actors");
  json_builder_begin_array (builder);
  for (guint i = 0; i < dm_analysis_get_n_actors (self); i++)
    {
      const DmActorSummary *summary = dm_analysis_get_actor (self, i);
      const DmActorInfo *info = dm_gazetteer_get_actor (gazetteer, summary->actor);
      g_autofree char *color = g_strdup_printf ("#%06x", info->color & 0xffffff);

      json_builder_begin_object (builder);
      add_string_or_null (builder, "code", info->code);
      add_string_or_null (builder, "name", info->name);
      add_string_or_null (builder, "kind", dm_actor_kind_to_string (info->kind));
      add_string_or_null (builder, "color", color);

      json_builder_set_member_name (builder, "anchor");
      if (info->anchor_name != NULL)
        {
          json_builder_begin_object (builder);
          add_string_or_null (builder, "name", info->anchor_name);
          json_builder_set_member_name (builder, "lat");
          json_builder_add_double_value (builder, info->anchor_lat);
          json_builder_set_member_name (builder, "lon");
          json_builder_add_double_value (builder, info->anchor_lon);
          json_builder_end_object (builder);
        }
      else
        json_builder_add_null_value (builder);

      add_string_or_null (builder, "iso", info->iso);
      add_int (builder, "count", summary->n_mentions);

      json_builder_set_member_name (builder, "mentions");
      json_builder_begin_array (builder);
      for (guint j = 0; summary->mentions != NULL && j < summary->mentions->len; j++)
        {
          guint index = g_array_index (summary->mentions, guint, j);
          const DmMention *mention = &g_array_index (mentions, DmMention, index);
          DmDocument *document = dm_analysis_get_document (self, mention->doc);
          g_autofree char *text = dup_document_slice (document, mention->start, mention->end);

          json_builder_begin_object (builder);
          add_string_or_null (builder, "doc", dm_document_get_id (document));
          add_int (builder, "start", dm_document_char_offset (document, mention->start));
          add_int (builder, "end", dm_document_char_offset (document, mention->end));
          add_string_or_null (builder, "text", text);
          add_int (builder, "sentence", mention->sentence);
          add_confidence (builder, mention->confidence);
          json_builder_set_member_name (builder, "ambiguous");
          json_builder_add_boolean_value (builder, (mention->flags & DM_MATCH_AMBIGUOUS) != 0);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
build_evidence (DmAnalysis       *self,
                JsonBuilder      *builder,
                const DmEvidence *evidence)
{
  DmDocument *document = dm_analysis_get_document (self, evidence->doc);
  g_autofree char *sentence = dup_document_slice (document, evidence->start, evidence->end);
  g_autofree char *cue = dup_document_slice (document, evidence->cue_start, evidence->cue_end);

  json_builder_begin_object (builder);
  add_string_or_null (builder, "doc", dm_document_get_id (document));
  add_int (builder, "sentence", evidence->sentence);
  add_int (builder, "start", dm_document_char_offset (document, evidence->start));
  add_int (builder, "end", dm_document_char_offset (document, evidence->end));
  add_string_or_null (builder, "text", sentence);

  json_builder_set_member_name (builder, "cue");
  json_builder_begin_object (builder);
  add_int (builder, "start", dm_document_char_offset (document, evidence->cue_start));
  add_int (builder, "end", dm_document_char_offset (document, evidence->cue_end));
  add_string_or_null (builder, "text", cue);
  json_builder_end_object (builder);

  add_string_or_null (builder, "rule", rule_id (self, evidence->rule));
  add_confidence (builder, evidence->confidence);
  json_builder_end_object (builder);
}

static void
build_links (DmAnalysis  *self,
             JsonBuilder *builder)
{
  json_builder_set_member_name (builder, "links");
  json_builder_begin_array (builder);
  for (guint i = 0; i < dm_analysis_get_n_links (self); i++)
    {
      const DmLink *link = dm_analysis_get_link (self, i);

      json_builder_begin_object (builder);
      add_string_or_null (builder, "source", actor_code (self, link->source));
      add_string_or_null (builder, "target", actor_code (self, link->target));
      add_string_or_null (builder, "kind", dm_link_kind_to_string (link->kind));
      add_string_or_null (builder, "quad", dm_quad_to_string (dm_link_kind_get_quad (link->kind)));
      json_builder_set_member_name (builder, "directed");
      json_builder_add_boolean_value (builder, link->directed);
      add_int (builder, "weight", link->weight);
      add_confidence (builder, link->confidence);
      {
        const char *first, *last;

        dm_analysis_get_link_dates (self, link, &first, &last);
        add_string_or_null (builder, "first_date", first);
        add_string_or_null (builder, "last_date", last);
      }

      json_builder_set_member_name (builder, "evidence");
      json_builder_begin_array (builder);
      for (guint j = 0; j < link->weight; j++)
        build_evidence (self, builder, &link->evidence[j]);
      json_builder_end_array (builder);

      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * dm_analysis_to_json:
 * @self: an analysis
 *
 * Writes @self in the exchange format (docs/exchange-format.md).
 *
 * Returns: (transfer full): UTF-8 JSON ending with a newline
 */
char *
dm_analysis_to_json (DmAnalysis *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  GString *out;

  g_return_val_if_fail (DM_IS_ANALYSIS (self), NULL);

  json_builder_begin_object (builder);
  add_int (builder, "diplomap", EXCHANGE_FORMAT_VERSION);
  build_documents (self, builder);
  build_actors (self, builder);
  build_links (self, builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  out = g_string_new (NULL);
  append_json_node (out, root, 0);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

/* ----------------------------------------------------------------- CSV --- */

static void
append_csv_field (GString    *out,
                  const char *field,
                  gboolean    last)
{
  if (field == NULL)
    field = "";

  /* RFC 4180: quote a field holding a separator, a quote or a line break,
   * and double the quotes inside it. */
  if (strpbrk (field, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = field; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, field);

  g_string_append (out, last ? "\r\n" : ",");
}

static void
append_csv_uint (GString *out,
                 guint64  value)
{
  g_string_append_printf (out, "%" G_GUINT64_FORMAT ",", value);
}

/**
 * dm_analysis_to_csv:
 * @self: an analysis
 *
 * Writes one row per piece of evidence of every link, after a header row.
 * Records end with CRLF as RFC 4180 says.
 *
 * Returns: (transfer full): UTF-8 CSV
 */
char *
dm_analysis_to_csv (DmAnalysis *self)
{
  GString *out;

  g_return_val_if_fail (DM_IS_ANALYSIS (self), NULL);

  out = g_string_new ("source,target,kind,quad,directed,weight,doc,"
                      "sentence_start,sentence_end,cue,rule,confidence,sentence\r\n");

  for (guint i = 0; i < dm_analysis_get_n_links (self); i++)
    {
      const DmLink *link = dm_analysis_get_link (self, i);

      for (guint j = 0; j < link->weight; j++)
        {
          const DmEvidence *evidence = &link->evidence[j];
          DmDocument *document = dm_analysis_get_document (self, evidence->doc);
          g_autofree char *sentence = dup_document_slice (document, evidence->start, evidence->end);
          g_autofree char *cue = dup_document_slice (document, evidence->cue_start, evidence->cue_end);
          char confidence[G_ASCII_DTOSTR_BUF_SIZE];

          append_csv_field (out, actor_code (self, link->source), FALSE);
          append_csv_field (out, actor_code (self, link->target), FALSE);
          append_csv_field (out, dm_link_kind_to_string (link->kind), FALSE);
          append_csv_field (out, dm_quad_to_string (dm_link_kind_get_quad (link->kind)), FALSE);
          append_csv_field (out, link->directed ? "true" : "false", FALSE);
          append_csv_uint (out, link->weight);
          append_csv_field (out, dm_document_get_id (document), FALSE);
          append_csv_uint (out, dm_document_char_offset (document, evidence->start));
          append_csv_uint (out, dm_document_char_offset (document, evidence->end));
          append_csv_field (out, cue, FALSE);
          append_csv_field (out, rule_id (self, evidence->rule), FALSE);
          /* Not the locale's decimal comma: that would need quoting and
           * would not read back as a number elsewhere. */
          g_ascii_formatd (confidence, sizeof confidence, "%.2f",
                           round_confidence (evidence->confidence));
          append_csv_field (out, confidence, FALSE);
          append_csv_field (out, sentence, TRUE);
        }
    }

  return g_string_free (out, FALSE);
}

/* ---------------------------------------------------------------- text --- */

/* Pads with spaces to @width characters (not bytes: names are UTF-8). */
static void
append_padded (GString    *out,
               const char *str,
               glong       width)
{
  glong length = g_utf8_strlen (str, -1);

  g_string_append (out, str);
  for (glong i = length; i < width; i++)
    g_string_append_c (out, ' ');
}

/* Appends @text word-wrapped to TEXT_WIDTH characters, every line starting
 * with @indent.  A word longer than a line gets a line of its own. */
static void
append_wrapped (GString    *out,
                const char *text,
                const char *indent)
{
  glong indent_width = g_utf8_strlen (indent, -1);
  glong column = 0;
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      glong word_width = g_utf8_strlen (words[i], -1);

      if (word_width == 0)
        continue;

      if (column == 0)
        {
          g_string_append (out, indent);
          column = indent_width;
        }
      else if (column + 1 + word_width > TEXT_WIDTH)
        {
          g_string_append_c (out, '\n');
          g_string_append (out, indent);
          column = indent_width;
        }
      else
        {
          g_string_append_c (out, ' ');
          column++;
        }

      g_string_append (out, words[i]);
      column += word_width;
    }

  if (column > 0)
    g_string_append_c (out, '\n');
}

static void
append_heading (GString    *out,
                const char *heading)
{
  glong width = g_utf8_strlen (heading, -1);

  g_string_append_printf (out, "\n%s\n", heading);
  for (glong i = 0; i < width; i++)
    g_string_append (out, "─");
  g_string_append_c (out, '\n');
}

static void
append_text_header (DmAnalysis *self,
                    GString    *out)
{
  guint n_documents = dm_analysis_get_n_documents (self);

  for (guint i = 0; i < n_documents; i++)
    {
      DmDocument *document = dm_analysis_get_document (self, i);
      const char *title = dm_document_get_title (document);
      const char *source = dm_document_get_source (document);
      const char *date = dm_document_get_date (document);
      const char *url = dm_document_get_url (document);
      g_autoptr(GPtrArray) details = g_ptr_array_new ();
      g_autofree char *joined = NULL;

      if (title == NULL || *title == '\0')
        title = dm_document_get_id (document);

      if (n_documents > 1)
        {
          g_autofree char *line = g_strdup_printf ("[%s] %s", dm_document_get_id (document), title);
          append_wrapped (out, line, "");
        }
      else
        append_wrapped (out, title, "");

      if (source != NULL && *source != '\0')
        g_ptr_array_add (details, (gpointer) source);
      if (date != NULL && *date != '\0')
        g_ptr_array_add (details, (gpointer) date);
      if (url != NULL && *url != '\0')
        g_ptr_array_add (details, (gpointer) url);
      g_ptr_array_add (details, NULL);

      joined = g_strjoinv (" · ", (char **) details->pdata);
      if (*joined != '\0')
        {
          /* Translators: the line under an article's title: its source,
           * date and address, as many as are known. */
          g_autofree char *line = g_strdup_printf (_("Source: %s"), joined);
          append_wrapped (out, line, n_documents > 1 ? "    " : "");
        }
      {
        /* Translators: the line under an article's title that gives the
         * language its text is read in, as an ISO 639-1 code ("en", "ru"). */
        g_autofree char *line = g_strdup_printf (_("Language: %s"), dm_document_get_language (document));
        append_wrapped (out, line, n_documents > 1 ? "    " : "");
      }
    }
}

/* Whether @names already holds @name. */
static gboolean
has_name (GPtrArray  *names,
          const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_strcmp0 (g_ptr_array_index (names, i), name) == 0)
      return TRUE;
  return FALSE;
}

static void
append_text_actors (DmAnalysis *self,
                    GString    *out)
{
  DmGazetteer *gazetteer = dm_analysis_get_gazetteer (self);
  const GArray *mentions = dm_analysis_get_mentions (self);
  guint n_actors = dm_analysis_get_n_actors (self);
  glong code_width = 0, name_width = 0;
  g_autofree char *heading = g_strdup_printf (_("Actors (%u)"), n_actors);

  append_heading (out, heading);
  if (n_actors == 0)
    {
      g_string_append_printf (out, "%s\n", _("No known actor is mentioned."));
      return;
    }

  for (guint i = 0; i < n_actors; i++)
    {
      const DmActorInfo *info = dm_gazetteer_get_actor (gazetteer, dm_analysis_get_actor (self, i)->actor);

      code_width = MAX (code_width, g_utf8_strlen (info->code, -1));
      name_width = MAX (name_width, g_utf8_strlen (dm_actor_info_get_display_name (info), -1));
    }

  for (guint i = 0; i < n_actors; i++)
    {
      const DmActorSummary *summary = dm_analysis_get_actor (self, i);
      const DmActorInfo *info = dm_gazetteer_get_actor (gazetteer, summary->actor);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      gboolean more = FALSE;
      g_autofree char *count = g_strdup_printf ("%u", summary->n_mentions);

      for (guint j = 0; summary->mentions != NULL && j < summary->mentions->len; j++)
        {
          guint index = g_array_index (summary->mentions, guint, j);
          const DmMention *mention = &g_array_index (mentions, DmMention, index);
          DmDocument *document = dm_analysis_get_document (self, mention->doc);
          g_autofree char *name = dup_document_slice (document, mention->start, mention->end);

          if (has_name (names, name))
            continue;
          if (names->len == TEXT_MAX_NAMES)
            {
              more = TRUE;
              break;
            }
          g_ptr_array_add (names, g_steal_pointer (&name));
        }

      g_string_append (out, "  ");
      append_padded (out, info->code, code_width + 2);
      append_padded (out, dm_actor_info_get_display_name (info), name_width + 2);
      for (glong k = strlen (count); k < 4; k++)
        g_string_append_c (out, ' ');
      g_string_append (out, count);
      g_string_append (out, "  ");
      for (guint j = 0; j < names->len; j++)
        g_string_append_printf (out, "%s“%s”", j > 0 ? ", " : "", (char *) g_ptr_array_index (names, j));
      if (more)
        g_string_append (out, ", …");
      g_string_append_c (out, '\n');
    }
}

static void
append_text_evidence (DmAnalysis       *self,
                      GString          *out,
                      const DmEvidence *evidence)
{
  DmDocument *document = dm_analysis_get_document (self, evidence->doc);
  const char *text = dm_document_get_text (document);
  g_autoptr(GString) quote = g_string_new (NULL);
  gsize cue_start = CLAMP (evidence->cue_start, evidence->start, evidence->end);
  gsize cue_end = CLAMP (evidence->cue_end, cue_start, evidence->end);

  if (dm_analysis_get_n_documents (self) > 1)
    g_string_append_printf (quote, "[%s] ", dm_document_get_id (document));

  /* The cue in guillemets shows why the link exists without colour, so it
   * survives a pipe, a log file and a screen reader. */
  g_string_append (quote, "“");
  g_string_append_len (quote, text + evidence->start, cue_start - evidence->start);
  g_string_append (quote, "«");
  g_string_append_len (quote, text + cue_start, cue_end - cue_start);
  g_string_append (quote, "»");
  g_string_append_len (quote, text + cue_end, evidence->end - cue_end);
  g_string_append (quote, "”");

  append_wrapped (out, quote->str, "      ");
}

static void
append_text_links (DmAnalysis *self,
                   GString    *out)
{
  guint n_links = dm_analysis_get_n_links (self);
  g_autofree char *heading = g_strdup_printf (_("Links (%u)"), n_links);

  append_heading (out, heading);
  if (n_links == 0)
    {
      g_string_append_printf (out, "%s\n", _("No link between actors is stated."));
      return;
    }

  for (guint i = 0; i < n_links; i++)
    {
      const DmLink *link = dm_analysis_get_link (self, i);
      const char *first, *last;

      if (i > 0)
        g_string_append_c (out, '\n');

      g_string_append_printf (out, "  %s %s %s  %s · %s  ×%u",
                              actor_code (self, link->source),
                              link->directed ? "→" : "—",
                              actor_code (self, link->target),
                              dm_link_kind_get_label (link->kind),
                              dm_quad_get_label (dm_link_kind_get_quad (link->kind)),
                              link->weight);
      /* The days it is stated on: a story followed over months shows
       * how long a link has held. */
      dm_analysis_get_link_dates (self, link, &first, &last);
      if (first != NULL && strcmp (first, last) == 0)
        g_string_append_printf (out, "  %s", first);
      else if (first != NULL)
        g_string_append_printf (out, "  %s – %s", first, last);
      g_string_append_c (out, '\n');

      for (guint j = 0; j < link->weight; j++)
        append_text_evidence (self, out, &link->evidence[j]);
    }
}

/**
 * dm_analysis_to_text:
 * @self: an analysis
 *
 * Writes @self for a person to read in a terminal: the articles, the actors
 * with how they are named, and the links with the sentences behind them.
 *
 * Returns: (transfer full): UTF-8 text ending with a newline
 */
char *
dm_analysis_to_text (DmAnalysis *self)
{
  GString *out;

  g_return_val_if_fail (DM_IS_ANALYSIS (self), NULL);

  out = g_string_new (NULL);
  append_text_header (self, out);
  append_text_actors (self, out);
  append_text_links (self, out);
  return g_string_free (out, FALSE);
}
