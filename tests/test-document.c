/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-document.c: loading articles from every format and encoding, the
 * normalization of their text, the errors for what is not an article, and
 * DmDocument's byte-to-character offsets.
 *
 * Fixtures are small files under tests/data/ (doc-*); inputs that are
 * only interesting as bytes, and the large ones, are made in a temporary
 * folder at test time.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dm-core.h"

static char *tmp_dir;

static char *
data_path (const char *name)
{
  const char *root = g_getenv ("DM_SOURCE_ROOT");

  if (root != NULL)
    return g_build_filename (root, "tests", "data", name, NULL);
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static char *
sample_path (void)
{
  const char *root = g_getenv ("DM_SOURCE_ROOT");

  if (root != NULL)
    return g_build_filename (root, "data", "articles", "blinken-aliyev-call.txt", NULL);
  return g_test_build_filename (G_TEST_DIST, "..", "data", "articles", "blinken-aliyev-call.txt",
                                NULL);
}

static char *
write_tmp (const char *name, const char *bytes, gssize length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmp_dir, name, NULL);

  g_file_set_contents (path, bytes, length, &error);
  g_assert_no_error (error);
  return path;
}

static DmDocument *
load_one (GPtrArray *documents)
{
  g_assert_nonnull (documents);
  g_assert_cmpuint (documents->len, ==, 1);
  return g_ptr_array_index (documents, 0);
}

/* ---- fixtures in every format and encoding ---------------------------- */

typedef struct
{
  const char *file;
  guint index; /* which document of the file */
  guint n_documents;
  const char *id;
  const char *title;
  gboolean title_in_text;
  const char *source;
  const char *date;
  const char *url;
  const char *text;
} FixtureCase;

#define BORDER_TALKS                                                                               \
  "Armenian and Azerbaijani officials met in Tbilisi on Monday, the foreign ministry said.\n"      \
  "The talks, hosted by Georgia, focused on the delimitation of the border."

static const FixtureCase fixture_cases[] = {
  { "doc-utf8-bom.txt", 0, 1, "doc-utf8-bom", "Yerevan and Baku resume border talks", TRUE,
    "Caucasus Wire", NULL, NULL,
    "Yerevan and Baku resume border talks\n" BORDER_TALKS },
  { "doc-utf16le.txt", 0, 1, "doc-utf16le", "Yerevan and Baku resume border talks — “first step”", TRUE,
    "Caucasus Wire", NULL, NULL,
    "Yerevan and Baku resume border talks — “first step”\n" BORDER_TALKS },
  { "doc-utf16be.txt", 0, 1, "doc-utf16be", "Yerevan and Baku resume border talks", TRUE,
    "Caucasus Wire", NULL, NULL,
    "Yerevan and Baku resume border talks\n" BORDER_TALKS },
  { "doc-cp1252.txt", 0, 1, "doc-cp1252", "Minister praises “new chapter” with Tbilisi", TRUE,
    NULL, NULL, NULL,
    "Minister praises “new chapter” with Tbilisi\n"
    "The café talks – held in Batumi – ended early.\n"
    "Both sides called them useful." },
  { "doc-wrapped.txt", 0, 1, "doc-wrapped", "Georgia hosts regional transport forum", TRUE,
    NULL, NULL, NULL,
    "Georgia hosts regional transport forum\n"
    "Delegations from Armenia, Azerbaijan and Georgia gathered in Batumi on Tuesday to discuss "
    "rail links across the region. Officials said the meeting was the first of its kind in several years.\n"
    "Turkey and Iran sent observers. A final statement is expected on Thursday, the organisers said, "
    "after two more days of closed-door sessions." },
  { "doc-article.html", 0, 1, "doc-article", "Armenia and Georgia sign transit deal", TRUE,
    "Caucasus Wire", "2024-05-14", "https://example.org/news/transit-deal",
    "Armenia and Georgia sign transit deal\n"
    "Armenia and Georgia signed an agreement on cargo transit in Tbilisi on Tuesday, officials said.\n"
    "The deal – the first of its kind – covers rail and road traffic. “It is a new page,” Mr. Pashinyan said.\n"
    "Rail: three trains a day\n"
    "Road: a new checkpoint\n"
    "Trade will double by 2030." },
  { "doc-latin1.html", 0, 1, "doc-latin1", NULL, FALSE, "José García", "2023-01-02", NULL,
    "Café diplomacy\nMinisters met at a café in Tbilisi.\nThey agreed to meet again.\nTime: Jan. 2" },
  { "doc-article.json", 0, 1, "doc-article", "Azerbaijan and Turkey hold joint drills", TRUE,
    "Caucasus Wire", "2021-10-05", "https://example.org/news/drills",
    "Azerbaijan and Turkey hold joint drills\n"
    "Azerbaijan and Turkey began military exercises on Tuesday.\nIran protested." },
  { "doc-articles.json", 0, 3, "doc-articles#1", "EU pauses talks with Georgia", FALSE,
    NULL, NULL, NULL,
    "The EU paused accession talks with Georgia.\nTbilisi said it regretted the decision." },
  { "doc-articles.json", 1, 3, "doc-articles#2", NULL, FALSE, NULL, NULL, NULL,
    "Russia and Armenia discussed the CSTO." },
  { "doc-articles.json", 2, 3, "doc-articles#3", "Iran hosts 3+3 meeting", FALSE,
    NULL, "2023-10-23", NULL,
    "Iran hosted the regional 3+3 format in Tehran." },
};

static void
test_fixture (gconstpointer data)
{
  const FixtureCase *c = data;
  g_autofree char *path = data_path (c->file);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = dm_load_documents_from_path (path, &error);
  DmDocument *document;

  g_assert_no_error (error);
  g_assert_nonnull (documents);
  g_assert_cmpuint (documents->len, ==, c->n_documents);

  document = g_ptr_array_index (documents, c->index);
  g_assert_cmpstr (dm_document_get_id (document), ==, c->id);
  g_assert_cmpstr (dm_document_get_title (document), ==, c->title);
  g_assert_cmpint (dm_document_get_title_in_text (document), ==, c->title_in_text);
  g_assert_cmpstr (dm_document_get_source (document), ==, c->source);
  g_assert_cmpstr (dm_document_get_date (document), ==, c->date);
  g_assert_cmpstr (dm_document_get_url (document), ==, c->url);
  g_assert_cmpstr (dm_document_get_text (document), ==, c->text);
  g_assert_cmpuint (dm_document_get_length (document), ==, strlen (c->text));
}

