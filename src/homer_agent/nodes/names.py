"""Node names, as constants so that edges and routing functions cannot drift apart."""

from typing import Final, Literal

SENTIMENT: Final = "sentiment"
AGENT: Final[Literal["agent"]] = "agent"
HANDOFF: Final[Literal["handoff"]] = "handoff"
TOOLS: Final[Literal["tools"]] = "tools"
HELD: Final[Literal["held"]] = "held"
