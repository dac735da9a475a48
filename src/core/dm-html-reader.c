/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-html-reader.c: the article inside a saved web page.
 *
 * libxml2's HTML parser builds the tree (it copes with tag soup and decodes
 * entities); we walk it once, keeping the text of paragraphs, list items,
 * quotes and headings and dropping the page furniture around them (scripts,
 * navigation, page header and footer, asides, forms).  The metadata comes
 * from the usual <meta> and <link> elements.  A page nested past libxml2's
 * 256 levels, where it stops reading, is refused rather than read in part.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "dm-readers-private.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlversion.h>
#include <string.h>

/* libxml2 builds no more levels of elements than this without
 * XML_PARSE_HUGE, which we never pass: the limit is what keeps a hostile
 * page from costing unbounded stack and time (has_ancestor() walks up).  At
 * the limit it stops parsing, and all that follows is missing. */
#define HTML_MAX_DEPTH 256

typedef struct {
  GPtrArray *paragraphs; /* char*, cleaned, non-empty */
  GString   *current;
  char      *first_h1;
  char      *title;
  char      *site_name;
  char      *author;
  char      *published;
  char      *ld_published;
  char      *time;
  char      *canonical;
  char      *og_url;
} HtmlState;

static void
html_state_clear (HtmlState *state)
{
  g_clear_pointer (&state->paragraphs, g_ptr_array_unref);
  if (state->current != NULL)
    g_string_free (state->current, TRUE);
  g_free (state->first_h1);
  g_free (state->title);
  g_free (state->site_name);
  g_free (state->author);
  g_free (state->published);
  g_free (state->ld_published);
  g_free (state->time);
  g_free (state->canonical);
  g_free (state->og_url);
}

