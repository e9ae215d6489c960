"""`content check`'s warnings about test-wise patterns, shared identities,
scenario metadata and help numbers, each tried on a bad fixture and on the
fixed version of it; and the shipped content has none of them."""
from __future__ import annotations

from datetime import date

import pytest
import yaml
from click.testing import CliRunner

from edu.cli import content_cli
from edu.config import REPO_ROOT
from edu.content.discipline import identifiers, mockup_role, mockup_texts, review_library

TODAY = date(2026, 12, 1)
SOURCE = {"name": "Test warning", "date": "2026-01"}


def text(vi, en=None):
    return {"vi": vi, "en": en or vi}


def single(qid, right, wrongs, kind="single"):
    options = [{"id": "r", "correct": True, "text": text(right), "explanation": text("x")}]
    options += [{"id": f"w{i}", "text": text(w), "explanation": text("x")} for i, w in enumerate(wrongs)]
    return {"id": qid, "type": kind, "prompt": text("?"), "options": options}


def select_all(qid, right: int, total: int):
    options = [{"id": f"o{i}", "correct": i < right, "text": text(f"Option {i}"), "explanation": text("x")}
               for i in range(total)]
    return {"id": qid, "type": "multiple", "prompt": text("?"), "options": options}


def true_false(qid, answer: bool):
    return {"id": qid, "type": "true_false", "prompt": text("?"), "answer": answer,
            "explanation_true": text("x"), "explanation_false": text("x")}


def sms(body, link_text=None, target=None):
    message = {"id": "m", "text": text(body)}
    if target:
        message["link"] = {"id": "l", "text": link_text or target, "target": target}
    return {"kind": "sms", "sender": "SENDER", "messages": [message]}


def verdict(qid, answer, mockup=None, **extra):
    return {"id": qid, "type": "verdict", "mockup": mockup or sms("Hello"), "answer": answer,
            "explanation": text("x"), "source": SOURCE, "review_by": "2030-01-01", **extra}


def ordering(qid, steps, **extra):
    return {"id": qid, "type": "ordering", "prompt": text("?"), "explanation": text("x"),
            "steps": [{"id": f"s{i}", "text": text(s)} for i, s in enumerate(steps)], **extra}


@pytest.fixture
def folder(content):
    """write(slug, questions): adds a quiz to a copy of the test content; returns the folder."""
    def write(slug, questions):
        quiz = {"title": text("T"), "summary": text("S"), "topic": "scams", "audience": ["parents"],
                "questions": questions}
        (content / "quizzes" / f"{slug}.yaml").write_text(yaml.safe_dump(quiz, allow_unicode=True), encoding="utf-8")
        return content
    return write


def warnings(load, root, today=TODAY):
    return [str(p) for p in review_library(load(root), today).warnings]


def test_the_right_option_may_be_the_longest_in_at_most_40_percent(folder, load):
    root = folder("lengths", [single("a", "Call the number printed on your card", ["Reply", "Wait"]),
                              single("b", "Ask the school office in person", ["Tap it", "Pay"]),
                              single("c", "Yes", ["Call back the number that texted you"])])
    found = warnings(load, root)
    assert any(w.startswith("quizzes/lengths.yaml: questions: the right option is the longest in 2 of 3")
               and "(a, b)" in w for w in found), found
    root = folder("lengths", [single("a", "Call the number printed on your card", ["Reply", "Wait"]),
                              single("b", "Ask", ["Open the link just to look at it", "Pay"]),
                              single("c", "Yes", ["Call back the number that texted you"])])
    assert not any("lengths.yaml" in w for w in warnings(load, root))


def test_longest_counts_in_either_language(folder, load):
    right = {"id": "r", "correct": True, "text": text("Gọi số in trên mặt sau thẻ ngân hàng", "Call"),
             "explanation": text("x")}
    question = single("a", "x", ["Reply now"])
    question["options"][0] = right
    assert any("1 of 1" in w for w in warnings(load, folder("vi-long", [question])))


@pytest.mark.parametrize("keys, warned", [
    ((False, False, False, True), True),  # 25% true: always "false" scores 75%
    ((False, False, True, True), False),
    ((False, False, True), False),  # as close to half as three allow
    ((False, False, False), True),
    ((True,), False),
])
def test_true_false_keys_are_balanced(folder, load, keys, warned):
    root = folder("tf", [true_false(f"q{i}", key) for i, key in enumerate(keys)])
    found = [w for w in warnings(load, root) if "tf.yaml" in w]
    assert bool(found) == warned, found
    if warned:
        assert "true/false questions are true" in found[0] and "q0" in found[0]


