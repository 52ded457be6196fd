"""Offline build of the fairport Python package: build_ext drives CMake on the parent directory.

    python3 -m venv --system-site-packages .venv
    .venv/bin/pip install --no-build-isolation --no-index ./python
"""
import os
import pathlib
import re
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent


def version() -> str:
    text = (ROOT / "include" / "fairport" / "version.hpp").read_text()
    parts = [re.search(rf"FAIRPORT_VERSION_{p} (\d+)", text).group(1) for p in ("MAJOR", "MINOR", "PATCH")]
    return ".".join(parts)


class CMakeBuild(build_ext):
    def build_extension(self, ext: Extension) -> None:
        out_dir = pathlib.Path(self.get_ext_fullpath(ext.name)).resolve().parent
        build_dir = pathlib.Path(self.build_temp).resolve() / "cmake"
        build_dir.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "cmake", "-S", str(ROOT), "-B", str(build_dir), "-DCMAKE_BUILD_TYPE=Release",
                f"-DPython3_EXECUTABLE={sys.executable}", "-DFAIRPORT_BUILD_TESTS=OFF",
                "-DFAIRPORT_BUILD_BENCHMARKS=OFF", "-DFAIRPORT_BUILD_CLI=OFF",
                "-DFAIRPORT_BUILD_PYTHON=ON",
            ],
            check=True,
        )
        subprocess.run(["cmake", "--build", str(build_dir), "--target", "_core", "-j",
                        str(os.cpu_count() or 1)], check=True)
        built = build_dir / "python" / "fairport"
        out_dir.mkdir(parents=True, exist_ok=True)
        for so in built.glob("_core*.so"):
            self.copy_file(str(so), str(out_dir / so.name))


setup(
    version=version(),
    packages=["fairport"],
    package_dir={"fairport": "fairport"},
    package_data={"fairport": ["*.pyi", "py.typed"]},
    ext_modules=[Extension("fairport._core", sources=[])],
    cmdclass={"build_ext": CMakeBuild},
)
