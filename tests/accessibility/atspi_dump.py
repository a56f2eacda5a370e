"""The screen reader's side: what a Qt app shows over the AT-SPI bus, as Orca sees it.

Runs under the system Python (``/usr/bin/python3``), which has PyGObject and
the Atspi typelib (Debian: python3-gi, gir1.2-atspi-2.0); the project's venv
has neither. The test starts it in a subprocess with the session's D-Bus and
X display in its environment.

    atspi_dump.py tree PID [WINDOW] every object of the app with process PID (or
                                    only those of its top-level window called
                                    WINDOW), one JSON object on stdout
    atspi_dump.py listen PID EVENT...
                                    register for the events (e.g.
                                    object:announcement), print "listening",
                                    then one JSON line per event from PID until
                                    stdin closes

A tree node is ``{"index", "parent", "depth", "role", "name", "description",
"states", "id", "labelled_by", "interfaces", "text", "children"}``; ``parent``
is the index of the parent node (-1 for the application); ``text`` is the
start of what the Text interface reads, for text-like roles (else null).
"""

from __future__ import annotations

import json
import sys
import threading
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402 - after require_version

FIND_APP_TIMEOUT_S = 30
# An application of thousands of objects is walked in a few seconds; a call
# that takes longer than this has hung (the app stopped answering).
CALL_TIMEOUT_MS = 20000
# The start of a text a reader can read (a lesson, a dictation): enough to know it.
TEXT_CHARS = 300
TEXT_ROLES = {"text", "label", "document text", "document frame", "entry", "paragraph"}


def find_application(pid: int) -> Atspi.Accessible:
    """The application object registered on the bus by process ``pid``."""
    deadline = time.monotonic() + FIND_APP_TIMEOUT_S
    while True:
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            if app is not None and app.get_process_id() == pid:
                return app
        if time.monotonic() > deadline:
            raise SystemExit(f"no application of process {pid} on the accessibility bus")
        time.sleep(0.1)


def _relation_targets(node: Atspi.Accessible, kind: Atspi.RelationType) -> list[str]:
    names = []
    for relation in node.get_relation_set() or []:
        if relation.get_relation_type() == kind:
            for i in range(relation.get_n_targets()):
                names.append(relation.get_target(i).get_name() or "")
    return names


def describe(node: Atspi.Accessible) -> dict:
    """One object as a screen reader reads it."""
    states = node.get_state_set()
    role = node.get_role_name()
    interfaces = sorted(node.get_interfaces() or [])
    text = None
    if "Text" in interfaces and role in TEXT_ROLES:
        text = node.get_text(0, min(node.get_character_count(), TEXT_CHARS))
    return {
        "role": role,
        "name": node.get_name() or "",
        "description": node.get_description() or "",
        "states": sorted(s.value_nick for s in states.get_states()),
        "id": node.get_accessible_id() or "",
        "labelled_by": _relation_targets(node, Atspi.RelationType.LABELLED_BY),
        "interfaces": interfaces,
        "text": text,
        "children": node.get_child_count(),
    }


def walk(app: Atspi.Accessible, window: str | None = None) -> list[dict]:
    """Every object under ``app`` (or only its top-level ``window``), depth first, each
    with its parent's index."""
    nodes: list[dict] = []
    stack = [(app, -1, 0)]
    while stack:
        node, parent, depth = stack.pop()
        entry = describe(node)
        entry.update(index=len(nodes), parent=parent, depth=depth)
        nodes.append(entry)
        children = [node.get_child_at_index(i) for i in range(entry["children"])]
        children = [c for c in children if c is not None]
        if parent == -1 and window is not None:
            children = [c for c in children if c.get_name() == window]
        for child in reversed(children):
            stack.append((child, entry["index"], depth + 1))
    return nodes


def dump_tree(pid: int, window: str | None) -> None:
    Atspi.set_timeout(CALL_TIMEOUT_MS, CALL_TIMEOUT_MS)
    app = find_application(pid)
    json.dump({"application": app.get_name(), "nodes": walk(app, window)}, sys.stdout)
    sys.stdout.write("\n")


def listen(pid: int, events: list[str]) -> None:
    """Print each event from ``pid`` as a JSON line until stdin closes."""
    loop = GLib.MainLoop()

    def heard(event: Atspi.Event) -> None:
        source = event.source
        try:
            if source is None or source.get_process_id() != pid:
                return
            source_name, role = source.get_name() or "", source.get_role_name()
        except GLib.Error:  # the object went while we asked about it
            source_name, role = "", ""
        data = event.any_data
        record = {"type": event.type, "detail1": event.detail1, "detail2": event.detail2,
                  "data": data if isinstance(data, (str, int, float, bool)) else None,
                  "source": source_name, "role": role}
        print(json.dumps(record), flush=True)

    listener = Atspi.EventListener.new(heard)
    for name in events:
        listener.register(name)
    find_application(pid)

    def wait_for_stdin() -> None:
        sys.stdin.read()
        GLib.idle_add(loop.quit)

    threading.Thread(target=wait_for_stdin, daemon=True).start()
    print("listening", flush=True)
    loop.run()


def main(argv: list[str]) -> int:
    if len(argv) in (2, 3) and argv[0] == "tree":
        dump_tree(int(argv[1]), argv[2] if len(argv) == 3 else None)
        return 0
    if len(argv) >= 3 and argv[0] == "listen":
        listen(int(argv[1]), argv[2:])
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
