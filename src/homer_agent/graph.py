"""The Homer turn, top to bottom.

    START → sentiment → route ─┬─► agent ⇄ tools
                               │     └──────────┬─► END
                               ├─► handoff ─────┤
                               └─► held ────────┘ (─► agent, when an opted-out lead resumes)

`sentiment` scores the newest human message (and moves old messages out of the
checkpoint: see history.py); `route` sends hostile messages, opt-outs and requests for a
human to `handoff`, and every message of a conversation a person has taken over to
`held` (see takeover.py); `agent` is the chat model with the lead-update tools bound; `tools`
writes each fact (the calls of one model message one after another, in order). `sentiment`
and `agent` route themselves (a Command's goto, decided by `route` and `tools_condition`)
rather than through conditional edges. Once the graph
has run, the turn computes the lead's temperature once, from the final facts
(nodes/temperature.py).

The lead is read once, before the graph runs, and reaches the nodes in the read-only
`Context`; each node returns what it did as a partial state (`messages`, and its part
of the `turn` record: see state.py). A turn is locked, run and recorded by
`session.Session.turn`, with the graph the process compiled once (agent.py).
"""

from __future__ import annotations

from typing import Any

from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.graph import END, START, StateGraph
from langgraph.graph.state import CompiledStateGraph
from langgraph.prebuilt import tools_condition
from langgraph.runtime import Runtime
from langgraph.types import Command

from homer_agent.nodes.agent import agent
from homer_agent.nodes.handoff import handoff
from homer_agent.nodes.held import after_held, held
from homer_agent.nodes.names import AGENT, HANDOFF, HELD, SENTIMENT, TOOLS
from homer_agent.nodes.route import route
from homer_agent.nodes.sentiment import sentiment
from homer_agent.nodes.tools import LeadTools
from homer_agent.state import Context, InputState, State
from homer_agent.tools import TOOLS as LEAD_TOOLS

Graph = CompiledStateGraph[State, Context, InputState, State]


def _sentiment_then_route(state: State, runtime: Runtime[Context]) -> Command[Any]:
    """`sentiment`, then where `route` sends the message, as one node's Command.

    The same decision as a conditional edge after `sentiment` (what the node writes, old
    messages archived, changes neither the newest human message nor the lead), without
    the edge's fresh read of the whole state after the node: a turn's most frequent
    LangGraph cost after the nodes themselves."""
    return Command(update=sentiment(state, runtime), goto=route(state, runtime))


def _agent_then_tools(state: State, runtime: Runtime[Context]) -> Command[Any]:
    """`agent`, then `tools_condition` on the message it returns (the state's last one once
    written): the tools if it calls some, else the end of the turn."""
    update = agent(state, runtime)
    return Command(update=update, goto=tools_condition(update["messages"]))


def build_graph(checkpointer: BaseCheckpointSaver[str] | None = None) -> Graph:
    """Wire the nodes; `checkpointer` keeps conversations (PostgresSaver in the app)."""
    builder = StateGraph(State, context_schema=Context, input_schema=InputState)

    # Routed by the nodes themselves (Command.goto), as the conditional edges
    # sentiment -> route and agent -> tools_condition would.
    builder.add_node(SENTIMENT, _sentiment_then_route, destinations=(AGENT, HANDOFF, HELD))
    # The agent either calls tools (then answers again) or has answered: the turn ends.
    builder.add_node(AGENT, _agent_then_tools, destinations=(TOOLS, END))
    builder.add_node(TOOLS, LeadTools(LEAD_TOOLS))
    builder.add_node(HANDOFF, handoff)
    builder.add_node(HELD, held)

    builder.add_edge(START, SENTIMENT)
    builder.add_edge(TOOLS, AGENT)
    builder.add_edge(HANDOFF, END)
    builder.add_conditional_edges(HELD, after_held, [AGENT, END])

    return builder.compile(checkpointer=checkpointer, name="homer")


# For LangGraph Studio (langgraph.json); Studio brings its own checkpointer.
graph = build_graph()
