/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-extractor-scope.c: whether a cue states an act at all: not under a
 * condition or a modal, not inside what one side asks another to do, not
 * the topic of a talk, not in a question; and whether an agreement is a
 * negotiation or an economic cooperation. */
#include "config.h"

#include <string.h>

#include "dm-extractor-private.h"

/* "if Russia attacks", "whether Baku will sign", "could meet": a cue that
 * a condition or a possibility governs states no act. */
gboolean
_dm_is_hypothetical (Context *ctx, int cue)
{
  int start = _dm_clause_start (ctx, cue);
  const DmUnit *opener = dm_units_get (ctx->units, start - 1);

  if (opener && dm_unit_in (opener, DM_WORD_HYPOTHETICAL))
    return TRUE;
  /* "denied that Armenia had threatened Azerbaijan" */
  if (opener && dm_unit_is_word (opener, "that") && dm_unit_in (dm_units_get (ctx->units, start - 2), DM_WORD_NEGATION))
    return TRUE;
  for (int k = start; k < cue; k++)
    if (dm_unit_in (dm_units_get (ctx->units, k), DM_WORD_HYPOTHETICAL))
      return TRUE;
  return FALSE;
}

/* What one side may ask another to do: meet, agree, help, mediate.  A
 * tension or a fight named in the complement ("urged him to ease
 * tensions", "to stop the shelling") is there already. */
static gboolean
is_act_asked_for (Context *ctx, int cue)
{
  DmLinkKind kind = dm_lexicon_get_rule (ctx->lexicon, dm_units_get (ctx->units, cue)->rule)->kind;

  return kind == DM_LINK_NEGOTIATE || kind == DM_LINK_CONSULT || kind == DM_LINK_COOPERATE
         || kind == DM_LINK_AID || kind == DM_LINK_MEDIATE;
}

/* "called on Armenia and Azerbaijan to reach an agreement", "urged Baku
 * to resume talks", "warned Yerevan against joining": what one side asks
 * or warns another to do has not happened, so a cue inside that
 * complement states nothing. */
gboolean
_dm_is_in_appeal_complement (Context *ctx, int cue)
{
  int start = _dm_clause_start (ctx, cue);
  gboolean complement = FALSE;

  for (int k = cue - 1; k >= start && k >= cue - 20; k--)
    {
      const DmUnit *u = dm_units_get (ctx->units, k);
      if (dm_unit_is_word (u, "to") || dm_unit_is_word (u, "against"))
        complement = TRUE;
      else if (u->type == DM_UNIT_CUE)
        {
          const DmCueRule *rule = dm_lexicon_get_rule (ctx->lexicon, u->rule);
          if (rule->pos == DM_CUE_VERB && (rule->kind == DM_LINK_APPEAL || rule->kind == DM_LINK_WARN))
            return complement && is_act_asked_for (ctx, cue);
        }
    }
  return FALSE;
}


/* "to discuss regional issues and cooperation", "talked about the war":
 * a noun that a verb of talking takes as its object is the topic of the
 * talk, not an act; a settlement discussed is still negotiated. */
gboolean
_dm_is_discussed_topic (Context *ctx, int cue)
{
  const DmCueRule *rule = dm_lexicon_get_rule (ctx->lexicon, dm_units_get (ctx->units, cue)->rule);

  if (rule->pos != DM_CUE_NOUN || rule->kind == DM_LINK_NEGOTIATE)
    return FALSE;
  for (int k = cue - 1; k >= 0 && k >= cue - 6; k--)
    {
      const DmUnit *u = dm_units_get (ctx->units, k);
      if (u->type == DM_UNIT_CUE)
        return dm_lexicon_get_rule (ctx->lexicon, u->rule)->prepositional_object;
      if (u->type != DM_UNIT_WORD || dm_unit_in (u, DM_WORD_CLAUSE_OPENER))
        return FALSE;
      if (dm_unit_in (u, DM_WORD_PREPOSITION) && !dm_unit_is_word (u, "about") && !dm_unit_is_word (u, "on"))
        return FALSE;
    }
  return FALSE;
}

/* An agreement on gas, trade or arms is cooperation; one on peace, a
 * ceasefire or borders is a negotiation between parties to a conflict. */
gboolean
_dm_is_economic_agreement (Context *ctx, int cue)
{
  static const char *economic[] = {
    "gas", "oil", "energy", "trade", "economic", "investment", "investments", "arms", "weapons",
    "supply", "supplies", "contract", "commercial", "business", "transit", "loan", "credit",
    "customs", "pipeline", "electricity", "defence", "defense", "military", "security",
    "cooperation", "co-operation", "partnership", "visa", "aviation", "flights", "grain",
    "export", "exports", "import", "imports", "free-trade", "tourism", "cultural", NULL
  };
  static const char *peace[] = {
    "peace", "ceasefire", "truce", "settlement", "normalization", "normalisation", "border",
    "borders", "delimitation", "demarcation", "prisoners", "hostilities", "conflict", NULL
  };
  int start = MAX (_dm_clause_start (ctx, cue), cue - 3), end = MIN (_dm_clause_end (ctx, cue), cue + 5);
  gboolean found = FALSE;

  for (int k = start; k < end; k++)
    {
      const DmUnit *u = dm_units_get (ctx->units, k);
      if (_dm_unit_is_one_of (u, peace))
        return FALSE;
      if (u->type == DM_UNIT_CUE && k != cue && !dm_lexicon_get_rule (ctx->lexicon, u->rule)->relational)
        {
          DmLinkKind kind = dm_lexicon_get_rule (ctx->lexicon, u->rule)->kind;
          if (kind == DM_LINK_NEGOTIATE && k > cue)
            return FALSE;
          found = found || kind == DM_LINK_COOPERATE || kind == DM_LINK_AID;
        }
      found = found || _dm_unit_is_one_of (u, economic);
    }
  return found;
}


gboolean
_dm_is_prediction (Context *ctx, int k)
{
  static const char *modals[] = { "would", "will", "could", "might", "may", "can", NULL };

  return _dm_unit_is_one_of (dm_units_get (ctx->units, k - 1), modals)
         || _dm_unit_is_one_of (dm_units_get (ctx->units, k - 2), modals);
}

