/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-many.c: many articles at once: folders (recursion, order, a link
 * loop, an unreadable file), JSON Lines, RSS and Atom feeds, the dates of
 * every source, the date and kind filters, and what the command line makes
 * of them (its errors and the JSON's new members).  Every input is written
 * by the test into a temporary folder. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "dm-core.h"

static char *tmp_dir;
static DmGazetteer *gazetteer;
static DmLexicon *lexicon;

static char *
write_file (const char *relative,
            const char *contents)
{
  g_autofree char *path = g_build_filename (tmp_dir, relative, NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static DmDocument *
find_document (GPtrArray  *documents,
               const char *id)
{
  for (guint i = 0; i < documents->len; i++)
    if (g_strcmp0 (dm_document_get_id (g_ptr_array_index (documents, i)), id) == 0)
      return g_ptr_array_index (documents, i);
  return NULL;
}

/* ---- folders ----------------------------------------------------------- */

static const char rss_feed[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n"
  "<channel><title>Caucasus Wire</title><link>https://example.org/</link>\n"
  "<item><title>EU urges Georgia to reform</title><link>https://example.org/1</link>\n"
  "<pubDate>Mon, 02 Jan 2023 23:30:00 -0500</pubDate>\n"
  "<description>&lt;p&gt;The EU urged Georgia to reform its courts.&lt;/p&gt;"
  "&lt;p&gt;Tbilisi &amp;amp; Brussels &lt;b&gt;met&lt;/b&gt; later.&lt;/p&gt;</description></item>\n"
  "<item><title>Border clashes</title><guid isPermaLink=\"false\">x-2</guid>\n"
  "<pubDate>3 Jan 2023 08:00 GMT</pubDate>\n"
  "<description>short</description>\n"
  "<content:encoded><![CDATA[<div><p>Armenia and Azerbaijan clashed on the border.</p>"
  "<script>ignored()</script></div>]]></content:encoded></item>\n"
  "<item><title></title><description></description></item>\n"
  "<item><title>Undated</title><description>Iran hosted talks in Tehran.</description></item>\n"
  "</channel></rss>\n";

static const char atom_feed[] =
  "<?xml version=\"1.0\"?>\n"
  "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title type=\"text\">Atom Desk</title>\n"
  "<entry><title>Turkey warns Greece</title>\n"
  "<link rel=\"self\" href=\"https://example.org/self\"/><link href=\"https://example.org/a\"/>\n"
  "<updated>2023-02-03T10:00:00Z</updated><published>2023-01-31T23:00:00-05:00</published>\n"
  "<content type=\"html\">&lt;p&gt;Turkey warned Greece.&lt;/p&gt;</content></entry>\n"
  "<entry><title>Moscow accuses Kyiv</title><updated>2023-02-04</updated>\n"
  "<summary type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Russia accused Ukraine.</p>"
  "<p>Kyiv denied it.</p></div></summary></entry>\n"
  "<entry><title>Plain</title><summary type=\"text\">Armenia &lt; Azerbaijan? No.</summary></entry>\n"
  "</feed>\n";

static void
test_folder (void)
{
  g_autofree char *root = g_build_filename (tmp_dir, "corpus", NULL);
  g_autofree char *loop = g_build_filename (root, "b", "deeper", "loop", NULL);
  g_autofree char *locked = NULL;
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) ids = g_string_new (NULL);
  g_autoptr(GString) reasons = g_string_new (NULL);
  gboolean can_lock;

  g_free (write_file ("corpus/b/deeper/two.txt", "Two\nArmenia urged Azerbaijan to talk.\n"));
  g_free (write_file ("corpus/a.txt", "One\nArmenia met Georgia.\n"));
  g_free (write_file ("corpus/a/inner.html", "<html><body><p>Iran met Turkey.</p></body></html>"));
  g_free (write_file ("corpus/c.json", "[{\"text\": \"Russia met Armenia.\"}, {\"text\": \"Iran met Armenia.\"}]"));
  g_free (write_file ("corpus/d.jsonl", "{\"text\": \"Georgia met Turkey.\"}\n\n{\"text\": \"Iran met Russia.\"}\n"));
  g_free (write_file ("corpus/e.rss", rss_feed));
  g_free (write_file ("corpus/f.atom", atom_feed));
  g_free (write_file ("corpus/g.xml", atom_feed));
  g_free (write_file ("corpus/notes.md", "Armenia\n"));
  g_free (write_file ("corpus/.hidden/x.txt", "Armenia\n"));
  g_free (write_file ("corpus/empty.txt", ""));
  locked = write_file ("corpus/locked.txt", "Armenia\n");
  g_assert_cmpint (symlink ("../..", loop), ==, 0);

  /* root may read a file whatever its mode: then it is no test */
  g_assert_cmpint (g_chmod (locked, 0), ==, 0);
  can_lock = access (locked, R_OK) != 0;

  documents = dm_load_documents_from_path_full (root, skipped, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (documents);

  for (guint i = 0; i < documents->len; i++)
    g_string_append_printf (ids, "%s ", dm_document_get_id (g_ptr_array_index (documents, i)));
  /* By path: "a.txt" < "a/inner.html" ('.' < '/') < "b/…" < "c.json" … */
  g_assert_cmpstr (ids->str, ==,
                   can_lock ? "a inner two c#1 c#2 d#1 d#3 e#1 e#2 e#4 f#1 f#2 f#3 g#1 g#2 g#3 "
                            : "a inner two c#1 c#2 d#1 d#3 e#1 e#2 e#4 f#1 f#2 f#3 g#1 g#2 g#3 locked ");

  for (guint i = 0; i < skipped->len; i++)
    g_string_append_printf (reasons, "%s\n", ((GError *) g_ptr_array_index (skipped, i))->message);
  g_assert_true (strstr (reasons->str, "empty.txt: empty file\n") != NULL);
  g_assert_true (strstr (reasons->str, "deeper/loop: leads to ") != NULL);
  g_assert_true (strstr (reasons->str, "a folder already read") != NULL);
  if (can_lock)
    {
      g_autofree char *line = g_strdup_printf ("%s: Permission denied\n", locked);

      g_assert_true (strstr (reasons->str, line) != NULL);
      g_assert_cmpuint (skipped->len, ==, 3);
    }
  else
    g_assert_cmpuint (skipped->len, ==, 2);
  g_assert_false (strstr (reasons->str, "notes.md") != NULL);

  g_chmod (locked, 0644);
}

static void
test_folder_unreadable_subfolder (void)
{
  g_autofree char *root = g_build_filename (tmp_dir, "closed", NULL);
  g_autofree char *inner = g_build_filename (root, "inner", NULL);
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  gboolean can_lock;

  g_free (write_file ("closed/ok.txt", "Armenia met Georgia.\n"));
  g_free (write_file ("closed/inner/hidden.txt", "Armenia met Iran.\n"));
  g_assert_cmpint (g_chmod (inner, 0), ==, 0);
  can_lock = access (inner, R_OK) != 0;

  documents = dm_load_documents_from_path_full (root, skipped, NULL, &error);
  g_chmod (inner, 0755);
  g_assert_no_error (error);
  if (!can_lock)
    {
      g_test_skip ("running as a user who may read any folder");
      return;
    }
  g_assert_cmpuint (documents->len, ==, 1);
  g_assert_cmpuint (skipped->len, ==, 1);
  g_assert_true (g_str_has_suffix (((GError *) g_ptr_array_index (skipped, 0))->message,
                                   "inner: Permission denied"));
}

static void
test_folder_nothing (void)
{
  g_autofree char *root = g_build_filename (tmp_dir, "all-bad", NULL);
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autofree char *expected = g_strdup_printf ("%s: none of the 1 article files in the folder could be read", root);

  g_free (write_file ("all-bad/empty.txt", ""));
  documents = dm_load_documents_from_path_full (root, skipped, NULL, &error);
  g_assert_null (documents);
  g_assert_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_cmpuint (skipped->len, ==, 1);
}

/* ---- JSON Lines ---------------------------------------------------------- */

typedef struct {
  const char *name;
  const char *contents;
  const char *error;     /* the message after "FILE: ", NULL when it loads */
  guint       n_documents;
} JsonlCase;

static const JsonlCase jsonl_cases[] = {
  { "good", "{\"text\": \"A.\", \"date\": \"2022-12-15\"}\r\n{\"text\": \"B.\"}", NULL, 2 },
  { "bad-line", "{\"text\": \"A.\"}\n{\"text\": \"B.\",,}\n{\"text\": \"C.\"}\n",
    "line 2: malformed JSON at column 14: ", 0 },
  { "not-object", "{\"text\": \"A.\"}\n[1, 2]\n", "line 2 is not an article object", 0 },
  { "no-text", "\n\n{\"title\": \"A\"}\n", "line 3 has no \"text\"", 0 },
  { "blank", "\n  \n", "the JSON Lines file holds no articles", 0 },
};

static void
test_jsonl (gconstpointer data)
{
  const JsonlCase *c = data;
  g_autofree char *relative = g_strdup_printf ("jsonl/%s.jsonl", c->name);
  g_autofree char *path = write_file (relative, c->contents);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = dm_load_documents_from_path (path, &error);

  if (c->error == NULL)
    {
      g_assert_no_error (error);
      g_assert_cmpuint (documents->len, ==, c->n_documents);
      g_assert_cmpstr (dm_document_get_id (g_ptr_array_index (documents, 0)), ==, "good#1");
      g_assert_cmpstr (dm_document_get_date (g_ptr_array_index (documents, 0)), ==, "2022-12-15");
      g_assert_cmpstr (dm_document_get_id (g_ptr_array_index (documents, 1)), ==, "good#2");
      return;
    }

  {
    g_autofree char *expected = g_strdup_printf ("%s: %s", path, c->error);

    int code = strstr (c->error, "holds no") != NULL ? DM_LOAD_ERROR_EMPTY : DM_LOAD_ERROR_MALFORMED;

    g_assert_null (documents);
    g_assert_error (error, DM_LOAD_ERROR, code);
    g_assert_true (g_str_has_prefix (error->message, expected));
  }
}

/* ---- feeds ------------------------------------------------------------- */

typedef struct {
  const char *id;
  const char *title;
  const char *source;
  const char *date;
  const char *url;
  const char *text;
} FeedItemCase;

static const FeedItemCase feed_item_cases[] = {
  { "e#1", "EU urges Georgia to reform", "Caucasus Wire", "2023-01-02", "https://example.org/1",
    "EU urges Georgia to reform\nThe EU urged Georgia to reform its courts.\nTbilisi & Brussels met later." },
  { "e#2", "Border clashes", "Caucasus Wire", "2023-01-03", NULL,
    "Border clashes\nArmenia and Azerbaijan clashed on the border." },
  { "e#4", "Undated", "Caucasus Wire", NULL, NULL, "Undated\nIran hosted talks in Tehran." },
  { "f#1", "Turkey warns Greece", "Atom Desk", "2023-01-31", "https://example.org/a",
    "Turkey warns Greece\nTurkey warned Greece." },
  { "f#2", "Moscow accuses Kyiv", "Atom Desk", "2023-02-04", NULL,
    "Moscow accuses Kyiv\nRussia accused Ukraine.\nKyiv denied it." },
  { "f#3", "Plain", "Atom Desk", NULL, NULL, "Plain\nArmenia < Azerbaijan? No." },
};

static void
test_feed_items (void)
{
  g_autofree char *rss = write_file ("feeds/e.rss", rss_feed);
  g_autofree char *atom = write_file ("feeds/f.atom", atom_feed);
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  const char *paths[] = { rss, atom };

  for (guint k = 0; k < G_N_ELEMENTS (paths); k++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) loaded = dm_load_documents_from_path (paths[k], &error);

      g_assert_no_error (error);
      g_ptr_array_extend_and_steal (documents, g_steal_pointer (&loaded));
    }
  g_assert_cmpuint (documents->len, ==, 6);

  for (guint i = 0; i < G_N_ELEMENTS (feed_item_cases); i++)
    {
      const FeedItemCase *c = &feed_item_cases[i];
      DmDocument *document = find_document (documents, c->id);

      g_test_message ("item %s", c->id);
      g_assert_nonnull (document);
      g_assert_cmpstr (dm_document_get_title (document), ==, c->title);
      g_assert_true (dm_document_get_title_in_text (document));
      g_assert_cmpstr (dm_document_get_source (document), ==, c->source);
      g_assert_cmpstr (dm_document_get_date (document), ==, c->date);
      g_assert_cmpstr (dm_document_get_url (document), ==, c->url);
      g_assert_cmpstr (dm_document_get_text (document), ==, c->text);
    }
}

typedef struct {
  const char *name;
  const char *contents;
  const char *error;
} FeedErrorCase;

static const FeedErrorCase feed_error_cases[] = {
  { "broken", "<rss><channel><item><title>A</title></channel></rss>", "malformed feed at line 1" },
  { "not-a-feed", "<?xml version=\"1.0\"?><catalog><book/></catalog>", "XML but neither an RSS nor an Atom feed" },
  { "no-items", "<rss><channel><title>T</title></channel></rss>", "the feed holds no items" },
  { "no-text", "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>1</id></entry></feed>",
    "no item of the feed has text" },
  { "entities",
    "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
    "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">"
    "<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\"><!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">]>"
    "<rss><channel><item><title>&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;</title></item></channel></rss>",
    "malformed feed" },
};

static void
test_feed_error (gconstpointer data)
{
  const FeedErrorCase *c = data;
  g_autofree char *relative = g_strdup_printf ("feed-errors/%s.rss", c->name);
  g_autofree char *path = write_file (relative, c->contents);
  g_autofree char *expected = g_strdup_printf ("%s: %s", path, c->error);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = dm_load_documents_from_path (path, &error);

  g_assert_null (documents);
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, expected));
}

