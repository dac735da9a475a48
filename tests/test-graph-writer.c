/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-graph-writer.c: the graph exports (GEXF 1.3, GraphML, the CSV
 * pair) of the sample article, value by value, read back through
 * libxml2's parser and XPath rather than compared as strings, so that the
 * checks are about what a reader sees; the dates of dated articles; XML
 * escaping; the atomic write (a read-only folder, a rename that fails);
 * and `diplomap --export` writing the same bytes.  tests/check-graph-
 * exports.py reads the same files with networkx. */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "dm-core.h"

static DmGazetteer *gazetteer;
static DmLexicon *lexicon;
static DmAnalysis *sample;
static DmAnalysis *dated;

/* The three sentences of the ARM–AZE tension link, in document order. */
static const char *tension_evidence =
  "US Secretary of State Antony Blinken urges Azerbaijani President to de-escalate tensions with Armenia"
  " | US Secretary of State Antony Blinken calls Azerbaijan’s President Ilham Aliyev to ease tensions with"
  " neighboring Armenia as call preceded US-EU initiative to bolster economic support for Yerevan"
  " | In a diplomatic effort aimed at diffusing tensions in the volatile Caucasus region, US Secretary of"
  " State Antony Blinken placed a call to Azerbaijan’s President Ilham Aliyev on Wednesday, urging him to"
  " ease tensions with neighboring Armenia.";

static char *
source_path (const char *first, ...)
{
  const char *root = g_getenv ("DM_SOURCE_ROOT") ? g_getenv ("DM_SOURCE_ROOT") : "..";
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (parts, (gpointer) root);
  g_ptr_array_add (parts, (gpointer) first);
  va_start (args, first);
  for (const char *p = va_arg (args, const char *); p != NULL; p = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) p);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  return g_build_filenamev ((char **) parts->pdata);
}

static DmAnalysis *
analyze_path (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = dm_load_documents_from_path (path, &error);
  DmAnalysis *analysis;

  g_assert_no_error (error);
  analysis = dm_analysis_new (gazetteer, lexicon, documents, NULL, &error);
  g_assert_no_error (error);
  return analysis;
}

/* ------------------------------------------------------------ XPath --- */

typedef struct {
  xmlDocPtr doc;
  xmlXPathContextPtr xpath;
} Xml;

static void
xml_parse (Xml        *xml,
           const char *text,
           const char *prefix,
           const char *ns)
{
  /* no network, no entities: the file must stand on its own */
  xml->doc = xmlReadMemory (text, strlen (text), "export.xml", "UTF-8", XML_PARSE_NONET);
  g_assert_nonnull (xml->doc);
  xml->xpath = xmlXPathNewContext (xml->doc);
  xmlXPathRegisterNs (xml->xpath, BAD_CAST prefix, BAD_CAST ns);
}

static void
xml_clear (Xml *xml)
{
  g_clear_pointer (&xml->xpath, xmlXPathFreeContext);
  g_clear_pointer (&xml->doc, xmlFreeDoc);
}

/* The string value of @expr (an attribute, an element's text, a count()). */
static char *
xml_string (Xml        *xml,
            const char *format,
            ...)
{
  g_autofree char *expr = NULL;
  g_autofree char *wrapped = NULL;
  xmlXPathObjectPtr result;
  char *value;
  va_list args;

  va_start (args, format);
  expr = g_strdup_vprintf (format, args);
  va_end (args);
  wrapped = g_strdup_printf ("string(%s)", expr);
  result = xmlXPathEvalExpression (BAD_CAST wrapped, xml->xpath);
  g_assert_nonnull (result);
  value = g_strdup ((const char *) result->stringval);
  xmlXPathFreeObject (result);
  return value;
}

static double
xml_number (Xml        *xml,
            const char *expr)
{
  xmlXPathObjectPtr result = xmlXPathEvalExpression (BAD_CAST expr, xml->xpath);
  double value;

  g_assert_nonnull (result);
  value = xmlXPathCastToNumber (result);
  xmlXPathFreeObject (result);
  return value;
}

#define assert_xml(xml, expected, ...) \
  G_STMT_START { \
    g_autofree char *_value = xml_string ((xml), __VA_ARGS__); \
    g_assert_cmpstr (_value, ==, (expected)); \
  } G_STMT_END

/* ------------------------------------------------------------- names --- */

