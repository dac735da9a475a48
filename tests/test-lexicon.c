/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-lexicon.c: cue phrases with their inflections, whole words,
 * leftmost-longest, and the errors of a bad lexicon file. */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "dm-core.h"

static DmLexicon *lexicon;

/* "rule:text rule:text …" for the cues of @text */
static char *
describe_cues (const char *text)
{
  g_autoptr (GArray) cues = g_array_new (FALSE, FALSE, sizeof (DmCueMatch));
  GString *out = g_string_new (NULL);

  dm_lexicon_find (lexicon, text, 0, strlen (text), cues);
  for (guint i = 0; i < cues->len; i++)
    {
      const DmCueMatch *c = &g_array_index (cues, DmCueMatch, i);
      g_string_append_printf (out, "%s%s:%.*s", i ? " " : "", dm_lexicon_get_rule (lexicon, c->rule)->rule,
                              (int) (c->end - c->start), text + c->start);
    }
  return g_string_free (out, FALSE);
}

typedef struct {
  const char *name;
  const char *text;
  const char *expected;
} Case;

static const Case cases[] = {
  { "verb-forms", "urge urges urged urging", "appeal.urge:urge appeal.urge:urges appeal.urge:urged appeal.urge:urging" },
  { "phrasal-verb-longest", "She calls on them and called for calm.", "appeal.call-on:calls on appeal.call-on:called for" },
  { "irregular-past", "They met and meet again.", "consult.meet:met consult.meet:meet" },
  { "noun-plural", "tension and tensions", "tension.noun:tension tension.noun:tensions" },
  { "y-plural-and-past", "hostilities; they supplied arms", "fight.noun:hostilities aid.verb:supplied aid.arm:arms" },
  { "longest-noun-phrase", "peace talks resumed", "negotiate.talks:peace talks" },
  { "whole-words-only", "warfare, warden, backpack", "" },
  { "prefixed-compound", "so-called de-escalation", "" },
  { "case-insensitive", "Clashes erupted", "fight.noun:Clashes" },
  { "typographic-apostrophe-free", "They seized it.", "seize.verb:seized" },
};

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *got = describe_cues (c->text);

  g_assert_cmpstr (got, ==, c->expected);
}

static void
test_every_kind_has_cues (void)
{
  gboolean seen[DM_N_LINK_KINDS] = { FALSE };

  for (guint i = 0; i < dm_lexicon_get_n_rules (lexicon); i++)
    seen[dm_lexicon_get_rule (lexicon, i)->kind] = TRUE;
  for (guint k = 0; k < DM_N_LINK_KINDS; k++)
    g_assert_true (seen[k]);
}

static void
test_kind_table (void)
{
  DmLinkKind kind;

  g_assert_true (dm_link_kind_from_string ("seize", &kind));
  g_assert_cmpint (kind, ==, DM_LINK_SEIZE);
  g_assert_false (dm_link_kind_from_string ("other", &kind));
  g_assert_cmpstr (dm_quad_to_string (dm_link_kind_get_quad (DM_LINK_APPEAL)), ==, "verbal-cooperation");
  g_assert_cmpstr (dm_quad_to_string (dm_link_kind_get_quad (DM_LINK_AID)), ==, "material-cooperation");
  g_assert_cmpstr (dm_quad_to_string (dm_link_kind_get_quad (DM_LINK_WARN)), ==, "verbal-conflict");
  g_assert_cmpstr (dm_quad_to_string (dm_link_kind_get_quad (DM_LINK_FIGHT)), ==, "material-conflict");
  /* the symmetric kinds, exactly */
  for (guint k = 0; k < DM_N_LINK_KINDS; k++)
    g_assert_cmpint (dm_link_kind_is_directed (k), ==,
                     !(k == DM_LINK_CONSULT || k == DM_LINK_NEGOTIATE || k == DM_LINK_TENSION || k == DM_LINK_FIGHT));
}

/* The analysis finds cues in the matcher's pass over the whole text and
 * picks each sentence's from those hits: for every range, the cues must
 * be the ones the lexicon's own scan of that range finds. */
