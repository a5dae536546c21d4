"""Homer as a service: an HTTP API and a WhatsApp channel over `session.py`.

`homer.py` is the per-process agent (pool, model, profile) and the once-only turn;
`api.py` the FastAPI app; `whatsapp.py` the WhatsApp Cloud API channel;
`http_metrics.py` the request metrics; `server.py` starts uvicorn for `homer-agent serve`.
A replica keeps no state of its own: everything lives in PostgreSQL.
"""
