"""A small client for OpenAI-compatible ``/chat/completions`` endpoints (Ollama, llama.cpp, vLLM, OpenAI).

Built on the standard library's urllib on purpose: drafting is optional and rare, one
POST per note needs no connection pool or async, and without a third-party HTTP stack
``pip install deckgen`` stays offline-only by construction. Only ``deckgen draft`` imports
this module; nothing else in deckgen opens a socket.
"""

from __future__ import annotations

import email.utils
import http.client
import json
import os
import re
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal
from urllib.parse import urlsplit

from deckgen.core.config import Config
from deckgen.core.errors import ConfigError, Finding, LLMError

ResponseFormat = Literal["json_schema", "json_object", "none"]
RESPONSE_FORMATS: tuple[str, ...] = ("json_schema", "json_object", "none")
MAX_REPLY_BYTES = 4_000_000
_ENV = "DECKGEN_AI_"


@dataclass(frozen=True)
class AISettings:
    """Where and how ``deckgen draft`` talks to a language model."""

    base_url: str
    model: str
    api_key: str = ""
    timeout: float = 120.0  # seconds for a whole request: connect, send, wait, read the reply
    max_cards: int = 8
    temperature: float = 0.2
    response_format: ResponseFormat = "json_schema"
    max_tokens: int = 0  # 0: let the server decide
    max_retry_wait: float = 30.0  # longest Retry-After (429/503) worth waiting for once

    @property
    def endpoint(self) -> str:
        """The full chat-completions URL."""
        return self.base_url.rstrip("/") + "/chat/completions"

    @property
    def shown_endpoint(self) -> str:
        """The endpoint as printed: any user name or password in the URL removed."""
        return redact(self.endpoint, self.api_key)

    @property
    def key_in_clear(self) -> bool:
        """Whether an API key would cross the network unencrypted (plain http to another machine)."""
        parts = urlsplit(self.base_url)
        return bool(self.api_key) and parts.scheme == "http" and parts.hostname not in ("localhost", "127.0.0.1", "::1")


def ai_settings(
    config: Config,
    overrides: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
) -> AISettings:
    """Resolve ``[ai]`` settings: CLI ``overrides`` > ``DECKGEN_AI_*`` environment > deckgen.toml > defaults."""
    env = os.environ if environ is None else environ
    table = config.section("ai")
    cli = {k: v for k, v in (overrides or {}).items() if v is not None}
    defaults = AISettings(base_url="", model="")
    values: dict[str, Any] = {}
    problems: list[Finding] = []
    for name in (
        "base_url",
        "model",
        "api_key",
        "timeout",
        "max_cards",
        "temperature",
        "response_format",
        "max_tokens",
        "max_retry_wait",
    ):
        raw = cli.get(name, env.get(_ENV + name.upper(), table.get(name)))
        if raw is None or raw == "":
            values[name] = getattr(defaults, name)
            continue
        where = (
            "command line"
            if name in cli
            else (f"${_ENV}{name.upper()}" if _ENV + name.upper() in env else "deckgen.toml [ai]")
        )
        try:
            values[name] = _coerce(name, raw, type(getattr(defaults, name)))
        except ValueError as exc:
            problems.append(
                Finding(
                    where, 0, f"ai setting '{name}': {exc}", "see README, 'Drafting with a language model'", "config"
                )
            )
    if not problems:
        if not values["base_url"]:
            problems.append(
                Finding(
                    "deckgen.toml",
                    0,
                    "no language-model server is configured",
                    'add [ai] base_url = "http://localhost:11434/v1" and model = "…" to deckgen.toml, '
                    "or set DECKGEN_AI_BASE_URL and DECKGEN_AI_MODEL",
                    "config",
                )
            )
        else:
            parts = urlsplit(values["base_url"])
            if parts.scheme not in ("http", "https") or not parts.hostname:
                problems.append(
                    Finding(
                        "ai.base_url",
                        0,
                        f"{redact(values['base_url'])!r} is not an http(s) URL",
                        "write it like http://localhost:11434/v1",
                        "config",
                    )
                )
        if not values["model"]:
            problems.append(
                Finding(
                    "deckgen.toml",
                    0,
                    "no model is named",
                    'add [ai] model = "llama3.2" (or set DECKGEN_AI_MODEL)',
                    "config",
                )
            )
        if values["response_format"] not in RESPONSE_FORMATS:
            problems.append(
                Finding(
                    "ai.response_format",
                    0,
                    f"{values['response_format']!r} is not one of {', '.join(RESPONSE_FORMATS)}",
                    "use json_schema (OpenAI, Ollama, llama.cpp), json_object, or none",
                    "config",
                )
            )
    if problems:
        raise ConfigError(problems)
    return AISettings(**values)


