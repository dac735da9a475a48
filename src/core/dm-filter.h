/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-filter.h: the filtered view of an analysis: a date range and a set of
 * link kinds.  A pure function of (analysis, filter): the command line's
 * writers and export read its result, and so can the window. */
#pragma once

#include "dm-analysis.h"
#include "dm-date.h"
#include "dm-link-kind.h"

G_BEGIN_DECLS

#define DM_FILTER_ERROR (dm_filter_error_quark ())
GQuark dm_filter_error_quark (void);

typedef enum {
  DM_FILTER_ERROR_BAD_DATE,
  DM_FILTER_ERROR_UNKNOWN_KIND,
  DM_FILTER_ERROR_EMPTY_RANGE,
} DmFilterError;

typedef struct {
  char  since[DM_DATE_SIZE];  /* first day kept, "" when open */
  char  until[DM_DATE_SIZE];  /* last day kept, "" when open */
  guint kinds;                /* a bit per DmLinkKind; 0 keeps every kind */
} DmFilter;

#define DM_FILTER_INIT { "", "", 0 }

/* "2022", "2022-12" or "2022-12-15": a year or a month stands for its first
 * day (since) or its last (until). */
gboolean dm_filter_set_since (DmFilter *self, const char *date, GError **error);
gboolean dm_filter_set_until (DmFilter *self, const char *date, GError **error);

/* A comma-separated list of kinds as dm_link_kind_to_string() names them
 * ("appeal,fight"); spaces around a name are allowed. */
gboolean dm_filter_set_kinds (DmFilter *self, const char *list, GError **error);

/* Fails when the range ends before it starts. */
gboolean dm_filter_check (const DmFilter *self, GError **error);

gboolean dm_filter_is_active (const DmFilter *self);
gboolean dm_filter_has_range (const DmFilter *self);

/* Whether a document dated @day ("YYYY-MM-DD", NULL when unknown) is in the
 * range.  With a range, an undated document is not: nothing says it is. */
gboolean dm_filter_keeps_day (const DmFilter *self, const char *day);
gboolean dm_filter_keeps_kind (const DmFilter *self, DmLinkKind kind);

/* The analysis of the documents in the range, with the links of the kinds
 * kept and their evidence from those documents only (see
 * dm_analysis_new_subset()); @analysis itself, with a new reference, when
 * the filter keeps everything. */
DmAnalysis *dm_filter_apply (const DmFilter *self, DmAnalysis *analysis);

G_END_DECLS
