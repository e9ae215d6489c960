"""Item and test statistics, checked against numbers worked out by hand."""
import math

import pytest

from edu.services import statistics as stats
from edu.services.statistics import ItemStats

QIDS = ["q1", "q2", "q3"]


def rows(*marks):
    """Attempts from tuples of marks in QIDS order."""
    return [dict(zip(QIDS, row)) for row in marks]


# Five attempts, three questions:
#        q1 q2 q3 | total
#   A     1  1  1 |  3
#   B     1  1  0 |  2
#   C     1  0  1 |  2
#   D     0  1  0 |  1
#   E     0  0  0 |  0
WORKED = rows((1, 1, 1), (1, 1, 0), (1, 0, 1), (0, 1, 0), (0, 0, 0))


def test_facility_is_mean_mark_as_percent():
    # q1: 3/5 = 60%, q2: 3/5 = 60%, q3: 2/5 = 40%
    items = stats.item_statistics(QIDS, WORKED)
    assert [i.question_id for i in items] == QIDS
    assert [i.attempts for i in items] == [5, 5, 5]
    assert [i.facility for i in items] == pytest.approx([60.0, 60.0, 40.0])


def test_discrimination_correlates_with_rest_of_total():
    q1, q2, q3 = stats.item_statistics(QIDS, WORKED)

    # q1: x = [1,1,1,0,0], rest = q2+q3 = [2,1,1,1,0]; means 0.6 and 1.0
    #   dx = [.4,.4,.4,-.6,-.6], dy = [1,0,0,0,-1]
    #   Sxy = .4 + .6 = 1.0; Sxx = 3(.16) + 2(.36) = 1.2; Syy = 1 + 1 = 2
    #   r = 1.0 / sqrt(1.2 * 2) = 1 / sqrt(2.4) = 0.6454972...
    assert q1.discrimination == pytest.approx(64.54972244, abs=1e-6)
    assert q1.needs_checking == "unlikely"

    # q2: x = [1,1,0,1,0], rest = q1+q3 = [2,1,2,0,0]; means 0.6 and 1.0
    #   dx = [.4,.4,-.6,.4,-.6], dy = [1,0,1,-1,-1]
    #   Sxy = .4 + 0 - .6 - .4 + .6 = 0  ->  r = 0
    assert q2.discrimination == pytest.approx(0.0, abs=1e-9)
    assert q2.needs_checking == "very likely"

    # q3: x = [1,0,1,0,0], rest = q1+q2 = [2,2,1,1,0]; means 0.4 and 1.2
    #   dx = [.6,-.4,.6,-.4,-.4], dy = [.8,.8,-.2,-.2,-1.2]
    #   Sxy = .48 - .32 - .12 + .08 + .48 = 0.6
    #   Sxx = 2(.36) + 3(.16) = 1.2; Syy = .64+.64+.04+.04+1.44 = 2.8
    #   r = 0.6 / sqrt(1.2 * 2.8) = 0.6 / sqrt(3.36) = 0.3273268...
    assert q3.discrimination == pytest.approx(32.73268354, abs=1e-6)
    assert q3.needs_checking == "likely"

    assert not any(i.negative for i in (q1, q2, q3))


def test_rest_not_total_is_used():
    # Against the full total [3,2,2,1,0] q1 would give r = 1.8/sqrt(1.2*5.2) = 0.7206 (72.06),
    # so this pins the rest-of-total definition (64.55 above).
    q1 = stats.item_statistics(QIDS, WORKED)[0]
    assert q1.discrimination != pytest.approx(100 * 1.8 / math.sqrt(1.2 * 5.2), abs=1e-3)


