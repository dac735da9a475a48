#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# make-corpus.py: writes a large, varied, article-like text for
# bench/core/bench-core to time the core pipeline on.
#
#   /usr/bin/python3 bench/core/make-corpus.py [--size MB] [--seed N] [OUT]
#
# Articles are built from templates and word lists written for this
# benchmark (no real article is copied): a headline, a dateline, paragraphs
# of sentences that name the region's actors by their various names, link
# them with relation verbs and nouns, and pad them with filler clauses,
# numbers, dates, abbreviations ("U.S.", "Mr.", "Jan."), quotes and
# non-ASCII punctuation.  About one sentence in four names no actor, as in
# real news.  The output depends only on --seed and --size.  Articles are
# separated by a blank line; paragraphs end with one newline.
import argparse
import os
import random
import sys

ACTORS = [
    # (subject forms, possessive-friendly name, capital or seat, demonym)
    (["Armenia", "Yerevan", "Armenian Prime Minister Nikol Pashinyan", "Pashinyan",
      "the Armenian government", "Armenian Foreign Minister Ararat Mirzoyan"], "Armenia", "Yerevan", "Armenian"),
    (["Azerbaijan", "Baku", "Azerbaijani President Ilham Aliyev", "Aliyev", "Mr. Aliyev",
      "the Azerbaijani foreign ministry"], "Azerbaijan", "Baku", "Azerbaijani"),
    (["the United States", "Washington", "the U.S.", "U.S. Secretary of State Antony Blinken",
      "Blinken", "the State Department"], "the United States", "Washington", "American"),
    (["the EU", "the European Union", "Brussels", "the European Commission",
      "European Council President Charles Michel"], "the EU", "Brussels", "European"),
    (["Russia", "Moscow", "the Kremlin", "Russian President Vladimir Putin", "Putin",
      "Kremlin spokesman Dmitry Peskov", "Russian peacekeepers"], "Russia", "Moscow", "Russian"),
    (["Turkey", "Ankara", "Turkish President Recep Tayyip Erdoğan", "Erdogan", "Türkiye"],
     "Turkey", "Ankara", "Turkish"),
    (["Iran", "Tehran", "the Iranian foreign ministry", "Iranian officials"], "Iran", "Tehran", "Iranian"),
    (["Georgia", "Tbilisi", "the Georgian government", "Georgian Prime Minister Irakli Kobakhidze"],
     "Georgia", "Tbilisi", "Georgian"),
    (["the OSCE Minsk Group", "the Minsk Group co-chairs", "the OSCE"], "the OSCE", "Vienna", None),
    (["France", "Paris", "French President Emmanuel Macron", "Macron"], "France", "Paris", "French"),
    (["the United Nations", "the UN Security Council", "the U.N."], "the United Nations", "New York", None),
    (["NATO", "the alliance's Secretary General"], "NATO", "Brussels", None),
    (["the CSTO", "the Collective Security Treaty Organization"], "the CSTO", "Moscow", None),
    (["Nagorno-Karabakh", "the Karabakh authorities", "Stepanakert"], "Nagorno-Karabakh", "Stepanakert", None),
    (["Ukraine", "Kyiv", "Zelensky"], "Ukraine", "Kyiv", "Ukrainian"),
    (["China", "Beijing"], "China", "Beijing", "Chinese"),
]