static void
test_sample (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = dm_load_documents_from_path (path, &error);
  DmDocument *document;
  const char *text;
  const char *title = "US Secretary of State Antony Blinken urges Azerbaijani President "
                      "to de-escalate tensions with Armenia";

  g_assert_no_error (error);
  document = load_one (documents);
  text = dm_document_get_text (document);

  g_assert_cmpstr (dm_document_get_id (document), ==, "blinken-aliyev-call");
  g_assert_cmpstr (dm_document_get_title (document), ==, title);
  g_assert_true (dm_document_get_title_in_text (document));
  g_assert_cmpstr (dm_document_get_source (document), ==, "AFP");
  g_assert_true (g_str_has_prefix (text, title));
  g_assert_cmpint (text[strlen (title)], ==, '\n');
  g_assert_null (strstr (text, "Source:"));
  g_assert_null (strstr (text, "AFP"));
  g_assert_true (g_str_has_suffix (text, "much to Armenia’s dismay."));
  /* one paragraph per line, kept as lines: 9 paragraphs */
  {
    guint lines = 1;

    for (const char *p = text; *p != '\0'; p++)
      lines += *p == '\n';
    g_assert_cmpuint (lines, ==, 9);
  }
}

/* ---- normalization of plain text -------------------------------------- */

typedef struct
{
  const char *name;
  const char *input;
  const char *text;
  const char *title;
  const char *source;
} NormalizeCase;

static const NormalizeCase normalize_cases[] = {
  { "crlf", "Armenia and Turkey reopen border\r\nThe border opened.\r\nTrucks crossed.\r\n",
    "Armenia and Turkey reopen border\nThe border opened.\nTrucks crossed.",
    "Armenia and Turkey reopen border", NULL },
  { "cr", "First line here.\rSecond line here.\r",
    "First line here.\nSecond line here.", NULL, NULL },
  { "spaces", "  \t Baku\t\tand \xc2\xa0 Yerevan  talk.  \n\n\n  Then\xe2\x80\x83they part.\t ",
    "Baku and Yerevan talk.\nThen they part.", NULL, NULL },
  { "invisible", "Arme\xe2\x80\x8bnia\xc2\xad and Geor\xe2\x80\x8dgia\x01\x7f meet.\n\xef\xbb\xbfNext\x1b day.",
    "Armenia and Georgia meet.\nNext day.", NULL, NULL },
  { "quotes-kept", "He said: “It’s ‘fine’ — «really» – ok…”\nMore.",
    "He said: “It’s ‘fine’ — «really» – ok…”\nMore.", NULL, NULL },
  { "line-separators", "One para.\xe2\x80\xa8Two para.\xc2\x85Three para.",
    "One para.\nTwo para.\nThree para.", NULL, NULL },
  { "source-last", "Talks resume in Vienna\nThe talks resumed.\nSource: Reuters\n\n",
    "Talks resume in Vienna\nThe talks resumed.", "Talks resume in Vienna", "Reuters" },
  { "source-spaced", "The talks resumed.\n  SOURCE :  AFP.  ", "The talks resumed.", NULL, "AFP" },
  { "source-sentence-kept", "The talks resumed.\nSource: the ministry said on Monday that it would not attend any further meetings",
    "The talks resumed.\nSource: the ministry said on Monday that it would not attend any further meetings",
    NULL, NULL },
  { "title-final-period", "The talks resumed in Vienna.\nThey ended.", "The talks resumed in Vienna.\nThey ended.",
    NULL, NULL },
  { "title-one-word", "World\nThe talks resumed.", "World\nThe talks resumed.", NULL, NULL },
  { "title-single-paragraph", "Talks resume in Vienna", "Talks resume in Vienna", NULL, NULL },
  { "title-question", "Will Armenia join the EU?\nNobody knows.", "Will Armenia join the EU?\nNobody knows.",
    "Will Armenia join the EU?", NULL },
  { "blank-line-paragraphs",
    "Ceasefire holds in Karabakh\n\nThe ceasefire held overnight, officials said.\n\nBoth sides reported calm.\n",
    "Ceasefire holds in Karabakh\nThe ceasefire held overnight, officials said.\nBoth sides reported calm.",
    "Ceasefire holds in Karabakh", NULL },
  { "wrapped-no-blank-lines",
    "The foreign ministers of Armenia and Azerbaijan met in Washington on\n"
    "Thursday for a new round of talks on a peace treaty, the State\n"
    "Department said.\n"
    "Negotiators from both countries have been working on the text for\n"
    "months, and officials said progress had been made on several of the\n"
    "remaining points.\n",
    "The foreign ministers of Armenia and Azerbaijan met in Washington on Thursday for a new round of "
    "talks on a peace treaty, the State Department said.\n"
    "Negotiators from both countries have been working on the text for months, and officials said "
    "progress had been made on several of the remaining points.", NULL, NULL },
  { "wrapped-hyphen",
    "Moscow accused the Western governments of backing the pro-\n"
    "Western opposition in Tbilisi and of stoking unrest, while\n"
    "Brussels rejected the claims as baseless and unfounded.\n\nEnd.",
    "Moscow accused the Western governments of backing the pro-Western opposition in Tbilisi and "
    "of stoking unrest, while Brussels rejected the claims as baseless and unfounded.\nEnd.", NULL, NULL },
  { "short-lines-not-joined", "Baku\nYerevan\nTbilisi\n\nCapitals.",
    "Baku\nYerevan\nTbilisi\nCapitals.", NULL, NULL },
};

static void
test_normalize (gconstpointer data)
{
  const NormalizeCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = dm_load_documents_from_text (c->input, "pasted.txt", &error);
  DmDocument *document;

  g_assert_no_error (error);
  document = load_one (documents);
  g_assert_cmpstr (dm_document_get_text (document), ==, c->text);
  g_assert_cmpstr (dm_document_get_title (document), ==, c->title);
  g_assert_cmpint (dm_document_get_title_in_text (document), ==, c->title != NULL);
  g_assert_cmpstr (dm_document_get_source (document), ==, c->source);
  g_assert_cmpstr (dm_document_get_id (document), ==, "pasted");
}

/* Windows-1252 leaves 0x81 undefined: Latin-1 takes over, and the control
 * character it makes is dropped. */