def _coerce(name: str, raw: Any, kind: type) -> Any:
    if kind is str:
        if not isinstance(raw, str):
            raise ValueError("must be text")
        return raw.strip()
    try:
        value = kind(raw)
    except (TypeError, ValueError):
        raise ValueError(f"{raw!r} is not a number") from None
    if value < 0 or (name in ("timeout", "max_cards") and value == 0):
        raise ValueError(f"{raw!r} must be positive")
    return value


@dataclass(frozen=True)
class Completion:
    """The parts of a chat-completions reply that drafting needs."""

    content: str
    finish_reason: str
    model: str
    refusal: str = ""


_URL_CREDENTIALS_RE = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s@]*@")
_BEARER_RE = re.compile(r"(?i)\b(bearer|basic|token)\s+[A-Za-z0-9._~+/=-]{6,}")
# C0 controls except tab and newline, DEL and C1: terminal escapes must not reach a note or a terminal
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def redact(text: str, secret: str = "") -> str:
    """``text`` with the API key, bearer/basic tokens and URL credentials replaced by '***'."""
    if secret and len(secret) >= 4:
        text = text.replace(secret, "***")
    text = _URL_CREDENTIALS_RE.sub(lambda m: m.group(1) + "***@", text)
    return _BEARER_RE.sub(lambda m: m.group(1) + " ***", text)


def strip_controls(text: str) -> str:
    """``text`` without control characters (ESC, BEL, NUL, C1…); tabs and newlines stay."""
    return _CONTROL_RE.sub("", text.replace("\r\n", "\n"))


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Refuse redirects: following one would resend the note (and maybe the API key) elsewhere."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        raise LLMError(
            Finding(
                redact(req.full_url),
                0,
                f"the server redirected ({code}) to {redact(newurl)}",
                "set base_url to the final address yourself",
                "llm",
            )
        )


