"""``deckgen draft`` end to end: the CLI, the real HTTP client, an in-process server, the real Anki engine."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from ankiutil import import_apkg, open_collection, snapshot
from chatserver import ChatServer, Reply, cards_reply, chat_server, completion  # noqa: F401 - fixture
from conftest import run_deckgen, write

from deckgen.cards.generate import note_cards
from deckgen.lock.identity import card_guid
from deckgen.sources.notes import parse_note

NAMESPACE = "test-namespace-0001"
NOTE = """\
---
id: norton-empathy
title: Empathy and Product Management
author: Ken Norton
source: https://www.bringthedonuts.com/newsletter/empathy-and-product-management.html
tags: [empathy, craft]
---
Ken Norton's essay on empathy as a working practice — not a posture but a set of specific moves.

## Central argument
Norton argues that empathy in product management has been reduced to a buzzword while the actual
practice has atrophied — replaced by dashboards, frameworks, and process theater. His central claim is
that empathy is not an attitude or a personality trait but a set of concrete, learnable moves.

## Why it matters for product
If empathy is a craft practice rather than a disposition, it can be coached, observed in
decision-making, and built into team rituals, making it an organizational design lever rather than a hiring filter.

## Cards

Q: In Norton's 'Empathy and Product Management', what does he mean by empathy as craft?
A: A set of concrete, learnable moves.
"""
DECK = "deck: Essays\nnotes: all\n"

GOOD = {
    "question": "In Norton's 'Empathy and Product Management', what has replaced the practice of empathy?",
    "answer": "Dashboards, frameworks and process theater.",
    # the model typed a plain hyphen for the note's em dash and curly quotes around it
    "quote": "\u201cthe actual practice has atrophied - replaced by dashboards, frameworks, and process theater\u201d",
}
LEVER = {
    "question": "In Norton's 'Empathy and Product Management', what does treating empathy as a craft make it?",
    "answer": "An organizational design lever, not a hiring filter.",
    "quote": "making it an organizational design lever rather than a hiring filter",
}
CLOZE = {
    "kind": "cloze",
    "cloze": "In Norton's 'Empathy and Product Management', empathy as a craft can be {{c1::coached}}.",
    "quote": "it can be coached, observed in decision-making",
}
HALLUCINATED = {
    "question": "In Norton's 'Empathy and Product Management', how many customer calls should a PM make weekly?",
    "answer": "Five.",
    "quote": "PMs should make at least five customer calls every week",
}
YES_NO = {
    "question": "In Norton's 'Empathy and Product Management', is empathy a personality trait?",
    "answer": "No.",
    "quote": "empathy is not an attitude or a personality trait",
}

Cli = Callable[..., Any]


@pytest.fixture
def proj(project: Path) -> Path:
    write(project / "content" / "norton.md", NOTE)
    write(project / "decks" / "essays.yaml", DECK)
    return project


def env_for(server: ChatServer, **extra: str) -> dict[str, str]:
    return {
        "DECKGEN_AI_BASE_URL": server.url,
        "DECKGEN_AI_MODEL": "test-model",
        "DECKGEN_AI_API_KEY": "sk-test",
        **extra,
    }


def note_text(root: Path) -> str:
    return (root / "content" / "norton.md").read_text(encoding="utf-8")


def blocks_with(text: str, status: str) -> list[dict[str, str]]:
    """The card blocks of a note with ``Status: status``, as key -> value."""
    found = []
    for chunk in text.split("## Cards", 1)[1].split("\n\n"):
        fields = dict(
            line.split(": ", 1) for line in chunk.strip().split("\n") if ": " in line and not line.startswith("<!--")
        )
        if fields.get("Status") == status:
            found.append(fields)
    return found


def test_draft_approve_reject_and_build_into_anki(
    cli: Cli, proj: Path, chat_server: ChatServer, tmp_path: Path
) -> None:
    chat_server.push(cards_reply(GOOD, LEVER, CLOZE, HALLUCINATED, YES_NO))
    result = cli("draft", "content/norton.md", cwd=proj, env=env_for(chat_server))
    assert result.exit_code == 0, result

    # it said where it sends before sending, and sent the note with the rules and schema
    assert "Sending content/norton.md (" in result.stderr
    assert f"with an API key to {chat_server.url}/chat/completions, model test-model" in result.stderr
    [request] = chat_server.requests
    system, user = request.body["messages"]
    assert (
        "copied word for word" in system["content"]
        and "In Norton's 'Empathy and Product Management'" in system["content"]
    )
    assert "replaced by dashboards, frameworks, and process theater" in user["content"]
    assert "- In Norton's 'Empathy and Product Management', what does he mean by empathy as craft?" in user["content"]
    assert request.body["response_format"]["json_schema"]["schema"]["required"] == ["cards"]
    assert "id: norton-empathy" not in user["content"]  # front matter is not sent

    # the invented quote was dropped and said so; the rest are drafts with their findings
    assert (
        "dropped" in result.stderr
        and "its quote is not in the note" in result.stderr
        and "five customer calls" in result.stderr
    )
    assert "wrote 4 drafts" in result.stdout
    text = note_text(proj)
    drafts = blocks_with(text, "draft")
    assert [d.get("Q") or d.get("C") for d in drafts] == [
        GOOD["question"],
        LEVER["question"],
        CLOZE["cloze"],
        YES_NO["question"],
    ]
    assert "how many customer calls" not in text
    assert (
        "<!-- L4 error: yes/no question (starts with 'is') — ask for the content: 'What…', 'Why…', 'How…' -->\nStatus: draft"
        in text
    )
    assert drafts[0]["Quote"] == GOOD["quote"]

    # drafts never reach a deck, and the build says they are waiting
    built = cli("build", cwd=proj)
    assert built.exit_code == 0
    assert "content/norton.md: 4 draft card(s) not built yet" in " ".join(built.stderr.split())
    col = open_collection(tmp_path / "learner.anki2")
    first = import_apkg(col, proj / "build" / "essays.apkg")
    # exactly the note's own cards (authored and generated) were imported, none of the drafts
    own = note_cards(parse_note(NOTE, "content/norton.md"), settings={"include": ["author"]})  # conftest's project
    assert first.new == len(own) and set(snapshot(col)["notes"]) == {
        card_guid(NAMESPACE, c.note_id, c.key) for c in own
    }
    fronts = json.dumps([n["fields"] for n in snapshot(col)["notes"].values()])
    assert "replaced the practice" not in fronts and "{{c1::coached}}" not in fronts

    # the curator approves two (a one-word change each) and rejects two
    approved = [drafts[0]["id"], drafts[2]["id"]]
    text = text.replace(f"Status: draft\nid: {drafts[0]['id']}", f"Status: approved\nid: {drafts[0]['id']}")
    text = text.replace(f"Status: draft\nid: {drafts[2]['id']}", f"Status: approved\nid: {drafts[2]['id']}")
    text = text.replace("Status: draft", "Status: rejected")
    (proj / "content" / "norton.md").write_text(text, encoding="utf-8")
    built = cli("build", cwd=proj)
    assert built.exit_code == 0 and "not built yet" not in built.stderr
    second = import_apkg(col, proj / "build" / "essays.apkg")
    # the approved drafts are new; a generated card one of them now asks is retired (an updated note)
    assert second.new == 2 and second.updated <= 1
    notes = snapshot(col)["notes"]
    for key in approved:
        assert card_guid(NAMESPACE, "norton-empathy", key) in notes  # identity from the draft's id, not its text
    guid = card_guid(NAMESPACE, "norton-empathy", approved[0])
    assert "Dashboards, frameworks and process theater." in json.dumps(notes[guid]["fields"])
    for key in (drafts[1]["id"], drafts[3]["id"]):  # rejected: never shipped
        assert card_guid(NAMESPACE, "norton-empathy", key) not in notes
    assert LEVER["answer"] not in json.dumps([n["fields"] for n in notes.values()])

    # a later run never proposes the rejected (or approved) cards again
    chat_server.push(
        cards_reply(
            LEVER | {"question": LEVER["question"].replace("what does", "what would")},
            GOOD,
            {
                "question": "In Norton's 'Empathy and Product Management', what has empathy in product management been reduced to?",
                "answer": "A buzzword.",
                "quote": "empathy in product management has been reduced to a buzzword",
            },
        )
    )
    again = cli("draft", "norton-empathy", cwd=proj, env=env_for(chat_server))
    assert again.exit_code == 0, again
    assert again.stderr.count("the note already has this card") == 2
    text = note_text(proj)
    assert [d["Q"] for d in blocks_with(text, "draft")] == [
        "In Norton's 'Empathy and Product Management', what has empathy in product management been reduced to?"
    ]
    assert len(blocks_with(text, "rejected")) == 2 and len(blocks_with(text, "approved")) == 2

    # rewording an approved card updates the learner's note in place
    text = text.replace("A: Dashboards, frameworks and process theater.", "A: Dashboards, frameworks and process.")
    (proj / "content" / "norton.md").write_text(text, encoding="utf-8")
    assert cli("build", cwd=proj).exit_code == 0
    third = import_apkg(col, proj / "build" / "essays.apkg")
    assert (third.new, third.updated) == (0, 1)
    assert "Dashboards, frameworks and process." in json.dumps(snapshot(col)["notes"][guid]["fields"])
    col.close()


def test_malformed_reply_is_retried_once_with_the_reason(cli: Cli, proj: Path, chat_server: ChatServer) -> None:
    chat_server.push(
        Reply(completion("Sure! Here are some great flashcards about empathy: 1. What is empathy?")), cards_reply(GOOD)
    )
    result = cli("draft", "content/norton.md", cwd=proj, env=env_for(chat_server))
    assert result.exit_code == 0, result
    assert "the first reply was malformed" in result.stderr
    retry = chat_server.requests[1].body["messages"]
    assert retry[2] == {
        "role": "assistant",
        "content": "Sure! Here are some great flashcards about empathy: 1. What is empathy?",
    }
    assert retry[3]["content"].startswith("That reply could not be used: the reply is not JSON")
    assert len(blocks_with(note_text(proj), "draft")) == 1


def test_malformed_twice_fails_and_leaves_the_note_alone(cli: Cli, proj: Path, chat_server: ChatServer) -> None:
    before = (proj / "content" / "norton.md").read_bytes()
    chat_server.push(
        Reply(completion('{"cards": [{"q": "What?", "a": "That."}]}')), Reply(completion('{"cards": [{"q": "What?"'))
    )
    result = cli("draft", "content/norton.md", cwd=proj, env=env_for(chat_server))
    assert result.exit_code == 1
    assert "the model's reply was malformed twice: the reply is not JSON" in result.stderr
    assert (proj / "content" / "norton.md").read_bytes() == before
    assert len(chat_server.requests) == 2


def test_truncated_reply_names_max_tokens(cli: Cli, proj: Path, chat_server: ChatServer) -> None:
    cut = Reply(completion('{"cards": [{"kind": "basic", "question": "In Norton', finish_reason="length"))
    chat_server.push(cut, cut)
    result = cli("draft", "content/norton.md", cwd=proj, env=env_for(chat_server))
    assert result.exit_code == 1 and "raise [ai] max_tokens" in result.stderr


@pytest.mark.parametrize(
    "reply, message",
    [
        (
            Reply({"error": {"message": "Rate limit reached"}}, 429, {"Retry-After": "600"}),
            "rate limited (429 Too Many Requests); the server asks to retry after 600 seconds",
        ),
        (
            Reply({"error": {"message": "CUDA error: out of memory"}}, 500),
            "the server failed (500): CUDA error: out of memory",
        ),
        (Reply({"error": {"message": "upstream unavailable"}}, 502), "the server failed (502): upstream unavailable"),
        (
            Reply(completion("", refusal="I can't help with that request.")),
            "the model refused to draft cards for content/norton.md: I can't help with that request.",
        ),
        (Reply(completion("", finish_reason="content_filter")), "the model refused to draft cards"),
        (Reply(completion(json.dumps({"cards": [GOOD]})), delay=5), "no answer within 1 seconds"),
        (Reply(drop=True), "the connection failed mid-reply"),
    ],
)
def test_failures_give_clear_messages_and_leave_the_note_untouched(
    cli: Cli, proj: Path, chat_server: ChatServer, reply: Reply, message: str
) -> None:
    before = (proj / "content" / "norton.md").read_bytes()
    chat_server.push(reply)
    result = cli("draft", "content/norton.md", "--timeout", "1", cwd=proj, env=env_for(chat_server))
    assert result.exit_code == 1
    assert message in " ".join(result.stderr.split())
    assert (proj / "content" / "norton.md").read_bytes() == before
    assert not list((proj / "content").glob(".*.tmp"))


def test_connection_refused_from_the_cli(cli: Cli, proj: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    before = note_text(proj)
    result = cli(
        "draft",
        "content/norton.md",
        cwd=proj,
        env={"DECKGEN_AI_BASE_URL": f"http://127.0.0.1:{port}/v1", "DECKGEN_AI_MODEL": "m"},
    )
    assert result.exit_code == 1
    assert f"http://127.0.0.1:{port}/v1/chat/completions: llm: could not connect: connection refused" in " ".join(
        result.stderr.split()
    )
    assert note_text(proj) == before


def test_dry_run_shows_the_drafts_and_writes_nothing(cli: Cli, proj: Path, chat_server: ChatServer) -> None:
    before = (proj / "content" / "norton.md").read_bytes()
    chat_server.push(cards_reply(GOOD, YES_NO))
    result = cli("draft", "content/norton.md", "--dry-run", cwd=proj, env=env_for(chat_server))
    assert result.exit_code == 0, result
    assert "2 drafts would be added" in result.stdout
    assert (
        f"Q: {GOOD['question']}" in result.stdout
        and "Status: draft" in result.stdout
        and "<!-- L4 error" in result.stdout
    )
    assert "Dry run: no note was changed." in result.stdout
    assert (proj / "content" / "norton.md").read_bytes() == before


def test_settings_from_deckgen_toml_and_the_command_line(cli: Cli, proj: Path, chat_server: ChatServer) -> None:
    with (proj / "deckgen.toml").open("a", encoding="utf-8") as handle:
        handle.write(
            f'\n[ai]\nbase_url = "{chat_server.url}"\nmodel = "from-file"\nmax_cards = 5\nresponse_format = "json_object"\n'
        )
    chat_server.push(cards_reply(GOOD, LEVER))
    result = cli("draft", "content/norton.md", "--model", "from-cli", "--max-cards", "1", cwd=proj, env={})
    assert result.exit_code == 0, result
    body = chat_server.requests[0].body
    assert body["model"] == "from-cli" and body["response_format"]["type"] == "json_object"
    assert "Propose at most 1 new cards." in body["messages"][1]["content"]
    assert "over max_cards (1)" in result.stderr and len(blocks_with(note_text(proj), "draft")) == 1


def test_without_a_server_configured_nothing_is_sent(cli: Cli, proj: Path, chat_server: ChatServer) -> None:
    result = cli("draft", "content/norton.md", cwd=proj, env={})
    assert result.exit_code == 1
    assert "no language-model server is configured" in result.stderr and "DECKGEN_AI_BASE_URL" in result.stderr
    assert chat_server.requests == []


def test_an_invalid_note_is_refused_before_anything_is_sent(cli: Cli, proj: Path, chat_server: ChatServer) -> None:
    write(proj / "content" / "norton.md", NOTE.replace("A: A set of concrete", "Answer: A set of concrete"))
    result = cli("draft", "content/norton.md", cwd=proj, env=env_for(chat_server))
    assert result.exit_code == 1 and "content/norton.md:" in result.stderr
    assert chat_server.requests == []


def test_the_note_changed_while_the_model_was_thinking(cli: Cli, proj: Path, chat_server: ChatServer) -> None:
    """The curator's edit made while the request is in flight survives; drafts are added to the edited note."""
    path = proj / "content" / "norton.md"
    edit = "\nQ: In Norton's 'Empathy and Product Management', what has empathy become?\nA: A buzzword.\n"

    def curator_edits() -> None:
        path.write_text(path.read_text(encoding="utf-8") + edit, encoding="utf-8")

    reply = cards_reply(
        GOOD,
        {
            "question": "In Norton's 'Empathy and Product Management', what has empathy become?",
            "answer": "A buzzword.",
            "quote": "empathy in product management has been reduced to a buzzword",
        },
    )
    reply.during = curator_edits
    chat_server.push(reply)
    result = cli("draft", "content/norton.md", cwd=proj, env=env_for(chat_server))
    assert result.exit_code == 0, result
    text = note_text(proj)
    assert text.startswith(NOTE.rstrip("\n") + "\n" + edit)  # the edit is kept
    assert [d["Q"] for d in blocks_with(text, "draft")] == [
        GOOD["question"]
    ]  # the new card it duplicates is not drafted
    assert "the note already has this card" in result.stderr


