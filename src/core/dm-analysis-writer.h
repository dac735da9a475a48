/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-analysis-writer.h: the analysis as readable text, JSON (the exchange
 * format documented in the README) and CSV. */
#pragma once

#include "dm-analysis.h"

G_BEGIN_DECLS

char *dm_analysis_to_text (DmAnalysis *self);
char *dm_analysis_to_json (DmAnalysis *self);
char *dm_analysis_to_csv (DmAnalysis *self);

G_END_DECLS
