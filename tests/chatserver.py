"""A chat-completions server started inside the test process, speaking the OpenAI wire format.

It answers POST /v1/chat/completions from a script of replies (status, headers, body,
delay, or a dropped connection) and records every request, so tests drive deckgen's real
HTTP client over a real socket and assert on exactly what it sent.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest


@dataclass
class Reply:
    """One scripted answer."""

    body: Any = None  # dict/list -> JSON, str/bytes sent as is
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering
    drop: bool = False  # close the connection without answering
    during: Callable[[], None] | None = None  # runs while the client waits (e.g. the curator edits the note)


def completion(
    content: str, finish_reason: str = "stop", refusal: str | None = None, model: str = "test-model"
) -> dict[str, Any]:
    """A chat-completions response body as OpenAI-compatible servers send it."""
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 1_700_000_000,
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content, "refusal": refusal},
                "finish_reason": finish_reason,
            }
        ],
        "usage": {"prompt_tokens": 512, "completion_tokens": 128, "total_tokens": 640},
    }


def cards_reply(*cards: dict[str, str], model: str = "test-model") -> Reply:
    """A 200 reply whose message content is the JSON ``{"cards": [...]}``."""
    full = [{"kind": "basic", "question": "", "answer": "", "cloze": "", **card} for card in cards]
    return Reply(completion(json.dumps({"cards": full}, ensure_ascii=False), model=model))


@dataclass
class Request:
    """One request the server received."""

    method: str
    path: str
    headers: dict[str, str]
    body: dict[str, Any]


class ChatServer:
    """Serve scripted replies on 127.0.0.1 from a background thread."""

    def __init__(self) -> None:
        self.replies: list[Reply] = []
        self.requests: list[Request] = []
        self._stop = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
                pass

            def do_POST(self) -> None:  # noqa: N802 - stdlib name
                length = int(self.headers.get("Content-Length", "0"))
                raw = self.rfile.read(length)
                try:
                    body = json.loads(raw)
                except ValueError:
                    body = {"_raw": raw.decode("utf-8", "replace")}
                server.requests.append(
                    Request("POST", self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                )
                reply = (
                    server.replies.pop(0)
                    if server.replies
                    else Reply({"error": {"message": "no scripted reply left"}}, 500)
                )
                if reply.during is not None:
                    reply.during()
                if reply.delay and server._stop.wait(reply.delay):
                    return
                if reply.drop:
                    self.close_connection = True
                    return
                data = (
                    reply.body
                    if isinstance(reply.body, bytes)
                    else (reply.body.encode() if isinstance(reply.body, str) else json.dumps(reply.body).encode())
                )
                try:
                    self.send_response(reply.status)
                    headers = {"Content-Type": "application/json", **reply.headers}
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a time-out test)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        """The base URL a client is configured with."""
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def push(self, *replies: Reply) -> None:
        """Queue replies, answered in order."""
        self.replies.extend(replies)

    def close(self) -> None:
        """Stop serving and release any handler still waiting."""
        self._stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def chat_server() -> Iterator[ChatServer]:
    """A fresh in-process chat-completions server."""
    server = ChatServer()
    try:
        yield server
    finally:
        server.close()
