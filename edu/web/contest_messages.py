"""Contest refusals in the visitor's language (see messages.py), one section
per part of the contest wing."""
from flask_babel import lazy_gettext as _l

CONTEST_MESSAGES = {
    # draws (services/draws.py)
    "draw.size": _l("A round draws between 1 and %(most)s questions."),
    "draw.unknown_question": _l("The question bank has no question %(question)s."),
    "draw.repeated_question": _l("A question is listed twice in the fixed list."),
    "draw.too_few": _l("The bank has only %(have)s questions on %(topic)s at difficulty %(difficulty)s; the draw asks for %(want)s."),
    # schools (services/schools.py), and roles (services/accounts.set_role: admin page and CLI)
    "account.unknown_role": _l("There is no role “%(role)s”. Choose one of: %(roles)s."),
    "account.own_role": _l("You cannot change your own role. Ask another admin."),
    "account.no_such_user": _l("No account has the email %(email)s."),
    "school.file_too_large": _l("The file is larger than %(mb)s MB. Split the list into smaller files, for example one per province."),
    "school.not_utf8": _l("The file is not UTF-8 text. In Excel, save it as “CSV UTF-8 (Comma delimited)” and import it again."),
    "school.empty": _l("The file is empty."),
    "school.header": _l("The first line must name the columns, and these are missing: %(columns)s. "
                        "Name them name, province, commune and level (or tên trường, tỉnh, xã/phường, cấp học)."),
    "school.too_many_rows": _l("The file has more than %(max)s schools. Split it into smaller files, for example one per province."),
    "school.unreadable": _l("The file cannot be read from line %(line)s on: a quotation mark is probably left open."),
    "school.row_name_missing": _l("The school has no name."),
    "school.row_too_long": _l("Too long: at most %(max)s characters."),
    "school.row_province_missing": _l("No province or city is given."),
    "school.row_province_unknown": _l("“%(province)s” is not a province or city, before or after the 2025 merger."),
    "school.row_level_unknown": _l("“%(level)s” is not a school level. Use primary, lower-secondary, upper-secondary or "
                                   "multi-level (tiểu học, THCS, THPT, liên cấp)."),
    "school.row_duplicate": _l("The same school is already on line %(line)s of the file."),
    "school.unknown": _l("That school is not on the list."),
    "school.not_waiting": _l("This teacher’s school is not waiting for confirmation any more: another organiser "
                             "may have confirmed or refused it, or the teacher chose again."),
    # organising
    "contest.title_missing": _l("Give the contest a title in both languages."),
    "contest.title_too_long": _l("Use a shorter title (at most %(num)s characters)."),
    "contest.grades": _l("Choose at least one grade, from 1 to 12."),
    "round.name_missing": _l("Give the round a name in both languages."),
    "round.name_too_long": _l("Use a shorter name (at most %(num)s characters)."),
    "round.closes_before_opens": _l("The round must close after it opens."),
    "round.time_limit": _l("The time limit is from %(least)s to %(most)s minutes."),
    "round.scope": _l("Choose who the round is for: one school, a province or everyone."),
    "round.scope_school": _l("Choose the school the round is for."),
    "round.scope_province": _l("Choose the province the round is for."),
    "round.entry": _l("Choose who may enter: everyone eligible, or those who qualified in an earlier round."),
    "round.qualify_round": _l("Choose an earlier round of this contest to qualify from."),
    "round.qualify_rule": _l("Say who qualifies: the top students of each school, a lowest score, or both."),
    "round.qualify_numbers": _l("The top students per school is a number from 1 to 1000, and the lowest score "
                                "a percentage from 1 to 100."),
    "round.publish": _l("Choose when the results are published: when the round closes, or by hand."),
    "round.locked_after_opening": _l("This round has opened: when it opens, who it is for and who may enter can "
                                     "no longer change."),
    "round.started": _l("Someone has already started this round, so it cannot be deleted."),
    "round.feeds_another": _l("A later round takes its qualifiers from this one. Change or delete that round first."),
    "round.publishes_at_close": _l("This round's results are published when it closes; there is nothing to publish "
                                   "by hand."),
    "round.not_closed": _l("Results can be published once the round has closed."),
    "round.not_by_qualification": _l("This round is open to everyone eligible: nobody needs to be brought in."),
    "round.earlier_not_published": _l("Qualifiers can be brought in once the earlier round's results are published."),
    # enrolment and entry
    "enrol.closed": _l("This round has closed: nobody can enter it any more."),
    "enrol.qualified_only": _l("Only students who qualified in an earlier round take part in this round, so nobody "
                               "can be entered for it."),
    "enrol.out_of_scope": _l("This round is not open to students of that school."),
    "enrol.grade_missing": _l("Choose the grade."),
    "enrol.grade": _l("Grade %(grade)s cannot take part in this contest: it is for grades %(grades)s."),
    "enrol.class_missing": _l("Type your class, for example 7A."),
    "enrol.class_name_too_long": _l("Use a shorter class name (at most %(num)s characters)."),
    "enrol.already_entered": _l("This student is already entered in this round (the same school, grade, class and "
                                "name). A student takes part only once: ask the teacher for the personal code."),
    "enrol.list_problems": _l("Nothing from this list was saved. Fix the lines below, then send the whole list "
                              "again."),
    "enrol.row_columns": _l("Give a name and a grade, separated by a comma."),
    "enrol.row_repeated": _l("The same student as on line %(line)s."),
    "enrol.list_empty": _l("The file has no names. Each line needs a name and a grade, for example: Lan, 7, 7A."),
    "enrol.list_too_long": _l("A list can have at most %(num)s students. Split it into smaller files."),
    "enrol.list_encoding": _l("The file could not be read. Save it as CSV UTF-8, then send it again."),
    "enrol.entered_meanwhile": _l("Someone entered some of these students at the same moment. Nothing from this list "
                                  "was saved: send it again to see which lines are already entered."),
    # taking part
    "contest.not_confirmed": _l("A teacher at your school has not confirmed your entry yet."),
    "contest.not_open": _l("This round has not opened yet."),
    "contest.closed": _l("This round has closed."),
    "contest.not_started": _l("Start the round before answering."),
    "contest.time_up": _l("Your time is up, so this answer was not saved. What you had saved before has been submitted."),
    "contest.submitted": _l("Your answers are already submitted and cannot be changed."),
    "contest.not_in_draw": _l("That question is not one of yours in this round."),
    # certificates
}
