"""Child processes of the distributed helpers: start, watch, stop."""

from __future__ import annotations

import importlib
import os
import socket
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dlcourse._checks import _describe

__all__ = ["child_env", "free_ports", "function_path", "MAX_PROCESSES", "resolve", "stop", "tail"]

MAX_PROCESSES = 8


def function_path(function: Any) -> str:
    """``"module:qualname"`` of an importable function, or raise naming ``function``."""
    if isinstance(function, str):
        module, _, name = function.partition(":")
        if not module or not name:
            raise ValueError(
                f"function must be a callable or a 'module:function' string, got {function!r}"
            )
        return function
    if not callable(function):
        raise TypeError(
            f"function must be a callable or a 'module:function' string, got {_describe(function)}"
        )
    module = getattr(function, "__module__", None)
    name = getattr(function, "__qualname__", "")
    if not module or module == "__main__" or "<" in name:
        raise ValueError(
            "function must be importable by a fresh Python process (defined at the top "
            f"level of a module, not in a notebook or a lambda), got {function!r}"
        )
    return f"{module}:{name}"


def resolve(path: str) -> Callable[..., Any]:
    module, _, name = path.partition(":")
    target: Any = importlib.import_module(module)
    for part in name.split("."):
        target = getattr(target, part)
    return target


def child_env() -> dict[str, str]:
    """The environment of a child process: quiet TensorFlow, no proxy for local ports."""
    env = dict(os.environ)
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    env.setdefault("KERAS_BACKEND", "tensorflow")
    local = "127.0.0.1,localhost"
    env["NO_PROXY"] = env["no_proxy"] = local
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in [str(Path(__file__).resolve().parent.parent), env.get("PYTHONPATH", "")] if p
    )
    return env


def tail(path: Path, lines: int = 15) -> str:
    try:
        text = path.read_text(errors="replace").strip().splitlines()
    except OSError:
        return "(no output)"
    return "\n".join(text[-lines:]) or "(no output)"

def free_ports(count: int) -> list[int]:
    """``count`` distinct TCP ports that are free on 127.0.0.1 right now."""
    sockets = []
    try:
        for _ in range(count):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.bind(("127.0.0.1", 0))
            sockets.append(s)
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


def stop(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        if process.poll() is None:
            process.kill()
    for process in processes:
        process.wait()
