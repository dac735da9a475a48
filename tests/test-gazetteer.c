/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

/* test-gazetteer.c: the built-in actors.json and the loader's promises.
 *
 * The data tests pin down what the matcher and the map rely on (codes,
 * anchors, the aliases real news uses); the loader tests check that a user
 * override file is merged all-or-nothing and that every error names the
 * file and the place in it.
 */

#include <string.h>
#include <glib.h>
#include <json-glib/json-glib.h>

#include "dm-gazetteer.h"
#include "dm-matcher.h"

static DmGazetteer *
load_default (void)
{
  g_autoptr(GError) error = NULL;
  DmGazetteer *gazetteer = dm_gazetteer_new_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (gazetteer);
  return gazetteer;
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static void
test_default_loads (void)
{
  g_autoptr(DmGazetteer) gazetteer = load_default ();

  guint kinds[3] = { 0, };

  /* 193 UN members, the Holy See, Palestine, Kosovo, Taiwan; 25
   * organizations; NKR, Abkhazia, South Ossetia, Transnistria, N. Cyprus */
  for (guint i = 0; i < dm_gazetteer_get_n_actors (gazetteer); i++)
    kinds[dm_gazetteer_get_actor (gazetteer, i)->kind]++;
  g_assert_cmpuint (kinds[DM_ACTOR_STATE], ==, 197);
  g_assert_cmpuint (kinds[DM_ACTOR_ORGANIZATION], ==, 25);
  g_assert_cmpuint (kinds[DM_ACTOR_DE_FACTO], ==, 5);
  g_assert_cmpuint (dm_gazetteer_get_n_aliases (gazetteer), >, 1500);
}

typedef struct
{
  const char *code;
  const char *name;
  DmActorKind kind;
  const char *iso;
  const char *anchor;
  double      lat_min, lat_max, lon_min, lon_max;
} ActorCase;

static const ActorCase actor_cases[] = {
  { "ARM", "Armenia", DM_ACTOR_STATE, "ARM", "Yerevan", 40.0, 40.4, 44.3, 44.7 },
  { "AZE", "Azerbaijan", DM_ACTOR_STATE, "AZE", "Baku", 40.2, 40.6, 49.6, 50.1 },
  { "USA", "United States", DM_ACTOR_STATE, "USA", "Washington", 38.7, 39.1, -77.3, -76.8 },
  { "EU", "European Union", DM_ACTOR_ORGANIZATION, NULL, "Brussels", 50.7, 51.0, 4.2, 4.6 },
  { "RUS", "Russia", DM_ACTOR_STATE, "RUS", "Moscow", 55.5, 56.0, 37.3, 37.9 },
  { "GEO", "Georgia", DM_ACTOR_STATE, "GEO", "Tbilisi", 41.6, 41.9, 44.6, 45.1 },
  { "TUR", "Turkey", DM_ACTOR_STATE, "TUR", "Ankara", 39.7, 40.1, 32.6, 33.1 },
  { "IRN", "Iran", DM_ACTOR_STATE, "IRN", "Tehran", 35.5, 35.9, 51.1, 51.7 },
  { "UKR", "Ukraine", DM_ACTOR_STATE, "UKR", "Kyiv", 50.3, 50.6, 30.3, 30.8 },
  { "FRA", "France", DM_ACTOR_STATE, "FRA", "Paris", 48.7, 49.0, 2.2, 2.5 },
  { "NATO", "NATO", DM_ACTOR_ORGANIZATION, NULL, "Brussels", 50.8, 50.95, 4.3, 4.5 },
  { "OSCE", "OSCE", DM_ACTOR_ORGANIZATION, NULL, "Vienna", 48.1, 48.3, 16.2, 16.5 },
  { "UN", "United Nations", DM_ACTOR_ORGANIZATION, NULL, "New York", 40.7, 40.8, -74.05, -73.9 },
  { "CSTO", "CSTO", DM_ACTOR_ORGANIZATION, NULL, "Moscow", 55.5, 56.0, 37.3, 37.9 },
  { "NKR", "Nagorno-Karabakh", DM_ACTOR_DE_FACTO, NULL, "Stepanakert", 39.7, 39.9, 46.6, 46.9 },
};

/* A sample of the rest of the world: generated states (anchors from
 * GeoNames), the observers, Kosovo and Taiwan, the organizations and the de
 * facto entities of the hand-kept part. */
static const ActorCase world_cases[] = {
  { "DEU", "Germany", DM_ACTOR_STATE, "DEU", "Berlin", 52.4, 52.6, 13.3, 13.5 },
  { "GBR", "United Kingdom", DM_ACTOR_STATE, "GBR", "London", 51.4, 51.6, -0.2, 0.0 },
  { "CHN", "China", DM_ACTOR_STATE, "CHN", "Beijing", 39.8, 40.0, 116.3, 116.5 },
  { "IND", "India", DM_ACTOR_STATE, "IND", "New Delhi", 28.5, 28.7, 77.1, 77.3 },
  { "KAZ", "Kazakhstan", DM_ACTOR_STATE, "KAZ", "Astana", 51.0, 51.3, 71.3, 71.6 },
  { "CIV", "Côte d’Ivoire", DM_ACTOR_STATE, "CIV", "Yamoussoukro", 6.7, 6.9, -5.4, -5.2 },
  { "VAT", "Holy See", DM_ACTOR_STATE, "VAT", "Vatican City", 41.8, 42.0, 12.4, 12.5 },
  { "PSE", "Palestine", DM_ACTOR_STATE, "PSE", "Ramallah", 31.8, 32.0, 35.1, 35.3 },
  { "XKX", "Kosovo", DM_ACTOR_STATE, "XKX", "Pristina", 42.6, 42.7, 21.1, 21.3 },
  { "TWN", "Taiwan", DM_ACTOR_STATE, "TWN", "Taipei", 25.0, 25.1, 121.4, 121.6 },
  { "TUV", "Tuvalu", DM_ACTOR_STATE, NULL, "Funafuti", -8.6, -8.4, 179.1, 179.3 },
  { "ICJ", "International Court of Justice", DM_ACTOR_ORGANIZATION, NULL, "The Hague", 52.0, 52.2, 4.2, 4.4 },
  { "COE", "Council of Europe", DM_ACTOR_ORGANIZATION, NULL, "Strasbourg", 48.5, 48.7, 7.7, 7.9 },
  { "OTS", "Organization of Turkic States", DM_ACTOR_ORGANIZATION, NULL, "Istanbul", 40.9, 41.1, 28.9, 29.1 },
  { "ABK", "Abkhazia", DM_ACTOR_DE_FACTO, NULL, "Sukhumi", 42.9, 43.1, 40.9, 41.1 },
  { "OSS", "South Ossetia", DM_ACTOR_DE_FACTO, NULL, "Tskhinvali", 42.1, 42.3, 43.9, 44.1 },
  { "PMR", "Transnistria", DM_ACTOR_DE_FACTO, NULL, "Tiraspol", 46.7, 46.9, 29.5, 29.7 },
  { "TRNC", "Northern Cyprus", DM_ACTOR_DE_FACTO, "CYN", "Nicosia", 35.1, 35.3, 33.3, 33.5 },
};

static void
test_actor (gconstpointer data)
{
  const ActorCase *c = data;
  g_autoptr(DmGazetteer) gazetteer = load_default ();
  const DmActorInfo *info;
  int index;

  index = dm_gazetteer_lookup_code (gazetteer, c->code);
  g_assert_cmpint (index, >=, 0);
  info = dm_gazetteer_get_actor (gazetteer, (guint) index);
  g_assert_cmpstr (info->code, ==, c->code);
  g_assert_cmpstr (info->name, ==, c->name);
  g_assert_cmpint (info->kind, ==, c->kind);
  g_assert_cmpstr (info->iso, ==, c->iso);
  g_assert_nonnull (strstr (info->anchor_name, c->anchor));
  g_assert_cmpfloat (info->anchor_lat, >=, c->lat_min);
  g_assert_cmpfloat (info->anchor_lat, <=, c->lat_max);
  g_assert_cmpfloat (info->anchor_lon, >=, c->lon_min);
  g_assert_cmpfloat (info->anchor_lon, <=, c->lon_max);
  g_assert_cmpuint (info->color, <=, 0xffffff);
}

/* Every actor appears exactly once: the states by their ISO 3166-1 alpha-3
 * code, the others by the codes the hand-kept part gives them. */
static void
test_codes_exact (void)
{
  static const char * const others[] = {
    "EU", "NATO", "OSCE", "UN", "CSTO", "ICJ", "ICC", "CIS", "EAEU", "SCO", "BRICS", "OTS", "GUAM",
    "COE", "ICRC", "IMF", "WB", "EBRD", "OPEC", "LAS", "OIC", "G7", "G20", "AU", "ASEAN",
    "NKR", "ABK", "OSS", "PMR", "TRNC", NULL
  };
  g_autoptr(DmGazetteer) gazetteer = load_default ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < dm_gazetteer_get_n_actors (gazetteer); i++)
    {
      const DmActorInfo *info = dm_gazetteer_get_actor (gazetteer, i);

      if (info->kind == DM_ACTOR_STATE)
        {
          g_assert_cmpuint (strlen (info->code), ==, 3);
          for (const char *p = info->code; *p; p++)
            g_assert_true (g_ascii_isupper (*p));
        }
      else
        g_assert_true (g_strv_contains (others, info->code));
      g_assert_true (g_hash_table_add (seen, info->code));
      g_assert_cmpint (dm_gazetteer_lookup_code (gazetteer, info->code), ==, (int) i);
    }
  for (guint c = 0; c < G_N_ELEMENTS (actor_cases); c++)
    g_assert_true (g_hash_table_contains (seen, actor_cases[c].code));
  for (guint c = 0; others[c]; c++)
    g_assert_true (g_hash_table_contains (seen, others[c]));
  g_assert_cmpint (dm_gazetteer_lookup_code (gazetteer, "XYZ"), ==, -1);
  g_assert_cmpint (dm_gazetteer_lookup_code (gazetteer, "arm"), ==, -1);
  g_assert_cmpint (dm_gazetteer_lookup_code (gazetteer, NULL), ==, -1);
  g_assert_cmpstr (dm_actor_kind_to_string (DM_ACTOR_DE_FACTO), ==, "de-facto");
}