def test_select_all_keys_vary(folder, load):
    same = folder("many", [select_all("a", 3, 4), select_all("b", 3, 4), select_all("c", 1, 4)])
    found = [w for w in warnings(load, same) if "many.yaml" in w]
    assert found == ["quizzes/many.yaml: questions: 2 of 3 select-all questions key 3 of 4 options (a, b); "
                     "vary how many are right (at most a third alike)"]
    varied = folder("many", [select_all("a", 3, 4), select_all("b", 2, 5), select_all("c", 1, 4)])
    assert not [w for w in warnings(load, varied) if "many.yaml" in w]


def test_a_third_of_verdicts_show_genuine_messages(folder, load):
    root = folder("verdicts", [verdict("a", "scam"), verdict("b", "scam"), verdict("c", "scam")])
    assert any("only 0 of 3 verdict and which-is-real items show a genuine message" in w for w in warnings(load, root))
    root = folder("verdicts", [verdict("a", "scam"), verdict("b", "safe"), verdict("c", "scam")])
    assert not [w for w in warnings(load, root) if "verdicts.yaml" in w]


def test_ordering_says_why_the_order_is_fixed_and_never_asks_for_help_late(folder, load):
    steps = ["Stop replying", "Screenshot the chat", "Report the account", "Tell an adult you trust"]
    found = [w for w in warnings(load, folder("order", [ordering("after", steps)])) if "order.yaml" in w]
    assert "quizzes/order.yaml: questions[0] (after): an ordering question must say why no two steps could swap" in found[0]
    assert found[1].startswith("quizzes/order.yaml: questions[0] (after).steps[3]: step 4 of 4 tells someone to get help")
    fixed = ordering("after", [steps[3], *steps[:3]], fixed_because=text("Each needs the one before."))
    assert not [w for w in warnings(load, folder("order", [fixed])) if "order.yaml" in w]


def test_one_number_or_domain_never_plays_two_roles(folder, load):
    folder("scam", [verdict("fake", "scam", sms("Goi 0905 511 222", target="https://senvang-hotro.web.app")),
                    verdict("real", "safe", sms("Hi"))])
    root = folder("genuine", [verdict("teacher", "safe", sms("Co giao day: 0905 511 222")),
                              verdict("other", "scam", sms("Hi"))])
    found = [w for w in warnings(load, root) if "two roles" in w]
    assert len(found) == 1 and "'0905511222' plays two roles" in found[0]
    assert "genuine in quizzes/genuine.yaml teacher" in found[0] and "scam in quizzes/scam.yaml fake" in found[0]


def test_a_scam_link_may_show_the_real_address(folder, load):
    folder("scam", [verdict("fake", "scam", sms("Xac thuc", link_text="senvangbank.vn", target="https://sv-xacthuc.com.vn")),
                    verdict("real", "safe", sms("Hi"))])
    root = folder("genuine", [verdict("bank", "safe", sms("Xem tai", target="https://senvangbank.vn")),
                              verdict("other", "scam", sms("Hi"))])
    assert not [w for w in warnings(load, root) if "two roles" in w]


def test_identifiers_are_normalised():
    assert identifiers("Goi +84 905 511 222 hoac 0905.511.222") == {"0905511222"}
    assert identifiers("STK 1903 5566 7788 tai www.Senvang-Hotro.web.app/login") == {"1903556677 88".replace(" ", ""), "senvang-hotro.web.app"}
    assert identifiers("Tai file hoa-don.pdf") == set()


def test_scenarios_name_their_source_and_come_up_for_review(folder, load):
    question = verdict("a", "safe")
    del question["source"]
    root = folder("meta", [question])
    assert "quizzes/meta.yaml: questions[0] (a): a scenario needs source: the public warning" in " ".join(warnings(load, root))
    root = folder("meta", [verdict("a", "safe", review_by="2026-06-30")])
    review = review_library(load(root), TODAY)
    assert not [w for w in review.warnings if "meta.yaml" in w]
    assert [str(p) for p in review.due] == [
        "quizzes/meta.yaml: questions[0] (a): was due for review on 2026-06-30 (based on Test warning, 2026-01)"]
    assert not review_library(load(root), date(2026, 6, 30)).due


