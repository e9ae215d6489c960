"""Question types, one module each. A new type is a class registered in
TYPES below plus its two templates (form and feedback)."""
from __future__ import annotations

from typing import Annotated, Union

from pydantic import Field

from .base import CONFIDENCE_LEVELS, AnswerRejected, Mark, Option, Question, Shown, read_confidence
from .choice import BestResponseQuestion, MultipleQuestion, SingleQuestion, TrueFalseQuestion
from .ordering import OrderingQuestion, Step
from .red_flags import RedFlagsQuestion
from .verdict import VerdictQuestion
from .which_is_real import Side, WhichIsRealQuestion

TYPES = (SingleQuestion, MultipleQuestion, TrueFalseQuestion, BestResponseQuestion, VerdictQuestion,
         RedFlagsQuestion, WhichIsRealQuestion, OrderingQuestion)
QUESTION_TYPES = tuple(t.model_fields["type"].annotation.__args__[0] for t in TYPES)

AnyQuestion = Annotated[Union[TYPES], Field(discriminator="type")]

__all__ = ["CONFIDENCE_LEVELS", "QUESTION_TYPES", "TYPES", "AnswerRejected", "AnyQuestion", "Mark", "Option",
           "Question", "Shown", "Side", "Step", "read_confidence", *(t.__name__ for t in TYPES)]
