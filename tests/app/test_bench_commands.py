"""``lesson-lab bench commands``: the scoring of spoken commands, the script set, and a real run."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter

import numpy as np
import pytest

from app.bench_commands import figures, utterances_of
from app.bench_commands_score import replay, rules_alone, score_script
from app.bench_commands_scripts import COMMAND_MARKS, EDIT_CHANGES, FAST_SCRIPTS, SCRIPTS, Script
from app.dictation_controller import engine_options
from speech.dictation import DictationOptions
from speech.stt.base import Final, Word

WHISPER = engine_options(DictationOptions(), "whisper")

RAIN = Script("rain", ("it was raining [semicolon] we stayed inside [full stop]",),
              "It was raining; we stayed inside.")
PARK = Script("park", ("my dog is called Biscuit", "[scratch that]",
                       "we played football [full stop]"), "We played football.")
CATS = Script("cats", ("I like cats [full stop]", "my dog is called Biscuit", "[scratch that]"),
              "I like cats.")
ANSWER = Script("answer", ("the answer is 25 [full stop]", "[scratch that]", "[undo that]"),
                "The answer is 25.")


def scored(script: Script, *finals: tuple[str, set[int]]):
    """Score ``script`` as if Whisper wrote ``finals`` (text, utterances heard in)."""
    dictated = replay([(text, frozenset(heard)) for text, heard in finals], WHISPER)
    return score_script(script, dictated)


def outcomes(result) -> list[tuple[str, str]]:
    return [(c.command.phrase, c.outcome) for c in result.commands]


@pytest.mark.parametrize(
    ("heard", "semicolon", "left", "word_errors"),
    [
        # Carried out: the mark in its place, no words of the command left.
        ("It was raining, semicolon, we stayed inside, full stop.", "correct", False, 0),
        # Misheard: its words stand where the mark should be (not counted as word errors).
        ("It was raining semico when we stayed inside, full stop.", "left as words", True, 0),
        # An extra mark beside it is counted apart (extra_marks), not against it.
        ("It was raining semicolon colon we stayed inside full stop.", "correct", False, 0),
        # Whisper's own semicolon is not the pupil's: only the spoken command counts.
        ("It was raining; we stayed inside, full stop.", "missing", False, 0),
        # Its words standing in for the words around it ("the semicolon" for "raining").
        ("It was the semicolon we stayed inside, full stop.", "left as words", True, 1),
        # In the wrong place: a word too early.
        ("It was semicolon raining we stayed inside full stop.", "wrong place", False, 0),
        # Another mark instead.
        ("It was raining colon we stayed inside full stop.", "wrong mark", False, 0),
        # Gone without trace; and an ordinary word wrong next to it is a word error.
        ("It was raining we stayed inside full stop.", "missing", False, 0),
        ("It was raining we stayed outside full stop.", "missing", False, 1),
    ],
)
def test_a_punctuation_command_is_scored_by_its_place(heard, semicolon, left, word_errors):
    result = scored(RAIN, (heard, {0}))
    command = result.commands[0]
    assert (command.command.phrase, command.outcome) == ("semicolon", semicolon)
    assert command.correct == (semicolon == "correct")
    assert command.left_as_words is left
    assert result.commands[1].outcome == "correct"  # the full stop
    assert (result.words, result.word_errors) == (6, word_errors)


def test_own_words_beside_a_mark_leave_it_not_correct():
    result = scored(RAIN, ("It was raining semicolon we stayed inside full stop stop.", {0}))
    assert result.got == "It was raining; we stayed inside. Stop"
    full_stop = result.commands[1]
    assert (full_stop.outcome, full_stop.left_as_words, full_stop.heard_as) == (
        "left as words", True, ". stop")
    assert result.word_errors == 0  # "stop" is the command's failure, not a word error


def test_own_words_misheard_among_others_are_the_commands_failure():
    result = scored(RAIN, ("It was raining semicolon we stayed in the full stop.", {0}))
    full_stop = result.commands[1]
    assert (full_stop.outcome, full_stop.heard_as) == ("left as words", "in the full stop")
    assert result.word_errors == 2  # "inside" heard as "in the"; "full stop" is the command's


def test_a_misheard_mark_command_is_shown_as_heard():
    result = scored(RAIN, ("It was raining semico when we stayed inside full stop.", {0}))
    assert result.commands[0].heard_as == "semico when"
    assert not result.exact


@pytest.mark.parametrize(
    ("finals", "expected", "word_errors"),
    [
        # Carried out: Biscuit is gone, nothing of the command is left.
        ([("My dog is called Biscuit.", {0}), ("Scratch that.", {1}),
          ("We played football, full stop.", {2})],
         [("scratch that", "correct"), ("full stop", "correct")], 0),
        # Misheard: its words are written and Biscuit stays; neither is a word error.
        ([("My dog is called Biscuit.", {0}), ("Scratch mat.", {1}),
          ("We played football, full stop.", {2})],
         [("scratch that", "left as words"), ("full stop", "correct")], 0),
        # Heard with the phrase before it, it is just words.
        ([("My dog is called Biscuit, scratch that.", {0, 1}),
          ("We played football, full stop.", {2})],
         [("scratch that", "left as words"), ("full stop", "correct")], 0),
        # Never heard at all.
        ([("My dog is called Biscuit.", {0}), ("We played football, full stop.", {2})],
         [("scratch that", "missing"), ("full stop", "correct")], 0),
    ],
)
def test_scratch_that_is_scored_by_what_it_did(finals, expected, word_errors):
    result = scored(PARK, *finals)
    assert outcomes(result) == expected
    assert result.word_errors == word_errors
    assert result.exact == (expected[0][1] == "correct")


def test_scratch_that_which_takes_away_too_much_is_in_the_wrong_place():
    # "I like cats." and Biscuit were heard as one phrase: scratching it takes both.
    result = scored(CATS, ("I like cats, full stop. My dog is called Biscuit.", {0, 1}),
                    ("Scratch that.", {2}))
    assert result.got == ""
    assert outcomes(result) == [("full stop", "missing"),
                                ("scratch that", "removed the wrong text")]
    assert result.word_errors == 3


def test_undo_that_brings_back_what_was_scratched():
    right = scored(ANSWER, ("The answer is 25, full stop.", {0}), ("Scratch that.", {1}),
                   ("Undo that.", {2}))
    assert right.exact and all(c.correct for c in right.commands)
    misheard = scored(ANSWER, ("The answer is 25, full stop.", {0}), ("Scratch that.", {1}),
                      ("A new mat.", {2}))
    assert misheard.got == "A new mat"
    # The scratch did its part; the sentence it took stays gone, so its full stop is missing.
    assert outcomes(misheard) == [("full stop", "missing"), ("scratch that", "correct"),
                                  ("undo that", "left as words")]


def test_numbers_count_as_the_same_word_as_digits_or_words():
    result = scored(ANSWER, ("The answer is twenty-five full stop.", {0}),
                    ("Scratch that.", {1}), ("Undo that.", {2}))
    assert result.word_errors == 0 and not result.exact


def test_figures_add_up_from_the_results():
    results = [
        scored(RAIN, ("It was raining semico when we stayed inside full stop.", {0})),
        scored(PARK, ("My dog is called Biscuit.", {0}), ("Scratch that.", {1}),
               ("We played football full stop.", {2})),
    ]
    summary = figures(results)
    assert (summary["commands"], summary["correct"], summary["left_as_words"]) == (4, 3, 1)
    assert summary["correct_share"] == 0.75 and summary["left_as_words_share"] == 0.25
    assert (summary["words"], summary["word_errors"], summary["exact_scripts"]) == (9, 0, 1)
    assert summary["by_command"]["semicolon"] == {"commands": 1, "correct": 0,
                                                  "left_as_words": 1}
    assert summary["by_position"]["alone"]["correct"] == 1


def test_a_final_belongs_to_the_utterances_its_words_were_heard_in():
    spans = [(0.5, 2.0), (3.0, 4.0), (5.0, 6.0)]
    def final(*times):
        return Final("x", tuple(Word("w", start, end, 0.9) for start, end in times))
    assert utterances_of(final((0.4, 0.8), (1.5, 2.1)), spans) == {0}
    assert utterances_of(final((1.8, 2.2), (3.1, 3.5)), spans) == {0, 1}
    assert utterances_of(final((5.5, 6.6)), spans) == {2}
    assert utterances_of(Final("", ()), spans) == frozenset()


def test_the_scripts_say_every_command_often_and_everywhere():
    said = Counter(c.phrase for s in SCRIPTS for c in s.commands())
    for phrase in (*COMMAND_MARKS, *EDIT_CHANGES):
        assert said[phrase] >= 2, phrase
    assert set(said) <= set(COMMAND_MARKS) | set(EDIT_CHANGES)
    positions = Counter(c.position for s in SCRIPTS for c in s.commands())
    assert min(positions[p] for p in ("start", "middle", "end", "alone")) >= 2
    assert sum(bool(re.search(r"\d", s.expected)) for s in SCRIPTS) >= 3  # numbers
    assert 20 <= len(SCRIPTS) <= 30 and len({s.name for s in SCRIPTS}) == len(SCRIPTS)
    fast = [s for s in SCRIPTS if s.name in FAST_SCRIPTS]
    assert {c.phrase for s in fast for c in s.commands()} == set(said)


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda s: s.name)
def test_each_script_heard_perfectly_gives_exactly_the_expected_text(script):
    # The answer key and the text rules agree, so every failure the bench
    # reports is a recognition error, not a mistake in the script.
    result = rules_alone(script, WHISPER)
    assert result.got == script.expected
    assert all(c.correct for c in result.commands) and result.word_errors == 0


def test_bad_options_give_one_line():
    for args, expected in ((["--voices", "en-gb,xx-nowhere"], "no voice called 'xx-nowhere'"),
                           (["--scripts", "otter,nope"], "no script called 'nope'"),
                           (["--wpm", "20"], "--wpm")):
        result = subprocess.run([sys.executable, "-m", "app.cli", "bench", "commands", *args],
                                capture_output=True, text=True, timeout=60)
        assert result.returncode != 0
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and expected in lines[0], result.stderr


@pytest.mark.slow
def test_a_real_run_reports_figures_that_match_its_failures():
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "bench", "commands", "--voices", "en-gb",
         "--scripts", "letter,answer"],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["engine"] == "whisper" and report["text_rules"]["engine_punctuates"]
    assert report["key_words"] == []
    assert report["audio"]["scripts"] == ["letter", "answer"]
    scripts = {s.name: s for s in SCRIPTS}
    overall, voice = report["overall"], report["voices"]["en-gb"]
    assert overall == voice  # one voice
    failures = report["failures"]
    # letter: comma, new line, exclamation mark; answer: full stop, scratch that, undo that.
    assert overall["commands"] == 6
    assert overall["correct"] == 6 - len(failures)
    assert overall["correct_share"] == pytest.approx(overall["correct"] / 6, abs=1e-4)
    assert overall["left_as_words"] == sum(f["left_as_words"] for f in failures)
    assert overall["left_as_words_share"] == pytest.approx(overall["left_as_words"] / 6, abs=1e-4)
    # "Dear Grandma thank you for the lovely present" and "The answer is 25".
    assert overall["words"] == 12
    assert overall["wer"] == pytest.approx(overall["word_errors"] / 12, abs=1e-4)
    assert sum(row["commands"] for row in overall["by_command"].values()) == 6
    assert sum(row["correct"] for row in overall["by_position"].values()) == overall["correct"]
    for failure in failures:
        assert failure["voice"] == "en-gb" and failure["outcome"] != "correct"
        assert failure["expected"] == scripts[failure["script"]].expected
        assert failure["whisper_heard"]  # something was heard in every script
    # A script whose commands all came out right and whose words were all heard is exact.
    failed_scripts = {f["script"] for f in failures}
    assert overall["exact_scripts"] <= 2 - len(failed_scripts)
    assert report["rules_alone"]["correct_share"] == 1.0 and report["rules_alone"]["wer"] == 0
    # Every figure comes from the scripts as heard: scoring them again gives the same.
    again = [score_script(scripts[entry["script"]],
                          replay([(h["text"], frozenset(h["utterances"])) for h in entry["heard"]],
                                 WHISPER))
             for entry in report["scripts"]]
    assert [r.got for r in again] == [entry["got"] for entry in report["scripts"]]
    assert figures(again) == overall
    assert overall["correct"] >= 1  # the real path carries out spoken commands at all


@pytest.mark.slow
def test_a_lessons_key_words_are_given_and_reported():
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "bench", "commands", "--voices", "en-gb",
         "--scripts", "kit", "--key-words", "pencil, ruler,rubber"],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["key_words"] == ["pencil", "ruler", "rubber"]
    (entry,) = report["scripts"]
    heard = [(h["text"], frozenset(h["utterances"])) for h in entry["heard"]]
    again = score_script({s.name: s for s in SCRIPTS}["kit"], replay(heard, WHISPER))
    assert again.got == entry["got"] and figures([again]) == report["overall"]
    assert report["overall"]["commands"] == 3  # colon, comma, full stop


class _Engine:
    """Records which way a recording reaches the engine; hears nothing."""

    name = "scripted"

    def __init__(self):
        self.given = []

    def transcribe_recording(self, _model, _samples):
        self.given.append("whole")
        return []


class _Recogniser:
    def accept(self, _chunk):
        return []

    def flush(self):
        return []


class _Loaded:
    def __init__(self):
        self.engine = _Engine()
        self.model = object()

    def recogniser(self, **options):
        self.engine.given.append(("stream", options))
        return _Recogniser()


def test_a_file_is_read_whole_unless_streamed_and_dictation_always_streams():
    from app.cli_transcribe import transcribe_audio

    loaded = _Loaded()
    quiet = np.zeros(16_000, np.int16)
    transcribe_audio(loaded, quiet)
    transcribe_audio(loaded, quiet, stream=True)
    transcribe_audio(loaded, quiet, dictation=True)
    assert loaded.engine.given == [
        "whole",
        ("stream", {"dictation": False, "partials": False}),
        ("stream", {"dictation": True, "partials": False}),
    ]