def test_crlf_and_bom_are_kept(cli: Cli, proj: Path, chat_server: ChatServer) -> None:
    path = proj / "content" / "norton.md"
    path.write_bytes(b"\xef\xbb\xbf" + NOTE.replace("\n", "\r\n").encode("utf-8"))
    chat_server.push(cards_reply(GOOD))
    assert cli("draft", "content/norton.md", cwd=proj, env=env_for(chat_server)).exit_code == 0
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf---\r\nid: norton-empathy\r\n") and b"\r\nStatus: draft\r\n" in raw
    assert b"\n" not in raw.replace(b"\r\n", b"")


def test_other_commands_never_touch_the_network(cli: Cli, proj: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Offline by default: a build with every socket connection refused still works, even with [ai] configured."""
    with (proj / "deckgen.toml").open("a", encoding="utf-8") as handle:
        handle.write('\n[ai]\nbase_url = "http://127.0.0.1:9/v1"\nmodel = "m"\n')
    attempts: list[object] = []

    def refuse(self: socket.socket, address: object) -> None:
        attempts.append(address)
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    assert cli("build", cwd=proj).exit_code == 0
    assert attempts == []


def test_draft_as_a_real_process(proj: Path, chat_server: ChatServer) -> None:
    """`python -m deckgen draft` in its own process, by note id, against the in-process server."""
    chat_server.push(cards_reply(GOOD, HALLUCINATED))
    done = run_deckgen("draft", "norton-empathy", cwd=proj, env=env_for(chat_server))
    assert done.returncode == 0, done.stderr
    assert f"to {chat_server.url}/chat/completions, model test-model" in " ".join(done.stderr.split())
    assert "content/norton.md: wrote 1 draft —" in done.stdout
    assert [d["Q"] for d in blocks_with(note_text(proj), "draft")] == [GOOD["question"]]
    assert chat_server.requests[0].headers["authorization"] == "Bearer sk-test"


def test_unknown_notes_and_files_outside_the_project_are_refused(
    cli: Cli, proj: Path, chat_server: ChatServer, tmp_path: Path
) -> None:
    outside = write(tmp_path / "elsewhere.md", NOTE)
    result = cli("draft", str(outside), cwd=proj, env=env_for(chat_server))
    assert result.exit_code == 1 and "this file is outside the project" in result.stderr
    missing = cli("draft", "no-such-note", cwd=proj, env=env_for(chat_server))
    assert missing.exit_code == 1 and "no-such-note: draft: no note file or note id by this name" in " ".join(
        missing.stderr.split()
    )
    assert chat_server.requests == [] and outside.read_text(encoding="utf-8") == NOTE
