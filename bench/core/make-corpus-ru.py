#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# make-corpus-ru.py: writes a large, varied, Russian article-like text for
# bench/core/bench-core, as make-corpus.py does in English.
#
#   /usr/bin/python3 bench/core/make-corpus-ru.py [--size MB] [--seed N] [OUT]
#
# Templates and word lists written for this benchmark (no real article is
# copied): headlines, datelines, the actors under their Russian names in the
# case each construction asks for (Армения, Армении, с Арменией…), relation
# verbs and nouns, demonyms before state nouns, fillers with Russian
# abbreviations (г., т. е., им., ул.), initials, dates, «ёлочки» and dashes.
# The output depends only on --seed and --size.  Articles are separated by
# a blank line; paragraphs end with one newline.
import argparse
import os
import random
import sys

# (nominative, genitive, dative, accusative, instrumental, demonym plural)
ACTORS = [
    (["Армения", "Ереван", "премьер-министр Армении Никол Пашинян", "Пашинян", "МИД Армении"],
     ["Армении", "Еревана", "премьер-министра Армении Никола Пашиняна", "Пашиняна"],
     ["Армении", "Еревану", "Пашиняну"], ["Армению", "Ереван", "Пашиняна"],
     ["Арменией", "Ереваном", "премьер-министром Армении Николом Пашиняном", "Пашиняном"], "армянские"),
    (["Азербайджан", "Баку", "президент Азербайджана Ильхам Алиев", "Алиев"],
     ["Азербайджана", "Баку", "Ильхама Алиева", "Алиева"],
     ["Азербайджану", "Баку", "Алиеву"], ["Азербайджан", "Баку", "Алиева"],
     ["Азербайджаном", "Баку", "Ильхамом Алиевым", "Алиевым"], "азербайджанские"),
    (["Россия", "Москва", "Кремль", "Владимир Путин", "Сергей Лавров"],
     ["России", "Москвы", "Кремля", "Путина", "Лаврова"],
     ["России", "Москве", "Кремлю", "Путину"], ["Россию", "Москву", "Путина"],
     ["Россией", "Москвой", "Путиным", "Лавровым"], "российские"),
    (["США", "Вашингтон", "Госдеп", "госсекретарь США Энтони Блинкен", "Белый дом"],
     ["США", "Вашингтона", "Госдепа", "Блинкена"],
     ["США", "Вашингтону", "Блинкену"], ["США", "Вашингтон", "Блинкена"],
     ["США", "Вашингтоном", "Блинкеном"], "американские"),
    (["Евросоюз", "ЕС", "Брюссель", "Еврокомиссия"],
     ["Евросоюза", "ЕС", "Брюсселя", "Еврокомиссии"],
     ["Евросоюзу", "ЕС", "Брюсселю"], ["Евросоюз", "ЕС", "Еврокомиссию"],
     ["Евросоюзом", "ЕС", "Брюсселем"], None),
    (["Турция", "Анкара", "Эрдоган"], ["Турции", "Анкары", "Эрдогана"], ["Турции", "Анкаре", "Эрдогану"],
     ["Турцию", "Анкару", "Эрдогана"], ["Турцией", "Анкарой", "Эрдоганом"], "турецкие"),
    (["Иран", "Тегеран"], ["Ирана", "Тегерана"], ["Ирану", "Тегерану"], ["Иран", "Тегеран"],
     ["Ираном", "Тегераном"], "иранские"),
    (["Грузия", "Тбилиси", "Ираклий Кобахидзе"], ["Грузии", "Тбилиси", "Кобахидзе"], ["Грузии", "Тбилиси"],
     ["Грузию", "Тбилиси"], ["Грузией", "Тбилиси"], "грузинские"),
    (["Франция", "Париж", "Макрон"], ["Франции", "Парижа", "Макрона"], ["Франции", "Парижу", "Макрону"],
     ["Францию", "Париж", "Макрона"], ["Францией", "Парижем", "Макроном"], "французские"),
    (["ООН", "Совбез ООН"], ["ООН", "Совбеза ООН"], ["ООН"], ["ООН"], ["ООН"], None),
    (["ОБСЕ", "Минская группа ОБСЕ"], ["ОБСЕ"], ["ОБСЕ"], ["ОБСЕ"], ["ОБСЕ"], None),
    (["ОДКБ"], ["ОДКБ"], ["ОДКБ"], ["ОДКБ"], ["ОДКБ"], None),
    (["Китай", "Пекин"], ["Китая", "Пекина"], ["Китаю"], ["Китай"], ["Китаем"], "китайские"),
]
NOM, GEN, DAT, ACC, INS, DEM = range(6)

