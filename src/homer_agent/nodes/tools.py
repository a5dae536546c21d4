"""Run the lead tools the model called: LangGraph's ToolNode, on the node's own thread."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Mapping
from typing import Any

from langchain_core.language_models import chat_models
from langchain_core.messages import AnyMessage
from langchain_core.runnables import RunnableConfig
from langchain_core.runnables.config import get_config_list
from langchain_core.tools import base as tools_base
from langchain_core.tools import structured as tools_structured
from langchain_core.utils import _signature as signature_utils
from langgraph.prebuilt import ToolNode, ToolRuntime
from langgraph.runtime import Runtime
from pydantic import BaseModel

_find_config_param = tools_base._get_runnable_config_param


@functools.lru_cache(maxsize=256)
def _config_param_of(func: Callable[..., Any]) -> str | None:
    return _find_config_param(func)


def _config_param(func: Callable[..., Any]) -> str | None:
    """Which parameter of `func` takes the RunnableConfig: what langchain-core finds by
    resolving the function's type hints, on every call of every tool (about a tenth of a
    tool call's cost here), remembered per function (a bound method's are its function's)."""
    try:
        return _config_param_of(getattr(func, "__func__", func))
    except TypeError:  # an unhashable callable
        return _find_config_param(func)


_find_parameters = signature_utils._signature_parameters
_find_annotations = tools_base.get_all_basemodel_annotations


_PARAMETERS: dict[tuple[Callable[..., Any], bool], Mapping[str, inspect.Parameter]] = {}


def _signature_parameters(func: Callable[..., Any]) -> Mapping[str, inspect.Parameter]:
    """The parameters of `func` (`inspect.signature`, asked on every tool call for whether
    the tool takes `run_manager` or `callbacks`), remembered per function (a bound method's
    are its function's without the first, whichever object it is bound to)."""
    unbound = getattr(func, "__func__", None)
    key = (func, False) if unbound is None else (unbound, True)
    try:
        return _PARAMETERS[key]
    except KeyError:
        found = _PARAMETERS[key] = _find_parameters(func)
        return found
    except TypeError:  # an unhashable callable
        return _find_parameters(func)


@functools.lru_cache(maxsize=256)
def _annotations_of(schema: Any, default_to_bound: bool) -> dict[str, Any]:
    return _find_annotations(schema, default_to_bound=default_to_bound)


def _annotations(schema: Any, *, default_to_bound: bool = True) -> dict[str, Any]:
    """The field annotations of a tool's args schema (a pydantic class: fixed once made),
    which langchain-core reads twice per tool call through `inspect.signature`."""
    try:
        return dict(_annotations_of(schema, default_to_bound))
    except TypeError:  # an unhashable schema
        return _find_annotations(schema, default_to_bound=default_to_bound)


# The two modules that look them up for a tool call (BaseTool.run, StructuredTool._run).
for _module in (tools_base, tools_structured):
    setattr(_module, "_get_runnable_config_param", _config_param)  # noqa: B010
    setattr(_module, "_signature_parameters", _signature_parameters)  # noqa: B010
setattr(tools_base, "get_all_basemodel_annotations", _annotations)  # noqa: B010
# BaseChatModel asks the same of the chat model's `_generate` on every model call.
setattr(chat_models, "_signature_parameters", _signature_parameters)  # noqa: B010


class LeadTools(ToolNode):
    """`ToolNode`, except that the calls of one model message run one after another on the
    node's own thread, in the order the model made them.

    ToolNode starts a thread pool for every model message, even for one call. Our tools
    share the turn's one connection, so their statements ran one at a time anyway. As
    with the pool, every call runs, and the first call (in order) that raised fails the
    node once all have run.
    """

    def _func(
        self,
        input: list[AnyMessage] | dict[str, Any] | BaseModel,
        config: RunnableConfig,
        runtime: Runtime,
    ) -> Any:
        tool_calls, input_type = self._parse_input(input)
        outputs: list[Any] = []
        failed: Exception | None = None
        for call, call_config in zip(
            tool_calls, get_config_list(config, len(tool_calls)), strict=True
        ):
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
            try:
                # As ToolNode._func calls it (its runtime is typed by state, the same object).
                outputs.append(self._run_one(call, input_type, tool_runtime))  # type: ignore[arg-type]
            except Exception as exc:  # what the pool's map raised, once every call ran
                failed = failed or exc
        if failed is not None:
            raise failed
        return self._combine_tool_outputs(outputs, input_type)
