/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-extractor-private.h: what the extractor's files share: the state of
 * the sentence at hand and the role finder's helpers.  Not installed, not
 * for the rest of core. */
#pragma once

#include "dm-extractor.h"
#include "dm-sentence-units.h"

G_BEGIN_DECLS

typedef struct {
  DmLexicon   *lexicon;
  DmGazetteer *gazetteer;
  const char  *text;
  GArray      *units;
  gboolean     reciprocal;  /* "trading accusations", "each other" */
  gboolean     hosting_talks; /* the cue at hand hosts talks: a mediation */
  int          kind_override; /* a DmLinkKind the cue at hand states instead of its own, or -1 */
  guint        mediate_rule;  /* the rule shown for a mediation no cue word states ("Russian-brokered") */
} Context;

void _dm_absorb_actors (DmUnit *into, const DmUnit *from);
int _dm_actor_after (Context *ctx, guint k, guint window);
int _dm_clause_end (Context *ctx, int i);
int _dm_clause_start (Context *ctx, int i);
int _dm_clause_subject (Context *ctx, int i);
gboolean _dm_group_has_any (const DmUnit *group, const guint *actors, guint n);
gboolean _dm_is_clause_boundary (const DmUnit *u);
gboolean _dm_is_fought_over (Context *ctx, int i);
gboolean _dm_is_gerund (Context *ctx, const DmUnit *cue);
gboolean _dm_is_governed (Context *ctx, int i);
gboolean _dm_is_governed_by (Context *ctx, int i, const char *preposition);
gboolean _dm_is_governed_noun (Context *ctx, int cue);
gboolean _dm_is_ing_word (const DmUnit *u);
gboolean _dm_is_modifier (Context *ctx, int i);
gboolean _dm_is_nominal_gerund (Context *ctx, int cue);
gboolean _dm_is_participle (Context *ctx, const DmUnit *cue);
gboolean _dm_is_party (Context *ctx, int i);
int _dm_last_person_before (Context *ctx, int k);
int _dm_only_other_actor (Context *ctx, int patient);
gboolean _dm_unit_is_one_of (const DmUnit *u, const char *const *words);
gboolean _dm_clause_has_talks (Context *ctx, int cue);
void _dm_extract_from_to (Context *ctx, int cue, GArray *out);
void _dm_extract_mediation (Context *ctx, GArray *out);
void _dm_extract_offense (Context *ctx, int cue, GArray *out);
void _dm_extract_relation (Context *ctx, int cue, GArray *out);
gboolean _dm_follows_meeting_noun (Context *ctx, int k);
void _dm_emit (Context *ctx, const DmUnit *cue, guint source, guint target, float confidence, GArray *out);
void _dm_emit_within (Context *ctx, const DmUnit *cue, const DmUnit *group, float confidence, GArray *out);
gboolean _dm_answers_act (Context *ctx, int cue, int agent);
int _dm_find_agent (Context *ctx, int cue);
int _dm_find_co_agent (Context *ctx, int cue, int agent, int patient);
int _dm_find_noun_patient (Context *ctx, int cue, gboolean *between, const char **link_word);
int _dm_find_participle_agent (Context *ctx, int cue, int *patient);
int _dm_find_passive_agent (Context *ctx, int cue);
int _dm_find_possessor (Context *ctx, int cue);
int _dm_find_verb_patient (Context *ctx, int cue);
int _dm_partner_of_contact (Context *ctx, int cue);
int _dm_find_intended_addressee (Context *ctx, int cue);
int _dm_find_subject_after_opening (Context *ctx, int cue);
gboolean _dm_is_discussed_topic (Context *ctx, int cue);
gboolean _dm_is_economic_agreement (Context *ctx, int cue);
gboolean _dm_is_hypothetical (Context *ctx, int cue);
gboolean _dm_is_in_appeal_complement (Context *ctx, int cue);
gboolean _dm_is_prediction (Context *ctx, int k);

G_END_DECLS
