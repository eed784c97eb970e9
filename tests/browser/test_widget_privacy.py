"""Nothing leaves the page and nothing is kept while 1,000 passwords are typed, in Chromium."""

from __future__ import annotations

import random
import re

import pytest

from checker.widget import SCRIPT_PATH, bundle

ROOT = "[data-checker]"
PASSWORD = f"{ROOT} input[data-field='password']"
TYPED = 1_000
# Every 200th password is typed key by key; the others replace the field's text at once (select
# all, then the browser's own text insertion: one input event, as a paste or password manager).
KEYED_EVERY = 200

# Browser APIs that send, store or log. The widget's script must use none of them.
FORBIDDEN = (
    r"\bfetch\b", r"XMLHttpRequest", r"sendBeacon", r"WebSocket", r"EventSource",
    r"RTCPeerConnection", r"console\.", r"localStorage", r"sessionStorage", r"indexedDB",
    r"document\.cookie", r"caches\b", r"serviceWorker", r"\bimport\s*\(", r"importScripts",
    r"history\.(push|replace)State", r"location\s*=", r"location\.(hash|search|href)\s*=",
    r"\.submit\s*\(", r"<form", r"new\s+Image\b", r"\bwindow\.open\b",
)

_STORAGE = """async () => ({
    local: Object.entries(localStorage), session: Object.entries(sessionStorage),
    cookie: document.cookie,
    idb: indexedDB.databases ? (await indexedDB.databases()).map(d => d.name) : [],
    caches: 'caches' in window ? await caches.keys() : [],
    workers: navigator.serviceWorker
        ? (await navigator.serviceWorker.getRegistrations()).length : 0,
    url: location.href, history: history.length,
})"""


def passwords(count: int) -> list[str]:
    rng = random.Random(5)
    alphabet = "abcXYZ019!#$ %\u00e9\U0001f600"
    return [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))) + f"Pw{n}!"
        for n in range(count)
    ]


@pytest.mark.parametrize("forbidden", FORBIDDEN)
def test_bundle_uses_no_network_storage_or_logging_api(forbidden):
    assert not re.search(forbidden, bundle()), forbidden


def test_site_serves_the_same_bundle(built_site):
    assert (built_site / SCRIPT_PATH).read_text(encoding="utf-8") == bundle()


def test_typing_a_thousand_passwords_sends_and_stores_nothing(page, site_url):
    page.goto(f"{site_url}/rules/", wait_until="networkidle")
    page.wait_for_selector(f"{ROOT}[data-checker-ready]")
    before = page.evaluate(_STORAGE)
    cookies = page.context.cookies()

    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: requests.append(f"console: {message.text}"))
    page.on("popup", lambda popup: requests.append(f"popup: {popup.url}"))
    page.on("framenavigated", lambda frame: requests.append(f"navigated: {frame.url}"))

    page.fill(f"{ROOT} input[data-field='last_name']", "Doe")
    typed = passwords(TYPED)
    for number, password in enumerate(typed):
        if number % KEYED_EVERY == 0:
            page.fill(f"{ROOT} input[data-field='confirm']", password[::-1])
            page.fill(PASSWORD, "")
            page.keyboard.type(password)
        else:
            page.keyboard.press("Control+a")
            page.keyboard.insert_text(password)
    page.wait_for_timeout(page.evaluate("PacerChecker.pauseMs") + 200)
    assert page.input_value(PASSWORD) == typed[-1]
    assert page.get_attribute(f"{ROOT} [data-rule='password.confirm']", "data-state") == "fail"

    after = page.evaluate(_STORAGE)
    assert requests == []
    assert after == before
    assert page.context.cookies() == cookies
    stored = repr(after) + repr(page.context.storage_state())
    assert not any(password in stored for password in typed[-50:])