static gboolean
name_is (const xmlNode *node,
         const char    *name)
{
  return node->name != NULL && g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static gboolean
name_in (const xmlNode     *node,
         const char *const *names)
{
  for (; *names != NULL; names++)
    if (name_is (node, *names))
      return TRUE;
  return FALSE;
}

static const char *const skipped[] = {
  "script", "style", "nav", "aside", "form", "noscript", "template", "svg",
  "math", "iframe", "object", "embed", "canvas", "video", "audio", "button",
  "select", "textarea", "head", "title", "menu", "dialog", NULL
};

/* Elements whose start and end break the text into paragraphs. */
static const char *const blocks[] = {
  "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "h1", "h2",
  "h3", "h4", "h5", "h6", "article", "section", "main", "header", "footer",
  "figure", "figcaption", "table", "caption", "tr", "td", "th", "pre",
  "address", "center", "hr", "br", "details", "summary", "body", NULL
};

static char *
get_attr (const xmlNode *node,
          const char    *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;

  copy = dm_text_clean_inline ((const char *) value, -1);
  xmlFree (value);

  if (copy != NULL && *copy == '\0')
    g_clear_pointer (&copy, g_free);

  return copy;
}

static char *
get_text (const xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text;

  if (content == NULL)
    return NULL;

  text = dm_text_clean_inline ((const char *) content, -1);
  xmlFree (content);

  if (text != NULL && *text == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

static gboolean
has_ancestor (const xmlNode *node,
              const char    *name)
{
  for (node = node->parent; node != NULL; node = node->parent)
    if (node->type == XML_ELEMENT_NODE && name_is (node, name))
      return TRUE;
  return FALSE;
}

static gboolean
is_skipped (const xmlNode *node)
{
  g_autofree char *hidden = NULL;

  if (name_in (node, skipped))
    return TRUE;

  /* The page's header and footer are furniture; an <article>'s own header
   * holds the headline and stays. */
  if (name_is (node, "header") || name_is (node, "footer"))
    return !(name_is (node, "header")
             && (has_ancestor (node, "article") || has_ancestor (node, "main")));

  if (node->properties == NULL)
    return FALSE;
  if (xmlHasProp (node, (const xmlChar *) "hidden") != NULL)
    return TRUE;
  if (xmlHasProp (node, (const xmlChar *) "aria-hidden") == NULL)
    return FALSE;

  hidden = get_attr (node, "aria-hidden");
  return hidden != NULL && g_ascii_strcasecmp (hidden, "true") == 0;
}

static void
take_first (char **slot,
            char  *value)
{
  if (*slot == NULL)
    *slot = value;
  else
    g_free (value);
}

/* The "datePublished" of a JSON-LD block, found by a scan rather than a
 * parse: the block is often not valid JSON (comments, a trailing comma),
 * and a scan cannot be made to recurse. */
static char *
find_ld_date_published (const char *json)
{
  const char *p = json != NULL ? strstr (json, "\"datePublished\"") : NULL;
  const char *close;

  if (p == NULL)
    return NULL;
  p += strlen ("\"datePublished\"");
  while (g_ascii_isspace (*p))
    p++;
  if (*p++ != ':')
    return NULL;
  while (g_ascii_isspace (*p))
    p++;
  if (*p++ != '"')
    return NULL;
  close = strchr (p, '"');
  if (close == NULL || close - p > 64)
    return NULL;
  return g_strndup (p, close - p);
}

static void
read_metadata (const xmlNode *node,
               HtmlState     *state)
{
  if (name_is (node, "script"))
    {
      g_autofree char *type = get_attr (node, "type");

      if (type != NULL && g_ascii_strcasecmp (type, "application/ld+json") == 0
          && state->ld_published == NULL)
        {
          xmlChar *content = xmlNodeGetContent (node);

          state->ld_published = find_ld_date_published ((const char *) content);
          xmlFree (content);
        }
    }
  else if (name_is (node, "title"))
    take_first (&state->title, get_text (node));
  else if (name_is (node, "meta"))
    {
      g_autofree char *property = get_attr (node, "property");
      g_autofree char *name = get_attr (node, "name");
      const char *key = property != NULL ? property : name;

      if (key == NULL)
        return;

      if (g_ascii_strcasecmp (key, "og:site_name") == 0)
        take_first (&state->site_name, get_attr (node, "content"));
      else if (g_ascii_strcasecmp (key, "author") == 0)
        take_first (&state->author, get_attr (node, "content"));
      else if (g_ascii_strcasecmp (key, "article:published_time") == 0)
        take_first (&state->published, get_attr (node, "content"));
      else if (g_ascii_strcasecmp (key, "og:url") == 0)
        take_first (&state->og_url, get_attr (node, "content"));
    }
  else if (name_is (node, "link"))
    {
      g_autofree char *rel = get_attr (node, "rel");

      if (rel != NULL && g_ascii_strcasecmp (rel, "canonical") == 0)
        take_first (&state->canonical, get_attr (node, "href"));
    }
  else if (name_is (node, "time"))
    take_first (&state->time, get_attr (node, "datetime"));
}

static void
flush_paragraph (HtmlState *state)
{
  char *text;

  if (state->current->len == 0)
    return;

  text = dm_text_clean_inline (state->current->str, state->current->len);
  g_string_truncate (state->current, 0);

  if (*text != '\0')
    g_ptr_array_add (state->paragraphs, text);
  else
    g_free (text);
}

static void
leave_element (const xmlNode *node,
               HtmlState     *state)
{
  if (!name_in (node, blocks))
    return;

  flush_paragraph (state);

  if (state->first_h1 == NULL && name_is (node, "h1") && state->paragraphs->len > 0)
    state->first_h1 = g_strdup (g_ptr_array_index (state->paragraphs, state->paragraphs->len - 1));
}

/* Returns whether to descend into @node. */
static gboolean
enter_node (const xmlNode *node,
            HtmlState     *state)
{
  switch (node->type)
    {
    case XML_ELEMENT_NODE:
      if (is_skipped (node))
        return FALSE;
      if (name_in (node, blocks))
        flush_paragraph (state);
      if (name_is (node, "pre"))
        {
          /* Lines of preformatted text are lines of the article. */
          xmlChar *raw = xmlNodeGetContent (node);
          g_auto(GStrv) lines = raw != NULL ? g_strsplit ((const char *) raw, "\n", -1) : NULL;

          xmlFree (raw);
          for (guint k = 0; lines != NULL && lines[k] != NULL; k++)
            {
              g_string_append (state->current, lines[k]);
              flush_paragraph (state);
            }
          return FALSE;
        }
      return TRUE;

    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
      if (node->content != NULL)
        g_string_append (state->current, (const char *) node->content);
      return FALSE;

    case XML_ENTITY_REF_NODE:
      {
        xmlChar *content = xmlNodeGetContent (node);

        if (content != NULL)
          g_string_append (state->current, (const char *) content);
        xmlFree (content);
        return FALSE;
      }

    default:
      return FALSE;
    }
}

/* Metadata can sit anywhere once the parser has repaired a broken page. */
static void
walk_metadata (const xmlNode *root,
               HtmlState     *state)
{
  const xmlNode *node = root;

  while (node != NULL)
    {
      if (node->type == XML_ELEMENT_NODE)
        read_metadata (node, state);

      if (node->type == XML_ELEMENT_NODE && node->children != NULL)
        {
          node = node->children;
          continue;
        }

      while (node != root && node->next == NULL)
        node = node->parent;

      node = node == root ? NULL : node->next;
    }
}

/* Iterative, so that a page nested ten thousand deep cannot exhaust the
 * stack. */
static void
walk (const xmlNode *root,
      HtmlState     *state)
{
  const xmlNode *node = root;

  while (node != NULL)
    {
      if (enter_node (node, state) && node->children != NULL)
        {
          node = node->children;
          continue;
        }

      if (node->type == XML_ELEMENT_NODE)
        leave_element (node, state);

      while (node != root && node->next == NULL)
        {
          node = node->parent;
          if (node == NULL)
            break;
          leave_element (node, state);
        }

      node = node == root || node == NULL ? NULL : node->next;
    }

  flush_paragraph (state);
}

static gboolean
parser_stopped (htmlParserCtxtPtr ctxt)
{
#if LIBXML_VERSION >= 21400
  return xmlCtxtIsStopped (ctxt);
#else
  return ctxt->disableSAX != 0;
#endif
}

/* Whether the tree reaches @limit levels: what tells a parse stopped at the
 * depth limit from one stopped for another reason, whatever the error code
 * of the libxml2 version.  Iterative, like walk(). */
static gboolean
reaches_depth (const xmlNode *root,
               guint          limit)
{
  const xmlNode *node = root;
  guint depth = 1;

  while (node != NULL)
    {
      if (depth >= limit)
        return TRUE;

      if (node->type == XML_ELEMENT_NODE && node->children != NULL)
        {
          node = node->children;
          depth++;
          continue;
        }

      while (node != root && node->next == NULL)
        {
          node = node->parent;
          depth--;
        }

      node = node == root ? NULL : node->next;
    }

  return FALSE;
}

/* The charset a page declares in its first bytes, the way browsers pre-scan
 * for <meta charset> before parsing.  Only used to know whether libxml2 has
 * a declaration to honour; NULL when there is none. */
static char *
find_declared_charset (const guint8 *data,
                       gsize         size)
{
  gsize limit = MIN (size, 4096);

  for (gsize i = 0; i + 7 < limit; i++)
    {
      gsize j;
      gsize start;

      if (g_ascii_strncasecmp ((const char *) data + i, "charset", 7) != 0)
        continue;

      j = i + 7;
      while (j < limit && g_ascii_isspace (data[j]))
        j++;
      if (j >= limit || data[j] != '=')
        continue;
      j++;
      while (j < limit && (g_ascii_isspace (data[j]) || data[j] == '"' || data[j] == '\''))
        j++;

      start = j;
      while (j < limit && (g_ascii_isalnum (data[j]) || data[j] == '-' || data[j] == '_'
                           || data[j] == ':' || data[j] == '.'))
        j++;

      if (j > start)
        return g_strndup ((const char *) data + start, j - start);
    }

  return NULL;
}

static gboolean
is_utf8_name (const char *charset)
{
  return g_ascii_strcasecmp (charset, "utf-8") == 0 || g_ascii_strcasecmp (charset, "utf8") == 0;
}

/* "Headline | Outlet", "Headline - Outlet": the <title> of most news pages.
 * When the <h1> is such a prefix, it is the cleaner title. */
static gboolean
title_starts_with_headline (const char *title,
                            const char *h1)
{
  static const char *const separators[] = { " | ", " - ", " – ", " — ", " :: ", " · ", " : " };
  gsize n = strlen (h1);

  if (strncmp (title, h1, n) != 0)
    return FALSE;

  for (guint k = 0; k < G_N_ELEMENTS (separators); k++)
    if (g_str_has_prefix (title + n, separators[k]))
      return TRUE;

  return FALSE;
}

DmDocument *
dm_html_read (const guint8 *data,
              gsize         size,
              const char   *name,
              const char   *id,
              GError      **error)
{
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
                      | HTML_PARSE_NONET;
  g_autofree char *decoded = NULL;
  g_autofree char *declared = NULL;
  g_autoptr(GString) text = NULL;
  HtmlState state = { 0 };
  const char *encoding = NULL;
  const char *buffer = (const char *) data;
  gsize length = size;
  const char *source;
  const char *date;
  const char *url;
  gboolean title_in_text = FALSE;
  DmDocument *document;
  htmlParserCtxtPtr ctxt;
  htmlDocPtr doc = NULL;
  xmlNode *root = NULL;

  if (size > G_MAXINT)
    {
      g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_TOO_LARGE,
                   _("%s: over the 64 MiB limit"), name);
      return NULL;
    }

  /* A page that declares a legacy charset is left to libxml2, which honours
   * the declaration.  Otherwise we decode it ourselves, like plain text, so
   * that bad UTF-8 is an error and Windows-1252 is recognized instead of
   * being parsed into garbage. */
  declared = dm_text_has_wide_bom (data, size) ? NULL : find_declared_charset (data, size);
  if (declared == NULL || is_utf8_name (declared))
    {
      decoded = dm_text_decode (data, size, name, &length, error);
      if (decoded == NULL)
        return NULL;
      buffer = decoded;
      encoding = "UTF-8";
    }

  /* A context of our own, to ask it afterwards why parsing stopped. */
  ctxt = htmlNewParserCtxt ();
  if (ctxt != NULL)
    doc = htmlCtxtReadMemory (ctxt, buffer, (int) length, NULL, encoding, options);
  if (doc != NULL)
    root = xmlDocGetRootElement (doc);

  /* Stopped at the depth limit, the tree holds only the start of the page:
   * refused, because a silently shorter article would skew the analysis. */
  if (root != NULL && parser_stopped (ctxt) && reaches_depth (root, HTML_MAX_DEPTH))
    {
      const xmlError *last = xmlCtxtGetLastError (ctxt);

      g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_MALFORMED,
                   /* Translators: the file, the line and column where the
                    * page opens one level of elements too many, and the
                    * limit (256) */
                   _("%s: HTML nested too deeply at line %u, column %u: more than %u levels"),
                   name, last != NULL ? (guint) MAX (last->line, 0) : 0,
                   last != NULL ? (guint) MAX (last->int2, 0) : 0, (guint) HTML_MAX_DEPTH);
      xmlFreeDoc (doc);
      htmlFreeParserCtxt (ctxt);
      return NULL;
    }
  if (ctxt != NULL)
    htmlFreeParserCtxt (ctxt);

  if (root == NULL)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_EMPTY,
                   _("%s: no article text in the HTML"), name);
      return NULL;
    }

  state.paragraphs = g_ptr_array_new_with_free_func (g_free);
  state.current = g_string_new (NULL);
  walk_metadata (root, &state);
  walk (root, &state);
  xmlFreeDoc (doc);

  if (state.paragraphs->len == 0)
    {
      html_state_clear (&state);
      g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_EMPTY,
                   _("%s: no article text in the HTML"), name);
      return NULL;
    }

  if (state.title == NULL)
    state.title = g_strdup (state.first_h1);
  else if (state.first_h1 != NULL && title_starts_with_headline (state.title, state.first_h1))
    {
      g_free (state.title);
      state.title = g_strdup (state.first_h1);
    }

  if (state.title != NULL)
    title_in_text = strcmp (g_ptr_array_index (state.paragraphs, 0), state.title) == 0;

  text = g_string_new (NULL);
  for (guint k = 0; k < state.paragraphs->len; k++)
    {
      if (k > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (state.paragraphs, k));
    }

  source = state.site_name != NULL ? state.site_name : state.author;
  date = state.published != NULL ? state.published
         : state.ld_published != NULL ? state.ld_published : state.time;
  url = state.canonical != NULL ? state.canonical : state.og_url;

  document = dm_document_new (id, state.title, source, date, url, text->str, title_in_text);
  html_state_clear (&state);

  return document;
}

