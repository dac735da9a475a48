#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Generates the many-articles corpus of bench/corpus: N articles of about
# 4 KB (our own templates, no copied text) dated over three years, written
#   OUT/files/YYYY/MM/article-NNNNN.{txt,json,html}   one article a file
#   OUT/feeds/feed-K.rss                              the same, as 10 feeds
#   OUT/big/part-K.jsonl                              the same, in ~1 MiB files
# Deterministic: the same N gives the same bytes.
#
#   bench/corpus/generate.py OUT [N]
import datetime
import html
import json
import os
import random
import sys

ACTORS = [
    ("Armenia", "Yerevan", "Nikol Pashinyan"), ("Azerbaijan", "Baku", "Ilham Aliyev"),
    ("Georgia", "Tbilisi", "the Georgian prime minister"), ("Russia", "Moscow", "Vladimir Putin"),
    ("Turkey", "Ankara", "Recep Tayyip Erdogan"), ("Iran", "Tehran", "the Iranian president"),
    ("the European Union", "Brussels", "the EU's foreign policy chief"),
    ("the United States", "Washington", "the U.S. Secretary of State"),
    ("France", "Paris", "Emmanuel Macron"), ("Ukraine", "Kyiv", "the Ukrainian foreign minister"),
]
VERBS = [
    "urged {b} to return to talks", "called on {b} to show restraint", "accused {b} of shelling villages",
    "warned {b} against further escalation", "held talks with {b}", "signed a transit agreement with {b}",
    "sent humanitarian aid to {b}", "condemned {b} for the attack", "discussed border delimitation with {b}",
    "offered to mediate between {b} and its neighbour",
]
FILLER = [
    "Officials said the meeting lasted several hours and covered energy, trade and transport.",
    "Analysts in the region described the statement as a cautious step.",
    "The ministry did not give further details, saying consultations would continue next week.",
    "Local residents reported long queues at the checkpoint on Tuesday morning.",
    "A joint commission is expected to publish its first report before the end of the year.",
    "The road, closed since the spring, links several villages to the regional centre.",
    "Observers noted that the wording of the communique had changed since the last round.",
    "Parliament is due to debate the budget, including new spending on infrastructure, in the autumn.",
]
SHAPES = [
    "{A} {verb}, the foreign ministry said on {day}.",
    "On {day}, {A} {verb}.",
    "“We are ready to work together,” {leader} said after {A} {verb}.",
    "In a statement issued in {capital}, {A} {verb}, officials said.",
    "{A}, which has long disputed the matter, {verb} on {day}.",
    "Speaking to reporters, {leader} said {A} had {verb_past}.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]


def sentence(rng):
    a, b = rng.sample(ACTORS, 2)
    verb = rng.choice(VERBS).format(b=b[0])
    shape = rng.choice(SHAPES)
    text = shape.format(A=a[0], verb=verb, verb_past=verb, day=rng.choice(DAYS), leader=a[2], capital=a[1])
    return text[0].upper() + text[1:]


def article(rng, n, date):
    a = rng.choice(ACTORS)
    title = "%s and the region: talks, tensions and trade (%d)" % (a[0].replace("the ", "").title(), n)
    paragraphs, size = [], 0
    while size < 3800:
        para = " ".join(sentence(rng) if rng.random() < 0.5 else rng.choice(FILLER) for _ in range(rng.randint(2, 4)))
        paragraphs.append(para)
        size += len(para) + 1
    return title, a[1], paragraphs


def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    rng = random.Random(20240517)
    start = datetime.date(2021, 1, 1)
    feeds = [[] for _ in range(10)]
    big, big_size, big_index = [], 0, 0
    os.makedirs(os.path.join(out, "feeds"), exist_ok=True)
    os.makedirs(os.path.join(out, "big"), exist_ok=True)

    def flush_big():
        nonlocal big, big_size, big_index
        if big:
            with open(os.path.join(out, "big", "part-%03d.jsonl" % big_index), "w", encoding="utf-8") as f:
                f.write("".join(big))
            big_index += 1
            big, big_size = [], 0

    for n in range(count):
        date = start + datetime.timedelta(days=rng.randrange(3 * 365))
        title, capital, paragraphs = article(rng, n, date)
        folder = os.path.join(out, "files", "%04d" % date.year, "%02d" % date.month)
        os.makedirs(folder, exist_ok=True)
        kind = n % 3
        dateline = "%s, %s %d (Caucasus Wire) - " % (capital.upper(), MONTHS[date.month - 1], date.day)
        if kind == 0:
            body = "%s\n%s%s\n" % (title, dateline, "\n".join(paragraphs))
            path = os.path.join(folder, "article-%05d.txt" % n)
            with open(path, "w", encoding="utf-8") as f:
                f.write(body)
            # the yearless dateline is dated by the file's time
            t = datetime.datetime(date.year, date.month, date.day, 18).timestamp()
            os.utime(path, (t, t))
        elif kind == 1:
            with open(os.path.join(folder, "article-%05d.json" % n), "w", encoding="utf-8") as f:
                json.dump({"title": title, "source": "Caucasus Wire", "date": date.isoformat(),
                           "text": "\n".join(paragraphs)}, f, ensure_ascii=False)
        else:
            with open(os.path.join(folder, "article-%05d.html" % n), "w", encoding="utf-8") as f:
                f.write("<!doctype html><html><head><meta charset=\"utf-8\"><title>%s</title>"
                        "<meta property=\"article:published_time\" content=\"%sT09:00:00Z\"></head>"
                        "<body><article><h1>%s</h1>%s</article></body></html>\n"
                        % (html.escape(title), date.isoformat(), html.escape(title),
                           "".join("<p>%s</p>" % html.escape(p) for p in paragraphs)))
        feeds[n % 10].append((title, date, paragraphs))
        line = json.dumps({"title": title, "date": date.isoformat(), "text": "\n".join(paragraphs)},
                          ensure_ascii=False) + "\n"
        big.append(line)
        big_size += len(line.encode("utf-8"))
        if big_size >= 1 << 20:
            flush_big()
    flush_big()

    for k, items in enumerate(feeds):
        with open(os.path.join(out, "feeds", "feed-%d.rss" % k), "w", encoding="utf-8") as f:
            f.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                    "<title>Caucasus Wire %d</title>\n" % k)
            for title, date, paragraphs in items:
                pub = datetime.datetime(date.year, date.month, date.day, 9).strftime("%a, %d %b %Y %H:%M:%S +0000")
                f.write("<item><title>%s</title><pubDate>%s</pubDate><description>%s</description></item>\n"
                        % (html.escape(title), pub,
                           html.escape("".join("<p>%s</p>" % html.escape(p) for p in paragraphs))))
            f.write("</channel></rss>\n")


if __name__ == "__main__":
    main()