static void
test_latin1_fallback (void)
{
  static const char bytes[] = "Caf\xe9 \x81talks in G\xe9orgie\n";
  g_autoptr(GBytes) input = g_bytes_new_static (bytes, sizeof bytes - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents
      = dm_load_documents_from_bytes (input, "legacy.txt", DM_FORMAT_AUTO, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (dm_document_get_text (load_one (documents)), ==, "Café talks in Géorgie");
}

/* ---- format detection --------------------------------------------------- */

typedef struct
{
  const char *name;
  const char *input;
  DmDocumentFormat format;
  const char *text; /* NULL: expect @code */
  int code;
} SniffCase;

static const SniffCase sniff_cases[] = {
  { "noext", "  {\"text\": \"Armenia and Iran met.\"}", DM_FORMAT_AUTO, "Armenia and Iran met.", 0 },
  { "noext", "\n[{\"text\": \"One.\"}]", DM_FORMAT_AUTO, "One.", 0 },
  { "noext", "<!DOCTYPE html><title>x</title><p>Hello there.</p>", DM_FORMAT_AUTO, "Hello there.", 0 },
  { "noext", "\n<P class=x>Upper case tags &amp; entities.</P>", DM_FORMAT_AUTO, "Upper case tags & entities.", 0 },
  { "noext", "[Update] Armenia and Iran met.", DM_FORMAT_AUTO, "[Update] Armenia and Iran met.", 0 },
  { "noext", "{\"text\": \"Broken", DM_FORMAT_AUTO, NULL, DM_LOAD_ERROR_MALFORMED },
  { "noext", "Plain <p> is text here.", DM_FORMAT_AUTO, "Plain <p> is text here.", 0 },
  { "page.htm", "Just words, no tags.", DM_FORMAT_AUTO, "Just words, no tags.", 0 },
  { "notes.txt", "<p>Kept as typed.</p>", DM_FORMAT_AUTO, "<p>Kept as typed.</p>", 0 },
  { "data.json", "Not JSON at all.", DM_FORMAT_AUTO, NULL, DM_LOAD_ERROR_MALFORMED },
  { "data.txt", "{\"text\": \"Forced.\"}", DM_FORMAT_JSON, "Forced.", 0 },
  { "data.txt", "<b>Bold</b> move.", DM_FORMAT_HTML, "Bold move.", 0 },
};

static void
test_sniff (gconstpointer data)
{
  const SniffCase *c = data;
  g_autoptr(GBytes) input = g_bytes_new_static (c->input, strlen (c->input));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents
      = dm_load_documents_from_bytes (input, c->name, c->format, &error);

  if (c->text == NULL)
    {
      g_assert_error (error, DM_LOAD_ERROR, c->code);
      g_assert_null (documents);
      return;
    }

  g_assert_no_error (error);
  g_assert_cmpstr (dm_document_get_text (load_one (documents)), ==, c->text);
}

/* UTF-16 with a BOM is decoded before sniffing finds the markup. */
static void
test_html_utf16 (void)
{
  static const char html[] = "\xff\xfe<\0p\0>\0"
                             "A\0 \0\xac\x20!\0<\0/\0p\0>\0";
  g_autoptr(GBytes) input = g_bytes_new_static (html, sizeof html - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents
      = dm_load_documents_from_bytes (input, "x", DM_FORMAT_AUTO, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (dm_document_get_text (load_one (documents)), ==, "A €!");
}

/* libxml2 builds 256 levels of elements at most (we never pass
 * XML_PARSE_HUGE) and stops there; a page nested deeper is refused rather
 * than read in part, and the walk over the tree is iterative besides. */
static void
test_html_deep (void)
{
  g_autoptr(GString) html = g_string_new ("<html><body><p>Armenia spoke first.</p>");
  g_autoptr(GBytes) input = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (html, "<div>");
  g_string_append (html, "Deep text.");
  for (guint i = 0; i < 100000; i++)
    g_string_append (html, "</div>");
  g_string_append (html, "<p>Georgia spoke last.</p></body></html>");

  input = g_bytes_new (html->str, html->len);
  documents = dm_load_documents_from_bytes (input, "deep.html", DM_FORMAT_AUTO, &error);

  /* A libxml2 that read it all must have kept it all. */
  if (documents != NULL)
    {
      g_assert_cmpstr (dm_document_get_text (load_one (documents)), ==,
                       "Armenia spoke first.\nDeep text.\nGeorgia spoke last.");
      return;
    }
  g_assert_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_MALFORMED);
  g_assert_true (g_regex_match_simple ("^deep\\.html: HTML nested too deeply at line 1, column "
                                       "[0-9]+: more than 256 levels$", error->message, 0, 0));
}

/* Under the limit, nothing is lost. */
static void
test_html_nested_whole (void)
{
  g_autoptr(GString) html = g_string_new ("<html><body><p>Armenia spoke first.</p>");
  g_autoptr(GBytes) input = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = NULL;

  for (guint i = 0; i < 200; i++)
    g_string_append (html, "<div>");
  g_string_append (html, "Deep text.");
  for (guint i = 0; i < 200; i++)
    g_string_append (html, "</div>");
  g_string_append (html, "<p>Georgia spoke last.</p></body></html>");

  input = g_bytes_new (html->str, html->len);
  documents = dm_load_documents_from_bytes (input, "nested.html", DM_FORMAT_AUTO, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dm_document_get_text (load_one (documents)), ==,
                   "Armenia spoke first.\nDeep text.\nGeorgia spoke last.");
}

/* JSON nested past 256 levels is refused before json-glib, whose
 * recursive parser it would crash, with the line and column (in
 * characters) of the bracket that passes the limit.  Only brackets the
 * parser descends into count: not those of strings or comments. */
typedef struct
{
  const char *name;
  const char *before; /* then @repeat times @unit, as many @closer, @after */
  const char *unit;
  guint       repeat;
  const char *closer;
  const char *after;
  const char *reason; /* NULL: loads */
} DeepJsonCase;

static const DeepJsonCase deep_json_cases[] = {
  { "arrays", "", "[", 100000, "", "",
    "JSON nested too deeply at line 1, column 257: more than 256 levels" },
  { "objects", "", "{\"a\":", 100000, "", "",
    "JSON nested too deeply at line 1, column 1281: more than 256 levels" },
  { "in-article", "[{\"text\": \"Armenia.\", \"title\": ", "[", 100000, "", "",
    "JSON nested too deeply at line 1, column 286: more than 256 levels" },
  /* The 257th opens on line 3, after two characters of two bytes each. */
  { "line-column", "[\n{\"text\": \"Armenia.\",\n\"\xc3\xa9\xc3\xa9\": ", "[", 300, "", "",
    "JSON nested too deeply at line 3, column 261: more than 256 levels" },
  { "var-chain", "", "var a = ", 100000, "", "[]",
    "JSON nested too deeply at line 1, column 2049: more than 256 levels" },
  /* 256 levels are not too many; 257 are. */
  { "at-limit", "[{\"text\": \"Armenia.\", \"notes\": ", "[", 254, "]", "}]", NULL },
  { "past-limit", "[{\"text\": \"Armenia.\", \"notes\": ", "[", 255, "]", "}]",
    "JSON nested too deeply at line 1, column 286: more than 256 levels" },
  { "strings", "{\"title\": \"", "[{\\\"", 100000, "", "\", \"text\": \"Armenia.\"}", NULL },
  { "comment", "{\"text\": \"Armenia.\" /* ", "[{\"'", 100000, "", " */}", NULL },
};

static void
test_json_deep (gconstpointer data)
{
  const DeepJsonCase *c = data;
  g_autoptr(GString) json = g_string_new (c->before);
  g_autofree char *name = g_strconcat (c->name, ".json", NULL);
  g_autoptr(GBytes) input = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = NULL;

  for (guint i = 0; i < c->repeat; i++)
    g_string_append (json, c->unit);
  for (guint i = 0; i < c->repeat; i++)
    g_string_append (json, c->closer);
  g_string_append (json, c->after);

  input = g_bytes_new (json->str, json->len);
  documents = dm_load_documents_from_bytes (input, name, DM_FORMAT_JSON, &error);
  if (c->reason == NULL)
    {
      g_assert_no_error (error);
      g_assert_cmpstr (dm_document_get_text (load_one (documents)), ==, "Armenia.");
    }
  else
    {
      g_autofree char *expected = g_strdup_printf ("%s: %s", name, c->reason);

      g_assert_null (documents);
      g_assert_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_MALFORMED);
      g_assert_cmpstr (error->message, ==, expected);
    }
}

/* Sniffed, "[[[[…" that is not JSON stays text. */
static void
test_json_deep_sniffed_text (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GBytes) input = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, '[');
  g_string_append (text, " Armenia and Georgia");

  input = g_bytes_new (text->str, text->len);
  documents = dm_load_documents_from_bytes (input, "brackets", DM_FORMAT_AUTO, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (dm_document_get_text (load_one (documents)), "[ Armenia and Georgia"));
}

