/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-analysis.c: runs the pipeline over a set of documents (segment, match,
 * extract) and keeps the result: mentions, per-actor summaries, and links
 * aggregated per (source, target, kind) with their evidence. */
#include "config.h"

#include <glib.h>
#include <string.h>
#ifdef G_OS_UNIX
#include <sys/mman.h>   /* madvise(), for advise_huge_pages() */
#endif
#if defined(__linux__) && !defined(MADV_HUGEPAGE)
#error "no MADV_HUGEPAGE on Linux: advise_huge_pages() would silently do nothing"
#endif

#include "dm-analysis.h"
#include "dm-extractor.h"
#include "dm-extractor-ru.h"

/* Bytes from which a document's arrays are reserved at once (a mapping of
 * their own rather than heap pages shared with others). */
#define LARGE_DOCUMENT (256 * 1024)

typedef struct {
  GArray *paragraphs;   /* DmParagraph */
  GArray *sentences;    /* DmSentence */
} DocumentParts;

struct _DmAnalysis {
  GObject      parent_instance;
  DmGazetteer *gazetteer;
  DmLexicon   *lexicon;
  GPtrArray   *documents;   /* DmDocument */
  GArray      *parts;       /* DocumentParts, one per document */
  GArray      *mentions;    /* DmMention */
  GArray      *actors;      /* DmActorSummary */
  GArray      *links;       /* DmLink */
  GArray      *evidence;    /* DmEvidence of every link, grouped by link */
  GHashTable  *actor_index; /* gazetteer index + 1 → summary index + 1 */
};

G_DEFINE_FINAL_TYPE (DmAnalysis, dm_analysis, G_TYPE_OBJECT)

static void
parts_clear (gpointer data)
{
  DocumentParts *parts = data;
  g_clear_pointer (&parts->paragraphs, g_array_unref);
  g_clear_pointer (&parts->sentences, g_array_unref);
}

static void
summary_clear (gpointer data)
{
  DmActorSummary *summary = data;
  g_clear_pointer (&summary->mentions, g_array_unref);
}

static void
dm_analysis_finalize (GObject *object)
{
  DmAnalysis *self = DM_ANALYSIS (object);

  g_clear_object (&self->gazetteer);
  g_clear_object (&self->lexicon);
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_pointer (&self->parts, g_array_unref);
  g_clear_pointer (&self->mentions, g_array_unref);
  g_clear_pointer (&self->actors, g_array_unref);
  g_clear_pointer (&self->links, g_array_unref);
  g_clear_pointer (&self->evidence, g_array_unref);
  g_clear_pointer (&self->actor_index, g_hash_table_unref);
  G_OBJECT_CLASS (dm_analysis_parent_class)->finalize (object);
}

static void
dm_analysis_class_init (DmAnalysisClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dm_analysis_finalize;
}

static void
dm_analysis_init (DmAnalysis *self)
{
  self->parts = g_array_new (FALSE, TRUE, sizeof (DocumentParts));
  g_array_set_clear_func (self->parts, parts_clear);
  self->mentions = g_array_new (FALSE, FALSE, sizeof (DmMention));
  self->actors = g_array_new (FALSE, TRUE, sizeof (DmActorSummary));
  g_array_set_clear_func (self->actors, summary_clear);
  self->links = g_array_new (FALSE, TRUE, sizeof (DmLink));
  self->evidence = g_array_new (FALSE, FALSE, sizeof (DmEvidence));
  self->actor_index = g_hash_table_new (NULL, NULL);
}

typedef struct {
  guint      source, target;
  DmLinkKind kind;
} LinkKey;

static guint
link_key_hash (gconstpointer data)
{
  const LinkKey *k = data;
  return (k->source * 7919u) ^ (k->target * 104729u) ^ (k->kind * 31u);
}

static gboolean
link_key_equal (gconstpointer a, gconstpointer b)
{
  return memcmp (a, b, sizeof (LinkKey)) == 0;
}

/* Working arrays of one analysis, emptied for each document rather than
 * allocated afresh: a corpus of large documents would otherwise map and
 * fault in new memory for each. */
