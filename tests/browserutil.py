"""Real headless Chromium for the site tests: Debian's ``chromium`` package, driven by Playwright.

The test set-up installs the browser itself, so a clean machine (CI runs as root) passes
without manual steps: when /usr/bin/chromium is missing it runs
``apt-get update && apt-get install -y chromium chromium-driver fonts-liberation``. Playwright never
downloads a browser of its own: it launches the system binary.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


class BrowserUnavailable(RuntimeError):
    """Chromium is missing and could not be installed (not root, or no apt-get)."""


def ensure_chromium() -> Path:
    """Return the system Chromium, installing Debian's package first when it is missing."""
    if CHROMIUM.exists():
        return CHROMIUM
    apt = shutil.which("apt-get")
    if apt is None or os.geteuid() != 0:
        raise BrowserUnavailable(
            f"{CHROMIUM} is missing; install it with: sudo apt-get update && sudo apt-get install -y chromium chromium-driver"
        )
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (
        [apt, "update"],
        [apt, "install", "-y", "--no-install-recommends", "chromium", "chromium-driver", "fonts-liberation"],
    ):
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=1200)
        if done.returncode != 0:
            raise BrowserUnavailable(f"{' '.join(command)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    if not CHROMIUM.exists():
        raise BrowserUnavailable(f"apt-get installed chromium but {CHROMIUM} is still missing")
    return CHROMIUM


@contextlib.contextmanager
def launched() -> Iterator[Any]:
    """Debian's Chromium, launched headless through Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    executable = ensure_chromium()
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(executable), args=LAUNCH_ARGS, headless=True)
        try:
            yield instance
        finally:
            instance.close()
