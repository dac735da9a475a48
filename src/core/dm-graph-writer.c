/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-graph-writer.c: the analysis as a graph that Gephi, Cytoscape, yEd
 * and networkx open: actors are nodes, links are edges, the evidence
 * sentences an attribute of their edge.  docs/graph-exports.md is the
 * contract; change it together with this file.
 *
 * The XML formats go through libxml2's xmlTextWriter, which escapes
 * markup and quotes; what it cannot do is drop the control characters
 * XML 1.0 forbids outright, so every string passes through
 * dup_xml_safe() first.  Files reach the disk as the images do: a
 * temporary file beside the target, synced, renamed over it. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/xmlwriter.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "dm-graph-writer.h"
#include "dm-link-kind.h"

#define GEXF_NAMESPACE "http://gexf.net/1.3"
#define GEXF_SCHEMA "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"
#define GRAPHML_NAMESPACE "http://graphml.graphdrawing.org/xmlns"
#define GRAPHML_SCHEMA GRAPHML_NAMESPACE " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
#define XSI_NAMESPACE "http://www.w3.org/2001/XMLSchema-instance"

/* ------------------------------------------------------------ values --- */

/* Shared by the three formats, so that they say exactly the same. */
typedef struct {
  const DmActorInfo *info;
  char *mentions;
  char *latitude;    /* NULL without anchor */
  char *longitude;
} Node;

typedef struct {
  const DmLink *link;
  const char *source, *target;
  const char *kind, *quad;
  char *weight;
  char *confidence;
  char *first_date;  /* "" when unknown */
  char *last_date;
  char *evidence;
} Edge;

/* The shortest decimal that reads back as the same double, as the JSON
 * exchange format writes coordinates. */
static char *
format_double (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  if (strpbrk (buf, ".eEn") == NULL)
    return g_strconcat (buf, ".0", NULL);
  return g_strdup (buf);
}

static void
node_clear (Node *node)
{
  g_free (node->mentions);
  g_free (node->latitude);
  g_free (node->longitude);
}

static void
edge_clear (Edge *edge)
{
  g_free (edge->weight);
  g_free (edge->confidence);
  g_free (edge->first_date);
  g_free (edge->last_date);
  g_free (edge->evidence);
}

typedef struct {
  GArray *nodes;   /* Node, in the analysis's actor order */
  GArray *edges;   /* Edge, in its link order */
} Graph;

