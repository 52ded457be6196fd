"""The package surface: versions agree, every public callable is documented."""
import os
import pathlib
import re

import fairport


def test_version_matches_version_hpp():
    src = os.environ.get("FAIRPORT_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
    text = pathlib.Path(src, "include", "fairport", "version.hpp").read_text()
    parts = [re.search(rf"FAIRPORT_VERSION_{p} (\d+)", text).group(1) for p in ("MAJOR", "MINOR", "PATCH")]
    assert fairport.__version__ == ".".join(parts)


def test_every_public_callable_has_a_docstring():
    for name in fairport.__all__:
        obj = getattr(fairport, name)
        if callable(obj):
            assert obj.__doc__ and obj.__doc__.strip(), name


def test_errors_module_does_not_import_core():
    import fairport.errors as e
    code = pathlib.Path(e.__file__).read_text().split('"""', 2)[2]
    assert "import" in code and "_core" not in code