def test_whole_test_figures_for_worked_example():
    result = stats.test_statistics(QIDS, WORKED)
    # totals [3,2,2,1,0]: mean 1.6 -> 1.6/3 = 53.333%; median 2 -> 66.667%
    # deviations [1.4,.4,.4,-.6,-1.6], squares sum 1.96+.16+.16+.36+2.56 = 5.2, variance 5.2/4 = 1.3
    # sd = sqrt(1.3)/3 = 38.0058...%
    # item variances: each item has Sxx = 1.2 (see above), so 1.2/4 = 0.3 each, sum 0.9
    # alpha = 3/2 * (1 - 0.9/1.3) = 1.5 * 0.4/1.3 = 0.6/1.3 = 0.4615384...
    assert (result.attempts, result.max_score) == (5, 3)
    assert result.mean == pytest.approx(53.33333333, abs=1e-6)
    assert result.median == pytest.approx(66.66666667, abs=1e-6)
    assert result.sd == pytest.approx(38.00584750, abs=1e-6)
    assert result.alpha == pytest.approx(0.46153846, abs=1e-6)


def test_alpha_small_example():
    # Two questions, three attempts: (1,1), (1,0), (0,0)
    # q1 = [1,1,0]: mean 2/3, SS = 2(1/9) + 4/9 = 2/3, variance (n-1) = 1/3
    # q2 = [1,0,0]: same, variance 1/3; sum of item variances = 2/3
    # totals [2,1,0]: mean 1, SS = 2, variance 1
    # alpha = 2/1 * (1 - (2/3)/1) = 2/3; the same six attempts twice over give the
    # same alpha (variances 4/15 each, totals 12/15), and five or more are needed.
    attempts = [{"a": 1, "b": 1}, {"a": 1, "b": 0}, {"a": 0, "b": 0}] * 2
    assert stats.test_statistics(["a", "b"], attempts).alpha == pytest.approx(2 / 3, abs=1e-9)
    assert stats.test_statistics(["a", "b"], attempts[:3]).alpha is None  # too few, like the other indexes


def test_alpha_none_when_not_defined():
    # one question: p/(p-1) is undefined
    assert stats.test_statistics(["a"], [{"a": 1}, {"a": 0}]).alpha is None
    # every total equal (2 x 1.0): variance of totals is 0
    flat = [{"a": 1, "b": 0}, {"a": 0, "b": 1}, {"a": 1, "b": 0}]
    result = stats.test_statistics(["a", "b"], flat)
    assert result.alpha is None
    assert result.sd == 0.0


def test_negative_discrimination_is_flagged():
    # Strong students miss q1:
    #   q1 x = [0,0,1,1,1], rest = [2,2,1,0,0]; means 0.6 and 1.0
    #   dx = [-.6,-.6,.4,.4,.4], dy = [1,1,0,-1,-1]
    #   Sxy = -.6 - .6 + 0 - .4 - .4 = -2.0; Sxx = 1.2; Syy = 4
    #   r = -2 / sqrt(4.8) = -0.9128709...
    attempts = rows((0, 1, 1), (0, 1, 1), (1, 1, 0), (1, 0, 0), (1, 0, 0))
    q1 = stats.item_statistics(QIDS, attempts)[0]
    assert q1.discrimination == pytest.approx(-91.28709292, abs=1e-6)
    assert q1.needs_checking == "very likely"
    assert q1.negative is True


def test_fewer_than_five_attempts_gives_no_discrimination():
    # The first four rows of WORKED still vary on every item, yet 4 < 5.
    items = stats.item_statistics(QIDS, WORKED[:4])
    assert [i.discrimination for i in items] == [None, None, None]
    assert [i.needs_checking for i in items] == [None, None, None]
    assert not any(i.negative for i in items)
    # facility is still reported: q1 3/4, q2 3/4, q3 2/4
    assert [i.facility for i in items] == pytest.approx([75.0, 75.0, 50.0])


def test_zero_variance_gives_no_discrimination():
    # q2 right for everyone: its own variance is 0 (facility still 100%).
    # With only q1 and q2 in the quiz, q1's rest is q2 = constant, so q1 gets None too,
    # even though q1 itself varies.
    attempts = [{"q1": 1, "q2": 1}, {"q1": 1, "q2": 1}, {"q1": 0, "q2": 1}, {"q1": 0, "q2": 1}, {"q1": 1, "q2": 1}]
    q1, q2 = stats.item_statistics(["q1", "q2"], attempts)
    assert (q2.facility, q2.discrimination, q2.needs_checking) == (100.0, None, None)
    assert (q1.facility, q1.discrimination, q1.needs_checking) == (pytest.approx(60.0), None, None)


