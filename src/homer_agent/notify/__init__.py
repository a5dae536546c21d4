"""The brokers' webhook: events written to an outbox in the turn, delivered once after commit.

`events.record` writes an event with the change it reports; `webhook.deliver` posts the
unsent ones (after every turn, and by `homer-agent notify sync`); `message.body_of` is
the JSON a receiver gets.
"""

from homer_agent.notify.events import EVENTS, Event, record
from homer_agent.notify.webhook import (
    SIGNATURE_HEADER,
    BrokerWebhook,
    DeliveryReport,
    deliver,
    deliver_quietly,
    sign,
)

__all__ = [
    "EVENTS",
    "SIGNATURE_HEADER",
    "BrokerWebhook",
    "DeliveryReport",
    "Event",
    "deliver",
    "deliver_quietly",
    "record",
    "sign",
]