/* A feed of 100,000 items is read whole, in time that grows with it. */
static void
test_feed_many_items (void)
{
  g_autoptr(GString) feed = g_string_new ("<rss><channel><title>Big</title>");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gint64 start;
  const guint n = 100000;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (feed, "<item><title>Item %u</title><pubDate>Mon, 02 Jan 2023 08:00:00 GMT</pubDate>"
                                  "<description>Armenia met Georgia.</description></item>", i);
  g_string_append (feed, "</channel></rss>");
  bytes = g_bytes_new (feed->str, feed->len);

  start = g_get_monotonic_time ();
  documents = dm_load_documents_from_bytes (bytes, "big.rss", DM_FORMAT_AUTO, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, n);
  g_assert_cmpstr (dm_document_get_id (g_ptr_array_index (documents, n - 1)), ==, "big#100000");
  g_test_message ("100,000 items in %.2f s", (g_get_monotonic_time () - start) / 1e6);
  /* generous: a quadratic reader would take minutes */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 30 * G_USEC_PER_SEC);
}

/* ---- dates ------------------------------------------------------------- */

typedef struct {
  const char *text;
  const char *day;
} DateCase;

static const DateCase normalize_cases[] = {
  { "2022-12-15", "2022-12-15" },
  { "  2022-12-15T23:30:00-05:00", "2022-12-15" },
  { "2022-12-15 10:00", "2022-12-15" },
  { "2022/1/5", "2022-01-05" },
  { "Thu, 15 Dec 2022 10:30:00 +0400", "2022-12-15" },
  { "15 Dec 22 10:30 GMT", "2022-12-15" },
  { "15-Dec-2022", "2022-12-15" },
  { "Dec 15, 2022", "2022-12-15" },
  { "December 15 2022", "2022-12-15" },
  { "Sept. 3, 2021", "2021-09-03" },
  { "15 December 2022", "2022-12-15" },
  { "15.12.2022", "2022-12-15" },
  { "29.02.2024", "2024-02-29" },
  { "29.02.2023", NULL },
  { "2022-13-01", NULL },
  { "2022-12-150", NULL },
  { "last Tuesday", NULL },
  { "Dec 15", NULL },
  { "", NULL },
};

