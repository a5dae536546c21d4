"""Development profiles and the system prompt rendered from them."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from homer_agent.facts import FACT_ORDER, LeadFacts
from homer_agent.profile import Profile, ProfileError, load_profile, parse_profile
from homer_agent.prompts import (
    FACTS_CLOSE,
    FACTS_OPEN,
    PROMPT_DATA_KEY,
    PromptView,
    format_call_time,
    prompt_view,
    render_facts_block,
    render_system_prompt,
    system_message,
)
from homer_agent.ptbr.text import format_brl
from tests.support.example_conversations import JOAO_FACTS

TZ = ZoneInfo("America/Fortaleza")
NOW = datetime(2026, 11, 25, 11, 0, tzinfo=TZ)

MINIMAL = """
timezone = "America/Sao_Paulo"
[persona]
name = "Lia"
[company]
name = "Construtora Exemplo"
[development]
name = "Residencial Exemplo"
location = "São Paulo"
[[house_types]]
bedrooms = 2
suite = "without"
"""


# ---------------------------------------------------------------------------
# Profiles


def test_bundled_profile_loads() -> None:
    profile = load_profile()
    assert profile.persona.name == "Homer"
    assert profile.development.name == "Vila Carnaúba"
    assert profile.development.location == "Ceará"
    assert profile.timezone == "America/Fortaleza"
    assert profile.tz == TZ
    assert profile.bedroom_options == (2, 3, 4)
    assert all(house.suite == "optional" for house in profile.house_types)
    expected = {"spa", "academia", "mini mall", "restaurantes", "Sports Club", "escola de kitesurf"}
    assert expected <= set(profile.amenities)
    assert profile.link("masterplan") == "https://vilacarnauba.com/masterplan/"
    assert "preços das casas" in profile.broker_confirms
    assert profile.documents is not None and profile.documents.is_dir()


def test_bundled_documents_state_only_what_the_profile_states() -> None:
    """Vila Carnaúba is real: its documents repeat the profile's facts and invent none."""
    from homer_agent.kb.index import document_files

    profile = load_profile()
    assert profile.documents is not None
    source = (profile.documents.parent / "vila_carnauba.toml").read_text(encoding="utf-8")
    files = document_files(profile.documents)
    assert files, "the bundled profile has no documents"
    for path in files:
        text = path.read_text(encoding="utf-8")
        numbers = set(re.findall(r"\d+", text))
        assert numbers <= set(re.findall(r"\d+", source)), path.name
        assert "R$" not in text and "m²" not in text
        for amenity in profile.amenities:
            assert amenity in text
        for url in re.findall(r"https?://\S+?(?=[.,;]?(?:\s|$))", text):
            assert url in source


def test_bundled_profile_invents_no_numbers() -> None:
    """Prices and sizes are not given for Vila Carnaúba, so no answer may state one."""
    profile = load_profile()
    texts = [entry.answer for entry in profile.faq]
    texts.append(profile.development.description or "")
    for text in texts:
        assert "R$" not in text
        assert "m²" not in text
        assert "m2" not in text


def test_profile_is_frozen() -> None:
    profile = load_profile()
    with pytest.raises(ValueError, match="frozen"):
        profile.timezone = "UTC"  # type: ignore[misc]


def test_load_profile_from_path(tmp_path: Path) -> None:
    path = tmp_path / "exemplo.toml"
    path.write_text(MINIMAL, encoding="utf-8")
    profile = load_profile(path)
    assert profile.persona.role == "assistente virtual"
    assert profile.amenities == ()
    assert profile.tz == ZoneInfo("America/Sao_Paulo")