static void
test_format_from_path (void)
{
  DmGraphFormat format = -1;

  g_assert_true (dm_graph_format_from_path ("a/graph.gexf", &format));
  g_assert_cmpint (format, ==, DM_GRAPH_FORMAT_GEXF);
  g_assert_true (dm_graph_format_from_path ("Graph.GraphML", &format));
  g_assert_cmpint (format, ==, DM_GRAPH_FORMAT_GRAPHML);
  g_assert_true (dm_graph_format_from_path ("graph.CSV", &format));
  g_assert_cmpint (format, ==, DM_GRAPH_FORMAT_CSV);
  g_assert_false (dm_graph_format_from_path ("graph.png", &format));
  g_assert_false (dm_graph_format_from_path ("dir/.csv", &format));
  g_assert_false (dm_graph_format_from_path ("graph.gexf.txt", &format));
}

static void
test_csv_paths (void)
{
  const struct {
    const char *path, *nodes, *edges;
  } cases[] = {
    { "out/graph.csv", "out/graph-nodes.csv", "out/graph-edges.csv" },
    { "Graph.CSV", "Graph-nodes.csv", "Graph-edges.csv" },
    { "graph", "graph-nodes.csv", "graph-edges.csv" },
    { "a.b.csv", "a.b-nodes.csv", "a.b-edges.csv" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *nodes = NULL;
      g_autofree char *edges = NULL;

      dm_graph_csv_paths (cases[i].path, &nodes, &edges);
      g_assert_cmpstr (nodes, ==, cases[i].nodes);
      g_assert_cmpstr (edges, ==, cases[i].edges);
    }
}

/* -------------------------------------------------------------- GEXF --- */

#define GEXF_NODE "/g:gexf/g:graph/g:nodes/g:node[@id='%s']"
#define GEXF_EDGE "/g:gexf/g:graph/g:edges/g:edge[@source='%s' and @target='%s' and @kind='%s']"

static void
test_gexf_sample (void)
{
  g_autofree char *gexf = dm_analysis_to_gexf (sample);
  Xml xml = { 0 };

  xml_parse (&xml, gexf, "g", "http://gexf.net/1.3");

  assert_xml (&xml, "1.3", "/g:gexf/@version");
  assert_xml (&xml, "directed", "/g:gexf/g:graph/@defaultedgetype");
  assert_xml (&xml, "static", "/g:gexf/g:graph/@mode");
  g_assert_cmpfloat (xml_number (&xml, "count(/g:gexf/g:graph/g:nodes/g:node)"), ==,
                     dm_analysis_get_n_actors (sample));
  g_assert_cmpfloat (xml_number (&xml, "count(/g:gexf/g:graph/g:edges/g:edge)"), ==,
                     dm_analysis_get_n_links (sample));

  /* the declarations, with their types */
  {
    const char *node_attributes[][2] = {
      { "code", "string" }, { "name", "string" }, { "kind", "string" },
      { "mentions", "integer" }, { "latitude", "double" }, { "longitude", "double" },
    };
    const char *edge_attributes[][2] = {
      { "kind", "string" }, { "class", "string" }, { "directed", "boolean" },
      { "confidence", "double" }, { "first_date", "string" }, { "last_date", "string" },
      { "curation", "string" }, { "evidence", "string" },
    };

    g_assert_cmpfloat (xml_number (&xml, "count(//g:attributes[@class='node']/g:attribute)"), ==,
                       G_N_ELEMENTS (node_attributes));
    g_assert_cmpfloat (xml_number (&xml, "count(//g:attributes[@class='edge']/g:attribute)"), ==,
                       G_N_ELEMENTS (edge_attributes));
    for (guint i = 0; i < G_N_ELEMENTS (node_attributes); i++)
      assert_xml (&xml, node_attributes[i][1], "//g:attributes[@class='node']/g:attribute[@id='%s' and @title='%s']/@type",
                  node_attributes[i][0], node_attributes[i][0]);
    for (guint i = 0; i < G_N_ELEMENTS (edge_attributes); i++)
      assert_xml (&xml, edge_attributes[i][1], "//g:attributes[@class='edge']/g:attribute[@id='%s' and @title='%s']/@type",
                  edge_attributes[i][0], edge_attributes[i][0]);
  }

  /* Armenia */
  assert_xml (&xml, "Armenia", GEXF_NODE "/@label", "ARM");
  assert_xml (&xml, "ARM", GEXF_NODE "//g:attvalue[@for='code']/@value", "ARM");
  assert_xml (&xml, "Armenia", GEXF_NODE "//g:attvalue[@for='name']/@value", "ARM");
  assert_xml (&xml, "state", GEXF_NODE "//g:attvalue[@for='kind']/@value", "ARM");
  assert_xml (&xml, "14", GEXF_NODE "//g:attvalue[@for='mentions']/@value", "ARM");
  assert_xml (&xml, "40.1811", GEXF_NODE "//g:attvalue[@for='latitude']/@value", "ARM");
  assert_xml (&xml, "44.5136", GEXF_NODE "//g:attvalue[@for='longitude']/@value", "ARM");
  assert_xml (&xml, "de-facto", GEXF_NODE "//g:attvalue[@for='kind']/@value", "NKR");
  assert_xml (&xml, "organization", GEXF_NODE "//g:attvalue[@for='kind']/@value", "EU");

  /* the ARM–AZE tension: undirected, three sentences */
  g_assert_cmpfloat (xml_number (&xml, "count(//g:edge[@source='ARM' and @target='AZE' and @kind='tension'])"), ==, 1);
  assert_xml (&xml, "undirected", GEXF_EDGE "/@type", "ARM", "AZE", "tension");
  assert_xml (&xml, "3", GEXF_EDGE "/@weight", "ARM", "AZE", "tension");
  assert_xml (&xml, "tension", GEXF_EDGE "/@label", "ARM", "AZE", "tension");
  assert_xml (&xml, "tension", GEXF_EDGE "//g:attvalue[@for='kind']/@value", "ARM", "AZE", "tension");
  assert_xml (&xml, "verbal-conflict", GEXF_EDGE "//g:attvalue[@for='class']/@value", "ARM", "AZE", "tension");
  assert_xml (&xml, "false", GEXF_EDGE "//g:attvalue[@for='directed']/@value", "ARM", "AZE", "tension");
  assert_xml (&xml, "0.75", GEXF_EDGE "//g:attvalue[@for='confidence']/@value", "ARM", "AZE", "tension");
  assert_xml (&xml, "", GEXF_EDGE "//g:attvalue[@for='first_date']/@value", "ARM", "AZE", "tension");
  assert_xml (&xml, "", GEXF_EDGE "//g:attvalue[@for='last_date']/@value", "ARM", "AZE", "tension");
  assert_xml (&xml, "machine", GEXF_EDGE "//g:attvalue[@for='curation']/@value", "ARM", "AZE", "tension");
  assert_xml (&xml, tension_evidence, GEXF_EDGE "//g:attvalue[@for='evidence']/@value", "ARM", "AZE", "tension");

  /* the USA's appeal to Azerbaijan: directed, so no type of its own */
  assert_xml (&xml, "", GEXF_EDGE "/@type", "USA", "AZE", "appeal");
  assert_xml (&xml, "2", GEXF_EDGE "/@weight", "USA", "AZE", "appeal");
  assert_xml (&xml, "true", GEXF_EDGE "//g:attvalue[@for='directed']/@value", "USA", "AZE", "appeal");
  assert_xml (&xml, "verbal-cooperation", GEXF_EDGE "//g:attvalue[@for='class']/@value", "USA", "AZE", "appeal");
  assert_xml (&xml, "0.90", GEXF_EDGE "//g:attvalue[@for='confidence']/@value", "USA", "AZE", "appeal");

  /* every link's curation is the machine's; every undirected edge says so */
  g_assert_cmpfloat (xml_number (&xml, "count(//g:attvalue[@for='curation' and @value!='machine'])"), ==, 0);
  g_assert_cmpfloat (xml_number (&xml, "count(//g:edge[@type='undirected'])"), ==,
                     xml_number (&xml, "count(//g:edge[g:attvalues/g:attvalue[@for='directed' and @value='false']])"));
  g_assert_cmpfloat (xml_number (&xml, "count(//g:edge[@type='undirected'])"), >, 0);

  xml_clear (&xml);
}

/* ----------------------------------------------------------- GraphML --- */

#define GRAPHML_NODE "/m:graphml/m:graph/m:node[@id='%s']"
#define GRAPHML_EDGE "/m:graphml/m:graph/m:edge[@source='%s' and @target='%s' and m:data[@key='e_kind']='%s']"

static void
test_graphml_sample (void)
{
  g_autofree char *graphml = dm_analysis_to_graphml (sample);
  const char *keys[][3] = {
    { "n_code", "node", "string" }, { "n_name", "node", "string" }, { "n_kind", "node", "string" },
    { "n_mentions", "node", "int" }, { "n_latitude", "node", "double" }, { "n_longitude", "node", "double" },
    { "e_kind", "edge", "string" }, { "e_class", "edge", "string" }, { "e_directed", "edge", "boolean" },
    { "e_weight", "edge", "int" }, { "e_confidence", "edge", "double" },
    { "e_first_date", "edge", "string" }, { "e_last_date", "edge", "string" },
    { "e_curation", "edge", "string" }, { "e_evidence", "edge", "string" },
  };
  Xml xml = { 0 };

  xml_parse (&xml, graphml, "m", "http://graphml.graphdrawing.org/xmlns");

  assert_xml (&xml, "directed", "/m:graphml/m:graph/@edgedefault");
  g_assert_cmpfloat (xml_number (&xml, "count(/m:graphml/m:key)"), ==, G_N_ELEMENTS (keys));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      assert_xml (&xml, keys[i][1], "/m:graphml/m:key[@id='%s']/@for", keys[i][0]);
      assert_xml (&xml, keys[i][0] + 2, "/m:graphml/m:key[@id='%s']/@attr.name", keys[i][0]);
      assert_xml (&xml, keys[i][2], "/m:graphml/m:key[@id='%s']/@attr.type", keys[i][0]);
    }
  g_assert_cmpfloat (xml_number (&xml, "count(/m:graphml/m:graph/m:node)"), ==, dm_analysis_get_n_actors (sample));
  g_assert_cmpfloat (xml_number (&xml, "count(/m:graphml/m:graph/m:edge)"), ==, dm_analysis_get_n_links (sample));

  assert_xml (&xml, "Azerbaijan", GRAPHML_NODE "/m:data[@key='n_name']", "AZE");
  assert_xml (&xml, "13", GRAPHML_NODE "/m:data[@key='n_mentions']", "AZE");
  assert_xml (&xml, "40.4093", GRAPHML_NODE "/m:data[@key='n_latitude']", "AZE");
  assert_xml (&xml, "49.8671", GRAPHML_NODE "/m:data[@key='n_longitude']", "AZE");
  assert_xml (&xml, "-77.0364", GRAPHML_NODE "/m:data[@key='n_longitude']", "USA");

  assert_xml (&xml, "false", GRAPHML_EDGE "/@directed", "ARM", "AZE", "tension");
  assert_xml (&xml, "3", GRAPHML_EDGE "/m:data[@key='e_weight']", "ARM", "AZE", "tension");
  assert_xml (&xml, "verbal-conflict", GRAPHML_EDGE "/m:data[@key='e_class']", "ARM", "AZE", "tension");
  assert_xml (&xml, "false", GRAPHML_EDGE "/m:data[@key='e_directed']", "ARM", "AZE", "tension");
  assert_xml (&xml, "0.75", GRAPHML_EDGE "/m:data[@key='e_confidence']", "ARM", "AZE", "tension");
  assert_xml (&xml, "machine", GRAPHML_EDGE "/m:data[@key='e_curation']", "ARM", "AZE", "tension");
  assert_xml (&xml, tension_evidence, GRAPHML_EDGE "/m:data[@key='e_evidence']", "ARM", "AZE", "tension");
  /* unknown dates are left out, not written empty */
  g_assert_cmpfloat (xml_number (&xml, "count(//m:data[@key='e_first_date'])"), ==, 0);

  assert_xml (&xml, "", GRAPHML_EDGE "/@directed", "USA", "AZE", "appeal");
  assert_xml (&xml, "true", GRAPHML_EDGE "/m:data[@key='e_directed']", "USA", "AZE", "appeal");
  assert_xml (&xml, "2", GRAPHML_EDGE "/m:data[@key='e_weight']", "USA", "AZE", "appeal");

  g_assert_cmpfloat (xml_number (&xml, "count(//m:edge[@directed='false'])"), ==,
                     xml_number (&xml, "count(//m:edge[m:data[@key='e_directed']='false'])"));

  xml_clear (&xml);
}

