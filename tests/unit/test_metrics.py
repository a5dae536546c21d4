"""The agent's Prometheus metrics: names, bounded labels and the HTTP endpoint."""

from __future__ import annotations

import pytest

from homer_agent import metrics

EXPECTED_LABELS = {  # every documented name, with its labels
    "homer_turns_total": {"route", "outcome"},
    "homer_turn_duration_seconds": {"route", "le"},
    "homer_model_call_duration_seconds": {"model", "outcome", "le"},
    "homer_model_tokens_total": {"model", "kind"},
    "homer_tool_calls_total": {"tool", "outcome"},
    "homer_errors_total": {"kind"},
    "homer_handoffs_total": {"reason"},
    "homer_sentiment_compound": {"le"},
    "homer_build_info": {"version", "model"},
    "homer_model_fallbacks_total": {"reason"},
    "homer_model_circuit_state": set(),
    "homer_processes": set(),
    "homer_calendar_conflicts_total": set(),
    "homer_model_replies_cleaned_total": {"reason"},
    "homer_kb_answers_total": {"reason"},
    "homer_broker_notifications_pending": set(),
    "homer_broker_notifications_failed": set(),
}

CLOSED_LABEL_VALUES = {
    "route": {"agent", "handoff"},
    "kind": {"database", "model", "timeout", "internal", "input", "busy", "prompt", "completion"},
    "reason": {"hostile", "opt_out", "human"}
    | {"timeout", "rate_limit", "server_error", "connection", "auth", "other", "circuit_open"}
    | {"template_token", "empty", "junk"}
    | {"kb_answered", "kb_no_passage", "kb_low_confidence", "price_to_broker"},
}


def _series_name(sample_name: str) -> str:
    for suffix in ("_bucket", "_count", "_sum"):
        if sample_name.endswith(suffix):
            return sample_name.removesuffix(suffix)
    return sample_name


def _samples() -> list[tuple[str, dict[str, str], float]]:
    """The agent's samples. The service's `homer_http_*` series share the registry once
    `homer_agent.service` is imported in the same process (an earlier test may have done
    so); the service tests check those."""
    out = []
    for family in metrics.REGISTRY.collect():
        for sample in family.samples:
            if not sample.name.startswith("homer_http_"):
                out.append((sample.name, dict(sample.labels), sample.value))
    return out


def _value(name: str, **labels: str) -> float:
    value = metrics.REGISTRY.get_sample_value(name, labels)
    assert value is not None, f"no sample {name}{labels}"
    return value


@pytest.fixture(autouse=True)
def _build_info() -> None:
    metrics.set_build_info("offline", "0.0.0-test")


def test_exposes_exactly_the_documented_names() -> None:
    names = {_series_name(name) for name, _, _ in _samples()}
    expected = set(EXPECTED_LABELS)
    assert names == expected
    assert expected == metrics.METRIC_NAMES


def test_no_created_series() -> None:
    assert not [name for name, _, _ in _samples() if name.endswith("_created")]


def test_label_sets_are_fixed() -> None:
    for name, labels, _ in _samples():
        expected = EXPECTED_LABELS[_series_name(name)]
        if not name.endswith("_bucket"):
            expected = expected - {"le"}
        assert set(labels) == expected, name


def test_known_combinations_start_at_zero() -> None:
    for route in ("agent", "handoff"):
        for outcome in ("ok", "error"):
            _value("homer_turns_total", route=route, outcome=outcome)
        _value("homer_turn_duration_seconds_count", route=route)
    for kind in ("database", "model", "timeout", "internal", "input", "busy"):
        _value("homer_errors_total", kind=kind)
    for reason in ("hostile", "opt_out", "human"):
        _value("homer_handoffs_total", reason=reason)
    for kind in ("prompt", "completion"):
        _value("homer_model_tokens_total", model="offline", kind=kind)
    for model_outcome in ("ok", "error", "timeout", "rate_limited", "cancelled"):
        _value("homer_model_call_duration_seconds_count", model="offline", outcome=model_outcome)
    for outcome in ("ok", "invalid", "error"):
        _value("homer_tool_calls_total", tool="unknown", outcome=outcome)
    _value("homer_sentiment_compound_count")
    for reason in ("timeout", "rate_limit", "server_error", "connection", "auth", "other"):
        _value("homer_model_fallbacks_total", reason=reason)
    _value("homer_model_fallbacks_total", reason="circuit_open")
    _value("homer_model_circuit_state")
    assert _value("homer_build_info", version="0.0.0-test", model="offline") == 1


def test_registered_tools_are_preinitialised() -> None:
    metrics.register_tools(["save_lead", "schedule_call"])
    for tool in ("save_lead", "schedule_call"):
        for outcome in ("ok", "invalid", "error"):
            _value("homer_tool_calls_total", tool=tool, outcome=outcome)


