"""Turn a file's bytes into text, refusing binaries and text that only decodes to garbage."""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

# Longest first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control bytes that never occur in text files; tab, newlines, form feed and ESC do.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\v\f\r\x1b") + b"\x7f"
_MAX_CONTROL_SHARE = 0.10
# UTF-16 without a BOM: the share of NUL bytes among the high bytes, and at most among the low.
_UTF16_HIGH_SHARE = 0.5
_UTF16_LOW_SHARE = 0.01

# Code points that a real decoding does not produce: controls, private use, unassigned, surrogates.
_BAD_CATEGORIES = frozenset({"Cc", "Co", "Cn", "Cs"})
_MAX_BAD_SHARE = 0.01
_MIN_LETTER_SHARE = 0.4
_TEXT_SAMPLE = 200_000

# English news in an unlabelled 8-bit file is most often Windows-1252; charset-normalizer
# alone tends to pick a Baltic or Central European page that misreads its accents and quotes.
_WESTERN = "cp1252"
_WESTERN_TOLERANCE = 0.1

# A page that says latin-1 or ascii means Windows-1252 (as browsers read it), and a UTF-16
# label in bytes without a BOM cannot be true, since the label itself was read as ASCII.
_LABEL_OVERRIDES = {"latin_1": "cp1252", "iso8859_1": "cp1252", "ascii": "cp1252"}
_UNUSABLE_LABELS = frozenset({"utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be"})

_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_META_SNIFF_BYTES = 4096


class NotText(ValueError):
    """Bytes that cannot honestly be turned into text; the message is the reason."""


def decode(data: bytes, declared: str | None = None) -> str:
    """Decode bytes by BOM, then a declared charset, then UTF-8, then detection, so each file is read once."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_marked(data[len(bom) :], encoding)
    if (unmarked := utf16_without_bom(data)) is not None:
        return unmarked
    if reason := binary_reason(data):
        raise NotText(reason)
    for encoding in filter(None, (codec_name(declared), "utf-8")):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return _decode_detected(data)


def utf16_without_bom(data: bytes) -> str | None:
    """Read UTF-16 that carries no byte-order mark, or None when the bytes are not such text.

    Text in a Latin script written as UTF-16 has a NUL in nearly every other byte, on one side
    only (the high byte of each code unit), which binary files do not; the decoding must then
    read as text. Without this, the NULs would make it "binary".
    """
    sample = data[:_TEXT_SAMPLE]
    if len(sample) < 4 or len(data) % 2 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2], sample[1::2]
    high_even = even.count(0) / len(even)
    high_odd = odd.count(0) / len(odd)
    if high_odd >= _UTF16_HIGH_SHARE and high_even <= _UTF16_LOW_SHARE:
        encoding = "utf-16-le"
    elif high_even >= _UTF16_HIGH_SHARE and high_odd <= _UTF16_LOW_SHARE:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return text if looks_like_text(text) and "\x00" not in text else None


def binary_reason(data: bytes) -> str | None:
    """Say why bytes are binary rather than text, or None when they may be text."""
    if b"\x00" in data:
        return "binary file (contains NUL bytes)"
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if controls > _MAX_CONTROL_SHARE * len(data):
        return "binary file (mostly control bytes, not text)"
    return None


def looks_like_text(text: str) -> bool:
    """Tell a plausible decoding from garbage: few impossible code points, mostly letters."""
    visible = [c for c in text[:_TEXT_SAMPLE] if not c.isspace()]
    if not visible:
        return True
    bad = sum(1 for c in visible if c == "\ufffd" or unicodedata.category(c) in _BAD_CATEGORIES)
    letters = sum(1 for c in visible if c.isalpha())
    return bad <= _MAX_BAD_SHARE * len(visible) and letters >= _MIN_LETTER_SHARE * len(visible)


def codec_name(label: str | None) -> str | None:
    """Map a charset label to the Python codec that reads such files, or None if unusable."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip()).name.replace("-", "_")
    except LookupError:
        return None
    if name in _UNUSABLE_LABELS:
        return None
    return _LABEL_OVERRIDES.get(name, name)


def declared_charset(markup: bytes) -> str | None:
    """Find the charset an HTML page declares in its first bytes, as a browser would."""
    match = _META_CHARSET.search(markup[:_META_SNIFF_BYTES])
    return match.group(1).decode("ascii") if match else None


def _decode_marked(data: bytes, encoding: str) -> str:
    """Decode bytes after a BOM, which names the encoding but does not prove the rest is text."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise NotText(f"undecodable bytes (invalid {encoding} after its byte-order mark)") from None
    if encoding != "utf-8" and not looks_like_text(text):
        raise NotText(f"undecodable bytes (read as {encoding} they look like garbage)")
    return text


def _decode_detected(data: bytes) -> str:
    """Decode non-UTF-8 bytes with the encoding charset-normalizer finds, leaning to Windows-1252."""
    general = from_bytes(data).best()
    western = from_bytes(data, cp_isolation=[_WESTERN]).best()
    if western is not None and (general is None or western.chaos <= general.chaos + _WESTERN_TOLERANCE):
        general = western
    if general is None:
        raise NotText("undecodable bytes (not UTF-8, and no known encoding fits them)")
    try:
        text = data.decode(general.encoding)
    except UnicodeDecodeError:
        raise NotText(f"undecodable bytes (not valid {general.encoding})") from None
    if not looks_like_text(text):
        raise NotText(f"undecodable bytes (read as {general.encoding} they look like garbage)")
    return text
