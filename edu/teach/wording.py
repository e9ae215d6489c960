"""Questions and answers in words, for teachers' reports and exports.

A stored answer is a list of authors' ids ("lucky-draw-email", "sender",
"scam"); a teacher reads the question as the student saw it and the options
by their text, in the report's language. Screens and exports both call
these functions, so a file always says what the page says.

What is particular to a question type (its name, its default prompt, what a
choice is) lives in its class (content/questions, words.py); here it is put
in words, so a new type needs nothing here.
"""
from __future__ import annotations

from babel import numbers
from flask_babel import gettext

from ..content.markdown import to_plain
from ..content.questions.words import AuthorText, MockupName, MockupPart, Phrase
from ..web.i18n import current_language
from ..web.templating import verdict_wording

LABEL_MAX = 60  # characters of a long text (a message, a paragraph) kept in a label


def short(text: str, limit: int = LABEL_MAX) -> str:
    """A long text cut at a word, with an ellipsis: enough to recognise it."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(",.;:") + "…"


def _t(value, lang: str) -> str:
    """A LangText, a plain string or nothing, as plain text."""
    if value is None:
        return ""
    return to_plain(value.get(lang)) if hasattr(value, "get") else str(value)


def type_name(question) -> str:
    return gettext(question.type_name)


def mockup_label(mockup, lang: str) -> str:
    """What tells one message from another: who sent it, its subject, its address."""
    kind = mockup.kind
    if kind == "email":
        return f"{_t(mockup.sender, lang)}: {_t(mockup.subject, lang)}"
    if kind == "social":
        return f"{_t(mockup.name, lang)} ({mockup.handle})"
    if kind == "web":
        return mockup.address
    if kind in ("call", "video_call"):
        return " ".join(filter(None, [_t(mockup.caller, lang), mockup.number or ""]))
    if kind == "notification":
        first = mockup.notifications[0]
        return f"{_t(first.app, lang)}: {_t(first.title, lang) or _t(first.text, lang)}"
    if kind == "group_chat":
        return _t(mockup.group, lang)
    if kind == "document":
        return f"{' '.join(_t(mockup.issuer, lang).split())}: {_t(mockup.title, lang)}"
    if kind == "qr":
        return _t(mockup.heading, lang)
    if kind == "bank_transfer":
        return f"{_t(mockup.app, lang)}: {_t(mockup.to_name, lang)} {mockup.to_account}"
    return _t(mockup.sender if kind == "sms" else mockup.contact, lang)


def question_text(quiz, question, lang: str | None = None) -> str:
    """The prompt the student saw; a question without one gets the default
    prompt and what its mockups show, so two such questions can be told apart."""
    lang = lang or current_language()
    if question.prompt:
        return to_plain(question.prompt.get(lang))
    label = " / ".join(mockup_label(mockup, lang) for mockup in question.mockups)
    return f"{gettext(question.default_prompt(verdict_wording(quiz, question)))} ({short(label)})"


_HEADER_NAMES = {"sender": lambda: gettext("Sender"), "contact": lambda: gettext("Contact"),
                 "status": lambda: gettext("Status"), "reply-to": lambda: gettext("Reply-to"),
                 "subject": lambda: gettext("Subject"), "name": lambda: gettext("Name"),
                 "handle": lambda: gettext("Handle"), "joined": lambda: gettext("Joined"),
                 "followers": lambda: gettext("Followers"), "bio": lambda: gettext("Bio"),
                 "address": lambda: gettext("Address"), "caller": lambda: gettext("Caller"),
                 "number": lambda: gettext("Number"), "group": lambda: gettext("Group"),
                 "member-count": lambda: gettext("Members"), "issuer": lambda: gettext("Issued by"),
                 "motto": lambda: gettext("National heading"), "title": lambda: gettext("Title"),
                 "date": lambda: gettext("Date"), "stamp": lambda: gettext("Stamp"),
                 "signature": lambda: gettext("Signature"), "heading": lambda: gettext("Heading"),
                 "app": lambda: gettext("App"), "warning": lambda: gettext("App's warning"),
                 "from-account": lambda: gettext("From account"), "to-account": lambda: gettext("To account number"),
                 "to-name": lambda: gettext("Account holder"), "to-bank": lambda: gettext("Bank"),
                 "amount": lambda: gettext("Amount"), "memo": lambda: gettext("Transfer content"),
                 "duration": lambda: gettext("Call time"), "scene": lambda: gettext("On screen")}


def part_label(mockup, part_id: str, lang: str) -> str:
    """A part of a mockup by what it shows: "Sender: TESTBANK", a message's
    first words, a link's text."""
    if part_id in mockup.HEADER_PARTS:
        value = getattr(mockup, part_id.replace("-", "_"))
        if part_id == "sender" and mockup.kind == "email":
            value = f"{_t(value, lang)} <{mockup.sender_address}>"
        if part_id == "amount":
            value = f"{numbers.format_decimal(value, locale=lang)} VND"
        return f"{_HEADER_NAMES[part_id]()}: {short(_t(value, lang))}"
    for item in mockup.items():
        link = getattr(item, "link", None)
        if link and link.id == part_id:
            return gettext("Link: %(text)s", text=short(link.text))
        if item.id == part_id:
            if hasattr(item, "label") and hasattr(item, "value"):  # a document's or a bill's line
                return f"{_t(item.label, lang)}: {short(_t(item.value, lang))}"
            if hasattr(item, "target") and not hasattr(item, "text"):  # a QR code
                return gettext("QR code: %(target)s", target=short(item.target))
            text = (_t(getattr(item, "text", None), lang) or _t(getattr(item, "title", None), lang)
                    or _t(getattr(item, "name", None), lang))
            if not text and getattr(item, "kind", "") in ("call", "voice"):
                text = gettext("Call") if item.kind == "call" else gettext("Voice message")
            return short(text or (link.text if link else part_id))
    return part_id


def in_words(words, lang: str) -> str:
    """What a question type says about a choice or an answer (content/questions/words.py), as text."""
    if isinstance(words, Phrase):
        params = {name: short(mockup_label(value.mockup, lang)) if isinstance(value, MockupName) else value
                  for name, value in words.params.items()}
        return gettext(words.msgid, **params)
    if isinstance(words, AuthorText):
        return short(_t(words.text, lang), words.limit)
    if isinstance(words, MockupPart):
        return part_label(words.mockup, words.part, lang)
    raise TypeError(f"not words: {words!r}")


def choice_label(quiz, question, choice_id: str, lang: str | None = None) -> str:
    """One chosen id in words: an option's text, True/False, Scam/Safe/Not sure
    (or Not okay/Okay), a part of the mockup, a step, or which side; the id
    itself when the question has no such choice."""
    words = question.choice_words(choice_id, verdict_wording(quiz, question))
    return in_words(words, lang or current_language()) if words is not None else choice_id


def answer_text(quiz, question, chosen: tuple[str, ...], seed: int, lang: str | None = None) -> str:
    """A student's whole answer in words. A which-is-real answer says the side
    as their page showed it (the attempt's seed fixes which was A) and whether
    it was the genuine one; steps keep the order the student gave them."""
    lang = lang or current_language()
    if not chosen:
        return ""
    whole = question.answer_words(chosen, seed)
    if whole is not None:
        return in_words(whole, lang)
    labels = [choice_label(quiz, question, choice, lang) for choice in chosen]
    if question.keeps_order:
        return "; ".join(f"{n}. {label}" for n, label in enumerate(labels, start=1))
    return "; ".join(labels)
