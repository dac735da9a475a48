/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: gettext, then the command line, which opens the window
 * (DmApplication) when neither --analyze nor --export is given. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "dm-application.h"
#include "dm-cli.h"

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  /* DIPLOMAP_LOCALEDIR: the catalogues of a build tree (_build/po), for
   * build-aux/run and the tests; an installed diplomap uses LOCALEDIR. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("DIPLOMAP_LOCALEDIR") != NULL
                                   ? g_getenv ("DIPLOMAP_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  dm_cli_set_window_func (dm_application_run_window);
  return dm_cli_run (argc, argv);
}