typedef struct {
  DmMatcher  *matcher;
  DmExtractor *extractor;
  DmExtractorRu *extractor_ru; /* for the documents in Russian */
  GHashTable *link_of_key;  /* LinkKey → index into links, or: */
  guint      *link_slots;   /* (source × n + target) × kinds + kind → index + 1 */
  guint       n_actors;
  GArray     *matches;      /* DmMatch, of the document */
  GArray     *cue_hits;     /* DmHit, raw hits of the cue forms, of the document */
  GArray     *confident;    /* DmMatch, of the sentence, not ambiguous */
  GArray     *found;        /* DmExtractedLink, of the sentence */
  GArray     *evidence_link; /* guint: the link of each evidence record, in order */
  gboolean   *alias_is_person; /* per gazetteer alias: an office holder, whom "he" may mean */
} Scratch;

/* The index of the link @found adds to, a new one if need be. */
static guint
find_or_add_link (DmAnalysis            *self,
                  Scratch               *scratch,
                  const DmExtractedLink *found)
{
  LinkKey key = { found->source, found->target, found->kind };
  guint *slot = NULL;
  gpointer value;
  DmLink fresh = { 0 };

  if (scratch->link_slots)
    {
      slot = &scratch->link_slots[((gsize) found->source * scratch->n_actors + found->target) * DM_N_LINK_KINDS
                                  + found->kind];
      if (*slot > 0)
        return *slot - 1;
    }
  else if (g_hash_table_lookup_extended (scratch->link_of_key, &key, NULL, &value))
    return GPOINTER_TO_UINT (value);

  fresh.source = found->source;
  fresh.target = found->target;
  fresh.kind = found->kind;
  fresh.directed = found->directed;
  g_array_append_val (self->links, fresh);
  if (slot)
    *slot = self->links->len;
  else
    g_hash_table_insert (scratch->link_of_key, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (self->links->len - 1));
  return self->links->len - 1;
}

/* Evidence goes into one array, in the order it is found, and its link
 * into another; group_evidence() groups it by link at the end.  A
 * thousand arrays growing side by side, one per link, would keep the heap
 * busy copying and searching for room. */
static void
add_evidence (DmAnalysis            *self,
              Scratch               *scratch,
              guint                  doc,
              guint                  sentence_index,
              const DmSentence      *sentence,
              const DmExtractedLink *found)
{
  guint link_index = find_or_add_link (self, scratch, found);
  DmLink *link = &g_array_index (self->links, DmLink, link_index);
  DmEvidence ev;

  ev.doc = doc;
  ev.sentence = sentence_index;
  ev.start = sentence->start;
  ev.end = sentence->end;
  ev.cue_start = found->cue_start;
  ev.cue_end = found->cue_end;
  ev.rule = found->rule;
  ev.confidence = found->confidence;
  g_array_append_val (self->evidence, ev);
  g_array_append_val (scratch->evidence_link, link_index);
  link->weight++;
  link->confidence = MAX (link->confidence, ev.confidence);
}

/* Reorders the evidence in place so that each link's records are
 * together, still in the order found (a stable counting sort: the target
 * of each record is computed first, then the records are swapped along
 * the permutation's cycles, each swap putting one in its place), and
 * points each link at its own. */
static void
group_evidence (DmAnalysis *self,
                Scratch    *scratch)
{
  DmEvidence *records = (DmEvidence *) (void *) self->evidence->data;
  guint *target = (guint *) (void *) scratch->evidence_link->data;
  g_autofree guint *next = g_new0 (guint, self->links->len + 1);

  for (guint l = 0; l < self->links->len; l++)
    next[l + 1] = next[l] + g_array_index (self->links, DmLink, l).weight;

  /* the link of each record becomes its place */
  for (guint i = 0; i < self->evidence->len; i++)
    target[i] = next[target[i]]++;
  for (guint i = 0; i < self->evidence->len; i++)
    while (target[i] != i)
      {
        guint j = target[i];
        DmEvidence record = records[j];

        records[j] = records[i];
        records[i] = record;
        target[i] = target[j];
        target[j] = j;
      }

  /* next[l] is now the end of link l's records */
  for (guint l = 0; l < self->links->len; l++)
    {
      DmLink *link = &g_array_index (self->links, DmLink, l);
      link->evidence = records + (next[l] - link->weight);
    }
}

