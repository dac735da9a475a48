/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-cli.h: the command line: --analyze and --export without a display,
 * or the window.  Exit codes: 0 ok, 1 bad input, 2 usage. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Opens the window on @files (NULL-terminated, possibly empty), with the
 * --actors file @actors (or NULL), and returns the exit status; set by
 * main() so that this library needs no GTK. */
typedef int (*DmCliWindowFunc) (const char * const *files,
                                const char         *actors);

void dm_cli_set_window_func (DmCliWindowFunc func);

int dm_cli_run (int argc, char **argv);

G_END_DECLS
