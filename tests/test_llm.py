"""deckgen.authoring.llm: the real urllib client against an in-process chat-completions server."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from chatserver import ChatServer, Reply, chat_server, completion  # noqa: F401 - fixture
from conftest import MINIMAL_TOML, write

from deckgen.authoring.llm import AISettings, ChatClient, ai_settings, retry_after_seconds
from deckgen.core.config import load_config
from deckgen.core.errors import ConfigError, LLMError

MESSAGES = [{"role": "user", "content": "Draft cards for this note."}]


def client_for(server: ChatServer, sleeps: list[float] | None = None, **overrides: object) -> ChatClient:
    settings = AISettings(base_url=server.url, model="m-test", **overrides)  # type: ignore[arg-type]
    return ChatClient(settings, sleep=(sleeps.append if sleeps is not None else lambda s: None))


def test_sends_an_openai_chat_request_and_reads_the_reply(chat_server: ChatServer) -> None:
    chat_server.push(Reply(completion('{"cards": []}', model="served-model")))
    result = client_for(chat_server, api_key="sk-secret").complete(MESSAGES, {"type": "json_object"})
    assert (result.content, result.finish_reason, result.model) == ('{"cards": []}', "stop", "served-model")
    [request] = chat_server.requests
    assert request.path == "/v1/chat/completions"
    assert request.headers["authorization"] == "Bearer sk-secret"
    assert request.headers["content-type"] == "application/json"
    assert request.body["model"] == "m-test"
    assert request.body["messages"] == MESSAGES
    assert request.body["response_format"] == {"type": "json_object"}
    assert request.body["stream"] is False


def test_no_key_means_no_authorization_header(chat_server: ChatServer) -> None:
    chat_server.push(Reply(completion("{}")))
    client_for(chat_server).complete(MESSAGES)
    assert "authorization" not in chat_server.requests[0].headers
    assert "response_format" not in chat_server.requests[0].body


def test_429_with_a_short_retry_after_waits_once_and_retries(chat_server: ChatServer) -> None:
    chat_server.push(
        Reply({"error": {"message": "Rate limit reached"}}, 429, {"Retry-After": "2"}), Reply(completion("ok"))
    )
    sleeps: list[float] = []
    assert client_for(chat_server, sleeps).complete(MESSAGES).content == "ok"
    assert sleeps == [2.0]
    assert len(chat_server.requests) == 2


def test_429_with_a_long_retry_after_fails_clearly_without_waiting(chat_server: ChatServer) -> None:
    chat_server.push(Reply({"error": {"message": "Rate limit reached for requests"}}, 429, {"Retry-After": "120"}))
    sleeps: list[float] = []
    with pytest.raises(LLMError) as caught:
        client_for(chat_server, sleeps).complete(MESSAGES)
    text = str(caught.value)
    assert (
        "rate limited (429" in text and "retry after 120 seconds" in text and "Rate limit reached for requests" in text
    )
    assert sleeps == [] and len(chat_server.requests) == 1


def test_429_twice_gives_up_after_one_retry(chat_server: ChatServer) -> None:
    chat_server.push(*[Reply({"error": {"message": "slow down"}}, 429, {"Retry-After": "1"}) for _ in range(2)])
    with pytest.raises(LLMError, match="retry after 1 seconds"):
        client_for(chat_server, []).complete(MESSAGES)
    assert len(chat_server.requests) == 2


def test_429_without_retry_after(chat_server: ChatServer) -> None:
    chat_server.push(Reply("Too Many Requests", 429, {"Content-Type": "text/plain"}))
    with pytest.raises(LLMError, match=r"rate limited \(429 Too Many Requests\): Too Many Requests — wait a minute"):
        client_for(chat_server).complete(MESSAGES)


def test_server_error_reports_the_servers_message(chat_server: ChatServer) -> None:
    chat_server.push(Reply({"error": {"message": "model failed to load: out of memory", "type": "server_error"}}, 500))
    with pytest.raises(LLMError, match=r"the server failed \(500\): model failed to load: out of memory"):
        client_for(chat_server).complete(MESSAGES)


def test_bad_key_is_named_without_echoing_it(chat_server: ChatServer) -> None:
    chat_server.push(Reply({"error": {"message": "Incorrect API key provided"}}, 401))
    with pytest.raises(LLMError) as caught:
        client_for(chat_server, api_key="sk-very-secret").complete(MESSAGES)
    assert "check the API key" in str(caught.value) and "DECKGEN_AI_API_KEY" in str(caught.value)
    assert "sk-very-secret" not in str(caught.value)


def test_unknown_model_or_path_is_a_404_with_the_fix(chat_server: ChatServer) -> None:
    chat_server.push(Reply({"error": {"message": "model 'm-test' not found"}}, 404))
    with pytest.raises(LLMError, match=r"not found \(404\): model 'm-test' not found — check base_url"):
        client_for(chat_server).complete(MESSAGES)


@pytest.mark.parametrize(
    "status, body",
    [
        (400, {"error": {"message": "response_format type json_schema is not supported"}}),
        # what llama-cpp-python 0.3.36's server really answers (measured): a 500 with pydantic's message
        (
            500,
            {
                "error": {
                    "message": "1 validation error: {'type': 'literal_error', 'loc': ('body', 'response_format', 'type'), "
                    "'msg': \"Input should be 'text' or 'json_object'\", 'input': 'json_schema'}",
                    "type": "internal_server_error",
                }
            },
        ),
    ],
)
def test_a_server_without_json_schema_support_gets_a_pointed_fix(
    chat_server: ChatServer, status: int, body: dict[str, object]
) -> None:
    chat_server.push(Reply(body, status))
    with pytest.raises(
        LLMError,
        match=rf'rejected the request \({status}\).* — this server does not accept the JSON schema: set \[ai\] response_format = "json_object"',
    ):
        client_for(chat_server).complete(MESSAGES, {"type": "json_schema"})


def test_slow_server_times_out_with_the_setting_to_change(chat_server: ChatServer) -> None:
    chat_server.push(Reply(completion("late"), delay=5))
    with pytest.raises(LLMError, match=r"no answer within 0.3 seconds — raise \[ai\] timeout"):
        client_for(chat_server, timeout=0.3).complete(MESSAGES)


def test_connection_refused() -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = ChatClient(AISettings(base_url=f"http://127.0.0.1:{port}/v1", model="m"))
    with pytest.raises(LLMError, match="connection refused — start the server"):
        client.complete(MESSAGES)


def test_connection_dropped_mid_reply(chat_server: ChatServer) -> None:
    chat_server.push(Reply(drop=True))
    with pytest.raises(LLMError, match="connection failed mid-reply"):
        client_for(chat_server).complete(MESSAGES)


def test_a_page_that_is_not_a_chat_completion(chat_server: ChatServer) -> None:
    chat_server.push(Reply("<html><body>Welcome to nginx</body></html>", 200, {"Content-Type": "text/html"}))
    with pytest.raises(LLMError, match="not a chat-completions response: '<html>"):
        client_for(chat_server).complete(MESSAGES)


def test_redirects_are_refused_so_the_note_goes_nowhere_else(chat_server: ChatServer) -> None:
    chat_server.push(Reply("", 307, {"Location": "http://example.invalid/v1/chat/completions"}))
    with pytest.raises(LLMError, match=r"redirected \(307\) to http://example.invalid"):
        client_for(chat_server, api_key="sk-1").complete(MESSAGES)
    assert len(chat_server.requests) == 1


def test_retry_after_accepts_seconds_and_http_dates() -> None:
    assert retry_after_seconds("7") == 7.0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:30 GMT", now=1445412500.0) == 10.0
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds(None) is None


def test_settings_precedence_cli_over_env_over_file(tmp_path: Path) -> None:
    root = tmp_path / "p"
    write(
        root / "deckgen.toml",
        MINIMAL_TOML + '[ai]\nbase_url = "http://file:1/v1"\nmodel = "file-model"\ntimeout = 30\nmax_cards = 3\n',
    )
    config = load_config(root)
    assert ai_settings(config, environ={}).base_url == "http://file:1/v1"
    from_env = ai_settings(
        config, environ={"DECKGEN_AI_MODEL": "env-model", "DECKGEN_AI_TIMEOUT": "9", "DECKGEN_AI_API_KEY": "k"}
    )
    assert (from_env.model, from_env.timeout, from_env.max_cards, from_env.api_key) == ("env-model", 9.0, 3, "k")
    from_cli = ai_settings(config, {"model": "cli-model", "timeout": None}, environ={"DECKGEN_AI_MODEL": "env-model"})
    assert (from_cli.model, from_cli.timeout) == ("cli-model", 30.0)
    assert from_cli.endpoint == "http://file:1/v1/chat/completions"


def test_settings_are_required_and_checked(tmp_path: Path) -> None:
    root = tmp_path / "p"
    write(root / "deckgen.toml", MINIMAL_TOML)
    with pytest.raises(ConfigError, match="no language-model server is configured"):
        ai_settings(load_config(root), environ={})
    with pytest.raises(ConfigError, match="is not an http"):
        ai_settings(load_config(root), environ={"DECKGEN_AI_BASE_URL": "localhost:11434", "DECKGEN_AI_MODEL": "m"})
    with pytest.raises(ConfigError, match=r"DECKGEN_AI_TIMEOUT.*'soon' is not a number"):
        ai_settings(
            load_config(root),
            environ={"DECKGEN_AI_BASE_URL": "http://h/v1", "DECKGEN_AI_MODEL": "m", "DECKGEN_AI_TIMEOUT": "soon"},
        )


def test_an_api_key_over_plain_http_to_another_machine_is_flagged() -> None:
    assert AISettings("http://10.0.0.5:8000/v1", "m", api_key="k").key_in_clear
    assert not AISettings("https://api.example.com/v1", "m", api_key="k").key_in_clear
    assert not AISettings("http://localhost:11434/v1", "m", api_key="k").key_in_clear
    assert not AISettings("http://10.0.0.5:8000/v1", "m").key_in_clear
