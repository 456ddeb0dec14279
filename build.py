#!/usr/bin/env python3
"""Command line of the bilingual site generator. The engine is the `sitegen` package."""

from __future__ import annotations

import argparse
import gc
import os
import sys
import traceback
from pathlib import Path

from sitegen.errors import Problem, SiteError
from sitegen.project import CONTENT_DIR

PROJECT = Path(__file__).resolve().parent
COMMANDS = ("build", "ingest", "check", "publish", "serve", "review")
# A build makes a million objects that live to its end, few of them in cycles: Python's
# default thresholds spend about a second of a 10,000-document rebuild walking them.
GC_THRESHOLDS = (100_000, 50, 50)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(_with_default_command(sys.argv[1:] if argv is None else argv))
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        return args.run(args)
    except SiteError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        if args.debug:
            traceback.print_exc()
        return 1
    except OSError as error:  # a file system refusal (permissions, full disk) is not our bug
        if args.debug:
            raise
        where = error.filename or "build.py"
        print(f"{where}: {error.strerror or error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted; the previous output is untouched", file=sys.stderr)
        return 130


def run_build(args: argparse.Namespace) -> int:
    from sitegen.pipeline import build

    out_dir = Path(args.out) if args.out else None
    use_cache = not getattr(args, "no_cache", False)
    result = build(args.project, out_dir=out_dir, base_url=args.base_url, use_cache=use_cache)
    print(result.summary(_shown(result.out_dir)))
    return 0


def run_check(args: argparse.Namespace) -> int:
    from sitegen.check import ERROR, run_check

    findings = run_check(args.project, base_url=args.base_url)
    for finding in findings:
        print(finding, file=sys.stderr)
    errors = sum(f.level == ERROR for f in findings)
    warnings = len(findings) - errors
    counts = f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    print(f"Checked links, anchors and hreflang: {counts}")
    return 1 if errors or (warnings and args.strict) else 0


def run_publish(args: argparse.Namespace) -> int:
    from sitegen.check import ERROR, run_check
    from sitegen.model.config import load_site_config
    from sitegen.pipeline import build
    from sitegen.publish import publish_site, subpath_warning, uncommitted_content

    findings = run_check(args.project, base_url=args.base_url)  # first: publish nothing broken
    for finding in findings:
        print(finding, file=sys.stderr)
    errors = sum(f.level == ERROR for f in findings)
    if errors:
        print(f"Not published: check found {errors} error{'s' * (errors != 1)}", file=sys.stderr)
        return 1
    changed = uncommitted_content(args.project)
    if changed:
        shown = ", ".join(changed[:5]) + (f" and {len(changed) - 5} more" if changed[5:] else "")
        print(
            f"Warning: content/ has changes not committed to git ({shown}); the site is"
            " published with them, but the repository does not hold them",
            file=sys.stderr,
        )
    out_dir = Path(args.out) if args.out else None
    result = build(args.project, out_dir=out_dir, base_url=args.base_url)
    print(result.summary(_shown(result.out_dir)))
    base_url = load_site_config(args.project, args.base_url).base_url
    warning = subpath_warning(args.project, result.out_dir, args.remote, base_url)
    if warning:
        print(warning, file=sys.stderr)
    publish_site(args.project, result.out_dir, remote=args.remote, branch=args.branch)
    print(f"Published {_shown(result.out_dir)} to the {args.branch} branch of {args.remote}")
    return 0


def run_review(args: argparse.Namespace) -> int:
    from sitegen.model.content import shown_name
    from sitegen.review import review_file

    if args.paragraph and not args.document:
        raise SiteError(Problem("review", None, "--paragraph needs the document it is in"))
    content = args.project / CONTENT_DIR
    if args.document:
        named = Path(args.document)
        path = named if named.suffix == ".yaml" else content / f"{args.document}.yaml"
        if not path.is_file():
            raise SiteError(Problem(args.document, None, "no such content file"))
        paths = [path]
    else:
        paths = sorted(content.glob("*.yaml"))
    total = 0
    for path in paths:
        src_path = f"{CONTENT_DIR}/{shown_name(path)}"
        changed = review_file(path, src_path, set(args.paragraph or ()))
        total += changed
        if changed:
            print(f"{src_path}: {changed} paragraph{'s' * (changed != 1)} marked reviewed")
    if not total:
        print("Nothing to mark: every chosen paragraph was already reviewed as it stands")
    return 0


def run_serve(args: argparse.Namespace) -> int:
    from sitegen.preview.watcher import serve

    return serve(args.project, host=args.host, port=args.port, open_browser=args.open)


def run_ingest(args: argparse.Namespace) -> int:
    from sitegen.ingest.paragraphs import is_title_from_slug
    from sitegen.ingest.sources import read_pair, read_source
    from sitegen.ingest.write import keep_reviewed_milestones, write_content

    source = _ingest_sources(args)
    dest = (
        Path(args.output) if args.output else args.project / CONTENT_DIR / f"{source[0].stem}.yaml"
    )
    if len(source) == 2:
        shown = (_shown(source[0]), _shown(source[1]))
        ingested = read_pair(*source, display_names=shown, encoding=args.encoding)
    else:
        ingested = read_source(source[0], display_name=_shown(source[0]), encoding=args.encoding)
    content = ingested.content
    new = len(content["milestones"])
    if args.force:  # the file may hold reviewed milestones: keep them
        new = keep_reviewed_milestones(content, dest, display_name=_shown(dest))
    notes = {"dropped": ingested.dropped, "doubts": ingested.doubts}
    write_content(content, dest, display_name=_shown(dest), force=args.force, **notes)
    pairs = len(content["paragraphs"])
    names = " and ".join(_shown(path) for path in source)
    print(
        f"Ingested {names} into {_shown(dest)}: {pairs} paragraph pairs,"
        f" {new} new milestone{'' if new == 1 else 's'}. Review it,"
    )
    print("then run `python3 build.py` to see it on the site.")
    _print_review_notes(ingested, _shown(dest))
    if is_title_from_slug(content, source[0].stem):
        print("Note: the text has no title line, so the title was made from the file name;")
        print(f"set title.en and title.zh in {_shown(dest)}.")
    return 0


