"""The offline model's tool loop in memory: the agent node and the tools, no database.

Runs a conversation like the graph does (system message rebuilt from the saved facts
before every model call, the recent history, the tool results fed back), with the
tools' validations copied from `homer_agent.tools` (titles dropped, bedrooms the
development offers, a budget outside the usual range read back, the call decided by
`calendar.booking.decide`) and a fixed clock, so thousands of conversations run in
seconds and score the same every time. The labelled and first-sight sets go through
the real graph and Postgres; this path is for the generated set.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, ToolMessage
from langchain_core.utils.function_calling import convert_to_openai_tool

from homer_agent.calendar.booking import decide
from homer_agent.facts import LeadFacts
from homer_agent.history import latest_tool_result, recent
from homer_agent.models.offline import OfflineChatModel
from homer_agent.profile import Profile, load_profile
from homer_agent.prompts import system_message
from homer_agent.ptbr.lexicon import drop_titles
from homer_agent.tools import BEDROOMS_NOT_OFFERED, BUDGET_UNUSUAL, NAME_IS_TITLE, TOOLS

HISTORY_WINDOW = 12
MAX_ROUNDS = 3
_BROKER = json.dumps({"verdict": "broker", "reason": "no passage"}, ensure_ascii=False)


@dataclass
class Run:
    """One conversation in memory: the saved facts and every reply."""

    now: datetime
    profile: Profile = field(default_factory=lambda: load_profile(None))
    facts: dict[str, Any] = field(default_factory=dict)
    messages: list[BaseMessage] = field(default_factory=list)
    replies: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def turn(self, text: str, model: OfflineChatModel, tools: list[dict[str, Any]]) -> str:
        self.messages.append(HumanMessage(text))
        for _ in range(MAX_ROUNDS):
            prompt = [
                system_message(
                    self.profile,
                    LeadFacts(**self.facts),
                    now=self.now,
                    notes=self.notes,
                    call_outcome=latest_tool_result(self.messages, "schedule_call"),
                ),
                *recent(self.messages, HISTORY_WINDOW),
            ]
            response = model._respond(prompt, tools=tools)
            self.messages.append(response)
            if not response.tool_calls:
                break
            for call in response.tool_calls:
                self.messages.append(self._tool(call["name"], call["args"], call["id"] or ""))
        reply = str(self.messages[-1].text) if isinstance(self.messages[-1], AIMessage) else ""
        self.replies.append(reply)
        return reply

    def _tool(self, name: str, args: dict[str, Any], call_id: str) -> ToolMessage:
        def refuse(content: str, **artifact: object) -> ToolMessage:
            return ToolMessage(
                content, tool_call_id=call_id, name=name, status="error", artifact=artifact
            )

        if name == "update_lead_name":
            clean = drop_titles(str(args["name"]).strip())
            if not clean:
                return refuse("title", refused=NAME_IS_TITLE, value=args["name"])
            self.facts["name"] = clean[:120]
        elif name == "update_bedrooms":
            value = int(args["bedrooms"])
            offered = self.profile.bedroom_options
            if value not in offered:
                return refuse(
                    "not offered", refused=BEDROOMS_NOT_OFFERED, value=value, offered=list(offered)
                )
            self.facts["bedrooms"] = value
        elif name == "update_neighborhood":
            self.facts["neighborhood"] = str(args["neighborhood"]).strip()[:120]
        elif name == "update_budget":
            amount = int(args["budget_brl"])
            floor, ceiling = self.profile.budget_floor_brl, self.profile.budget_ceiling_brl
            if not floor <= amount <= ceiling and not self._read_back(amount):
                return refuse("unusual", refused=BUDGET_UNUSUAL, value=amount)
            self.facts["budget_brl"] = amount
        elif name == "schedule_call":
            outcome = decide(
                str(args["when"]),
                now=self.now,
                tz=self.profile.tz,
                hours=self.profile.calls,
                booked=self.facts.get("call_at"),
            )
            if outcome.status != "booked" or outcome.call_at is None:
                return ToolMessage(
                    outcome.to_json(), tool_call_id=call_id, name=name, status="error"
                )
            self.facts["call_at"] = outcome.call_at
            return ToolMessage(outcome.to_json(), tool_call_id=call_id, name=name)
        elif name == "note" and args["text"] not in self.notes:
            self.notes.append(str(args["text"]))
        elif name == "search_development":
            return ToolMessage(_BROKER, tool_call_id=call_id, name=name)
        return ToolMessage("saved", tool_call_id=call_id, name=name)

    def _read_back(self, amount: int) -> bool:
        for k, message in enumerate(self.messages):
            artifact = message.artifact if isinstance(message, ToolMessage) else None
            if isinstance(artifact, dict) and artifact.get("value") == amount:
                return any(isinstance(later, HumanMessage) for later in self.messages[k + 1 :])
        return False


def bound_tools() -> list[dict[str, Any]]:
    return [convert_to_openai_tool(tool) for tool in TOOLS]
