"""The brokers' webhook: events written to an outbox in the turn, delivered once after commit.

`events.record` writes an event with the change it reports; `webhook.deliver` posts the
unsent ones (after every turn: in the turn's thread for the terminal, on the `Courier`'s
thread for the service; and by `homer-agent notify sync`); `message.body_of` is the JSON
a receiver gets.
"""

from homer_agent.notify.events import EVENTS, Event, record
from homer_agent.notify.webhook import (
    SIGNATURE_HEADER,
    BrokerWebhook,
    Courier,
    DeliveryReport,
    deliver,
    deliver_quietly,
    sign,
)

__all__ = [
    "EVENTS",
    "SIGNATURE_HEADER",
    "BrokerWebhook",
    "Courier",
    "DeliveryReport",
    "Event",
    "deliver",
    "deliver_quietly",
    "record",
    "sign",
]
