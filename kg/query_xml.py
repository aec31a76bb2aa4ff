"""The SPARQL 1.1 Query Results XML Format, for `kg query --format xml` (kg.query
writes the other formats)."""

from __future__ import annotations

import re
from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from kg.vocab import XSD

# Characters XML 1.0 cannot hold.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def write_xml(result: Any, out: IO[str]) -> None:
    """The SPARQL 1.1 Query Results XML Format. Characters XML 1.0 cannot hold (most
    control characters) are left out of the values."""
    out.write('<?xml version="1.0" encoding="utf-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>\n')
    if result.boolean is not None:
        out.write(f"</head>\n<boolean>{'true' if result.boolean else 'false'}</boolean>\n</sparql>\n")
        return
    for v in result.variables:
        out.write(f"  <variable name={quoteattr(v)}/>\n")
    out.write("</head>\n<results>\n")
    for row in result.rows:
        out.write("  <result>\n")
        for v, t in zip(result.variables, row):
            if t is not None:
                out.write(f"    <binding name={quoteattr(v)}>{_xml_term(t)}</binding>\n")
        out.write("  </result>\n")
    out.write("</results>\n</sparql>\n")


def _xml_term(term: Any) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{_xml_text(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{_xml_text(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            attr = f" xml:lang={quoteattr(term.language)}"
        elif term.datatype and term.datatype.value != XSD + "string":
            attr = f" datatype={quoteattr(term.datatype.value)}"
        else:
            attr = ""
        return f"<literal{attr}>{_xml_text(term.value)}</literal>"
    return f"<literal>{_xml_text(str(term))}</literal>"


def _xml_text(text: str) -> str:
    return escape(_NOT_XML.sub("", text))