static double
color_distance (guint32 a,
                guint32 b)
{
  double dr = (double) ((a >> 16) & 0xff) - (double) ((b >> 16) & 0xff);
  double dg = (double) ((a >> 8) & 0xff) - (double) ((b >> 8) & 0xff);
  double db = (double) (a & 0xff) - (double) (b & 0xff);

  return dr * dr + dg * dg + db * db;
}

static gboolean
is_home_actor (const DmActorInfo *info)
{
  for (guint c = 0; c < G_N_ELEMENTS (actor_cases); c++)
    if (g_str_equal (actor_cases[c].code, info->code))
      return TRUE;
  return FALSE;
}

/* Colours must tell actors apart on a light map: not pale; the home
 * region's actors, the organizations and the de facto entities distinct
 * from every other actor; two states at least somewhat apart (the
 * generator also keeps neighbours well apart); and Armenia and Azerbaijan
 * far apart since they are in almost every story. */
static void
test_colors (void)
{
  g_autoptr(DmGazetteer) gazetteer = load_default ();
  guint n = dm_gazetteer_get_n_actors (gazetteer);
  const DmActorInfo *arm, *aze;

  for (guint i = 0; i < n; i++)
    {
      const DmActorInfo *a = dm_gazetteer_get_actor (gazetteer, i);
      guint32 c = a->color;
      double luma = 0.299 * ((c >> 16) & 0xff) + 0.587 * ((c >> 8) & 0xff) + 0.114 * (c & 0xff);

      g_assert_cmpfloat (luma, <, 170.0);
      for (guint j = i + 1; j < n; j++)
        {
          const DmActorInfo *b = dm_gazetteer_get_actor (gazetteer, j);
          gboolean strong = is_home_actor (a) || is_home_actor (b) ||
                            a->kind != DM_ACTOR_STATE || b->kind != DM_ACTOR_STATE;
          double min = strong ? 40.0 : 24.0;

          if (color_distance (c, b->color) <= min * min)
            g_error ("%s and %s have colours too close", a->code, b->code);
        }
    }

  arm = dm_gazetteer_get_actor (gazetteer, (guint) dm_gazetteer_lookup_code (gazetteer, "ARM"));
  aze = dm_gazetteer_get_actor (gazetteer, (guint) dm_gazetteer_lookup_code (gazetteer, "AZE"));
  g_assert_cmpfloat (color_distance (arm->color, aze->color), >, 200.0 * 200.0);
}

