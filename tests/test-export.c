/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-export.c: `diplomap --export` as a user runs it, without a display:
 * PNG of the exact size with the selection's colours, SVG that parses as
 * XML, PDF that renders to something not blank, and errors that exit 1
 * with a message and leave nothing behind (neither the file nor the
 * temporary one). */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "dm-core.h"
#include "dm-palette.h"

static char *sample_path;

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs $DIPLOMAP with @args (NULL-terminated) and no display at all. */
static void
run_diplomapv (Run               *run,
               const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("DIPLOMAP");
  int wait_status;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (char *) binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static void
run_diplomap (Run        *run,
              const char *first,
              ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  run_diplomapv (run, (const char *const *) args->pdata);
}

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("diplomap-export-XXXXXX", &error);

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
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

/* Pixels within @tolerance of @color. */
static guint
count_color (cairo_surface_t *surface,
             const DmRgba    *color,
             int              tolerance)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data;
  int r = (int) round (color->red * 255), g = (int) round (color->green * 255);
  int b = (int) round (color->blue * 255);
  guint n = 0;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 v = *(const guint32 *) (data + y * stride + 4 * x);

        if (ABS ((int) (v >> 16 & 0xff) - r) <= tolerance &&
            ABS ((int) (v >> 8 & 0xff) - g) <= tolerance &&
            ABS ((int) (v & 0xff) - b) <= tolerance)
          n++;
      }

  return n;
}

static cairo_surface_t *
load_png (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);

  return surface;
}

static void
test_png (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *plain_path = g_build_filename (dir, "plain.png", NULL);
  g_autofree char *selected_path = g_build_filename (dir, "selected.png", NULL);
  g_auto(Run) plain = { 0 };
  g_auto(Run) selected = { 0 };
  g_autoptr(DmGazetteer) gazetteer = dm_gazetteer_new_default (NULL);
  const DmActorInfo *arm = dm_gazetteer_get_actor (gazetteer, dm_gazetteer_lookup_code (gazetteer, "ARM"));
  const DmPalette *palette = dm_palette_get_light ();
  cairo_surface_t *a, *b;
  DmRgba emphasized;
  guint in_plain, in_selected;

  run_diplomap (&plain, "--export", plain_path, "--size", "900x600", sample_path, NULL);
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_cmpstr (plain.err, ==, "");
  run_diplomap (&selected, "--export", selected_path, "--size", "450x300", "--scale", "2",
                "--select", "ARM", sample_path, NULL);
  g_assert_cmpint (selected.status, ==, 0);

  /* exactly the size asked for, scale included */
  a = load_png (plain_path);
  b = load_png (selected_path);
  g_assert_cmpint (cairo_image_surface_get_width (a), ==, 900);
  g_assert_cmpint (cairo_image_surface_get_height (a), ==, 600);
  g_assert_cmpint (cairo_image_surface_get_width (b), ==, 900);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, 600);

  /* Armenia in its selected colour: plenty with --select ARM, none without */
  dm_rgba_blend (&palette->land, arm->color, palette->selected_alpha, &emphasized);
  in_plain = count_color (a, &emphasized, 2);
  in_selected = count_color (b, &emphasized, 2);
  g_test_message ("selected Armenia colour: %u pixels plain, %u selected", in_plain, in_selected);
  /* (the pins' labels push Armenia's own onto part of it in so small a view) */
  g_assert_cmpuint (in_selected, >, 200);
  g_assert_cmpuint (in_plain, <, in_selected / 10);

  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
  /* nothing but the two images */
  g_assert_cmpuint (count_entries (dir), ==, 2);
  remove_tree (dir);
}

static void
test_svg (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "view.svg", NULL);
  g_auto(Run) run = { 0 };
  xmlDocPtr doc;
  xmlNodePtr root;

  run_diplomap (&run, "--export", path, sample_path, NULL);
  g_assert_cmpint (run.status, ==, 0);

  doc = xmlReadFile (path, NULL, XML_PARSE_NONET | XML_PARSE_HUGE);
  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_nonnull (root);
  g_assert_cmpstr ((const char *) root->name, ==, "svg");
  xmlFreeDoc (doc);

  g_assert_cmpuint (count_entries (dir), ==, 1);
  remove_tree (dir);
}

static void
test_pdf (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "view.pdf", NULL);
  g_autofree char *prefix = g_build_filename (dir, "page", NULL);
  g_autofree char *png = g_build_filename (dir, "page.png", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");
  g_auto(Run) run = { 0 };
  gsize length;

  run_diplomap (&run, "--export", path, "--select", "AZE", sample_path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  if (pdftoppm == NULL)
    {
      g_test_skip ("pdftoppm (poppler-utils) is not installed: the PDF is not rendered");
    }
  else
    {
      const char *argv[] = { pdftoppm, "-png", "-r", "50", "-singlefile", path, prefix, NULL };
      g_autoptr(GError) error = NULL;
      int wait_status;
      cairo_surface_t *surface;
      DmRgba sea;
      guint n_sea, total;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                    NULL, NULL, &wait_status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (wait_status, NULL));

      /* 1600 x 1000 pt at 50 dpi */
      surface = load_png (png);
      g_assert_cmpint (cairo_image_surface_get_width (surface), >, 500);
      total = cairo_image_surface_get_width (surface) * cairo_image_surface_get_height (surface);

      /* not blank: some sea, but far from only sea or only white */
      sea = dm_palette_get_light ()->sea;
      n_sea = count_color (surface, &sea, 4);
      g_assert_cmpuint (n_sea, >, total / 20);
      g_assert_cmpuint (n_sea, <, total * 9 / 10);
      g_assert_cmpuint (count_color (surface, &(DmRgba) { 1, 1, 1, 1 }, 2), <, total / 2);
      cairo_surface_destroy (surface);
    }

  remove_tree (dir);
}

