"""One typed settings object, parsed once from the environment and `.env`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import platformdirs
from pydantic import (
    AnyUrl,
    Field,
    SecretStr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, SettingsConfigDict

OFFLINE_MODEL = "offline"
DEFAULT_OPENAI_MODEL = "gpt-4o-mini"
_URL_OF = {
    "homer_caldav_url": "a calendar collection",
    "homer_broker_webhook_url": "an incoming webhook",
}
"""What each http(s) URL setting names, for its error."""


def default_data_dir() -> Path:
    """Where the embedded Postgres keeps its data when HOMER_DATA_DIR is unset."""
    return platformdirs.user_data_path("homer-agent", appauthor=False)


class Settings(BaseSettings):
    """Every knob of the agent. Field names map to upper-case environment variables."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", frozen=True
    )

    database_url: Annotated[
        str | None,
        Field(
            description="postgresql:// URL of the server to use; unset: an embedded Postgres.",
        ),
    ] = None
    homer_data_dir: Annotated[
        Path, Field(description="Directory of the embedded Postgres data.")
    ] = Field(default_factory=default_data_dir)
    homer_model: Annotated[
        str | None,
        Field(description="'offline', or a model name for the OpenAI-compatible API."),
    ] = None
    openai_api_key: SecretStr | None = None
    openai_base_url: AnyUrl | None = None
    homer_model_timeout: Annotated[
        float, Field(gt=0, le=600, description="Seconds one model call may take.")
    ] = 30.0
    homer_model_retries: Annotated[
        int, Field(ge=0, le=10, description="Retries on 429, 5xx and timeouts.")
    ] = 2
    homer_fallback: Annotated[
        Literal["offline", "none"] | None,
        Field(
            description="Who answers when the LLM cannot: 'offline' (default with an LLM) "
            "or 'none' (the lead gets an apology).",
        ),
    ] = None
    homer_circuit_failures: Annotated[
        int,
        Field(
            ge=1,
            le=100,
            description="Consecutive failed turns that open the circuit to the provider.",
        ),
    ] = 3
    homer_circuit_cooldown: Annotated[
        float,
        Field(
            gt=0,
            le=3600,
            description="Seconds the circuit stays open before one probe turn tries again.",
        ),
    ] = 30.0
    homer_profile: Annotated[
        Path | None, Field(description="Development profile TOML; unset: Vila Carnaúba.")
    ] = None
    homer_kb_dir: Annotated[
        Path | None,
        Field(description="Documents folder of the development; unset: the profile's."),
    ] = None
    homer_embeddings_model: Annotated[
        str | None,
        Field(description="Embeddings model on the OpenAI-compatible API; unset: full text only."),
    ] = None
    homer_kb_min_similarity: Annotated[
        float,
        Field(ge=-1, le=1, description="Cosine similarity above which a passage answers."),
    ] = 0.5
    homer_metrics_port: Annotated[
        int, Field(ge=0, le=65535, description="Port of /metrics while chatting; 0 disables.")
    ] = 9464
    homer_metrics_addr: str = "127.0.0.1"
    homer_max_message_chars: Annotated[
        int, Field(ge=1, le=100_000, description="Longest message accepted, in characters.")
    ] = 4000
    homer_history_window: Annotated[
        int, Field(ge=2, le=200, description="Messages of history sent to the model.")
    ] = 12
    homer_pool_max_size: Annotated[int, Field(ge=1, le=200)] = 10
    homer_connect_timeout: Annotated[
        float,
        Field(
            gt=0,
            le=120,
            description="Seconds to wait for Postgres: at start, and for a connection in a turn.",
        ),
    ] = 5.0
    homer_log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "WARNING"
    homer_input_history: Annotated[
        bool,
        Field(
            description="Keep the lines typed in the terminal, one file per lead (mode 0600) "
            "in HOMER_DATA_DIR, removed by `lead forget`; off: kept in memory for the session.",
        ),
    ] = False
    # `homer-agent serve`: the HTTP API and the WhatsApp Cloud API channel.
    homer_api_token: Annotated[
        SecretStr | None,
        Field(description="Bearer token required on /v1/*; required off loopback."),
    ] = None
    homer_metrics_public: Annotated[
        bool,
        Field(
            description="Serve /metrics on the API port without the bearer token (Prometheus "
            "scrapes each replica directly); false: /metrics needs HOMER_API_TOKEN too.",
        ),
    ] = True
    homer_docs_public: Annotated[
        bool,
        Field(
            description="Serve the API's documentation (/docs, /redoc, /openapi.json); "
            "false: not served (404).",
        ),
    ] = True
    homer_whatsapp_verify_token: Annotated[
        SecretStr | None, Field(description="The webhook verification token set at Meta.")
    ] = None
    homer_whatsapp_app_secret: Annotated[
        SecretStr | None, Field(description="The app secret that signs webhook payloads.")
    ] = None
    homer_whatsapp_token: Annotated[
        SecretStr | None, Field(description="Access token for sending WhatsApp messages.")
    ] = None
    homer_whatsapp_api_url: Annotated[
        AnyUrl, Field(description="Graph API base URL that replies are posted to.")
    ] = AnyUrl("https://graph.facebook.com/v21.0")
    homer_caldav_url: Annotated[
        str | None,
        Field(description="URL of the brokers' CalDAV calendar collection; unset: no sync."),
    ] = None
    homer_caldav_username: str | None = None
    homer_caldav_password: SecretStr | None = None
    homer_caldav_timeout: Annotated[
        float, Field(gt=0, le=120, description="Seconds one CalDAV request may take.")
    ] = 5.0
    homer_broker_webhook_url: Annotated[
        str | None,
        Field(description="Where broker notifications are POSTed; unset: outbox only."),
    ] = None
    homer_broker_webhook_secret: Annotated[
        SecretStr | None,
        Field(description="Signs each notification: X-Homer-Signature: sha256=<HMAC of body>."),
    ] = None
    homer_broker_webhook_include_contact: Annotated[
        bool, Field(description="Send the lead's session key (phone, e-mail) in notifications.")
    ] = False
    homer_broker_webhook_timeout: Annotated[
        float, Field(gt=0, le=60, description="Seconds one webhook POST may take.")
    ] = 5.0

    @field_validator("database_url")
    @classmethod
    def _postgres_url(cls, value: str | None) -> str | None:
        if value is None or value.strip() == "":
            return None
        if not value.startswith(("postgresql://", "postgres://")):
            raise ValueError("expected a postgresql:// URL")
        return value

    @field_validator(
        "homer_api_token",
        "homer_whatsapp_verify_token",
        "homer_whatsapp_app_secret",
        "homer_whatsapp_token",
        "homer_broker_webhook_secret",
        mode="before",
    )
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        if isinstance(value, str) and value.strip() == "":
            return None
        return value

    @field_validator("homer_caldav_url", "homer_broker_webhook_url")
    @classmethod
    def _http_url(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None or value.strip() == "":
            return None
        value = value.strip()
        if not value.startswith(("https://", "http://")) or " " in value:
            raise ValueError(f"expected the http(s) URL of {_URL_OF[str(info.field_name)]}")
        return value

    @field_validator("homer_model", "homer_embeddings_model")
    @classmethod
    def _name(cls, value: str | None) -> str | None:
        if value is None or value.strip() == "":
            return None
        return value.strip()

    @field_validator("homer_fallback", mode="before")
    @classmethod
    def _fallback_name(cls, value: object) -> object:
        if isinstance(value, str):
            return value.strip().lower() or None
        return value

    @model_validator(mode="after")
    def _profile_exists(self) -> Settings:
        if self.homer_profile is not None and not self.homer_profile.is_file():
            raise ValueError(f"HOMER_PROFILE: no such file {self.homer_profile}")
        return self

    @property
    def model_name(self) -> str:
        """The chat model in use: offline unless an API key or a base URL says otherwise."""
        if self.homer_model is not None:
            return self.homer_model
        if self.openai_api_key is not None or self.openai_base_url is not None:
            return DEFAULT_OPENAI_MODEL
        return OFFLINE_MODEL

    @property
    def offline(self) -> bool:
        return self.model_name == OFFLINE_MODEL

    @property
    def fallback(self) -> Literal["offline", "none"]:
        """Who answers a turn the LLM cannot: the offline model unless HOMER_FALLBACK=none."""
        if self.offline:
            return "none"
        return self.homer_fallback or "offline"

    def model_problem(self) -> str | None:
        """What stops the chosen model from answering at all, said before the chat starts."""
        if self.offline or self.openai_base_url is not None:
            return None
        if self.openai_api_key is not None:
            if self.openai_api_key.get_secret_value().strip():
                return None
            return (
                "OPENAI_API_KEY is set but empty: set the key, or unset OPENAI_API_KEY "
                "(or HOMER_MODEL=offline) for the built-in offline model"
            )
        return (
            f"HOMER_MODEL={self.model_name} needs OPENAI_API_KEY (or OPENAI_BASE_URL for a "
            "local server such as Ollama); set one, or HOMER_MODEL=offline for the built-in model"
        )


class SettingsError(Exception):
    """A bad or missing setting, phrased as one line a person can act on."""


def load_settings() -> Settings:
    """Parse the environment once; turn validation errors into one readable line."""
    try:
        return Settings()
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            loc = error.get("loc") or ()
            name = str(loc[0]).upper() if loc else ""
            message = str(error.get("msg", "invalid value")).removeprefix("Value error, ")
            problems.append(f"{name}: {message}" if name else message)
        raise SettingsError("invalid setting " + "; ".join(problems)) from None