# (verb, the case of its object, the preposition before it)
VERBS = [
    ("призвал", ACC, ""), ("обвинил", ACC, ""), ("осудил", ACC, ""), ("раскритиковал", ACC, ""),
    ("предупредил", ACC, ""), ("поддержал", ACC, ""), ("поблагодарил", ACC, ""),
    ("посетил", ACC, ""), ("позвонил", DAT, ""), ("пригрозил", DAT, ""), ("помог", DAT, ""),
    ("встретился", INS, "с "), ("провёл переговоры", INS, "с "), ("провёл телефонный разговор", INS, "с "),
    ("потребовал", GEN, "от "), ("обратился", DAT, "к "), ("договорился", INS, "с "),
    ("обстрелял позиции", GEN, ""), ("подписал соглашение", INS, "с "),
]
TAILS = [
    "", " к сдержанности", " в нарушении перемирия", " по вопросам безопасности",
    " о последствиях", " в связи с инцидентом на границе", " по итогам встречи",
    " в ходе визита", " на полях саммита",
]
NOUN_CUES = [
    "напряжённость между {a_ins} и {b_ins}", "переговоры {a_gen} и {b_gen}",
    "ухудшение отношений {a_gen} и {b_gen}", "боевые действия между {a_ins} и {b_ins}",
    "мирное соглашение между {a_ins} и {b_ins}", "сотрудничество {a_gen} и {b_gen}",
    "посредничество {a_gen} между {b_ins} и соседями",
]
STATE_NOUNS = ["военные", "власти", "миротворцы", "пограничники", "дипломаты", "войска"]
FILLER = [
    "говорится в заявлении, опубликованном на сайте ведомства",
    "сообщили источники на условиях анонимности",
    "в ходе телефонного разговора в {day}",
    "т. е. в рамках двусторонней повестки",
    "на фоне роста цен на топливо",
    "после нескольких недель консультаций",
    "несмотря на хрупкое перемирие, достигнутое в {month}",
    "в присутствии делегации из {n} человек",
    "на пресс-конференции в {city}",
    "в т.ч. по торговле, транзиту и энергетике",
    "как отметили в пресс-службе",
]
NEUTRAL = [
    "Погода в регионе была необычно тёплой для {month_gen}, температура достигала {n} градусов.",
    "Цены на хлеб выросли на {pct}% за последние {n} месяцев, сообщило статистическое ведомство.",
    "Акции крупнейшего банка подешевели на {pct}% в начале торгов.",
    "Заседание продлилось около {n} часов и завершилось без совместного заявления.",
    "Доклад, опубликованный {n} {month_gen} {year} г., насчитывает {n3} страниц.",
    "Профессор А. В. Петросян, политолог, назвал проблему «прежде всего вопросом доверия».",
    "Движение на трассе им. Героев возобновилось после {n}-часового перерыва.",
    "Фестиваль на ул. Абовяна посетили около {n3} тыс. человек.",
    "Документ датирован {d}.{m}.{year} и состоит из {n} статей (см. приложение).",
    "Комиссия вновь соберётся в {month_pre}, сообщил её председатель.",
]
QUOTES = [
    "«Мы не примем изменения границ силой», — заявил {s}.",
    "«Дверь для диалога остаётся открытой. Решение за соседями», — сказал {s} журналистам.",
    "{s} назвал предложение «неприемлемым» и «опасным».",
    "По словам {g}, «время двигаться вперёд».",
]
HEADLINES = [
    "{A} {v} {B}", "{A} и {B2} провели переговоры", "{A} предупредил {B} о последствиях",
    "В {city} прошли консультации по мирному договору",
]
SOURCES = ["ТАСС", "Интерфакс", "РИА Новости", "Кавказский вестник", "Региональная служба"]
DAYS = ["понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье"]
MONTHS = ["январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре", "октябре",
          "ноябре", "декабре"]