typedef struct
{
  const char  *alias;
  const char  *code;  /* NULL: must not be an alias at all */
  DmAliasGroup group;
} AliasCase;

static const AliasCase alias_cases[] = {
  { "Blinken", "USA", DM_ALIAS_OFFICE_HOLDER },
  { "Antony Blinken", "USA", DM_ALIAS_OFFICE_HOLDER },
  { "Aliyev", "AZE", DM_ALIAS_OFFICE_HOLDER },
  { "Pashinyan", "ARM", DM_ALIAS_OFFICE_HOLDER },
  { "Putin", "RUS", DM_ALIAS_OFFICE_HOLDER },
  { "Kremlin", "RUS", DM_ALIAS_INSTITUTION },
  { "Minsk Group", "OSCE", DM_ALIAS_NAME },
  { "OSCE Minsk Group", "OSCE", DM_ALIAS_NAME },
  { "Organization of Security and Co-operation in Europe", "OSCE", DM_ALIAS_NAME },
  { "Armenian separatists", "NKR", DM_ALIAS_INSTITUTION },
  { "ethnic Armenian forces", "NKR", DM_ALIAS_INSTITUTION },
  { "Karabakh Armenian", "NKR", DM_ALIAS_DEMONYM },
  { "NagornoKarabakh", "NKR", DM_ALIAS_NAME },
  { "Upper Karabakh", "NKR", DM_ALIAS_NAME },
  { "Stepanakert", "NKR", DM_ALIAS_CAPITAL },
  { "Brussels", "EU", DM_ALIAS_CAPITAL },
  { "European Peace Facility", "EU", DM_ALIAS_INSTITUTION },
  { "State Department", "USA", DM_ALIAS_INSTITUTION },
  { "Foreign Relations Committee", "USA", DM_ALIAS_INSTITUTION },
  { "U.S.", "USA", DM_ALIAS_NAME },
  { "Washington", "USA", DM_ALIAS_CAPITAL },
  { "von der Leyen", "EU", DM_ALIAS_OFFICE_HOLDER },
  { "Erdogan", "TUR", DM_ALIAS_OFFICE_HOLDER },
  { "Erdoğan", "TUR", DM_ALIAS_OFFICE_HOLDER },
  { "Türkiye", "TUR", DM_ALIAS_NAME },
  { "Kobakhidze", "GEO", DM_ALIAS_OFFICE_HOLDER },
  { "Georgian Dream", "GEO", DM_ALIAS_INSTITUTION },
  { "Guterres", "UN", DM_ALIAS_OFFICE_HOLDER },
  { "UN Security Council", "UN", DM_ALIAS_INSTITUTION },
  { "UNSC", "UN", DM_ALIAS_INSTITUTION },
  { "UNHCR", "UN", DM_ALIAS_INSTITUTION },
  { "Macron", "FRA", DM_ALIAS_OFFICE_HOLDER },
  { "Stoltenberg", "NATO", DM_ALIAS_OFFICE_HOLDER },
  { "Collective Security Treaty Organisation", "CSTO", DM_ALIAS_NAME },
  { "Tehran", "IRN", DM_ALIAS_CAPITAL },
  { "Kyiv", "UKR", DM_ALIAS_CAPITAL },
  { "Azerbaijani", "AZE", DM_ALIAS_DEMONYM },
  { "Azeri", "AZE", DM_ALIAS_DEMONYM },
  { "Armenian", "ARM", DM_ALIAS_DEMONYM },
  /* Peoples, regions and look-alikes that are not the coded actors. */
  { "Armenians", NULL, 0 },
  { "Azerbaijanis", NULL, 0 },
  { "Europe", NULL, 0 },
  { "European", NULL, 0 },
  { "the West", NULL, 0 },
  { "Parliamentary Assembly", NULL, 0 },
  { "Karabakh Armenians", NULL, 0 },
  { "TASS", NULL, 0 },
  { "Korean", NULL, 0 },
  { "Congolese", NULL, 0 },
  { "Dominican", NULL, 0 },
  { "Geneva", NULL, 0 },
  { "Sochi", NULL, 0 },
  { "Jerusalem", NULL, 0 },
  { "Island", NULL, 0 },
  { "Thai", "THA", DM_ALIAS_DEMONYM },
  { "AM", NULL, 0 },
  /* the rest of the world, by name, demonym, capital, organ, office holder */
  { "Council of Europe", "COE", DM_ALIAS_NAME },
  { "PACE", "COE", DM_ALIAS_INSTITUTION },
  { "European Court of Human Rights", "COE", DM_ALIAS_INSTITUTION },
  { "International Court of Justice", "ICJ", DM_ALIAS_NAME },
  { "ICC", "ICC", DM_ALIAS_NAME },
  { "IAEA", "UN", DM_ALIAS_INSTITUTION },
  { "WFP", "UN", DM_ALIAS_INSTITUTION },
  { "Red Cross", "ICRC", DM_ALIAS_NAME },
  { "Organization of Turkic States", "OTS", DM_ALIAS_NAME },
  { "Eurasian Economic Union", "EAEU", DM_ALIAS_NAME },
  { "Arab League", "LAS", DM_ALIAS_NAME },
  { "G7", "G7", DM_ALIAS_NAME },
  { "Russian Federation", "RUS", DM_ALIAS_NAME },
  { "Czechia", "CZE", DM_ALIAS_NAME },
  { "Czech Republic", "CZE", DM_ALIAS_NAME },
  { "Côte d'Ivoire", "CIV", DM_ALIAS_NAME },
  { "Ivory Coast", "CIV", DM_ALIAS_NAME },
  { "UK", "GBR", DM_ALIAS_NAME },
  { "Britain", "GBR", DM_ALIAS_NAME },
  { "Downing Street", "GBR", DM_ALIAS_INSTITUTION },
  { "Beijing", "CHN", DM_ALIAS_CAPITAL },
  { "New Delhi", "IND", DM_ALIAS_CAPITAL },
  { "Chinese", "CHN", DM_ALIAS_DEMONYM },
  { "Scholz", "DEU", DM_ALIAS_OFFICE_HOLDER },
  { "Tokayev", "KAZ", DM_ALIAS_OFFICE_HOLDER },
  { "Modi", "IND", DM_ALIAS_OFFICE_HOLDER },
  { "Mohammed bin Salman", "SAU", DM_ALIAS_OFFICE_HOLDER },
  { "Abkhazia", "ABK", DM_ALIAS_NAME },
  { "Tskhinvali", "OSS", DM_ALIAS_CAPITAL },
  { "Turkish Cypriot", "TRNC", DM_ALIAS_DEMONYM },
  { "Korea", "KOR", DM_ALIAS_NAME },
};

