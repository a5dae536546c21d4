"""The one place that understands Brazilian Portuguese.

- `text`: accent folding, joining lists with "e", money in reais.
- `lexicon`: number words, weekdays, months, greetings, titles (folded keys).
- `numbers`: tokens and the amounts written in them ("1,2 mi", "um milhão e meio").
- `times`: call times ("amanhã às 15h", "2h da manhã", "às 9h30 então"), with the
  reason a time is refused (past, no hour, unreadable).
- `facts`: the lead facts a message states (name, bedrooms, neighbourhood, budget).
- `intents`: what a message asks for: opt-out, a human, hostility, thanks, greetings,
  questions.
- `sentiment`: the sentiment of a lead message (VADER with a pt-BR lexicon).
- `replies`: everything the agent says to a lead, and the facts' pt-BR labels.

Everything here is a pure function of text: no database, no model, no clock.
"""
