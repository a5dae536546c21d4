"""Call times: ISO 8601 and pt-BR expressions, resolved against a fixed `now`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from homer_agent.ptbr.times import (
    WhenError,
    fold,
    parse_when,
    read_when,
    search_when,
)
from tests.support.clock import NOW, TZ


def at(day: int, hour: int, minute: int = 0, month: int = 11, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=TZ)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("amanhã às 15h", at(26, 15)),
        ("Amanhã às 10h", at(26, 10)),
        ("amanha as 10", at(26, 10)),
        ("depois de amanhã às 9", at(27, 9)),
        ("hoje às 18h30", at(25, 18, 30)),
        ("hoje às 18:30", at(25, 18, 30)),
        ("segunda-feira às 14:30", at(30, 14, 30)),
        ("segunda às 14h", at(30, 14)),
        ("sexta 10h", at(27, 10)),
        ("sábado às 9h", at(28, 9)),
        ("terça que vem às 11h", at(1, 11, month=12)),
        ("10/02/2027 às 15h", at(10, 15, month=2, year=2027)),
        ("10/02/27 às 15h", at(10, 15, month=2, year=2027)),
        ("10-02-2027 15:00", at(10, 15, month=2, year=2027)),
        ("15/03 às 14h", at(15, 14, month=3, year=2027)),
        ("30/11 às 14h", at(30, 14)),
        ("dia 10 às 15h", at(10, 15, month=12)),
        ("dia 26 às 9h", at(26, 9)),
        ("10 de fevereiro às 15h", at(10, 15, month=2, year=2027)),
        ("10 de fevereiro de 2027, 15h", at(10, 15, month=2, year=2027)),
        ("às 9h", at(26, 9)),
        ("às 15h", at(25, 15)),
        ("14:30", at(25, 14, 30)),
        ("15h30", at(25, 15, 30)),
        ("15 horas", at(25, 15)),
        ("às 9 e meia", at(26, 9, 30)),
        ("de manhã", at(26, 9)),
        ("amanhã de manhã", at(26, 9)),
        ("à tarde", at(25, 14)),
        ("sexta à tarde", at(27, 14)),
        ("sábado à noite", at(28, 19)),
        ("amanhã no fim da tarde", at(26, 17)),
        ("amanhã no período da tarde", at(26, 14)),
        ("amanhã depois do almoço", at(26, 14)),
        ("amanhã às 3 da tarde", at(26, 15)),
        ("amanhã às 8 da noite", at(26, 20)),
        ("amanhã às 10 da manhã", at(26, 10)),
        ("amanhã às 2", at(26, 14)),
        ("amanhã às quinze", at(26, 15)),
        ("amanhã ao meio-dia", at(26, 12)),
        ("daqui a 2 horas", at(25, 13)),
        ("em meia hora", at(25, 11, 30)),
        ("daqui a 3 dias às 10h", at(28, 10)),
        # The short forms the scanner shares with `ptbr.facts.times_another_act`
        # (one pattern, `RELATIVE_TIME_RE`): "em 2h" was read as 14h, the rest as nothing.
        ("me liga em 2h", at(25, 13)),
        ("me liga em 2 hrs", at(25, 13)),
        ("me liga em 30min", at(25, 11, 30)),
        ("daqui 20 min", at(25, 11, 20)),
        ("dentro de meia hora", at(25, 11, 30)),
        ("em 1 hora e meia", at(25, 12, 30)),
        # Still a clock hour: a day part after it, a day named, or an hour past 4 after "em".
        ("em 3h da tarde", at(25, 15)),
        ("amanhã em 2h", at(26, 14)),
        ("pode ser em 14h?", at(25, 14)),
        ("em 10h", at(26, 10)),
        # Unambiguous wording keeps any amount.
        ("daqui a 10h", at(25, 21)),
    ],
)
def test_pt_br_expressions(text: str, expected: datetime) -> None:
    assert parse_when(text, now=NOW, tz=TZ) == expected


def test_weekday_of_today_means_next_week() -> None:
    # NOW is a Wednesday: "quarta" is the next Wednesday even though 15h is still ahead.
    assert parse_when("quarta às 15h", now=NOW, tz=TZ) == at(2, 15, month=12)
    assert parse_when("quinta-feira às 9h", now=NOW, tz=TZ) == at(26, 9)


def test_time_only_rolls_to_tomorrow_when_passed() -> None:
    late = NOW.replace(hour=20)
    assert parse_when("às 9h", now=late, tz=TZ) == at(26, 9)
    assert parse_when("às 21h", now=late, tz=TZ) == at(25, 21)


def test_date_without_year_is_the_nearest_occurrence() -> None:
    # A day and month that just passed is a mistake to ask about, never next year.
    with pytest.raises(WhenError) as passed:
        parse_when("20/11 às 10h", now=NOW, tz=TZ)
    assert passed.value.reason == "past"
    assert passed.value.at == at(20, 10)
    assert parse_when("25/11 às 15h", now=NOW, tz=TZ) == at(25, 15)
    with pytest.raises(WhenError, match="in the past"):
        parse_when("25/11 às 10h", now=NOW, tz=TZ)
    assert parse_when("10/01 às 10h", now=NOW, tz=TZ) == at(10, 10, month=1, year=2027)
    assert parse_when("29/02 às 10h", now=NOW, tz=TZ) == at(29, 10, month=2, year=2028)
    january = datetime(2027, 1, 5, 9, 0, tzinfo=TZ)
    assert read_when("20/12 às 10h", now=january, tz=TZ).at == at(20, 10, month=12)


def test_day_of_month_that_just_passed_is_this_month() -> None:
    assert read_when("dia 24 às 10h", now=NOW, tz=TZ).at == at(24, 10)
    late = datetime(2026, 11, 29, 9, 0, tzinfo=TZ)
    assert read_when("dia 2 às 10h", now=late, tz=TZ).at == at(2, 10, month=12)


def test_day_of_month_skips_short_months() -> None:
    feb = datetime(2027, 2, 5, 9, 0, tzinfo=TZ)
    assert parse_when("dia 31 às 10h", now=feb, tz=TZ) == at(31, 10, month=3, year=2027)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2027-02-10T15:00:00-03:00", at(10, 15, month=2, year=2027)),
        ("2027-02-10T15:00", at(10, 15, month=2, year=2027)),
        ("2027-02-10 15:00", at(10, 15, month=2, year=2027)),
        ("2027-02-10T18:00:00Z", at(10, 15, month=2, year=2027)),
        ("2027-02-10T15:00:00.123-03:00", at(10, 15, month=2, year=2027)),
        ("2027-02-10T16:00:00-0200", at(10, 15, month=2, year=2027)),
    ],
)
def test_iso_8601(text: str, expected: datetime) -> None:
    result = parse_when(text, now=NOW, tz=TZ)
    assert result == expected
    assert result.tzinfo is not None
    assert result.utcoffset() == timedelta(hours=-3)


def test_naive_now_is_read_in_tz_and_other_zones_work() -> None:
    naive = datetime(2026, 11, 25, 11, 0)
    assert parse_when("amanhã às 15h", now=naive, tz=TZ) == at(26, 15)
    # 13:00 UTC is 10:00 in Fortaleza: "hoje às 11h" is still ahead there.
    utc_now = datetime(2026, 11, 25, 13, 0, tzinfo=UTC)
    assert parse_when("hoje às 11h", now=utc_now, tz=TZ) == at(25, 11)
    sp = ZoneInfo("America/Sao_Paulo")
    assert parse_when("amanhã às 15h", now=NOW, tz=sp).tzinfo == sp


@pytest.mark.parametrize(
    ("text", "fragment", "reason"),
    [
        ("hoje às 8h", "in the past", "past"),
        ("10/02/2020 às 15h", "in the past", "past"),
        ("2020-01-01T10:00:00-03:00", "in the past", "past"),
        ("amanhã", "no time of day", "no_time"),
        ("dia 10", "no time of day", "no_time"),
        ("banana", "no date or time", "unreadable"),
        ("", "empty", "empty"),
        ("   ", "empty", "empty"),
        ("31/02/2027 às 10h", "invalid date", "invalid_date"),
        ("13/13 às 10h", "invalid date", "invalid_date"),
        ("31/04 às 10h", "invalid date", "invalid_date"),
    ],
)
def test_errors(text: str, fragment: str, reason: str) -> None:
    with pytest.raises(WhenError, match=fragment) as caught:
        parse_when(text, now=NOW, tz=TZ)
    assert caught.value.reason == reason


def test_a_day_without_hour_is_kept_for_the_question() -> None:
    with pytest.raises(WhenError) as caught:
        parse_when("me liga 25/12", now=NOW, tz=TZ)
    assert caught.value.reason == "no_time"
    assert caught.value.day == at(25, 0, month=12).date()
    reading = read_when("amanhã", now=NOW, tz=TZ)
    assert reading.at is None
    assert reading.day == at(26, 0).date()


# The issue's table: what a new user typed, and what it must be read as.
# NOW is Wednesday 25 Nov 2026 11:00; 3 Dec 2026 is the day of the report.
DEC3 = datetime(2026, 12, 3, 8, 30, tzinfo=TZ)


@pytest.mark.parametrize(
    ("text", "now", "expected"),
    [
        ("hoje às 2h da manhã", DEC3, datetime(2026, 12, 3, 2, 0, tzinfo=TZ)),
        ("me liga às 3h da manhã", DEC3, datetime(2026, 12, 4, 3, 0, tzinfo=TZ)),
        ("ontem às 10h", DEC3, datetime(2026, 12, 2, 10, 0, tzinfo=TZ)),
        ("02/12 às 10h", DEC3, datetime(2026, 12, 2, 10, 0, tzinfo=TZ)),
        ("domingo às 23h", DEC3, datetime(2026, 12, 6, 23, 0, tzinfo=TZ)),
        ("amanhã às 2 da madrugada", NOW, at(26, 2)),
        ("amanhã às 9h30 da manhã", NOW, at(26, 9, 30)),
        ("amanhã às 10h da noite", NOW, at(26, 22)),
        ("amanhã às 3 horas da tarde", NOW, at(26, 15)),
        ("anteontem às 10h", NOW, at(23, 10)),
    ],
)
def test_issue_table_rows_read_right(text: str, now: datetime, expected: datetime) -> None:
    assert read_when(text, now=now, tz=TZ).at == expected


def test_an_explicit_date_wins_over_the_weekday_beside_it() -> None:
    # What the agent writes back ("sexta-feira, 11/12 às 9h") reads as the same instant.
    assert parse_when("sexta-feira, 11/12 às 9h", now=NOW, tz=TZ) == at(11, 9, month=12)


def test_an_hour_alone_keeps_the_booked_day() -> None:
    booked = at(27, 9)  # Friday 9h
    assert parse_when("Pode ser às 9h30 então", now=NOW, tz=TZ, booked=booked) == at(27, 9, 30)
    # Without a booked call it is the next 9h30.
    assert parse_when("Pode ser às 9h30 então", now=NOW, tz=TZ) == at(26, 9, 30)
    # A booked call already past anchors nothing.
    assert parse_when("às 15h", now=NOW, tz=TZ, booked=at(24, 9)) == at(25, 15)


def test_same_hour_on_another_day_keeps_the_booked_hour() -> None:
    booked = at(27, 9, 30)
    moved = parse_when("no mesmo horário na segunda", now=NOW, tz=TZ, booked=booked)
    assert moved == at(30, 9, 30)
    with pytest.raises(WhenError) as caught:
        parse_when("na segunda", now=NOW, tz=TZ, booked=booked)
    assert caught.value.reason == "no_time"


def test_an_hour_alone_picks_the_offered_slot() -> None:
    offered = [at(30, 9), at(30, 9, 30), at(30, 10)]
    assert parse_when("às 9h30", now=NOW, tz=TZ, offered=offered) == at(30, 9, 30)
    assert parse_when("pode ser 10h", now=NOW, tz=TZ, offered=offered) == at(30, 10)
    # An hour not offered stays on the offered day.
    assert parse_when("às 11h", now=NOW, tz=TZ, offered=offered) == at(30, 11)


def test_when_error_is_value_error() -> None:
    assert issubclass(WhenError, ValueError)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pode ligar no dia 10/02/2027 às 15h", at(10, 15, month=2, year=2027)),
        ("Pode ser segunda-feira às 14:30", at(30, 14, 30)),
        ("Boa tarde! Me liga amanhã às 10h, por favor", at(26, 10)),
        ("Prefiro que me liguem sexta de manhã", at(27, 9)),
        ("Qualquer horário depois das 16h serve", at(25, 16)),
        ("pode me ligar lá pelas 5 da tarde", at(25, 17)),
    ],
)
def test_search_when_finds_the_call_time_in_sentences(text: str, expected: datetime) -> None:
    found = search_when(text, now=NOW, tz=TZ)
    assert found is not None and found.is_future
    assert found.at == expected


@pytest.mark.parametrize(
    "text",
    [
        "Quero as 3 casas",
        "Procuro uma casa com 3 quartos",
        "Meu orçamento é de 900 mil reais",
        "4 quartos, no Cumbuco, até 2 milhões",
        "Boa tarde, tudo bem?",
        "Boa noite",
        "Pode ligar amanhã",
        "Tenho R$ 450.000",
        "hoje às 8h",
        "",
    ],
)
def test_search_when_finds_no_future_call_time(text: str) -> None:
    found = search_when(text, now=NOW, tz=TZ)
    assert found is None or not found.is_future


def test_search_when_keeps_past_times_and_spans() -> None:
    text = "Pode ligar hoje às 8h"
    found = search_when(text, now=NOW, tz=TZ)
    assert found is not None
    assert not found.is_future
    assert found.at == at(25, 8)
    used = "".join(text[start:end] for start, end in found.spans)
    assert "hoje" in used
    assert "8" in used


def test_fold_keeps_length() -> None:
    for text in ["Amanhã às 15h", "Ⅻ ﬁ İstanbul ß", "São João"]:
        assert len(fold(text)) == len(text)
    assert fold("Amanhã ÀS Três") == "amanha as tres"


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=200))
def test_search_when_never_raises(text: str) -> None:
    found = search_when(text, now=NOW, tz=TZ)
    assert found is None or (found.at.tzinfo is not None and found.is_future == (found.at > NOW))


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("0123456789/:-hT às amanhã segunda dia de manhã Z+")),
        max_size=40,
    )
)
def test_parse_when_raises_only_when_error(text: str) -> None:
    try:
        result = parse_when(text, now=NOW, tz=TZ)
    except WhenError:
        return
    assert result.tzinfo is not None
    assert result > NOW


# A weekday beside a day of the month names which month: NOW is Wednesday 25 November, so
# "dia 12" alone is this month's (passed), but a Saturday the 12th is in December.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pode ser sabado dia 12 as 11h?", at(12, 11, month=12)),
        ("sexta, dia 11, 10h", at(11, 10, month=12)),
        ("quinta dia 26 as 9", at(26, 9)),
        ("terça dia 1 as 14h", at(1, 14, month=12)),
    ],
)
def test_a_weekday_beside_a_day_of_the_month_picks_the_month(text: str, expected: datetime) -> None:
    assert read_when(text, now=NOW, tz=TZ).at == expected


def test_a_day_of_the_month_whose_weekday_never_agrees_keeps_the_nearest() -> None:
    # Without a weekday the usual rule reads the day (the nearer 12th, the coming 30th).
    assert read_when("dia 12 as 10h", now=NOW, tz=TZ).at == at(12, 10)
    assert read_when("dia 30 as 10h", now=NOW, tz=TZ).at == at(30, 10)


@pytest.mark.parametrize(
    ("text", "offered", "expected"),
    [
        # After "sábado, 12/12 às 12h" was offered, "sábado" is that Saturday.
        ("entao sabado as 11h", [at(11, 17, month=12), at(12, 12, month=12)], at(12, 11, month=12)),
        ("sexta 10h pode ser", [at(11, 17, month=12)], at(11, 10, month=12)),
        # An offered day on another weekday leaves the weekday's own next day.
        ("segunda as 10h", [at(11, 17, month=12)], at(30, 10)),
    ],
)
def test_a_weekday_after_offered_slots_is_the_offered_day(
    text: str, offered: list[datetime], expected: datetime
) -> None:
    assert read_when(text, now=NOW, tz=TZ, offered=offered).at == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pode ligar no dia cinco de dezembro às onze", at(5, 11, month=12)),
        ("me liga dia vinte e dois de dezembro às 9h", at(22, 9, month=12)),
        ("primeiro de dezembro às 15h", at(1, 15, month=12)),
        ("no dia sete às três da tarde", at(7, 15, month=12)),
        ("dia trinta às 10h", at(30, 10)),
        ("dia dezoito de janeiro de 2027 às 14h", at(18, 14, month=1, year=2027)),
    ],
)
def test_day_of_month_in_words(text: str, expected: datetime) -> None:
    assert parse_when(text, now=NOW, tz=TZ) == expected


@pytest.mark.parametrize(
    "text",
    [
        "trabalho todo dia dez horas",
        "comprei tres de dezembro",
        "estudo todo dia quatro horas",
    ],
)
def test_day_words_that_name_no_day(text: str) -> None:
    with pytest.raises(WhenError):
        parse_when(text, now=NOW, tz=TZ)