/* --------------------------------------------------------------- CSV --- */

static void
test_csv_sample (void)
{
  g_autofree char *nodes = dm_analysis_to_nodes_csv (sample);
  g_autofree char *edges = dm_analysis_to_edges_csv (sample);
  g_autofree char *tension_row = g_strdup_printf ("\r\nARM,AZE,tension,verbal-conflict,false,3,0.75,,,machine,\"%s\"\r\n",
                                                  tension_evidence);

  g_assert_cmpstr (nodes, ==,
                   "code,name,kind,mentions,latitude,longitude\r\n"
                   "ARM,Armenia,state,14,40.1811,44.5136\r\n"
                   "USA,United States,state,14,38.8951,-77.0364\r\n"
                   "AZE,Azerbaijan,state,13,40.4093,49.8671\r\n"
                   "EU,European Union,organization,4,50.8503,4.3517\r\n"
                   "RUS,Russia,state,3,55.7558,37.6173\r\n"
                   "NKR,Nagorno-Karabakh,de-facto,2,39.8153,46.7519\r\n"
                   "UKR,Ukraine,state,1,50.4501,30.5234\r\n"
                   "UN,United Nations,organization,1,40.7489,-73.968\r\n");

  g_assert_true (g_str_has_prefix (edges, "source,target,kind,class,directed,weight,confidence,"
                                          "first_date,last_date,curation,evidence\r\n"));
  /* the heaviest link comes first, as in the JSON */
  g_assert_true (g_str_has_prefix (strchr (edges, '\n') - 1, tension_row));
  g_assert_nonnull (strstr (edges, "\r\nUSA,AZE,appeal,verbal-cooperation,true,2,0.90,,,machine,\"US Secretary"));
  /* a sentence without a comma or a quote is not quoted */
  g_assert_nonnull (strstr (edges, "\r\nAZE,NKR,seize,material-conflict,true,1,0.85,,,machine,Azerbaijan’s seizure"));
}

