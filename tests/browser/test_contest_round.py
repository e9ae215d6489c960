"""A whole contest round through the real pages, in Vietnamese and in English
(issue 13 item 8): an organiser imports a school and creates a contest and a
round; a teacher picks that school and the organiser confirms that the
teacher teaches there; the teacher makes a class that two students join,
enrols it and prints its code sheet; one student starts on a lab PC that
"crashes", goes on from a phone and submits, the other submits from her own
device; nothing about scores shows before the organiser publishes; then the
teacher reads the scores in the class's reports, the student opens her
certificate and the certificate checks out (and a changed code does not).

The words are the app's own catalogue in the page's language (gettext), so
the test reads what a person in that language reads."""
import re
import uuid
from datetime import datetime, timedelta
from functools import partial

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from edu.models import ContestRound, User, utcnow
from edu.services.contests import VIET_NAM
from edu.web.db import get_session

from .staff import PASSWORD, say
MAI, NAM = "Trần Thị Mai", "Lê Văn Nam"  # names no page's own words contain


def person(browser, **options):
    return browser.new_context(**options).new_page()


def sign_up(page, base, lang, email):
    page.goto(f"{base}/auth/signup?lang={lang}")
    page.locator("#email").fill(email)
    page.locator("#password").fill(PASSWORD)
    page.locator("#confirm").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(f"{base}/classes/")


def enter(page, base, lang, code):
    page.goto(f"{base}/contest/enter?lang={lang}")
    page.locator("#code").fill(code)
    page.locator("main form button[type=submit]").click()


def seconds_left(page) -> int:
    return int(page.locator("#contest-clock").get_attribute("data-seconds-left"))


def open_question(page, number):
    page.locator(".contest-numbers a").nth(number - 1).click()
    expect(page).to_have_url(re.compile(rf"/q/{number}$"))


def answer(page, not_yet):
    """Choose the first option of a question not answered yet; JavaScript saves it at once."""
    expect(page.locator("#answer-saved")).to_have_text(not_yet)
    page.locator("form.question-form input[name=choice]").first.check()
    expect(page.locator("#answer-saved")).not_to_have_text(not_yet)


def submit(page, words, unanswered: int):
    page.locator(".contest-numbers").get_by_role("link", name=words("Review and submit")).click()
    expect(page.locator(".alert-warning a")).to_have_count(unanswered)  # links to what is left
    page.get_by_role("button", name=words("Submit my answers")).click()
    expect(page.get_by_role("heading", name=words("Your answers are submitted"))).to_be_visible()