static void
scratch_init (Scratch *scratch, DmGazetteer *gazetteer, DmLexicon *lexicon)
{
  memset (scratch, 0, sizeof *scratch);
  scratch->matcher = dm_matcher_new_with_cues (gazetteer, lexicon);
  scratch->alias_is_person = g_new (gboolean, MAX (dm_gazetteer_get_n_aliases (gazetteer), 1));
  for (guint a = 0; a < dm_gazetteer_get_n_aliases (gazetteer); a++)
    scratch->alias_is_person[a] = dm_gazetteer_get_alias (gazetteer, a)->group == DM_ALIAS_OFFICE_HOLDER;
  scratch->cue_hits = g_array_new (FALSE, FALSE, sizeof (DmHit));
  scratch->extractor = dm_extractor_new (lexicon, gazetteer);
  scratch->extractor_ru = dm_extractor_ru_new (lexicon, gazetteer);
  /* A table with a slot for every possible link while the gazetteer is
   * not huge (calloc'd: the slots never used are never touched), else a
   * hash table. */
  scratch->n_actors = dm_gazetteer_get_n_actors (gazetteer);
  if (scratch->n_actors <= 1024)
    scratch->link_slots = g_new0 (guint, (gsize) scratch->n_actors * scratch->n_actors * DM_N_LINK_KINDS);
  else
    scratch->link_of_key = g_hash_table_new_full (link_key_hash, link_key_equal, g_free, NULL);
  scratch->matches = g_array_new (FALSE, FALSE, sizeof (DmMatch));
  scratch->confident = g_array_new (FALSE, FALSE, sizeof (DmMatch));
  scratch->found = g_array_new (FALSE, FALSE, sizeof (DmExtractedLink));
  scratch->evidence_link = g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
scratch_clear (Scratch *scratch)
{
  g_clear_pointer (&scratch->matcher, dm_matcher_free);
  g_clear_pointer (&scratch->extractor, dm_extractor_free);
  g_clear_pointer (&scratch->extractor_ru, dm_extractor_ru_free);
  g_clear_pointer (&scratch->link_of_key, g_hash_table_unref);
  g_clear_pointer (&scratch->link_slots, g_free);
  g_clear_pointer (&scratch->alias_is_person, g_free);
  g_clear_pointer (&scratch->matches, g_array_unref);
  g_clear_pointer (&scratch->cue_hits, g_array_unref);
  g_clear_pointer (&scratch->confident, g_array_unref);
  g_clear_pointer (&scratch->found, g_array_unref);
  g_clear_pointer (&scratch->evidence_link, g_array_unref);
}

static void
analyze_document (DmAnalysis *self,
                  Scratch    *scratch,
                  guint       doc)
{
  DmDocument *document = g_ptr_array_index (self->documents, doc);
  const char *text = dm_document_get_text (document);
  gsize length = dm_document_get_length (document);
  DocumentParts parts;
  GArray *matches = scratch->matches;
  GArray *confident = scratch->confident;
  GArray *found = scratch->found;
  guint mi = 0, hi = 0, first_hit, previous_paragraph = G_MAXUINT, previous_person = DM_NO_ACTOR;
  const DmHit *cue_hits;
  const DmMatch *sentence_matches;
  guint first_match, n_sentence_matches, n_ambiguous;
  gboolean russian = g_str_equal (dm_document_get_language (document), "ru");

  /* A large document's sentences get room for one every 32 bytes, more
   * than prose has: the pages that stay unused are never touched, so they
   * cost address space only, while growing by reallocation would copy the
   * array and fault its pages in again at each step.  A small document's
   * array shares its pages with other allocations, so there an unused
   * reserve would be memory used: it starts at about what prose needs. */
  parts.paragraphs = g_array_sized_new (FALSE, FALSE, sizeof (DmParagraph), length / 512 + 4);
  parts.sentences = g_array_sized_new (FALSE, FALSE, sizeof (DmSentence),
                                       length >= LARGE_DOCUMENT ? length / 32 + 1 : length / 80 + 8);
  dm_segment_text (text, length, dm_document_get_title_in_text (document), parts.paragraphs, parts.sentences);
  g_array_append_val (self->parts, parts);

  g_array_set_size (matches, 0);
  g_array_set_size (scratch->cue_hits, 0);
  dm_matcher_find_with_cues (scratch->matcher, text, length, parts.sentences, matches, scratch->cue_hits);

  /* (an empty array may have no memory at all to point into) */
  if (matches->len > 0)
    {
      guint first = self->mentions->len;
      DmMention *mentions;

      g_array_set_size (self->mentions, first + matches->len);
      mentions = &g_array_index (self->mentions, DmMention, first);
      for (guint i = 0; i < matches->len; i++)
        {
          const DmMatch *m = &g_array_index (matches, DmMatch, i);
          mentions[i] = (DmMention) { doc, m->actor, m->sentence, m->start, m->end, m->confidence, m->flags };
        }
    }

  for (guint s = 0; s < parts.sentences->len; s++)
    {
      const DmSentence *sentence = &g_array_index (parts.sentences, DmSentence, s);

      if (sentence->paragraph != previous_paragraph)
        previous_person = DM_NO_ACTOR;
      previous_paragraph = sentence->paragraph;

      /* Ambiguous mentions (Georgia near Atlanta) are listed but never
       * make a link: the sentence's others are copied apart when it has
       * one, else taken as they are. */
      first_match = mi;
      n_ambiguous = 0;
      for (; mi < matches->len && g_array_index (matches, DmMatch, mi).sentence == s; mi++)
        n_ambiguous += (g_array_index (matches, DmMatch, mi).flags & DM_MATCH_AMBIGUOUS) != 0;
      sentence_matches = mi > first_match ? &g_array_index (matches, DmMatch, first_match) : NULL;
      n_sentence_matches = mi - first_match;
      if (n_ambiguous > 0)
        {
          g_array_set_size (confident, 0);
          for (guint k = first_match; k < mi; k++)
            if (!(g_array_index (matches, DmMatch, k).flags & DM_MATCH_AMBIGUOUS))
              g_array_append_val (confident, g_array_index (matches, DmMatch, k));
          sentence_matches = (const DmMatch *) (void *) confident->data;
          n_sentence_matches = confident->len;
        }

      /* The cue hits that end inside the sentence: they come by end. */
      cue_hits = (const DmHit *) (void *) scratch->cue_hits->data;
      while (hi < scratch->cue_hits->len && cue_hits[hi].end <= sentence->start)
        hi++;
      first_hit = hi;
      while (hi < scratch->cue_hits->len && cue_hits[hi].end <= sentence->end)
        hi++;

      g_array_set_size (found, 0);
      /* ── Languages of articles (issue 13): the role finder of the
       * document's language; its units and links are the same. */
      if (russian)
        dm_extract_links_ru (scratch->extractor_ru, text, sentence,
                             sentence_matches, n_sentence_matches,
                             hi > first_hit ? cue_hits + first_hit : NULL, hi - first_hit,
                             previous_person, found);
      else
        dm_extract_links (scratch->extractor, text, sentence,
                          sentence_matches, n_sentence_matches,
                          hi > first_hit ? cue_hits + first_hit : NULL, hi - first_hit,
                          previous_person, found);
      for (guint k = 0; k < found->len; k++)
        add_evidence (self, scratch, doc, s, sentence,
                      &g_array_index (found, DmExtractedLink, k));

      for (guint k = 0; k < n_sentence_matches; k++)
        {
          const DmMatch *m = &sentence_matches[k];
          if (scratch->alias_is_person[m->alias])
            previous_person = m->actor;
        }
    }
}

static int
compare_summaries (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const DmActorSummary *x = a, *y = b;
  DmGazetteer *gazetteer = user_data;

  if (x->n_mentions != y->n_mentions)
    return x->n_mentions > y->n_mentions ? -1 : 1;
  return g_strcmp0 (dm_gazetteer_get_actor (gazetteer, x->actor)->code,
                    dm_gazetteer_get_actor (gazetteer, y->actor)->code);
}

static int
compare_links (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const DmLink *x = a, *y = b;
  DmGazetteer *gazetteer = user_data;
  int order;

  if (x->weight != y->weight)
    return x->weight > y->weight ? -1 : 1;
  order = g_strcmp0 (dm_gazetteer_get_actor (gazetteer, x->source)->code,
                     dm_gazetteer_get_actor (gazetteer, y->source)->code);
  if (order == 0)
    order = g_strcmp0 (dm_gazetteer_get_actor (gazetteer, x->target)->code,
                       dm_gazetteer_get_actor (gazetteer, y->target)->code);
  if (order == 0)
    order = (int) x->kind - (int) y->kind;
  return order;
}

static void
summarize_actors (DmAnalysis *self)
{
  guint n = dm_gazetteer_get_n_actors (self->gazetteer);
  g_autofree int *slot = g_new (int, n);

  g_autofree guint *count = g_new0 (guint, n);

  /* Counted first, so that each actor's index array is allocated once at
   * its size. */
  for (guint i = 0; i < self->mentions->len; i++)
    count[g_array_index (self->mentions, DmMention, i).actor]++;
  g_autofree guint **fill = g_new0 (guint *, n);

  for (guint a = 0; a < n; a++)
    {
      slot[a] = -1;
      if (count[a] > 0)
        {
          DmActorSummary fresh = { a, count[a], 0, g_array_sized_new (FALSE, FALSE, sizeof (guint), count[a]) };
          g_array_set_size (fresh.mentions, count[a]);
          fill[a] = (guint *) (void *) fresh.mentions->data;
          g_array_append_val (self->actors, fresh);
          slot[a] = self->actors->len - 1;
        }
    }
  for (guint i = 0; i < self->mentions->len; i++)
    *fill[g_array_index (self->mentions, DmMention, i).actor]++ = i;
  for (guint i = 0; i < self->links->len; i++)
    {
      const DmLink *link = &g_array_index (self->links, DmLink, i);
      if (slot[link->source] >= 0)
        g_array_index (self->actors, DmActorSummary, slot[link->source]).n_links++;
      if (slot[link->target] >= 0)
        g_array_index (self->actors, DmActorSummary, slot[link->target]).n_links++;
    }

  g_array_sort_with_data (self->actors, compare_summaries, self->gazetteer);
  for (guint i = 0; i < self->actors->len; i++)
    g_hash_table_insert (self->actor_index,
                         GUINT_TO_POINTER (g_array_index (self->actors, DmActorSummary, i).actor + 1),
                         GUINT_TO_POINTER (i + 1));
}

/* Asks for the whole 2 MiB pages inside @array's first @array->len
 * elements to be backed by huge pages when they are first written.  The
 * first touch of a 4 KiB page costs a page fault, on a virtual machine
 * more than the work done on the page: a large corpus writes some 60 MB of
 * mentions and evidence, 15 000 faults, which huge pages make some 30.  A
 * hint: where transparent huge pages are off, nothing changes. */
static void
advise_huge_pages (GArray *array)
{
#if defined(G_OS_UNIX) && defined(MADV_HUGEPAGE)
  const guintptr huge = 2u << 20;
  guintptr from = ((guintptr) array->data + huge - 1) & ~(huge - 1);
  guintptr to = ((guintptr) array->data + (gsize) array->len * g_array_get_element_size (array)) & ~(huge - 1);

  if (to > from)
    madvise ((void *) from, to - from, MADV_HUGEPAGE);
#endif
}

/* Address space for a mention every 24 bytes of text and a piece of
 * evidence every 64, more than the densest text has (untouched pages cost
 * nothing), so that the arrays of a large corpus are not copied and
 * faulted in again each time they would grow.  Past that they grow. */
static void
reserve_records (DmAnalysis *self,
                 Scratch    *scratch)
{
  gsize bytes = 0;

  for (guint i = 0; i < self->documents->len; i++)
    bytes += dm_document_get_length (g_ptr_array_index (self->documents, i));
  g_array_set_size (self->mentions, MIN (bytes / 24, G_MAXUINT / 2));
  advise_huge_pages (self->mentions);
  g_array_set_size (self->mentions, 0);
  g_array_set_size (self->evidence, MIN (bytes / 64, G_MAXUINT / 2));
  advise_huge_pages (self->evidence);
  g_array_set_size (self->evidence, 0);
  g_array_set_size (scratch->evidence_link, MIN (bytes / 64, G_MAXUINT / 2));
  g_array_set_size (scratch->evidence_link, 0);
}

DmAnalysis *
dm_analysis_new (DmGazetteer  *gazetteer,
                 DmLexicon    *lexicon,
                 GPtrArray    *documents,
                 GCancellable *cancellable,
                 GError      **error)
{
  g_autoptr (DmAnalysis) self = NULL;
  Scratch scratch;

  g_return_val_if_fail (DM_IS_GAZETTEER (gazetteer), NULL);
  g_return_val_if_fail (DM_IS_LEXICON (lexicon), NULL);
  g_return_val_if_fail (documents != NULL, NULL);

  self = g_object_new (DM_TYPE_ANALYSIS, NULL);
  self->gazetteer = g_object_ref (gazetteer);
  self->lexicon = g_object_ref (lexicon);
  self->documents = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < documents->len; i++)
    g_ptr_array_add (self->documents, g_object_ref (g_ptr_array_index (documents, i)));

  scratch_init (&scratch, gazetteer, lexicon);
  reserve_records (self, &scratch);
  for (guint doc = 0; doc < self->documents->len; doc++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          scratch_clear (&scratch);
          return NULL;
        }
      analyze_document (self, &scratch, doc);
    }
  group_evidence (self, &scratch);
  scratch_clear (&scratch);

  g_array_sort_with_data (self->links, compare_links, gazetteer);
  summarize_actors (self);
  return g_steal_pointer (&self);
}

