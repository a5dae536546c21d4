"""What one service process holds while it runs: the agent, the turn threads, an HTTP client."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any, TypeVar

import anyio
import httpx

from homer_agent.service.homer import Homer

T = TypeVar("T")


@dataclass(slots=True)
class Runtime:
    """The agent, a bound on concurrent turns, the outgoing HTTP client, background tasks."""

    homer: Homer
    limiter: anyio.CapacityLimiter
    http: httpx.AsyncClient
    tasks: set[asyncio.Task[Any]] = field(default_factory=set)

    async def blocking(self, fn: Callable[[], T]) -> T:
        """Run blocking work (a turn, a query) on a worker thread, within the bound."""
        return await anyio.to_thread.run_sync(fn, limiter=self.limiter)

    def spawn(self, work: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        """Run `work` in the background, referenced until done (and awaited at shutdown)."""
        task = asyncio.get_running_loop().create_task(work)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)
        return task

    async def drain(self, timeout: float) -> None:
        if self.tasks:
            await asyncio.wait(list(self.tasks), timeout=timeout)
