"""The annotated article view: every mention and cue marked, tags nested properly, text kept."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import helpers
from helpers.reports.annotate import annotated_html


class _Balance(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors = 0

    def handle_starttag(self, tag, attrs):
        if tag != "br":
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()
        else:
            self.errors += 1


def test_the_annotated_article_marks_mentions_and_keeps_the_words(seed_analysis):
    out = annotated_html(seed_analysis)
    checker = _Balance()
    checker.feed(out)
    assert checker.errors == 0 and checker.stack == []
    spaced = out.replace("<br>", " ").replace("</p>", " ")
    visible = html.unescape(re.sub(r"<sub>.*?</sub>|<style>.*?</style>|<div class=\"ann-legend\">.*?</div>|<[^>]+>",
                                   "", spaced, flags=re.S))
    assert " ".join(visible.split()) == " ".join(seed_analysis.article.text.split())
    acting = seed_analysis.mentions[seed_analysis.mentions["role"] == "actor"]
    assert out.count('class="m"') == len(acting)
    assert 'title="Vladimir Putin: ' in out and ">He<sub>Putin</sub>" in out  # a pronoun shows whom it stands for


def test_places_are_outlined_not_filled():
    res = helpers.analyze(helpers.load_article(text="Tourists took flights to Spain. Spain's government said no."))
    out = annotated_html(res)
    assert '<span class="place" title="Spain: named as a place, not acting here">Spain</span>' in out
