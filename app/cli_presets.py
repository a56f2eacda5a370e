"""Sub-command: ``lesson-lab presets [NAME] [--json]``.

With no name, lists the built-in adaptation presets (name, font, size, the
contrast of text on background with its WCAG level, and the first sentence of
the guidance note), then the user's own saved profiles. With a name, shows
that preset or profile in full.
"""

from __future__ import annotations

import json
import sys
import textwrap

from app.cli_errors import CliError

WIDTH = 88


def register(subparsers) -> None:
    """Add this group's sub-commands to the ``lesson-lab`` parser."""
    parser = subparsers.add_parser(
        "presets",
        help="list the adaptation presets and your own profiles",
        description="List the built-in adaptation presets, with the guidance behind each and "
        "their colour contrast, followed by the profiles you have saved. "
        "Give a name to see one in full.",
    )
    parser.add_argument("name", nargs="?", help="a preset or profile to show in full")
    parser.add_argument("--json", action="store_true", help="print the details as JSON")
    parser.set_defaults(handler=_presets)


def _presets(args) -> int:
    from lessons.fonts import find_font_files
    from lessons.presets import load_presets
    from lessons.profile_store import ProfileStore

    presets = load_presets()
    store = ProfileStore()
    own = store.profiles()
    for problem in store.problems():
        print(f"lesson-lab: {problem.message}", file=sys.stderr)
    installed = set(find_font_files().found)

    if args.name:
        profile = _find(args.name, presets, own)
        if args.json:
            print(json.dumps(_as_json(profile, installed), indent=2, ensure_ascii=False))
        else:
            _show(profile, installed)
        return 0
    if args.json:
        data = {
            "presets": [_as_json(p, installed) for p in presets],
            "profiles": [_as_json(p, installed) for p in own],
            "profiles_folder": str(store.folder),
        }
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0

    print("Built-in presets")
    for profile in presets:
        _summary(profile, installed)
    print()
    print(f"Your profiles (folder: {store.folder})")
    if not own:
        print("  none yet: duplicate a preset in the app to make your own")
    for profile in own:
        _summary(profile, installed)
    return 0


def _find(name, presets, own):
    from lessons.presets import name_key

    key = name_key(name)
    for profile in (*presets, *own):
        if name_key(profile.name) == key:
            return profile
    raise CliError(
        f'there is no preset or saved profile called "{name}"; '
        'run "lesson-lab presets" to see them all'
    )


def font_label(family: str, installed: set[str]) -> str:
    """The font as shown in the list, saying what stands in when it is not installed."""
    from lessons.fonts import ACCESSIBLE_FAMILIES, choose_family

    if family not in ACCESSIBLE_FAMILIES or family in installed:
        return family
    stand_in = choose_family(family, installed)
    used = stand_in or "the standard font"
    return f"{family} (not installed; {used} is used)"


def _summary(profile, installed: set[str]) -> None:
    from lessons.contrast import format_ratio, profile_contrast
    from lessons.presets import first_sentence

    text = profile_contrast(profile)["text"]
    print(f"  {profile.name}")
    print(
        f"    {font_label(profile.font_family, installed)}, {_points(profile.font_size_pt)}; "
        f"text on background {format_ratio(text.ratio)} {_level(text.level)}"
    )
    if profile.guidance.strip():
        print(_wrap(first_sentence(profile.guidance), indent=4))


def _show(profile, installed: set[str]) -> None:
    from lessons.contrast import profile_contrast

    kind = "Built-in preset" if profile.builtin else "Your profile"
    print(f"{profile.name} ({kind.lower()})")
    if profile.guidance.strip():
        print()
        print(_wrap(profile.guidance, indent=2))
    print()
    print("Colour contrast (WCAG 2)")
    for pair in profile_contrast(profile).values():
        print(f"  {pair.describe()}")
    print()
    print("Settings")
    for label, value in _settings(profile, installed):
        print(f"  {label + ':':<22} {value}")


def _settings(profile, installed: set[str]) -> list[tuple[str, str]]:
    yes_no = {True: "yes", False: "no"}
    ruler = f"{profile.ruler_lines} line(s)" if profile.ruler_lines else "off"
    overlay = (
        f"{profile.overlay_colour} at {profile.overlay_opacity:.0%}"
        if profile.overlay_colour
        else "none"
    )
    c = profile.colours
    length = f"{profile.max_line_chars} characters" if profile.max_line_chars else "no limit"
    return [
        ("Font", font_label(profile.font_family, installed)),
        ("Size", _points(profile.font_size_pt)),
        ("Weight", str(profile.font_weight)),
        ("Colours", f"text {c.text} on {c.background}, headings {c.heading}"),
        ("Highlight and ruler", f"highlight {c.highlight}, ruler {c.ruler}, links {c.link}"),
        ("Letter spacing", f"{profile.letter_spacing_em:g} em"),
        ("Word spacing", f"{profile.word_spacing_em:g} em"),
        ("Line spacing", f"{profile.line_height:g}"),
        ("Paragraph spacing", f"{profile.paragraph_spacing_em:g} em"),
        ("Line length", length),
        ("Alignment", profile.alignment),
        ("No italics", yes_no[profile.suppress_italics]),
        ("No underlining", yes_no[profile.suppress_underline]),
        ("No runs of capitals", yes_no[profile.suppress_all_caps]),
        ("Reading ruler", ruler),
        ("Overlay", overlay),
        ("Key words", "highlighted" if profile.highlight_vocabulary else "plain"),
        ("One section at a time", yes_no[profile.focus_mode]),
        ("Pictures", f"{profile.image_scale:g} times"),
    ]


def _as_json(profile, installed: set[str]) -> dict:
    from lessons.contrast import profile_contrast
    from lessons.presets import first_sentence

    return {
        "name": profile.name,
        "builtin": profile.builtin,
        "font": font_label(profile.font_family, installed),
        "summary": first_sentence(profile.guidance) if profile.guidance else "",
        "contrast": {
            key: {"ratio": round(pair.ratio, 2), "level": pair.level, "label": pair.label}
            for key, pair in profile_contrast(profile).items()
        },
        "settings": profile.to_dict(),
    }


def _points(size: float) -> str:
    return f"{size:g} pt"


def _level(level: str) -> str:
    return "(fails WCAG AA)" if level == "fail" else level


def _wrap(text: str, indent: int) -> str:
    pad = " " * indent
    return textwrap.fill(text, WIDTH, initial_indent=pad, subsequent_indent=pad)