/* ------------------------------------------------------ dates, escapes --- */

static void
test_dates (void)
{
  g_autofree char *edges = dm_analysis_to_edges_csv (dated);
  g_autofree char *gexf = dm_analysis_to_gexf (dated);
  g_autofree char *graphml = dm_analysis_to_graphml (dated);
  Xml xml = { 0 };

  /* the days the analysis made of 2023-09-20, 2023-09-18T08:00:00Z and
   * "21 September 2023"; the impossible 2023-02-30 is no day */
  g_assert_nonnull (strstr (edges, "\r\nARM,AZE,negotiate,verbal-cooperation,false,3,0.81,2023-09-18,2023-09-21,machine,"));
  g_assert_nonnull (strstr (edges, "\r\nARM,AZE,accuse,verbal-conflict,true,1,0.85,,,machine,"));

  xml_parse (&xml, gexf, "g", "http://gexf.net/1.3");
  assert_xml (&xml, "2023-09-18", GEXF_EDGE "//g:attvalue[@for='first_date']/@value", "ARM", "AZE", "negotiate");
  assert_xml (&xml, "2023-09-21", GEXF_EDGE "//g:attvalue[@for='last_date']/@value", "ARM", "AZE", "negotiate");
  assert_xml (&xml, "", GEXF_EDGE "//g:attvalue[@for='first_date']/@value", "ARM", "AZE", "accuse");
  /* the markup of the sentence comes back as written */
  assert_xml (&xml, "Armenia accused Azerbaijan of shelling & \"provocations\" <near> the border.",
              GEXF_EDGE "//g:attvalue[@for='evidence']/@value", "ARM", "AZE", "accuse");
  xml_clear (&xml);

  xml_parse (&xml, graphml, "m", "http://graphml.graphdrawing.org/xmlns");
  assert_xml (&xml, "2023-09-18", GRAPHML_EDGE "/m:data[@key='e_first_date']", "ARM", "AZE", "negotiate");
  assert_xml (&xml, "2023-09-21", GRAPHML_EDGE "/m:data[@key='e_last_date']", "ARM", "AZE", "negotiate");
  assert_xml (&xml, "Armenia accused Azerbaijan of shelling & \"provocations\" <near> the border.",
              GRAPHML_EDGE "/m:data[@key='e_evidence']", "ARM", "AZE", "accuse");
  xml_clear (&xml);
}