/* ---- errors -------------------------------------------------------------- */

typedef struct
{
  const char *name;  /* file created in the temporary folder */
  const char *bytes; /* NULL: do not create (or see @special) */
  gsize length;
  int code;
  const char *reason; /* expected message after "<path>: " */
} ErrorCase;

#define B(s) s, sizeof s - 1

static const ErrorCase error_cases[] = {
  { "no-such.txt", NULL, 0, DM_LOAD_ERROR_NOT_FOUND, "No such file" },
  { "empty.txt", B (""), DM_LOAD_ERROR_EMPTY, "empty file" },
  { "blank.txt", B (" \n\t\r\n\xc2\xa0\xe2\x80\x8b\n"), DM_LOAD_ERROR_EMPTY,
    "no text (the input is empty or only white space)" },
  { "photo.png", B ("\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), DM_LOAD_ERROR_BINARY,
    "binary data (PNG image), not an article" },
  { "photo.txt", B ("\xff\xd8\xff\xe0\0\x10JFIF"), DM_LOAD_ERROR_BINARY,
    "binary data (JPEG image), not an article" },
  { "paper.pdf", B ("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), DM_LOAD_ERROR_BINARY,
    "binary data (PDF document), not an article" },
  { "article.docx", B ("PK\x03\x04\x14\0\x06\0"), DM_LOAD_ERROR_BINARY,
    "binary data (ZIP archive), not an article" },
  { "text.gz", B ("\x1f\x8b\x08\0\0\0\0\0"), DM_LOAD_ERROR_BINARY,
    "binary data (gzip archive), not an article" },
  { "nul.txt", B ("Armenia\0Azerbaijan"), DM_LOAD_ERROR_BINARY,
    "binary data (NUL bytes), not an article" },
  { "utf16-no-bom.txt", B ("A\0r\0m\0e\0n\0i\0a\0"), DM_LOAD_ERROR_BINARY,
    "binary data (NUL bytes), not an article" },
  { "controls.txt", B ("\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f abc"), DM_LOAD_ERROR_BINARY,
    "binary data (control characters), not an article" },
  { "bad.txt", B ("Armenia’s envoy — “talks” \xff here"), DM_LOAD_ERROR_ENCODING,
    "invalid UTF-8 at byte 34" },
  { "bom-bad.txt", B ("\xef\xbb\xbfplain \xe9 text"), DM_LOAD_ERROR_ENCODING,
    "invalid UTF-8 at byte 9" },
  { "bad16.txt", B ("\xff\xfe" "A\0\x00\xd8" "B\0"), DM_LOAD_ERROR_ENCODING,
    "invalid UTF-16LE text at byte 4" },
  { "article.json", B ("{\n  \"title\": \"x\",\n      ]\n}"), DM_LOAD_ERROR_MALFORMED,
    "malformed JSON at line 2, column 15: unexpected character `,', expected string constant" },
  { "scalar.json", B ("\"just a string\""), DM_LOAD_ERROR_MALFORMED,
    "JSON is neither an article object nor an array of them" },
  { "no-text.json", B ("[{\"text\": \"Fine.\"}, {\"title\": \"T\"}]"), DM_LOAD_ERROR_MALFORMED,
    "article 2 has no \"text\"" },
  { "number.json", B ("{\"text\": 42}"), DM_LOAD_ERROR_MALFORMED,
    "\"text\" of the article is not a string" },
  { "title-array.json", B ("[{\"text\": \"a\"}, {\"text\": \"b\"}, {\"text\": \"c\", \"title\": []}]"),
    DM_LOAD_ERROR_MALFORMED, "\"title\" of article 3 is not a string" },
  { "item.json", B ("[{\"text\": \"a\"}, 7]"), DM_LOAD_ERROR_MALFORMED, "article 2 is not an object" },
  { "empty-array.json", B ("[]"), DM_LOAD_ERROR_EMPTY, "the JSON array holds no articles" },
  { "blank-text.json", B ("{\"text\": \" \\n \"}"), DM_LOAD_ERROR_EMPTY, "\"text\" of the article is empty" },
  { "empty.html", B ("<html><head><title>T</title><script>x()</script></head><body><nav>Menu</nav></body></html>"),
    DM_LOAD_ERROR_EMPTY, "no article text in the HTML" },
};

static void
test_error (gconstpointer data)
{
  const ErrorCase *c = data;
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = NULL;

  if (c->bytes != NULL)
    path = write_tmp (c->name, c->bytes, c->length);
  else
    path = g_build_filename (tmp_dir, c->name, NULL);

  documents = dm_load_documents_from_path (path, &error);
  g_assert_null (documents);
  g_assert_error (error, DM_LOAD_ERROR, c->code);

  expected = g_strdup_printf ("%s: %s", path, c->reason);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_error_relative_name (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = dm_load_documents_from_path ("no-such.txt", &error);

  g_assert_null (documents);
  g_assert_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "no-such.txt: No such file");
}

/* A folder is read (test-many.c); one without an article file is an
 * error that says so. */
static void
test_error_directory (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (tmp_dir, "no-articles", NULL);
  g_autofree char *notes = g_build_filename (folder, "notes.md", NULL);
  g_autofree char *expected = g_strdup_printf ("%s: no article file in the folder", folder);
  g_autoptr(GPtrArray) documents = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (notes, "Armenia\n", -1, NULL));
  documents = dm_load_documents_from_path (folder, &error);

  g_assert_null (documents);
  g_assert_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_error_fixture_files (void)
{
  static const struct
  {
    const char *file;
    int code;
  } cases[] = {
    { "doc-photo.png", DM_LOAD_ERROR_BINARY },
    { "doc-nul-bytes.txt", DM_LOAD_ERROR_BINARY },
    { "doc-bad-utf8.txt", DM_LOAD_ERROR_ENCODING },
    { "doc-empty.txt", DM_LOAD_ERROR_EMPTY },
    { "doc-blank.txt", DM_LOAD_ERROR_EMPTY },
    { "doc-malformed.json", DM_LOAD_ERROR_MALFORMED },
    { "doc-missing-text.json", DM_LOAD_ERROR_MALFORMED },
    { "doc-text-not-string.json", DM_LOAD_ERROR_MALFORMED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = data_path (cases[i].file);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) documents = dm_load_documents_from_path (path, &error);

      g_assert_null (documents);
      g_assert_error (error, DM_LOAD_ERROR, cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, path));
    }

  {
    g_autofree char *path = data_path ("doc-malformed.json");
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) documents = dm_load_documents_from_path (path, &error);

    g_assert_nonnull (strstr (error->message, ": malformed JSON at line 3, column 13: "));
  }
}