static void
test_date_normalize (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (normalize_cases); i++)
    {
      g_autofree char *day = dm_date_normalize (normalize_cases[i].text);

      g_test_message ("“%s”", normalize_cases[i].text);
      g_assert_cmpstr (day, ==, normalize_cases[i].day);
    }
}

static const DateCase dateline_cases[] = {
  { "Title\nYEREVAN, Dec 15 (Reuters) - Armenia said.", "2022-12-15" },
  { "Dec 15 (Reuters) - Armenia said.", "2022-12-15" },
  { "Title\nBAKU, Dec 31 (AFP) – Azerbaijan said.", "2021-12-31" },   /* after the reference: last year */
  { "NEW YORK/WASHINGTON, Dec. 16 (Reuters) - x", "2022-12-16" },      /* a day's slack */
  { "Baku, 15.12.2022 – Azerbaijan said.", "2022-12-15" },
  { "15.12.2022\nArmenia said.", "2022-12-15" },
  { "Published: 3 March 2021\nText.", "2021-03-03" },
  { "TBILISI, March 4, 2020 /PRNewswire/ - Georgia", "2020-03-04" },
  { "On Dec 15 (Monday) Armenia said.", NULL },                        /* a sentence, no dateline */
  { "Armenia said on 15 December 2022 that it would.", NULL },
  { "YEREVAN, Dec 15 Armenia said.", NULL },                            /* yearless, no agency or dash */
  { "a\nb\nc\nd\nYEREVAN, Dec 15 (Reuters) - too far down", NULL },
};