/* XML 1.0 has no way to carry a C0 control character; the file must stay
 * well-formed and the rest of the sentence intact. */
static void
test_control_characters (void)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(DmAnalysis) analysis = NULL;
  g_autofree char *gexf = NULL;
  g_autofree char *graphml = NULL;
  Xml xml = { 0 };

  g_ptr_array_add (documents, dm_document_new ("t", NULL, NULL, NULL, NULL,
                                               "Armenia and Azerbaijan held peace talks\x01 in Brussels.", FALSE));
  analysis = dm_analysis_new (gazetteer, lexicon, documents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dm_analysis_get_n_links (analysis), ==, 1);

  gexf = dm_analysis_to_gexf (analysis);
  xml_parse (&xml, gexf, "g", "http://gexf.net/1.3");
  assert_xml (&xml, "Armenia and Azerbaijan held peace talks\xef\xbf\xbd in Brussels.",
              "//g:attvalue[@for='evidence']/@value");
  xml_clear (&xml);

  graphml = dm_analysis_to_graphml (analysis);
  xml_parse (&xml, graphml, "m", "http://graphml.graphdrawing.org/xmlns");
  assert_xml (&xml, "Armenia and Azerbaijan held peace talks\xef\xbf\xbd in Brussels.",
              "//m:data[@key='e_evidence']");
  xml_clear (&xml);
}

