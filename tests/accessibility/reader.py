"""Running Lesson Lab where a screen reader can see it: the buses, the app, the reader.

A screen reader on Linux (Orca) reads an application over AT-SPI: a private
D-Bus bus (the accessibility bus) that ``at-spi-bus-launcher`` starts and
announces on the session bus, with ``at-spi2-registryd`` keeping the list of
applications and the events readers have asked for. :class:`ReaderBus`
starts exactly that, privately: an X server (Xvfb), a D-Bus session bus, the
launcher (which starts the accessibility bus) and the registry, each by its
own PID, and stops the same PIDs.

:class:`ShownApp` runs a scene of ``tests/accessibility/show_for_reader.py``
(the real windows, on the xcb platform, with Qt's AT-SPI bridge on) and
:meth:`ShownApp.walk` reads its tree through ``atspi_dump.py`` under the
system Python, the same library calls a reader makes.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.e2e.conftest import start_xvfb

ROOT = Path(__file__).resolve().parents[2]
SYSTEM_PYTHON = "/usr/bin/python3"
DUMP = Path(__file__).with_name("atspi_dump.py")
# Where Debian and Ubuntu releases put the AT-SPI daemons.
LIBEXEC = ("/usr/libexec", "/usr/lib/at-spi2-core", "/usr/lib/at-spi2")
# Hang guards, not timings: a busy two-core machine can be slow to start a bus.
START_TIMEOUT_S = 30
REPLY_TIMEOUT_S = 120
WALK_TIMEOUT_S = 120
HEARD_EVENTS = ("object:announcement", "object:property-change:accessible-name",
                "object:property-change:accessible-description")
# Where libpulse, alsa-lib and PipeWire look for a sound server and devices. The
# ``pulse`` fixture points this test process at its private server for the whole
# session (tests/fixtures/pulse.py); the app a reader reads must not inherit that,
# or what it shows (the Speaker menu's devices) depends on which tests ran first.
SOUND_ROUTING_PREFIXES = ("PULSE_", "ALSA_", "PIPEWIRE_")


def _daemon(name: str) -> str | None:
    for folder in LIBEXEC:
        path = Path(folder) / name
        if path.exists():
            return str(path)
    return None


def missing_packages() -> list[str]:
    """What is missing, each as "what (Debian package)"; empty when all is there."""
    missing = []
    if shutil.which("Xvfb") is None:
        missing.append("Xvfb (Debian package xvfb)")
    if shutil.which("dbus-daemon") is None:
        missing.append("dbus-daemon (Debian package dbus)")
    if shutil.which("dbus-send") is None:
        missing.append("dbus-send (Debian package dbus)")
    if _daemon("at-spi-bus-launcher") is None or _daemon("at-spi2-registryd") is None:
        missing.append("at-spi-bus-launcher and at-spi2-registryd (Debian package at-spi2-core)")
    if not Path(SYSTEM_PYTHON).exists():
        missing.append(f"{SYSTEM_PYTHON} (Debian package python3)")
        return missing
    probe = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import gi; gi.require_version('Atspi', '2.0')"],
        capture_output=True, text=True, check=False)
    if "No module named 'gi'" in probe.stderr:
        missing.append("PyGObject for the system Python (Debian package python3-gi)")
    elif probe.returncode != 0:
        missing.append("the Atspi typelib (Debian package gir1.2-atspi-2.0)")
    return missing


def _die_with_parent() -> None:
    """In the child: ask Linux to end it if the test process dies (e.g. killed -9)."""
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _stop(process: subprocess.Popen | None) -> None:
    """End ``process`` (this one, by its PID) and close the pipes to it."""
    if process is None:
        return
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
    for pipe in (process.stdin, process.stdout, process.stderr):
        if pipe is not None:
            try:
                pipe.close()
            except OSError:  # a reader thread may hold it; it ends with the process
                pass


def reader_environment(environ: dict[str, str] | os._Environ) -> dict[str, str]:
    """A copy of ``environ`` for the bus and the app on it, without sound routing.

    With the private runtime folder :meth:`ReaderBus.start` sets, the app finds no
    sound server, whatever tests ran before in this process.
    """
    return {name: value for name, value in environ.items()
            if not name.startswith(SOUND_ROUTING_PREFIXES)}


class ReaderBus:
    """An X server, a D-Bus session and the AT-SPI bus and registry, all private."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.processes: list[subprocess.Popen] = []
        self.env: dict[str, str] = {}

    def start(self) -> None:
        runtime = self.folder / "runtime"
        runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
        xvfb, display = start_xvfb(1600, 1000)
        self.processes.append(xvfb)
        env = dict(reader_environment(os.environ), DISPLAY=display,
                   XDG_RUNTIME_DIR=str(runtime))
        env.pop("AT_SPI_BUS_ADDRESS", None)
        session = self._spawn(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                              env, stdout=subprocess.PIPE)
        address = session.stdout.readline().decode().strip()
        if not address:
            raise RuntimeError("the D-Bus session bus did not start")
        env["DBUS_SESSION_BUS_ADDRESS"] = address
        self.env = env
        # What Orca's start-up sets: accessibility on and a screen reader running.
        self._spawn([_daemon("at-spi-bus-launcher"), "--launch-immediately",
                     "--a11y=1", "--screen-reader=1"], env)
        self._wait_for_name("org.a11y.Bus", ["--session"])
        a11y = self._a11y_address()
        # Started here (not by the bus on demand) so that its PID is ours to stop.
        self._spawn([_daemon("at-spi2-registryd")], env)
        self._wait_for_name("org.a11y.atspi.Registry", [f"--bus={a11y}"])

    def stop(self) -> None:
        """Stop what :meth:`start` started, newest first, each by its PID."""
        for process in reversed(self.processes):
            _stop(process)
        self.processes.clear()

    def _spawn(self, command: list[str], env: dict, stdout=subprocess.DEVNULL) -> subprocess.Popen:
        process = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, stdout=stdout,
                                   stderr=subprocess.DEVNULL, preexec_fn=_die_with_parent)
        self.processes.append(process)
        return process

    def _send(self, bus: list[str], *arguments: str) -> subprocess.CompletedProcess:
        return subprocess.run(["dbus-send", *bus, "--print-reply", *arguments], env=self.env,
                              capture_output=True, text=True, timeout=30, check=False)

    def _wait_for_name(self, name: str, bus: list[str]) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            reply = self._send(bus, "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus",
                               "org.freedesktop.DBus.NameHasOwner", f"string:{name}")
            if "boolean true" in reply.stdout:
                return
            for process in self.processes:
                if process.poll() is not None:
                    raise RuntimeError(f"{process.args[0]} ended (code {process.returncode}) "
                                       f"before {name} was on the bus")
            time.sleep(0.1)
        raise RuntimeError(f"{name} did not appear on the bus")

    def _a11y_address(self) -> str:
        reply = self._send(["--session"], "--dest=org.a11y.Bus", "/org/a11y/bus",
                           "org.a11y.Bus.GetAddress")
        for line in reply.stdout.splitlines():
            line = line.strip()
            if line.startswith("string "):
                return line[len("string "):].strip('"')
        raise RuntimeError(f"the accessibility bus gave no address: {reply.stderr}")