MONTHS_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
              "октября", "ноября", "декабря"]
CITIES = ["Ереване", "Баку", "Москве", "Вашингтоне", "Брюсселе", "Анкаре", "Тегеране", "Тбилиси", "Париже"]


class Writer:
    def __init__(self, rng):
        self.r = rng

    def fill(self, template, **extra):
        r = self.r
        values = dict(day=r.choice(DAYS), month=r.choice(MONTHS), month_gen=r.choice(MONTHS_GEN),
                      month_pre=r.choice(MONTHS), n=r.randint(2, 48), n3=r.randint(100, 999),
                      pct=r.randint(1, 35), year=r.randint(1994, 2025), city=r.choice(CITIES),
                      d="%02d" % r.randint(1, 28), m="%02d" % r.randint(1, 12))
        values.update(extra)
        return template.format(**values)

    def form(self, actor, case):
        return self.r.choice(actor[case])

    def cap(self, s):
        return s[0].upper() + s[1:]

    def relation_sentence(self):
        r = self.r
        a, b = r.sample(ACTORS, 2)
        x = r.random()
        if x < 0.55:
            verb, case, prep = r.choice(VERBS)
            s = "%s %s %s%s%s" % (self.cap(self.form(a, NOM)), verb, prep, self.form(b, case), r.choice(TAILS))
        elif x < 0.75:
            s = "%s %s" % (r.choice(["Эксперты отмечают", "В докладе упоминается", "Дипломаты обсудили",
                                      "Наблюдатели связывают это с тем, что"]),
                           r.choice(NOUN_CUES).format(a_ins=self.form(a, INS), b_ins=self.form(b, INS),
                                                      a_gen=self.form(a, GEN), b_gen=self.form(b, GEN)))
        elif x < 0.85 and a[DEM]:
            s = "%s %s %s %s" % (self.cap(a[DEM]), r.choice(STATE_NOUNS), r.choice(["обстреляли", "атаковали",
                                                                                  "покинули"]),
                                 "позиции " + self.form(b, GEN))
        else:
            s = "Об этом %s %s" % (r.choice(["заявил", "сообщил", "напомнил"]), self.form(a, NOM))
        if r.random() < 0.5:
            s += ", " + self.fill(r.choice(FILLER))
        return s + r.choice([".", ".", ".", ".", "!", "?"])

    def sentence(self):
        r = self.r
        x = r.random()
        if x < 0.55:
            return self.relation_sentence()
        if x < 0.8:
            return self.fill(r.choice(NEUTRAL))
        a = r.choice(ACTORS)
        return self.cap(self.fill(r.choice(QUOTES), s=self.form(a, NOM), g=self.form(a, GEN)))

    def article(self):
        r = self.r
        a, b = r.sample(ACTORS, 2)
        head = self.fill(r.choice(HEADLINES), A=self.cap(self.form(a, NOM)), B=self.form(b, ACC),
                         B2=self.form(b, NOM), v=r.choice(["призвал", "обвинил", "поддержал", "предупредил"]))
        lines = [self.cap(head)]
        dateline = "%s, %d %s — %s. " % (r.choice(["ЕРЕВАН", "БАКУ", "МОСКВА", "ТБИЛИСИ"]), r.randint(1, 28),
                                        r.choice(MONTHS_GEN), r.choice(SOURCES))
        for p in range(r.randint(4, 12)):
            paragraph = " ".join(self.sentence() for _ in range(r.randint(1, 5)))
            if p == 0:
                paragraph = dateline + paragraph
            lines.append(paragraph)
        lines.append("Источник: " + r.choice(SOURCES))
        return "\n".join(lines) + "\n"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=float, default=100, help="megabytes (10^6 bytes) to write")
    parser.add_argument("--seed", type=int, default=20261203)
    parser.add_argument("out", nargs="?", default=os.path.join(here, "..", "corpus-ru-100mb.txt"))
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
