/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-json-depth-private.h: the nesting limit of every JSON the app reads
 * from a user (articles, --actors files), checked before json-glib parses.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Deeper than any article or gazetteer needs (they use four levels), and
 * shallow enough for json-glib's recursive parser on any thread's stack. */
#define DM_JSON_MAX_DEPTH 256

/* Returns FALSE, with @error set in @domain and @code to "@name: JSON nested
 * too deeply at line L, column C: …", when an array or an object of @data
 * opens deeper than DM_JSON_MAX_DEPTH; L and C (from 1, in characters) are
 * those of the bracket that passes the limit.  @length may be -1 when @data
 * ends with a NUL.  One pass, no recursion, no allocation. */
gboolean dm_json_check_depth (const char *data,
                              gssize      length,
                              const char *name,
                              GQuark      domain,
                              int         code,
                              GError    **error);

G_END_DECLS
