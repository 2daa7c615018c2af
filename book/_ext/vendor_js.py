"""Serve the book's JavaScript from the book itself: no CDN, ever.

Two jobs, one list of pinned files:

* ``python book/_ext/vendor_js.py fetch`` downloads the pinned npm tarballs of vega,
  vega-lite, vega-embed and MathJax from the npm registry, checks each tarball against the
  registry's sha512 integrity recorded below, and extracts the one file the pages need into
  ``book/_vendor/`` (not committed). Already-present files are checked, not downloaded again.
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
        "6.3.0",
        "sha512-L/ykPslBI5QiElzs7jD01c/0EP2yzJ0SdQ3WLZkgBsmykNkhfilWLAa24RzDx67rilNLdeBCJVCmogi40xJ6yA==",
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


def _sri(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def _stamp(entry: VendoredFile) -> Path:
    return VENDOR_DIR / f".{entry.name}.sha256"


def is_current(entry: VendoredFile) -> bool:
    """True when the extracted file exists and matches the digest recorded at extraction."""
    target, stamp = VENDOR_DIR / entry.name, _stamp(entry)
    if not (target.exists() and stamp.exists()):
        return False
    recorded = stamp.read_text().split()
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    return recorded == [entry.integrity, digest]


def fetch(entry: VendoredFile) -> None:
    """Download one tarball, verify its sha512 integrity, extract its file."""
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
    VENDOR_DIR.mkdir(parents=True, exist_ok=True)
    (VENDOR_DIR / entry.name).write_bytes(content)
    digest = hashlib.sha256(content).hexdigest()
    _stamp(entry).write_text(f"{entry.integrity} {digest}\n")


def fetch_all() -> None:
    for entry in FILES:
        if is_current(entry):
            print(f"ok       {entry.package}@{entry.version} -> book/_vendor/{entry.name}")
            continue
        fetch(entry)
        print(f"fetched  {entry.package}@{entry.version} -> book/_vendor/{entry.name}")


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