typedef struct {
  const char *name;
  const char *args[6];
  const char *message;   /* a part of the message */
} ErrorCase;

static void
test_errors (void)
{
  static const ErrorCase cases[] = {
    { "bad-size-zero", { "--size", "0x0" }, "0×0" },
    { "bad-size-huge", { "--size", "20000x100" }, "16384" },
    { "bad-size-text", { "--size", "big" }, "“big”" },
    { "bad-size-negative", { "--size", "-4x300" }, "positive" },
    { "bad-scale", { "--size", "9000x100", "--scale", "2" }, "16384" },
    { "unknown-actor", { "--select", "XYZ" }, "“XYZ”" },
    { "bad-zoom", { "--zoom", "42" }, "“42”" },
    { "bad-center", { "--center", "91,200" }, "“91,200”" },
  };
  g_autofree char *dir = make_tmp_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (dir, "out.png", NULL);
      g_auto(Run) run = { 0 };
      g_autoptr(GPtrArray) args = g_ptr_array_new ();

      g_ptr_array_add (args, "--export");
      g_ptr_array_add (args, path);
      for (guint j = 0; cases[i].args[j] != NULL; j++)
        g_ptr_array_add (args, (char *) cases[i].args[j]);
      g_ptr_array_add (args, sample_path);
      g_ptr_array_add (args, NULL);
      run_diplomapv (&run, (const char *const *) args->pdata);
      g_test_message ("%s: %s", cases[i].name, run.err);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_true (g_str_has_prefix (run.err, "diplomap: "));
      g_assert_nonnull (strstr (run.err, cases[i].message));
      g_assert_cmpuint (count_entries (dir), ==, 0);
    }

  /* an unknown extension */
  {
    g_autofree char *path = g_build_filename (dir, "out.gif", NULL);
    g_auto(Run) run = { 0 };

    run_diplomap (&run, "--export", path, sample_path, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, ".png"));
    g_assert_cmpuint (count_entries (dir), ==, 0);
  }

  remove_tree (dir);
}

static void
test_unwritable (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *file = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *below_file = g_build_filename (file, "out.png", NULL);
  g_auto(Run) missing = { 0 };
  g_auto(Run) not_dir = { 0 };

  /* a folder that does not exist */
  run_diplomap (&missing, "--export", "/no/such/dir/out.png", sample_path, NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_cmpstr (missing.err, ==, "diplomap: /no/such/dir/out.png: cannot write: No such file or directory\n");
  g_assert_false (g_file_test ("/no/such/dir", G_FILE_TEST_EXISTS));

  /* a "folder" that is a file */
  g_assert_true (g_file_set_contents (file, "x", -1, NULL));
  run_diplomap (&not_dir, "--export", below_file, sample_path, NULL);
  g_assert_cmpint (not_dir.status, ==, 1);
  g_assert_nonnull (strstr (not_dir.err, "cannot write"));
  g_assert_cmpuint (count_entries (dir), ==, 1);

  /* a read-only folder (meaningless for root, who may write anyway) */
  if (geteuid () != 0)
    {
      g_autofree char *ro = g_build_filename (dir, "read-only", NULL);
      g_autofree char *path = g_build_filename (ro, "out.svg", NULL);
      g_auto(Run) run = { 0 };

      g_assert_cmpint (g_mkdir (ro, 0555), ==, 0);
      run_diplomap (&run, "--export", path, sample_path, NULL);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_nonnull (strstr (run.err, "cannot write: Permission denied"));
      g_assert_cmpuint (count_entries (ro), ==, 0);
      g_chmod (ro, 0755);
    }

  remove_tree (dir);
}

static void
test_replaces_atomically (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "view.png", NULL);
  g_auto(Run) run = { 0 };
  cairo_surface_t *surface;

  /* an existing file is replaced whole */
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  run_diplomap (&run, "--export", path, "--size", "320x200", sample_path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  surface = load_png (path);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 320);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  const char *root = g_getenv ("DM_SOURCE_ROOT");

  g_test_init (&argc, &argv, NULL);

  sample_path = g_build_filename (root != NULL ? root : "..", "data", "articles",
                                  "blinken-aliyev-call.txt", NULL);

  g_test_add_func ("/render/export/png", test_png);
  g_test_add_func ("/render/export/svg", test_svg);
  g_test_add_func ("/render/export/pdf", test_pdf);
  g_test_add_func ("/render/export/errors", test_errors);
  g_test_add_func ("/render/export/unwritable", test_unwritable);
  g_test_add_func ("/render/export/replace", test_replaces_atomically);

  return g_test_run ();
}