def test_closed_label_values_stay_closed() -> None:
    metrics.observe_turn("agent", "ok", 0.5)
    metrics.record_handoff("human")
    metrics.record_error("model")
    for _, labels, _ in _samples():
        for label, allowed in CLOSED_LABEL_VALUES.items():
            if label in labels:
                assert labels[label] in allowed
        if "outcome" in labels:
            assert labels["outcome"] in {
                "ok",
                "error",
                "invalid",
                "timeout",
                "rate_limited",
                "cancelled",
            }


@pytest.mark.parametrize(
    "call",
    [
        lambda: metrics.observe_turn("elsewhere", "ok", 1.0),  # type: ignore[arg-type]
        lambda: metrics.observe_model_call("offline", "slow", 1.0),  # type: ignore[arg-type]
        lambda: metrics.observe_turn("agent", "maybe", 1.0),  # type: ignore[arg-type]
        lambda: metrics.record_error("disk"),  # type: ignore[arg-type]
        lambda: metrics.record_handoff("bored"),  # type: ignore[arg-type]
        lambda: metrics.record_tool_call("save_lead", "weird"),  # type: ignore[arg-type]
        lambda: metrics.record_fallback("bored"),  # type: ignore[arg-type]
        lambda: metrics.set_circuit_state("ajar"),  # type: ignore[arg-type]
    ],
)
def test_unknown_closed_values_raise(call: object) -> None:
    with pytest.raises(ValueError):
        call()  # type: ignore[operator]


def test_invented_tool_names_fold_into_unknown() -> None:
    before = _value("homer_tool_calls_total", tool="unknown", outcome="invalid")
    metrics.record_tool_call("+5511999990000", "invalid")
    metrics.record_tool_call("drop_table_leads", "invalid")
    after = _value("homer_tool_calls_total", tool="unknown", outcome="invalid")
    assert after == before + 2
    tools = {labels["tool"] for name, labels, _ in _samples() if "tool" in labels}
    assert "+5511999990000" not in tools
    assert "drop_table_leads" not in tools


def test_model_label_values_are_capped() -> None:
    before = set(metrics._models)
    try:
        for i in range(metrics.MAX_MODELS * 2):
            metrics.observe_model_call(
                f"model-{i}", "ok", 0.1, prompt_tokens=3, completion_tokens=2
            )
        models = {labels["model"] for name, labels, _ in _samples() if "model" in labels}
        assert len(models) <= metrics.MAX_MODELS + 1
        assert "other" in models
    finally:
        # Leave the process-wide registry as it was for other tests.
        for label in set(metrics._models) - before:
            for model_outcome in metrics.MODEL_OUTCOMES:
                metrics.MODEL_CALL_DURATION.remove(label, model_outcome)
            for kind in metrics.TOKEN_KINDS:
                metrics.MODEL_TOKENS.remove(label, kind)
        metrics._models.clear()
        metrics._models.update(before)


def test_observations_land() -> None:
    metrics.register_tools(["save_lead"])
    before = _value("homer_turns_total", route="handoff", outcome="error")
    metrics.observe_turn("handoff", "error", 0.003)
    assert _value("homer_turns_total", route="handoff", outcome="error") == before + 1

    tokens = _value("homer_model_tokens_total", model="offline", kind="completion")
    timeouts = _value("homer_model_call_duration_seconds_count", model="offline", outcome="timeout")
    metrics.observe_model_call("offline", "ok", 0.02, prompt_tokens=10, completion_tokens=4)
    metrics.observe_model_call("offline", "timeout", 30.0)
    assert _value("homer_model_tokens_total", model="offline", kind="completion") == tokens + 4
    assert (
        _value("homer_model_call_duration_seconds_count", model="offline", outcome="timeout")
        == timeouts + 1
    )

    ok = _value("homer_tool_calls_total", tool="save_lead", outcome="ok")
    metrics.record_tool_call("save_lead", "ok")
    assert _value("homer_tool_calls_total", tool="save_lead", outcome="ok") == ok + 1

    lowest = _value("homer_sentiment_compound_bucket", le="-1.0")
    metrics.observe_sentiment(-5.0)  # clamped to -1
    metrics.observe_sentiment(float("nan"))  # ignored
    assert _value("homer_sentiment_compound_bucket", le="-1.0") == lowest + 1


def test_buckets() -> None:
    turn = sorted(
        float(labels["le"])
        for name, labels, _ in _samples()
        if name == "homer_turn_duration_seconds_bucket" and labels["route"] == "agent"
    )
    assert turn[0] == 0.001
    assert 60.0 in turn
    sentiment = sorted(
        float(labels["le"])
        for name, labels, _ in _samples()
        if name == "homer_sentiment_compound_bucket"
    )
    assert sentiment[:-1] == [-1 + 0.25 * i for i in range(9)]


def test_port_zero_disables_the_server() -> None:
    assert metrics.start_metrics_server(0) is None
    assert metrics.start_metrics_server_from_env({"HOMER_METRICS_PORT": "0"}) is None


def test_bad_ports_are_refused() -> None:
    with pytest.raises(ValueError):
        metrics.start_metrics_server(70000)
    with pytest.raises(ValueError):
        metrics.start_metrics_server_from_env({"HOMER_METRICS_PORT": "nine"})
