"""Kiosk staff in a real browser (issue 14, item 1): in each language a staff
member creates a kiosk, is told beside the field what to fix, fixes it,
makes a set-up link with its QR code, sees the device once it is set up and
switches it off; and once without JavaScript, creating a kiosk and its
set-up link. axe finds nothing on any page on the way, refusals included,
and nothing is wider than a 360 px phone.

The words are the app's own catalogue in the page's language (gettext), so
the test reads what a person in that language reads."""
import uuid

from playwright.sync_api import expect

from edu.models import utcnow
from edu.services import kiosk_devices
from edu.web.db import get_session

from .axe import Auditor, audit_context
from .staff import say, sign_up_as


def kiosk_staff_page(browser, live_server, lang: str, javascript: bool):
    """Someone who signs up, then is made kiosk staff (as an admin would)."""
    email = f"kiosks-{uuid.uuid4().hex[:8]}@campaign.example"
    return sign_up_as(audit_context(browser, javascript).new_page(), live_server, lang, email, "kiosk_staff")


def fits_a_phone(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def create_kiosk(page, words, audit, name: str):
    """The form refuses 12 questions a play beside the field, then takes 6."""
    page.locator("#name").fill(name)
    page.locator("#place").fill("Trung tâm Hội nghị Quốc gia")
    page.locator("#quiz_slug").select_option("scam-recognition")
    page.locator("#question_count").fill("12")
    page.locator("main form.kiosk-form button[type=submit]").click()
    expect(page.locator("#question_count-error")).to_have_text(words("Choose between %(low)s and %(high)s questions.",
                                                                     low=5, high=10))
    expect(page.locator("#question_count")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#name")).to_have_value(name)  # what was typed stays
    audit(page, "kiosk refused")
    page.locator("#question_count").fill("6")
    page.locator("main form.kiosk-form button[type=submit]").click()
    expect(page.locator("h1")).to_have_text(name)
    expect(page.locator(".alert-success")).to_have_text(
        words("Kiosk created. Make a set-up link to open on the kiosk's device."))
    expect(page.locator(".kiosk-device")).to_have_text(words("No device set up"))


def make_setup_link(page, live_server, words, name: str) -> str:
    page.locator("form[action$='/setup'] button").click()
    link = page.locator("#setup-link").inner_text().strip()
    assert link.startswith(live_server.app.config["BASE_URL"] + "/kiosk/setup/"), link
    qr = page.locator(".kiosk-setup-qr svg")
    expect(qr).to_be_visible()
    expect(qr.locator("title")).to_have_text(words("QR code of the set-up link for %(kiosk)s", kiosk=name))
    assert fits_a_phone(page), "the set-up link is wider than the phone"
    return link


def test_kiosk_staff_create_a_kiosk_set_up_its_device_and_switch_it_off(browser, live_server, lang):
    page, audit = kiosk_staff_page(browser, live_server, lang, javascript=True), Auditor(javascript=True)
    words = lambda message, **params: say(live_server.app, lang, message, **params)  # noqa: E731
    name = f"Không Một Mình {lang}"
    page.goto(f"{live_server.url}/lessons/?lang={lang}")
    page.locator("footer").get_by_role("link", name=words("Kiosks"), exact=True).click()
    expect(page.locator("main")).to_contain_text(words("You have no kiosks yet."))
    audit(page, "no kiosks yet")
    page.get_by_role("link", name=words("New kiosk")).click()
    audit(page, "new kiosk form")
    create_kiosk(page, words, audit, name)
    assert fits_a_phone(page)
    audit(page, "kiosk created")

    link = make_setup_link(page, live_server, words, name)
    audit(page, "set-up link")
    with live_server.app.app_context():
        db = get_session()
        kiosk_devices.set_up_device(db, link.rsplit("/", 1)[1], utcnow())
        db.commit()
    page.get_by_role("link", name=words("Back to %(kiosk)s", kiosk=name)).click()
    set_up = words("Device set up %(when)s, last contact %(ago)s").split("%(when)s")[0].strip()
    expect(page.locator(".kiosk-device-set_up")).to_contain_text(set_up)

    page.get_by_role("link", name=words("Switch the device off")).click()
    expect(page.locator("h1")).to_have_text(words("Switch off the device of %(kiosk)s?", kiosk=name))
    audit(page, "switch off: confirm")
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".alert-success")).to_contain_text(words("The device is switched off: it shows no more questions. "
                                                                 "A new set-up link sets up a device again."))
    expect(page.locator(".kiosk-device")).to_have_text(words("Device revoked"))
    page.get_by_role("link", name=words("Kiosks"), exact=True).first.click()
    card = page.locator(".kiosk-cards .card", has_text=name)
    expect(card.locator(".kiosk-device")).to_have_text(words("Device revoked"))
    audit(page, "kiosk list")
    audit.assert_clean()


def test_without_javascript_a_kiosk_and_its_set_up_link(browser, live_server):
    lang = "vi"
    page, audit = kiosk_staff_page(browser, live_server, lang, javascript=False), Auditor(javascript=False)
    words = lambda message, **params: say(live_server.app, lang, message, **params)  # noqa: E731
    name = "Hội chợ an toàn mạng"
    page.goto(f"{live_server.url}/kiosks/new?lang={lang}")
    create_kiosk(page, words, audit, name)
    make_setup_link(page, live_server, words, name)
    audit(page, "set-up link without JavaScript")
    audit.assert_clean()