static void
test_alias (gconstpointer data)
{
  const AliasCase *c = data;
  g_autoptr(DmGazetteer) gazetteer = load_default ();
  int index = dm_gazetteer_lookup_alias (gazetteer, c->alias);
  const DmAlias *alias;

  if (c->code == NULL)
    {
      g_assert_cmpint (index, ==, -1);
      return;
    }
  g_assert_cmpint (index, >=, 0);
  alias = dm_gazetteer_get_alias (gazetteer, (guint) index);
  g_assert_cmpstr (dm_gazetteer_get_actor (gazetteer, alias->actor)->code, ==, c->code);
  g_assert_cmpint (alias->group, ==, c->group);
}

/* Two actors sharing an alias would make the matcher pick one at random. */
static void
test_aliases_unique (void)
{
  g_autoptr(DmGazetteer) gazetteer = load_default ();
  g_autoptr(GHashTable) owner = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint a = 0; a < dm_gazetteer_get_n_aliases (gazetteer); a++)
    {
      const DmAlias *alias = dm_gazetteer_get_alias (gazetteer, a);
      gpointer previous;

      g_assert_nonnull (alias->text);
      g_assert_cmpuint (strlen (alias->text), >, 0);
      g_assert_true (g_utf8_validate (alias->text, -1, NULL));
      g_assert_cmpuint (alias->actor, <, dm_gazetteer_get_n_actors (gazetteer));
      if (g_hash_table_lookup_extended (owner, alias->text, NULL, &previous))
        {
          if (GPOINTER_TO_UINT (previous) != alias->actor)
            g_error ("alias \"%s\" belongs to two actors", alias->text);
          g_error ("alias \"%s\" is listed twice", alias->text);
        }
      g_hash_table_insert (owner, alias->text, GUINT_TO_POINTER (alias->actor));
    }
}

