"""Run the lead tools the model called: LangGraph's ToolNode, with one thread less."""

from __future__ import annotations

from typing import Any

from langchain_core.messages import AnyMessage
from langchain_core.runnables import RunnableConfig
from langchain_core.runnables.config import get_config_list
from langgraph.prebuilt import ToolNode, ToolRuntime
from langgraph.runtime import Runtime
from pydantic import BaseModel


class LeadTools(ToolNode):
    """`ToolNode`, except that a lone tool call (most turns) runs on the node's own thread.

    ToolNode starts a thread pool for every model message, even for one call; several calls
    of one message still run in parallel through it, as before.
    """

    def _func(
        self,
        input: list[AnyMessage] | dict[str, Any] | BaseModel,
        config: RunnableConfig,
        runtime: Runtime,
    ) -> Any:
        tool_calls, input_type = self._parse_input(input)
        if len(tool_calls) != 1:
            return super()._func(input, config, runtime)
        (call,) = tool_calls
        (call_config,) = get_config_list(config, 1)
        tool_runtime = ToolRuntime(
            state=self._extract_state(input, call_config),
            tool_call_id=call["id"],
            config=call_config,
            context=runtime.context,
            store=runtime.store,
            stream_writer=runtime.stream_writer,
            tools=list(self.tools_by_name.values()),
            execution_info=runtime.execution_info,
            server_info=runtime.server_info,
        )
        # As ToolNode._func calls it (its runtime is typed by state, the same object).
        output = self._run_one(call, input_type, tool_runtime)  # type: ignore[arg-type]
        return self._combine_tool_outputs([output], input_type)
