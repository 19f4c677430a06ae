"""Browser journeys: Debian's Chromium driven by Playwright's sync API, with an axe-core check.

The tests need /usr/bin/chromium (CI installs it: see .ci/run) and the built static files
(`npm run build`). Playwright's own browser download does not work on our machines, so we launch
Debian's Chromium instead.
"""

import os
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
HERE = Path(__file__).resolve().parent

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# WCAG 2.2 AA, as design.md §9 asks.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
TIMEOUT_MS = 10_000


def _missing() -> str:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing: run `apt-get install -y chromium` (CI does, see .ci/run)"
    if not AXE_JS.exists():
        return f"{AXE_JS.relative_to(ROOT)} is missing: run `npm ci`"
    return ""


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip every browser test in this folder, with the reason, when Chromium or axe is missing."""
    if not (reason := _missing()):
        return
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(autouse=True)
def _append_only_tables_can_be_flushed(transactional_db: None) -> Iterator[None]:
    """Let pytest-django empty the database after each browser test, on SQLite.

    Browser tests need `transactional_db` (the live server's thread must see committed rows),
    which empties every table with DELETE after the test. On SQLite the append-only triggers
    (thrive.core.append_only, on the audit and case-event tables) refuse that DELETE and the
    teardown fails. Set up after `transactional_db`, this fixture is torn down just before its
    flush: it lifts the triggers, empties those tables, and puts the triggers back, so the next
    test (browser or not) still has them. PostgreSQL's flush uses TRUNCATE, which row triggers
    do not see, so there is nothing to do there.
    """
    yield
    from django.db import connection, transaction

    if connection.vendor != "sqlite":
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' "
            "AND sql LIKE '%append-only%'"
        )
        triggers = cursor.fetchall()
        for name, _table, _sql in triggers:
            cursor.execute(f'DROP TRIGGER "{name}"')
        for table in sorted({table for _name, table, _sql in triggers}):
            cursor.execute(f'DELETE FROM "{table}"')  # noqa: S608 (names from sqlite_master)
        for _name, _table, sql in triggers:
            cursor.execute(sql)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the whole run.

    Playwright's sync API keeps an asyncio loop running in this thread for as long as it is
    started, so Django's async-safety check must be off (DJANGO_ALLOW_ASYNC_UNSAFE) for the same
    span; the database calls really are synchronous.
    """
    if reason := _missing():
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as p:
            chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    """A fresh browser context (no cookies) on the live server, for one test.

    The pages run under their real Content-Security-Policy. The test errors at teardown if a
    page threw a script error, logged one (CSP refusals are logged so), or a static file failed.
    """
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    problems: list[str] = []

    def on_console(message: Any) -> None:
        # Failed loads are judged by on_response: a 400 for a form with errors is expected.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            problems.append(f"console error on {tab.url}: {message.text}")

    def on_response(response: Any) -> None:
        if response.status >= 400 and "/static/" in response.url:
            problems.append(f"{response.status} for {response.url}")

    tab.on("pageerror", lambda error: problems.append(f"script error on {tab.url}: {error}"))
    tab.on("console", on_console)
    tab.on("response", on_response)
    yield tab
    context.close()
    assert not problems, "The browser reported problems:\n" + "\n".join(problems)


@cache
def _axe_source() -> str:
    return AXE_JS.read_text(encoding="utf-8")


def format_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v.get('impact') or 'no impact given'}): {v['help']}")
        lines.append(f"  {v['helpUrl']}")
        for node in v["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            lines.append(f"    at {target}")
            lines.append(f"       {node['html'][:200]}")
            if node.get("failureSummary"):
                summary = node["failureSummary"].replace("\n", "\n       ")
                lines.append(f"       {summary}")
    return "\n".join(lines)


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Run axe-core (WCAG 2.2 AA rules) on the page as it is now; return the violations.

    Our Content-Security-Policy allows only scripts from 'self' or with the page's nonce, so
    `page.add_script_tag` (an inline <script>) is blocked. Evaluating axe's source through the
    DevTools protocol is not subject to the page's CSP, so the pages are checked with their real
    policy in force (no `bypass_csp`).
    """
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(_axe_source())
    result: dict[str, Any] = page.evaluate(
        # Only violations are reported: collecting every pass is slow on long pages.
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return list(result["violations"])


AXE_RUNS: list[str] = []  # every page state checked this session, for the summary line


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if AXE_RUNS:
        terminalreporter.write_line(
            f"axe-core: {len(AXE_RUNS)} checks of {len(set(AXE_RUNS))} page states, "
            "no WCAG 2.2 AA violations"
            if not terminalreporter.stats.get("failed")
            else f"axe-core: {len(AXE_RUNS)} checks run"
        )


@pytest.fixture
def axe() -> Callable[[Any, str], None]:
    """`axe(page, "what the page is")` fails the test if axe finds any WCAG 2.2 AA violation."""

    def check(page: Any, where: str) -> None:
        AXE_RUNS.append(where)
        if violations := axe_violations(page):
            pytest.fail(
                f"axe-core found {len(violations)} WCAG 2.2 AA violation(s) on {where} "
                f"({page.url}):\n{format_violations(violations)}"
            )

    return check