static void
graph_clear (Graph *graph)
{
  g_clear_pointer (&graph->nodes, g_array_unref);
  g_clear_pointer (&graph->edges, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Graph, graph_clear)

static void
graph_init (Graph      *graph,
            DmAnalysis *analysis)
{
  DmGazetteer *gazetteer = dm_analysis_get_gazetteer (analysis);

  graph->nodes = g_array_new (FALSE, TRUE, sizeof (Node));
  g_array_set_clear_func (graph->nodes, (GDestroyNotify) node_clear);
  graph->edges = g_array_new (FALSE, TRUE, sizeof (Edge));
  g_array_set_clear_func (graph->edges, (GDestroyNotify) edge_clear);

  for (guint i = 0; i < dm_analysis_get_n_actors (analysis); i++)
    {
      const DmActorSummary *summary = dm_analysis_get_actor (analysis, i);
      Node node = { 0 };

      node.info = dm_gazetteer_get_actor (gazetteer, summary->actor);
      node.mentions = g_strdup_printf ("%u", summary->n_mentions);
      if (node.info->anchor_name != NULL)
        {
          node.latitude = format_double (node.info->anchor_lat);
          node.longitude = format_double (node.info->anchor_lon);
        }
      g_array_append_val (graph->nodes, node);
    }

  for (guint i = 0; i < dm_analysis_get_n_links (analysis); i++)
    {
      const DmLink *link = dm_analysis_get_link (analysis, i);
      g_autoptr(GString) evidence = g_string_new (NULL);
      const char *first = NULL, *last = NULL;
      char confidence[G_ASCII_DTOSTR_BUF_SIZE];
      Edge edge = { 0 };

      edge.link = link;
      edge.source = dm_gazetteer_get_actor (gazetteer, link->source)->code;
      edge.target = dm_gazetteer_get_actor (gazetteer, link->target)->code;
      edge.kind = dm_link_kind_to_string (link->kind);
      edge.quad = dm_quad_to_string (dm_link_kind_get_quad (link->kind));
      edge.weight = g_strdup_printf ("%u", link->weight);
      /* two decimals, as in the JSON and CSV exchange formats */
      g_ascii_formatd (confidence, sizeof confidence, "%.2f",
                       round ((double) link->confidence * 100.0) / 100.0);
      edge.confidence = g_strdup (confidence);

      for (guint j = 0; j < link->weight; j++)
        {
          const DmEvidence *e = &link->evidence[j];
          DmDocument *document = dm_analysis_get_document (analysis, e->doc);
          const char *text = dm_document_get_text (document);
          gsize length = dm_document_get_length (document);
          gsize start = MIN (e->start, length), end = CLAMP (e->end, start, length);

          if (j > 0)
            g_string_append (evidence, DM_GRAPH_EVIDENCE_SEPARATOR);
          g_string_append_len (evidence, text + start, end - start);
        }
      /* the days the analysis gives every link, as the text and the
       * filters see them */
      dm_analysis_get_link_dates (analysis, link, &first, &last);
      edge.first_date = g_strdup (first != NULL ? first : "");
      edge.last_date = g_strdup (last != NULL ? last : "");
      edge.evidence = g_string_free (g_steal_pointer (&evidence), FALSE);
      g_array_append_val (graph->edges, edge);
    }
}

/* ---------------------------------------------------------------- XML --- */

/* @str with every character that XML 1.0 cannot carry (C0 controls but
 * tab, LF and CR; U+FFFE, U+FFFF) replaced by U+FFFD. */
static char *
dup_xml_safe (const char *str)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (str == NULL)
    return g_strdup ("");
  /* the loader's text always is UTF-8; a user's gazetteer may not be */
  if (!g_utf8_validate (str, -1, NULL))
    str = valid = g_utf8_make_valid (str, -1);

  out = g_string_sized_new (strlen (str));
  for (const char *p = str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xfffe || c == 0xffff)
        g_string_append (out, "\xef\xbf\xbd");
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
write_attribute (xmlTextWriterPtr writer,
                 const char      *name,
                 const char      *value)
{
  g_autofree char *safe = dup_xml_safe (value);

  xmlTextWriterWriteAttribute (writer, BAD_CAST name, BAD_CAST safe);
}

static void
write_element (xmlTextWriterPtr writer,
               const char      *name,
               const char      *content)
{
  g_autofree char *safe = dup_xml_safe (content);

  xmlTextWriterWriteElement (writer, BAD_CAST name, BAD_CAST safe);
}

static xmlTextWriterPtr
start_xml (xmlBufferPtr *buffer)
{
  xmlTextWriterPtr writer;

  *buffer = xmlBufferCreate ();
  writer = xmlNewTextWriterMemory (*buffer, 0);
  xmlTextWriterSetIndent (writer, 1);
  xmlTextWriterSetIndentString (writer, BAD_CAST "  ");
  xmlTextWriterStartDocument (writer, "1.0", "UTF-8", NULL);
  return writer;
}

static char *
finish_xml (xmlTextWriterPtr writer,
            xmlBufferPtr     buffer)
{
  char *out;

  xmlTextWriterEndDocument (writer);
  xmlFreeTextWriter (writer);
  out = g_strdup ((const char *) xmlBufferContent (buffer));
  xmlBufferFree (buffer);
  return out;
}

/* --------------------------------------------------------------- GEXF --- */

static void
gexf_declare (xmlTextWriterPtr writer,
              const char      *id,
              const char      *type)
{
  xmlTextWriterStartElement (writer, BAD_CAST "attribute");
  write_attribute (writer, "id", id);
  write_attribute (writer, "title", id);
  write_attribute (writer, "type", type);
  xmlTextWriterEndElement (writer);
}

static void
gexf_value (xmlTextWriterPtr writer,
            const char      *id,
            const char      *value)
{
  xmlTextWriterStartElement (writer, BAD_CAST "attvalue");
  write_attribute (writer, "for", id);
  write_attribute (writer, "value", value);
  xmlTextWriterEndElement (writer);
}

/**
 * dm_analysis_to_gexf:
 * @self: an analysis
 *
 * Writes @self as GEXF 1.3: a directed graph whose undirected links say
 * so on their edge (type="undirected"), as Gephi reads mixed graphs.
 *
 * Returns: (transfer full): UTF-8 XML
 */
char *
dm_analysis_to_gexf (DmAnalysis *self)
{
  g_auto(Graph) graph = { 0 };
  g_autofree char *title = NULL;
  xmlBufferPtr buffer;
  xmlTextWriterPtr writer;

  g_return_val_if_fail (DM_IS_ANALYSIS (self), NULL);

  graph_init (&graph, self);
  title = dm_analysis_dup_title (self);
  writer = start_xml (&buffer);

  xmlTextWriterStartElement (writer, BAD_CAST "gexf");
  write_attribute (writer, "xmlns", GEXF_NAMESPACE);
  write_attribute (writer, "xmlns:xsi", XSI_NAMESPACE);
  write_attribute (writer, "xsi:schemaLocation", GEXF_SCHEMA);
  write_attribute (writer, "version", "1.3");

  /* no lastmodifieddate: the same analysis gives the same bytes */
  xmlTextWriterStartElement (writer, BAD_CAST "meta");
  write_element (writer, "creator", PACKAGE_NAME " " PACKAGE_VERSION);
  if (title != NULL)
    write_element (writer, "description", title);
  xmlTextWriterEndElement (writer);

  xmlTextWriterStartElement (writer, BAD_CAST "graph");
  write_attribute (writer, "defaultedgetype", "directed");
  write_attribute (writer, "mode", "static");

  xmlTextWriterStartElement (writer, BAD_CAST "attributes");
  write_attribute (writer, "class", "node");
  write_attribute (writer, "mode", "static");
  gexf_declare (writer, "code", "string");
  gexf_declare (writer, "name", "string");
  gexf_declare (writer, "kind", "string");
  gexf_declare (writer, "mentions", "integer");
  gexf_declare (writer, "latitude", "double");
  gexf_declare (writer, "longitude", "double");
  xmlTextWriterEndElement (writer);

  /* The weight is the edge's own "weight", which Gephi and networkx read
   * as such; an attribute of that name would clash with it. */
  xmlTextWriterStartElement (writer, BAD_CAST "attributes");
  write_attribute (writer, "class", "edge");
  write_attribute (writer, "mode", "static");
  gexf_declare (writer, "kind", "string");
  gexf_declare (writer, "class", "string");
  gexf_declare (writer, "directed", "boolean");
  gexf_declare (writer, "confidence", "double");
  gexf_declare (writer, "first_date", "string");
  gexf_declare (writer, "last_date", "string");
  gexf_declare (writer, "curation", "string");
  gexf_declare (writer, "evidence", "string");
  xmlTextWriterEndElement (writer);

  xmlTextWriterStartElement (writer, BAD_CAST "nodes");
  for (guint i = 0; i < graph.nodes->len; i++)
    {
      const Node *node = &g_array_index (graph.nodes, Node, i);

      xmlTextWriterStartElement (writer, BAD_CAST "node");
      write_attribute (writer, "id", node->info->code);
      write_attribute (writer, "label", node->info->name);
      xmlTextWriterStartElement (writer, BAD_CAST "attvalues");
      gexf_value (writer, "code", node->info->code);
      gexf_value (writer, "name", node->info->name);
      gexf_value (writer, "kind", dm_actor_kind_to_string (node->info->kind));
      gexf_value (writer, "mentions", node->mentions);
      if (node->latitude != NULL)
        {
          gexf_value (writer, "latitude", node->latitude);
          gexf_value (writer, "longitude", node->longitude);
        }
      xmlTextWriterEndElement (writer);
      xmlTextWriterEndElement (writer);
    }
  xmlTextWriterEndElement (writer);

  xmlTextWriterStartElement (writer, BAD_CAST "edges");
  for (guint i = 0; i < graph.edges->len; i++)
    {
      const Edge *edge = &g_array_index (graph.edges, Edge, i);
      g_autofree char *id = g_strdup_printf ("%u", i);

      xmlTextWriterStartElement (writer, BAD_CAST "edge");
      write_attribute (writer, "id", id);
      write_attribute (writer, "source", edge->source);
      write_attribute (writer, "target", edge->target);
      if (!edge->link->directed)
        write_attribute (writer, "type", "undirected");
      write_attribute (writer, "label", edge->kind);
      /* GEXF 1.3's edge kind keeps two links of one pair apart (ARM–AZE
       * consult and tension) where Gephi would merge parallel edges */
      write_attribute (writer, "kind", edge->kind);
      write_attribute (writer, "weight", edge->weight);
      xmlTextWriterStartElement (writer, BAD_CAST "attvalues");
      gexf_value (writer, "kind", edge->kind);
      gexf_value (writer, "class", edge->quad);
      gexf_value (writer, "directed", edge->link->directed ? "true" : "false");
      gexf_value (writer, "confidence", edge->confidence);
      gexf_value (writer, "first_date", edge->first_date);
      gexf_value (writer, "last_date", edge->last_date);
      gexf_value (writer, "curation", DM_GRAPH_CURATION_MACHINE);
      gexf_value (writer, "evidence", edge->evidence);
      xmlTextWriterEndElement (writer);
      xmlTextWriterEndElement (writer);
    }
  xmlTextWriterEndElement (writer);

  xmlTextWriterEndElement (writer);  /* graph */
  xmlTextWriterEndElement (writer);  /* gexf */

  return finish_xml (writer, buffer);
}

/* ------------------------------------------------------------ GraphML --- */

static void
graphml_declare (xmlTextWriterPtr writer,
                 const char      *domain,
                 const char      *name,
                 const char      *type)
{
  g_autofree char *id = g_strdup_printf ("%c_%s", domain[0], name);

  xmlTextWriterStartElement (writer, BAD_CAST "key");
  write_attribute (writer, "id", id);
  write_attribute (writer, "for", domain);
  write_attribute (writer, "attr.name", name);
  write_attribute (writer, "attr.type", type);
  xmlTextWriterEndElement (writer);
}

/* An empty <data> reads back as no value at all in GraphML readers
 * (networkx drops it), so an unknown value is left out instead. */
static void
graphml_data (xmlTextWriterPtr writer,
              const char      *domain,
              const char      *name,
              const char      *value)
{
  g_autofree char *id = NULL;
  g_autofree char *safe = NULL;

  if (value == NULL || *value == '\0')
    return;
  id = g_strdup_printf ("%c_%s", domain[0], name);
  safe = dup_xml_safe (value);
  xmlTextWriterStartElement (writer, BAD_CAST "data");
  write_attribute (writer, "key", id);
  xmlTextWriterWriteString (writer, BAD_CAST safe);
  xmlTextWriterEndElement (writer);
}

/**
 * dm_analysis_to_graphml:
 * @self: an analysis
 *
 * Writes @self as GraphML: edgedefault="directed", and directed="false"
 * on the edges of undirected links.
 *
 * Returns: (transfer full): UTF-8 XML
 */
char *
dm_analysis_to_graphml (DmAnalysis *self)
{
  g_auto(Graph) graph = { 0 };
  xmlBufferPtr buffer;
  xmlTextWriterPtr writer;

  g_return_val_if_fail (DM_IS_ANALYSIS (self), NULL);

  graph_init (&graph, self);
  writer = start_xml (&buffer);

  xmlTextWriterStartElement (writer, BAD_CAST "graphml");
  write_attribute (writer, "xmlns", GRAPHML_NAMESPACE);
  write_attribute (writer, "xmlns:xsi", XSI_NAMESPACE);
  write_attribute (writer, "xsi:schemaLocation", GRAPHML_SCHEMA);

  graphml_declare (writer, "node", "code", "string");
  graphml_declare (writer, "node", "name", "string");
  graphml_declare (writer, "node", "kind", "string");
  graphml_declare (writer, "node", "mentions", "int");
  graphml_declare (writer, "node", "latitude", "double");
  graphml_declare (writer, "node", "longitude", "double");
  graphml_declare (writer, "edge", "kind", "string");
  graphml_declare (writer, "edge", "class", "string");
  graphml_declare (writer, "edge", "directed", "boolean");
  graphml_declare (writer, "edge", "weight", "int");
  graphml_declare (writer, "edge", "confidence", "double");
  graphml_declare (writer, "edge", "first_date", "string");
  graphml_declare (writer, "edge", "last_date", "string");
  graphml_declare (writer, "edge", "curation", "string");
  graphml_declare (writer, "edge", "evidence", "string");

  xmlTextWriterStartElement (writer, BAD_CAST "graph");
  write_attribute (writer, "id", "diplomap");
  write_attribute (writer, "edgedefault", "directed");

  for (guint i = 0; i < graph.nodes->len; i++)
    {
      const Node *node = &g_array_index (graph.nodes, Node, i);

      xmlTextWriterStartElement (writer, BAD_CAST "node");
      write_attribute (writer, "id", node->info->code);
      graphml_data (writer, "node", "code", node->info->code);
      graphml_data (writer, "node", "name", node->info->name);
      graphml_data (writer, "node", "kind", dm_actor_kind_to_string (node->info->kind));
      graphml_data (writer, "node", "mentions", node->mentions);
      graphml_data (writer, "node", "latitude", node->latitude);
      graphml_data (writer, "node", "longitude", node->longitude);
      xmlTextWriterEndElement (writer);
    }

  for (guint i = 0; i < graph.edges->len; i++)
    {
      const Edge *edge = &g_array_index (graph.edges, Edge, i);
      g_autofree char *id = g_strdup_printf ("e%u", i);

      xmlTextWriterStartElement (writer, BAD_CAST "edge");
      write_attribute (writer, "id", id);
      write_attribute (writer, "source", edge->source);
      write_attribute (writer, "target", edge->target);
      if (!edge->link->directed)
        write_attribute (writer, "directed", "false");
      graphml_data (writer, "edge", "kind", edge->kind);
      graphml_data (writer, "edge", "class", edge->quad);
      graphml_data (writer, "edge", "directed", edge->link->directed ? "true" : "false");
      graphml_data (writer, "edge", "weight", edge->weight);
      graphml_data (writer, "edge", "confidence", edge->confidence);
      graphml_data (writer, "edge", "first_date", edge->first_date);
      graphml_data (writer, "edge", "last_date", edge->last_date);
      graphml_data (writer, "edge", "curation", DM_GRAPH_CURATION_MACHINE);
      graphml_data (writer, "edge", "evidence", edge->evidence);
      xmlTextWriterEndElement (writer);
    }

  xmlTextWriterEndElement (writer);  /* graph */
  xmlTextWriterEndElement (writer);  /* graphml */

  return finish_xml (writer, buffer);
}

/* ---------------------------------------------------------------- CSV --- */

/* RFC 4180, as the evidence CSV: quote a field holding a separator, a
 * quote or a line break, doubling the quotes inside it; CRLF ends. */
static void
append_csv_field (GString    *out,
                  const char *field,
                  gboolean    last)
{
  if (field == NULL)
    field = "";

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

/**
 * dm_analysis_to_nodes_csv:
 * @self: an analysis
 *
 * Returns: (transfer full): the nodes file of a CSV graph export
 */
char *
dm_analysis_to_nodes_csv (DmAnalysis *self)
{
  g_auto(Graph) graph = { 0 };
  GString *out;

  g_return_val_if_fail (DM_IS_ANALYSIS (self), NULL);

  graph_init (&graph, self);
  out = g_string_new ("code,name,kind,mentions,latitude,longitude\r\n");
  for (guint i = 0; i < graph.nodes->len; i++)
    {
      const Node *node = &g_array_index (graph.nodes, Node, i);

      append_csv_field (out, node->info->code, FALSE);
      append_csv_field (out, node->info->name, FALSE);
      append_csv_field (out, dm_actor_kind_to_string (node->info->kind), FALSE);
      append_csv_field (out, node->mentions, FALSE);
      append_csv_field (out, node->latitude, FALSE);
      append_csv_field (out, node->longitude, TRUE);
    }
  return g_string_free (out, FALSE);
}

/**
 * dm_analysis_to_edges_csv:
 * @self: an analysis
 *
 * Returns: (transfer full): the edges file of a CSV graph export
 */
char *
dm_analysis_to_edges_csv (DmAnalysis *self)
{
  g_auto(Graph) graph = { 0 };
  GString *out;

  g_return_val_if_fail (DM_IS_ANALYSIS (self), NULL);

  graph_init (&graph, self);
  out = g_string_new ("source,target,kind,class,directed,weight,confidence,"
                      "first_date,last_date,curation,evidence\r\n");
  for (guint i = 0; i < graph.edges->len; i++)
    {
      const Edge *edge = &g_array_index (graph.edges, Edge, i);

      append_csv_field (out, edge->source, FALSE);
      append_csv_field (out, edge->target, FALSE);
      append_csv_field (out, edge->kind, FALSE);
      append_csv_field (out, edge->quad, FALSE);
      append_csv_field (out, edge->link->directed ? "true" : "false", FALSE);
      append_csv_field (out, edge->weight, FALSE);
      append_csv_field (out, edge->confidence, FALSE);
      append_csv_field (out, edge->first_date, FALSE);
      append_csv_field (out, edge->last_date, FALSE);
      append_csv_field (out, DM_GRAPH_CURATION_MACHINE, FALSE);
      append_csv_field (out, edge->evidence, TRUE);
    }
  return g_string_free (out, FALSE);
}

/* -------------------------------------------------------------- files --- */

gboolean
dm_graph_format_from_path (const char    *path,
                           DmGraphFormat *format)
{
  static const struct {
    const char   *extension;
    DmGraphFormat format;
  } extensions[] = {
    { ".gexf", DM_GRAPH_FORMAT_GEXF },
    { ".graphml", DM_GRAPH_FORMAT_GRAPHML },
    { ".csv", DM_GRAPH_FORMAT_CSV },
  };
  g_autofree char *base = NULL;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  base = g_path_get_basename (path);
  lower = g_ascii_strdown (base, -1);
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (g_str_has_suffix (lower, extensions[i].extension) &&
        strlen (lower) > strlen (extensions[i].extension))
      {
        if (format != NULL)
          *format = extensions[i].format;
        return TRUE;
      }

  return FALSE;
}

void
dm_graph_csv_paths (const char  *path,
                    char       **nodes_path,
                    char       **edges_path)
{
  gsize length = strlen (path);
  g_autofree char *stem = NULL;

  if (length > 4 && g_ascii_strcasecmp (path + length - 4, ".csv") == 0)
    length -= 4;
  stem = g_strndup (path, length);
  *nodes_path = g_strconcat (stem, "-nodes.csv", NULL);
  *edges_path = g_strconcat (stem, "-edges.csv", NULL);
}

static void
set_write_error (GError    **error,
                 const char *path,
                 int         errsv)
{
  g_autofree char *display = g_filename_display_name (path);

  /* the message of the image export, translated once */
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errsv),
               _("%s: cannot write: %s"), display, g_strerror (errsv));
}