typedef struct
{
  const char *alias;
  DmCaseRule  rule;
} CaseCase;

static const CaseCase case_cases[] = {
  { "US", DM_CASE_EXACT },
  { "U.S.", DM_CASE_EXACT },
  { "EU", DM_CASE_EXACT },
  { "E.U.", DM_CASE_EXACT },
  { "UN", DM_CASE_EXACT },
  { "UNSC", DM_CASE_EXACT },
  { "OSCE", DM_CASE_EXACT },
  { "NATO", DM_CASE_EXACT },
  { "CSTO", DM_CASE_EXACT },
  { "EUMA", DM_CASE_EXACT },
  { "presidentaz", DM_CASE_EXACT },  /* forced by {"case": "exact"} */
  { "Armenia", DM_CASE_NAME },
  { "Minsk Group", DM_CASE_NAME },
  { "Azerbaijani", DM_CASE_NAME },
  { "von der Leyen", DM_CASE_NAME },
  { "EU Monitoring Mission", DM_CASE_NAME },
};

static void
test_case_rule (gconstpointer data)
{
  const CaseCase *c = data;
  g_autoptr(DmGazetteer) gazetteer = load_default ();
  int index = dm_gazetteer_lookup_alias (gazetteer, c->alias);

  g_assert_cmpint (index, >=, 0);
  g_assert_cmpint (dm_gazetteer_get_alias (gazetteer, (guint) index)->case_rule, ==, c->rule);
}

static void
test_ambiguous (void)
{
  g_autoptr(DmGazetteer) gazetteer = load_default ();
  const DmAlias *georgia, *washington, *armenia;

  georgia = dm_gazetteer_get_alias (gazetteer, (guint) dm_gazetteer_lookup_alias (gazetteer, "Georgia"));
  g_assert_nonnull (georgia->ambiguous_context);
  g_assert_true (g_strv_contains ((const char * const *) georgia->ambiguous_context, "Atlanta"));
  g_assert_false (georgia->ambiguous_as_surname);

  washington = dm_gazetteer_get_alias (gazetteer, (guint) dm_gazetteer_lookup_alias (gazetteer, "Washington"));
  g_assert_true (washington->ambiguous_as_surname);

  armenia = dm_gazetteer_get_alias (gazetteer, (guint) dm_gazetteer_lookup_alias (gazetteer, "Armenia"));
  g_assert_null (armenia->ambiguous_context);
  g_assert_false (armenia->ambiguous_as_surname);
}

static void
test_state_nouns (void)
{
  g_autoptr(DmGazetteer) gazetteer = load_default ();
  const char * const *nouns = (const char * const *) dm_gazetteer_get_state_nouns (gazetteer);
  static const char * const wanted[] = {
    "government", "prime minister", "foreign ministry", "troops", "forces", "side",
    "border guards", "peacekeepers", "-led", "supreme leader",
  };
  /* These follow demonyms in the news without meaning the state. */
  static const char * const unwanted[] = {
    "media", "state media", "people", "population", "refugees", "community", "diaspora",
    "language", "church", "news agency", "state", "sides", "drones",
  };

  g_assert_nonnull (nouns);
  for (guint i = 0; nouns[i] != NULL; i++)
    {
      g_autofree char *lower = g_utf8_strdown (nouns[i], -1);

      g_assert_cmpstr (nouns[i], ==, lower);
    }
  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    g_assert_true (g_strv_contains (nouns, wanted[i]));
  for (guint i = 0; i < G_N_ELEMENTS (unwanted); i++)
    g_assert_false (g_strv_contains (nouns, unwanted[i]));
}

