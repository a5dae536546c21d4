"""The fixed clock the unit tests read times against."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

TZ = ZoneInfo("America/Fortaleza")
"""The bundled development's time zone."""
NOW = datetime(2026, 11, 25, 11, 0, tzinfo=TZ)
"""Wednesday 25 November 2026, 11:00 in Fortaleza."""
