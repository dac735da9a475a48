/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

/* test-world.c: the gazetteer of the whole world through the matcher.
 *
 * One table names states and organizations the way the news does (name,
 * official or short form, demonym before a state noun, capital, organ,
 * office holder); the other holds the names that are also something else
 * (the US state of Georgia, Jordan and Chad as first names, the Guineas,
 * Niger and Nigeria, the Congos and Koreas, a city that is only a venue),
 * each both ways.  A mention prints as its actor's code, with '?' when it
 * is flagged ambiguous.
 */

#include <string.h>
#include <glib.h>

#include "dm-core.h"

static DmGazetteer *gazetteer;
static DmMatcher *matcher;

static char *
describe (const char *text)
{
  g_autoptr (GArray) paragraphs = g_array_new (FALSE, FALSE, sizeof (DmParagraph));
  g_autoptr (GArray) sentences = g_array_new (FALSE, FALSE, sizeof (DmSentence));
  g_autoptr (GArray) matches = g_array_new (FALSE, FALSE, sizeof (DmMatch));
  GString *out = g_string_new (NULL);

  dm_segment_text (text, strlen (text), FALSE, paragraphs, sentences);
  dm_matcher_find (matcher, text, strlen (text), sentences, matches);
  for (guint i = 0; i < matches->len; i++)
    {
      const DmMatch *m = &g_array_index (matches, DmMatch, i);

      g_string_append_printf (out, "%s%s%s", i ? " " : "",
                              dm_gazetteer_get_actor (gazetteer, m->actor)->code,
                              (m->flags & DM_MATCH_AMBIGUOUS) ? "?" : "");
    }
  return g_string_free (out, FALSE);
}

typedef struct {
  const char *name;
  const char *text;
  const char *expected;
} Case;