/* ------------------------------------------------------------ atomic --- */

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("diplomap-graph-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
  const char *name;

  if (d == NULL)
    {
      g_unlink (path);
      return;
    }
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_rmdir (path);
}

static void
test_write_files (void)
{
  g_autofree char *dir = make_tmp_dir ();
  const char *names[] = { "graph.gexf", "graph.graphml", "graph.csv" };
  DmGraphFormat formats[] = { DM_GRAPH_FORMAT_GEXF, DM_GRAPH_FORMAT_GRAPHML, DM_GRAPH_FORMAT_CSV };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autoptr(GError) error = NULL;

      g_assert_true (dm_graph_write (path, formats[i], sample, &error));
      g_assert_no_error (error);
    }

  /* graph.gexf, graph.graphml, graph-nodes.csv, graph-edges.csv: no
   * graph.csv, and no temporary file */
  g_assert_cmpuint (count_entries (dir), ==, 4);
  {
    g_autofree char *path = g_build_filename (dir, "graph.gexf", NULL);
    g_autofree char *nodes_path = g_build_filename (dir, "graph-nodes.csv", NULL);
    g_autofree char *edges_path = g_build_filename (dir, "graph-edges.csv", NULL);
    g_autofree char *contents = NULL;
    g_autofree char *expected = dm_analysis_to_gexf (sample);
    g_autofree char *nodes = NULL;
    g_autofree char *expected_nodes = dm_analysis_to_nodes_csv (sample);
    g_autofree char *edges = NULL;
    g_autofree char *expected_edges = dm_analysis_to_edges_csv (sample);

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, expected);
    g_assert_true (g_file_get_contents (nodes_path, &nodes, NULL, NULL));
    g_assert_cmpstr (nodes, ==, expected_nodes);
    g_assert_true (g_file_get_contents (edges_path, &edges, NULL, NULL));
    g_assert_cmpstr (edges, ==, expected_edges);
  }

  remove_tree (dir);
}

/* In a read-only folder every format fails with a message naming the file
 * and leaves the folder empty.  Root may write anyway, so as root the
 * writes run in a child that gives up its rights first. */
static void
test_read_only_folder (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *ro = g_build_filename (dir, "read-only", NULL);
  gboolean as_root = geteuid () == 0;
  pid_t pid;
  int status;

  g_assert_cmpint (g_mkdir (ro, 0555), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      /* the file named in the message: for CSV, the first of the pair */
      const char *names[][2] = {
        { "graph.gexf", "graph.gexf" },
        { "graph.graphml", "graph.graphml" },
        { "graph.csv", "graph-nodes.csv" },
      };
      DmGraphFormat formats[] = { DM_GRAPH_FORMAT_GEXF, DM_GRAPH_FORMAT_GRAPHML, DM_GRAPH_FORMAT_CSV };

      if (as_root && (setgid (65534) != 0 || setuid (65534) != 0))
        _exit (3);
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *path = g_build_filename (ro, names[i][0], NULL);
          g_autofree char *named = g_build_filename (ro, names[i][1], NULL);
          g_autofree char *prefix = g_strdup_printf ("%s: cannot write: ", named);
          g_autoptr(GError) error = NULL;

          if (dm_graph_write (path, formats[i], sample, &error) ||
              !g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_ACCES) ||
              !g_str_has_prefix (error->message, prefix))
            _exit (10 + i);
        }
      _exit (0);
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_cmpuint (count_entries (ro), ==, 0);

  g_chmod (ro, 0755);
  remove_tree (dir);
}

