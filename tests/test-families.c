/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-families.c: the extractor on families of constructions, one family
 * per group of cases (/families/<family>/<case>), on sentences written for
 * these tests in the manner of wire copy.  Each family has sentences of
 * several shapes that must give their links, then near misses (names
 * starting "no-" or "only-") that must give nothing, or only the link stated.
 *
 * The notation is test-extractor.c's: every link the text gives, sorted,
 * "A>B kind" for a directed link, "A-B kind" for an undirected one with the
 * codes in order, "" for none.  The conventions are those of the README's
 * link kinds and of the development corpus' guideline: co-mention,
 * membership, venues, regions disputed, sanctions and accession steps make
 * no link; a reciprocal statement of a directed kind gives one link each
 * way; a mediator mediates towards each party named, and the parties
 * negotiate only where their talks or their agreement are stated.  Where a
 * call is doubtful, a comment says why it was made. */
#include "config.h"

#include <glib.h>

#include "dm-core.h"

static DmGazetteer *gazetteer;
static DmLexicon *lexicon;

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

/* Analyses one text as a document of its own and lists its links in the
 * cases' notation. */
static char *
describe_links (const char *text)
{
  g_autoptr (GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (DmAnalysis) analysis = NULL;
  g_autoptr (GError) error = NULL;

  g_ptr_array_add (documents, dm_document_new ("t", NULL, NULL, NULL, NULL, text, FALSE));
  analysis = dm_analysis_new (gazetteer, lexicon, documents, NULL, &error);
  g_assert_no_error (error);
  if (analysis == NULL)
    return g_strdup ("(no analysis)");

  for (guint i = 0; i < dm_analysis_get_n_links (analysis); i++)
    {
      const DmLink *link = dm_analysis_get_link (analysis, i);
      const char *source = dm_gazetteer_get_actor (gazetteer, link->source)->code;
      const char *target = dm_gazetteer_get_actor (gazetteer, link->target)->code;

      if (!link->directed && g_strcmp0 (source, target) > 0)
        {
          const char *swap = source;

          source = target;
          target = swap;
        }
      g_ptr_array_add (lines, g_strdup_printf ("%s%c%s %s", source, link->directed ? '>' : '-',
                                               target, dm_link_kind_to_string (link->kind)));
    }
  g_ptr_array_sort (lines, compare_strings);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv (", ", (char **) lines->pdata);
}

typedef struct {
  const char *family;
  const char *name;
  const char *text;
  const char *expected;
} Case;

#define EN_DASH "\xe2\x80\x93"
#define RIGHT_QUOTE "\xe2\x80\x99"

static const Case cases[] = {
  /* 1. Mediation and hosting: the mediator mediates towards each party; the
   * parties negotiate where their talks or their agreement are stated. */
  { "mediation", "brokered-truce",
    "The Moscow-brokered truce between Armenia and Azerbaijan largely held overnight, the Russian defence ministry said.",
    "ARM-AZE negotiate, RUS>ARM mediate, RUS>AZE mediate" },
  { "mediation", "talks-mediated-by",
    "Peace talks between Baku and Yerevan, mediated by the European Union, resumed in Brussels on Tuesday.",
    "ARM-AZE negotiate, EU>ARM mediate, EU>AZE mediate" },
  { "mediation", "offered-to-mediate",
    "Turkish President Recep Tayyip Erdogan offered on Friday to mediate between Russia and Ukraine.",
    "TUR>RUS mediate, TUR>UKR mediate" },
  { "mediation", "ready-to-arbitrate",
    "Iran said it was ready to arbitrate between its two northern neighbours, Armenia and Azerbaijan.",
    "IRN>ARM mediate, IRN>AZE mediate" },
  { "mediation", "with-possessive-mediation",
    "With the European Union's mediation, Armenia and Azerbaijan agreed to a ceasefire along their border.",
    "ARM-AZE negotiate, EU>ARM mediate, EU>AZE mediate" },
  { "mediation", "hosted-ministers-for-talks",
    "Washington hosted the foreign ministers of Armenia and Azerbaijan for a new round of peace talks.",
    "ARM-AZE negotiate, USA>ARM mediate, USA>AZE mediate" },
  /* hosting the two parties' ministers is mediation even when no talks are
   * stated; nothing is said of what the two did with each other */
  { "mediation", "hosted-ministers",
    "Lavrov hosted the foreign ministers of Armenia and Azerbaijan in Moscow on Friday.",
    "RUS>ARM mediate, RUS>AZE mediate" },
  /* the summit is where the signing took place: the signing is the parties'
   * stated act (negotiate), not a consultation of its own */
  { "mediation", "signed-at-hosted-summit",
    "Aliyev and Pashinyan signed a joint declaration at a summit hosted by Vladimir Putin in Sochi.",
    "ARM-AZE negotiate, RUS>ARM mediate, RUS>AZE mediate" },
  { "mediation", "signed-with-third-party",
    "Armenia and Azerbaijan signed the roadmap with the United States at the White House on Friday.",
    "ARM-AZE negotiate, USA>ARM mediate, USA>AZE mediate" },
  { "mediation", "has-mediated-since",
    "The OSCE Minsk Group has mediated between Armenia and Azerbaijan since 1992.",
    "OSCE>ARM mediate, OSCE>AZE mediate" },
  { "mediation", "only-venue-is-no-mediator",
    "Talks between the foreign ministers of Armenia and Azerbaijan in Moscow ended without a breakthrough.",
    "ARM-AZE consult" },
  { "mediation", "only-signed-in-capital",
    "Armenia and Azerbaijan signed the document in Washington.",
    "ARM-AZE negotiate" },
  /* the structure of the Minsk Group is not a link, and a settlement sought
   * names no parties */
  { "mediation", "no-co-chairs",
    "The OSCE Minsk Group, co-chaired by France, Russia and the United States, was set up in 1992 to seek a settlement of the Karabakh conflict.",
    "" },
  /* an offer to mediate is a mediation (the brief's "X offered to mediate
   * between A and B"); the parties' own talks, only offered, are not held */
  { "mediation", "host-offer",
    "Kazakhstan offered to host talks between Armenia and Azerbaijan.",
    "KAZ>ARM mediate, KAZ>AZE mediate" },
  /* the parties' own talks are not stated */
  { "mediation", "relative-clause-mediator",
    "Qatar, which has mediated between Russia and Ukraine over the return of children, said a new round was possible.",
    "QAT>RUS mediate, QAT>UKR mediate" },

  /* 2. Control verbs and their complements: the one pressed is the patient;
   * what the patient is pressed to do has not happened and makes no link. */
  { "control", "pressed-to",
    "Blinken pressed Aliyev on Tuesday to reopen the Lachin corridor to civilian traffic.",
    "USA>AZE appeal" },
  { "control", "pushed-to",
    "Brussels has pushed Tbilisi to repeal the foreign agents law before the end of the year.",
    "EU>GEO appeal" },
  /* the normalisation Pashinyan is encouraged to pursue is not yet under way */
  { "control", "encouraged-to",
    "The French president encouraged Armenia's prime minister to pursue the normalisation process with Turkey.",
    "FRA>ARM appeal" },
  { "control", "asked-to",
    "Ankara asked Tbilisi to open the Kartsakhi crossing to trucks.",
    "TUR>GEO appeal" },
  { "control", "called-on-coordinated",
    "The United States and the European Union called on Russia to withdraw its forces from the occupied regions.",
    "EU>RUS appeal, USA>RUS appeal" },
  { "control", "passive-asked-by",
    "Georgia was asked by Brussels to hold new parliamentary elections.",
    "EU>GEO appeal" },
  /* membership of the CSTO is structure, not a link */
  { "control", "possessive-call-for",
    "Moscow's call for Yerevan to stay in the CSTO went unanswered.",
    "RUS>ARM appeal" },
  { "control", "urged-both",
    "Putin urged both Aliyev and Pashinyan to show restraint.",
    "RUS>ARM appeal, RUS>AZE appeal" },
  /* the soldiers' release is asked for, not done */
  { "control", "pressed-him-in-call",
    "In a phone call with Aliyev, Blinken pressed him to free the detained Armenian soldiers.",
    "AZE-USA consult, USA>AZE appeal" },
  { "control", "no-call-on-voters",
    "Pashinyan called on voters to back the constitutional changes in a referendum.",
    "" },
  { "control", "no-indirect-question",
    "Georgian officials asked whether Russia would attend the next round in Geneva.",
    "" },
  { "control", "only-call-is-contact",
    "The call between Lavrov and Bayramov lasted more than an hour.",
    "AZE-RUS consult" },
  { "control", "no-pressed-ahead",
    "Azerbaijan pressed ahead with work on the road, Armenia's foreign ministry said.",
    "" },

  /* 3. Passives and participles: the agent after "by", or the one whose
   * support a participle or relative clause states. */
  /* a session of the Security Council is asked of the UN */
  { "passive", "requested-by",
    "The emergency session of the UN Security Council, requested by France, will open on Thursday.",
    "FRA>UN appeal" },
  { "passive", "backed-by",
    "Armenia, backed by France, demanded an international inquiry into the offensive.",
    "FRA>ARM cooperate" },
  /* backing a plan for Armenia is support for Armenia */
  { "passive", "compound-backed-plan",
    "An EU-backed plan for Armenia to diversify its energy supplies was unveiled in Yerevan.",
    "EU>ARM cooperate" },
  { "passive", "condemned-by",
    "Russia's strikes on Ukraine's power grid, condemned by Paris and Berlin, continued overnight.",
    "DEU>RUS accuse, FRA>RUS accuse, RUS-UKR fight" },
  /* condemning Georgia's law is condemning Georgia, as "condemned Iran's
   * naval drills" in test-extractor.c; "Russian-style" names no actor */
  { "passive", "condemned-by-coordinated",
    "Georgia's foreign agents law, condemned by Brussels and Washington as a Russian-style measure, took effect on Monday.",
    "EU>GEO accuse, USA>GEO accuse" },
  { "passive", "which-is-supported-by",
    "Armenia, which is supported by France, has long sought an international inquiry.",
    "FRA>ARM cooperate" },
  { "passive", "criticised-by",
    "Pashinyan has been criticised by Moscow for his overtures to the West.",
    "RUS>ARM accuse" },
  { "passive", "brokered-by",
    "A ceasefire brokered by Moscow ended six weeks of fighting between Armenia and Azerbaijan in November 2020.",
    "ARM-AZE fight, ARM-AZE negotiate, RUS>ARM mediate, RUS>AZE mediate" },
  { "passive", "fronted-participle",
    "Supported by Turkey, Azerbaijan launched the offensive in September.",
    "TUR>AZE cooperate" },
  { "passive", "who-were-backed-by",
    "Karabakh's leaders, who were backed by Yerevan for three decades, dissolved their republic.",
    "ARM>NKR cooperate" },
  { "passive", "no-which-is-a-member",
    "Armenia, which is a member of the CSTO and the Eurasian Economic Union, held local elections on Sunday.",
    "" },
  { "passive", "no-which-borders",
    "Georgia, which borders Russia and Turkey, held local elections on Saturday.",
    "" },
  /* France is where the diaspora lives, not its agent */
  { "passive", "no-backed-by-place",
    "Armenia, backed by a large diaspora in France, has lobbied for the resolution.",
    "" },
  /* an envoy posted at the UN is structure; reading a statement there is no
   * act towards the UN */
  { "passive", "no-read-out-by",
    "The statement, read out by the Russian ambassador at the UN, named no countries.",
    "" },

  /* 4. Nominalizations: the possessor or the "by" agent acts, the noun's
   * complement is the patient. */
  { "nominal", "demand-that",
    "Azerbaijan's demand that Armenia change its constitution remains the main obstacle to a deal.",
    "AZE>ARM appeal" },
  /* what Moscow insists Kyiv recognize is not a recognition */
  { "nominal", "insistence-that",
    "Moscow's insistence that Kyiv recognize the loss of four regions has left little room for compromise.",
    "RUS>UKR appeal" },
  /* cutting a neighbour's gas is a hostile measure short of force: like a
   * closed border (tension in the corpus), not a legal regime like
   * sanctions (other, no link); tension is undirected.  "Supply" here is
   * what is cut, not aid. */
  { "nominal", "decision-to-cut-gas",
    "Russia's decision to cut Georgia's gas supply in the winter of 2006 still shapes politics in Tbilisi.",
    "GEO-RUS tension" },
  /* the development corpus codes no link for a release or a handover of
   * prisoners (its file 10's notes, following file 03): a gesture, not one
   * of the kinds */
  { "nominal", "release-of-soldiers",
    "Azerbaijan" RIGHT_QUOTE "s release of 15 Armenian soldiers on Wednesday was seen as a goodwill gesture.",
    "" },
  { "nominal", "criticism-of-by",
    "The criticism of Georgia by the European Parliament was the sharpest in years.",
    "EU>GEO accuse" },
  /* the war names no parties: no fight */
  { "nominal", "support-for",
    "Turkey's support for Azerbaijan was decisive in the 2020 war.",
    "TUR>AZE cooperate" },
  { "nominal", "military-support-for",
    "Iran's military support for Russia has deepened since 2022.",
    "IRN>RUS aid" },
  /* the arming warned against is not stated to happen */
  { "nominal", "warning-to",
    "Washington's warning to Tehran against arming Moscow went unheeded.",
    "USA>IRN warn" },
  { "nominal", "condemnation-of",
    "France's condemnation of the Azerbaijani offensive came within hours.",
    "FRA>AZE accuse" },
  { "nominal", "request-to-for",
    "Armenia's request to the European Union for more monitors was approved in January.",
    "ARM>EU appeal" },
  /* accession steps are "other" in the corpus: no link */
  { "nominal", "no-bid-to-join",
    "Georgia's bid to join the European Union has stalled.",
    "" },
  { "nominal", "no-grant-candidate-status",
    "The EU's decision to grant Georgia candidate status was taken in December.",
    "" },
  { "nominal", "no-demand-voiced-in",
    "Azerbaijan's demand for an apology, first voiced in Brussels, went unanswered.",
    "" },
  { "nominal", "no-criticism-in-capitals",
    "Criticism of the deal grew in both Yerevan and Baku.",
    "" },
  { "nominal", "no-support-for-route",
    "Turkey's support for the Middle Corridor, which runs through Georgia and Azerbaijan, is growing.",
    "" },

  /* 5. Relations as the subject: tension is undirected; cooperation is
   * directed, so a statement about both gives one link each way. */
  { "relations", "between-soured",
    "Relations between Armenia and Russia have soured since the 2023 offensive.",
    "ARM-RUS tension" },
  { "relations", "between-on-edge",
    "Relations between Baku and Moscow have been on edge since the crash of an Azerbaijani airliner in December.",
    "AZE-RUS tension" },
  { "relations", "between-improved",
    "Relations between Armenia and Turkey have improved markedly over the past year.",
    "ARM>TUR cooperate, TUR>ARM cooperate" },
  { "relations", "ties-between-grown",
    "Ties between Azerbaijan and Turkey have grown stronger since the 2020 war.",
    "AZE>TUR cooperate, TUR>AZE cooperate" },
  /* ties that deteriorate are tension, not cooperation */
  { "relations", "ties-between-deteriorated",
    "Ties between Georgia and the European Union have deteriorated sharply this year.",
    "EU-GEO tension" },
  { "relations", "en-dash-pair",
    "Armenia" EN_DASH "Azerbaijan relations remain tense, diplomats say.",
    "ARM-AZE tension" },
  { "relations", "hyphen-pair",
    "US-Iran relations are at their lowest point in decades.",
    "IRN-USA tension" },
  { "relations", "demonym-pair-thawed",
    "Turkish-Armenian relations have thawed since the two countries appointed special envoys.",
    "ARM>TUR cooperate, TUR>ARM cooperate" },
  { "relations", "rift-between",
    "The rift between Yerevan and Moscow deepened this year, officials on both sides say.",
    "ARM-RUS tension" },
  { "relations", "restored-relations",
    "Armenia and Turkey restored diplomatic relations on Monday after three decades.",
    "ARM>TUR cooperate, TUR>ARM cooperate" },
  { "relations", "possessive-with-cooled",
    "Georgia's relations with Ukraine have cooled since 2022.",
    "GEO-UKR tension" },
  { "relations", "no-relations-on-agenda",
    "Relations between Armenia and Azerbaijan were on the agenda of the meeting in Brussels.",
    "" },
  { "relations", "no-relations-as-topic",
    "The book traces relations between Russia and Iran since the nineteenth century.",
    "" },
  { "relations", "no-asked-whether",
    "Analysts asked whether ties between Ankara and Yerevan would improve after the vote.",
    "" },
  /* a negated restoration states no act */
  { "relations", "no-not-restored",
    "Georgia and Russia have not restored diplomatic relations since 2008.",
    "" },

  /* 6. Diplomatic acts and speech.  "X told A" is a report of speech, not
   * necessarily a contact (a letter, a message): it gives the kind of what
   * was said, and consult only where a call or meeting is stated. */
  /* a summons is a protest to the envoy's state: accuse, as the brief of
   * these families decides (test-extractor.c's summoned-ambassador still
   * expects tension: the two must be reconciled) */
  { "speech", "summoned-ambassador",
    "Azerbaijan summoned Iran's ambassador on Monday over comments by an Iranian cleric.",
    "AZE>IRN accuse" },
  { "speech", "summoned-and-warned",
    "Tehran summoned the Azerbaijani ambassador and warned Baku against hosting Israeli forces.",
    "IRN>AZE warn" },
  { "speech", "told-in-call-must",
    "Lavrov told Mirzoyan in a phone call that Armenia must honour its commitments to the CSTO.",
    "ARM-RUS consult, RUS>ARM appeal" },
  { "speech", "told-that-stand-by",
    "Erdogan told Aliyev that Turkey would always stand by Azerbaijan.",
    "TUR>AZE cooperate" },
  { "speech", "advice-to-is-to",
    "Our advice to Baku and Yerevan is to respect each other's borders, the Iranian foreign minister said.",
    "IRN>ARM appeal, IRN>AZE appeal" },
  /* the force Azerbaijan must not use is not a fight */
  { "speech", "said-must-not",
    "Macron said on Sunday that Azerbaijan must not use force against Armenia.",
    "FRA>AZE appeal" },
  /* a stated readiness to supply names giver and receiver as a pledge does,
   * and "pledged ... in aid" is aid in test-extractor.c */
  { "speech", "willing-to-supply",
    "Paris was willing to supply Armenia with more air-defence systems, the French defence minister said.",
    "FRA>ARM aid" },
  /* the threat is the link; sanctions themselves would be "other" */
  { "speech", "threatened-with-sanctions",
    "The European Union threatened Georgia with sanctions over the crackdown on protesters.",
    "EU>GEO warn" },
  { "speech", "protest-note",
    "Armenia's foreign ministry handed a protest note to the Azerbaijani ambassador.",
    "ARM>AZE accuse" },
  { "speech", "told-reporters-should",
    "Lavrov told reporters that Armenia and Azerbaijan should return to the negotiating table.",
    "RUS>ARM appeal, RUS>AZE appeal" },
  { "speech", "no-sanctions-imposed",
    "The United States imposed new sanctions on Iran on Tuesday.",
    "" },
  { "speech", "no-plans-to-visit",
    "Peskov told reporters that Putin had no plans to visit Baku.",
    "" },
  { "speech", "no-ambassador-to",
    "Azerbaijan's ambassador to Russia said the talks had gone well.",
    "" },
  { "speech", "no-one-actor-must",
    "Pashinyan said Armenia must rely on its own army.",
    "" },

  /* 7. People by role and short references: a counterpart of a demonym, a
   * side, a state's minister, "its" envoy; "the two leaders", "both
   * countries" for the pair the previous sentence of the paragraph names. */
  { "reference", "counterpart-demonym",
    "Bayramov held talks with his Armenian counterpart in Almaty on Thursday.",
    "ARM-AZE consult" },
  { "reference", "counterpart-by-phone",
    "Lavrov spoke by phone with his Iranian counterpart on Saturday.",
    "IRN-RUS consult" },
  /* Washington is the venue */
  { "reference", "counterpart-apposition",
    "Mirzoyan and his Azerbaijani counterpart, Jeyhun Bayramov, met in Washington on Monday.",
    "ARM-AZE consult" },
  /* a ceasefire violated is not a ceasefire agreed */
  { "reference", "the-armenian-side",
    "Baku accused the Armenian side of violating the ceasefire overnight.",
    "AZE>ARM accuse" },
  { "reference", "state-minister",
    "Georgia's foreign minister held talks with Hakan Fidan in Ankara.",
    "GEO-TUR consult" },
  { "reference", "its-ambassador",
    "Iran said its ambassador had met Georgian Prime Minister Irakli Kobakhidze in Tbilisi.",
    "GEO-IRN consult" },
  { "reference", "the-two-leaders",
    "Aliyev and Pashinyan met in Prague on Thursday. The two leaders agreed to press ahead with border delimitation.",
    "ARM-AZE consult, ARM-AZE negotiate" },
  /* the railway through Armenia is a topic */
  { "reference", "the-two-ministers",
    "Lavrov received Bayramov in Moscow on Monday. The two ministers discussed a railway through Armenia.",
    "AZE-RUS consult" },
  /* appointing envoys states no interaction; the agreement does */
  { "reference", "both-countries",
    "Turkey and Armenia appointed special envoys in 2021. Both countries agreed last year to open their land border to third-country nationals.",
    "ARM-TUR negotiate" },
  { "reference", "the-two-nations",
    "Georgia and Azerbaijan share a long border. The two nations pledged on Friday to expand their energy cooperation.",
    "AZE>GEO cooperate, GEO>AZE cooperate" },
  { "reference", "only-new-paragraph-breaks",
    "Aliyev and Pashinyan met in Prague on Thursday.\n\nThe two leaders agreed to press ahead with border delimitation.",
    "ARM-AZE consult" },
  /* three states before "the two countries": no pair to stand for, and
   * Karabakh is what the war was over */
  { "reference", "no-three-before",
    "Armenia, Azerbaijan and Georgia declared independence in 1991. The two countries later went to war over Karabakh.",
    "" },
  { "reference", "no-one-before",
    "Aliyev gave a long interview to state television on Sunday. The two leaders spoke by phone later that day.",
    "" },
  /* a Kazakh counterpart is no actor's */
  { "reference", "no-uncoded-counterpart",
    "Lavrov met his Kazakh counterpart in Moscow.",
    "" },

  /* 8. Cooperation phrases.  Acting together ("in conjunction with", "in
   * coordination with", a partnership, joint exercises) is stated of both,
   * so it gives one link each way, as joint drills do in the corpus;
   * siding with and drawing closer are one side's acts. */
  { "cooperation", "in-conjunction-with",
    "Turkey will build the railway to Nakhchivan in conjunction with Azerbaijan.",
    "AZE>TUR cooperate, TUR>AZE cooperate" },
  { "cooperation", "in-coordination-with",
    "Georgia's coast guard patrolled the Black Sea in coordination with NATO ships.",
    "GEO>NATO cooperate, NATO>GEO cooperate" },
  { "cooperation", "exclusive-partnership-with",
    "Armenia has entered an exclusive partnership with France to modernise its air defences.",
    "ARM>FRA cooperate, FRA>ARM cooperate" },
  /* the peace process names no parties here */
  { "cooperation", "sides-with",
    "Ankara sides with Baku on every question of the peace process.",
    "TUR>AZE cooperate" },
  { "cooperation", "drawing-closer-to",
    "Yerevan has been drawing closer to Brussels since the 2023 offensive.",
    "ARM>EU cooperate" },
  /* each side of the exchange supplies the other */
  { "cooperation", "in-exchange-for",
    "Iran has supplied Russia with attack drones in exchange for military technology from Moscow.",
    "IRN>RUS aid, RUS>IRN aid" },
  { "cooperation", "joint-exercises-demonyms",
    "Azerbaijani and Turkish troops began joint exercises near Baku on Monday.",
    "AZE>TUR cooperate, TUR>AZE cooperate" },
  /* Georgia, the subject, is what angers Moscow */
  { "cooperation", "joint-exercises-with",
    "Georgia held joint exercises with US forces, angering Moscow.",
    "GEO-RUS tension, GEO>USA cooperate, USA>GEO cooperate" },
  { "cooperation", "strategic-partnership-with",
    "Georgia's strategic partnership with the United States dates back to 2009.",
    "GEO>USA cooperate, USA>GEO cooperate" },
  /* exercises near a border are not joint, and the sentence says no more */
  { "cooperation", "no-exercises-near-border",
    "Azerbaijan held military exercises near the Armenian border on Tuesday.",
    "" },
  { "cooperation", "no-neither-nor",
    "Georgia has sided with neither Russia nor the West.",
    "" },
  { "cooperation", "no-companies",
    "The partnership between the two companies, one Azerbaijani and one Turkish, ends in 2030.",
    "" },
  /* the West is no actor: only the accusation stands */
  { "cooperation", "only-accused-of-drawing-closer",
    "Moscow accused Yerevan of drawing closer to the West.",
    "RUS>ARM accuse" },

  /* 9. What is not a link: negation, questions and conditionals, membership
   * and structure, a region fought over, a frame that names one side, a
   * venue, co-mention. */
  { "not-a-link", "did-not-meet",
    "Aliyev did not meet Pashinyan on the sidelines of the Granada summit.",
    "" },
  { "not-a-link", "refused-to-mediate",
    "Moscow refused to mediate between Yerevan and Baku.",
    "" },
  { "not-a-link", "has-no-plans-to",
    "Iran has no plans to supply Russia with ballistic missiles, Araghchi said.",
    "" },
  { "not-a-link", "denied-that-supplied",
    "Tehran denied that it had supplied drones to Moscow.",
    "" },
  { "not-a-link", "denied-threat",
    "Pashinyan denied that Armenia had threatened Azerbaijan.",
    "" },
  { "not-a-link", "question",
    "Will Putin meet Aliyev in Dushanbe next month?",
    "" },
  { "not-a-link", "conditional",
    "If Russia attacks Georgia again, the whole region will suffer, analysts say.",
    "" },
  /* a meeting that could happen has not: a possibility is no event */
  { "not-a-link", "modal-could",
    "Pashinyan could meet Erdogan on the sidelines of the summit in Tirana.",
    "" },
  { "not-a-link", "member-of",
    "Armenia is a founding member of the CSTO.",
    "" },
  { "not-a-link", "russian-led",
    "The Russian-led CSTO held its annual summit in Minsk on Thursday.",
    "" },
  { "not-a-link", "only-region-fought-over",
    "Armenia and Azerbaijan fought two wars for control of Nagorno-Karabakh.",
    "ARM-AZE fight" },
  { "not-a-link", "frame-names-one-side",
    "Russia's economy has held up during the war in Ukraine, the IMF said.",
    "" },
  { "not-a-link", "only-venue-brussels",
    "Aliyev and Pashinyan met in Brussels on Sunday.",
    "ARM-AZE consult" },
  { "not-a-link", "only-venue-moscow",
    "The deputy prime ministers of Armenia and Azerbaijan held talks in Moscow.",
    "ARM-AZE consult" },
  { "not-a-link", "co-mention-neighbours",
    "Turkey and Iran are both neighbours of Armenia.",
    "" },
  /* buying arms from a state is its aid; the second clause's "them" names
   * no arms, so India's sale is not read */
  { "not-a-link", "only-named-arms-supplier",
    "Azerbaijan buys most of its arms from Israel, while Armenia now buys them from India.",
    "ISR>AZE aid" },
};

/* Constructions the extractor does not read yet.  Each is run all the
 * same: while it gives something else it is skipped with its reason and
 * what it gave; once it gives what it should, it fails until it is taken
 * off this list, so that a closed gap is seen. */
static const struct {
  const char *path;
  const char *reason;
} known_gaps[] = {
  { "mediation/ready-to-arbitrate", "a verb's object set off by an apposition's comma (\"between its neighbours, A and B\")" },
  { "mediation/hosted-ministers-for-talks", "the guests of hosted talks are not yet said to negotiate" },
  { "mediation/hosted-ministers", "hosting two ministers reads as cooperation; the corpus reads a hosted ministerial as consult (file 19)" },
  { "mediation/signed-at-hosted-summit", "a summit and a joint signing also give consult and cooperation between the signers" },
  { "mediation/only-venue-is-no-mediator", "\"talks between the foreign ministers of A and B\": the pair after \"of\" is not joined to \"between\"" },
  { "control/pressed-him-in-call", "\"him\" after a verb of pressing is not resolved to the person of the call" },
  { "passive/requested-by", "the patient of a participle is the noun before it (\"the session of the UN, requested by France\")" },
  { "passive/compound-backed-plan", "\"an EU-backed plan for Armenia\": an -backed compound has no patient yet" },
  { "passive/fronted-participle", "a sentence-initial participle (\"Supported by Turkey, Azerbaijan\")" },
  { "passive/who-were-backed-by", "a passive relative clause's antecedent (\"X, who were backed by Y\")" },
  { "nominal/decision-to-cut-gas", "a decision's infinitive complement (\"decision to cut A's gas\") has no kind" },
  { "relations/demonym-pair-thawed", "a coordinated demonym pair before \"relations\" (\"Armenian-Turkish relations\")" },
  { "speech/summoned-and-warned", "a second verb of a coordinated predicate takes the first one's object" },
  { "speech/told-in-call-must", "\"X told A that A must\": a modal in reported speech is not an appeal yet" },
  { "speech/told-that-stand-by", "\"told\" is read as a contact although a message is not a meeting" },
  { "speech/advice-to-is-to", "\"X's advice to A and B is to\": a possessed appeal noun with a \"to\" patient" },
  { "speech/said-must-not", "\"X said A must not\": a modal in reported speech is not an appeal yet" },
  { "speech/told-reporters-should", "\"X told reporters A and B should\": a modal in reported speech is not an appeal yet" },
  { "cooperation/in-conjunction-with", "\"in conjunction with X\" without a cue of its own states no cooperation yet" },
  { "cooperation/in-coordination-with", "\"in coordination with X\" without a cue of its own states no cooperation yet" },
  { "cooperation/exclusive-partnership-with", "a partnership \"with X\" is read one way, from its subject (the sample's \"its traditional partnership with Russia\" must not go both ways)" },
  { "cooperation/strategic-partnership-with", "a partnership \"with X\" is read one way, from its subject" },
  { "cooperation/in-exchange-for", "an exchange's second direction (\"A gave B X in exchange for Y\")" },
};

static const char *
find_known_gap (const Case *c)
{
  g_autofree char *path = g_strdup_printf ("%s/%s", c->family, c->name);

  for (guint i = 0; i < G_N_ELEMENTS (known_gaps); i++)
    if (g_str_equal (known_gaps[i].path, path))
      return known_gaps[i].reason;
  return NULL;
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *got = describe_links (c->text);
  const char *gap = find_known_gap (c);

  if (gap && g_strcmp0 (got, c->expected) != 0)
    {
      g_autofree char *message = g_strdup_printf ("known gap: %s (gives \"%s\", should give \"%s\")",
                                                  gap, got, c->expected);
      g_test_skip (message);
      return;
    }
  if (gap)
    g_test_fail_printf ("the known gap %s/%s is closed: take it off known_gaps", c->family, c->name);
  g_assert_cmpstr (got, ==, c->expected);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  gazetteer = dm_gazetteer_new_default (&error);
  g_assert_no_error (error);
  lexicon = dm_lexicon_new_default (&error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/families/%s/%s", cases[i].family, cases[i].name);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  status = g_test_run ();
  g_object_unref (lexicon);
  g_object_unref (gazetteer);
  return status;
}
