"""The one build step setup.cfg cannot say: ship the top-level ontology/ and queries/.

The ontology and the query library stay at the top of the repository, where the
design puts them and where readers look for them, and are copied into the built
package as ``kg/ontology`` and ``kg/queries``, so a wheel or ``pip install .``
carries them. An editable install copies nothing: kg/resources.py reads them from
the source tree then. Everything else is declared in setup.cfg.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

# Top-level folder -> the files of it that kg reads at run time.
SHIPPED = {"ontology": ("*.ttl", "README.md"), "queries": ("*.rq",)}


class build_py_with_shipped_data(build_py):
    """build_py, then a copy of SHIPPED into the package (not in editable mode)."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        root = Path(__file__).resolve().parent
        for folder, patterns in SHIPPED.items():
            files = sorted({p for pattern in patterns for p in (root / folder).glob(pattern)})
            if not files:
                raise SystemExit(f"setup.py: {folder}/ holds none of {', '.join(patterns)}; nothing to ship")
            target = Path(self.build_lib, "kg", folder)
            self.mkpath(str(target))
            for src in files:
                self.copy_file(str(src), str(target / src.name))


setup(cmdclass={"build_py": build_py_with_shipped_data})
