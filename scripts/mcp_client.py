#!/usr/bin/env python3
"""Drives `vitally-shell mcp --replay` with the official MCP Python SDK (`mcp` on PyPI): a client
nobody here wrote. Usage: mcp_client.py VITALLY_SHELL RECORDING.har

Checks, printing one line per failure and exiting 1 if any:
- initialize: the instructions say where the data lives (the words doctor's data-location check
  prints), the matching rules in order, and the recording's time;
- tools/list: only read tools, each schema as `help COMMAND` documents the command, and the same
  as `mcp --print-schemas`;
- match, brief and doctor: structuredContent equals `-c "CMD" --json` byte for byte (the JSON-RPC
  line's bytes, whitespace aside), the same bytes twice and in a second session;
- a replay miss and a raw_get path trick are isError results; a write tool is no tool at all;
- resources: har://entry/N and brief://last;
- --max-requests stops a loop of calls with an isError result.
"""

import asyncio
import json
import os
import re
import subprocess
import sys
import tempfile

from mcp import ClientSession, MCPError, StdioServerParameters
from mcp.client.stdio import stdio_client

BINARY, HAR = sys.argv[1], sys.argv[2]
ENV = dict(os.environ)
failures = []

READ_COMMANDS = {"accounts", "health", "notes", "tasks", "users", "nps", "conversations", "timeline", "organizations",
                 "objects", "match", "brief", "doctor", "audit", "coverage"}
READ_TOOLS_OF_WRITE_COMMANDS = {"raw_get", "recordings_show"}  # raw and recordings have other words that are not tools


def is_read_tool(name):
    return name in READ_TOOLS_OF_WRITE_COMMANDS or name.split("_", 1)[0] in READ_COMMANDS and name not in WRITE_COMMANDS
WRITE_COMMANDS = {"connect", "disconnect", "record", "replay", "recordings_scrub", "recordings_diff", "history",
                  "history_import", "history_forget", "exit", "status", "help"}
# Flags no tool offers: --json and --fail-on, and every flag whose value is a local FILE (read or
# written): a tool never touches the server's files.
WITHHELD_FLAGS = {"--json", "--fail-on"}


def withheld(flag, value):
    return flag in WITHHELD_FLAGS or "FILE" in (value or "")


def check(condition, what):
    if not condition:
        failures.append(what)
    return condition


def cli(*arguments):
    """vitally-shell's stdout for these arguments (replaying the same recording)."""
    done = subprocess.run([BINARY, "--replay", HAR, *arguments], capture_output=True, env=ENV)
    return done.stdout.decode()


def compact(text):
    """JSON text without the whitespace between tokens; strings, numbers and escapes byte for byte."""
    out, in_string, escaped = [], False, False
    for ch in text:
        if in_string:
            out.append(ch)
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
            out.append(ch)
        elif ch not in " \t\r\n":
            out.append(ch)
    return "".join(out)


def raw_structured(raw_path, structured):
    """The bytes of structuredContent in the JSON-RPC line whose parsed value is `structured`."""
    decoder = json.JSONDecoder()
    with open(raw_path, encoding="utf-8") as handle:
        for line in handle:
            at = line.find('"structuredContent":')
            if at < 0:
                continue
            start = at + len('"structuredContent":')
            value, end = decoder.raw_decode(line, start)
            if value == structured:
                return line[start:end]
    return None


def server(raw_path, *arguments):
    """The server behind a `tee`, so the test also sees the protocol's exact bytes."""
    env = dict(ENV, MCP_RAW=raw_path)
    return StdioServerParameters(
        command="/bin/sh", args=["-c", '"$0" "$@" | tee "$MCP_RAW"', BINARY, "mcp", "--replay", HAR, *arguments], env=env)


async def wait_for_raw(raw_path, structured):
    for _ in range(100):  # tee may write the file a moment after the client read the line
        found = raw_structured(raw_path, structured)
        if found is not None:
            return found
        await asyncio.sleep(0.02)
    return None


def help_flags(command, sub):
    """The flags `help COMMAND --json` lists for the subcommand `sub` (its own and the command's):
    {'--title': (True (takes a value), help), '--json': (False, …), …}."""
    out = subprocess.run([BINARY, "-c", "help " + command + " --json"], capture_output=True, env=ENV).stdout.decode()
    flags = {}
    for flag in json.loads(out).get("flags", []):
        if flag.get("subcommand") in (None, sub or None):
            flags[flag["name"]] = (flag.get("value"), flag["help"])
    return flags


