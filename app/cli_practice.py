"""Sub-commands for practice mode: pupil scenarios and the reflection log.

* ``lesson-lab scenarios [ID] [--json] [--folder DIR]``: list the pupil
  scenarios, show one in full, or check a folder of scenario files.
* ``lesson-lab reflections [list] [--json]``: the saved practice records,
  newest first.
* ``lesson-lab reflections export ID... | --all  --md OUT.md | --pdf OUT.pdf``:
  a record (or a log of several) to keep as CPD evidence.
"""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

from app.cli_errors import CliError

WIDTH = 88


def register(subparsers) -> None:
    """Add this group's sub-commands to the ``lesson-lab`` parser."""
    scenarios = subparsers.add_parser(
        "scenarios",
        help="list the pupil scenarios for practice mode",
        description="List the fictional pupil scenarios: each pairs a pupil with a built-in "
        "lesson and a task. Give an id to see one in full, or --folder to check your own "
        "scenario files.",
    )
    scenarios.add_argument("id", nargs="?", help="a scenario to show in full")
    scenarios.add_argument("--json", action="store_true", help="print the details as JSON")
    scenarios.add_argument("--folder", type=Path, metavar="DIR",
                           help="check and list the scenario files in this folder instead")
    scenarios.set_defaults(handler=_scenarios)

    reflections = subparsers.add_parser(
        "reflections",
        help="list or export your practice records (CPD evidence)",
        description="Your practice records, kept on this computer: list them, or export "
        "them as Markdown or PDF to keep as CPD evidence. Nothing is sent anywhere.",
    )
    reflections.set_defaults(handler=_list, json=False)
    actions = reflections.add_subparsers(dest="action", metavar="ACTION")
    listing = actions.add_parser("list", help="list your practice records, newest first")
    listing.add_argument("--json", action="store_true", help="print the records as JSON")
    listing.set_defaults(handler=_list)
    export = actions.add_parser(
        "export",
        help="export records as Markdown or PDF",
        description="Export one or more practice records (or --all of them) as a Markdown "
        "file, a PDF, or both. An id can be shortened to its first characters.",
    )
    export.add_argument("ids", nargs="*", metavar="ID", help="the records to export")
    export.add_argument("--all", action="store_true", help="export every record as one log")
    export.add_argument("--md", metavar="OUT.md", help="write Markdown here ('-' for the screen)")
    export.add_argument("--pdf", metavar="OUT.pdf", help="write an A4 PDF here")
    export.set_defaults(handler=_export)


# -- scenarios ---------------------------------------------------------------

def _scenarios(args) -> int:
    from lessons.scenarios import SCORE_LABELS, load_scenarios

    if args.folder is not None and not args.folder.is_dir():
        raise CliError(f"there is no folder {args.folder}")
    loaded = load_scenarios(args.folder)
    for problem in loaded.problems:
        print(f"lesson-lab: {problem}", file=sys.stderr)
    if args.id:
        scenario = loaded.find(args.id)
        if scenario is None:
            raise CliError(f'there is no pupil scenario called "{args.id}"; '
                           'run "lesson-lab scenarios" to see them all')
        if args.json:
            print(json.dumps(_scenario_json(scenario), indent=2, ensure_ascii=False))
        else:
            _show_scenario(scenario)
        return 0 if loaded.ok else 1
    if args.json:
        data = [_scenario_json(s) for s in loaded.scenarios]
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        if args.folder is not None and not loaded.scenarios:
            print(f"No scenarios could be loaded from {args.folder}.")
        for scenario in loaded.scenarios:
            targets = ", ".join(f"{SCORE_LABELS[n]} {t:g}" for n, t in scenario.success)
            print(scenario.id)
            print(f"  {scenario.title}")
            print(f"  Lesson: {_lesson_title(scenario)} ({scenario.lesson})")
            print(f"  Presets: {'; '.join(scenario.presets)}")
            print(f"  Target scores: {targets}")
    return 0 if loaded.ok else 1


def _lesson_title(scenario) -> str:
    from lessons.loader import load_lesson

    result = load_lesson(scenario.lesson_path)
    return result.lesson.title if result.lesson else scenario.lesson