/* The size is checked before reading: a sparse file costs nothing. */
static void
test_error_too_large (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "huge.txt", NULL);
  g_autofree char *expected = g_strdup_printf ("%s: file is 70.0 MB, over the 64 MiB limit", path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  int fd;

  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 70 * 1000 * 1000), ==, 0);
  close (fd);

  documents = dm_load_documents_from_path (path, &error);
  g_assert_null (documents);
  g_assert_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, expected);
  g_unlink (path);
}

/* ---- standard input ---------------------------------------------------------- */

static GPtrArray *
load_stdin_from (const char *path, GError **error)
{
  int saved = dup (0);
  int fd = g_open (path, O_RDONLY, 0);
  GPtrArray *documents;

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (dup2 (fd, 0), ==, 0);
  close (fd);

  documents = dm_load_documents_from_path ("-", error);

  dup2 (saved, 0);
  close (saved);
  return documents;
}

static void
test_stdin (void)
{
  g_autofree char *path = write_tmp ("stdin.txt", B ("Talks in Baku\nThey met.\nSource: AFP"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = load_stdin_from (path, &error);
  DmDocument *document;

  g_assert_no_error (error);
  document = load_one (documents);
  g_assert_cmpstr (dm_document_get_id (document), ==, "stdin");
  g_assert_cmpstr (dm_document_get_text (document), ==, "Talks in Baku\nThey met.");
  g_assert_cmpstr (dm_document_get_source (document), ==, "AFP");
}

static void
test_stdin_errors (void)
{
  g_autofree char *empty = write_tmp ("stdin-empty", B (""));
  g_autofree char *huge = g_build_filename (tmp_dir, "stdin-huge", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  int fd;

  documents = load_stdin_from (empty, &error);
  g_assert_null (documents);
  g_assert_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==, "<stdin>: empty file");
  g_clear_error (&error);

  /* Standard input has no size to check first: reading stops past the limit. */
  fd = g_open (huge, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (ftruncate (fd, DM_MAX_INPUT_SIZE + 1), ==, 0);
  close (fd);

  documents = load_stdin_from (huge, &error);
  g_assert_null (documents);
  g_assert_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "<stdin>: input is over the 64 MiB limit");
  g_unlink (huge);
}

/* ---- other entry points ----------------------------------------------------- */

static void
test_from_file (void)
{
  g_autofree char *path = data_path ("doc-article.html");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/folder/x.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = dm_load_documents_from_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (dm_document_get_id (load_one (documents)), ==, "doc-article");
  g_clear_pointer (&documents, g_ptr_array_unref);

  documents = dm_load_documents_from_file (missing, NULL, &error);
  g_assert_null (documents);
  g_assert_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "/nonexistent/folder/x.txt: No such file");
}

static void
test_from_text_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = NULL;

  documents = dm_load_documents_from_text ("ok \xc3 bad", NULL, &error);
  g_assert_null (documents);
  g_assert_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==, "pasted text: invalid UTF-8 at byte 3");
  g_clear_error (&error);

  documents = dm_load_documents_from_text ("   \n  ", "clipboard", &error);
  g_assert_null (documents);
  g_assert_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_EMPTY);
  g_assert_true (g_str_has_prefix (error->message, "clipboard: "));
}

/* ---- fast paths of the normalization --------------------------------------- */

/* Plain ASCII is cleaned in blocks of up to 16 bytes, anything else one
 * character at a time: these put one special character at every offset of
 * a block (and near the end of the text, where the tail is never read as a
 * block), and check the result against what the rule says it is. */
typedef struct
{
  const char *name;
  const char *special; /* between "ab" and "cd" */
  const char *cleaned;
} SpecialCase;

static const SpecialCase special_cases[] = {
  { "plain", "", "" },
  { "letter-2-bytes", "\xc3\xa9", "\xc3\xa9" },
  { "dash-3-bytes", "\xe2\x80\x94", "\xe2\x80\x94" },
  { "letter-4-bytes", "\xf0\x9d\x90\x9a", "\xf0\x9d\x90\x9a" },
  { "space", " ", " " },
  { "two-spaces", "  ", " " },
  { "spaces-and-tabs", " \t  \t", " " },
  { "tab", "\t", " " },
  { "nbsp", "\xc2\xa0", " " },
  { "nbsp-between-spaces", " \xc2\xa0 ", " " },
  { "em-space", "\xe2\x80\x83", " " },
  { "zero-width-space", "\xe2\x80\x8b", "" },
  { "zero-width-space-after-space", " \xe2\x80\x8b", " " },
  { "zero-width-space-before-space", "\xe2\x80\x8b ", " " },
  { "soft-hyphen", "\xc2\xad", "" },
  { "bom", "\xef\xbb\xbf", "" },
  { "bidi-mark", "\xe2\x80\x8e", "" },
  { "control", "\x01", "" },
  { "delete", "\x7f", "" },
  { "escape", "\x1b", "" },
  { "c1-control", "\xc2\x9f", "" },
  { "lf", "\n", "\n" },
  { "cr", "\r", "\n" },
  { "crlf", "\r\n", "\n" },
  { "lfcr", "\n\r", "\n" },
  { "crlf-spaced", "  \r\n \t", "\n" },
  { "blank-line", "\n\n", "\n" },
  { "blank-line-spaced", "\r\n \xc2\xa0\r\n", "\n" },
  { "next-line", "\xc2\x85", "\n" },
  { "line-separator", "\xe2\x80\xa8", "\n" },
  { "form-feed", "\f", "\n" },
};

/* Plain text around the special character, with single spaces in it. */
static const char plain_before[] = "Armenia and Georgia met in Tbilisi, then Baku on 3 May:";
static const char plain_after[] = " officials said talks [on Tuesday] went well (again)";

static void
test_special_at_every_offset (gconstpointer data)
{
  const SpecialCase *c = data;

  for (gsize before = 0; before < sizeof plain_before; before++)
    for (gsize after = 0; after < sizeof plain_after; after++)
      {
        g_autofree char *input = g_strdup_printf ("%.*sab%scd%.*s", (int) before, plain_before,
                                                  c->special, (int) after, plain_after);
        g_autofree char *expected = g_strdup_printf ("%.*sab%scd%.*s", (int) before, plain_before,
                                                     c->cleaned, (int) after, plain_after);
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) documents = dm_load_documents_from_text (input, NULL, &error);

        g_assert_no_error (error);
        /* The end of the text is trimmed. */
        g_strchomp (expected);
        g_assert_cmpstr (dm_document_get_text (load_one (documents)), ==, expected);
      }
}

/* Long lines, long texts without a line break: thousands of blocks in a
 * row, with special characters at every distance from each other. */
