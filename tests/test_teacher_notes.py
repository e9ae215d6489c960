"""Teacher notes: a lesson's printable page for the class teacher, checked
like every content file (the file and the field named when one is wrong)."""
from __future__ import annotations

import pytest

NOTES = """goals:
  - {vi: Học sinh nhận ra tin nhắn giục chuyển tiền., en: Students recognise a message that rushes them to pay.}
  - {vi: Học sinh biết hỏi người lớn., en: Students know to ask an adult.}
plan:
  - minutes: 10
    what: {vi: Khởi động với một tin nhắn thật., en: Warm-up with a real message.}
  - minutes: %(minutes)s
    what: {vi: Làm bài trắc nghiệm trên Lá Chắn., en: The quiz on Lá Chắn.}
discussion:
  - {vi: Điều gì khiến em vội?, en: What made you hurry?}
  - {vi: Em sẽ hỏi ai?, en: Who would you ask?}
  - {vi: Làm sao kiểm tra?, en: How would you check?}
activity: {vi: "Chia nhóm **ba** người.", en: "Groups of **three**."}
disclosure: {vi: "Lắng nghe, tin em, gọi [111](/help#%(channel)s).", en: "Listen, believe, call [111](/help#%(channel)s)."}
take_home: {vi: "%(card)s", en: Stop and ask before you pay.}
"""


def _write(content, minutes=35, channel="child-protection", card="Dừng lại và hỏi trước khi trả tiền."):
    path = content / "lessons" / "first-lesson" / "teacher-notes.yaml"
    path.write_text(NOTES % {"minutes": minutes, "channel": channel, "card": card}, encoding="utf-8")


@pytest.mark.parametrize("lang, words", [("vi", ["Học sinh nhận ra", "0–10", "10–45", "<strong>ba</strong>", 'href="/help#child-protection"']),
                                         ("en", ["Students recognise", "Groups of <strong>three</strong>", "Stop and ask"])])
def test_the_notes_page_in_each_language(make_app, content, lang, words):
    _write(content)
    client = make_app(content).test_client()
    page = client.get(f"/lessons/first-lesson/teacher-notes?lang={lang}").text
    assert all(word in page for word in words), page
    assert "/lessons/first-lesson/teacher-notes" in client.get(f"/lessons/first-lesson?lang={lang}").text


def test_a_lesson_without_notes_has_no_notes_page(make_app):
    client = make_app().test_client()
    assert client.get("/lessons/first-lesson/teacher-notes").status_code == 404
    assert "teacher-notes" not in client.get("/lessons/first-lesson").text


@pytest.mark.parametrize("change, field", [({"minutes": 30}, "plan"), ({"channel": "nowhere"}, "disclosure"),
                                           ({"card": "x" * 601}, "take_home")])
def test_a_wrong_note_names_its_file_and_field(content, problems, change, field):
    _write(content, **change)
    found = problems(content)
    assert any("first-lesson/teacher-notes.yaml" in p and field in p for p in found), found
