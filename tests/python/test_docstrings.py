"""Every public name of fairport has a numpydoc docstring (checked by numpydoc's validator)."""

import inspect
import re
import types
import warnings

import pytest

import fairport
import fairport.dask
import fairport.errors
import fairport.plots

validate = pytest.importorskip(
    "numpydoc.validate", reason="numpydoc is not installed (Debian: python3-numpydoc)"
)
from numpydoc.docscrape import get_doc_object  # noqa: E402

# The checks left out, and why. Everything else is enforced: among others GL08 (no docstring),
# SS01 to SS06 (a one-line summary sentence), PR01 to PR10 (every parameter documented, with a
# type and a description), RT01 to RT05 (a Returns section with a described type) and GL02
# (closing quotes on a line of their own).
IGNORED = {
    # PEP 257 allows the summary on the line of the opening quotes, and fairport writes it there;
    # numpydoc wants it on the next line. A matter of layout, not of content.
    "GL01": "summary on the line after the opening quotes",
    # Optional numpydoc sections: a one-line summary is enough for a simple function, the README
    # and the example notebooks carry the worked examples, and cross-references are a courtesy.
    "ES01": "extended summary",
    "SA01": "See Also section",
    "EX01": "Examples section",
}

MODULES = (fairport, fairport.errors, fairport.plots, fairport.dask)


def _public_names():
    """Display name -> object: the modules, their ``__all__``, and the classes' public members."""
    found = {}
    for module in MODULES:
        found[module.__name__] = module
        for name in module.__all__:
            obj = getattr(module, name)
            if isinstance(obj, str):  # __version__
                continue
            if inspect.ismodule(obj):
                found[obj.__name__] = obj
                continue
            found[f"{module.__name__}.{name}"] = obj
            if inspect.isclass(obj) and not hasattr(obj, "__members__"):  # not an enum
                for member, value in vars(obj).items():
                    if member.startswith("_"):
                        continue
                    if callable(value) or isinstance(value, (property, staticmethod, classmethod)):
                        found[f"{module.__name__}.{name}.{member}"] = getattr(obj, member)
    return found


# ---- names implemented in C++ -------------------------------------------------------------------
#
# pybind11 puts its own signature line, "name(arg: type, ...) -> type", in front of the docstring
# written in python/bindings/*.cpp, and Python cannot introspect the parameters of a compiled
# function. Such a name is validated through a stand-in: a Python function (or class) carrying the
# docstring as written in the C++ source, without pybind11's line, and the parameters that line
# names (for a class, those of its constructor). numpydoc decides whether a Python function needs
# a Returns section by reading its source, which a compiled function has none of; the stand-in
# needs one when pybind11's line gives a return type other than None. pybind11 also adds the
# member list of an enum ("Members: ...") to its docstring; that text is left out. A property,
# compiled or not, is validated as it is: numpydoc checks its summary and asks for no Returns
# section (an attribute is documented by a description).

_SIGNATURE = re.compile(r"^(?P<name>\w+)\((?P<args>.*)\)(?: -> (?P<returns>.+))?$")
_ENUM_MEMBERS = re.compile(r"\n+Members:\n(\n+  \w+)+\s*$")


def _split_top_level(text):
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "[(<{":
            depth += 1
        elif ch in "])>}":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def _pybind11_signature(doc):
    """(parameter names, return type or None, the docstring without pybind11's first line)."""
    first, _, rest = (doc or "").partition("\n")
    match = _SIGNATURE.match(first)
    if not match:
        return (), None, doc or ""
    names = []
    for part in _split_top_level(match.group("args")):
        name = re.split(r"[:=]", part, maxsplit=1)[0].strip()
        if name not in ("self", "*", "/"):
            names.append(name)
    return tuple(names), match.group("returns"), rest


def _layout(text):
    """The docstring laid out like a Python one: the closing quotes on their own line."""
    text = _ENUM_MEMBERS.sub("", text).strip("\n")
    return text + "\n" if "\n" in text else text


def _signature(names):
    kind = inspect.Parameter.POSITIONAL_OR_KEYWORD
    return inspect.Signature([inspect.Parameter(n, kind) for n in names])


def _stand_in(obj, display_name):
    """A Python object numpydoc can validate in place of a compiled one (see above), and the
    return type that makes a Returns section necessary (None when none is)."""
    short = display_name.rsplit(".", 1)[-1]
    if inspect.isclass(obj):
        names, _, _ = _pybind11_signature(obj.__init__.__doc__)
        stand_in = types.new_class(short)
        stand_in.__doc__ = _layout(obj.__doc__ or "")
        stand_in.__signature__ = _signature(names)
        returns = None
    else:
        names, returns, text = _pybind11_signature(obj.__doc__)

        def stand_in():
            pass

        stand_in.__doc__ = _layout(text) if text.strip() else None
        stand_in.__name__ = stand_in.__qualname__ = short
        stand_in.__signature__ = _signature(names)
        returns = None if returns in (None, "None") else returns
    stand_in.__module__ = display_name.rsplit(".", 1)[0]
    return stand_in, returns


def _is_compiled(obj):
    if inspect.isclass(obj):
        return obj.__module__ == "fairport._core"
    return inspect.isroutine(obj) and not isinstance(obj, types.FunctionType)


def _validation_errors(display_name, obj):
    """numpydoc's errors for one name, without the ignored checks."""
    returns = None
    if _is_compiled(obj):
        obj, returns = _stand_in(obj, display_name)
    # numpydoc warns (rather than reports) about a section it does not know; count it as an error.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        doc = get_doc_object(obj)
        errors = list(validate.validate(doc)["errors"])
    errors += [("numpydoc", str(w.message)) for w in caught]
    if returns is not None and not doc["Returns"]:
        errors.append(("RT01", validate.ERROR_MSGS["RT01"] + f" (returns {returns})"))
    return [(code, message) for code, message in errors if code not in IGNORED]


PUBLIC = _public_names()


def test_the_public_names_are_found():
    assert "fairport.Money" in PUBLIC and "fairport.Money.round" in PUBLIC
    assert "fairport.PriceChain.steps" in PUBLIC and "fairport.Report.to_dict" in PUBLIC
    assert "fairport.plots.plot_price_chain" in PUBLIC
    assert "fairport.dask.check_lines" in PUBLIC
    assert "fairport.errors.InputError" in PUBLIC


def test_the_pybind11_signature_line_is_read():
    names, returns, text = _pybind11_signature(fairport.decimal_from_float.__doc__)
    assert names == ("x", "places", "mode")
    assert returns == "decimal.Decimal"
    assert not text.lstrip().startswith("decimal_from_float(")


@pytest.mark.parametrize("display_name", sorted(PUBLIC))
def test_numpydoc_docstring(display_name):
    errors = _validation_errors(display_name, PUBLIC[display_name])
    assert not errors, f"{display_name}:\n" + "\n".join(f"  {c}: {m}" for c, m in errors)