static void
test_dateline (void)
{
  g_autoptr(GDateTime) reference = g_date_time_new_utc (2022, 12, 15, 12, 0, 0);

  for (guint i = 0; i < G_N_ELEMENTS (dateline_cases); i++)
    {
      const char *text = dateline_cases[i].text;
      g_autofree char *day = dm_date_find_dateline (text, strlen (text), reference);

      g_test_message ("“%s”", text);
      g_assert_cmpstr (day, ==, dateline_cases[i].day);
    }
}

/* Each source of a date, through the loader. */
typedef struct {
  const char *file;
  const char *contents;
  const char *day;
} DateSourceCase;

static const DateSourceCase date_source_cases[] = {
  { "json.json", "{\"text\": \"Armenia.\", \"date\": \"Thu, 15 Dec 2022 10:30:00 +0400\"}", "2022-12-15" },
  { "json-unparsed.json", "{\"text\": \"Armenia.\", \"date\": \"sometime\"}", NULL },
  { "meta.html", "<html><head><meta property=\"article:published_time\" content=\"2021-05-04T10:00:00Z\">"
                 "<script type=\"application/ld+json\">{\"datePublished\": \"2020-01-01\"}</script></head>"
                 "<body><p>Armenia.</p><time datetime=\"2019-01-01\">x</time></body></html>", "2021-05-04" },
  { "ld.html", "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
               "\"datePublished\" : \"2020-02-03T08:00:00+04:00\"}</script></head>"
               "<body><p>Armenia.</p><time datetime=\"2019-01-01\">x</time></body></html>", "2020-02-03" },
  { "time.html", "<html><body><p>Armenia.</p><p><time datetime=\"2019-01-02\">Jan 2</time></p></body></html>",
    "2019-01-02" },
  { "dateline.html", "<html><body><p>YEREVAN, 15.12.2022 - Armenia said.</p></body></html>", "2022-12-15" },
  { "dateline.txt", "Armenia resumes talks\nYEREVAN, Nov 3, 2022 (Reuters) - Armenia said.\n", "2022-11-03" },
  { "none.txt", "Armenia said it would.\n", NULL },
};

