"""The limits, checked before the expensive step (each refusal is a ``LimitExceeded``)."""

from __future__ import annotations

import gzip

import pytest

from tracker.formats.limits import MAX_XML_DEPTH, check_json, check_xml, gunzip, unpack
from tracker.formats.problems import ImportProblem, LimitExceeded


def test_one_gzip_layer_is_unpacked_and_a_second_refused() -> None:
    assert unpack(gzip.compress(b"hello"), "f") == b"hello"
    with pytest.raises(LimitExceeded, match="gzip inside gzip"):
        unpack(gzip.compress(gzip.compress(b"hello")), "f")


def test_a_damaged_gzip_is_one_problem_not_a_zlib_error() -> None:
    data = bytearray(gzip.compress(bytes(range(256)) * 2000))
    data[len(data) // 2] ^= 0xFF
    with pytest.raises(ImportProblem, match=r"damaged gzip data|truncated"):
        gunzip(bytes(data), "f")


def test_xml_depth_is_counted_before_any_tree() -> None:
    ok = b"<a>" * MAX_XML_DEPTH + b"</a>" * MAX_XML_DEPTH
    check_xml(ok, "f")
    deep = b"<a>" * (MAX_XML_DEPTH + 1) + b"</a>" * (MAX_XML_DEPTH + 1)
    with pytest.raises(LimitExceeded, match="nested more than 64"):
        check_xml(deep, "f")


def test_a_document_type_is_refused_and_broken_xml_left_to_the_format() -> None:
    with pytest.raises(LimitExceeded, match="DOCTYPE"):
        check_xml(b'<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', "f")
    check_xml(b"<a><b></a>", "f")  # not well-formed: the format's parser names it


def test_json_is_counted_before_it_is_parsed() -> None:
    check_json(b'{"a": [1, 2, 3]}', "f")
    with pytest.raises(LimitExceeded, match="records"):
        check_json(b"[" + b"[]," * 1_000_001 + b"[]]", "f")
