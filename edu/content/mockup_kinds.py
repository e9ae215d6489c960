"""Six more mockup kinds, where the harm lives now: a phone's lock-screen
notifications, a class group chat, a document image (a summons, a warrant, an
admission letter, a transfer receipt), a QR code on a poster or a bill, a
banking app's transfer screen with its warning, and a video call frame.

They are built like the first six (mockups.py, which puts every kind in one
union): drawn in HTML from these fields, header parts by name, and every item
the author gives an id a part a clue can point at.
"""
from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field, StringConstraints, model_validator

from .base import LangText, Slug, Strict
from .mockups import Address, Line, Link, Message, Paragraph, Plain, _Mockup

# An app icon's letter or two ("Z", "VB"): a drawn square, never a brand's logo.
IconLetters = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2)]
Duration = Annotated[str, StringConstraints(pattern=r"^\d{1,2}:[0-5]\d(:[0-5]\d)?$")]


# --- a phone's lock screen ------------------------------------------------------------

class Notification(Strict):
    """One notification: the app, its time, a title (a sender or a headline) and the text."""

    id: Slug
    app: Plain
    icon: IconLetters | None = None  # the app's first letter when not given
    time: Plain | None = None
    title: Plain | None = None
    text: LangText
    link: Link | None = None


class NotificationMockup(_Mockup):
    kind: Literal["notification"]
    clock: Plain | None = None  # the lock screen's large clock, "09:41"
    date: Plain | None = None  # under it: {vi: "Thứ Hai, 3 tháng 11", en: "Monday, 3 November"}
    notifications: list[Notification] = Field(min_length=1)

    def items(self):
        return self.notifications


# --- a group chat ---------------------------------------------------------------------

class Member(Strict):
    """A member of a group, as its member list shows them."""

    id: Slug
    name: Plain
    admin: bool = False
    note: LangText | None = None  # what the list says under the name: "joined today by link"


class GroupMessage(Message):
    """A message in a group: `from` is a member's id, or `me`."""

    from_: Slug = Field(alias="from")


class PinnedMessage(Strict):
    id: Slug
    from_: Slug = Field(alias="from")
    text: LangText
    link: Link | None = None


class GroupChatMockup(_Mockup):
    HEADER_PARTS: ClassVar[tuple[str, ...]] = ("group", "member-count")
    kind: Literal["group_chat"]
    group: Plain
    member_count: int | None = Field(None, ge=2, le=100_000)  # the header's "38 members"
    members: list[Member] = Field(min_length=2)
    pinned: PinnedMessage | None = None
    messages: list[GroupMessage] = Field(min_length=1)

    def items(self):
        return [*self.members, *([self.pinned] if self.pinned else []), *self.messages]

    def member(self, member_id: str) -> Member | None:
        return next((m for m in self.members if m.id == member_id), None)

    @model_validator(mode="after")
    def _members_known(self):
        if not any(m.admin for m in self.members):
            raise ValueError("members: mark at least one member admin: true (every group has an admin)")
        if self.member_count is not None and self.member_count < len(self.members):
            raise ValueError(f"member_count: {self.member_count} is fewer than the {len(self.members)} members listed")
        known = [m.id for m in self.members]
        for message in [*([self.pinned] if self.pinned else []), *self.messages]:
            if message.from_ != "me" and message.from_ not in known:
                raise ValueError(f"message {message.id!r}: from {message.from_!r} is not one of the members "
                                 f"({', '.join(known)}) nor me")
        return self


# --- a document image -----------------------------------------------------------------

DOCUMENT_TYPES = ("summons", "warrant", "admission-letter", "transfer-receipt", "invoice", "contract",
                  "certificate", "notice")


class DocField(Strict):
    """A labelled line of a document or a bill: "Họ và tên: Nguyễn Văn An"."""

    id: Slug
    label: LangText
    value: Plain


class DocumentMockup(_Mockup):
    HEADER_PARTS: ClassVar[tuple[str, ...]] = ("issuer", "number", "motto", "date", "title", "stamp", "signature")
    kind: Literal["document"]
    document: Literal[DOCUMENT_TYPES]  # what it is, said in the caption
    issuer: Plain  # who it claims to come from, at the top left
    motto: Plain | None = None  # the national heading at the top right
    number: Plain | None = None  # "Số: 1234/GTT-CSHS"
    title: LangText
    fields: list[DocField] = []
    body: list[Paragraph] = []
    date: Plain | None = None  # place and date above the signature
    stamp: Plain | None = None  # the words around the red seal
    signature: Plain | None = None  # who signs: a title and a name

    def items(self):
        return [*self.fields, *self.body]

    def part_ids(self) -> list[str]:
        """In the page's order: the seal and the signature come last."""
        ids = super().part_ids()
        foot = [p for p in ("stamp", "signature") if p in ids]
        return [p for p in ids if p not in foot] + foot

    @model_validator(mode="after")
    def _says_something(self):
        if not self.fields and not self.body:
            raise ValueError("a document needs fields or a body")
        return self


# --- a QR code on a poster or a bill --------------------------------------------------

class QrCode(Strict):
    """The code, where scanning it really goes (`target`, revealed like a link's), and what is printed by it."""

    id: Slug
    target: Address
    label: LangText | None = None  # "Quét để thanh toán" / "Scan to pay"
    sticker: bool = False  # a sticker stuck over the printed code


class QrMockup(_Mockup):
    HEADER_PARTS: ClassVar[tuple[str, ...]] = ("issuer", "heading")
    kind: Literal["qr"]
    printed_on: Literal["poster", "bill"] = "poster"
    issuer: Plain | None = None
    heading: LangText
    lines: list[Paragraph] = []
    fields: list[DocField] = []  # a bill's lines: customer, period, amount due
    code: QrCode

    def items(self):
        return [*self.lines, *self.fields, self.code]


# --- a banking app's transfer screen --------------------------------------------------

class BankTransferMockup(_Mockup):
    HEADER_PARTS: ClassVar[tuple[str, ...]] = ("app", "warning", "from-account", "to-account", "to-name", "to-bank",
                                               "amount", "memo")
    kind: Literal["bank_transfer"]
    app: Plain  # the banking app's name
    from_account: Address | None = None
    to_name: Plain  # the name the bank shows for the account number
    to_account: Address
    to_bank: Plain
    amount: int = Field(gt=0, le=10**12)  # in dong
    memo: Plain | None = None  # the transfer's content (nội dung chuyển khoản)
    warning: LangText | None = None  # the app's own warning banner
    button: LangText | None = None  # the drawn confirm button; "Confirm" when not given


# --- a video call ---------------------------------------------------------------------

class Badge(Strict):
    """Something written over the picture: a name tag, a badge, a logo's words."""

    id: Slug
    text: Plain


class VideoCallMockup(_Mockup):
    HEADER_PARTS: ClassVar[tuple[str, ...]] = ("caller", "number", "duration", "scene")
    kind: Literal["video_call"]
    caller: Plain
    number: Address | None = None
    duration: Duration | None = None  # how long the call has lasted: "02:15"
    scene: LangText  # what the picture shows, in words: no images of people
    badges: list[Badge] = []
    subtitles: list[Line] = []

    def items(self):
        return [*self.badges, *self.subtitles]

    def part_ids(self) -> list[str]:
        """In the page's order: what is written on the picture, then the picture."""
        head = [p for p in ("caller", "number", "duration") if getattr(self, p) is not None]
        return [*head, *(b.id for b in self.badges), "scene", *(line.id for line in self.subtitles)]