static void
test_date_sources (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (date_source_cases); i++)
    {
      const DateSourceCase *c = &date_source_cases[i];
      g_autofree char *relative = g_build_filename ("dates", c->file, NULL);
      g_autofree char *path = write_file (relative, c->contents);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) documents = dm_load_documents_from_path (path, &error);

      g_test_message ("%s", c->file);
      g_assert_no_error (error);
      g_assert_cmpstr (dm_document_get_date (g_ptr_array_index (documents, 0)), ==, c->day);
    }
}

/* A yearless dateline is dated by the file's modification time. */
static void
test_dateline_file_time (void)
{
  g_autofree char *path = write_file ("dates/yearless.txt", "Title\nBAKU, Dec 30 (AFP) - Azerbaijan said.\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  /* 2021-01-05: a Dec 30 dateline is of 2020 */
  guint64 mtime = 1609804800;

  g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, mtime, G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  documents = dm_load_documents_from_path (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dm_document_get_date (g_ptr_array_index (documents, 0)), ==, "2020-12-30");
}

typedef struct {
  const char *text;
  gboolean    end;
  const char *day;
} BoundCase;

static const BoundCase bound_cases[] = {
  { "2022-12-15", FALSE, "2022-12-15" },
  { "2022-12-15", TRUE, "2022-12-15" },
  { "2022-02", FALSE, "2022-02-01" },
  { "2024-02", TRUE, "2024-02-29" },
  { "2023", TRUE, "2023-12-31" },
  { "2023", FALSE, "2023-01-01" },
  { "2023-2-1", FALSE, NULL },
  { "2023-02-30", FALSE, NULL },
  { "15.12.2022", FALSE, NULL },
  { "2022-12-15T00:00", FALSE, NULL },
  { "", FALSE, NULL },
};

static void
test_date_bounds (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bound_cases); i++)
    {
      char day[DM_DATE_SIZE] = "";
      gboolean ok = dm_date_parse_bound (bound_cases[i].text, bound_cases[i].end, day);

      g_test_message ("“%s”", bound_cases[i].text);
      g_assert_cmpint (ok, ==, bound_cases[i].day != NULL);
      if (ok)
        g_assert_cmpstr (day, ==, bound_cases[i].day);
    }
}

/* ---- filters ----------------------------------------------------------- */

static DmAnalysis *
make_dated_analysis (void)
{
  static const struct { const char *id, *date, *text; } articles[] = {
    { "jan", "2023-01-10", "Armenia urged Azerbaijan to talk. Armenia and Azerbaijan clashed on the border." },
    { "feb", "2023-02-20", "Armenia urged Azerbaijan to reopen the road." },
    { "mar", "2023-03-05", "Armenia and Azerbaijan clashed again." },
    { "undated", NULL, "Armenia urged Azerbaijan to withdraw." },
  };
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  DmAnalysis *analysis;

  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    g_ptr_array_add (documents, dm_document_new (articles[i].id, NULL, NULL, articles[i].date, NULL,
                                                 articles[i].text, FALSE));
  analysis = dm_analysis_new (gazetteer, lexicon, documents, NULL, &error);
  g_assert_no_error (error);
  return analysis;
}

