"""Word error rate and its normalisation."""

import pytest

from speech.stt.wer import edit_distance, normalise_words, word_error_rate


@pytest.mark.parametrize("text,words", [
    ("Please open your books at page twelve.", "please open your books at page 12"),
    ("Page 12, my favorite COLOR!", "page 12 my favourite colour"),
    ("one hundred and five", "105"),
    ("twenty one", "21"),
    ("two thousand and twenty four", "2024"),
    ("1,000 pupils", "1000 pupils"),
    ("Don't stop.", "dont stop"),
    ("oh no", "oh no"),
    ("The Victorians' railways", "the victorians railways"),
    ("analyze the center", "analyse the centre"),
    ("well-known", "well known"),
])
def test_normalisation(text, words):
    assert normalise_words(text) == words.split()


def test_edit_distance_counts_each_kind_of_error():
    assert edit_distance("a b c".split(), "a b c".split()) == 0
    assert edit_distance("a b c".split(), "a x c".split()) == 1  # substitution
    assert edit_distance("a b c".split(), "a c".split()) == 1  # deletion
    assert edit_distance("a b c".split(), "a b b c".split()) == 1  # insertion
    assert edit_distance([], "a b".split()) == 2


def test_wer_pools_errors_over_sentences():
    refs = ["the cat sat", "on the mat today"]
    hyps = ["the cat sat", "on a mat"]
    assert word_error_rate(refs, hyps) == pytest.approx(2 / 7)


def test_wer_folds_form_not_substance():
    assert word_error_rate("My favourite colour is green.", "my favorite color is green") == 0
    assert word_error_rate("page twelve", "Page 12.") == 0
    assert word_error_rate("page twelve", "page twenty") == 0.5


def test_wer_rejects_unpaired_lists():
    with pytest.raises(ValueError):
        word_error_rate(["a"], ["a", "b"])