static void
test_shared_scan_finds_the_same_cues (void)
{
  static const char *texts[] = {
    "Armenia urged Azerbaijan to resume peace talks. Clashes erupted; both sides traded fire.",
    "so-called talks.Talks resumed, de-escalation failed: they called on Baku and met in Moscow",
    "The U.S. called for calm.\nRussia warned Armenia. Tensions rose — tension, tensions!",
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (DmGazetteer) gazetteer = dm_gazetteer_new_default (&error);
  g_autoptr (DmMatcher) matcher = NULL;

  g_assert_no_error (error);
  matcher = dm_matcher_new_with_cues (gazetteer, lexicon);
  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      const char *text = texts[t];
      gsize length = strlen (text);
      g_autoptr (GArray) mentions = g_array_new (FALSE, FALSE, sizeof (DmMatch));
      g_autoptr (GArray) hits = g_array_new (FALSE, FALSE, sizeof (DmHit));
      guint n_compared = 0;

      dm_matcher_find_with_cues (matcher, text, length, NULL, mentions, hits);
      g_assert_cmpuint (hits->len, >, 0);
      /* every range that starts and ends at a space, a stop or an end */
      for (gsize start = 0; start < length; start++)
        for (gsize end = start + 1; end <= length; end++)
          {
            g_autoptr (GArray) own = g_array_new (FALSE, FALSE, sizeof (DmCueMatch));
            g_autoptr (GArray) shared = g_array_new (FALSE, FALSE, sizeof (DmCueMatch));
            g_autoptr (GArray) inside = g_array_new (FALSE, FALSE, sizeof (DmHit));

            if ((start > 0 && !strchr (" .;\n", text[start - 1])) || (end < length && !strchr (" .;:,\n", text[end])))
              continue;
            dm_lexicon_find (lexicon, text, start, end, own);
            for (guint i = 0; i < hits->len; i++)
              {
                const DmHit *h = &g_array_index (hits, DmHit, i);
                if (h->start >= start && h->end <= end)
                  g_array_append_val (inside, *h);
              }
            dm_lexicon_select_cues (lexicon, text, start, end, inside, shared);
            g_assert_cmpuint (shared->len, ==, own->len);
            for (guint i = 0; i < own->len; i++)
              {
                g_assert_cmpuint (g_array_index (shared, DmCueMatch, i).start, ==, g_array_index (own, DmCueMatch, i).start);
                g_assert_cmpuint (g_array_index (shared, DmCueMatch, i).end, ==, g_array_index (own, DmCueMatch, i).end);
                g_assert_cmpuint (g_array_index (shared, DmCueMatch, i).rule, ==, g_array_index (own, DmCueMatch, i).rule);
              }
            n_compared += own->len;
          }
      g_assert_cmpuint (n_compared, >, 0);
    }
}

typedef struct {
  const char *json;
  const char *message;
} BadFile;

static const BadFile bad_files[] = {
  /* json-glib words its parse errors differently across versions: only
   * the start of that message is ours */
  { "{\"cues\": [", "bad.json: malformed JSON: <data>:1:" },
  { "[1, 2]", "bad.json: expected an object with a \"cues\" array" },
  { "{\"cues\": [{\"rule\": \"x\", \"kind\": \"hug\", \"phrases\": [\"hug\"]}]}",
    "bad.json: cues[0]: missing or unknown \"kind\"" },
  { "{\"cues\": [{\"rule\": \"x\", \"kind\": \"aid\", \"phrases\": []}]}",
    "bad.json: cues[0]: \"phrases\" must be a non-empty array of strings" },
  { "{\"cues\": [{\"kind\": \"aid\", \"phrases\": [\"aid\"]}]}", "bad.json: cues[0]: missing \"rule\"" },
};

static void
test_bad_file (gconstpointer data)
{
  const BadFile *bad = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (DmLexicon) broken = dm_lexicon_new_from_data (bad->json, -1, "bad.json", &error);

  g_assert_null (broken);
  g_assert_nonnull (error);
  if (g_str_has_suffix (bad->message, ":1:"))
    g_assert_true (g_str_has_prefix (error->message, bad->message));
  else
    g_assert_cmpstr (error->message, ==, bad->message);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  lexicon = dm_lexicon_new_default (&error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lexicon/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_case);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lexicon/bad-file/%u", i);
      g_test_add_data_func (path, &bad_files[i], test_bad_file);
    }
  g_test_add_func ("/lexicon/every-kind-has-cues", test_every_kind_has_cues);
  g_test_add_func ("/lexicon/kind-table", test_kind_table);
  g_test_add_func ("/lexicon/shared-scan-finds-the-same-cues", test_shared_scan_finds_the_same_cues);
  status = g_test_run ();
  g_object_unref (lexicon);
  return status;
}