def _ingest_sources(args: argparse.Namespace) -> list[Path]:
    """SOURCE, or --en FILE --zh FILE (one file per language)."""
    from sitegen.errors import SiteError

    if args.source and not (args.en or args.zh):
        return [Path(args.source)]
    if args.en and args.zh and not args.source:
        return [Path(args.en), Path(args.zh)]
    raise SiteError("ingest takes one SOURCE holding both languages, or --en FILE --zh FILE")


def _print_review_notes(ingested: object, shown_dest: str) -> None:
    dropped, doubts = ingested.dropped, ingested.doubts  # type: ignore[attr-defined]
    if dropped:
        print(
            f"Dropped {len(dropped)} line(s) as page furniture, listed at the top of {shown_dest}:"
        )
        for where in dropped[:5]:
            print(f"  {where}")
        if len(dropped) > 5:
            print(f"  … and {len(dropped) - 5} more")
    for index, reasons in sorted(doubts.items()):
        print(f"Check paragraph {index + 1}: {'; '.join(reasons)}")


def _shown(path: Path) -> str:
    """A path as the user would type it: relative to the current folder when inside it."""
    try:
        return os.path.relpath(path) if not os.path.relpath(path).startswith("..") else str(path)
    except ValueError:  # another drive on Windows
        return str(path)


def _with_default_command(argv: list[str]) -> list[str]:
    """`python3 build.py [options]` means `python3 build.py build [options]`."""
    if any(a in ("-h", "--help") for a in argv[:1]) or any(a in COMMANDS for a in argv):
        return argv
    return ["build", *argv]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python3 build.py",
        description="Build a bilingual English / Chinese static site from content/*.yaml.",
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--project", type=Path, default=PROJECT, help="project folder (default: beside build.py)"
    )
    common.add_argument("--debug", action="store_true", help="show tracebacks")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    build = commands.add_parser("build", parents=[common], help="build the site (default)")
    build.add_argument("--out", help="output folder (default: site.yaml's output, _site)")
    build.add_argument("--base-url", help="the published address, e.g. https://example.org/guide/")
    build.add_argument(
        "--no-cache",
        action="store_true",
        help="render every document again, even those unchanged since the last build",
    )
    build.set_defaults(run=run_build)

    check = commands.add_parser(
        "check",
        parents=[common],
        help="check the rendered site and the translations (links, hreflang, alignment…)",
        description=(
            "Render the site in memory, as build would, and report as file:line: every"
            " broken link and missing #anchor (errors); every hreflang alternate that is"
            " missing or not reciprocal (errors); a missing base_url, which leaves out the"
            " sitemap and makes the 404 page link from the domain's root (warning); and, for"
            " every document, paragraphs whose lengths do not match their translation's,"
            " pairs changed since last reviewed, sentence groups aligned with low confidence"
            " or with an empty side, and numbers, dates or names one language has and the"
            " other lacks (warnings). Exit 1 on an error, or on a warning with --strict."
        ),
    )
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.add_argument("--base-url", help="check as published at this address")
    check.set_defaults(run=run_check)

    publish = commands.add_parser(
        "publish",
        parents=[common],
        help="check, build, then push the site to a branch (gh-pages)",
    )
    publish.add_argument(
        "--branch", default="gh-pages", help="the branch to publish to (default: %(default)s)"
    )
    publish.add_argument(
        "--remote", default="origin", help="the git remote to push to (default: %(default)s)"
    )
    publish.add_argument("--out", help="output folder (default: site.yaml's output, _site)")
    publish.add_argument("--base-url", help="the published address (default: site.yaml's base_url)")
    publish.set_defaults(run=run_publish)

    serve = commands.add_parser(
        "serve", parents=[common], help="preview the site, rebuilt and reloaded on every save"
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (loopback)")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (8000)")
    serve.add_argument("--open", action="store_true", help="open the preview in a browser")
    serve.set_defaults(run=run_serve)

    review = commands.add_parser(
        "review",
        parents=[common],
        help="mark paragraph pairs as checked: each side translates the other as it stands",
    )
    review.add_argument("document", nargs="?", help="a slug or content file (default: all)")
    review.add_argument(
        "--paragraph", type=int, action="append", help="only this paragraph (1-based; repeatable)"
    )
    review.set_defaults(run=run_review)

    ingest = commands.add_parser(
        "ingest",
        parents=[common],
        help="turn a bilingual PDF, Word file or text into content YAML",
    )
    ingest.add_argument("source", nargs="?", help="a .pdf, .docx or text file with both languages")
    ingest.add_argument("--en", help="the English edition, when each language has its own file")
    ingest.add_argument("--zh", help="the Chinese edition (with --en)")
    ingest.add_argument("-o", "--output", help="the YAML to write (default: content/NAME.yaml)")
    ingest.add_argument("--encoding", help="the source's encoding if not UTF-8, e.g. big5hkscs")
    ingest.add_argument("--force", action="store_true", help="overwrite an existing YAML file")
    ingest.set_defaults(run=run_ingest)
    return parser


if __name__ == "__main__":
    sys.exit(main())