def test_missing_question_counts_as_zero():
    explicit = rows((1, 1, 1), (1, 1, 0), (1, 0, 1), (0, 1, 0), (0, 0, 0))
    sparse = [{k: v for k, v in a.items() if v} for a in explicit]
    sparse[0]["not-in-quiz"] = 1  # marks for other questions are ignored
    assert sparse[4] == {}
    assert stats.item_statistics(QIDS, sparse) == stats.item_statistics(QIDS, explicit)
    assert stats.test_statistics(QIDS, sparse) == stats.test_statistics(QIDS, explicit)
    # a question nobody answered: facility 0, no spread so no discrimination
    never = stats.item_statistics(QIDS + ["q4"], sparse)[3]
    assert (never.facility, never.discrimination) == (0.0, None)


def test_partial_marks():
    # q1 marks 1, .5, .5, 0 -> mean .5 -> 50%; totals with q2 [2, 1.5, .5, 0] -> mean 1 -> 50%
    attempts = [{"q1": 1, "q2": 1}, {"q1": 0.5, "q2": 1}, {"q1": 0.5}, {}]
    assert stats.item_statistics(["q1", "q2"], attempts)[0].facility == pytest.approx(50.0)
    # median of [0, .5, 1.5, 2] = 1.0 -> 50%
    result = stats.test_statistics(["q1", "q2"], attempts)
    assert (result.mean, result.median) == pytest.approx((50.0, 50.0))


@pytest.mark.parametrize("value, band", [
    (29.99, "very likely"), (30.0, "likely"), (49.99, "likely"), (50.0, "unlikely"),
    (-5.0, "very likely"), (None, None),
])
def test_needs_checking_bands(value, band):
    assert stats.needs_checking_for(value) == band


def test_no_attempts():
    item = stats.item_statistics(QIDS, [])[0]
    assert (item.attempts, item.facility, item.discrimination, item.needs_checking) == (0, None, None, None)
    assert stats.test_statistics(QIDS, []) == stats.TestStats(
        attempts=0, max_score=3, mean=None, median=None, sd=None, alpha=None)


def test_one_attempt():
    # total 2 of 3 -> 66.667% for both mean and median; no spread from one value
    result = stats.test_statistics(QIDS, [{"q1": 1, "q2": 1}])
    assert (result.attempts, result.max_score) == (1, 3)
    assert result.mean == pytest.approx(200 / 3)
    assert result.median == pytest.approx(200 / 3)
    assert (result.sd, result.alpha) == (None, None)


def test_histogram_bands_and_clamping():
    # band 0: 0, 9.99, -5 (clamped to 0); band 1: 10; band 5: 55;
    # band 9: 99.9, 100 (last band includes 100), 120 (clamped to 100)
    values = [0, 9.99, -5, 10, 55, 99.9, 100, 120]
    assert stats.score_histogram(values) == [3, 1, 0, 0, 0, 1, 0, 0, 0, 3]


def test_histogram_other_bin_counts():
    assert stats.score_histogram([]) == [0] * 10
    # four bands of 25: 0 | 25 | 50 | 75, 100
    assert stats.score_histogram([0, 25, 50, 75, 100], bins=4) == [1, 1, 1, 2]
    with pytest.raises(ValueError):
        stats.score_histogram([50], bins=0)


def item(qid, facility):
    return ItemStats(question_id=qid, attempts=10, facility=facility, discrimination=None, needs_checking=None)


def test_difficult_questions_hardest_first_ties_in_order():
    items = [item("a", 90), item("b", 40), item("c", None), item("d", 60), item("e", 40), item("f", 80)]
    # 80 is not below 80; None (no attempts) is left out; b and e tie and keep quiz order
    assert [i.question_id for i in stats.difficult_questions(items)] == ["b", "e", "d"]
    assert [i.question_id for i in stats.difficult_questions(items, threshold=50)] == ["b", "e"]
    assert [i.question_id for i in stats.difficult_questions(items, threshold=80.5)] == ["b", "e", "d", "f"]