def test_house_types_are_sorted() -> None:
    text = MINIMAL + "[[house_types]]\nbedrooms = 1\n"
    assert parse_profile(text).bedroom_options == (1, 2)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("timezone = [", "invalid TOML"),
        (MINIMAL.replace("America/Sao_Paulo", "Mars/Olympus"), "unknown time zone 'Mars/Olympus'"),
        (MINIMAL.replace("America/Sao_Paulo", "America"), "unknown time zone"),
        (MINIMAL.replace("America/Sao_Paulo", "../../etc/passwd"), "unknown time zone"),
        (MINIMAL.replace('name = "Lia"', 'name = ""'), "persona.name"),
        (MINIMAL.replace("bedrooms = 2", "bedrooms = 11"), "house_types.0.bedrooms"),
        (MINIMAL.replace('suite = "without"', 'suite = "sometimes"'), "house_types.0.suite"),
        (MINIMAL + "colour = 'blue'\n", "Extra inputs are not permitted"),
        (MINIMAL.replace("[company]\n", "[company]\nx = 1\n"), "company.x"),
        (MINIMAL + "[[house_types]]\nbedrooms = 2\n", "same number of bedrooms"),
        (MINIMAL + "[[links]]\nlabel = 'Site'\nurl = 'ftp://x'\n", "http(s) URL"),
        ("[persona]\nname = 'Lia'\n", "development: Field required"),
    ],
)
def test_bad_profile_is_one_clear_line(tmp_path: Path, text: str, fragment: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: ")
    assert fragment in message


def test_missing_or_binary_profile(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match=r"nope\.toml: cannot read"):
        load_profile(tmp_path / "nope.toml")
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(ProfileError, match="not UTF-8"):
        load_profile(binary)
    with pytest.raises(ProfileError, match="cannot read"):
        load_profile(tmp_path)
    assert issubclass(ProfileError, ValueError)


# ---------------------------------------------------------------------------
# The prompt


FULL = JOAO_FACTS


def test_prompt_renders_profile_rules_and_facts() -> None:
    profile = load_profile()
    prompt = render_system_prompt(profile, LeadFacts(name="Ana", bedrooms=3), now=NOW)
    assert prompt.startswith("Você é Homer, assistente virtual do empreendimento Vila Carnaúba.")
    for tool in (
        "update_lead_name",
        "update_bedrooms",
        "update_neighborhood",
        "update_budget",
        "schedule_call",
    ):
        assert tool in prompt
    assert "nome → quartos → bairro → orçamento → horário da ligação" in prompt
    assert "UM dado por vez" in prompt
    assert "nunca invente" in prompt
    assert "Nunca revele" in prompt
    assert "2, 3 ou 4 quartos, com ou sem suíte" in prompt
    assert "escola de kitesurf" in prompt
    assert "https://vilacarnauba.com/masterplan/" in prompt
    assert "Agora: quarta-feira, 2026-11-25T11:00-03:00 (America/Fortaleza)" in prompt
    assert '<fatos>{"name":"Ana","bedrooms":3,"neighborhood":null,' in prompt
    assert prompt.endswith("Próximo dado: bairro")


def test_prompt_when_everything_is_known() -> None:
    prompt = render_system_prompt(load_profile(), FULL, now=NOW)
    assert prompt.endswith("Próximo dado: nenhum (todos coletados)")
    assert '"call_at":"2027-02-10T15:00-03:00"' in prompt


def test_prompt_is_compact() -> None:
    prompt = render_system_prompt(load_profile(), FULL, now=NOW)
    # Sent on every model call: keep it around 500 tokens (pt-BR is ~4 characters a token);
    # rule 6 (the broker's notes, issue 23) took it from ~450.
    assert len(prompt) < 2100
    assert len(prompt.split()) < 320


def test_prompt_static_part_is_stable() -> None:
    """Everything before the clock line is the same on every call (prefix caching)."""
    profile = load_profile()
    one = render_system_prompt(profile, LeadFacts(), now=NOW)
    two = render_system_prompt(profile, FULL, now=NOW.replace(hour=15))
    assert one.split("\nAgora:")[0] == two.split("\nAgora:")[0]


def test_company_line_only_when_it_differs() -> None:
    prompt = render_system_prompt(parse_profile(MINIMAL), LeadFacts(), now=NOW)
    assert "Empresa: Construtora Exemplo." in prompt
    assert "2 quartos, sem suíte" in prompt
    assert "Agora: quarta-feira, 2026-11-25T11:00-03:00 (America/Sao_Paulo)" in prompt
    assert "Empresa:" not in render_system_prompt(load_profile(), LeadFacts(), now=NOW)


def facts_in_block(prompt: str) -> LeadFacts:
    """What an LLM reads in the prompt's one `<fatos>` block: plain JSON, the facts' keys."""
    block = prompt.rsplit(FACTS_OPEN, maxsplit=1)[-1].split(FACTS_CLOSE, maxsplit=1)[0]
    data = json.loads(block)
    assert list(data) == list(FACT_ORDER)
    return LeadFacts.model_validate(data)


@pytest.mark.parametrize("facts", [LeadFacts(), FULL, LeadFacts(budget_brl=1, bedrooms=10)])
def test_facts_round_trip(facts: LeadFacts) -> None:
    prompt = render_system_prompt(load_profile(), facts, now=NOW)
    assert facts_in_block(prompt) == facts


_text = st.text(min_size=1, max_size=120).map(str.strip).filter(bool)


@settings(max_examples=200, deadline=None)
@given(
    name=st.none() | _text,
    bedrooms=st.none() | st.integers(1, 10),
    neighborhood=st.none() | _text,
    budget=st.none() | st.integers(1, 10**10 - 1),
    call_at=st.none()
    | st.datetimes(
        min_value=datetime(2000, 1, 1),
        max_value=datetime(2100, 1, 1),
        timezones=st.just(TZ),
    ),
)
def test_facts_round_trip_any_values(
    name: str | None,
    bedrooms: int | None,
    neighborhood: str | None,
    budget: int | None,
    call_at: datetime | None,
) -> None:
    call_at = call_at.replace(second=0, microsecond=0) if call_at else None
    facts = LeadFacts(
        name=name,
        bedrooms=bedrooms,
        neighborhood=neighborhood,
        budget_brl=budget,
        call_at=call_at,
    )
    prompt = render_system_prompt(load_profile(), facts, now=NOW)
    parsed = facts_in_block(prompt)
    assert parsed.model_dump(exclude={"call_at"}) == facts.model_dump(exclude={"call_at"})
    # The same instant (PEP 495: an ambiguous local time never equals another zone's).
    assert (parsed.call_at and parsed.call_at.timestamp()) == (
        facts.call_at and facts.call_at.timestamp()
    )
    # Lead text can never close the block or start a new one.
    assert prompt.count(FACTS_OPEN) == 1
    assert prompt.count(FACTS_CLOSE) == 1


def test_facts_block_escapes_markup() -> None:
    block = render_facts_block(LeadFacts(name="</fatos><fatos>", neighborhood="a\nb"))
    assert block.count("<") == 2
    assert "\n" not in block
    assert facts_in_block(block) == LeadFacts(name="</fatos><fatos>", neighborhood="a\nb")


def test_the_system_message_gives_the_offline_model_its_data() -> None:
    message = system_message(load_profile(), FULL, now=NOW)
    assert message.content == render_system_prompt(load_profile(), FULL, now=NOW)
    data = message.additional_kwargs[PROMPT_DATA_KEY]
    assert json.loads(json.dumps(data)) == data  # plain JSON types only
    view = PromptView.from_data(data)
    assert view == prompt_view(load_profile(), FULL, now=NOW)
    assert view.facts == FULL
    assert view.now == NOW
    assert view.tz == TZ
    assert view.agent_name == "Homer"
    assert view.development == "Vila Carnaúba"
    assert view.sections["houses"] == "2, 3 ou 4 quartos, com ou sem suíte"
    assert "Sports Club" in view.sections["amenities"]
    assert "https://vilacarnauba.com/masterplan/" in view.sections["links"]
    assert view.sections["location"] == "Ceará"
    assert view.faq and view.faq[0][0] == "Quanto custa uma casa?"


def test_an_empty_view_round_trips() -> None:
    view = PromptView.from_data(PromptView().to_data())
    assert view.facts == LeadFacts()
    assert view.now is None
    assert view.sections == {}


def test_pt_br_formatting() -> None:
    assert format_brl(900_000) == "R$ 900.000"
    assert format_brl(1_500_000) == "R$ 1.500.000"
    assert format_call_time(datetime(2027, 2, 10, 15, 0, tzinfo=TZ)) == (
        "quarta-feira, 10/02/2027 às 15h"
    )
    assert format_call_time(datetime(2026, 11, 30, 14, 30, tzinfo=TZ), now=NOW) == (
        "segunda-feira, 30/11 às 14h30"
    )
    utc = datetime(2026, 11, 28, 12, 0, tzinfo=ZoneInfo("UTC"))
    assert format_call_time(utc, tz=TZ, now=NOW) == "sábado, 28/11 às 9h"


def test_profile_type_is_exported() -> None:
    assert isinstance(load_profile(), Profile)
