"""The yardstick: a seed-shaped LangGraph agent built the plain, documented way.

    START → sentiment → route ─┬─► agent ⇄ tools → END
                               └─► handoff ──────► END

- `StateGraph(MessagesState)`; the whole message list is the state.
- `sentiment`: the stock vaderSentiment analyzer scores the newest human message.
- `route`: a conditional edge on a few hand-off phrases.
- `agent`: the same chat model as ours, with the same five tools bound (same names and
  arguments), sent the whole history every call. Its system prompt is ours
  (`system_message` over the lead row, read with a plain SELECT), so that the
  offline model, which reads the lead's facts from the prompt, makes the same tool calls
  and replies on both sides: the comparison is of the plumbing, not of the answers.
- `tools`: `ToolNode` with tools that write the lead row with plain psycopg UPDATEs.
- Compiled with `PostgresSaver` on a psycopg pool (autocommit, prepare_threshold=0,
  dict_row), run with the default durability ("async": a checkpoint per super-step),
  no pruning. A turn is `graph.stream(..., stream_mode=["messages", "updates"])`, the
  same modes `homer-agent chat` streams with.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from langchain_core.messages import (
    AIMessage,
    AIMessageChunk,
    BaseMessage,
    HumanMessage,
)
from langchain_core.runnables import RunnableConfig
from langchain_core.tools import BaseTool, ToolException, tool
from langgraph.checkpoint.postgres import PostgresSaver
from langgraph.graph import END, START, MessagesState, StateGraph
from langgraph.prebuilt import ToolNode, tools_condition
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

HANDOFF_PHRASES = ("falar com um humano", "falar com uma pessoa", "pare de me mandar")
HANDOFF_REPLY = "Claro! Vou pedir para um dos nossos corretores falar com você."

_analyzer: list[SentimentIntensityAnalyzer] = []


def stock_analyzer() -> SentimentIntensityAnalyzer:
    if not _analyzer:
        _analyzer.append(SentimentIntensityAnalyzer())
    return _analyzer[0]


def open_stock_pool(url: str, size: int) -> ConnectionPool[Any]:
    """A pool configured as the langgraph-checkpoint-postgres README says."""
    pool: ConnectionPool[Any] = ConnectionPool(
        url,
        min_size=1,
        max_size=size,
        kwargs={"autocommit": True, "prepare_threshold": 0, "row_factory": dict_row},
        open=False,
    )
    pool.open(wait=True, timeout=10)
    return pool


def _newest_human(messages: list[BaseMessage]) -> str:
    for message in reversed(messages):
        if isinstance(message, HumanMessage):
            return str(message.text)
    return ""


def make_tools(pool: ConnectionPool[Any]) -> list[BaseTool]:
    """The five lead tools: one plain UPDATE each, on a connection from the pool."""

    def update(column: str, value: object, config: RunnableConfig) -> None:
        lead_id = config["configurable"]["lead_id"]
        with pool.connection() as conn:
            conn.execute(
                f"UPDATE leads SET {column} = %s WHERE id = %s",
                (value, lead_id),
            )

    @tool
    def update_lead_name(name: str, config: RunnableConfig) -> str:
        """Save the lead's name as soon as they say it."""
        update("name", name.strip(), config)
        return f"Nome salvo: {name.strip()}"

    @tool
    def update_bedrooms(bedrooms: int, config: RunnableConfig) -> str:
        """Save how many bedrooms the lead wants (1 to 10)."""
        update("bedrooms", bedrooms, config)
        return f"Quartos salvos: {bedrooms}"

    @tool
    def update_neighborhood(neighborhood: str, config: RunnableConfig) -> str:
        """Save the neighbourhood the lead prefers."""
        update("neighborhood", neighborhood.strip(), config)
        return f"Bairro salvo: {neighborhood.strip()}"

    @tool
    def update_budget(budget_brl: int, config: RunnableConfig) -> str:
        """Save the lead's budget in whole reais."""
        update("budget_brl", budget_brl, config)
        return f"Orçamento salvo: R$ {budget_brl}"

    @tool
    def schedule_call(when: str, config: RunnableConfig) -> str:
        """Schedule the broker's call at `when` (ISO 8601)."""
        try:
            at = datetime.fromisoformat(when)
        except ValueError as exc:
            raise ToolException(f"could not understand {when!r}") from exc
        update("call_at", at, config)
        return f"Ligação agendada: {at.isoformat(timespec='minutes')}"

    tools: list[BaseTool] = [
        update_lead_name,
        update_bedrooms,
        update_neighborhood,
        update_budget,
        schedule_call,
    ]
    for t in tools:
        t.handle_tool_error = True
    return tools


