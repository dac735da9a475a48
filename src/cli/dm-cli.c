/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "dm-cli.h"
int dm_cli_run (int argc, char **argv) { return 0; }
