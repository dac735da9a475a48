/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-graph-writer.h: the analysis as a graph for other tools — GEXF 1.3
 * (Gephi), GraphML (Cytoscape, yEd, networkx) and a pair of CSV files, one
 * of nodes and one of edges.  docs/graph-exports.md is the contract. */
#pragma once

#include "dm-analysis.h"

G_BEGIN_DECLS

typedef enum {
  DM_GRAPH_FORMAT_GEXF,
  DM_GRAPH_FORMAT_GRAPHML,
  DM_GRAPH_FORMAT_CSV,
} DmGraphFormat;

/* What every link's "curation" attribute says until the analyst's
 * decisions exist (issue 12): the machine found it, nobody judged it. */
#define DM_GRAPH_CURATION_MACHINE "machine"

/* Between the sentences of a link's "evidence" attribute. */
#define DM_GRAPH_EVIDENCE_SEPARATOR " | "

/* The format of @path from its extension (.gexf, .graphml, .csv, any
 * case); FALSE, without error, for any other name. */
gboolean dm_graph_format_from_path (const char    *path,
                                    DmGraphFormat *format);

/* The two files a CSV export to @path writes: "DIR/NAME.csv" gives
 * "DIR/NAME-nodes.csv" and "DIR/NAME-edges.csv" (a name without the .csv
 * extension gets the suffixes all the same). */
void     dm_graph_csv_paths        (const char    *path,
                                    char         **nodes_path,
                                    char         **edges_path);

/* The whole file, UTF-8. */
char    *dm_analysis_to_gexf       (DmAnalysis    *self);
char    *dm_analysis_to_graphml    (DmAnalysis    *self);
char    *dm_analysis_to_nodes_csv  (DmAnalysis    *self);
char    *dm_analysis_to_edges_csv  (DmAnalysis    *self);

/* Writes @self to @path (to the two files of dm_graph_csv_paths() for
 * CSV) atomically: each file is written to a temporary file beside it,
 * synced, then renamed over it; on any error no temporary file is left
 * and, for CSV, no half of a new pair.  Errors are G_FILE_ERROR and read
 * "PATH: cannot write: reason". */
gboolean dm_graph_write            (const char    *path,
                                    DmGraphFormat  format,
                                    DmAnalysis    *self,
                                    GError       **error);

G_END_DECLS