static gboolean
actor_has_alias (DmGazetteer *gazetteer,
                 guint        actor,
                 const char  *text)
{
  for (guint a = 0; a < dm_gazetteer_get_n_aliases (gazetteer); a++)
    {
      const DmAlias *alias = dm_gazetteer_get_alias (gazetteer, a);

      if (alias->actor == actor && g_str_equal (alias->text, text))
        return TRUE;
    }
  return FALSE;
}

static void
test_merge_override (void)
{
  g_autoptr(DmGazetteer) gazetteer = load_default ();
  g_autofree char *path = fixture_path ("gazetteer-override.json");
  g_autoptr(GError) error = NULL;
  guint n_actors = dm_gazetteer_get_n_actors (gazetteer);
  int arm = dm_gazetteer_lookup_code (gazetteer, "ARM");
  int aze = dm_gazetteer_lookup_code (gazetteer, "AZE");
  const DmActorInfo *info;
  const DmAlias *alias;
  int xyz;

  g_assert_true (dm_gazetteer_merge_file (gazetteer, path, &error));
  g_assert_no_error (error);

  /* ARM is replaced in place: same index, new colour, anchor and aliases. */
  g_assert_cmpuint (dm_gazetteer_get_n_actors (gazetteer), ==, n_actors + 1);
  g_assert_cmpint (dm_gazetteer_lookup_code (gazetteer, "ARM"), ==, arm);
  info = dm_gazetteer_get_actor (gazetteer, (guint) arm);
  g_assert_cmphex (info->color, ==, 0x123456);
  g_assert_cmpstr (info->anchor_name, ==, "Gyumri");
  g_assert_true (actor_has_alias (gazetteer, (guint) arm, "Hayastan"));
  g_assert_true (actor_has_alias (gazetteer, (guint) arm, "Nikol Pashinyan"));
  g_assert_false (actor_has_alias (gazetteer, (guint) arm, "Yerevan"));
  g_assert_false (actor_has_alias (gazetteer, (guint) arm, "Armenian"));

  /* Other actors keep their index and aliases. */
  g_assert_cmpint (dm_gazetteer_lookup_code (gazetteer, "AZE"), ==, aze);
  g_assert_true (actor_has_alias (gazetteer, (guint) aze, "Aliyev"));

  /* XYZ is appended, with the case rules and ambiguity of the file. */
  xyz = dm_gazetteer_lookup_code (gazetteer, "XYZ");
  g_assert_cmpint (xyz, ==, (int) n_actors);
  info = dm_gazetteer_get_actor (gazetteer, (guint) xyz);
  g_assert_cmpstr (info->name, ==, "Xyzland");
  g_assert_cmpint (info->kind, ==, DM_ACTOR_DE_FACTO);
  g_assert_cmphex (info->color, ==, 0xabcdef);
  g_assert_null (info->iso);
  g_assert_cmpfloat (info->anchor_lat, ==, -12.0);
  g_assert_cmpfloat (info->anchor_lon, ==, 170.5);

  alias = dm_gazetteer_get_alias (gazetteer, (guint) dm_gazetteer_lookup_alias (gazetteer, "XYZ"));
  g_assert_cmpint (alias->actor, ==, xyz);
  g_assert_cmpint (alias->case_rule, ==, DM_CASE_EXACT);
  alias = dm_gazetteer_get_alias (gazetteer, (guint) dm_gazetteer_lookup_alias (gazetteer, "Xyz Republic"));
  g_assert_cmpint (alias->case_rule, ==, DM_CASE_EXACT);
  alias = dm_gazetteer_get_alias (gazetteer, (guint) dm_gazetteer_lookup_alias (gazetteer, "Xyzian"));
  g_assert_cmpint (alias->group, ==, DM_ALIAS_DEMONYM);
  g_assert_cmpint (alias->case_rule, ==, DM_CASE_NAME);
  alias = dm_gazetteer_get_alias (gazetteer, (guint) dm_gazetteer_lookup_alias (gazetteer, "Xyzland"));
  g_assert_true (alias->ambiguous_as_surname);
  g_assert_cmpstr (alias->ambiguous_context[0], ==, "theme park");

  /* State nouns are added once. */
  {
    const char * const *nouns = (const char * const *) dm_gazetteer_get_state_nouns (gazetteer);
    guint n_government = 0;

    g_assert_true (g_strv_contains (nouns, "coast guard"));
    for (guint i = 0; nouns[i] != NULL; i++)
      n_government += g_str_equal (nouns[i], "government");
    g_assert_cmpuint (n_government, ==, 1);
  }
}

typedef struct
{
  guint   n_actors;
  guint   n_aliases;
  guint32 arm_color;
  guint   n_nouns;
} Snapshot;

static Snapshot
take_snapshot (DmGazetteer *gazetteer)
{
  Snapshot s = {
    dm_gazetteer_get_n_actors (gazetteer),
    dm_gazetteer_get_n_aliases (gazetteer),
    dm_gazetteer_get_actor (gazetteer, (guint) dm_gazetteer_lookup_code (gazetteer, "ARM"))->color,
    g_strv_length (dm_gazetteer_get_state_nouns (gazetteer)),
  };

  return s;
}

