/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-date.h: publication dates as articles and feeds write them, made into
 * ISO 8601 calendar dates ("2022-12-15").
 *
 * A document's date is a day, not an instant: the day the publisher printed
 * on it, in the publisher's own time zone.  Day strings compare as strings,
 * which is what the filters and the link date ranges rely on. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Room for "YYYY-MM-DD" and its NUL. */
#define DM_DATE_SIZE 11

/* The day of a date written as ISO 8601 ("2022-12-15", "2022-12-15T10:30Z"),
 * RFC 822 ("Thu, 15 Dec 2022 10:30:00 +0400"), "Dec 15, 2022",
 * "15 December 2022" or "15.12.2022", as a new "YYYY-MM-DD" string; NULL
 * when @text is none of these or names no real day. */
char *dm_date_normalize (const char *text);

/* The date of the dateline that opens one of the first lines of @text
 * ("YEREVAN, Dec 15 (Reuters) -", "Baku, 15.12.2022 –"), or NULL.  A dateline
 * without a year gets the year that puts it on or before @reference (the
 * file's modification time, say), as a saved article is not older than the
 * day it was saved; NULL @reference means now. */
char *dm_date_find_dateline (const char *text,
                             gsize       length,
                             GDateTime  *reference);

/* Parses a bound of a date range as the command line takes it: "2022",
 * "2022-12" or "2022-12-15".  A year or a month stands for its first day
 * when @end is FALSE and its last when @end is TRUE.  Writes "YYYY-MM-DD"
 * into @out. */
gboolean dm_date_parse_bound (const char *text,
                              gboolean    end,
                              char        out[DM_DATE_SIZE]);

G_END_DECLS