def check_schema(tool):
    """A tool's properties are the command's flags, as `help` documents them, plus its arguments."""
    command, _, sub = tool.name.partition("_")
    schema = tool.input_schema
    properties = schema.get("properties", {})
    flags = help_flags(command, sub)
    check(flags, f"{tool.name}: 'help {command}' lists no flags")
    expected = set()
    for flag, (value, text) in flags.items():
        takes_value = value is not None
        if withheld(flag, value):
            # Inverted check: a file flag must not be a property, whatever the tool.
            check(flag[2:].replace("-", "_") not in properties, f"{tool.name}: offers the file flag {flag}")
            continue
        name = flag[2:].replace("-", "_")
        expected.add(name)
        if not check(name in properties, f"{tool.name}: flag {flag} is no property"):
            continue
        kind = properties[name].get("type")
        check(kind in (("string", "integer") if takes_value else ("boolean",)), f"{tool.name}: {flag} has type {kind}")
    arguments = set(properties) - expected
    check(len(arguments) <= 1, f"{tool.name}: properties {sorted(arguments)} are neither flags nor one argument")
    for name in arguments:
        check(name in ("account", "emails", "text", "path", "file", "arguments"), f"{tool.name}: argument '{name}'")
    check(schema.get("additionalProperties") is False, f"{tool.name}: additionalProperties is not false")
    check(tool.annotations is not None and tool.annotations.read_only_hint is True, f"{tool.name}: not marked read-only")


async def call_and_compare(session, raw_path, tool, arguments, command_line):
    """Calls `tool`, then checks its structuredContent against `-c COMMAND_LINE --json`."""
    result = await session.call_tool(tool, arguments)
    if not check(not result.is_error, f"{tool}: isError: {result.content}"):
        return None
    expected_text = cli("-c", command_line, "--json")
    expected = json.loads(expected_text)
    wrapped = expected if isinstance(expected, dict) else {"result": expected}
    check(result.structured_content == wrapped, f"{tool}: structuredContent differs from -c '{command_line}' --json")
    raw = await wait_for_raw(raw_path, result.structured_content)
    want = compact(expected_text) if isinstance(expected, dict) else '{"result":' + compact(expected_text) + "}"
    check(raw == want, f"{tool}: the protocol's bytes differ from -c '{command_line}' --json\n  got  {str(raw)[:300]}\n  want {want[:300]}")
    text = result.content[0].text if result.content else ""
    check(text.strip() != "", f"{tool}: no text content")
    return raw


MATCH = ["bill@initech.com", "hank@globex.com", "miles@cyberdyne.com", "new.hire@brightwave.io"]
DOCTOR = ["pat.lee@acme.com", "nobody@nowhere-example.com", "jane.doe@gmail.com", "gavin@hooli.com"]
BRIEF = ["pat.lee@acme.com", "jordan.kim@acme.com", "dana@brightwave.io"]