/* 45 states, 20 organizations, 4 de facto entities. */
static const Case named_cases[] = {
  { "germany", "Germany and the Czech Republic signed it.", "DEU CZE" },
  { "czechia", "Czechia joined later.", "CZE" },
  { "russian-federation", "The Russian Federation objected.", "RUS" },
  { "turkiye", "Türkiye and Turkey are one state.", "TUR TUR" },
  { "ivory-coast", "Côte d’Ivoire, also called Ivory Coast, voted.", "CIV CIV" },
  { "uk", "The UK, Britain, Great Britain: the United Kingdom.", "GBR GBR GBR GBR" },
  { "downing-street", "Downing Street said London would help.", "GBR GBR" },
  { "starmer", "Keir Starmer met Starmer's cabinet.", "GBR GBR" },
  { "beijing", "Beijing warned that China would respond.", "CHN CHN" },
  { "xi", "Xi Jinping and Xi alone.", "CHN CHN" },
  { "chinese-demonym", "Chinese officials came; Chinese food did not.", "CHN" },
  { "india", "New Delhi sold artillery: Indian officials and Modi confirmed.", "IND IND IND" },
  { "jaishankar", "S. Jaishankar visited Yerevan.", "IND ARM" },
  { "israel", "Israel supplies drones; Netanyahu and the IDF agreed.", "ISR ISR ISR" },
  { "pakistan", "Islamabad and Pakistani troops took part.", "PAK PAK" },
  { "kazakhstan", "Astana hosted talks; Tokayev and Kazakh officials spoke.", "KAZ KAZ" },
  { "kazakhstani", "Kazakhstani diplomats left.", "KAZ" },
  { "central-asia", "Bishkek, Dushanbe, Ashgabat and Tashkent sent envoys.", "KGZ TJK TKM UZB" },
  { "central-asia-leaders", "Mirziyoyev, Rahmon and Sadyr Japarov met.", "UZB TJK KGZ" },
  { "gulf", "Riyadh, Abu Dhabi, Doha, Kuwait City, Manama and Muscat.", "SAU ARE QAT KWT BHR OMN" },
  { "gulf-names", "Saudi Arabia, the UAE, Qatar, Kuwait, Bahrain and Oman.", "SAU ARE QAT KWT BHR OMN" },
  { "mbs", "Mohammed bin Salman received Sheikh Tamim.", "SAU QAT" },
  { "eu-members", "France, Italy, Spain, Poland and the Netherlands agreed.", "FRA ITA ESP POL NLD" },
  { "eu-leaders", "Merz, Meloni, Tusk, Sikorski and Baerbock spoke.", "DEU ITA POL POL DEU" },
  { "hungary", "Hungary and Hungarian ministers blocked it.", "HUN HUN" },
  { "belarus", "Minsk and the Belarusian army drilled.", "BLR BLR" },
  { "moldova", "Moldova and Romania signed.", "MDA ROU" },
  { "americas", "Brazil, Canada, Mexico and Argentina abstained.", "BRA CAN MEX ARG" },
  { "asia", "Japan, South Korea, North Korea and Vietnam replied.", "JPN KOR PRK VNM" },
  { "tokyo-seoul", "Tokyo and Seoul and Pyongyang.", "JPN KOR PRK" },
  { "africa", "Egypt, Nigeria, Ethiopia, Kenya and South Africa voted.", "EGY NGA ETH KEN ZAF" },
  { "middle-east", "Syria, Iraq, Lebanon and Jordan's king.", "SYR IRQ LBN JOR" },
  { "observers", "The Holy See and the State of Palestine are observers.", "VAT PSE" },
  { "vatican", "The Vatican and Pope Francis.", "VAT VAT" },
  { "kosovo-taiwan", "Kosovo and Taiwan.", "XKX TWN" },
  { "pristina-taipei", "Pristina and Taipei replied.", "XKX TWN" },
  { "dprk", "The DPRK fired; the ROK answered.", "PRK KOR" },
  { "north-macedonia", "North Macedonia and Montenegro.", "MKD MNE" },
  { "iceland", "Iceland and Icelandic officials; an island.", "ISL ISL" },
  { "switzerland", "Switzerland and Swiss diplomats in Bern.", "CHE CHE CHE" },
  { "de-facto", "Abkhazia, South Ossetia, Transnistria and Northern Cyprus.", "ABK OSS PMR TRNC" },
  { "de-facto-capitals", "Sukhumi, Tskhinvali, Tiraspol.", "ABK OSS PMR" },
  { "turkish-cypriot", "Turkish Cypriot leaders and Turkish troops.", "TRNC TUR" },
  { "tskhinvali-region", "The Tskhinvali region is occupied.", "OSS" },
  { "icj", "The International Court of Justice, the ICJ, ruled.", "ICJ ICJ" },
  { "icc", "The International Criminal Court (ICC) issued a warrant.", "ICC ICC" },
  { "coe", "The Council of Europe, PACE and the European Court of Human Rights.", "COE COE COE" },
  { "un-organs", "UNHCR, UNICEF, the WFP and the IAEA with Grossi.", "UN UN UN UN UN" },
  { "security-council", "The UN Security Council and the General Assembly.", "UN UN" },
  { "csto-cis-eaeu", "The CSTO, the CIS and the Eurasian Economic Union.", "CSTO CIS EAEU" },
  { "sco-brics", "The SCO and BRICS summits.", "SCO BRICS" },
  { "ots", "The Organization of Turkic States (OTS) met.", "OTS OTS" },
  { "guam", "GUAM members met; Guam is an island.", "GUAM" },
  { "icrc", "The ICRC and the Red Cross delivered aid.", "ICRC ICRC" },
  { "imf-world-bank", "The IMF, the World Bank and the EBRD lent.", "IMF WB EBRD" },
  { "opec", "OPEC and OPEC+ cut output.", "OPEC OPEC" },
  { "arab-league-oic", "The Arab League and the OIC condemned it.", "LAS OIC" },
  { "g7-g20", "The G7 and the G20.", "G7 G20" },
  { "au-asean", "The African Union and ASEAN.", "AU ASEAN" },
  { "eu-nato-osce", "The EU, NATO and the OSCE.", "EU NATO OSCE" },
  { "nato-rutte", "Mark Rutte of NATO.", "NATO NATO" },
  { "us-people", "Pompeo, Tillerson and Mattis.", "USA USA USA" },
  { "iran-people", "Amir-Abdollahian and Nasirzadeh.", "IRN IRN" },
};

