/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-cli.h: the command line: --analyze (and later --export) without a
 * display.  Exit codes: 0 ok, 1 bad input, 2 usage. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int dm_cli_run (int argc, char **argv);

G_END_DECLS