static void
test_long_line (void)
{
  static const char *const pieces[][2] = {
    { "Word", "Word" }, { " ", " " }, { "  ", " " }, { "\xc2\xa0", " " }, { "w\xc3\xb6rd", "w\xc3\xb6rd" },
    { "\xe2\x80\x8b", "" }, { "\xe2\x80\x9c", "\xe2\x80\x9c" }, { "x", "x" }, { "\t", " " },
  };
  g_autoptr(GString) input = g_string_new (NULL);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  guint32 seed = 1;

  for (guint i = 0; i < 200000; i++)
    {
      guint k;

      /* A fixed sequence, irregular enough to meet every block offset. */
      seed = seed * 1103515245 + 12345;
      k = (seed >> 16) % G_N_ELEMENTS (pieces);
      g_string_append (input, pieces[k][0]);
      /* Spaces next to each other make one; a zero-width space does not
       * separate two. */
      if (pieces[k][1][0] == ' ' && expected->len > 0 && expected->str[expected->len - 1] == ' ')
        continue;
      g_string_append (expected, pieces[k][1]);
    }
  g_strstrip (expected->str);

  documents = dm_load_documents_from_text (input->str, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dm_document_get_text (load_one (documents)), ==, expected->str);
}

/* Lines are measured in characters: hard-wrapped text in letters of two,
 * three or four bytes is joined exactly as the same text in ASCII.  Only
 * lowercase letters change, into lowercase letters, so that the rules on
 * sentence ends and lowercase starts see the same thing. */
static char *
map_lowercase (const char *ascii,
               guint       bytes)
{
  GString *mapped = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (!g_ascii_islower (*p))
        g_string_append_c (mapped, *p);
      else if (bytes == 2)
        g_string_append_unichar (mapped, 0x0430 + (*p - 'a')); /* Cyrillic а… */
      else if (bytes == 3)
        g_string_append_unichar (mapped, 0x1E01 + 2 * (*p - 'a')); /* ḁ… */
      else
        g_string_append_unichar (mapped, 0x1D41A + (*p - 'a')); /* mathematical bold 𝐚… */
    }

  return g_string_free (mapped, FALSE);
}

/* Wraps @words greedily at @width characters, as an editor does. */
static void
append_wrapped (GString    *text,
                const char *words,
                guint       width)
{
  g_auto(GStrv) split = g_strsplit (words, " ", -1);
  guint column = 0;

  for (guint i = 0; split[i] != NULL; i++)
    {
      guint length = strlen (split[i]);

      if (column > 0 && column + 1 + length > width)
        {
          g_string_append_c (text, '\n');
          column = 0;
        }
      else if (column > 0)
        {
          g_string_append_c (text, ' ');
          column++;
        }
      g_string_append (text, split[i]);
      column += length;
    }
  g_string_append_c (text, '\n');
}

static void
test_wrapped_widths_in_characters (void)
{
  /* Long enough for more than four lines in five to end where the next
   * word would not fit, as the rule wants of text without blank lines. */
  static const char paragraph[]
      = "the foreign ministers of armenia and azerbaijan met in washington on thursday for a new "
        "round of talks on a peace treaty and the border, officials said, and they agreed to meet "
        "again in the spring after experts from both sides have worked on the remaining points of "
        "the text, which covers the delimitation of the border, the opening of transport links "
        "across the region and the return of the people displaced by the war, as well as the "
        "guarantees that each side asks of the other and of the powers that have taken part in "
        "the talks so far, among them the united states, the european union and russia, whose "
        "mediators have met both delegations many times since the last war";
  /* One word of exactly MAX_WRAP_WIDTH letters: a line of 480 bytes in
   * four-byte letters, the longest that is still measured. */
  g_autofree char *long_word = g_strnfill (120, 'w');
  g_autofree char *with_long_word = g_strdup_printf ("%s %s %s", paragraph, long_word, paragraph);
  static const guint widths[] = { 50, 72, 80, 119, 120, 121 };
  static const char *const prefixes[] = { "", "\n", "\n\n", " \n\t\n" };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    for (guint v = 0; v < 2; v++)
      {
        g_autoptr(GString) ascii = g_string_new ("Talks in Washington\n");
        g_autoptr(GPtrArray) ascii_documents = NULL;
        g_autoptr(GError) error = NULL;
        const char *ascii_text;

        append_wrapped (ascii, v == 0 ? paragraph : with_long_word, widths[w]);
        append_wrapped (ascii, paragraph, widths[w]);
        ascii_documents = dm_load_documents_from_text (ascii->str, NULL, &error);
        g_assert_no_error (error);
        ascii_text = dm_document_get_text (load_one (ascii_documents));
        /* The test means something only if lines were joined. */
        g_assert_nonnull (strstr (ascii_text, "armenia and azerbaijan met in washington on thursday"));
        if (v == 1)
          g_assert_nonnull (strstr (ascii_text, "wwwwww the foreign"));

        for (guint bytes = 2; bytes <= 4; bytes++)
          for (guint k = 0; k < G_N_ELEMENTS (prefixes); k++)
            {
              g_autofree char *input = map_lowercase (ascii->str, bytes);
              g_autofree char *prefixed = g_strconcat (prefixes[k], input, NULL);
              g_autofree char *expected = map_lowercase (ascii_text, bytes);
              g_autoptr(GPtrArray) documents = dm_load_documents_from_text (prefixed, NULL, &error);

              g_assert_no_error (error);
              g_assert_cmpstr (dm_document_get_text (load_one (documents)), ==, expected);
            }
      }
}

/* A hyphenated word across lines, after blank lines: the lines move back
 * over the removed ones, by one byte or more, when they are joined. */
static void
test_wrapped_hyphen_moved (void)
{
  static const char wrapped[]
      = "Moscow accused the Western governments of backing the pro-\n"
        "Western opposition in Tbilisi and of stoking unrest, while\n"
        "Brussels rejected the claims as baseless and unfounded.\n\nEnd.";
  static const char expected[]
      = "Moscow accused the Western governments of backing the pro-Western opposition in Tbilisi "
        "and of stoking unrest, while Brussels rejected the claims as baseless and unfounded.\nEnd.";

  for (guint blank = 0; blank < 20; blank++)
    {
      g_autofree char *newlines = g_strnfill (blank, '\n');
      g_autofree char *input = g_strconcat (newlines, wrapped, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) documents = dm_load_documents_from_text (input, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (dm_document_get_text (load_one (documents)), ==, expected);
    }
}

/* ---- validation of UTF-8 --------------------------------------------------- */

/* ASCII is skipped eight bytes at a time: a bad byte at every offset is
 * still found where it is. */
static void
test_bad_utf8_at_every_offset (void)
{
  static const char *const bad[] = { "\xff", "\xc3", "\xe2\x80", "\xc3\xa9\x80", "\xed\xa0\x80" };
  static const gsize bad_offset[] = { 0, 0, 0, 2, 0 };

  for (guint b = 0; b < G_N_ELEMENTS (bad); b++)
    for (gsize before = 0; before < 40; before++)
      for (guint bom = 0; bom < 2; bom++)
        {
          g_autofree char *ascii = g_strnfill (before, 'a');
          /* The letters after it make the text damaged UTF-8, not
           * Windows-1252. */
          g_autofree char *input = g_strdup_printf ("%s%s%s x caf\xc3\xa9 caf\xc3\xa9 caf\xc3\xa9",
                                                    bom ? "\xef\xbb\xbf" : "", ascii, bad[b]);
          g_autoptr(GBytes) bytes = g_bytes_new (input, strlen (input));
          g_autoptr(GError) error = NULL;
          g_autoptr(GPtrArray) documents
              = dm_load_documents_from_bytes (bytes, "bad.txt", DM_FORMAT_AUTO, &error);
          g_autofree char *expected = g_strdup_printf ("bad.txt: invalid UTF-8 at byte %lu",
                                                       (gulong) (3 * bom + before + bad_offset[b]));

          g_assert_null (documents);
          g_assert_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_ENCODING);
          g_assert_cmpstr (error->message, ==, expected);
        }

  /* Without good multi-byte characters, a lone high byte is Windows-1252. */
  for (gsize before = 0; before < 40; before++)
    {
      g_autofree char *ascii = g_strnfill (before, 'a');
      g_autofree char *input = g_strdup_printf ("%s caf\xe9 talks", ascii);
      g_autofree char *expected = g_strdup_printf ("%s caf\xc3\xa9 talks", ascii);
      g_autoptr(GBytes) bytes = g_bytes_new (input, strlen (input));
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) documents
          = dm_load_documents_from_bytes (bytes, "legacy.txt", DM_FORMAT_AUTO, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (dm_document_get_text (load_one (documents)), ==, g_strstrip (expected));
    }
}

