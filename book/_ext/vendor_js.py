"""Serve the book's JavaScript from the book itself: no CDN, ever.

Two jobs, one list of pinned files:

* ``python book/_ext/vendor_js.py fetch`` downloads the pinned npm tarballs of vega,
  vega-lite, vega-embed and MathJax from the npm registry, checks each tarball against the
  registry's sha512 integrity recorded below, and extracts the one file the pages need into
  ``book/_vendor/`` (not committed). Already-present files are checked, not downloaded again.
  The same way it extracts axe-core, which only the browser tests use (injected by
  playwright), into ``tests/book/_vendor/``: never copied into the book.
* As a Sphinx extension (``sphinx: local_extensions`` in ``_config.yml``) it adds
  ``book/_vendor/`` to the static files, lists the scripts in load order in every page, and
  tells Altair's embed code that vega, vega-lite and vega-embed are already loaded
  (Altair checks a ``VEGA_DEBUG`` global for the versions it expects; with the right versions
  present it never reaches for its CDN). The build fails when a file is missing or when the
  vendored vega-lite is not the version the installed Altair was built for.
"""

from __future__ import annotations

import base64
import hashlib
import io
import sys
import tarfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path

VENDOR_DIR = Path(__file__).resolve().parent.parent / "_vendor"


@dataclass(frozen=True)
class VendoredFile:
    package: str
    version: str
    integrity: str  # the npm registry's sha512 of the tarball
    member: str  # path inside the tarball
    name: str  # file name under book/_vendor/

    @property
    def tarball_url(self) -> str:
        base = self.package.rsplit("/", 1)[-1]
        return f"https://registry.npmjs.org/{self.package}/-/{base}-{self.version}.tgz"


# Load order matters: vega, then vega-lite, then vega-embed.
FILES: tuple[VendoredFile, ...] = (
    VendoredFile(
        "vega",
        # 6.3.0's build files were published with a stale version string ("5.33.1"), so
        # vega-embed warned that the v6 spec runs on v5; 6.3.1 reports its own version.
        "6.3.1",
        "sha512-mX5tvY3ISCSiPPmunuZyQfccq0XlUvJd2t5oyc6SNS0N0TwnPNoklx0mVod5n+qbzuUoiuxl7Ve/SvoRqH4RzA==",
        "package/build/vega.min.js",
        "vega.min.js",
    ),
    VendoredFile(
        "vega-lite",
        "6.4.1",
        "sha512-KO3ybHNouRK4A0al/+2fN9UqgTEfxrd/ntGLY933Hg5UOYotDVQdshR3zn7OfXwQ7uj0W96Vfa5R+QxO8am3IQ==",
        "package/build/vega-lite.min.js",
        "vega-lite.min.js",
    ),
    VendoredFile(
        "vega-embed",
        "7.3.0",
        "sha512-wQ8s5GaSzqoKgmRfbRolgBrjE2CP7ZKHXqH7NijxMqPjpdWxSs4Dn8tvp9g0giQvh2cK+3p56sxjWWM0wNngGw==",
        "package/build/vega-embed.min.js",
        "vega-embed.min.js",
    ),
    VendoredFile(
        "mathjax",
        "3.2.2",
        "sha512-Bt+SSVU8eBG27zChVewOicYs7Xsdt40qm4+UpHyX7k0/O9NliPc+x77k1/FEsPsjKPZGJvtRZM1vO+geW0OhGw==",
        "package/es5/tex-svg.js",
        "mathjax-tex-svg.js",
    ),
)
VEGA_FILES = FILES[:3]
MATHJAX_FILE = FILES[3]

# Used by the browser tests only, never served in the book: extracted to TEST_VENDOR_DIR,
# which is not among the book's static paths.
AXE_FILE = VendoredFile(
    "axe-core",
    "4.14.1",
    "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ==",
    "package/axe.min.js",
    "axe.min.js",
)
TEST_FILES: tuple[VendoredFile, ...] = (AXE_FILE,)
TEST_VENDOR_DIR = VENDOR_DIR.parent.parent / "tests" / "book" / "_vendor"


