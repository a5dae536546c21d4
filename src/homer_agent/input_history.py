"""Where the terminal keeps the lines a lead typed (only with HOMER_INPUT_HISTORY=true).

Kept apart from `privacy` so that the terminal can reach it before LangChain and
LangGraph have loaded: importing those takes the import lock the background loader holds.
"""

from __future__ import annotations

from pathlib import Path

from homer_agent.db.models import Lead
from homer_agent.leads import thread_id

# Before per-lead input histories, every line typed in the terminal, for every key, went
# to this one file: it cannot be forgotten lead by lead, so it is removed outright.
LEGACY_INPUT_HISTORY = "chat_history"


def input_history_path(data_dir: Path, lead: Lead) -> Path:
    """The file of lines a lead typed in the terminal.

    Named by the lead's id, not its key: the name itself says nothing about the person,
    and a lead created again for a forgotten key starts with no history.
    """
    return data_dir / "input_history" / thread_id(lead)


def remove_legacy_input_history(data_dir: Path) -> bool:
    """Delete the old shared input history file; whether there was one."""
    try:
        (data_dir / LEGACY_INPUT_HISTORY).unlink()
    except FileNotFoundError:
        return False
    return True
