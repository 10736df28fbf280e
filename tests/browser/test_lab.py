"""A chapter opened in JupyterLab (``make lab``, Binder) reads as text, not as MyST syntax.

Starts JupyterLab (the ``lab`` extra: jupytext, jupyterlab-myst) on
127.0.0.1 with the shipped settings (``binder/jupyterlab-overrides.json``
and ``binder/jupyter_server_config.py``) over a copy of ``book/``, opens
chapter 1 in headless Chromium and checks that its learning goals show as
an admonition box, its glossary terms as plain words (no ``{term}``
role), that no "Jupyter news" prompt appears, and that opening it, letting
its kernel connect and closing it leaves it unmodified: no dirty tab, no
"save your changes?" dialog, the file untouched (issue 21). Lab writes the
kernel's ``kernelspec`` and ``language_info`` into the notebook when the
kernel connects; every chapter must already hold those values as the Lab
server reads it.

``DLCOURSE_JUPYTER_LAB`` names the ``jupyter-lab`` command to use (default:
the one of this Python, from the ``lab`` extra). Marker ``browser``.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

playwright_api = pytest.importorskip("playwright.sync_api")

from dlcourse.tools.book import toc_notebooks  # noqa: E402
from dlcourse.tools.browser import CHROMIUM_ARGS, chromium_path  # noqa: E402

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
CHAPTER = "01_neural_networks.md"
LAB_STATE: dict = {}  # what the first test saw, for the next


def _lab_command() -> list[str]:
    given = os.environ.get("DLCOURSE_JUPYTER_LAB")
    if given:
        return [given]
    pytest.importorskip("jupyterlab", reason="the lab extra is not installed (pip install -e .[lab])")
    return [sys.executable, "-m", "jupyterlab"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    command = _lab_command()
    work = tmp_path_factory.mktemp("lab")
    shutil.copytree(ROOT / "book", work / "book", ignore=shutil.ignore_patterns("_ext", "api"))
    shutil.copy(ROOT / "jupytext.toml", work / "book" / "jupytext.toml")
    # The shipped settings, where `make lab` and Binder install them: the Lab
    # overrides in the application settings folder, the server settings in a
    # Jupyter config folder.
    settings = work / "settings"
    settings.mkdir()
    shutil.copy(ROOT / "binder" / "jupyterlab-overrides.json", settings / "overrides.json")
    config = work / "config"
    config.mkdir()
    shutil.copy(ROOT / "binder" / "jupyter_server_config.py", config / "jupyter_server_config.py")
    port = _free_port()
    env = dict(os.environ, JUPYTERLAB_SETTINGS_DIR=str(work / "user-settings"),
               JUPYTERLAB_WORKSPACES_DIR=str(work / "workspaces"),
               JUPYTER_CONFIG_DIR=str(config), JUPYTER_RUNTIME_DIR=str(work / "runtime"))
    log = open(work / "lab.log", "wb")  # a pipe nobody reads would stall the server once full
    process = subprocess.Popen(
        [*command, "--no-browser", f"--port={port}", "--ServerApp.ip=127.0.0.1",
         "--IdentityProvider.token=", "--ServerApp.password=", "--ServerApp.disable_check_xsrf=True",
         f"--ServerApp.root_dir={work / 'book'}", f"--LabApp.app_settings_dir={settings}",
         # window.jupyterapp: the test waits for the kernel the page connects to.
         "--LabApp.expose_app_in_browser=True",
         *(["--allow-root"] if hasattr(os, "getuid") and os.getuid() == 0 else [])],
        env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 90
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"{url}/api/status", timeout=2)
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"jupyter lab exited: {(work / 'lab.log').read_text()[-2000:]}")
            time.sleep(1)
    else:
        process.terminate()
        pytest.fail(f"jupyter lab did not start in 90 s: {(work / 'lab.log').read_text()[-2000:]}")
    yield url, work
    process.terminate()
    process.wait(timeout=20)
    log.close()


# Waits (in the page) until the chapter's kernel has connected and Lab has
# written what it reports into the notebook (NotebookPanel._onKernelChanged:
# language_info once kernel.info resolves, kernelspec once kernel.spec does;
# awaiting the same promises afterwards runs after Lab's own callbacks).
KERNEL_CONNECTED_JS = """async () => {
    const timeout = new Promise((_, fail) => setTimeout(() => fail(new Error('no kernel in 90 s')), 90000));
    const connected = (async () => {
        const panel = window.jupyterapp.shell.currentWidget;
        await panel.context.ready;
        await panel.sessionContext.ready;
        const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
        if (!kernel) { return {kernel: null}; }
        const info = await kernel.info;
        const spec = await kernel.spec;
        await new Promise(done => setTimeout(done, 1000));
        return {
            kernel: kernel.name,
            reported: {language_info: info.language_info,
                       kernelspec: {name: kernel.name, display_name: spec.display_name,
                                    language: spec.language}},
            modelDirty: panel.context.model.dirty,
            dirtyTabs: document.querySelectorAll('.lm-TabBar-tab.jp-mod-dirty, .jp-mod-dirty').length,
        };
    })();
    return await Promise.race([connected, timeout]);
}"""


def test_chapter_opens_as_rendered_myst(lab):
    url, work = lab
    before = (work / "book" / CHAPTER).read_bytes()
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium_path()), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{url}/lab/tree/{CHAPTER}?reset")
        try:
            page.locator(".jp-Notebook .jp-MarkdownCell").first.wait_for(timeout=60_000)
        except playwright_api.TimeoutError:
            page.screenshot(path=str(work / "lab.png"))
            pytest.fail(f"no notebook opened for {CHAPTER} in 60 s (screenshot {work / 'lab.png'}):"
                        f" {page.evaluate('() => document.body.innerText.slice(0, 500)')!r}")
        try:  # the kernel starts, the cells render
            kernel = page.evaluate(KERNEL_CONNECTED_JS)
        except playwright_api.Error as error:
            kernel = {"kernel": None, "error": str(error)}
        state = page.evaluate("""() => {
            const text = [...document.querySelectorAll('.jp-MarkdownCell .jp-RenderedMarkdown, .jp-MarkdownCell .jp-RenderedMySTMarkdown, .jp-MarkdownCell [class*="myst"]')]
                .map(el => el.innerText).join('\\n');
            return {
                boxes: document.querySelectorAll('.jp-MarkdownCell aside, .jp-MarkdownCell .admonition, .jp-MarkdownCell [class*="admonition"]').length,
                rawRoles: (text.match(/\\{term\\}`|:::\\{admonition\\}|\\(ch-[\\w-]+\\)=/g) || []).length,
                sample: text.slice(0, 300),
                news: document.body.innerText.includes('Jupyter news'),
            };
        }""")
        page.screenshot(path=str(work / "lab.png"))
        LAB_STATE.update(state, **kernel)
        # Close the tab, as a learner who ran nothing: a modified notebook asks to save.
        page.evaluate("() => { void window.jupyterapp.commands.execute('application:close'); }")
        page.wait_for_timeout(2000)
        LAB_STATE["closing"] = page.evaluate("""() => ({
            dialog: [...document.querySelectorAll('.jp-Dialog')].map(el => el.innerText).join(' | '),
            open: document.querySelectorAll('.jp-NotebookPanel').length,
        })""")
        shot = ROOT / "_build" / "screenshots"
        shot.mkdir(parents=True, exist_ok=True)
        shutil.copy(work / "lab.png", shot / "lab_01_neural_networks.png")
        browser.close()
    LAB_STATE["rewritten"] = (work / "book" / CHAPTER).read_bytes() != before
    problems = []
    if state["rawRoles"]:
        problems.append(f"MyST shown raw ({state['rawRoles']} roles or directives): {state['sample']!r}")
    if not state["boxes"]:
        problems.append("the learning goals are not an admonition box (jupyterlab-myst not active?)")
    if state["news"]:
        problems.append("JupyterLab asks about Jupyter news")
    assert not LAB_STATE["rewritten"], "opening the chapter rewrote the file"
    assert not problems, "\n".join(problems)


def test_opening_a_chapter_does_not_mark_it_modified(lab):
    """Issue 21: opened, its kernel connected, nothing run, closed: no change anywhere."""
    if not LAB_STATE:
        pytest.skip("the chapter was not opened")
    assert LAB_STATE["kernel"], f"the chapter's kernel did not start {LAB_STATE.get('error', '')}"
    problems = []
    if LAB_STATE["dirtyTabs"] or LAB_STATE["modelDirty"]:
        problems.append("opening the chapter marked it modified")
    if LAB_STATE["closing"]["dialog"]:
        problems.append(f"closing it asks: {LAB_STATE['closing']['dialog']!r}")
    if LAB_STATE["closing"]["open"]:
        problems.append("the chapter's tab did not close")
    if LAB_STATE["rewritten"]:
        problems.append("the file was rewritten")
    assert not problems, "\n".join(problems)


def test_every_chapter_holds_what_the_kernel_writes(lab):
    """Each chapter, as the Lab server reads it, already has the kernel's metadata.

    Otherwise Lab writes it when the kernel connects, and the chapter opens
    modified: a new chapter's header with another kernelspec (``display_name:
    Python 3``, say) fails here.
    """
    url, _ = lab
    if not LAB_STATE.get("reported"):
        pytest.skip("no kernel connected to the first chapter")
    wrong: dict[str, list[str]] = {}
    for chapter in toc_notebooks(ROOT):
        with urllib.request.urlopen(f"{url}/api/contents/{chapter.name}?type=notebook") as reply:
            metadata = json.load(reply)["content"]["metadata"]
        for key, value in LAB_STATE["reported"].items():
            if metadata.get(key) != value:
                wrong.setdefault(key, []).append(f"{chapter.name} has {metadata.get(key)!r}")
    assert not wrong, "\n".join(f"{key}: the kernel writes {LAB_STATE['reported'][key]!r}, but "
                                + "; ".join(found) for key, found in wrong.items())
