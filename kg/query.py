"""The query library: load the shipped SPARQL files, bind their parameters, run, format.

A shipped query is a file ``queries/NAME.rq`` whose first lines are a comment header::

    # title: Articles mentioning an entity
    # description: Date, outlet, headline and URL of every article that mentions an entity.
    # param: entity entity required -- the entity: a label, an alias or its IRI
    # param: since date -- only articles published on or after this day (default: all)
    # param: period day|month = month -- per day or per month

A parameter line is ``param: NAME KIND [required | = DEFAULT] [-- HELP]``. Kinds:
``string``, ``date`` (a day of the calendar), ``integer``, ``decimal``, ``iri``, ``class``
(``Person``, ``City`` -- a class of kg's ontology, any case -- or ``schema:Place`` or an
IRI), the values the parameter takes (``day|month``, any case), ``entity`` (an IRI, or a label or alias that is looked up
in the store) and its typed forms ``place``, ``actor`` (a place or an organisation) and
``weapon``, which look the name up among entities of those types only, so that
``place=Kharkiv`` cannot land on the Kharkiv mayor's office; a place the store does not
know by name is looked up in the knowledge base (a country no article names still
contains the cities they name). Values become RDF terms with pyoxigraph and are bound through a ``VALUES``
block at the start of the query's outer group: text given by a user is never pasted into
SPARQL. A parameter left unset (no value, no default) stays unbound, and the query is
written to mean "any" then.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox

from kg import guard
from kg.errors import QueryError
from kg.nameindex import best_match, kb_place_match
from kg.resources import QUERIES_DIR as QUERY_DIR
from kg.tables import text_table
from kg.vocab import KG, PREFIXES, TOP_CLASS, XSD, base_iri
from kg.wording import plural

FORMATS = ("table", "csv", "tsv", "json", "jsonl", "xml", "turtle", "ntriples")
# The formats of RDF itself, for CONSTRUCT and DESCRIBE results ("xml" is RDF/XML there).
RDF_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "xml": ox.RdfFormat.RDF_XML}
# xsd:integer and the types derived from it (NIF offsets are xsd:nonNegativeInteger).
_INTEGERS = {XSD + t for t in ("integer", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger",
                               "negativeInteger", "long", "int", "short", "byte", "unsignedLong", "unsignedInt",
                               "unsignedShort", "unsignedByte")}  # fmt: skip
KINDS = ("string", "date", "integer", "decimal", "iri", "class", "entity", "place", "actor", "weapon",
         "choice")  # choice: written as its values, day|month

# The entity kinds, and the top types a name given for each is looked up among (None: any).
ENTITY_KINDS: dict[str, set[str] | None] = {
    "entity": None,
    "place": {"Place"},
    "actor": {"Place", "Organization"},
    "weapon": {"Weapon"},
}

_PARAM = re.compile(
    r"^param:\s*(?P<name>[A-Za-z_]\w*)\s+(?P<kind>\w+(?:\|\w+)*)"
    r"(?:\s+(?P<required>required)|\s*=\s*(?P<default>.*?))?"
    r"\s*(?:--\s*(?P<help>.*))?$"
)


@dataclass
class Param:
    name: str
    kind: str
    required: bool = False
    default: str | None = None
    help: str = ""
    choices: tuple[str, ...] = ()  # kind "choice": the values it takes (written day|month)

    @property
    def shown_kind(self) -> str:
        """The kind as --list shows it: ``day|month`` for a choice."""
        return "|".join(self.choices) if self.choices else self.kind


@dataclass
class Query:
    """A SPARQL query with its header (title, description, parameters)."""

    name: str
    text: str
    title: str = ""
    description: str = ""
    params: list[Param] = field(default_factory=list)
    path: Path | None = None

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


@dataclass
class Result:
    """What a query returned: column names and rows of terms, or a boolean, or triples."""

    variables: list[str]
    rows: list[list[Any]]  # pyoxigraph terms or None (unbound)
    boolean: bool | None = None
    graph: bool = False  # rows are triples (subject, predicate, object): a CONSTRUCT or DESCRIBE


# --- loading ---------------------------------------------------------------------------


def parse_header(text: str, name: str) -> Query:
    """Read the comment header at the top of a query (lines starting with ``#``)."""
    q = Query(name=name, text=text)
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if not line.startswith("#"):
            break
        body = line.lstrip("#").strip()
        key, _, value = body.partition(":")
        key = key.strip().lower()
        if key == "title":
            q.title = value.strip()
        elif key == "description":
            q.description = value.strip()
        elif key == "param":
            m = _PARAM.match(body)
            choices = tuple(m["kind"].split("|")) if m and "|" in m["kind"] else ()
            if m and choices:
                if m["default"] and m["default"] not in choices:
                    raise QueryError(f"{name}: parameter {m['name']}: the default {m['default']!r} is not one of "
                                     f"{', '.join(choices)}")
            elif not m or m["kind"] not in KINDS or m["kind"] == "choice":
                raise QueryError(f"{name}: bad parameter line {line!r} (param: NAME KIND [required | = DEFAULT] -- help; "
                                 f"KIND is one of {', '.join(KINDS)}, or the values it takes, as day|month)")
            default = m["default"] or None
            kind = "choice" if choices else m["kind"]
            q.params.append(Param(m["name"], kind, bool(m["required"]), default, (m["help"] or "").strip(), choices))
    return q


def shipped() -> dict[str, Query]:
    """Every query in ``queries/``, by name (file name without ``.rq``)."""
    return {p.stem: load_file(p) for p in sorted(QUERY_DIR.glob("*.rq"))}


def load_file(path: Path) -> Query:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise QueryError(f"{path}: cannot read the query: {e}") from e
    q = parse_header(text, path.stem)
    q.path = path
    return q


def load(name_or_file: str, stdin: IO[str] | None = None) -> Query:
    """A shipped query by name, a file by path, or ``-`` for standard input."""
    if name_or_file == "-":
        if stdin is None:
            raise QueryError("no standard input to read the query from")
        return parse_header(stdin.read(), "<stdin>")
    path = QUERY_DIR / f"{name_or_file}.rq"
    if "/" not in name_or_file and path.is_file():
        return load_file(path)
    given = Path(name_or_file)
    if given.is_file():
        return load_file(given)
    names = sorted(shipped())
    raise QueryError(f"no query named {name_or_file!r} and no such file (shipped queries: {', '.join(names)})")


# --- parameters --------------------------------------------------------------------------


def _iri(value: str) -> ox.NamedNode:
    v = value.strip()
    if v.startswith("<") and v.endswith(">"):
        v = v[1:-1]
    prefix, sep, local = v.partition(":")
    if sep and prefix in PREFIXES and not local.startswith("//"):
        v = PREFIXES[prefix] + local
    try:
        return ox.NamedNode(v)
    except ValueError as e:
        raise QueryError(f"{value!r} is not an IRI: {e}") from e


def _class(param: Param, value: str) -> ox.NamedNode:
    """A class named the way a user would (``Person``, ``city``, ``kg:Drone``, an IRI),
    refused when kg's ontology has no such class: a typo would otherwise match nothing,
    silently."""
    from kg.kb.fields import ontology_classes  # reads ontology/kg.ttl once

    v = value.strip()
    known = {**{k: TOP_CLASS[k] for k in TOP_CLASS}, **{k: KG + k for k in ontology_classes()}}
    by_fold = {k.casefold(): iri for k, iri in known.items()}
    bare = v[1:-1] if v.startswith("<") and v.endswith(">") else v
    local = bare[3:] if bare.startswith("kg:") else bare[len(KG):] if bare.startswith(KG) else None
    if local is None:
        if not re.match(r"^[A-Za-z]\w*$", v):
            return _iri(v)  # another vocabulary's class (schema:Place, an IRI): taken as given
        local = v
    if local.casefold() in by_fold:
        return ox.NamedNode(by_fold[local.casefold()])
    tops = ", ".join(TOP_CLASS)
    raise QueryError(f"parameter {param.name}: no class {value!r} in kg's ontology (the top classes are {tops}; "
                     f"finer ones include {', '.join(sorted(ontology_classes())[:8])}, …: see ontology/kg.ttl)")


def _literal(param: Param, value: str) -> ox.Literal:
    kind, v = param.kind, value.strip()
    pattern = {"date": r"^\d{4}-\d{2}-\d{2}$", "integer": r"^[+-]?\d+$", "decimal": r"^[+-]?(\d+\.?\d*|\.\d+)$"}[kind]
    example = {"date": "2024-01-31", "integer": "10", "decimal": "0.5"}[kind]
    if not re.match(pattern, v):
        raise QueryError(f"parameter {param.name}: {value!r} is not a {kind} (e.g. {example})")
    if kind == "date":
        try:
            date.fromisoformat(v)
        except ValueError as e:
            raise QueryError(f"parameter {param.name}: {value!r} is no day of the calendar ({e})") from e
    return ox.Literal(v, datatype=ox.NamedNode(XSD + kind))


Notes = Callable[[str], None]


def to_term(
    param: Param, value: str, store: ox.Store | None = None, folder: Path | None = None, notes: Notes | None = None,
) -> ox.NamedNode | ox.Literal:
    """Turn a command-line value into the RDF term the parameter's kind calls for.

    A name given for an entity is matched fuzzily; ``notes`` is told which entity (label
    and IRI) it landed on, since "Kharkov" may be Kharkiv or the Kharkiv region."""
    kind = param.kind
    if kind == "string":
        return ox.Literal(value)
    if kind == "choice":
        for choice in param.choices:
            if value.strip().casefold() == choice.casefold():
                return ox.Literal(choice)
        raise QueryError(f"parameter {param.name}: {value!r} is not one of {', '.join(param.choices)}")
    if kind in ("date", "integer", "decimal"):
        return _literal(param, value)
    if kind == "iri":
        return _iri(value)
    if kind == "class":
        return _class(param, value)
    if kind in ENTITY_KINDS:
        if value.strip().startswith(("http://", "https://", "<")):
            return _iri(value)
        if value.strip().startswith("entity/"):
            return _iri(base_iri() + value.strip())
        if store is None:
            raise QueryError(f"parameter {param.name}: give the entity's IRI")
        try:
            found = best_match(store, value, folder, ENTITY_KINDS[kind])
            where = ""
        except QueryError:
            # A place no article names may still contain places they name (a country).
            found = kb_place_match(value, folder) if kind == "place" else None
            if found is None:
                raise
            where = " (from the knowledge base: no article names it)"
        if notes is not None:
            notes(f"{param.name}={value.strip()} is {found.label} ({found.type}) <{found.entity}>{where}")
        return ox.NamedNode(found.entity)
    raise QueryError(f"parameter {param.name}: unknown kind {kind!r}")


def bindings(
    query: Query, values: dict[str, str], store: ox.Store | None = None, folder: Path | None = None,
    notes: Notes | None = None,
) -> dict[str, Any]:
    """The RDF term of every parameter that has a value or a default."""
    unknown = sorted(set(values) - {p.name for p in query.params})
    if unknown:
        known = ", ".join(p.name for p in query.params) or "none"
        raise QueryError(f"{query.name}: no parameter {', '.join(unknown)} (its parameters: {known})")
    terms: dict[str, Any] = {}
    for p in query.params:
        value = values.get(p.name, p.default)
        if value is None:
            if p.required:
                raise QueryError(f"{query.name}: parameter {p.name} is required ({p.help or p.kind}); pass --param {p.name}=VALUE")
            continue
        terms[p.name] = to_term(p, value, store, folder, notes)
    return terms


def _tokens(text: str) -> Iterator[tuple[str, int, int]]:
    """SPARQL tokens that matter for binding: words, variables, braces (comments, strings, IRIs skipped)."""
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            j = text.find("\n", i)
            i = n if j < 0 else j + 1
        elif c in "\"'":
            quote = c * 3 if text[i : i + 3] == c * 3 else c
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                j += 2 if text[j] == "\\" else 1
            i = j + len(quote)
        elif c == "<" and (m := _IRIREF.match(text, i)):
            i = m.end()
        elif c in "?$" and (m := _VAR.match(text, i)):
            yield "var", i, m.end()
            i = m.end()
        elif c.isalpha() and (m := _WORD.match(text, i)):
            yield "word", i, m.end()
            i = m.end()
        elif c in "{}":
            yield c, i, i + 1
            i += 1
        else:
            i += 1


_IRIREF = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")
_VAR = re.compile(r"[?$](\w+)")
_WORD = re.compile(r"[A-Za-z_][\w-]*(:[\w-]*)?")


def _where_groups(text: str) -> list[tuple[int, int, set[str]]]:
    """(start, end, variables) of the WHERE group of the query and of each sub-SELECT.

    ``start`` is the offset just after the group's ``{``; the outer query's group comes first.
    """
    tokens = list(_tokens(text))
    groups: list[list[Any]] = []
    open_groups: list[int | None] = []  # per open brace: index into groups, or None
    pending = False
    skip_template = False
    for k, (kind, b, e) in enumerate(tokens):
        word = text[b:e].upper() if kind == "word" else ""
        if word in ("SELECT", "ASK", "DESCRIBE"):
            pending = True
        elif word == "CONSTRUCT":
            pending = True
            skip_template = k + 1 < len(tokens) and tokens[k + 1][0] == "{"
        elif kind == "{":
            if pending and not skip_template:
                groups.append([e, None, set()])
                open_groups.append(len(groups) - 1)
                pending = False
            else:
                open_groups.append(None)
        elif kind == "}":
            g = open_groups.pop() if open_groups else None
            if g is not None:
                groups[g][1] = b
            elif skip_template and not open_groups:
                skip_template = False  # the CONSTRUCT template ended; WHERE comes next
        elif kind == "var":
            for g in open_groups:
                if g is not None:
                    groups[g][2].add(text[b + 1 : e])
    if not groups or groups[0][1] is None:
        raise QueryError("the query has no { … } group to bind parameters in")
    return [(b, e, names) for b, e, names in groups]


def bind(text: str, terms: dict[str, Any]) -> str:
    """The query with ``VALUES`` for ``terms`` at the start of its WHERE group.

    A parameter has its value everywhere in the query: the same ``VALUES`` goes into
    each sub-SELECT that uses the variable. The values are pyoxigraph terms written in
    their escaped N-Triples form, on the same line, so line numbers do not move.
    """
    if not terms:
        return text
    groups = _where_groups(text)
    inserts = []
    for k, (start, _, names) in enumerate(groups):
        wanted = [n for n in terms if k == 0 or n in names]
        if wanted:
            values = " ".join(f"VALUES ?{n} {{ {terms[n]} }}" for n in wanted)
            inserts.append((start, f" {values} "))
    for at, chunk in sorted(inserts, reverse=True):
        text = text[:at] + chunk + text[at:]
    return text


# --- running -----------------------------------------------------------------------------


def _syntax_error(query: Query, error: Exception) -> QueryError:
    message = str(error)
    m = re.match(r"error at (\d+):(\d+): (.*)", message, re.S)
    if not m:
        return QueryError(f"{query.name}: {message}")
    line, col, what = int(m[1]), int(m[2]), " ".join(m[3].split())
    if len(what) > 200:
        what = what[:200] + "…"
    lines = query.text.splitlines()
    excerpt = ""
    if 1 <= line <= len(lines):
        excerpt = f"\n    {lines[line - 1]}\n    {' ' * (col - 1)}^"
    return QueryError(f"{query.name}:{line}:{col}: syntax error: {what}{excerpt}")


def check_syntax(query: Query, allow_federation: bool = False) -> None:
    """Raise QueryError with the parser's message and position when the query does not parse
    (or when it is past the limits kg.guard sets, before Oxigraph's parser can crash on it)."""
    guard.check(query.text, f"{query.name}: the query", allow_federation)
    try:
        ox.Store().query(query.text)  # an empty in-memory store: parsing only
    except SyntaxError as e:
        raise _syntax_error(query, e) from e
    except (RuntimeError, ValueError, OSError):
        pass  # parsed; evaluation problems are reported by run()


def run(
    store: ox.Store,
    query: Query,
    values: dict[str, str] | None = None,
    limit: int | None = None,
    folder: Path | None = None,
    allow_federation: bool = False,
    notes: Notes | None = None,
) -> Result:
    """Run ``query`` over the union of the store's graphs with ``values`` bound
    (``folder``, the store's folder, lets entity names use lookup's cached index;
    ``SERVICE`` is refused unless ``allow_federation``; ``notes`` hears which entity
    each name given for one resolved to)."""
    check_syntax(query, allow_federation)
    terms = bindings(query, values or {}, store, folder, notes)
    try:
        answer = store.query(bind(query.text, terms), use_default_graph_as_union=True)
        if isinstance(answer, ox.QueryBoolean):
            return Result(["boolean"], [], bool(answer))
        if isinstance(answer, ox.QuerySolutions):
            names = [v.value for v in answer.variables]
            rows = [[s[n] for n in names] for s in islice(answer, limit)]
            return Result(names, rows)
        rows = [[t.subject, t.predicate, t.object] for t in islice(answer, limit)]
        return Result(["subject", "predicate", "object"], rows, graph=True)
    except SyntaxError as e:
        raise _syntax_error(query, e) from e
    except (RuntimeError, ValueError, OSError) as e:
        raise QueryError(f"{query.name}: {e}") from e


# --- output ------------------------------------------------------------------------------


def plain(term: Any) -> Any:
    """A term as a plain Python value: IRI or lexical form; integers and doubles as numbers."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype else ""
        try:
            if dt in _INTEGERS:
                return int(term.value)
            if dt in (XSD + "double", XSD + "decimal", XSD + "float"):
                return float(term.value)
        except ValueError:
            pass
        return term.value
    return term.value


def _short(term: Any) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        v = term.value
        base = base_iri()
        if v.startswith(base):
            return v[len(base) :]
        for p, ns in PREFIXES.items():
            if v.startswith(ns) and re.match(r"^[\w-]+$", v[len(ns) :]):
                return f"{p}:{v[len(ns) :]}"
        return v
    if isinstance(term, ox.Literal):
        return " ".join(term.value.split())
    return str(term)


def _json_term(term: Any) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype and term.datatype.value != XSD + "string":
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": str(term)}


def table(result: Result, width: int = 60, columns: int | None = None) -> str:
    """A plain-text table for a terminal; long cells are cut to ``width`` characters,
    and further, widest columns first, to fit a terminal ``columns`` wide."""
    if result.boolean is not None:
        return "yes" if result.boolean else "no"
    cells = [[_short(t) for t in row] for row in result.rows]
    numeric = [
        all(isinstance(plain(row[i]), (int, float)) for row in result.rows if row[i] is not None)
        for i in range(len(result.variables))
    ]
    lines = text_table(result.variables, cells, numeric, columns, width)
    lines.append(f"({plural(len(cells), 'row')})")
    return "\n".join(lines)


def default_format(result: Result) -> str:
    """Turtle for a CONSTRUCT or DESCRIBE result, a table for the others."""
    return "turtle" if result.graph else "table"


def write(result: Result, fmt: str, out: IO[str], columns: int | None = None) -> None:
    """Write ``result`` to ``out`` as table (fit to ``columns`` when given), csv, tsv,
    json (SPARQL 1.1 results), jsonl or xml (SPARQL 1.1 XML results); a CONSTRUCT or
    DESCRIBE result also as RDF: turtle, ntriples, or xml (RDF/XML)."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    if result.graph and fmt in RDF_FORMATS:
        triples = (ox.Triple(*row) for row in result.rows)
        prefixes = PREFIXES if fmt == "turtle" else None
        out.write(ox.serialize(triples, format=RDF_FORMATS[fmt], prefixes=prefixes).decode("utf-8"))
    elif fmt in RDF_FORMATS and fmt != "xml":
        raise QueryError(f"--format {fmt} is for CONSTRUCT and DESCRIBE queries; this one gives rows (use table, csv, tsv, json, jsonl or xml)")
    elif fmt == "xml":
        from kg.query_xml import write_xml  # its xml.sax import pulls in urllib and http: only when asked

        write_xml(result, out)
    elif fmt == "table":
        out.write(table(result, columns=columns) + "\n")
    elif fmt == "json":
        if result.boolean is not None:
            doc: dict[str, Any] = {"head": {}, "boolean": result.boolean}
        else:
            doc = {
                "head": {"vars": result.variables},
                "results": {"bindings": [{v: _json_term(t) for v, t in zip(result.variables, row) if t is not None} for row in result.rows]},
            }
        json.dump(doc, out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif fmt == "jsonl":
        if result.boolean is not None:
            out.write(json.dumps({"boolean": result.boolean}) + "\n")
        for row in result.rows:
            out.write(json.dumps(dict(zip(result.variables, map(plain, row))), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        # SPARQL 1.1 Query Results CSV: plain values, IRIs as they are.
        w = csv.writer(out, lineterminator="\r\n")
        if result.boolean is not None:
            w.writerow(["boolean"])
            w.writerow(["true" if result.boolean else "false"])
            return
        w.writerow(result.variables)
        for row in result.rows:
            w.writerow(["" if t is None else t.value for t in row])
    else:
        # SPARQL 1.1 Query Results TSV: terms in their SPARQL/N-Triples form.
        if result.boolean is not None:
            out.write("?boolean\n" + ("true" if result.boolean else "false") + "\n")
            return
        out.write("\t".join("?" + v for v in result.variables) + "\n")
        for row in result.rows:
            out.write("\t".join("" if t is None else str(t) for t in row) + "\n")


def render(result: Result, fmt: str, columns: int | None = None) -> str:
    buf = io.StringIO()
    write(result, fmt, buf, columns)
    return buf.getvalue()


def records(result: Result) -> Iterator[dict[str, Any]]:
    """Rows as dicts of plain values (handy in tests and notebooks)."""
    for row in result.rows:
        yield dict(zip(result.variables, map(plain, row)))