/* Writes @contents to a new "PATH.XXXXXX" beside @path, synced and
 * closed; returns its name, or NULL (and no file) on error. */
static char *
write_temporary (const char *path,
                 const char *contents,
                 GError    **error)
{
  g_autofree char *tmp_path = g_strconcat (path, ".XXXXXX", NULL);
  gsize length = strlen (contents);
  int errsv = 0;
  /* 0666 so that the umask decides, as for any file the user saves */
  int fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0666);

  if (fd < 0)
    {
      set_write_error (error, path, errno);
      return NULL;
    }

  while (length > 0 && errsv == 0)
    {
      ssize_t n = write (fd, contents, length);

      if (n < 0 && errno != EINTR)
        errsv = errno;
      else if (n > 0)
        {
          contents += n;
          length -= n;
        }
    }
  /* a full disk may only show at fsync or close on network file systems */
  if (errsv == 0 && fsync (fd) != 0 && errno != EINVAL)
    errsv = errno;
  if (close (fd) != 0 && errsv == 0)
    errsv = errno;

  if (errsv != 0)
    {
      g_unlink (tmp_path);
      set_write_error (error, path, errsv);
      return NULL;
    }

  return g_steal_pointer (&tmp_path);
}

/* All the files are written in full before any is renamed, so a failure
 * while writing leaves the old files as they were.  A rename failing
 * after another succeeded (both are in one folder: rare) removes the new
 * files already in place rather than leave a mismatched pair. */
