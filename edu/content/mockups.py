"""Realistic message mockups: SMS, chat, email, social profile, web page, call;
and, in mockup_kinds.py, notification, group chat, document, QR code, bank
transfer and video call.

A mockup is drawn in HTML from these fields, never from a screenshot. Each
piece a red flag can point at is a *part* with an id: the fixed header parts
of its kind (`sender`, `address`, ...) and every message, paragraph, link or
line the author gives an id.
"""
from __future__ import annotations

from typing import Annotated, ClassVar, Literal, Union

from pydantic import BeforeValidator, Field, StringConstraints, model_validator

from .base import LangText, NonEmpty, Slug, Strict


def _same_in_both(value):
    """Names, numbers and times read the same in both languages: a plain
    string is accepted for them and used for both."""
    return {"vi": value, "en": value} if isinstance(value, (str, int, float)) else value


Plain = Annotated[LangText, BeforeValidator(_same_in_both)]
Address = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]


class Link(Strict):
    """A link as shown (`text`) and where it really goes (`target`)."""

    id: Slug
    text: Address
    target: Address


class Message(Strict):
    id: Slug
    from_: Literal["them", "me"] = Field("them", alias="from")
    kind: Literal["text", "call", "voice", "image"] = "text"
    video: bool = False  # for kind: call
    time: Plain | None = None
    text: LangText | None = None
    duration: NonEmpty | None = None
    link: Link | None = None

    @model_validator(mode="after")
    def _needs_text(self):
        if self.kind in ("text", "image") and self.text is None and self.link is None:
            raise ValueError("a text message needs text or a link")
        return self


class Paragraph(Strict):
    id: Slug
    text: LangText
    link: Link | None = None


class Attachment(Strict):
    id: Slug
    name: Address


class Post(Strict):
    id: Slug
    time: Plain | None = None
    text: LangText
    link: Link | None = None


class Block(Strict):
    id: Slug
    kind: Literal["heading", "text", "field", "button", "notice"] = "text"
    text: LangText
    link: Link | None = None


class Line(Strict):
    id: Slug
    speaker: Literal["caller", "you"] = "caller"
    text: LangText


class _Mockup(Strict):
    HEADER_PARTS: ClassVar[tuple[str, ...]] = ()

    def items(self) -> list:
        """The listed pieces (messages, paragraphs, ...) that carry their own ids."""
        return []

    def part_ids(self) -> list[str]:
        ids = [p for p in self.HEADER_PARTS if getattr(self, p.replace("-", "_"), None) not in (None, [], False)]
        for item in self.items():
            ids.append(item.id)
            if getattr(item, "link", None):
                ids.append(item.link.id)
        return ids

    def token(self, part_id: str) -> str:
        """What the page calls a part: its position, never the author's id,
        which might give the answer away ("fake-link")."""
        return f"p{self.part_ids().index(part_id) + 1}"

    @model_validator(mode="after")
    def _unique_parts(self):
        seen: set[str] = set()
        for part in self.part_ids():
            if part in seen:
                raise ValueError(f"part id {part!r} is used twice in this mockup")
            seen.add(part)
        return self


class SmsMockup(_Mockup):
    HEADER_PARTS: ClassVar[tuple[str, ...]] = ("sender",)
    kind: Literal["sms"]
    sender: Plain
    messages: list[Message] = Field(min_length=1)

    def items(self):
        return self.messages


class ChatMockup(_Mockup):
    HEADER_PARTS: ClassVar[tuple[str, ...]] = ("contact", "status")
    kind: Literal["chat"]
    contact: Plain
    status: LangText | None = None
    messages: list[Message] = Field(min_length=1)

    def items(self):
        return self.messages


class EmailMockup(_Mockup):
    HEADER_PARTS: ClassVar[tuple[str, ...]] = ("sender", "reply-to", "subject")
    kind: Literal["email"]
    sender: Plain
    sender_address: Address
    reply_to: Address | None = None
    subject: LangText
    time: Plain | None = None
    body: list[Paragraph] = Field(min_length=1)
    attachments: list[Attachment] = []

    def items(self):
        return [*self.body, *self.attachments]


class SocialMockup(_Mockup):
    HEADER_PARTS: ClassVar[tuple[str, ...]] = ("name", "handle", "joined", "followers", "bio")
    kind: Literal["social"]
    name: Plain
    handle: Address
    verified: bool = False
    joined: Annotated[str, StringConstraints(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")] | None = None
    followers: int | None = Field(None, ge=0, le=10**10)  # more than any real account has
    bio: LangText | None = None
    posts: list[Post] = []

    def items(self):
        return self.posts


class WebMockup(_Mockup):
    HEADER_PARTS: ClassVar[tuple[str, ...]] = ("address",)
    kind: Literal["web"]
    address: Address
    secure: bool = True
    title: LangText
    blocks: list[Block] = Field(min_length=1)

    def items(self):
        return self.blocks


class CallMockup(_Mockup):
    HEADER_PARTS: ClassVar[tuple[str, ...]] = ("caller", "number")
    kind: Literal["call"]
    caller: Plain
    number: Address | None = None
    video: bool = False
    transcript: list[Line] = Field(min_length=1)

    def items(self):
        return self.transcript


# The six newer kinds build on the pieces above in their own module.
from .mockup_kinds import (BankTransferMockup, DocumentMockup, GroupChatMockup,  # noqa: E402
                           NotificationMockup, QrMockup, VideoCallMockup)

MOCKUP_KINDS = ("sms", "chat", "email", "social", "web", "call",
                "notification", "group_chat", "document", "qr", "bank_transfer", "video_call")
Mockup = Annotated[
    Union[SmsMockup, ChatMockup, EmailMockup, SocialMockup, WebMockup, CallMockup,
          NotificationMockup, GroupChatMockup, DocumentMockup, QrMockup, BankTransferMockup, VideoCallMockup],
    Field(discriminator="kind"),
]


class Flag(Strict):
    """A clue on a mockup: a red flag, or a sign that a message is genuine."""

    part: Slug
    explanation: LangText