/* "ARM>AZE appeal 3 [jan feb undated] 2023-01-10..2023-02-20; …" */
static char *
describe_links (DmAnalysis *analysis)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < dm_analysis_get_n_links (analysis); i++)
    {
      const DmLink *link = dm_analysis_get_link (analysis, i);
      const char *first, *last;

      dm_analysis_get_link_dates (analysis, link, &first, &last);
      g_string_append_printf (out, "%s%s%s%s %s %u [",
                              i > 0 ? "; " : "",
                              dm_gazetteer_get_actor (gazetteer, link->source)->code,
                              link->directed ? ">" : "-",
                              dm_gazetteer_get_actor (gazetteer, link->target)->code,
                              dm_link_kind_to_string (link->kind), link->weight);
      for (guint e = 0; e < link->weight; e++)
        g_string_append_printf (out, "%s%s", e > 0 ? " " : "",
                                dm_document_get_id (dm_analysis_get_document (analysis, link->evidence[e].doc)));
      g_string_append_printf (out, "] %s..%s", first ? first : "?", last ? last : "?");
    }
  return g_string_free (out, FALSE);
}

typedef struct {
  const char *name;
  const char *since, *until, *kinds;
  const char *links;
  guint       n_documents;
  guint       arm_mentions;
} FilterCase;

static const FilterCase filter_cases[] = {
  { "none", NULL, NULL, NULL,
    "ARM>AZE appeal 3 [jan feb undated] 2023-01-10..2023-02-20; ARM-AZE fight 2 [jan mar] 2023-01-10..2023-03-05",
    4, 5 },
  { "since", "2023-02", NULL, NULL,
    "ARM>AZE appeal 1 [feb] 2023-02-20..2023-02-20; ARM-AZE fight 1 [mar] 2023-03-05..2023-03-05", 2, 2 },
  { "until", NULL, "2023-01-31", NULL,
    "ARM>AZE appeal 1 [jan] 2023-01-10..2023-01-10; ARM-AZE fight 1 [jan] 2023-01-10..2023-01-10", 1, 2 },
  { "range-month", "2023-02", "2023-02", NULL, "ARM>AZE appeal 1 [feb] 2023-02-20..2023-02-20", 1, 1 },
  { "range-empty-of-articles", "2024", NULL, NULL, "", 0, 0 },
  { "kinds", NULL, NULL, "fight",
    "ARM-AZE fight 2 [jan mar] 2023-01-10..2023-03-05", 4, 5 },
  { "kinds-and-range", "2023-03-01", "2023-12-31", " fight , appeal ",
    "ARM-AZE fight 1 [mar] 2023-03-05..2023-03-05", 1, 1 },
  { "kinds-none-stated", NULL, NULL, "mediate", "", 4, 5 },
};

static void
test_filter (gconstpointer data)
{
  const FilterCase *c = data;
  g_autoptr(DmAnalysis) analysis = make_dated_analysis ();
  g_autoptr(DmAnalysis) filtered = NULL;
  g_autofree char *before = describe_links (analysis);
  g_autofree char *links = NULL;
  g_autofree char *after = NULL;
  DmFilter filter = DM_FILTER_INIT;
  const DmActorSummary *arm;
  int arm_code;

  g_assert_true (c->since == NULL || dm_filter_set_since (&filter, c->since, NULL));
  g_assert_true (c->until == NULL || dm_filter_set_until (&filter, c->until, NULL));
  g_assert_true (c->kinds == NULL || dm_filter_set_kinds (&filter, c->kinds, NULL));
  g_assert_true (dm_filter_check (&filter, NULL));

  filtered = dm_filter_apply (&filter, analysis);
  links = describe_links (filtered);
  g_assert_cmpstr (links, ==, c->links);
  g_assert_cmpuint (dm_analysis_get_n_documents (filtered), ==, c->n_documents);

  arm_code = dm_gazetteer_lookup_code (gazetteer, "ARM");
  g_assert_cmpint (arm_code, >=, 0);
  arm = dm_analysis_find_actor (filtered, (guint) arm_code);
  g_assert_cmpuint (arm != NULL ? arm->n_mentions : 0, ==, c->arm_mentions);

  /* pure: the analysis filtered is unchanged */
  after = describe_links (analysis);
  g_assert_cmpstr (after, ==, before);

  /* the JSON of the view is well formed and dated */
  {
    g_autofree char *json = dm_analysis_to_json (filtered);
    g_autoptr(JsonParser) parser = json_parser_new ();

    g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  }
}

typedef struct {
  const char *since, *until, *kinds;
  int         code;
  const char *message;
} FilterErrorCase;