def grid_cell(teacher, base, class_id, name):
    """The student's cell in the grid's contest column (the last: the class has no homework)."""
    teacher.goto(f"{base}/classes/{class_id}/reports/grid")
    row = teacher.locator("table.grid tbody tr", has=teacher.get_by_role("link", name=name, exact=True))
    return row.locator("td").last


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_whole_round_from_the_organiser_to_a_verified_certificate(browser, live_server, join_class, ui, lang):
    app, base, tag = live_server.app, live_server.url, f"{lang}-{uuid.uuid4().hex[:6]}"
    words = partial(say, app, lang)
    school, round_name = f"Trường THCS Hoa Sen {tag}", f"School round {tag}"

    # The organiser: signs up, is made an organiser (an admin's act, tested elsewhere), imports a school.
    organiser = person(browser)
    sign_up(organiser, base, lang, f"organiser-{tag}@school.example")
    with app.app_context():
        db = get_session()
        db.exec(select(User).where(User.email == f"organiser-{tag}@school.example")).one().role = "organiser"
        db.commit()
    organiser.goto(f"{base}/organise/schools/?lang={lang}")
    csv = f"tên trường;tỉnh;xã/phường;cấp học\n{school};Hà Nội;Phường Ba Đình;THCS\n"
    organiser.get_by_label(words("CSV file")).set_input_files(
        files=[{"name": "schools.csv", "mimeType": "text/csv", "buffer": csv.encode()}])
    organiser.get_by_role("button", name=words("Import schools")).click()
    expect(organiser.locator("#import-summary dd").first).to_have_text("1")

    # A contest for grades 6 to 9 and a round open from a minute ago for two hours (typed in Viet Nam
    # time), 20 minutes an attempt, three questions on account security drawn for each, published by hand.
    organiser.goto(f"{base}/organise/contests/new?lang={lang}")
    organiser.locator("#title_vi").fill(f"Học sinh với an toàn thông tin {tag}")
    organiser.locator("#title_en").fill(f"Students and information security {tag}")
    for grade in ("6", "7", "8", "9"):
        organiser.locator(f'input[name="grades"][value="{grade}"]').check()
    organiser.locator("main form button[type=submit]").click()
    organiser.locator('main a.button[href$="/rounds/new"]').click()
    opens, closes = datetime.now(VIET_NAM) - timedelta(minutes=1), datetime.now(VIET_NAM) + timedelta(hours=2)
    organiser.locator("#name_vi").fill(f"Vòng trường {tag}")
    organiser.locator("#name_en").fill(round_name)
    organiser.locator("#opens_on").fill(opens.strftime("%Y-%m-%d"))
    organiser.locator("#opens_time").fill(opens.strftime("%H:%M"))
    organiser.locator("#closes_on").fill(closes.strftime("%Y-%m-%d"))
    organiser.locator("#closes_time").fill(closes.strftime("%H:%M"))
    organiser.locator("#time_limit_minutes").fill("20")
    organiser.locator("#pick-account-security-2").fill("3")
    organiser.locator('input[name="publish"][value="manual"]').check()
    organiser.locator("main form.stack > button[type=submit]").click()
    public_code = organiser.locator("#public-code").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{8}", public_code)
    round_url = organiser.url.split("?")[0]
    expect(organiser.locator("main .meta").first).to_have_text(words("Open now"))

    # The teacher: picks the school, makes a grade-7 class in the page's language; two students join.
    teacher = person(browser)
    sign_up(teacher, base, lang, f"teacher-{tag}@school.example")
    teacher.goto(f"{base}/my-school/?lang={lang}")
    teacher.get_by_label(words("Province or city")).select_option("Hà Nội")
    teacher.get_by_label(words("Part of the school’s name")).fill(f"hoa sen {tag}")
    teacher.get_by_role("button", name=words("Find schools")).click()
    teacher.get_by_role("button", name=words("Choose %(school)s", school=school)).click()
    expect(teacher.locator("#current-school strong")).to_have_text(school)
    expect(teacher.locator("#school-confirmation")).to_contain_text(
        words("Waiting for an organiser to confirm that you teach here. Until then you cannot enter students in "
              "contests or confirm the students who named your school."))

    # The organiser confirms that this teacher teaches there: until then the teacher enters nobody.
    teacher_email = f"teacher-{tag}@school.example"
    organiser.goto(f"{base}/organise/schools/?lang={lang}")
    organiser.get_by_role("link", name=words("Teachers waiting for confirmation")).click()
    expect(organiser.locator("#waiting-teachers tbody tr", has_text=teacher_email)).to_contain_text(school)
    organiser.get_by_role("button", name=words("Confirm %(email)s", email=teacher_email)).click()
    expect(organiser.locator(".alert-success")).to_have_text(
        words("%(email)s is confirmed as a teacher of %(school)s.", email=teacher_email, school=school))
    expect(organiser.locator("#waiting-teachers tbody tr", has_text=teacher_email)).to_have_count(0)
    teacher.reload()
    before, after = words("An organiser confirmed that you teach here on %(date)s.", date="\0").split("\0")
    expect(teacher.locator("#school-confirmation")).to_have_text(re.compile(f"^{re.escape(before)}.+{re.escape(after)}$"))
    teacher.goto(f"{base}/classes/new?lang={lang}")
    teacher.locator("#name").fill(f"7A {tag}")
    teacher.locator("#grade").fill("7")
    teacher.locator("#language").select_option(lang)
    teacher.locator("#school_id").select_option(label=school)
    teacher.get_by_role("button", name=ui[lang]["create_class"]).click()
    class_id = int(re.search(r"/classes/(\d+)", teacher.url).group(1))
    join_code = teacher.locator("#join-code").inner_text().strip()
    for name in (MAI, NAM):
        phone = person(browser)
        join_class(phone, base, lang, join_code, name)
        phone.context.close()

    # The teacher enrols the class from the contests page and opens its code sheet.
    teacher.goto(f"{base}/contests/?lang={lang}")
    teacher.get_by_role("link", name=round_name if lang == "en" else f"Vòng trường {tag}").click()
    expect(teacher.locator("#public-code")).to_have_text(public_code)
    teacher.get_by_role("button", name=words("Enter %(name)s", name=f"7A {tag}")).click()
    expect(teacher.locator(".alert-success")).to_contain_text(f"7A {tag}")
    teacher.locator("#sheets a").first.click()
    expect(teacher.locator("html")).to_have_attribute("lang", lang)
    cards = teacher.locator(".code-card")
    expect(cards).to_have_count(2)
    codes = {}
    for name in (MAI, NAM):
        card = cards.filter(has=teacher.locator(".code-card-name", has_text=name))
        expect(card.locator(".qr svg")).to_be_visible()
        codes[name] = card.locator(".join-code").inner_text().strip()
        assert re.fullmatch(r"[A-Z0-9]{5}-[A-Z0-9]{5}", codes[name])
    assert codes[MAI] != codes[NAM]

    # Mai starts on a lab PC, answers question 1, and the PC crashes.
    not_yet = words("Not answered yet.")
    lab_pc = person(browser)
    enter(lab_pc, base, lang, codes[MAI])
    lab_pc.get_by_role("button", name=words("Start the round")).click()
    expect(lab_pc).to_have_url(re.compile(r"/q/1$"))
    assert 19 * 60 < seconds_left(lab_pc) <= 20 * 60
    first_prompt = lab_pc.locator("h2.prompt").inner_text()
    answer(lab_pc, not_yet)
    before = seconds_left(lab_pc)
    lab_pc.context.close()

    # On a phone she is back at the first unanswered question, with no more time, her answer kept.
    phone = person(browser, viewport={"width": 360, "height": 740})
    enter(phone, base, lang, codes[MAI])
    expect(phone).to_have_url(re.compile(r"/q/2$"))
    assert seconds_left(phone) <= before
    open_question(phone, 1)
    expect(phone.locator("h2.prompt")).to_have_text(first_prompt)
    expect(phone.locator("form.question-form input[name=choice]").first).to_be_checked()
    for number in (2, 3):
        open_question(phone, number)
        answer(phone, not_yet)
    submit(phone, words, unanswered=0)
    expect(phone.locator(".score-value")).to_have_count(0)
    expect(phone.locator("main")).to_contain_text(words("Results are published by the organisers after the round closes."))

    # Nam, on his own device, answers one question and submits.
    nam = person(browser)
    enter(nam, base, lang, codes[NAM])
    nam.get_by_role("button", name=words("Start the round")).click()
    answer(nam, not_yet)
    submit(nam, words, unanswered=2)
    expect(nam.locator(".score-value")).to_have_count(0)

    # Before publishing, the teacher sees who submitted, and no score anywhere.
    expect(grid_cell(teacher, base, class_id, MAI)).to_have_text(words("Submitted"))
    teacher.get_by_role("link", name=round_name if lang == "en" else f"Vòng trường {tag}").first.click()
    rows = teacher.locator("#students-heading + .table-scroll tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.locator("td")).to_have_text([words("Submitted")] * 2)
    expect(teacher.locator(".alert-info")).to_contain_text(words("Scores appear when the results are published."))
    report_url = teacher.url

    # The round cannot be waited out (the live server runs on the real clock, which a frozen one
    # cannot reach through a browser): it closes now, in the database; the organiser publishes.
    with app.app_context():
        db = get_session()
        db.exec(select(ContestRound).where(ContestRound.public_code == public_code)).one().closes_at = \
            utcnow() - timedelta(seconds=1)
        db.commit()
    organiser.goto(round_url)
    organiser.get_by_role("button", name=words("Publish results")).click()
    expect(organiser.locator(".alert-success")).to_have_text(
        words("Results published. Participants can now see them and their certificates."))
    expect(organiser.locator("#results tbody tr")).to_have_count(2)

    # Mai reads her score; the teacher reads the same in the round report and the grid.
    phone.reload()
    score = phone.locator(".score-value").inner_text().strip()
    assert re.search(r"\b3\b", score), score  # out of the three questions drawn
    teacher.goto(report_url)
    expect(teacher.locator("tbody tr", has_text=MAI).locator("td").nth(1)).to_have_text(score)
    expect(teacher.locator("svg.histogram")).to_be_visible()
    percent = re.search(r"\(([^)]+)\)$", score).group(1)
    expect(grid_cell(teacher, base, class_id, MAI)).to_contain_text(percent)

    # Her certificate: printed with her name, genuine at its address; a changed code is unknown.
    phone.get_by_role("link", name=words("Your certificate")).click()
    expect(phone.locator(".certificate-text").first).to_contain_text(MAI)
    certificate = re.search(r"/certificates/([^/]+)/print", phone.url).group(1)
    phone.goto(f"{base}/certificates/{certificate}")
    expect(phone.get_by_role("heading", name=words("This certificate is genuine"))).to_be_visible()
    expect(phone.locator(".alert-success")).to_contain_text(MAI)
    changed = certificate[:-1] + ("A" if certificate[-1] != "A" else "B")
    phone.goto(f"{base}/certificates/{changed}")
    expect(phone.get_by_role("heading", name=words("No certificate has this code"))).to_be_visible()
    expect(phone.locator("main")).not_to_contain_text(MAI)
    for page in (organiser, teacher, phone, nam):
        page.context.close()
