"""The README's Python example runs and prints what the README says."""
import contextlib
import io
import os
import pathlib
import re


def test_readme_python_example_prints_its_documented_output():
    src = os.environ.get("FAIRPORT_SOURCE_DIR", str(pathlib.Path(__file__).parents[2]))
    readme = pathlib.Path(src, "README.md").read_text()
    block = re.search(r"```python\n(.*?)```", readme, re.S).group(1)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(block, "README.md", "exec"), {})
    lines = out.getvalue().splitlines()
    assert lines[0] == "USD 2248.20"
    assert lines[1] == "EUR 2072.07"
    assert lines[2] == "['EUR 33.34', 'EUR 33.33', 'EUR 33.33']"
    assert lines[3] == "[None, 'fairport.input.101']"
    # the inline "# ..." comments of the README agree with the output
    documented = re.findall(r"\)\s+# (.+)", block)
    assert documented == lines[:2]