static const FilterErrorCase filter_error_cases[] = {
  { "2023-13", NULL, NULL, DM_FILTER_ERROR_BAD_DATE, "“2023-13” is not a date: write it YYYY-MM-DD, YYYY-MM or YYYY" },
  { NULL, "yesterday", NULL, DM_FILTER_ERROR_BAD_DATE, "“yesterday” is not a date: write it YYYY-MM-DD, YYYY-MM or YYYY" },
  { NULL, NULL, "appeal,hug", DM_FILTER_ERROR_UNKNOWN_KIND,
    "Unknown link kind “hug”: use consult, appeal, negotiate, cooperate, aid, accuse, warn, tension, fight, seize, mediate" },
  { NULL, NULL, "appeal,,fight", DM_FILTER_ERROR_UNKNOWN_KIND, "An empty link kind in “appeal,,fight”: " },
  { "2023-03", "2023-02", NULL, DM_FILTER_ERROR_EMPTY_RANGE, "The range ends (2023-02-28) before it starts (2023-03-01)" },
};

static void
test_filter_errors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (filter_error_cases); i++)
    {
      const FilterErrorCase *c = &filter_error_cases[i];
      DmFilter filter = DM_FILTER_INIT;
      g_autoptr(GError) error = NULL;
      gboolean ok = TRUE;

      if (c->since != NULL)
        ok = dm_filter_set_since (&filter, c->since, &error);
      if (ok && c->until != NULL)
        ok = dm_filter_set_until (&filter, c->until, &error);
      if (ok && c->kinds != NULL)
        ok = dm_filter_set_kinds (&filter, c->kinds, &error);
      if (ok)
        ok = dm_filter_check (&filter, &error);

      g_assert_false (ok);
      g_assert_error (error, DM_FILTER_ERROR, c->code);
      g_assert_true (g_str_has_prefix (error->message, c->message));
    }
}

/* ---- the command line ---------------------------------------------------- */

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_diplomap (const char *const *args,
              Run                *run)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("DIPLOMAP"));
  for (; *args != NULL; args++)
    g_ptr_array_add (argv, (gpointer) *args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &run->out, &run->err,
                &wait_status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : 128;
}

typedef struct {
  const char *name;
  const char *args[8];
  int         status;
  const char *err;   /* a line of stderr */
} CliCase;

static const CliCase cli_cases[] = {
  { "bad-since", { "--analyze", "--since", "2023-02-30", "@cli" }, 2,
    "diplomap: --since: “2023-02-30” is not a date: write it YYYY-MM-DD, YYYY-MM or YYYY\n" },
  { "bad-until", { "--analyze", "--until", "May", "@cli" }, 2,
    "diplomap: --until: “May” is not a date: write it YYYY-MM-DD, YYYY-MM or YYYY\n" },
  { "bad-kind", { "--analyze", "--kinds", "hug", "@cli" }, 2,
    "diplomap: --kinds: Unknown link kind “hug”: use consult, appeal, negotiate, cooperate, aid, accuse, warn, tension, fight, seize, mediate\n" },
  { "empty-range", { "--analyze", "--since", "2023-03", "--until", "2023-01", "@cli" }, 2,
    "diplomap: The range ends (2023-01-31) before it starts (2023-03-01)\n" },
  { "without-mode", { "--kinds", "fight", "@cli" }, 2,
    "diplomap: --since, --until and --kinds only apply to --analyze and --export\n" },
  { "export-bad-kind", { "--export", "@out.png", "--kinds", "fight,x", "@cli" }, 2,
    "diplomap: --kinds: Unknown link kind “x”: use " },
  { "skipped-file", { "--analyze", "@cli" }, 0, "cli/bad.jsonl: line 2: malformed JSON at column " },
};

static void
test_cli (gconstpointer data)
{
  const CliCase *c = data;
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_auto(Run) run = { 0 };

  for (guint i = 0; c->args[i] != NULL; i++)
    g_ptr_array_add (args, c->args[i][0] == '@' ? g_build_filename (tmp_dir, c->args[i] + 1, NULL)
                                                : g_strdup (c->args[i]));
  g_ptr_array_add (args, NULL);

  run_diplomap ((const char *const *) args->pdata, &run);
  g_assert_cmpint (run.status, ==, c->status);
  g_assert_true (strstr (run.err, c->err) != NULL);
  if (c->status != 0)
    g_assert_cmpstr (run.out, ==, "");
}