def test_help_numbers_link_to_the_directory(content, load):
    (content / "lessons" / "help-directory.yaml").write_bytes((REPO_ROOT / "lessons" / "help-directory.yaml").read_bytes())
    lesson = content / "lessons" / "first-lesson" / "vi.md"
    lesson.write_text(lesson.read_text(encoding="utf-8") + "\nGọi 111 hoặc [113](/help#police).\n", encoding="utf-8")
    found = [w for w in warnings(load, content) if "first-lesson" in w]
    assert found == ["lessons/first-lesson/vi.md: body: mentions 111 without linking it to the help directory, "
                     "e.g. [111](/help#<channel id>)"]
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("Gọi 111", "Gọi [111](/help#child-protection)"),
                      encoding="utf-8")
    assert not [w for w in warnings(load, content) if "first-lesson" in w]


def test_a_link_to_a_missing_channel_is_an_error(content, problems):
    (content / "lessons" / "help-directory.yaml").write_bytes((REPO_ROOT / "lessons" / "help-directory.yaml").read_bytes())
    quiz = content / "quizzes" / "first-quiz.yaml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("{vi: A sai., en: A is wrong.}",
                                                             "{vi: \"[111](/help#hotline)\", en: A is wrong.}"), encoding="utf-8")
    assert problems(content) == ["quizzes/first-quiz.yaml: questions[0].options[0].explanation.vi: links to "
                                 "/help#hotline, but lessons/help-directory.yaml has no channel with that id"]


def test_a_bad_help_directory_names_the_field(content, problems):
    data = yaml.safe_load((REPO_ROOT / "lessons" / "help-directory.yaml").read_text(encoding="utf-8"))
    data["channels"][0]["url"] = "http://111.example"
    data["channels"][1].pop("how")
    (content / "lessons" / "help-directory.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    found = problems(content)
    assert "lessons/help-directory.yaml: channels[0]: url must start with tel:, sms: or https://" in found
    assert "lessons/help-directory.yaml: channels[1].how: this field is required" in found


def test_content_check_prints_warnings_and_fails(folder):
    root = folder("tf", [true_false("a", False), true_false("b", False), true_false("c", False)])
    result = CliRunner().invoke(content_cli, ["check", "--dir", str(root)])
    assert result.exit_code != 0
    assert "warning: quizzes/tf.yaml: questions: 0 of 3 true/false questions are true" in result.output
    assert "1 warning(s)" in result.output


def test_shipped_content_has_no_warnings(load):
    review = review_library(load(REPO_ROOT), TODAY)
    assert [str(w) for w in review.warnings] == []
    help_directory = load(REPO_ROOT).help
    assert {"111", "113", "115", "5656"} <= help_directory.short_numbers
    assert {c.id for c in help_directory.channels} >= {
        "child-protection", "police", "ambulance", "report-spam", "spam-portal", "warning-portal", "trusted-sites",
        "vneid", "take-it-down", "stopncii"}


def test_shipped_scam_addresses_often_look_ordinary(load):
    """At least a third of each quiz's scam domains end like real ones (.vn, .com.vn, .com, a
    free-hosting subdomain): "an odd ending means a scam" is not the lesson."""
    ordinary = (".vn", ".com", ".web.app", ".github.io", ".blogspot.com", ".org", ".net")
    for quiz in load(REPO_ROOT).authored_quizzes():
        domains = set()
        for question in quiz.questions:
            mockups = [(side.mockup, mockup_role(question, side)) for side in getattr(question, "sides", [])]
            mockups += [(question.mockup, mockup_role(question))] if getattr(question, "mockup", None) else []
            domains |= {ident for mockup, role in mockups if role == "scam" for text in mockup_texts(mockup)
                        for ident in identifiers(text) if "." in ident and not ident[0].isdigit()}
        if domains:
            assert 3 * sum(d.endswith(ordinary) for d in domains) >= len(domains), (quiz.slug, sorted(domains))


def test_content_check_lists_scenarios_due_for_review_without_failing(folder):
    root = folder("meta", [verdict("a", "safe", review_by="2020-01-31"), verdict("b", "scam")])
    result = CliRunner().invoke(content_cli, ["check", "--dir", str(root)])
    assert result.exit_code == 0, result.output
    assert "review due: quizzes/meta.yaml: questions[0] (a): was due for review on 2020-01-31" in result.output
    assert "OK: 1 lessons and 4 quizzes" in result.output