/* A UTF-8 byte order mark and nothing else: no text, in any format. */
static void
test_bom_only (void)
{
  static const struct
  {
    DmDocumentFormat format;
    int code;
  } cases[] = {
    { DM_FORMAT_AUTO, DM_LOAD_ERROR_EMPTY },
    { DM_FORMAT_TEXT, DM_LOAD_ERROR_EMPTY },
    { DM_FORMAT_JSON, DM_LOAD_ERROR_EMPTY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static ("\xef\xbb\xbf", 3);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) documents
          = dm_load_documents_from_bytes (bytes, "bom.txt", cases[i].format, &error);

      g_assert_null (documents);
      g_assert_error (error, DM_LOAD_ERROR, cases[i].code);
    }
}

/* ---- reading files ------------------------------------------------------------ */

/* Files are read into a buffer sized from what the file system reports:
 * around powers of two, which the buffer's size is. */
static void
test_read_sizes (void)
{
  static const gsize sizes[] = { 1, 2, 3, 4095, 4096, 4097, 65535, 65536, 65537, 1048577 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *text = g_strnfill (sizes[i], 'x');
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) documents = NULL;

      /* Words on short lines (not hard-wrapped text), ending in a letter. */
      for (gsize k = 7; k + 1 < sizes[i]; k += 8)
        text[k] = k % 32 == 31 ? '\n' : ' ';
      path = write_tmp ("sized.txt", text, sizes[i]);
      documents = dm_load_documents_from_path (path, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (dm_document_get_text (load_one (documents)), ==, text);
    }
}

typedef struct
{
  const char *path;
  const char *content;
  gsize       size;
} FifoWriter;

static gpointer
write_fifo_cb (gpointer data)
{
  FifoWriter *writer = data;
  int fd = g_open (writer->path, O_WRONLY, 0);

  g_assert_cmpint (fd, >=, 0);
  for (gsize written = 0; written < writer->size;)
    {
      gsize chunk = MIN (65536, writer->size - written);
      gssize n = write (fd, writer->content + written % 65536, chunk);

      if (n < 0)
        break; /* the reader is gone (EPIPE) */
      written += n;
    }
  close (fd);
  return NULL;
}

/* A pipe reports no size: the buffer grows as it is read, up to the
 * limit. */
static void
test_read_pipe (void)
{
  static const gsize sizes[] = { 100, 65536 * 5 + 3, DM_MAX_INPUT_SIZE + 1 };
  g_autofree char *path = g_build_filename (tmp_dir, "pipe.txt", NULL);
  g_autofree char *content = g_strnfill (2 * 65536, 'y');
  void (*saved) (int) = signal (SIGPIPE, SIG_IGN);

  /* Words that repeat every 65536 bytes. */
  for (gsize k = 7; k < 2 * 65536; k += 8)
    content[k] = ' ';

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      FifoWriter writer = { path, content, sizes[i] };
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) documents = NULL;
      g_autoptr(GString) expected = g_string_new (NULL);
      GThread *thread;

      g_assert_cmpint (mkfifo (path, 0600), ==, 0);
      thread = g_thread_new ("fifo-writer", write_fifo_cb, &writer);
      documents = dm_load_documents_from_path (path, &error);
      g_thread_join (thread);
      g_unlink (path);

      if (sizes[i] > DM_MAX_INPUT_SIZE)
        {
          g_autofree char *message = g_strdup_printf ("%s: input is over the 64 MiB limit", path);

          g_assert_null (documents);
          g_assert_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_TOO_LARGE);
          g_assert_cmpstr (error->message, ==, message);
          continue;
        }

      g_assert_no_error (error);
      for (gsize written = 0; written < sizes[i]; written += 65536)
        g_string_append_len (expected, content, MIN (65536, sizes[i] - written));
      g_assert_cmpstr (dm_document_get_text (load_one (documents)), ==, g_strchomp (expected->str));
    }

  signal (SIGPIPE, saved);
}

/* ---- DmDocument ------------------------------------------------------------- */

static void
on_notify_cb (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  guint *count = user_data;

  g_assert_cmpstr (pspec->name, ==, "id");
  (*count)++;
}

static void
test_document_properties (void)
{
  g_autoptr(DmDocument) document
      = dm_document_new ("a", "T", "S", "2024-01-01", "https://example.org", "T\nBody.", TRUE);
  g_autofree char *id = NULL, *title = NULL, *source = NULL, *date = NULL, *url = NULL,
                  *text = NULL;
  gboolean title_in_text = FALSE;
  guint notified = 0;

  g_object_get (document, "id", &id, "title", &title, "source", &source, "date", &date, "url", &url,
                "text", &text, "title-in-text", &title_in_text, NULL);
  g_assert_cmpstr (id, ==, "a");
  g_assert_cmpstr (title, ==, "T");
  g_assert_cmpstr (source, ==, "S");
  g_assert_cmpstr (date, ==, "2024-01-01");
  g_assert_cmpstr (url, ==, "https://example.org");
  g_assert_cmpstr (text, ==, "T\nBody.");
  g_assert_true (title_in_text);
  g_assert_cmpuint (dm_document_get_length (document), ==, 7);

  g_signal_connect (document, "notify", G_CALLBACK (on_notify_cb), &notified);
  dm_document_set_id (document, "b");
  dm_document_set_id (document, "b");
  g_assert_cmpstr (dm_document_get_id (document), ==, "b");
  g_assert_cmpuint (notified, ==, 1);

  {
    g_autoptr(DmDocument) empty = dm_document_new (NULL, NULL, NULL, NULL, NULL, NULL, FALSE);

    g_assert_cmpstr (dm_document_get_text (empty), ==, "");
    g_assert_cmpuint (dm_document_get_length (empty), ==, 0);
    g_assert_cmpint (dm_document_char_offset (empty, 0), ==, 0);
  }
}

