#!/usr/bin/python3
"""Seeded random cases for fairport::decimal, with expected results from Python's decimal.

Usage: gen_cases.py --out FILE [--seed N] [--count N]

Writes one case per line, space-separated:
    <op> <mode> <param> <a> <b> <expected>
where unused fields are "_", numbers are in fairport's canonical plain notation (to_string), and
<expected> is the canonical result, "OVERFLOW" (fairport must throw [fairport.arithmetic.201]),
"DIVZERO" (202), "INVALID" (parse must reject), or -1/0/1 for compare.

Python's decimal (libmpdec, an implementation of the General Decimal Arithmetic specification)
computes every expected value, with context precision 200 and traps off; rounding to a scale
uses quantize, rounding to significant digits uses Context(prec=n).plus / .divide.
Operations: add sub mul div (scale, mode) mulr (scale, mode) divs (digits, mode) round (scale,
mode) rsig (digits, mode) parse cmp.
"""

import argparse
import decimal
import random
import re
import sys
from decimal import Decimal

MODES = {
    "up": decimal.ROUND_UP,
    "down": decimal.ROUND_DOWN,
    "ceiling": decimal.ROUND_CEILING,
    "floor": decimal.ROUND_FLOOR,
    "half_up": decimal.ROUND_HALF_UP,
    "half_down": decimal.ROUND_HALF_DOWN,
    "half_even": decimal.ROUND_HALF_EVEN,
    "05up": decimal.ROUND_05UP,
}
MAX_DIGITS = 38
MAX_SCALE = 38

CTX = decimal.Context(prec=200, Emax=10**6, Emin=-(10**6), traps=[])


def canonical(d):
    """fairport's to_string of d, or None if d does not fit (scale > 38 or > 38 digits)."""
    sign, digits, exp = d.as_tuple()
    coef = int("".join(map(str, digits))) if digits else 0
    if exp > 0:
        if coef and len(str(coef)) + exp > MAX_DIGITS:
            return None
        coef *= 10**exp
        exp = 0
    scale = -exp
    if scale > MAX_SCALE or len(str(coef)) > MAX_DIGITS:
        return None
    s = str(coef)
    if scale:
        s = s.rjust(scale + 1, "0")
        s = s[:-scale] + "." + s[-scale:]
    if sign and coef != 0:
        s = "-" + s
    return s


def rand_number(rng, max_digits=MAX_DIGITS):
    """A random decimal fitting fairport's range, biased toward edge cases."""
    kind = rng.random()
    scale = rng.choice([0, 0, 1, 2, 2, 3, 4, 6, 8, 10, 18, 19, 20, 30, 37, 38]) if rng.random() < 0.7 \
        else rng.randint(0, MAX_SCALE)
    if kind < 0.05:
        coef = 0
    elif kind < 0.10:
        coef = 10**MAX_DIGITS - 1 if rng.random() < 0.5 else 10**rng.randint(0, MAX_DIGITS - 1)
    elif kind < 0.25:
        nd = rng.randint(1, 4)
        coef = rng.randint(0, 10**nd - 1) * 10 + rng.choice([5, 5, 0, 9, 1])
    else:
        nd = rng.choice([rng.randint(1, 19), rng.randint(1, max_digits)])
        nd = min(nd, max_digits)
        coef = rng.randint(10 ** (nd - 1), 10**nd - 1)
    coef = min(coef, 10**MAX_DIGITS - 1)
    if rng.random() < 0.5:
        coef = -coef
    return Decimal(coef).scaleb(-scale, CTX) if coef else Decimal((0, (0,), -scale))


def sticky_round(n, d, mode):
    """round(n / d) to an integer under mode, exactly: build q.x with a sticky digit x."""
    neg = (n < 0) != (d < 0)
    q, r = divmod(abs(n), abs(d))
    if r == 0:
        x = 0
    elif 2 * r < abs(d):
        x = 1
    elif 2 * r == abs(d):
        x = 5
    else:
        x = 6
    v = Decimal((1 if neg else 0, tuple(int(c) for c in str(q * 10 + x)), -1))
    return v.quantize(Decimal(1), rounding=MODES[mode], context=CTX)


def coef_scale(d):
    sign, digits, exp = d.as_tuple()
    c = int("".join(map(str, digits)))
    return (-c if sign else c), -exp


def out(v):
    c = canonical(v)
    return "OVERFLOW" if c is None else c


