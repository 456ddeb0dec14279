"""Lexical evidence: the CC-CEDICT index, its cache, scoring and the document's own
translations; each on made-up sentences."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from sitegen.align import lexicon, search
from sitegen.align.cooccurrence import learn_translations
from sitegen.align.lexical import evidence, learned_words, simplified, teaches_anything
from sitegen.align.sentences import DEFAULT_RATIO, align_document, align_sentences, document_priors
from sitegen.text.scripts import CJK_CHARACTER

ENTRIES = [
    "醫院 医院 [yi1 yuan4] /hospital/CL:所[suo3],家[jia1],座[zuo4]/",
    "資助 资助 [zi1 zhu4] /to subsidize/to provide financial aid/subsidy/",
    "王 王 [Wang2] /surname Wang/",
    "阿斗 阿斗 [A1 Dou3] /A Dou, nickname of Liu Shan, a ruler remembered as weak and useless/",
]


def test_the_index_maps_chinese_words_to_the_content_words_of_short_glosses() -> None:
    index = lexicon.build_index(ENTRIES)
    assert index["医院"] == frozenset({"hospital"})  # simplified key; CL: dropped
    assert index["资助"] == frozenset({"subsidize", "provide", "financial", "aid", "subsidy"})
    assert "王" not in index  # a surname is no translation
    assert "阿斗" not in index  # a description, not a word


def test_an_english_word_glossing_many_chinese_words_is_one_object_in_the_index() -> None:
    import marshal

    entries = ["醫院 医院 [yi1 yuan4] /hospital/", "病院 病院 [bing4 yuan4] /hospital/"]
    index = lexicon.build_index(entries)
    [first], [second] = index["医院"], index["病院"]
    assert first is second  # so the cache (marshal) stores it once, and loads it once
    loaded = marshal.loads(marshal.dumps(index))
    assert next(iter(loaded["医院"])) is next(iter(loaded["病院"]))


def test_the_dictionary_is_built_once_then_loaded_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    lexicon.load_index.cache_clear()
    try:
        (tmp_path / "sitegen").mkdir(mode=0o700)
        (tmp_path / "sitegen" / "cedict-0123456789abcdef.pickle").write_bytes(b"older format")
        built = lexicon.load_index()
        [cached] = (tmp_path / "sitegen").glob("cedict-*.marshal")
        assert not list((tmp_path / "sitegen").glob("*.pickle"))  # no longer read: removed
        lexicon.load_index.cache_clear()
        monkeypatch.setattr(lexicon, "build_index", lambda lines: pytest.fail("built again"))
        assert lexicon.load_index() == built and cached.is_file()
        assert "hospital" in built["医院"]
    finally:
        lexicon.load_index.cache_clear()


def test_a_damaged_cache_is_built_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    lexicon.load_index.cache_clear()
    try:
        lexicon.load_index()
        [cached] = (tmp_path / "sitegen").glob("cedict-*.marshal")
        whole = cached.read_bytes()
        for damaged in (b"not an index", whole[: len(whole) // 2]):  # garbage, then truncated
            cached.write_bytes(damaged)
            lexicon.load_index.cache_clear()
            assert "hospital" in lexicon.load_index()["医院"]
            assert gc.isenabled()  # paused while loading only
    finally:
        lexicon.load_index.cache_clear()


def test_a_translation_scores_above_a_sentence_it_does_not_translate() -> None:
    en = ["The hospital received a grant.", "The weather was cold and wet."]
    zh = ["醫院獲得資助。", "天氣寒冷潮濕。"]
    found = evidence(en, zh)
    assert found is not None
    assert found.score(0, 1, 0, 1) > 0 > found.score(0, 1, 1, 1)
    assert found.score(1, 1, 1, 1) > 0 > found.score(1, 1, 0, 1)


def test_words_decide_where_lengths_mislead(monkeypatch: pytest.MonkeyPatch) -> None:
    en = (
        "The Association was founded by a small group of engineers."
        " It then received a generous grant from the hospital. Its work continues."
    )
    zh = (
        "聯會由一群工程師創立，其後獲得醫院的慷慨資助。"
        "會員來自業界各個範疇，包括營辦商、設備供應商及學術界，聯會的工作一直延續至今。"
    )
    with_words = [g.en for g in align_sentences(en, zh, DEFAULT_RATIO)]
    assert with_words[-1] == "Its work continues."
    monkeypatch.setattr(search, "LEXICAL_WEIGHT", 0.0)
    lengths_alone = [g.en for g in align_sentences(en, zh, DEFAULT_RATIO)]
    assert lengths_alone[-1].startswith("It then received")


def test_a_document_teaches_itself_a_name() -> None:
    groups = [
        ("Mr Lau opened the centre.", "劉志強先生主持開幕。"),
        ("Mr Lau thanked the staff.", "劉志強先生感謝職員。"),
        ("Later Mr Lau visited Kowloon.", "其後劉志強先生到訪九龍。"),
        ("The staff were pleased.", "職員都很高興。"),
    ]
    learned = learn_translations(groups, [simplified(zh) for _, zh in groups])
    assert any("lau" in words for string, words in learned.items() if "刘志" in string)


def test_learned_words_are_found_where_they_stand_and_teach_only_where_they_occur() -> None:
    learned = {"志强": frozenset({"lau"}), "九龙": frozenset({"kowloon"})}
    found = learned_words(["劉志強先生到訪九龍。", "職員都很高興。"], learned)
    assert found == [[(1, 2, frozenset({"lau"})), (7, 2, frozenset({"kowloon"}))], []]
    assert teaches_anything(["Mr Lau visited."], found, learned)
    nothing = learned_words(["職員都很高興。"], learned)
    assert not teaches_anything(["The staff were pleased."], nothing, learned)
    # An English word only learning knows can now be missed: the evidence changes.
    assert teaches_anything(["Zorblax was quiet."], nothing, {"九龙": frozenset({"zorblax"})})


def test_learned_words_are_every_learned_string_of_the_text() -> None:
    zh = ["劉志強先生到訪九龍，志強很高興。", "沒有。"]
    learned = {"志强": frozenset({"lau"}), "九龙": frozenset({"kowloon"}), "先": frozenset({"x"})}
    chars = ["".join(CJK_CHARACTER.findall(simplified(text))) for text in zh]
    scanned = [
        sorted(
            (start, size, learned[text[start : start + size]])
            for start in range(len(text))
            for size in range(1, 5)
            if text[start : start + size] in learned and start + size <= len(text)
        )
        for text in chars
    ]
    assert [sorted(f, key=lambda w: (w[0], w[1])) for f in learned_words(zh, learned)] == scanned


def test_learning_that_touches_no_word_keeps_the_dictionary_evidence() -> None:
    en, zh = ["The staff were pleased.", "They went home."], ["職員都很高興。", "他們回家了。"]
    aligner = search.SentenceAligner(en, zh, DEFAULT_RATIO)
    plain = aligner.lexical
    aligner.learn({"志强": frozenset({"lau"})})  # found nowhere in the paragraph
    assert aligner.lexical is plain
    aligner.learn({"职员": frozenset({"zorblax"})})  # found: the tables are made again
    assert aligner.lexical is not plain
    aligner.learn({"志强": frozenset({"lau"})})  # and back to the dictionary's own
    assert aligner.lexical is plain


def test_shape_priors_follow_the_document() -> None:
    priors = document_priors([(2, 1)] * 60 + [(1, 1)] * 40)
    assert priors[(2, 1)] > priors[(1, 2)] * 5
    assert abs(sum(priors.values()) - 1) < 1e-9


def test_a_document_aligns_every_paragraph_and_keeps_its_text() -> None:
    pairs = [
        ("The hospital received a grant. It opened in May.", "醫院獲得資助。醫院於五月啟用。"),
        ("The weather was cold.", "天氣寒冷。"),
    ]
    aligned = align_document(pairs)
    for (en, zh), groups in zip(pairs, aligned, strict=True):
        assert "".join(g.en for g in groups) == en and "".join(g.zh for g in groups) == zh


def test_what_a_document_teaches_does_not_depend_on_the_hash_seed() -> None:
    import subprocess
    import sys

    from conftest import REPO

    program = (
        "from sitegen.align.cooccurrence import learn_translations\n"
        "from sitegen.align.lexical import simplified\n"
        "groups = [('The technology works.', '科技有效。'), ('New technology.', '新科技。'),\n"
        "          ('Their technologies.', '他們的科技。'), ('Technologies grow.', '科技增長。')]\n"
        "learned = learn_translations(groups, [simplified(z) for _, z in groups])\n"
        "print(sorted((k, sorted(v)) for k, v in learned.items()))\n"
    )
    found = {
        subprocess.run(
            [sys.executable, "-c", program],
            cwd=REPO,
            env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("0", "1", "2", "3", "4", "5")
    }
    assert len(found) == 1, found


def test_a_cache_of_the_wrong_kind_or_in_an_open_folder_is_not_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import marshal

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    lexicon.load_index.cache_clear()
    try:
        lexicon.load_index()
        [cached] = (tmp_path / "sitegen").glob("cedict-*.marshal")
        cached.write_bytes(marshal.dumps(1))  # a valid file, not an index
        lexicon.load_index.cache_clear()
        assert "hospital" in lexicon.load_index()["医院"]
        assert lexicon._load_cached(cached) is not None  # rebuilt and stored again
        cached.parent.chmod(0o777)  # anyone could have put it there
        assert lexicon._load_cached(cached) is None
    finally:
        (tmp_path / "sitegen").chmod(0o700)
        lexicon.load_index.cache_clear()


def test_one_sentence_against_hundreds_is_still_aligned() -> None:
    groups = align_sentences("The government supports technology.", "政府支持科技。" * 260, 0.3)
    assert "".join(g.zh for g in groups) == "政府支持科技。" * 260