VERBS = [
    "urged", "called on", "accused", "condemned", "criticized", "warned", "threatened",
    "praised", "thanked", "welcomed", "met", "met with", "held talks with", "spoke with",
    "hosted", "visited", "signed an agreement with", "signed a memorandum with",
    "pledged support to", "supported", "backed", "sanctioned", "imposed sanctions on",
    "attacked", "shelled", "opened fire on", "blamed", "protested to", "demanded that",
    "expelled diplomats of", "recalled its ambassador from", "offered aid to",
    "agreed with", "negotiated with", "mediated between", "invited", "rejected a proposal by",
    "appealed to", "congratulated", "cautioned", "pressed",
]
VERB_TAILS = [
    "", " to de-escalate tensions", " to return to the negotiating table",
    " over the border clashes", " to respect the ceasefire", " on the peace treaty",
    " to open the transport routes", " over its military build-up", " for its mediation",
    " to release the detainees", " over the shelling of border villages",
    " on energy cooperation", " after the talks",
]
NOUN_CUES = [
    "tensions between {a} and {b}", "the talks between {a} and {b}",
    "{pa} seizure of territory claimed by {b}", "a border clash between {a} and {b}",
    "{pa} support for {b}", "the rapprochement between {a} and {b}",
    "joint drills by {a} and {b}", "{pa} sanctions against {b}",
    "the peace agreement between {a} and {b}", "{pa} criticism of {b}",
]
FILLER = [
    "according to a statement published on its website",
    "officials said on condition of anonymity",
    "in a phone call late on {day}",
    "the ministry said in a statement",
    "citing security concerns",
    "as talks stalled for the {nth} time this year",
    "a move analysts described as largely symbolic",
    "amid a sharp rise in fuel prices",
    "after weeks of diplomatic wrangling",
    "despite a fragile truce brokered in {month}",
    "in what observers called a turning point",
    "while thousands rallied in the capital",
    "two days before a scheduled summit",
    "with a delegation of {n} officials",
    "at a press conference in {city}",
    "e.g. on trade, transit and energy",
    "in a strongly worded note",
]
NEUTRAL = [
    "The weather in the region was unusually warm for {month}, with temperatures near {n} degrees.",
    "Prices of bread rose by {pct} percent in the past {n} months, the statistics office said.",
    "Shares of the largest bank fell {pct} percent in early trading.",
    "The meeting lasted about {n} hours and ended without a joint statement.",
    "No. {n} on the agenda was the reopening of the railway line.",
    "The figures were published at 9 a.m. local time on {day}.",
    "Analysts said the outcome would depend on the next round of talks.",
    "The report, released on {month_abbr} {n}, runs to {n3} pages.",
    "Dr. Anna Petrosyan, a political scientist, said the issue was \u201cmostly about trust.\u201d",
    "Traffic on the main highway resumed after a {n}-hour closure.",
    "The festival drew some {n3},000 visitors over the weekend.",
    "Earlier this year, the central bank raised its key rate to {pct}.{n1} percent.",
    "Local media reported long queues at fuel stations \u2014 the longest since {year}.",
    "The committee will meet again in {month}, its chair said.",
]
QUOTES = [
    "\u201cWe will not accept any change of borders by force,\u201d {s} said.",
    "\u201cThe door to dialogue remains open,\u201d {s} told reporters.",
    "\"There is no alternative to peace,\" {s} said in a televised address.",
    "{s} called the proposal \u201cunacceptable\u201d and \u201cdangerous.\u201d",
    "\u201cIt\u2019s time to move forward,\u201d {s} wrote on social media.",
    "Asked about the incident, {s} said: \"We are studying the reports.\"",
]
HEADLINES = [
    "{A} {v} {B} amid {topic}", "{A} and {B} hold talks on {topic}",
    "{A} warns {B} over {topic}", "{A} says {topic} could resume this month",
    "{A}\u2019s leader to visit {B} as {topic} intensifies", "Talks on {topic} stall",
]
TOPICS = [
    "border tensions", "the peace treaty", "the Lachin corridor", "energy supplies",
    "transit routes", "the ceasefire", "prisoner exchanges", "sanctions", "gas exports",
    "the delimitation of the border", "regional security", "the refugee crisis",
]
SOURCES = ["AFP", "Reuters", "AP", "Caucasus Wire", "Regional Desk", "Eurasia Review Staff"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MONTH_ABBR = ["Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
NTH = ["second", "third", "fourth", "fifth"]


class Writer:
    def __init__(self, rng):
        self.r = rng

    def fill(self, template, **extra):
        r = self.r
        values = dict(
            day=r.choice(DAYS), month=r.choice(MONTHS), month_abbr=r.choice(MONTH_ABBR),
            nth=r.choice(NTH), n=r.randint(2, 48), n1=r.randint(0, 9), n3=r.randint(100, 999),
            pct=r.randint(1, 35), year=r.randint(1994, 2023),
            city=r.choice(ACTORS)[2],
        )
        values.update(extra)
        return template.format(**values)

    def actor_pair(self):
        a, b = self.r.sample(ACTORS, 2)
        return a, b

    def subject(self, actor):
        return self.r.choice(actor[0])

    def cap(self, s):
        return s[0].upper() + s[1:]

    def relation_sentence(self):
        r = self.r
        a, b = self.actor_pair()
        kind = r.random()
        if kind < 0.55:
            s = "%s %s %s%s" % (self.cap(self.subject(a)), r.choice(VERBS), self.subject(b), r.choice(VERB_TAILS))
        elif kind < 0.75:
            cue = r.choice(NOUN_CUES).format(a=self.subject(a), b=self.subject(b), pa=a[1] + "\u2019s")
            s = "%s %s" % (self.cap(r.choice(["the report cited", "officials played down",
                                                "observers noted", "diplomats discussed",
                                                "the statement addressed"])), cue)
        elif kind < 0.85 and a[3]:
            s = "%s troops %s %s positions near the border" % (a[3], r.choice(["shelled", "attacked", "approached"]),
                                                             b[3] or b[1])
        else:
            s = "%s was %s by %s" % (self.cap(self.subject(b)),
                                     r.choice(["criticized", "praised", "attacked", "urged", "warned"]),
                                     self.subject(a))
        if r.random() < 0.5:
            s += ", " + self.fill(r.choice(FILLER))
        return s + r.choice([".", ".", ".", ".", "!", "?"]) if s[-1] != "." else s

    def sentence(self):
        r = self.r
        x = r.random()
        if x < 0.55:
            return self.relation_sentence()
        if x < 0.75:
            return self.fill(r.choice(NEUTRAL))
        a = r.choice(ACTORS)
        return self.cap(self.fill(r.choice(QUOTES), s=self.subject(a)))

    def article(self):
        r = self.r
        a, b = self.actor_pair()
        head = self.fill(r.choice(HEADLINES), A=self.cap(a[1]), B=b[1],
                         v=r.choice(["urges", "accuses", "meets", "warns", "backs"]),
                         topic=r.choice(TOPICS))
        lines = [self.cap(head)]
        dateline = "%s, %s %d (%s) \u2014 " % (a[2].upper(), r.choice(MONTH_ABBR), r.randint(1, 28), r.choice(SOURCES))
        for p in range(r.randint(4, 12)):
            sentences = [self.sentence() for _ in range(r.randint(1, 5))]
            paragraph = " ".join(sentences)
            if p == 0:
                paragraph = dateline + paragraph
            lines.append(paragraph)
        lines.append("Source: " + r.choice(SOURCES))
        return "\n".join(lines) + "\n"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=float, default=100, help="megabytes (10^6 bytes) to write")
    parser.add_argument("--seed", type=int, default=20240605)
    parser.add_argument("out", nargs="?", default=os.path.join(here, "..", "corpus-100mb.txt"))
    args = parser.parse_args()

    target = int(args.size * 1000 * 1000)
    writer = Writer(random.Random(args.seed))
    written = 0
    tmp = args.out + ".part"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        while written < target:
            chunk = writer.article() + "\n"
            data = chunk.encode("utf-8")
            if written + len(data) > target:
                break
            f.write(chunk)
            written += len(data)
    os.replace(tmp, args.out)
    print("%s: %d bytes" % (os.path.normpath(args.out), written), file=sys.stderr)


if __name__ == "__main__":
    main()