static void
assert_unchanged (DmGazetteer    *gazetteer,
                  const Snapshot *before)
{
  Snapshot after = take_snapshot (gazetteer);

  g_assert_cmpuint (after.n_actors, ==, before->n_actors);
  g_assert_cmpuint (after.n_aliases, ==, before->n_aliases);
  g_assert_cmphex (after.arm_color, ==, before->arm_color);
  g_assert_cmpuint (after.n_nouns, ==, before->n_nouns);
  g_assert_cmpint (dm_gazetteer_lookup_code (gazetteer, "XYZ"), ==, -1);
}

static void
test_malformed (void)
{
  g_autoptr(DmGazetteer) gazetteer = load_default ();
  g_autofree char *path = fixture_path ("gazetteer-malformed.json");
  g_autoptr(GError) error = NULL;
  Snapshot before = take_snapshot (gazetteer);

  g_assert_false (dm_gazetteer_merge_file (gazetteer, path, &error));
  g_assert_error (error, JSON_PARSER_ERROR, error->code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_suffix (path, "gazetteer-malformed.json"));
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, "malformed JSON at line 4, column "));
  assert_unchanged (gazetteer, &before);
}

/* Nesting past 256 levels is refused before json-glib, whose recursive
 * parser 100 000 levels would crash, and the gazetteer stays as it was. */
static void
test_malformed_deep (void)
{
  g_autoptr(DmGazetteer) gazetteer = load_default ();
  g_autoptr(GString) data = g_string_new ("{\"version\": 1,\n \"actors\": ");
  g_autoptr(GError) error = NULL;
  Snapshot before = take_snapshot (gazetteer);

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (data, '[');

  g_assert_false (dm_gazetteer_merge_data (gazetteer, data->str, (gssize) data->len, "deep.json",
                                           &error));
  g_assert_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==,
                   "deep.json: JSON nested too deeply at line 2, column 267: more than 256 levels");
  assert_unchanged (gazetteer, &before);
}

/* Each dash or apostrophe of an alias multiplies its typographic variants;
 * one of 100 000 dashes keeps its plain form only, at once. */
static void
test_alias_many_dashes (void)
{
  g_autoptr(GString) data = g_string_new (
    "{\"version\": 1, \"actors\": [{\"code\": \"QX\", \"name\": \"Q\", \"kind\": \"state\","
    " \"color\": \"#000000\", \"anchor\": {\"name\": \"Q\", \"lat\": 0, \"lon\": 0},"
    " \"aliases\": {\"names\": [\"Q");
  g_autoptr(GString) text = g_string_new ("Here: Q");
  g_autoptr(DmGazetteer) gazetteer = NULL;
  g_autoptr(DmMatcher) matcher = NULL;
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (DmMatch));
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 100000; i++)
    {
      g_string_append (data, "-q");
      g_string_append (text, "-q");
    }
  g_string_append (data, "\"]}}]}");
  g_string_append (text, " spoke.");

  gazetteer = dm_gazetteer_new_from_data (data->str, (gssize) data->len, "dashes.json", &error);
  g_assert_no_error (error);
  matcher = dm_matcher_new (gazetteer);
  dm_matcher_find (matcher, text->str, text->len, NULL, matches);
  g_assert_cmpuint (matches->len, ==, 1);
  g_assert_cmpuint (g_array_index (matches, DmMatch, 0).start, ==, 6);
}

typedef struct
{
  const char *fixture;
  const char *expected; /* after "FILE: " */
} SchemaCase;

static const SchemaCase schema_cases[] = {
  { "gazetteer-bad-color.json", "actors[0].color: \"red\" is not a #rrggbb colour" },
  { "gazetteer-duplicate-code.json", "actors[1].code: \"XYZ\" is already used by actors[0]" },
  { "gazetteer-lat-range.json", "actors[0].anchor.lat: 91.5 is not in [-90, 90]" },
  { "gazetteer-missing-code.json", "actors[1].code: is missing" },
  { "gazetteer-bad-kind.json", "actors[0].kind: \"empire\" is not" },
  { "gazetteer-empty-alias.json", "actors[0].aliases.names[1]: is an empty string" },
  { "gazetteer-unknown-ambiguous.json", "actors[0].ambiguous[0]: \"Georgia\" is not one of this actor's aliases" },
  { "gazetteer-bad-version.json", "version: 2 is not a supported version" },
  { "gazetteer-misspelt-member.json", "actors[0]: unknown member \"colour\"" },
};

static void
test_schema_error (gconstpointer data)
{
  const SchemaCase *c = data;
  g_autoptr(DmGazetteer) gazetteer = load_default ();
  g_autofree char *path = fixture_path (c->fixture);
  g_autofree char *expected = g_strdup_printf ("%s: %s", path, c->expected);
  g_autoptr(GError) error = NULL;
  Snapshot before = take_snapshot (gazetteer);

  g_assert_false (dm_gazetteer_merge_file (gazetteer, path, &error));
  g_assert_error (error, DM_GAZETTEER_ERROR, DM_GAZETTEER_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, expected));
  assert_unchanged (gazetteer, &before);
}

