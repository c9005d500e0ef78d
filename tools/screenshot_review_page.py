"""Make docs/review-page.png: the review page on the sample inbox (fixtures/requests screened with the
analyst-vi persona into a throwaway store), in Debian's headless Chromium, interface in English.

    .venv/bin/python tools/screenshot_review_page.py [--lang vi] [--width 1000] [--out docs/review-page.png]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="en")
    parser.add_argument("--width", type=int, default=1000)
    parser.add_argument("--height", type=int, default=1500)
    parser.add_argument("--out", default=str(ROOT / "docs" / "review-page.png"))
    parser.add_argument("--chromium", default=os.environ.get("ASSIST_CHROMIUM", "/usr/bin/chromium"))
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    from assist.cli import main as assist
    from assist.config import load_config
    from assist.i18n import setup
    from assist.web.server import ReviewServer

    config = str(ROOT / "fixtures" / "configs" / "analyst-vi.toml")
    with tempfile.TemporaryDirectory() as home:
        os.environ["ASSIST_HOME"] = home
        db = Path(home) / "review.db"
        with open(os.devnull, "w") as quiet:
            stdout, sys.stdout = sys.stdout, quiet
            try:
                code = assist(["screen", str(ROOT / "fixtures" / "requests"), "-c", config, "--lang", args.lang,
                               "--json", "--db", str(db)])
            finally:
                sys.stdout = stdout
        if code != 0:
            print(f"screening the sample inbox failed ({code})", file=sys.stderr)
            return 1
        user = load_config(config)
        setup(args.lang, user)
        server = ReviewServer(db, user, config, port=0, idle_minutes=5)
        thread = threading.Thread(target=server.serve, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.02)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=args.chromium, args=FLAGS)
            page = browser.new_page(viewport={"width": args.width, "height": args.height})
            page.goto(server.url + "?week=2026-W47&verdict=ask")
            page.screenshot(path=args.out, full_page=False)
            browser.close()
        server.stop()
        thread.join(10)
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
