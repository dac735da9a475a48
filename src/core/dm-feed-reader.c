/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-feed-reader.c: saved news feeds, RSS 2.0 (and 1.0) and Atom.
 *
 * Each item or entry is an article: its title is the text's first line (a
 * headline names actors as a page's <h1> does), its description or content
 * is HTML made text by the HTML reader, its date the item's (the loader
 * makes it a day), its source the feed's title.  libxml2 reads the XML
 * without the network, without external entities, and within its default
 * depth and entity-expansion limits, so a hostile feed costs bounded time;
 * a feed of many items is walked once, each item's document appended, so
 * time grows with the feed's size and no faster.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "dm-readers-private.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <string.h>

static gboolean
local_is (const xmlNode *node,
          const char    *name)
{
  return node->type == XML_ELEMENT_NODE && node->name != NULL
         && strcmp ((const char *) node->name, name) == 0;
}

static xmlNode *
first_child (const xmlNode *node,
             const char    *name)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (local_is (child, name))
      return child;
  return NULL;
}

static char *
get_attr (const xmlNode *node,
          const char    *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

/* The text of a child element on one line, NULL when absent or blank. */
static char *
child_inline_text (const xmlNode *node,
                   const char    *name)
{
  xmlNode *child = first_child (node, name);
  xmlChar *content;
  char *text;

  if (child == NULL)
    return NULL;
  content = xmlNodeGetContent (child);
  text = content != NULL ? dm_text_clean_inline ((const char *) content, -1) : NULL;
  xmlFree (content);
  if (text != NULL && *text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* An element whose content is HTML, whether escaped (RSS, Atom
 * type="html"), inline XHTML (Atom type="xhtml") or plain text (Atom's
 * default), as paragraphs. */
static char *
element_body_text (xmlNode *element)
{
  g_autofree char *type = get_attr (element, "type");
  g_autofree char *html = NULL;

  if (type != NULL && (strcmp (type, "xhtml") == 0 || strstr (type, "xhtml") != NULL))
    {
      xmlBuffer *buffer = xmlBufferCreate ();
      char *text;

      for (xmlNode *child = element->children; child != NULL; child = child->next)
        xmlNodeDump (buffer, element->doc, child, 0, 0);
      text = dm_html_fragment_to_text ((const char *) xmlBufferContent (buffer),
                                       xmlBufferLength (buffer));
      xmlBufferFree (buffer);
      return text;
    }

  {
    xmlChar *content = xmlNodeGetContent (element);

    html = g_strdup ((const char *) content);
    xmlFree (content);
  }
  if (html == NULL)
    return NULL;

  /* Atom's text construct is text: its '<' is a character, not a tag. */
  if (type != NULL && strcmp (type, "text") == 0)
    {
      g_autofree char *escaped = g_markup_escape_text (html, -1);

      return dm_html_fragment_to_text (escaped, strlen (escaped));
    }

  return dm_html_fragment_to_text (html, strlen (html));
}

/* The item's body: the fullest of the elements that may hold it. */
static char *
item_body (xmlNode *item)
{
  static const char *const candidates[] = { "encoded", "content", "description", "summary" };

  for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
    {
      xmlNode *element = first_child (item, candidates[k]);
      char *text = element != NULL ? element_body_text (element) : NULL;

      if (text != NULL)
        return text;
    }
  return NULL;
}

static char *
item_url (xmlNode *item,
          gboolean atom)
{
  if (atom)
    {
      for (xmlNode *child = item->children; child != NULL; child = child->next)
        if (local_is (child, "link"))
          {
            g_autofree char *rel = get_attr (child, "rel");

            if (rel == NULL || strcmp (rel, "alternate") == 0)
              {
                g_autofree char *href = get_attr (child, "href");
                return href != NULL ? dm_text_clean_inline (href, -1) : NULL;
              }
          }
      return NULL;
    }

  {
    char *link = child_inline_text (item, "link");
    xmlNode *guid;

    if (link != NULL)
      return link;
    guid = first_child (item, "guid");
    if (guid != NULL)
      {
        g_autofree char *permalink = get_attr (guid, "isPermaLink");

        if (permalink == NULL || strcmp (permalink, "false") != 0)
          return child_inline_text (item, "guid");
      }
    return NULL;
  }
}

static char *
item_date (xmlNode *item)
{
  /* Atom: published, else updated; RSS: pubDate, else Dublin Core date */
  static const char *const candidates[] = { "published", "pubDate", "date", "updated", "issued", "modified" };

  for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
    {
      char *date = child_inline_text (item, candidates[k]);

      if (date != NULL)
        return date;
    }
  return NULL;
}

static DmDocument *
read_item (xmlNode    *item,
           gboolean    atom,
           const char *source,
           const char *doc_id)
{
  g_autofree char *title = child_inline_text (item, "title");
  g_autofree char *body = item_body (item);
  g_autofree char *url = item_url (item, atom);
  g_autofree char *date = item_date (item);
  char *text;
  gboolean title_in_text = FALSE;

  if (body == NULL && title == NULL)
    return NULL;

  if (title != NULL && body != NULL && !g_str_has_prefix (body, title))
    {
      text = g_strconcat (title, "\n", body, NULL);
      title_in_text = TRUE;
    }
  else if (body != NULL)
    {
      gsize n = title != NULL ? strlen (title) : 0;

      title_in_text = title != NULL && (body[n] == '\n' || body[n] == '\0');
      text = g_steal_pointer (&body);
    }
  else
    {
      text = g_strdup (title);
      title_in_text = TRUE;
    }

  return dm_document_new_take_text (doc_id, title, source, date, url, text, title_in_text);
}

gboolean
dm_feed_looks_like_feed (const guint8 *data,
                         gsize         size)
{
  const char *p = (const char *) data;
  const char *end = p + MIN (size, 4096);

  if (end - p >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  for (;;)
    {
      while (p < end && g_ascii_isspace (*p))
        p++;
      if (end - p >= 2 && (memcmp (p, "<?", 2) == 0 || memcmp (p, "<!", 2) == 0))
        {
          const char *close = memchr (p, '>', end - p);

          if (close == NULL)
            return FALSE;
          p = close + 1;
          continue;
        }
      break;
    }

  return (end - p >= 4 && g_ascii_strncasecmp (p, "<rss", 4) == 0)
         || (end - p >= 5 && memcmp (p, "<feed", 5) == 0)
         || (end - p >= 8 && memcmp (p, "<rdf:RDF", 8) == 0)
         || (end - p >= 10 && memcmp (p, "<atom:feed", 10) == 0);
}

GPtrArray *
dm_feed_read (const guint8 *data,
              gsize         size,
              const char   *name,
              const char   *id,
              GError      **error)
{
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *source = NULL;
  xmlParserCtxt *ctxt;
  xmlDoc *doc = NULL;
  xmlNode *root, *channel;
  gboolean atom;
  guint n = 0;

  if (size > G_MAXINT)
    {
      g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_TOO_LARGE,
                   _("%s: over the 64 MiB limit"), name);
      return NULL;
    }

  ctxt = xmlNewParserCtxt ();
  if (ctxt != NULL)
    doc = xmlCtxtReadMemory (ctxt, (const char *) data, (int) size, NULL, NULL, options);
  if (doc == NULL)
    {
      const xmlError *last = ctxt != NULL ? xmlCtxtGetLastError (ctxt) : NULL;
      g_autofree char *reason = g_strdup (last != NULL && last->message != NULL
                                          ? last->message : "?");

      g_strstrip (reason);
      g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_MALFORMED,
                   /* Translators: the file, a line and a column, and
                    * libxml2's reason (in English) */
                   _("%s: malformed feed at line %u, column %u: %s"), name,
                   last != NULL ? (guint) MAX (last->line, 0) : 0,
                   last != NULL ? (guint) MAX (last->int2, 0) : 0, reason);
      if (ctxt != NULL)
        xmlFreeParserCtxt (ctxt);
      return NULL;
    }
  xmlFreeParserCtxt (ctxt);

  root = xmlDocGetRootElement (doc);
  atom = root != NULL && local_is (root, "feed");
  if (root == NULL || (!atom && !local_is (root, "rss") && !local_is (root, "RDF")))
    {
      xmlFreeDoc (doc);
      g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_MALFORMED,
                   _("%s: XML but neither an RSS nor an Atom feed"), name);
      return NULL;
    }

  channel = atom ? root : first_child (root, "channel");
  if (channel != NULL)
    source = child_inline_text (channel, "title");

  /* RSS 2.0 puts its items in the channel, RSS 1.0 beside it. */
  {
    xmlNode *parents[2] = { atom || channel == NULL ? root : channel, atom || channel == NULL ? NULL : root };

    for (guint k = 0; k < G_N_ELEMENTS (parents) && parents[k] != NULL; k++)
      for (xmlNode *item = parents[k]->children; item != NULL; item = item->next)
        {
          g_autofree char *doc_id = NULL;
          DmDocument *document;

          if (!local_is (item, atom ? "entry" : "item"))
            continue;
          n++;
          doc_id = g_strdup_printf ("%s#%u", id, n);
          document = read_item (item, atom, source, doc_id);
          if (document != NULL)
            g_ptr_array_add (documents, document);
        }
  }
  xmlFreeDoc (doc);

  if (documents->len == 0)
    {
      g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_EMPTY,
                   n == 0 ? _("%s: the feed holds no items") : _("%s: no item of the feed has text"),
                   name);
      return NULL;
    }

  return g_steal_pointer (&documents);
}