char *
dm_html_fragment_to_text (const char *utf8,
                          gsize       length)
{
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
                      | HTML_PARSE_NONET;
  HtmlState state = { 0 };
  GString *text;
  htmlDocPtr doc;
  xmlNode *root;

  if (length == 0 || length > G_MAXINT)
    return NULL;

  /* Most feed descriptions are text without a tag: no parser needed, and
   * a feed of 100,000 items makes that worth it.  An '&' may still start
   * an entity that the feed escaped twice ("&amp;quot;"). */
  if (memchr (utf8, '<', length) == NULL && memchr (utf8, '&', length) == NULL)
    {
      g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
      g_auto(GStrv) split = g_strsplit (utf8, "\n\n", -1);

      text = g_string_new (NULL);
      for (guint k = 0; split[k] != NULL; k++)
        {
          g_autofree char *line = dm_text_clean_inline (split[k], -1);

          if (*line == '\0')
            continue;
          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append (text, line);
        }
      if (text->len == 0)
        {
          g_string_free (text, TRUE);
          return NULL;
        }
      return g_string_free (text, FALSE);
    }

  doc = htmlReadMemory (utf8, (int) length, NULL, "UTF-8", options);
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      return NULL;
    }

  state.paragraphs = g_ptr_array_new_with_free_func (g_free);
  state.current = g_string_new (NULL);
  walk (root, &state);
  xmlFreeDoc (doc);

  text = g_string_new (NULL);
  for (guint k = 0; k < state.paragraphs->len; k++)
    {
      if (k > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (state.paragraphs, k));
    }
  html_state_clear (&state);

  if (text->len == 0)
    {
      g_string_free (text, TRUE);
      return NULL;
    }
  return g_string_free (text, FALSE);
}
