"""The course runs offline: the tests block the network, and prove it."""

import re
import socket

import pytest
from conftest import ROOT, NetworkBlockedError

# Calls that download at run time (README, "Where the data comes from").
DOWNLOADERS = re.compile(
    r"keras\.datasets|get_file\(|\bfetch_[a-z_]+\(|load_dataset\(|tfds\.load|"
    r"weights=.imagenet|urlopen|requests\.get|nltk\.download|get_rdataset"
)


def test_network_is_blocked_in_the_test_process():
    with pytest.raises(NetworkBlockedError, match="the course must run offline"):
        socket.create_connection(("192.0.2.1", 80), timeout=1)


def test_loopback_stays_open():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    client = socket.create_connection(server.getsockname(), timeout=1)
    client.close()
    server.close()


def test_network_is_blocked_in_notebook_kernels():
    from jupyter_client.manager import start_new_kernel

    manager, client = start_new_kernel(kernel_name="python3")
    try:
        reply = client.execute_interactive(
            "import socket\nsocket.create_connection(('192.0.2.1', 80), timeout=1)", timeout=60
        )
        assert reply["content"]["status"] == "error"
        assert reply["content"]["ename"] == "NetworkBlockedError"
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


@pytest.mark.parametrize("folder", ["dlcourse", "book"])
def test_no_source_calls_a_downloader(folder):
    offenders = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in sorted((ROOT / folder).rglob("*"))
        if path.suffix in {".py", ".md"}
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if DOWNLOADERS.search(line)
    ]
    assert offenders == []