def _show_scenario(scenario) -> None:
    from lessons.scenarios import SCORE_LABELS

    print(scenario.title)
    print(f"  id: {scenario.id}")
    if scenario.support:
        print(f"  Support: {scenario.support}")
    print(f"  Needs: {', '.join(scenario.need_labels)}")
    print()
    print(_wrap(scenario.summary, 2))
    for heading, items in (("Strengths", scenario.strengths),
                           ("What helps", scenario.what_helps)):
        print()
        print(heading)
        for item in items:
            print(_wrap(item, 4, bullet="  - "))
    print()
    print(f"Lesson: {_lesson_title(scenario)} ({scenario.lesson})")
    print(f"Suggested presets: {'; '.join(scenario.presets)}")
    print()
    print("Task")
    print(_wrap(scenario.task, 2))
    print()
    print("Success: " + "; ".join(f"{SCORE_LABELS[need]} score {target:g} or more"
                                  for need, target in scenario.success))
    print()
    print("Reflection prompts")
    for prompt in scenario.reflection_prompts:
        print(_wrap(prompt, 4, bullet="  - "))


def _scenario_json(scenario) -> dict:
    return {
        "id": scenario.id, "title": scenario.title, "name": scenario.name,
        "year_group": scenario.year_group, "headline": scenario.headline,
        "support": scenario.support, "needs": list(scenario.needs),
        "summary": scenario.summary, "strengths": list(scenario.strengths),
        "what_helps": list(scenario.what_helps), "lesson": scenario.lesson,
        "presets": list(scenario.presets), "task": scenario.task,
        "success": scenario.targets, "reflection_prompts": list(scenario.reflection_prompts),
    }


# -- reflections -------------------------------------------------------------

def _store():
    from lessons.reflection import ReflectionStore

    store = ReflectionStore()
    for problem in store.problems():
        print(f"lesson-lab: {problem.message}", file=sys.stderr)
    return store


def _list(args) -> int:
    from lessons.reflection_export import difference_text, duration_words, long_date, score_text

    store = _store()
    sessions = store.sessions()
    if args.json:
        print(json.dumps({"folder": str(store.folder),
                          "records": [s.to_dict() for s in sessions]},
                         indent=2, ensure_ascii=False))
        return 0
    if not sessions:
        print("No practice records yet: work through a pupil scenario in practice mode "
              "to make one.")
        print(f"(Records are kept in {store.folder})")
        return 0
    print(f"Practice records, newest first (folder: {store.folder})")
    for session in sessions:
        print(f"  {session.id}")
        print(f"    {long_date(session.started)}, {duration_words(session.duration_seconds)}")
        print(f"    {session.pupil.title}; lesson: {session.lesson_title}")
        scores = [f"{c.label} {score_text(c.before)} → {score_text(c.after)} "
                  f"({difference_text(c)})" for c in session.score_changes()]
        if scores:
            print(_wrap("Scores: " + "; ".join(scores), 4))
        answered = sum(1 for r in session.reflections if r.answer)
        print(f"    Reflections: {answered} of {len(session.reflections)} answered")
    return 0


def _export(args) -> int:
    if not args.md and not args.pdf:
        raise CliError("say where to save the record: --md FILE.md, --pdf FILE.pdf or both")
    if args.all and args.ids:
        raise CliError("give record ids or --all, not both")
    if not args.all and not args.ids:
        raise CliError('say which record to export: give its id (see "lesson-lab reflections '
                       'list") or --all')
    for target in (args.md, args.pdf):
        if target and target != "-" and not Path(target).parent.is_dir():
            raise CliError(f"the folder {Path(target).parent} does not exist")
    if args.pdf == "-":
        raise CliError("a PDF cannot be written to the screen; give a file name")
    store = _store()
    if args.all:
        sessions = store.sessions()
        if not sessions:
            raise CliError("there are no practice records to export yet")
    else:
        sessions = []
        for ref in args.ids:
            try:
                session = store.get(ref)
            except KeyError as error:
                raise CliError(f'{error.args[0]}; run "lesson-lab reflections list" to see '
                               "them") from None
            if session not in sessions:
                sessions.append(session)
    count = "1 practice session" if len(sessions) == 1 else f"{len(sessions)} practice sessions"
    notes = sys.stderr if args.md == "-" else sys.stdout
    if args.md:
        from lessons.reflection_export import record_markdown, write_markdown

        if args.md == "-":
            sys.stdout.write(record_markdown(sessions))
        else:
            try:
                write_markdown(sessions, args.md)
            except OSError as error:
                raise CliError(f"could not write {args.md}: {error.strerror or error}") from None
            print(f"Saved the record of {count} as Markdown: {args.md}", file=notes)
    if args.pdf:
        from app.reflection_pdf import export_reflection_pdf

        try:
            export_reflection_pdf(sessions, args.pdf)
        except OSError as error:
            raise CliError(f"could not write {args.pdf}: {error.strerror or error}") from None
        print(f"Saved the record of {count} as a PDF: {args.pdf}", file=notes)
    return 0


def _wrap(text: str, indent: int, bullet: str | None = None) -> str:
    pad = " " * indent
    return textwrap.fill(text, WIDTH, initial_indent=bullet or pad, subsequent_indent=pad)
