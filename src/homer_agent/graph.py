"""The Homer turn, top to bottom.

    START → sentiment → route ─┬─► agent ⇄ tools
                               │     └──────────┬─► END
                               ├─► handoff ─────┤
                               └─► held ────────┘ (─► agent, when an opted-out lead resumes)

`sentiment` scores the newest human message (and moves old messages out of the
checkpoint: see history.py); `route` sends hostile messages, opt-outs and requests for a
human to `handoff`, and every message of a conversation a person has taken over to
`held` (see takeover.py); `agent` is the chat model with the lead-update tools bound; `tools`
writes each fact (the calls of one model message one after another, in order). Once the graph
has run, the turn computes the lead's temperature once, from the final facts
(nodes/temperature.py).

The lead is read once, before the graph runs, and reaches the nodes in the read-only
`Context`; each node returns what it did as a partial state (`messages`, and its part
of the `turn` record: see state.py). A turn is locked, run and recorded by
`session.Session.turn`, with the graph the process compiled once (agent.py).
"""

from __future__ import annotations

from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.graph import END, START, StateGraph
from langgraph.graph.state import CompiledStateGraph
from langgraph.prebuilt import tools_condition

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


def build_graph(checkpointer: BaseCheckpointSaver[str] | None = None) -> Graph:
    """Wire the nodes; `checkpointer` keeps conversations (PostgresSaver in the app)."""
    builder = StateGraph(State, context_schema=Context, input_schema=InputState)

    builder.add_node(SENTIMENT, sentiment)
    builder.add_node(AGENT, agent)
    builder.add_node(TOOLS, LeadTools(LEAD_TOOLS))
    builder.add_node(HANDOFF, handoff)
    builder.add_node(HELD, held)

    builder.add_edge(START, SENTIMENT)
    builder.add_conditional_edges(SENTIMENT, route, [AGENT, HANDOFF, HELD])
    # The agent either calls tools (then answers again) or has answered: the turn ends.
    builder.add_conditional_edges(AGENT, tools_condition, [TOOLS, END])
    builder.add_edge(TOOLS, AGENT)
    builder.add_edge(HANDOFF, END)
    builder.add_conditional_edges(HELD, after_held, [AGENT, END])

    return builder.compile(checkpointer=checkpointer, name="homer")


# For LangGraph Studio (langgraph.json); Studio brings its own checkpointer.
graph = build_graph()