static void
test_char_offset (void)
{
  /* 1-, 2-, 3- and 4-byte characters */
  const char *text = "Aé€𐍈 Ərəb “x”";
  g_autoptr(DmDocument) document = dm_document_new ("x", NULL, NULL, NULL, NULL, text, FALSE);
  static const struct
  {
    gsize byte;
    glong chars;
  } cases[] = {
    { 0, 0 },  { 1, 1 },  { 3, 2 },  { 6, 3 },   { 10, 4 },  { 11, 5 },  { 13, 6 },
    { 14, 7 }, { 16, 8 }, { 17, 9 }, { 18, 10 }, { 21, 11 }, { 22, 12 }, { 25, 13 },
  };

  g_assert_cmpuint (strlen (text), ==, 25);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (dm_document_char_offset (document, cases[i].byte), ==, cases[i].chars);
  for (guint i = G_N_ELEMENTS (cases); i > 0; i--)
    g_assert_cmpint (dm_document_char_offset (document, cases[i - 1].byte), ==, cases[i - 1].chars);
}

/* Across the 4 KiB index blocks, in increasing, decreasing and random
 * order, against g_utf8_pointer_to_offset. */
static void
test_char_offset_large (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(DmDocument) document = NULL;
  g_autoptr(GArray) boundaries = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  const char *p;

  while (text->len < 50000)
    g_string_append (text, "Azərbaycan “Հայաստան” საქართველო 𐍈 ok. ");

  document = dm_document_new ("x", NULL, NULL, NULL, NULL, text->str, FALSE);
  for (p = text->str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gsize b = p - text->str;
      g_array_append_val (boundaries, b);
    }

  for (guint i = 0; i < boundaries->len; i += 7)
    g_assert_cmpint (dm_document_char_offset (document, g_array_index (boundaries, gsize, i)), ==,
                     i);
  for (guint i = boundaries->len; i > 0; i -= MIN (i, 13))
    g_assert_cmpint (dm_document_char_offset (document, g_array_index (boundaries, gsize, i - 1)),
                     ==, i - 1);
  for (guint k = 0; k < 2000; k++)
    {
      guint i = g_rand_int_range (rand, 0, boundaries->len);

      g_assert_cmpint (dm_document_char_offset (document, g_array_index (boundaries, gsize, i)), ==,
                       i);
    }
  g_assert_cmpint (dm_document_char_offset (document, text->len), ==,
                   g_utf8_strlen (text->str, -1));
}

/* 100 MB of text, offsets asked in increasing order as the analysis does:
 * must be linear overall, not quadratic. */
static void
test_char_offset_speed (void)
{
  gsize size = g_test_slow () ? 100 * 1000 * 1000 : 20 * 1000 * 1000;
  g_autofree char *text = g_malloc (size + 1);
  g_autoptr(DmDocument) document = NULL;
  const char unit[] = "Ərəb “x” "; /* 15 bytes, 9 characters */
  glong last = 0;
  gdouble seconds;

  for (gsize i = 0; i + sizeof unit - 1 <= size; i += sizeof unit - 1)
    memcpy (text + i, unit, sizeof unit - 1);
  size -= size % (sizeof unit - 1);
  text[size] = '\0';
  document = dm_document_new ("x", NULL, NULL, NULL, NULL, text, FALSE);

  g_test_timer_start ();
  for (gsize b = 0; b < size; b += 15 * 37)
    last = dm_document_char_offset (document, b);
  seconds = g_test_timer_elapsed ();

  g_assert_cmpint (last, ==, (glong)((size - 1) / (15 * 37)) * 37 * 9);
  g_test_message ("%" G_GSIZE_FORMAT " bytes: %.3f s", size, seconds);
  g_assert_cmpfloat (seconds, <, 10.0);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("dm-test-document-XXXXXX", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (fixture_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/document/fixture/%s/%u", fixture_cases[i].file,
                                               fixture_cases[i].index);
      g_test_add_data_func (name, &fixture_cases[i], test_fixture);
    }
  g_test_add_func ("/document/sample", test_sample);

  for (guint i = 0; i < G_N_ELEMENTS (normalize_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/document/normalize/%s", normalize_cases[i].name);
      g_test_add_data_func (name, &normalize_cases[i], test_normalize);
    }
  g_test_add_func ("/document/normalize/latin1-fallback", test_latin1_fallback);

  for (guint i = 0; i < G_N_ELEMENTS (sniff_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/document/format/%u", i);
      g_test_add_data_func (name, &sniff_cases[i], test_sniff);
    }
  g_test_add_func ("/document/format/html-utf16", test_html_utf16);
  g_test_add_func ("/document/format/html-deep", test_html_deep);
  g_test_add_func ("/document/format/html-nested-whole", test_html_nested_whole);
  for (guint i = 0; i < G_N_ELEMENTS (deep_json_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/document/format/json-deep/%s", deep_json_cases[i].name);
      g_test_add_data_func (name, &deep_json_cases[i], test_json_deep);
    }
  g_test_add_func ("/document/format/json-deep-sniffed-text", test_json_deep_sniffed_text);

  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/document/error/%s", error_cases[i].name);
      g_test_add_data_func (name, &error_cases[i], test_error);
    }
  g_test_add_func ("/document/error/relative-name", test_error_relative_name);
  g_test_add_func ("/document/error/directory", test_error_directory);
  g_test_add_func ("/document/error/fixtures", test_error_fixture_files);
  g_test_add_func ("/document/error/too-large", test_error_too_large);

  g_test_add_func ("/document/stdin/read", test_stdin);
  g_test_add_func ("/document/stdin/errors", test_stdin_errors);
  g_test_add_func ("/document/from-file", test_from_file);
  g_test_add_func ("/document/from-text/errors", test_from_text_errors);

  for (guint i = 0; i < G_N_ELEMENTS (special_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/document/fast-path/special/%s", special_cases[i].name);
      g_test_add_data_func (name, &special_cases[i], test_special_at_every_offset);
    }
  g_test_add_func ("/document/fast-path/long-line", test_long_line);
  g_test_add_func ("/document/fast-path/wrapped-widths", test_wrapped_widths_in_characters);
  g_test_add_func ("/document/fast-path/wrapped-hyphen-moved", test_wrapped_hyphen_moved);
  g_test_add_func ("/document/fast-path/bad-utf8", test_bad_utf8_at_every_offset);
  g_test_add_func ("/document/fast-path/bom-only", test_bom_only);
  g_test_add_func ("/document/read/sizes", test_read_sizes);
  g_test_add_func ("/document/read/pipe", test_read_pipe);

  g_test_add_func ("/document/object/properties", test_document_properties);
  g_test_add_func ("/document/object/char-offset", test_char_offset);
  g_test_add_func ("/document/object/char-offset-large", test_char_offset_large);
  g_test_add_func ("/document/object/char-offset-speed", test_char_offset_speed);

  status = g_test_run ();

  {
    g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
    const char *entry;

    while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (tmp_dir, entry, NULL);
        g_unlink (path);
      }
    g_rmdir (tmp_dir);
    g_free (tmp_dir);
  }

  return status;
}
