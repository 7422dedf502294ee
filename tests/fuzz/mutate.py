"""Mutate PDFs at the byte level and the object level, deterministically from a seed.

Byte mutations (flips, cuts, splices, truncation) test the parsers' error paths; object mutations
(numbers, names, /Length, xref offsets, nesting) and content-stream mutations (inflate, change
operators and text, deflate again) reach the table and text logic behind a parser that still works.
"""

from __future__ import annotations

import random
import re
import zlib
from collections.abc import Callable

NUMBER = re.compile(rb"(?<![\w.])-?\d+(?:\.\d+)?(?![\w.])")
NAME = re.compile(rb"/[A-Za-z][A-Za-z0-9]*")
STREAM = re.compile(rb"(<<(?:(?!>>\s*stream).)*?/FlateDecode(?:(?!>>\s*stream).)*?>>)\s*stream\r?\n", re.S)
NAMES = [b"/Page", b"/Pages", b"/Kids", b"/Count", b"/Type", b"/Font", b"/Length", b"/Filter", b"/FlateDecode",
         b"/ASCIIHexDecode", b"/LZWDecode", b"/DCTDecode", b"/Contents", b"/Resources", b"/MediaBox", b"/Parent",
         b"/Root", b"/Encrypt", b"/ToUnicode", b"/Widths", b"/Annots", b"/XObject", b"/Null"]
ODD_NUMBERS = [b"0", b"-1", b"1e308", b"99999999999999999999", b"-2147483649", b"4294967296", b"0.0000001", b"NaN",
               b"3.4e38", b"1 0 R", b"999999 0 R"]
OPERATORS = [b"Tj", b"TJ", b"Td", b"Tf", b"re", b"m", b"l", b"S", b"f", b"cm", b"q", b"Q", b"BT", b"ET", b"Do",
             b"'", b'"', b"Tm", b"TL", b"Tc"]
ODD_TEXT = ["=cmd|' /C calc'!A0", "\u202e\u200f\u05d0\u05d1", "\x00\x01\x0b\x1f", "Полиция", "\ufffe\uffff",
            "A" * 40_000, "@SUM(1)", "\ud800"]


def flip_bytes(data: bytearray, rng: random.Random) -> None:
    for _ in range(rng.randint(1, 20)):
        i = rng.randrange(len(data))
        data[i] ^= 1 << rng.randrange(8)


def random_bytes(data: bytearray, rng: random.Random) -> None:
    for _ in range(rng.randint(1, 8)):
        i = rng.randrange(len(data))
        data[i] = rng.randrange(256)


def cut_range(data: bytearray, rng: random.Random) -> None:
    i = rng.randrange(len(data))
    del data[i: i + rng.randint(1, 4096)]


def duplicate_range(data: bytearray, rng: random.Random) -> None:
    i = rng.randrange(len(data))
    chunk = data[i: i + rng.randint(1, 4096)]
    j = rng.randrange(len(data))
    data[j:j] = chunk


def insert_junk(data: bytearray, rng: random.Random) -> None:
    j = rng.randrange(len(data))
    data[j:j] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 512)))


def truncate(data: bytearray, rng: random.Random) -> None:
    del data[rng.randrange(1, len(data)):]


def replace_numbers(data: bytearray, rng: random.Random) -> None:
    text = bytes(data)
    found = list(NUMBER.finditer(text))
    if not found:
        return
    for m in sorted(rng.sample(found, min(len(found), rng.randint(1, 12))), key=lambda m: -m.start()):
        data[m.start():m.end()] = rng.choice(ODD_NUMBERS)


def replace_names(data: bytearray, rng: random.Random) -> None:
    found = list(NAME.finditer(bytes(data)))
    if not found:
        return
    for m in sorted(rng.sample(found, min(len(found), rng.randint(1, 8))), key=lambda m: -m.start()):
        data[m.start():m.end()] = rng.choice(NAMES)


def nest_deeply(data: bytearray, rng: random.Random) -> None:
    found = [m.start() for m in re.finditer(rb"\[", bytes(data))]
    if not found:
        return
    i = rng.choice(found)
    depth = rng.choice([100, 1000, 20_000])
    data[i:i + 1] = b"[" * depth + b"]" * (depth - 1) + b"["


def break_xref(data: bytearray, rng: random.Random) -> None:
    text = bytes(data)
    m = re.search(rb"startxref\s+(\d+)", text)
    if m:
        data[m.start(1):m.end(1)] = str(rng.randrange(len(data) * 2)).encode()
    else:
        replace_numbers(data, rng)


def mutate_content(data: bytearray, rng: random.Random) -> None:
    """Inflate one compressed stream, change operators/numbers/text inside, deflate it and fix /Length."""
    text = bytes(data)
    streams = list(STREAM.finditer(text))
    if not streams:
        return random_bytes(data, rng)
    m = rng.choice(streams)
    length = re.search(rb"/Length\s+(\d+)(?!\s+\d+\s+R)", m.group(1))
    if not length:
        return replace_numbers(data, rng)
    start, size = m.end(), int(length.group(1))
    try:
        body = bytearray(zlib.decompress(text[start:start + size]))
    except zlib.error:
        return flip_bytes(data, rng)
    if not body:
        return
    for _ in range(rng.randint(1, 6)):
        what = rng.randrange(4)
        i = rng.randrange(len(body))
        if what == 0:
            body[i:i] = b" " + rng.choice(OPERATORS) + b" "
        elif what == 1:
            body[i:i] = b" " + rng.choice(ODD_NUMBERS) + b" "
        elif what == 2:
            odd = rng.choice(ODD_TEXT).encode("utf-16-be", "surrogatepass")
            body[i:i] = b" <" + odd.hex().encode() + b"> Tj "
        else:
            del body[i: i + rng.randint(1, 64)]
    packed = zlib.compress(bytes(body))
    head = m.group(1)
    new_head = head[: length.start(1)] + str(len(packed)).encode() + head[length.end(1):]
    data[m.start(): start + size] = new_head + text[m.end(1): start] + packed


MUTATIONS: list[Callable[[bytearray, random.Random], None]] = [
    flip_bytes, random_bytes, cut_range, duplicate_range, insert_junk, truncate, replace_numbers, replace_names,
    nest_deeply, break_xref, mutate_content, mutate_content, mutate_content,
]


def mutate(seed_pdf: bytes, seed: int) -> tuple[bytes, list[str]]:
    """Given a PDF and a seed, return the mutated bytes and the names of the mutations applied."""
    rng = random.Random(seed)
    data = bytearray(seed_pdf)
    applied = []
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        if not data:
            break
        fn = rng.choice(MUTATIONS)
        fn(data, rng)
        applied.append(fn.__name__)
    return bytes(data), applied