static void
test_from_data (void)
{
  static const char data[] =
    "{\"version\": 1, \"actors\": [{\"code\": \"Q\", \"name\": \"Q\", \"kind\": \"organization\","
    " \"color\": \"#000000\", \"anchor\": {\"name\": \"Null Island\", \"lat\": 0, \"lon\": 0}}]}";
  g_autoptr(DmGazetteer) gazetteer = NULL;
  g_autoptr(GError) error = NULL;

  gazetteer = dm_gazetteer_new_from_data (data, -1, "inline.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dm_gazetteer_get_n_actors (gazetteer), ==, 1);
  g_assert_cmpuint (dm_gazetteer_get_n_aliases (gazetteer), ==, 0);
  g_assert_cmpstr (dm_gazetteer_get_state_nouns (gazetteer)[0], ==, NULL);

  g_assert_null (dm_gazetteer_new_from_data ("", -1, "empty.json", &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "empty.json: "));
  g_clear_error (&error);

  g_assert_null (dm_gazetteer_new_from_data ("[1, 2]", -1, "array.json", &error));
  g_assert_error (error, DM_GAZETTEER_ERROR, DM_GAZETTEER_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_null (dm_gazetteer_new_from_file ("/nonexistent/actors.json", &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

/* The sources on disk and the compiled resource must be the same file. */
static void
test_source_file_matches (void)
{
  const char *root = g_getenv ("DM_SOURCE_ROOT");
  g_autofree char *path = NULL;
  g_autoptr(DmGazetteer) from_file = NULL;
  g_autoptr(DmGazetteer) builtin = load_default ();
  g_autoptr(GError) error = NULL;

  if (root == NULL)
    {
      g_test_skip ("DM_SOURCE_ROOT is not set");
      return;
    }
  path = g_build_filename (root, "data", "actors.json", NULL);
  from_file = dm_gazetteer_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dm_gazetteer_get_n_actors (from_file), ==, dm_gazetteer_get_n_actors (builtin));
  /* the built-in one also has the case forms of data/ru/, which carry
   * their grammatical cases */
  {
    guint english = 0;

    for (guint a = 0; a < dm_gazetteer_get_n_aliases (builtin); a++)
      english += dm_gazetteer_get_alias (builtin, a)->gram_cases == 0;
    g_assert_cmpuint (dm_gazetteer_get_n_aliases (from_file), ==, english);
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gazetteer/default/loads", test_default_loads);
  g_test_add_func ("/gazetteer/default/codes", test_codes_exact);
  g_test_add_func ("/gazetteer/default/colors", test_colors);
  g_test_add_func ("/gazetteer/default/unique-aliases", test_aliases_unique);
  g_test_add_func ("/gazetteer/default/ambiguous", test_ambiguous);
  g_test_add_func ("/gazetteer/default/state-nouns", test_state_nouns);
  g_test_add_func ("/gazetteer/default/source-file", test_source_file_matches);
  for (guint i = 0; i < G_N_ELEMENTS (actor_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/gazetteer/actor/%s", actor_cases[i].code);

      g_test_add_data_func (name, &actor_cases[i], test_actor);
    }
  for (guint i = 0; i < G_N_ELEMENTS (world_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/gazetteer/world/%s", world_cases[i].code);

      g_test_add_data_func (name, &world_cases[i], test_actor);
    }
  for (guint i = 0; i < G_N_ELEMENTS (alias_cases); i++)
    {
      g_autofree char *escaped = g_strdelimit (g_strdup (alias_cases[i].alias), "/ ", '_');
      g_autofree char *name = g_strdup_printf ("/gazetteer/alias/%s", escaped);

      g_test_add_data_func (name, &alias_cases[i], test_alias);
    }
  for (guint i = 0; i < G_N_ELEMENTS (case_cases); i++)
    {
      g_autofree char *escaped = g_strdelimit (g_strdup (case_cases[i].alias), "/ ", '_');
      g_autofree char *name = g_strdup_printf ("/gazetteer/case/%s", escaped);

      g_test_add_data_func (name, &case_cases[i], test_case_rule);
    }
  g_test_add_func ("/gazetteer/merge/override", test_merge_override);
  g_test_add_func ("/gazetteer/merge/malformed", test_malformed);
  g_test_add_func ("/gazetteer/merge/malformed-deep", test_malformed_deep);
  g_test_add_func ("/gazetteer/merge/alias-many-dashes", test_alias_many_dashes);
  for (guint i = 0; i < G_N_ELEMENTS (schema_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/gazetteer/schema/%s", schema_cases[i].fixture);

      g_test_add_data_func (name, &schema_cases[i], test_schema_error);
    }
  g_test_add_func ("/gazetteer/from-data", test_from_data);

  return g_test_run ();
}