/* Names that are also something else, both ways. */
static const Case ambiguous_cases[] = {
  /* the US state of Georgia */
  { "georgia-atlanta", "Georgia voters in Atlanta went to the polls.", "GEO?" },
  { "georgia-savannah", "Georgia's coast near Savannah flooded.", "GEO?" },
  { "georgia-governor", "Georgia's governor signed the bill.", "GEO?" },
  { "georgia-country", "Georgia's government signed the bill in Tbilisi.", "GEO GEO" },
  { "georgian-dream", "Georgian Dream won the election.", "GEO" },
  { "georgian-dream-atlanta", "Georgian Dream won, unlike any party in Atlanta.", "GEO" },
  { "georgian-wine", "Georgian wine is old.", "" },
  { "south-georgia", "South Georgia is an island.", "GEO?" },
  /* Jordan as a first or last name, and as a river */
  { "jordan-state", "Jordan hosted the talks.", "JOR" },
  { "jordan-possessive", "Jordan's foreign minister spoke.", "JOR" },
  { "jordan-first-name", "Jordan Bardella leads the party.", "JOR?" },
  { "jordan-surname", "Congressman Jim Jordan objected.", "JOR?" },
  { "jordan-valley", "Settlers in the Jordan Valley moved.", "JOR?" },
  { "jordan-title", "Jordan Foreign Minister Ayman Safadi arrived.", "JOR" },
  /* lower case turkey and china */
  { "turkey-bird", "We ate turkey on fine china.", "" },
  { "turkey-china-states", "Turkey and China signed.", "TUR CHN" },
  /* Chad as a first name, and the lake */
  { "chad-state", "Chad closed its border.", "TCD" },
  { "chad-first-name", "Chad Smith played drums.", "TCD?" },
  { "lake-chad", "Lake Chad is shrinking.", "TCD?" },
  /* the Guineas, leftmost-longest */
  { "guinea", "Guinea's junta spoke.", "GIN" },
  { "guinea-bissau", "Guinea-Bissau voted.", "GNB" },
  { "equatorial-guinea", "Equatorial Guinea voted.", "GNQ" },
  { "papua-new-guinea", "Papua New Guinea voted.", "PNG" },
  { "new-guinea-island", "The island of New Guinea is large.", "GIN?" },
  /* Niger and Nigeria */
  { "niger", "Niger expelled the envoy.", "NER" },
  { "nigeria", "Nigeria expelled the envoy.", "NGA" },
  { "nigerien-nigerian", "Nigerien and Nigerian troops met.", "NER NGA" },
  { "niger-delta", "Militants in the Niger Delta attacked.", "NER?" },
  /* Dominica and the Dominican Republic */
  { "dominica", "Dominica voted yes.", "DMA" },
  { "dominican-republic", "The Dominican Republic voted no.", "DOM" },
  { "dominican-alone", "Dominican officials declined.", "" },
  /* the two Congos */
  { "drc", "The DRC and the Democratic Republic of the Congo.", "COD COD" },
  { "dr-congo", "DR Congo and Congo-Kinshasa.", "COD COD" },
  { "republic-of-congo", "The Republic of the Congo and Congo-Brazzaville.", "COG COG" },
  { "congo-alone", "Congo accused Rwanda.", "COD? RWA" },
  { "congolese-alone", "Congolese troops advanced.", "" },
  /* the two Koreas */
  { "korea-alone", "Korea exports chips.", "KOR?" },
  { "koreas", "North Korea and South Korea talked.", "PRK KOR" },
  { "korean-alone", "Korean officials denied it.", "" },
  /* Washington as a person */
  { "washington-person", "Actor Denzel Washington smiled.", "USA?" },
  { "washington-capital", "Officials in Washington said no.", "USA" },
  /* a city that is only a venue */
  { "venue-geneva", "The talks were held in Geneva and Sochi.", "" },
  { "venue-munich", "They met in Munich, Istanbul and Granada.", "" },
  { "venue-capital", "Armenia and Azerbaijan met in Prague.", "ARM AZE CZE" },
};

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *got = describe (c->text);

  g_assert_cmpstr (got, ==, c->expected);
}

/* The issue asks for 40 states and 15 organizations at least. */
static void
test_table_size (void)
{
  g_autoptr (GHashTable) states = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) organizations = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < G_N_ELEMENTS (named_cases); i++)
    {
      g_auto (GStrv) codes = g_strsplit (named_cases[i].expected, " ", -1);

      for (guint k = 0; codes[k]; k++)
        {
          int index = dm_gazetteer_lookup_code (gazetteer, codes[k]);
          const DmActorInfo *info;

          g_assert_cmpint (index, >=, 0);
          info = dm_gazetteer_get_actor (gazetteer, (guint) index);
          if (info->kind == DM_ACTOR_STATE)
            g_hash_table_add (states, info->code);
          else if (info->kind == DM_ACTOR_ORGANIZATION)
            g_hash_table_add (organizations, info->code);
        }
    }
  g_assert_cmpuint (g_hash_table_size (states), >=, 40);
  g_assert_cmpuint (g_hash_table_size (organizations), >=, 15);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  gazetteer = dm_gazetteer_new_default (&error);
  g_assert_no_error (error);
  matcher = dm_matcher_new (gazetteer);

  for (guint i = 0; i < G_N_ELEMENTS (named_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/world/named/%s", named_cases[i].name);

      g_test_add_data_func (path, &named_cases[i], test_case);
    }
  for (guint i = 0; i < G_N_ELEMENTS (ambiguous_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/world/ambiguous/%s", ambiguous_cases[i].name);

      g_test_add_data_func (path, &ambiguous_cases[i], test_case);
    }
  g_test_add_func ("/world/table-size", test_table_size);

  status = g_test_run ();
  dm_matcher_free (matcher);
  g_object_unref (gazetteer);
  return status;
}