/* The rename is the last step: when it fails (the target is a folder) the
 * temporary file, already written, must go too; for CSV, when the edges
 * file cannot be put in place, the nodes file just renamed goes with it. */
static void
test_failed_rename (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *gexf = g_build_filename (dir, "graph.gexf", NULL);
  g_autofree char *csv = g_build_filename (dir, "graph.csv", NULL);
  g_autofree char *edges = g_build_filename (dir, "graph-edges.csv", NULL);
  g_autofree char *occupant = g_build_filename (edges, "occupant", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (gexf, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (edges, 0755), ==, 0);
  /* a folder that is not empty: rename() fails for it whoever we are */
  g_assert_true (g_file_set_contents (occupant, "", 0, NULL));

  g_assert_false (dm_graph_write (gexf, DM_GRAPH_FORMAT_GEXF, sample, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
  g_clear_error (&error);
  g_assert_false (dm_graph_write (csv, DM_GRAPH_FORMAT_CSV, sample, &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, edges));
  g_test_message ("%s", error->message);

  /* only the two folders the test made */
  g_assert_cmpuint (count_entries (dir), ==, 2);
  g_assert_cmpuint (count_entries (edges), ==, 1);

  remove_tree (dir);
}

/* ------------------------------------------------------ command line --- */

static void
test_command_line (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *article = source_path ("data", "articles", "blinken-aliyev-call.txt", NULL);
  const char *diplomap = g_getenv ("DIPLOMAP");
  const char *names[] = { "out.gexf", "out.graphml", "out.csv" };

  if (diplomap == NULL)
    {
      g_test_skip ("DIPLOMAP is not set");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      const char *argv[] = { diplomap, "--export", path, article, NULL };
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   &out, &err, &status, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (err, ==, "");
      g_assert_cmpstr (out, ==, "");
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }

  {
    g_autofree char *path = g_build_filename (dir, "out.graphml", NULL);
    g_autofree char *contents = NULL;
    g_autofree char *expected = dm_analysis_to_graphml (sample);

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, expected);
  }
  g_assert_cmpuint (count_entries (dir), ==, 4);

  /* an unknown extension names the ones there are; exit status 1 */
  {
    g_autofree char *path = g_build_filename (dir, "out.gml", NULL);
    const char *argv[] = { diplomap, "--export", path, article, NULL };
    g_autofree char *err = NULL;
    int status;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                 NULL, &err, &status, NULL));
    g_assert_true (WIFEXITED (status));
    g_assert_cmpint (WEXITSTATUS (status), ==, 1);
    g_assert_nonnull (strstr (err, ".gexf, .graphml or .csv"));
  }

  remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sample_path = NULL;
  g_autofree char *dated_path = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  gazetteer = dm_gazetteer_new_default (&error);
  g_assert_no_error (error);
  lexicon = dm_lexicon_new_default (&error);
  g_assert_no_error (error);
  sample_path = source_path ("data", "articles", "blinken-aliyev-call.txt", NULL);
  sample = analyze_path (sample_path);
  dated_path = source_path ("tests", "data", "graph-dated.json", NULL);
  dated = analyze_path (dated_path);

  g_test_add_func ("/graph/format-from-path", test_format_from_path);
  g_test_add_func ("/graph/csv-paths", test_csv_paths);
  g_test_add_func ("/graph/gexf/sample", test_gexf_sample);
  g_test_add_func ("/graph/graphml/sample", test_graphml_sample);
  g_test_add_func ("/graph/csv/sample", test_csv_sample);
  g_test_add_func ("/graph/dates-and-markup", test_dates);
  g_test_add_func ("/graph/control-characters", test_control_characters);
  g_test_add_func ("/graph/write", test_write_files);
  g_test_add_func ("/graph/atomic/read-only-folder", test_read_only_folder);
  g_test_add_func ("/graph/atomic/failed-rename", test_failed_rename);
  g_test_add_func ("/graph/command-line", test_command_line);

  status = g_test_run ();
  g_object_unref (dated);
  g_object_unref (sample);
  g_object_unref (lexicon);
  g_object_unref (gazetteer);
  return status;
}