class _Lines:
    """JSON lines from a process's stdout, read on a thread."""

    def __init__(self, stream) -> None:
        self.lines: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream) -> None:
        for line in stream:
            self.lines.put(line.decode("utf-8", "replace").rstrip("\n"))
        self.lines.put(None)

    def next(self, timeout: float) -> str | None:
        return self.lines.get(timeout=timeout)


@dataclass
class Walk:
    """One state of a scene: the window's tree on the bus and Qt's own account of it."""

    state: str
    window: str
    nodes: list[dict]
    widgets: list[dict]
    labels: list[dict] = field(default_factory=list)  # shown labels' words, as Qt has them


class ShownApp:
    """A scene of show_for_reader.py (or of ``module``, which adds scenes to it) running
    on the bus, driven line by line."""

    def __init__(self, bus: ReaderBus, scene: str, folder: Path,
                 module: str = "tests.accessibility.show_for_reader") -> None:
        self.bus = bus
        folder.mkdir(parents=True, exist_ok=True)
        self.errors = folder / "app.err"
        env = dict(bus.env, QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
                   LESSON_LAB_DATA=str(folder / "data"),
                   XDG_CONFIG_HOME=str(folder / "config"))
        env.pop("QT_ACCESSIBILITY", None)
        with self.errors.open("w") as stderr:
            self.process = subprocess.Popen(
                [sys.executable, "-m", module, scene],
                cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr,
                preexec_fn=_die_with_parent)
        self._out = _Lines(self.process.stdout)
        ready = self._reply("ready")
        self.pid = ready["ready"]
        self.states: list[str] = ready["states"]
        self._checks: set[str] = set()

    def _reply(self, key: str) -> dict:
        deadline = time.monotonic() + REPLY_TIMEOUT_S
        while time.monotonic() < deadline:
            try:
                line = self._out.next(timeout=1)
            except queue.Empty:
                continue
            if line is None:
                raise AssertionError(f"the app ended (code {self.process.wait()}) before "
                                     f"{key!r}:\n{self.errors.read_text()[-3000:]}")
            if not line.startswith("{"):
                continue  # something else printed to stdout
            record = json.loads(line)
            if "error" in record:
                raise AssertionError(f"the app could not do that: {record['error']}")
            if key in record:
                return record
        raise AssertionError(f"timed out waiting for the app's {key!r}")

    def command(self, text: str, key: str) -> dict:
        self.process.stdin.write((text + "\n").encode())
        self.process.stdin.flush()
        return self._reply(key)

    def walk(self, state: str) -> Walk:
        """Put the scene in ``state`` and read its window as a screen reader does."""
        shown = self.command(f"state {state}", "state")
        nodes = self.tree(shown["window"])
        return Walk(state, shown["window"], window_nodes(nodes, shown["window"]),
                    shown["widgets"], shown.get("labels", []))

    def tree(self, window: str) -> list[dict]:
        """The objects of the app's top-level ``window`` on the bus (atspi_dump.py tree)."""
        done = subprocess.run([SYSTEM_PYTHON, str(DUMP), "tree", str(self.pid), window],
                              env=self.bus.env, capture_output=True, text=True,
                              timeout=WALK_TIMEOUT_S, check=False)
        if done.returncode != 0:
            raise AssertionError(f"the screen reader's side could not read the app: "
                                 f"{done.stderr[-2000:]}")
        return json.loads(done.stdout)["nodes"]

    def announcements(self) -> tuple[list[dict], list[dict]]:
        """Make the scene's announcements with a reader listening; returns (what the app
        said, the events the reader heard: announcements, and the name and description
        changes that say where a message went when it was not announced)."""
        listener = subprocess.Popen(
            [SYSTEM_PYTHON, str(DUMP), "listen", str(self.pid), *HEARD_EVENTS],
            env=self.bus.env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, preexec_fn=_die_with_parent)
        try:
            heard = _Lines(listener.stdout)
            first = heard.next(timeout=REPLY_TIMEOUT_S)
            if first != "listening":
                raise AssertionError(f"the listener did not start: {first!r} "
                                     f"{listener.stderr.read().decode()[-2000:]}")
            events: list[dict] = []
            # Qt sends an event only once it has heard from the registry that a reader
            # wants it: a first check message, heard, says it has.
            self._check_heard(heard, events, "first")
            said = self.command("announce", "announced")["announced"]
            # The bus keeps one sender's events in order: once a last check message
            # is heard, every announcement before it has arrived.
            self._check_heard(heard, events, "last")
            return said, [e for e in events if e["data"] not in self._checks]
        finally:
            _stop(listener)

    def _check_heard(self, heard: _Lines, events: list[dict], which: str) -> None:
        text = f"Screen-reader test: {which} check"
        self._checks.add(text)
        deadline = time.monotonic() + REPLY_TIMEOUT_S
        while time.monotonic() < deadline:
            self.command(f"check {text}", "checked")
            try:
                while (line := heard.next(timeout=1)) is not None:
                    events.append(json.loads(line))
                    if events[-1]["data"] == text:
                        return
            except queue.Empty:
                continue  # not heard yet: say it again
            raise AssertionError("the listener ended early")
        raise AssertionError(f"the reader never heard {text!r} from the app")

    def close(self) -> None:
        if self.process.poll() is None:
            try:
                self.process.stdin.write(b"quit\n")
                self.process.stdin.close()
                self.process.wait(timeout=30)
            except (OSError, subprocess.TimeoutExpired):
                pass
        _stop(self.process)


def window_nodes(nodes: list[dict], window: str) -> list[dict]:
    """The nodes of the top-level window called ``window`` (itself first)."""
    tops = [n for n in nodes if n["parent"] == 0 and n["name"] == window]
    if not tops:
        names = [n["name"] for n in nodes if n["parent"] == 0]
        raise AssertionError(f"no window called {window!r} on the bus; there are {names}")
    top = tops[-1]
    inside = {top["index"]}
    picked = [top]
    for node in nodes[top["index"] + 1:]:
        if node["parent"] not in inside:
            break  # depth-first order: the window's nodes come together
        inside.add(node["index"])
        picked.append(node)
    return picked