def build_stock_graph(pool: ConnectionPool[Any], model: Any, profile: Any) -> Any:
    """The stock graph, compiled with PostgresSaver on the pool."""
    from homer_agent.facts import LeadFacts
    from homer_agent.prompts import system_message

    tools = make_tools(pool)
    bound = model.bind_tools(tools)

    def sentiment(state: MessagesState) -> dict[str, Any]:
        stock_analyzer().polarity_scores(_newest_human(state["messages"]))
        return {}

    def route(state: MessagesState) -> Literal["agent", "handoff"]:
        text = _newest_human(state["messages"]).lower()
        return "handoff" if any(p in text for p in HANDOFF_PHRASES) else "agent"

    def agent(state: MessagesState, config: RunnableConfig) -> dict[str, Any]:
        with pool.connection() as conn:
            lead = conn.execute(
                "SELECT name, bedrooms, neighborhood, budget_brl, call_at FROM leads WHERE id = %s",
                (config["configurable"]["lead_id"],),
            ).fetchone()
        system = system_message(profile, LeadFacts(**(lead or {})))
        return {"messages": [bound.invoke([system, *state["messages"]])]}

    def handoff(state: MessagesState) -> dict[str, Any]:
        return {"messages": [AIMessage(HANDOFF_REPLY)]}

    builder = StateGraph(MessagesState)
    builder.add_node("sentiment", sentiment)
    builder.add_node("agent", agent)
    builder.add_node("tools", ToolNode(tools))
    builder.add_node("handoff", handoff)
    builder.add_edge(START, "sentiment")
    builder.add_conditional_edges("sentiment", route, ["agent", "handoff"])
    builder.add_conditional_edges("agent", tools_condition, ["tools", END])
    builder.add_edge("tools", "agent")
    builder.add_edge("handoff", END)
    return builder.compile(checkpointer=PostgresSaver(pool))


class StockChat:
    """One lead's conversation on the stock graph."""

    def __init__(self, pool: ConnectionPool[Any], model: Any, session_key: str) -> None:
        from bench.common import profile

        self.pool = pool
        self.graph = build_stock_graph(pool, model, profile())
        with pool.connection() as conn:
            found = conn.execute(
                "INSERT INTO leads (session_key) VALUES (%s) "
                "ON CONFLICT (session_key) DO UPDATE SET session_key = EXCLUDED.session_key "
                "RETURNING id",
                (session_key,),
            ).fetchone()
        assert found is not None
        self.lead_id: int = found["id"]
        self.thread_id = f"stock-{self.lead_id}"
        self.config: RunnableConfig = {
            "configurable": {"thread_id": self.thread_id, "lead_id": self.lead_id}
        }

    def turn(self, text: str) -> str:
        reply: list[str] = []
        for mode, data in self.graph.stream(
            {"messages": [HumanMessage(text)]},
            self.config,
            stream_mode=["messages", "updates"],
        ):
            if mode == "messages":
                chunk, meta = data
                if isinstance(chunk, AIMessageChunk) and meta.get("langgraph_node") == "agent":
                    reply.append(chunk.text)
            elif mode == "updates" and "handoff" in data:
                reply.append(HANDOFF_REPLY)
        return "".join(reply).strip()

    def history(self) -> list[BaseMessage]:
        messages: list[BaseMessage] = self.graph.get_state(self.config).values.get("messages", [])
        return messages