static void
test_cli_json (void)
{
  g_autofree char *folder = g_build_filename (tmp_dir, "cli", NULL);
  const char *args[] = { "--analyze", "--format", "json", "--since", "2023-01-01", "--kinds", "appeal", folder, NULL };
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *documents, *links;

  run_diplomap (args, &run);
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  /* the undated article and the 2022 one are out of the range */
  documents = json_object_get_array_member (root, "documents");
  g_assert_cmpuint (json_array_get_length (documents), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (documents, 0), "id"), ==, "one");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (documents, 0), "date"), ==, "2023-01-10");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (documents, 1), "date"), ==, "2023-02-20");

  links = json_object_get_array_member (root, "links");
  g_assert_cmpuint (json_array_get_length (links), ==, 1);
  {
    JsonObject *link = json_array_get_object_element (links, 0);

    g_assert_cmpstr (json_object_get_string_member (link, "kind"), ==, "appeal");
    g_assert_cmpint (json_object_get_int_member (link, "weight"), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (link, "first_date"), ==, "2023-01-10");
    g_assert_cmpstr (json_object_get_string_member (link, "last_date"), ==, "2023-02-20");
  }
}

static void
test_cli_text_dates (void)
{
  g_autofree char *folder = g_build_filename (tmp_dir, "cli", NULL);
  const char *args[] = { "--analyze", "--kinds", "appeal", folder, NULL };
  g_auto(Run) run = { 0 };

  run_diplomap (args, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (strstr (run.out, "  ARM → AZE  Appeal · Verbal cooperation  ×4  2022-06-01 – 2023-02-20\n") != NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;
  GStatBuf info;

  if (g_lstat (path, &info) == 0 && !S_ISDIR (info.st_mode))
    {
      g_unlink (path);
      return;
    }
  g_chmod (path, 0755);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      remove_tree (child);
    }
  g_rmdir (path);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("dm-test-many-XXXXXX", &error);
  g_assert_no_error (error);
  gazetteer = dm_gazetteer_new_default (&error);
  g_assert_no_error (error);
  lexicon = dm_lexicon_new_default (&error);
  g_assert_no_error (error);

  g_free (write_file ("cli/one.txt", "Talks\nYEREVAN, 10.01.2023 - Armenia urged Azerbaijan to talk.\n"));
  g_free (write_file ("cli/two.jsonl", "{\"text\": \"Armenia urged Azerbaijan to reopen the road.\", \"date\": \"2023-02-20\"}\n"));
  g_free (write_file ("cli/old.json", "{\"text\": \"Armenia urged Azerbaijan to agree.\", \"date\": \"2022-06-01\"}"));
  g_free (write_file ("cli/undated.txt", "Armenia urged Azerbaijan to withdraw.\n"));
  g_free (write_file ("cli/bad.jsonl", "{\"text\": \"A.\"}\n{oops}\n"));

  g_test_add_func ("/many/folder/recursive", test_folder);
  g_test_add_func ("/many/folder/unreadable-subfolder", test_folder_unreadable_subfolder);
  g_test_add_func ("/many/folder/nothing-readable", test_folder_nothing);
  for (guint i = 0; i < G_N_ELEMENTS (jsonl_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/many/jsonl/%s", jsonl_cases[i].name);
      g_test_add_data_func (name, &jsonl_cases[i], test_jsonl);
    }
  g_test_add_func ("/many/feed/items", test_feed_items);
  for (guint i = 0; i < G_N_ELEMENTS (feed_error_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/many/feed/error/%s", feed_error_cases[i].name);
      g_test_add_data_func (name, &feed_error_cases[i], test_feed_error);
    }
  g_test_add_func ("/many/feed/100000-items", test_feed_many_items);
  g_test_add_func ("/many/date/normalize", test_date_normalize);
  g_test_add_func ("/many/date/dateline", test_dateline);
  g_test_add_func ("/many/date/dateline-file-time", test_dateline_file_time);
  g_test_add_func ("/many/date/sources", test_date_sources);
  g_test_add_func ("/many/date/bounds", test_date_bounds);
  for (guint i = 0; i < G_N_ELEMENTS (filter_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/many/filter/%s", filter_cases[i].name);
      g_test_add_data_func (name, &filter_cases[i], test_filter);
    }
  g_test_add_func ("/many/filter/errors", test_filter_errors);
  for (guint i = 0; i < G_N_ELEMENTS (cli_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/many/cli/%s", cli_cases[i].name);
      g_test_add_data_func (name, &cli_cases[i], test_cli);
    }
  g_test_add_func ("/many/cli/json", test_cli_json);
  g_test_add_func ("/many/cli/text-dates", test_cli_text_dates);

  status = g_test_run ();

  remove_tree (tmp_dir);
  g_clear_object (&gazetteer);
  g_clear_object (&lexicon);
  g_free (tmp_dir);
  return status;
}