class ChatClient:
    """POSTs chat requests to one endpoint and turns every transport failure into an LLMError."""

    def __init__(self, settings: AISettings, sleep: Callable[[float], None] = time.sleep) -> None:
        self.settings = settings
        self._sleep = sleep
        self._opener = urllib.request.build_opener(_NoRedirect)

    def complete(
        self, messages: Sequence[Mapping[str, str]], response_format: Mapping[str, Any] | None = None
    ) -> Completion:
        """Send one chat request; wait out one short Retry-After (429/503) and try again."""
        body: dict[str, Any] = {
            "model": self.settings.model,
            "messages": list(messages),
            "temperature": self.settings.temperature,
            "stream": False,
        }
        if response_format is not None:
            body["response_format"] = dict(response_format)
        if self.settings.max_tokens:
            body["max_tokens"] = self.settings.max_tokens
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        for attempt in (1, 2):
            try:
                return self._within_deadline(data)
            except _RetryLater as wait:
                if attempt == 2 or wait.seconds > self.settings.max_retry_wait:
                    raise wait.error from None
                self._sleep(wait.seconds)
        raise AssertionError("unreachable")  # pragma: no cover

    def _within_deadline(self, data: bytes) -> Completion:
        """``_post`` with one deadline for the whole request.

        urllib's timeout applies to each socket operation, so a server that drips one byte a
        second never trips it; the request runs in a worker thread instead, and is abandoned
        (the thread is a daemon, its socket closes with the process) when the deadline passes.
        """
        outcome: dict[str, Any] = {}

        def work() -> None:
            try:
                outcome["value"] = self._post(data)
            except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread below
                outcome["error"] = exc

        worker = threading.Thread(target=work, name="deckgen-draft-request", daemon=True)
        worker.start()
        worker.join(self.settings.timeout)
        if worker.is_alive():
            raise self._timeout()
        if "error" in outcome:
            raise outcome["error"]
        value: Completion = outcome["value"]
        return value

    def _fail(self, message: str, fix: str) -> LLMError:
        secret = self.settings.api_key
        return LLMError(
            Finding(
                self.settings.shown_endpoint, 0, strip_controls(redact(message, secret)), redact(fix, secret), "llm"
            )
        )

    def _post(self, data: bytes) -> Completion:
        headers = {"Content-Type": "application/json", "Accept": "application/json", "User-Agent": "deckgen-draft"}
        if self.settings.api_key:
            headers["Authorization"] = f"Bearer {self.settings.api_key}"
        request = urllib.request.Request(self.settings.endpoint, data=data, headers=headers, method="POST")
        timeout = self.settings.timeout
        try:
            with self._opener.open(request, timeout=timeout) as response:
                raw = response.read(MAX_REPLY_BYTES + 1)
        except urllib.error.HTTPError as exc:
            raise self._http_error(exc) from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, (TimeoutError, socket.timeout)):
                raise self._timeout() from None
            if isinstance(reason, ConnectionRefusedError):
                raise self._fail(
                    "could not connect: connection refused",
                    "start the server (e.g. `ollama serve`) or fix base_url / DECKGEN_AI_BASE_URL",
                ) from None
            if isinstance(reason, socket.gaierror):
                raise self._fail(
                    f"could not resolve the host {urlsplit(self.settings.base_url).hostname!r}",
                    "check base_url / DECKGEN_AI_BASE_URL and your network",
                ) from None
            raise self._fail(f"could not connect: {reason}", "check base_url and that the server is running") from None
        except TimeoutError:
            raise self._timeout() from None
        except (http.client.HTTPException, ConnectionError, OSError) as exc:
            raise self._fail(
                f"the connection failed mid-reply ({type(exc).__name__}: {exc})", "check the server's log; try again"
            ) from None
        if len(raw) > MAX_REPLY_BYTES:
            raise self._fail(
                f"the reply is over {MAX_REPLY_BYTES:,} bytes", "this is not a chat-completions reply; check base_url"
            )
        return self._completion(raw)

    def _timeout(self) -> LLMError:
        return self._fail(
            f"no answer within {self.settings.timeout:g} seconds",
            "raise [ai] timeout (or DECKGEN_AI_TIMEOUT / --timeout), or use a smaller model",
        )

    def _http_error(self, exc: urllib.error.HTTPError) -> LLMError | _RetryLater:
        detail = _error_detail(exc)
        code = exc.code
        if code in (429, 503):
            seconds = retry_after_seconds(exc.headers.get("Retry-After"))
            what = "rate limited (429 Too Many Requests)" if code == 429 else "the server is busy (503)"
            if seconds is None:
                return self._fail(f"{what}{detail}", "wait a minute and run `deckgen draft` again")
            error = self._fail(
                f"{what}; the server asks to retry after {seconds:g} seconds{detail}",
                "run `deckgen draft` again later (or raise [ai] max_retry_wait)",
            )
            return _RetryLater(seconds, error)
        if code in (401, 403):
            return self._fail(
                f"the server refused the request ({code}): check the API key{detail}",
                "set DECKGEN_AI_API_KEY (keep keys out of deckgen.toml)",
            )
        if code == 404:
            return self._fail(
                f"not found (404){detail}",
                f"check base_url (usually ends in /v1) and that the model {self.settings.model!r} exists on the server",
            )
        if "response_format" in detail or "json_schema" in detail:
            # llama-cpp-python answers 500, others 400/422, when they do not know a response_format
            return self._fail(
                f"the server rejected the request ({code}){detail}",
                'this server does not accept the JSON schema: set [ai] response_format = "json_object" (or "none")',
            )
        if code in (400, 422):
            return self._fail(f"the server rejected the request ({code}){detail}", "check [ai] model and settings")
        if code >= 500:
            return self._fail(
                f"the server failed ({code}){detail}",
                "check the server's log (out of memory? model not loaded?) and try again",
            )
        return self._fail(f"unexpected HTTP status {code}{detail}", "check base_url")

    def _completion(self, raw: bytes) -> Completion:
        try:
            data = json.loads(raw.decode("utf-8"))
            choice = data["choices"][0]
            message = choice.get("message") or {}
            content = message.get("content") or ""
            if not isinstance(content, str):  # some servers send a list of content parts
                content = "".join(part.get("text", "") for part in content if isinstance(part, dict))
            return Completion(
                content=strip_controls(content),
                finish_reason=str(choice.get("finish_reason") or ""),
                model=str(data.get("model") or self.settings.model),
                refusal=str(message.get("refusal") or ""),
            )
        except (
            UnicodeDecodeError,
            json.JSONDecodeError,
            KeyError,
            IndexError,
            TypeError,
            AttributeError,
            RecursionError,
        ):
            excerpt = raw[:120].decode("utf-8", "replace")
            raise self._fail(
                f"the reply is not a chat-completions response: {excerpt!r}",
                "check base_url points at an OpenAI-compatible /v1 API",
            ) from None


class _RetryLater(Exception):
    """Internal: a 429/503 that names a wait; ``error`` is raised if we do not wait."""

    def __init__(self, seconds: float, error: LLMError) -> None:
        super().__init__(str(error))
        self.seconds, self.error = seconds, error


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Seconds named by a Retry-After header (a number or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    current = datetime.now(UTC).timestamp() if now is None else now
    return max(0.0, when.timestamp() - current)


def _error_detail(exc: urllib.error.HTTPError) -> str:
    """The server's own error message, shortened, as ``: message``."""
    try:
        raw = exc.read(20_000)
    except (OSError, http.client.HTTPException):
        return ""
    text = raw.decode("utf-8", "replace").strip()
    try:
        data = json.loads(text)
        error = data.get("error", data) if isinstance(data, dict) else data
        text = str(error.get("message") or error) if isinstance(error, dict) else str(error)
    except (json.JSONDecodeError, AttributeError, RecursionError):
        pass
    text = " ".join(text.split())
    return f": {text[:300]}" if text else ""