def gen(rng, op):
    mode = rng.choice(list(MODES))
    a = rand_number(rng)
    b = rand_number(rng)
    if op in ("add", "sub"):
        r = CTX.add(a, b) if op == "add" else CTX.subtract(a, b)
        return op, "_", "_", canonical(a), canonical(b), out(r)
    if op == "mul":
        if rng.random() < 0.7:  # mostly products that fit
            a = rand_number(rng, 19)
            b = rand_number(rng, 19)
        r = CTX.multiply(a, b)
        ca, sa = coef_scale(a)
        cb, sb = coef_scale(b)
        if sa + sb > MAX_SCALE:  # fairport's exact product keeps scale sa + sb
            return op, "_", "_", canonical(a), canonical(b), "OVERFLOW"
        return op, "_", "_", canonical(a), canonical(b), out(r)
    if op == "mulr":
        scale = rng.randint(0, MAX_SCALE)
        r = CTX.multiply(a, b).quantize(Decimal(1).scaleb(-scale), rounding=MODES[mode], context=CTX)
        return op, mode, str(scale), canonical(a), canonical(b), out(r)
    if op == "div":
        scale = rng.choice([0, 2, 4, 6, 10, rng.randint(0, MAX_SCALE)])
        if rng.random() < 0.6:
            b = rand_number(rng, 18)
        if rng.random() < 0.02:
            b = Decimal(0)
        if b == 0:
            return op, mode, str(scale), canonical(a), canonical(b), "DIVZERO"
        ca, sa = coef_scale(a)
        cb, sb = coef_scale(b)
        e = scale - sa + sb  # quotient coefficient = ca * 10^e / cb
        n, d = (ca * 10**e, cb) if e >= 0 else (ca, cb * 10 ** (-e))
        q = sticky_round(n, d, mode).scaleb(-scale, CTX)
        return op, mode, str(scale), canonical(a), canonical(b), out(q)
    if op == "divs":
        digits = rng.randint(1, MAX_DIGITS)
        if b == 0:
            return op, mode, str(digits), canonical(a), canonical(b), "DIVZERO"
        ctx = decimal.Context(prec=digits, rounding=MODES[mode], Emax=10**6, Emin=-(10**6), traps=[])
        r = ctx.divide(a, b)
        return op, mode, str(digits), canonical(a), canonical(b), out(r)
    if op == "round":
        scale = rng.randint(0, MAX_SCALE)
        r = a.quantize(Decimal(1).scaleb(-scale), rounding=MODES[mode], context=CTX)
        return op, mode, str(scale), canonical(a), "_", out(r)
    if op == "rsig":
        digits = rng.randint(1, MAX_DIGITS)
        ctx = decimal.Context(prec=digits, rounding=MODES[mode], Emax=10**6, Emin=-(10**6), traps=[])
        r = ctx.plus(a)
        if a == 0:
            r = a  # plus() keeps zero's exponent; fairport returns zero unchanged too
        return op, mode, str(digits), canonical(a), "_", out(r)
    if op == "cmp":
        if rng.random() < 0.3:
            b = a.quantize(Decimal(1).scaleb(-min(MAX_SCALE, -a.as_tuple().exponent + rng.randint(0, 3))), context=CTX)
            if canonical(b) is None:
                b = a
        return op, "_", "_", canonical(a), canonical(b), str(int(a.compare(b)))
    if op == "parse":
        text = rand_text(rng)
        return op, "_", "_", text, "_", parse_expected(text)
    raise ValueError(op)


GRAMMAR = re.compile(r"^[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$")


def parse_expected(text):
    """fairport's documented syntax: digits on both sides of a point, <= 38 significant digits
    as written, scale <= 38; negative scale becomes an integer if it fits."""
    if not GRAMMAR.match(text):
        return "INVALID"
    d = Decimal(text)
    mant = re.split("[eE]", text)[0].lstrip("+-").replace(".", "").lstrip("0")
    if len(mant) > MAX_DIGITS:
        return "INVALID"
    c = canonical(d)
    if c is None:
        return "INVALID"
    return c


def rand_text(rng):
    r = rng.random()
    if r < 0.6:
        sign = rng.choice(["", "", "-", "+"])
        ip = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 25)))
        if rng.random() < 0.3:
            ip = "0" * rng.randint(1, 5) + ip
        s = sign + ip
        if rng.random() < 0.6:
            s += "." + "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 30)))
        if rng.random() < 0.4:
            s += rng.choice("eE") + rng.choice(["", "+", "-"]) + str(rng.randint(0, 60))
        return s
    if r < 0.8:
        return canonical(rand_number(rng))
    junk = ["", ".5", "5.", "1,5", "NaN", "Infinity", "-", "+", "1e", "1e+", "--1",
            "1..2", "0x10", "1e99999", "1e-99999", "1_000", "\u0661", "1.0E-38", "1E+38", "9" * 39]
    s = rng.choice(junk)
    if not s:
        s = "".join(rng.choice("0123456789.eE+-x ") for _ in range(rng.randint(1, 8)))
        if " " in s or s == "":
            s = s.replace(" ", "") or "x"
    return s


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--count", type=int, default=120000)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    ops = ["add", "sub", "mul", "mulr", "div", "divs", "round", "rsig", "cmp", "parse"]
    n = 0
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# generated by gen_cases.py --seed %d (Python %s, decimal %s)\n"
                % (args.seed, sys.version.split()[0], decimal.__version__))
        for i in range(args.count):
            fields = gen(rng, ops[i % len(ops)])
            assert all(x is not None and x != "" and " " not in x for x in fields), fields
            f.write(" ".join(fields) + "\n")
            n += 1
    print("wrote %d cases to %s" % (n, args.out))


if __name__ == "__main__":
    main()