static gboolean
write_files (guint              n,
             const char *const *paths,
             const char *const *contents,
             GError           **error)
{
  g_autoptr(GPtrArray) tmp_paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    {
      char *tmp_path = write_temporary (paths[i], contents[i], error);

      if (tmp_path == NULL)
        {
          for (guint j = 0; j < tmp_paths->len; j++)
            g_unlink (g_ptr_array_index (tmp_paths, j));
          return FALSE;
        }
      g_ptr_array_add (tmp_paths, tmp_path);
    }

  for (guint i = 0; i < n; i++)
    if (g_rename (g_ptr_array_index (tmp_paths, i), paths[i]) != 0)
      {
        int errsv = errno;

        for (guint j = 0; j < i; j++)
          g_unlink (paths[j]);
        for (guint j = i; j < n; j++)
          g_unlink (g_ptr_array_index (tmp_paths, j));
        set_write_error (error, paths[i], errsv);
        return FALSE;
      }

  return TRUE;
}

gboolean
dm_graph_write (const char    *path,
                DmGraphFormat  format,
                DmAnalysis    *self,
                GError       **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (DM_IS_ANALYSIS (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  switch (format)
    {
    case DM_GRAPH_FORMAT_GEXF:
    case DM_GRAPH_FORMAT_GRAPHML:
      {
        g_autofree char *contents = format == DM_GRAPH_FORMAT_GEXF
                                    ? dm_analysis_to_gexf (self)
                                    : dm_analysis_to_graphml (self);
        const char *paths[] = { path };
        const char *texts[] = { contents };

        return write_files (1, paths, texts, error);
      }

    case DM_GRAPH_FORMAT_CSV:
      {
        g_autofree char *nodes_path = NULL;
        g_autofree char *edges_path = NULL;
        g_autofree char *nodes = dm_analysis_to_nodes_csv (self);
        g_autofree char *edges = dm_analysis_to_edges_csv (self);
        const char *paths[2];
        const char *texts[] = { nodes, edges };

        dm_graph_csv_paths (path, &nodes_path, &edges_path);
        paths[0] = nodes_path;
        paths[1] = edges_path;
        return write_files (2, paths, texts, error);
      }

    default:
      g_return_val_if_reached (FALSE);
    }
}