DmGazetteer *
dm_analysis_get_gazetteer (DmAnalysis *self)
{
  g_return_val_if_fail (DM_IS_ANALYSIS (self), NULL);
  return self->gazetteer;
}

DmLexicon *
dm_analysis_get_lexicon (DmAnalysis *self)
{
  g_return_val_if_fail (DM_IS_ANALYSIS (self), NULL);
  return self->lexicon;
}

guint
dm_analysis_get_n_documents (DmAnalysis *self)
{
  g_return_val_if_fail (DM_IS_ANALYSIS (self), 0);
  return self->documents->len;
}

DmDocument *
dm_analysis_get_document (DmAnalysis *self, guint doc)
{
  g_return_val_if_fail (DM_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (doc < self->documents->len, NULL);
  return g_ptr_array_index (self->documents, doc);
}

const GArray *
dm_analysis_get_sentences (DmAnalysis *self, guint doc)
{
  g_return_val_if_fail (DM_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (doc < self->parts->len, NULL);
  return g_array_index (self->parts, DocumentParts, doc).sentences;
}

const GArray *
dm_analysis_get_paragraphs (DmAnalysis *self, guint doc)
{
  g_return_val_if_fail (DM_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (doc < self->parts->len, NULL);
  return g_array_index (self->parts, DocumentParts, doc).paragraphs;
}

const GArray *
dm_analysis_get_mentions (DmAnalysis *self)
{
  g_return_val_if_fail (DM_IS_ANALYSIS (self), NULL);
  return self->mentions;
}

guint
dm_analysis_get_n_actors (DmAnalysis *self)
{
  g_return_val_if_fail (DM_IS_ANALYSIS (self), 0);
  return self->actors->len;
}

const DmActorSummary *
dm_analysis_get_actor (DmAnalysis *self, guint index)
{
  g_return_val_if_fail (DM_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (index < self->actors->len, NULL);
  return &g_array_index (self->actors, DmActorSummary, index);
}

const DmActorSummary *
dm_analysis_find_actor (DmAnalysis *self, guint actor)
{
  guint slot;

  g_return_val_if_fail (DM_IS_ANALYSIS (self), NULL);
  slot = GPOINTER_TO_UINT (g_hash_table_lookup (self->actor_index, GUINT_TO_POINTER (actor + 1)));
  return slot ? &g_array_index (self->actors, DmActorSummary, slot - 1) : NULL;
}

guint
dm_analysis_get_n_links (DmAnalysis *self)
{
  g_return_val_if_fail (DM_IS_ANALYSIS (self), 0);
  return self->links->len;
}

const DmLink *
dm_analysis_get_link (DmAnalysis *self, guint index)
{
  g_return_val_if_fail (DM_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (index < self->links->len, NULL);
  return &g_array_index (self->links, DmLink, index);
}

void
dm_analysis_get_link_dates (DmAnalysis   *self,
                            const DmLink *link,
                            const char  **first,
                            const char  **last)
{
  const char *min = NULL, *max = NULL;

  g_return_if_fail (DM_IS_ANALYSIS (self));
  g_return_if_fail (link != NULL);

  /* Evidence comes by document: a run of one document is looked up once. */
  for (guint i = 0, previous = G_MAXUINT; i < link->weight; i++)
    {
      const char *date;

      if (link->evidence[i].doc == previous)
        continue;
      previous = link->evidence[i].doc;
      date = dm_document_get_date (g_ptr_array_index (self->documents, previous));
      if (date == NULL)
        continue;
      if (min == NULL || strcmp (date, min) < 0)
        min = date;
      if (max == NULL || strcmp (date, max) > 0)
        max = date;
    }

  if (first != NULL)
    *first = min;
  if (last != NULL)
    *last = max;
}

DmAnalysis *
dm_analysis_new_subset (DmAnalysis     *self,
                        const gboolean *keep_document,
                        guint           kinds)
{
  g_autoptr(DmAnalysis) subset = NULL;
  g_autofree guint *renumber = NULL;
  g_autoptr(GArray) first_evidence = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (DM_IS_ANALYSIS (self), NULL);

  subset = g_object_new (DM_TYPE_ANALYSIS, NULL);
  subset->gazetteer = g_object_ref (self->gazetteer);
  subset->lexicon = g_object_ref (self->lexicon);
  subset->documents = g_ptr_array_new_with_free_func (g_object_unref);

  /* The documents' texts and sentences are shared, never copied: they do
   * not change. */
  renumber = g_new (guint, MAX (self->documents->len, 1));
  for (guint doc = 0; doc < self->documents->len; doc++)
    {
      const DocumentParts *parts = &g_array_index (self->parts, DocumentParts, doc);
      DocumentParts shared;

      renumber[doc] = G_MAXUINT;
      if (keep_document != NULL && !keep_document[doc])
        continue;
      renumber[doc] = subset->documents->len;
      g_ptr_array_add (subset->documents, g_object_ref (g_ptr_array_index (self->documents, doc)));
      shared.paragraphs = g_array_ref (parts->paragraphs);
      shared.sentences = g_array_ref (parts->sentences);
      g_array_append_val (subset->parts, shared);
    }

  for (guint i = 0; i < self->mentions->len; i++)
    {
      DmMention mention = g_array_index (self->mentions, DmMention, i);

      if (renumber[mention.doc] == G_MAXUINT)
        continue;
      mention.doc = renumber[mention.doc];
      g_array_append_val (subset->mentions, mention);
    }

  for (guint l = 0; l < self->links->len; l++)
    {
      const DmLink *link = &g_array_index (self->links, DmLink, l);
      DmLink kept = *link;
      guint first = subset->evidence->len;

      if (kinds != 0 && !(kinds & (1u << link->kind)))
        continue;

      kept.weight = 0;
      kept.confidence = 0;
      kept.evidence = NULL;
      for (guint e = 0; e < link->weight; e++)
        {
          DmEvidence evidence = link->evidence[e];

          if (renumber[evidence.doc] == G_MAXUINT)
            continue;
          evidence.doc = renumber[evidence.doc];
          g_array_append_val (subset->evidence, evidence);
          kept.weight++;
          kept.confidence = MAX (kept.confidence, evidence.confidence);
        }
      if (kept.weight == 0)
        continue;
      g_array_append_val (subset->links, kept);
      g_array_append_val (first_evidence, first);
    }

  /* Pointed at once the evidence array has stopped growing (and moving). */
  for (guint l = 0; l < subset->links->len; l++)
    g_array_index (subset->links, DmLink, l).evidence =
      &g_array_index (subset->evidence, DmEvidence, g_array_index (first_evidence, guint, l));

  g_array_sort_with_data (subset->links, compare_links, subset->gazetteer);
  summarize_actors (subset);
  return g_steal_pointer (&subset);
}

glong
dm_analysis_char_offset (DmAnalysis *self,
                         guint       doc,
                         gsize       byte)
{
  g_return_val_if_fail (DM_IS_ANALYSIS (self), 0);
  g_return_val_if_fail (doc < self->documents->len, 0);
  return dm_document_char_offset (g_ptr_array_index (self->documents, doc), byte);
}

char *
dm_analysis_dup_title (DmAnalysis *self)
{
  g_return_val_if_fail (DM_IS_ANALYSIS (self), NULL);

  if (self->documents->len == 1)
    {
      const char *title = dm_document_get_title (g_ptr_array_index (self->documents, 0));
      if (title && *title)
        return g_strdup (title);
      return g_strdup (dm_document_get_id (g_ptr_array_index (self->documents, 0)));
    }
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", self->documents->len),
                          self->documents->len);
}
