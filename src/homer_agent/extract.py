"""Kept for imports written before `homer_agent.ptbr`: the extraction lives in `ptbr.facts`."""

from homer_agent.ptbr.facts import extract_facts

__all__ = ["extract_facts"]
