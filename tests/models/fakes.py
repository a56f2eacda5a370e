"""Tiny but correctly laid-out Vosk model folders and zip files for tests.

The files hold placeholder bytes, not a real acoustic model: the tests here
are about downloading, checking and installing, which look only at the
layout. One incompressible file makes the archive big enough (about half a
megabyte) for a download to arrive in many pieces.
"""

from __future__ import annotations

import hashlib
import os
import random
import stat
import zipfile
from pathlib import Path

LOOKAHEAD_FILES = {
    "am/final.mdl": None,  # filled with PAYLOAD_BYTES of random data
    "conf/mfcc.conf": b"--use-energy=false\n--sample-frequency=16000\n",
    "conf/model.conf": b"--min-active=200\n--max-active=3000\n--beam=10.0\n",
    "graph/HCLr.fst": b"fake lookahead graph\n",
    "graph/Gr.fst": b"fake grammar\n",
    "graph/disambig_tid.int": b"1\n2\n",
    "graph/phones/word_boundary.int": b"1 nonword\n2 begin\n",
    "ivector/final.ie": b"ie",
    "ivector/final.dubm": b"dubm",
    "ivector/final.mat": b"mat",
    "ivector/global_cmvn.stats": b"stats",
    "ivector/online_cmvn.conf": b"# cmvn\n",
    "ivector/splice.conf": b"--left-context=3\n--right-context=3\n",
    "README": b"A fake model made by the Lesson Lab tests.\n",
}
PAYLOAD_BYTES = 512 * 1024


def payload(seed: int = 7) -> bytes:
    """Random bytes that do not compress, the same on every run."""
    return random.Random(seed).randbytes(PAYLOAD_BYTES)


def write_fake_model(folder: Path, omit: tuple[str, ...] = (), full_graph: bool = False) -> Path:
    """Write a complete fake model into ``folder`` (minus ``omit``); return ``folder``."""
    files = dict(LOOKAHEAD_FILES)
    if full_graph:
        for name in ("graph/HCLr.fst", "graph/Gr.fst", "graph/disambig_tid.int"):
            files.pop(name)
        files["graph/HCLG.fst"] = b"fake full graph\n"
        files["graph/words.txt"] = b"<eps> 0\nhello 1\n"
    for name, data in files.items():
        if name in omit:
            continue
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(payload() if data is None else data)
    return folder


def zip_folder(folder: Path, zip_path: Path, wrapper: str | None = None) -> Path:
    """Zip ``folder``'s contents, inside a top folder ``wrapper`` if given."""
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                relative = path.relative_to(folder).as_posix()
                archive.write(path, f"{wrapper}/{relative}" if wrapper else relative)
    return zip_path


def fake_model_zip(tmp: Path, name: str, wrapper: bool = True, omit: tuple[str, ...] = ()) -> Path:
    """A zip of a fake model called ``name`` (wrapped in a folder of that name)."""
    folder = write_fake_model(tmp / f"src-{name}", omit=omit)
    return zip_folder(folder, tmp / f"{name}.zip", wrapper=name if wrapper else None)


def official_entry(name: str, data: bytes, md5: str | None = None) -> dict:
    """A ``model-list.json`` entry for ``data`` as the official list writes it."""
    return {
        "lang": "en-gb",
        "lang_text": "UK English",
        "md5": md5 if md5 is not None else hashlib.md5(data).hexdigest(),
        "name": name,
        "obsolete": "false",
        "size": len(data),
        "size_text": f"{len(data) / 1048576:.1f}MiB",
        "type": "small",
        "url": f"https://alphacephei.com/vosk/models/{name}.zip",
        "version": "0.1",
    }


def add_entry(archive: zipfile.ZipFile, name: str, data: bytes = b"x", mode: int | None = None):
    """Add an entry with an explicit Unix mode (a link, a device...)."""
    info = zipfile.ZipInfo(name)
    info.create_system = 3  # Unix, so the mode bits count
    if mode is not None:
        info.external_attr = mode << 16
    archive.writestr(info, data)


SYMLINK_MODE = stat.S_IFLNK | 0o777
DEVICE_MODE = stat.S_IFCHR | 0o644


def leftovers(root: Path) -> list[str]:
    """Everything in a models folder, hidden work folders included."""
    if not root.exists():
        return []
    return sorted(os.path.relpath(path, root) for path in root.rglob("*"))


class AsideWatcher:
    """A progress callback that looks at the models folder while unpacking.

    At every UNPACK report it notes whether the final model folder already
    exists and which hidden ``.installing-*`` folders there are, so a test
    can prove the model was built aside and only renamed into place at the end.
    """

    def __init__(self, root: Path, name: str) -> None:
        self.root = root
        self.name = name
        self.unpack_reports = 0
        self.final_seen_early = False
        self.aside_folders: set[str] = set()
        self.reports_without_aside = 0
        self.most_bytes_aside = 0  # the largest amount seen unpacked in the aside folder

    def __call__(self, progress) -> None:
        from models.paths import INSTALLING_PREFIX
        from models.progress import UNPACK

        if progress.stage != UNPACK:
            return
        self.unpack_reports += 1
        if (self.root / self.name).exists():
            self.final_seen_early = True
        aside = {p.name for p in self.root.iterdir() if p.name.startswith(INSTALLING_PREFIX)}
        if not aside:
            self.reports_without_aside += 1
        self.aside_folders |= aside
        unpacked = sum(
            path.stat().st_size
            for folder in aside
            for path in (self.root / folder).rglob("*")
            if path.is_file()
        )
        self.most_bytes_aside = max(self.most_bytes_aside, unpacked)