def _sri(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def _stamp(entry: VendoredFile, folder: Path) -> Path:
    return folder / f".{entry.name}.sha256"


def is_current(entry: VendoredFile, folder: Path = VENDOR_DIR) -> bool:
    """True when the extracted file exists and matches the digest recorded at extraction."""
    target, stamp = folder / entry.name, _stamp(entry, folder)
    if not (target.exists() and stamp.exists()):
        return False
    recorded = stamp.read_text().split()
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    return recorded == [entry.integrity, digest]


def fetch(entry: VendoredFile, folder: Path = VENDOR_DIR) -> None:
    """Download one tarball, verify its sha512 integrity, extract its file into ``folder``."""
    with urllib.request.urlopen(entry.tarball_url, timeout=120) as response:
        data = response.read()
    if _sri(data) != entry.integrity:
        raise SystemExit(
            f"checksum mismatch for {entry.package}@{entry.version}: "
            f"expected {entry.integrity}, got {_sri(data)}"
        )
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        member = tar.extractfile(entry.member)
        if member is None:
            raise SystemExit(f"{entry.member} missing from {entry.package}@{entry.version}")
        content = member.read()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / entry.name).write_bytes(content)
    digest = hashlib.sha256(content).hexdigest()
    _stamp(entry, folder).write_text(f"{entry.integrity} {digest}\n")


def fetch_all() -> None:
    """Fetch the book's files into VENDOR_DIR and the test-only files into TEST_VENDOR_DIR."""
    for files, folder in ((FILES, VENDOR_DIR), (TEST_FILES, TEST_VENDOR_DIR)):
        shown = folder.relative_to(VENDOR_DIR.parent.parent)
        for entry in files:
            if is_current(entry, folder):
                print(f"ok       {entry.package}@{entry.version} -> {shown}/{entry.name}")
                continue
            fetch(entry, folder)
            print(f"fetched  {entry.package}@{entry.version} -> {shown}/{entry.name}")


# --- Sphinx extension -------------------------------------------------------------------


def _config_inited(app, config) -> None:
    missing = [e.name for e in FILES if not is_current(e)]
    if missing:
        raise RuntimeError(
            f"book/_vendor is missing or stale ({', '.join(missing)}): "
            "run 'python book/_ext/vendor_js.py fetch' (make book does)"
        )
    import altair as alt

    vegalite = next(e for e in VEGA_FILES if e.package == "vega-lite")
    if vegalite.version != alt.VEGALITE_VERSION:
        raise RuntimeError(
            f"vendored vega-lite {vegalite.version} does not match Altair's "
            f"{alt.VEGALITE_VERSION}; update book/_ext/vendor_js.py"
        )
    config.html_static_path = [*config.html_static_path, str(VENDOR_DIR)]
    config.mathjax_path = MATHJAX_FILE.name
    # Altair's embed code skips its CDN loader for each library whose version it finds here.
    app.add_js_file(
        None,
        body=(
            "var VEGA_DEBUG = {"
            f'vega_version: "{alt.VEGA_VERSION}", '
            f'vegalite_version: "{alt.VEGALITE_VERSION}", '
            f'vegaembed_version: "{alt.VEGAEMBED_VERSION}"'
            "};"
        ),
        priority=200,
    )
    for offset, entry in enumerate(VEGA_FILES):
        app.add_js_file(entry.name, priority=201 + offset)


def setup(app):
    app.connect("config-inited", _config_inited)
    return {"parallel_read_safe": True, "parallel_write_safe": True}


if __name__ == "__main__":
    if sys.argv[1:] != ["fetch"]:
        raise SystemExit("usage: python book/_ext/vendor_js.py fetch")
    fetch_all()
