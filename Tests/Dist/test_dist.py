"""The release archive `make dist` builds: one self-contained executable (no
Swift or cmark library to install, the theme inside it) that, copied alone to
an empty folder and run with an almost empty environment, creates a handbook,
builds it and serves it; the licences beside it; a SHA-256 that matches."""
import glob
import hashlib
import os
import re
import subprocess
import tarfile
import tempfile
import time
import urllib.request

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MINIMAL = {"PATH": "/usr/bin:/bin"}


@pytest.fixture(scope="module")
def archive():
    found = sorted(glob.glob(os.path.join(ROOT, "dist", "handbook-*-linux-*.tar.gz")), key=os.path.getmtime)
    if not found:
        pytest.fail("no archive in dist/: run `make dist` (make test does)")
    return found[-1]


@pytest.fixture(scope="module")
def alone(archive):
    """The executable, alone in an empty folder."""
    with tempfile.TemporaryDirectory() as folder:
        with tarfile.open(archive) as tar:
            member = next(m for m in tar.getmembers() if m.name.endswith("/handbook"))
            member.name = "handbook"
            tar.extract(member, folder, filter="data")
        yield folder


def test_archive_holds_the_binary_and_the_licences_and_its_checksum_matches(archive):
    with tarfile.open(archive) as tar:
        names = sorted(tar.getnames())
    top = os.path.basename(archive)[: -len(".tar.gz")]
    assert names == [top, f"{top}/LICENSE", f"{top}/THIRD_PARTY.md", f"{top}/handbook"]
    with open(archive + ".sha256") as f:
        expected, name = f.read().split()
    assert name == os.path.basename(archive)
    with open(archive, "rb") as f:
        assert hashlib.sha256(f.read()).hexdigest() == expected


def test_binary_needs_no_swift_or_cmark_library(alone):
    linked = subprocess.run(["ldd", os.path.join(alone, "handbook")], capture_output=True, text=True, check=True).stdout
    assert "swift" not in linked.lower() and "cmark" not in linked.lower(), linked
    assert os.listdir(alone) == ["handbook"]


def test_version_names_the_release_and_cmark(archive, alone):
    version = subprocess.run(["./handbook", "--version"], cwd=alone, env=MINIMAL, capture_output=True, text=True, check=True).stdout
    match = re.fullmatch(r"(\S+) \(cmark \d+\.\d+\.\d+\)\n", version)
    assert match, version
    assert os.path.basename(archive).startswith(f"handbook-{match.group(1)}-linux-")


def test_alone_it_creates_builds_and_serves_a_handbook(alone):
    run = lambda *args: subprocess.run(["./handbook", *args], cwd=alone, env=MINIMAL, capture_output=True, text=True, timeout=60)
    assert run("init", "site").returncode == 0
    built = run("build", "--site", "site")
    assert built.returncode == 0 and built.stdout.startswith("Built "), built.stderr
    for path in ("index.html", "_handbook/handbook.css", "_handbook/menu.js", "_handbook/search.js"):
        assert os.path.getsize(os.path.join(alone, "site", "public", path)) > 0
    server = subprocess.Popen(["./handbook", "serve", "--site", "site", "--port", "0"], cwd=alone, env=MINIMAL,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        url = None
        deadline = time.time() + 30
        while url is None and time.time() < deadline:
            match = re.search(r"http://127\.0\.0\.1:\d+/", server.stdout.readline())
            url = match.group(0) if match else None
        assert url, "serve did not start"
        home = urllib.request.urlopen(url, timeout=10).read().decode()
        assert "<title>" in home and "handbook serve: live reload" in home
        assert urllib.request.urlopen(url + "_handbook/handbook.css", timeout=10).status == 200
    finally:
        server.terminate()
        server.wait(timeout=10)