async def main_session(raw_path):
    async with stdio_client(server(raw_path)) as (read, write), ClientSession(read, write) as session:
        init = await session.initialize()
        instructions = init.instructions or ""
        doctor = json.loads(cli("-c", "doctor", "--json"))
        location = next(c["detail"] for c in doctor["checks"] if c["title"] == "data location")
        check(location in instructions, f"instructions lack doctor's data location '{location}'")
        recorded = json.load(open(HAR, encoding="utf-8"))["log"]["_vitallyShell"]["recordedAt"]
        check(recorded in instructions, f"instructions lack the recording's time {recorded}")
        check("Replay" in instructions and os.path.basename(HAR) in instructions, "instructions do not say it is a replay")
        rules = ["contact association", "email domain", "account domain trait", "organization domain trait", "company name"]
        places = [instructions.find(f"{n}) {rule}") for n, rule in enumerate(rules, 1)]
        check(all(p >= 0 for p in places) and places == sorted(places), f"instructions lack the rules in order: {places}")

        listed = await session.list_tools()
        names = {tool.name for tool in listed.tools}
        check(all(map(is_read_tool, names)), f"tools that are not read commands: {sorted(n for n in names if not is_read_tool(n))}")
        check(not names & WRITE_COMMANDS, f"write tools listed: {sorted(names & WRITE_COMMANDS)}")
        for must in ("match", "brief", "doctor", "raw_get", "accounts_search", "recordings_show"):
            check(must in names, f"tool {must} missing")
        for tool in listed.tools:
            check_schema(tool)
        printed = json.loads(subprocess.run([BINARY, "mcp", "--print-schemas"], capture_output=True, env=ENV).stdout)
        served = [{"name": t.name, "inputSchema": t.input_schema} for t in listed.tools]
        check(served == [{"name": t["name"], "inputSchema": t["inputSchema"]} for t in printed], "tools/list differs from mcp --print-schemas")

        # doctor first: its connection check counts the session's requests, as in a -c session of one command.
        await call_and_compare(session, raw_path, "doctor", {"emails": DOCTOR}, "doctor " + " ".join(DOCTOR))
        match_bytes = await call_and_compare(session, raw_path, "match", {"emails": MATCH}, "match " + " ".join(MATCH))
        await call_and_compare(session, raw_path, "brief", {"emails": BRIEF, "title": "Acme QBR"},
                               "brief " + " ".join(BRIEF) + " --title 'Acme QBR'")
        again = await session.call_tool("match", {"emails": MATCH})
        check(again.structured_content is not None and await wait_for_raw(raw_path, again.structured_content) == match_bytes,
              "match twice: different bytes")

        brief = await session.read_resource("brief://last")
        markdown = cli("-c", "brief " + " ".join(BRIEF) + " --title 'Acme QBR' --format markdown")
        check(brief.contents[0].text == markdown, "brief://last differs from brief --format markdown")
        resources = await session.list_resources()
        uris = [r.uri for r in resources.resources]
        check("har://entry/1" in [str(u) for u in uris], "har://entry/1 not listed")
        entry = await session.read_resource("har://entry/3")
        check(entry.contents[0].text == cli("-c", f"recordings show {HAR} 3 --json"), "har://entry/3 differs from recordings show")

        miss = await session.call_tool("raw_get", {"path": "/resources/accounts?limit=7"})
        check(miss.is_error and "is not in " + os.path.basename(HAR) in miss.content[0].text, f"replay miss: {miss}")
        for trick in ("/resources/../admins", "/resources/%2e%2e/admins", "/resources/%252e%252e/admins", "/resources/..;/admins", "/resources/%2e%2e%2fadmins"):
            refused = await session.call_tool("raw_get", {"path": trick})
            check(refused.is_error and "raw reads paths under /resources/" in refused.content[0].text, f"raw_get {trick}: {refused}")
        many = [f"person{n}@acme.com" for n in range(51)]
        capped = await session.call_tool("match", {"emails": many})
        check(capped.is_error and "--max-attendees" in capped.content[0].text, f"51 attendees: {capped.content}")
        bad = await session.call_tool("match", {"emails": ["--title"]})
        check(bad.is_error, "an argument that looks like a flag was accepted")
        unknown = await session.call_tool("match", {"emails": MATCH, "token": "x"})
        check(unknown.is_error and "no argument 'token'" in unknown.content[0].text, f"unknown argument: {unknown}")
        for write in ("connect", "recordings_scrub", "record"):
            try:
                await session.call_tool(write, {})
                check(False, f"{write} was callable")
            except MCPError as error:
                check("only reads" in str(error), f"{write}: {error}")
        return match_bytes


async def second_session(raw_path):
    async with stdio_client(server(raw_path)) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        result = await session.call_tool("match", {"emails": MATCH})
        return await wait_for_raw(raw_path, result.structured_content)


async def budget_session(raw_path, budget):
    async with stdio_client(server(raw_path, "--max-requests", str(budget))) as (read, write), ClientSession(read, write) as session:
        init = await session.initialize()
        check(f"at most {budget} requests" in (init.instructions or ""), "instructions do not state the budget")
        outcomes = []
        for _ in range(budget + 3):
            result = await session.call_tool("raw_get", {"path": "/resources/accounts?limit=1"})
            outcomes.append(result)
        stopped = [i for i, r in enumerate(outcomes) if r.is_error]
        check(stopped and stopped[0] > 0, f"--max-requests {budget}: the loop was not stopped after a few calls ({len(stopped)} errors)")
        if stopped:
            check(all(r.is_error for r in outcomes[stopped[0]:]), "--max-requests: a call went through after the budget was spent")
            text = outcomes[stopped[0]].content[0].text
            check(f"budget of {budget} requests is spent" in text and "--max-requests" in text, f"--max-requests: unclear error {text}")


async def main():
    work = tempfile.mkdtemp(prefix="mcp-client-")
    first = await main_session(os.path.join(work, "first.jsonl"))
    second = await second_session(os.path.join(work, "second.jsonl"))
    check(first is not None and first == second, "match in a second session: different bytes")
    await budget_session(os.path.join(work, "budget.jsonl"), 5)
    for failure in failures:
        print("FAIL " + failure)
    print(f"{'FAILED' if failures else 'OK'}: mcp client checks ({len(failures)} failures)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
