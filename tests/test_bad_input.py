"""Bad input is refused with one line on stderr, a non-zero exit, and the store unchanged.

Every case runs the real CLI against a built KB and compares the store's content hash
before and after. Files are refused by ``kb validate`` (which never writes) and by
``kb add`` (which must not write); queries by ``kb query``.
"""

# ruff: noqa: E501  (the cases are tables: one case per line reads best)

from __future__ import annotations

import http.server
import json
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kb import kbase
from kb.cli import main
from kb.resources import SEEDS_DIR
from kb.store import content_hash
from kb.store.embedded import EmbeddedStore

from .conftest import store_hash

UKRAINIAN = SEEDS_DIR / "000_6127c40611fea0bb.claims.yaml"
ARABIC = SEEDS_DIR / "003_0d083f3321f654a4.claims.yaml"
PREFIXES = """\
@prefix kb: <https://w3id.org/kb/ontology#> .
@prefix ent: <https://w3id.org/kb/entity/> .
@prefix src: <https://w3id.org/kb/source/> .
@prefix claim: <https://w3id.org/kb/claim/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""


BUILT: dict[Path, str] = {}


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One built KB for the module: no case may change it, so its hash is taken once."""
    path = tmp_path_factory.mktemp("bad-input") / "store"
    store = EmbeddedStore(path)
    kbase.build(store)
    BUILT[path] = content_hash(store)
    store.close()
    return path


def run(store: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--store", str(store), *args], catch_exceptions=False)


def assert_refused(
    result: Result, *fragments: str, code: int = 2, where: tuple[str, ...] = ()
) -> None:
    """One line on stderr that says why, the exit code, no traceback."""
    lines = result.stderr.strip().splitlines()
    assert result.exit_code == code, result.output
    assert len(lines) == 1, f"expected one line on stderr, got:\n{result.stderr}"
    assert lines[0].startswith("kb: ")
    for fragment in where:
        assert fragment in lines[0], f"{fragment!r} (where) not in {lines[0]!r}"
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in lines[0], f"{fragment!r} not in {lines[0]!r}"


Maker = Callable[[Path], Path]


def write(name: str, data: bytes | str) -> Maker:
    def make(directory: Path) -> Path:
        path = directory / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return path

    return make


def form_with_article(article_bytes: Callable[[bytes], bytes], form: Path = UKRAINIAN) -> Maker:
    """A valid claim form whose article file is replaced by ``article_bytes(original)``."""

    def make(directory: Path) -> Path:
        shutil.copy(form, directory / form.name)
        article = form.with_name(form.name.replace(".claims.yaml", ".txt"))
        (directory / article.name).write_bytes(article_bytes(article.read_bytes()))
        return directory / form.name

    return make


def edited_form(edit: Callable[[str], str]) -> Maker:
    """The Ukrainian seed form, edited, beside its article."""

    def make(directory: Path) -> Path:
        path = form_with_article(lambda data: data)(directory)
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
        return path

    return make


def mojibake(data: bytes) -> bytes:
    """UTF-8 read as Latin-1 and saved again as UTF-8: "Азер" becomes "Ð\\x90Ð·ÐµÑ\\x80"."""
    return data.decode("utf-8").encode("utf-8").decode("latin-1").encode("utf-8")


def mojibake_1252(data: bytes) -> bytes:
    text = data.decode("utf-8").encode("utf-8").decode("cp1252", errors="replace")
    return text.encode("utf-8")


def huge(name: str, line: str) -> Maker:
    """A 50 MB file, written in chunks."""

    def make(directory: Path) -> Path:
        path = directory / name
        chunk = (line * (2**20 // len(line) + 1)).encode("utf-8")[: 2**20]
        with path.open("wb") as out:
            for _ in range(50):
                out.write(chunk)
        return path

    return make


UKRAINIAN_FORM = UKRAINIAN.read_bytes()

FILE_CASES: dict[str, tuple[Maker, tuple[str, ...]]] = {
    "malformed-turtle": (
        write("bad.ttl", PREFIXES + "src:x a kb:Source ; kb:sha256 "),
        ("malformed Turtle", "line"),
    ),
    "malformed-trig": (
        write("bad.trig", PREFIXES + "<https://w3id.org/kb/graph/source/x> { src:x a kb:Source ."),
        ("malformed TriG", "line"),
    ),
    "malformed-json-ld": (
        write("bad.jsonld", '{"@id": "https://w3id.org/kb/source/x", '),
        ("malformed JSON",),
    ),
    "malformed-yaml": (
        write("bad.claims.yaml", "source:\n  file: [unclosed\n"),
        ("malformed YAML", "line"),
    ),
    "yaml-not-a-form": (write("list.yaml", "- just\n- a list\n"), ("not a claim form",)),
    "yaml-alias-bomb": (
        write(
            "bomb.yaml",
            "source: {file: a.txt}\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
            "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n",
        ),
        ("YAML aliases",),
    ),
    "cp1251-yaml": (
        write("cp1251.yaml", UKRAINIAN_FORM.decode("utf-8").encode("cp1251")),
        ("not UTF-8", "cp1251"),
    ),
    "cp1251-article": (
        form_with_article(lambda b: b.decode("utf-8").encode("cp1251")),
        ("000_6127c40611fea0bb.txt", "not UTF-8", "cp1251"),
    ),
    "utf16-with-bom": (
        write("utf16.ttl", (PREFIXES + "src:x a kb:Source .\n").encode("utf-16")),
        ("UTF-16",),
    ),
    "utf16-without-bom": (
        write("utf16.ttl", (PREFIXES + "src:x a kb:Source .\n").encode("utf-16-le")),
        ("UTF-16",),
    ),
    "latin1-mojibake-yaml": (
        write("mojibake.yaml", mojibake(UKRAINIAN_FORM)),
        ("mojibake", "iconv"),
    ),
    "latin1-mojibake-article": (
        form_with_article(mojibake),
        ("000_6127c40611fea0bb.txt", "mojibake", "Іран вирішив"),
    ),
    "cp1252-mojibake-article": (
        form_with_article(mojibake_1252, ARABIC),
        ("003_0d083f3321f654a4.txt", "mojibake"),
    ),
    "mojibake-arabic-turtle": (
        write(
            "arabic.ttl",
            mojibake(
                (
                    PREFIXES
                    + 'ent:x kb:mention "وزير الخارجية الإيراني حسين أمير عبد اللهيان"@ar .\n'
                ).encode("utf-8")
            ),
        ),
        ("mojibake",),
    ),
    "binary": (
        write("image.ttl", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8),
        ("binary",),
    ),
    "binary-yaml": (write("data.yaml", bytes(range(256)) * 4), ("binary",)),
    "empty": (write("empty.ttl", b""), ("empty file",)),
    "only-prefixes": (write("prefixes.ttl", PREFIXES), ("no triples",)),
    "50-mb-turtle": (
        huge(
            "big.ttl",
            '<https://w3id.org/kb/entity/x> <https://w3id.org/kb/ontology#mention> "x" .\n',
        ),
        ("50 MB", "limit"),
    ),
    "50-mb-yaml": (huge("big.yaml", "# padding\n"), ("50 MB", "limit")),
    "iri-with-space-turtle": (
        write("space.ttl", PREFIXES + "<https://w3id.org/kb/entity/zakir hasanov> a kb:Source .\n"),
        ("Invalid IRI", "line"),
    ),
    "iri-with-space-json-ld": (
        write(
            "space.jsonld",
            json.dumps(
                {
                    "@id": "https://w3id.org/kb/entity/zakir hasanov",
                    "https://w3id.org/kb/ontology#mention": "x",
                }
            ),
        ),
        ("invalid IRI", "zakir hasanov"),
    ),
    "iri-with-space-in-form": (
        edited_form(lambda text: text.replace("person: zakir-hasanov", "person: zakir hasanov", 1)),
        ("m1: person: 'zakir hasanov' is not an id",),
    ),
    "full-iri-with-space-in-form": (
        edited_form(
            lambda text: text.replace(
                "person: zakir-hasanov", "person: <https://w3id.org/kb/entity/zakir hasanov>", 1
            )
        ),
        ("m1: person: invalid IRI",),
    ),
    "ill-typed-date-turtle": (
        write(
            "date.ttl",
            PREFIXES
            + '<https://w3id.org/kb/claim/x/s1> kb:source src:x ; kb:date "2022-13-45"^^xsd:date .\n',
        ),
        ("ill-typed literal", "2022-13-45", "not a valid xsd:date"),
    ),
    "ill-typed-integer-turtle": (
        write(
            "offset.ttl",
            PREFIXES
            + '<https://w3id.org/kb/claim/x/s1> kb:source src:x ; kb:confidence "high"^^xsd:decimal .\n',
        ),
        ("ill-typed literal", "xsd:decimal"),
    ),
    "ill-typed-date-in-form": (
        edited_form(lambda text: text.replace("earliest: 2022-01-19", "earliest: 2022-13-45", 1)),
        ("not a date", "2022-13-45", "line"),
    ),
    "trig-into-the-registry": (
        write(
            "registry.trig",
            PREFIXES
            + "<https://w3id.org/kb/graph/registry> { ent:x a <https://schema.org/Person> . }\n",
        ),
        ("never writes",),
    ),
    "unknown-extension": (write("claims.txt", "hello"), ("unknown format",)),
}


@pytest.fixture(scope="module")
def remote_context_server() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server that records every request: kb must never make one."""
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            requests.append(self.path)
            body = json.dumps({"@context": {"@vocab": "https://w3id.org/kb/ontology#"}}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/ld+json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/context.jsonld", requests
    server.shutdown()


@pytest.mark.parametrize("command", ["validate", "add"])
@pytest.mark.parametrize("case", sorted(FILE_CASES))
def test_bad_file_is_refused_and_the_store_unchanged(
    store_path: Path, tmp_path: Path, case: str, command: str
) -> None:
    make, fragments = FILE_CASES[case]
    path = make(tmp_path)
    before = BUILT[store_path]
    assert_refused(run(store_path, command, str(path)), *fragments, where=(str(tmp_path),))
    assert store_hash(store_path) == before


@pytest.mark.parametrize("command", ["validate", "add"])
@pytest.mark.parametrize("style", ["string", "list", "import"])
def test_json_ld_with_a_remote_context_is_refused_unfetched(
    store_path: Path,
    tmp_path: Path,
    remote_context_server: tuple[str, list[str]],
    command: str,
    style: str,
) -> None:
    url, requests = remote_context_server
    context: object = {
        "string": url,
        "list": [url, {"kb": "https://w3id.org/kb/ontology#"}],
        "import": {"@import": url},
    }[style]
    path = tmp_path / "remote.jsonld"
    path.write_text(
        json.dumps({"@context": context, "@id": "https://w3id.org/kb/source/x", "mention": "x"}),
        encoding="utf-8",
    )
    before = BUILT[store_path]
    assert_refused(run(store_path, command, str(path)), "remote @context", "never fetches")
    assert requests == []
    assert store_hash(store_path) == before


INJECTIONS = [
    ("who-affirmed-territorial-integrity", "country=ent:x> } ; DROP ALL ; #", "Invalid IRI"),
    ("who-affirmed-territorial-integrity", "country=<https://x> } ; DROP ALL ; #", "Invalid IRI"),
    (
        "who-affirmed-territorial-integrity",
        'country=ent:x"} INSERT DATA { <a> <b> <c> } #',
        "Invalid IRI",
    ),
    ("statements-by-person", "person=ent:x>}};CLEAR DEFAULT;#", "Invalid IRI"),
    ("who-affirmed-territorial-integrity", "country=DROP ALL", "CURIE"),
]


@pytest.mark.parametrize(
    ("name", "param", "reason"), INJECTIONS, ids=[f"{q}:{p}" for q, p, _ in INJECTIONS]
)
def test_a_parameter_cannot_inject_sparql(
    store_path: Path, name: str, param: str, reason: str
) -> None:
    before = BUILT[store_path]
    assert_refused(run(store_path, "query", name, "--param", param), reason)
    assert store_hash(store_path) == before


def test_a_string_parameter_is_bound_as_one_literal(store_path: Path, tmp_path: Path) -> None:
    """Quotes and braces in a string value stay inside the literal: the query just finds nothing."""
    query = tmp_path / "by-label.rq"
    query.write_text(
        "# title: people by label\n# param: name string | an English label\n"
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "SELECT ?person WHERE { ?person rdfs:label ?label . FILTER (STR(?label) = ?name) }\n",
        encoding="utf-8",
    )
    before = BUILT[store_path]
    result = run(
        store_path, "query", str(query), "--param", 'name=x" ) } ; DROP ALL ; #', "--format", "csv"
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "person"
    assert store_hash(store_path) == before


QUERIES = {
    "service": (
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "SERVICE is not allowed",
    ),
    "nested-service": (
        "SELECT * WHERE { ?s ?p ?o . OPTIONAL { SERVICE SILENT <http://127.0.0.1:9/> { ?s ?q ?r } } }",
        "SERVICE is not allowed",
    ),
    "service-in-subquery": (
        "SELECT * WHERE { { SELECT ?s WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } } } }",
        "SERVICE is not allowed",
    ),
    "drop-all": ("DROP ALL", "update"),
    "insert-data": ("INSERT DATA { <https://x/a> <https://x/b> <https://x/c> }", "update"),
    "delete-where": ("DELETE WHERE { ?s ?p ?o }", "update"),
    "not-sparql": ("SELECT WHERE {", "syntax error"),
}


@pytest.mark.parametrize("case", sorted(QUERIES))
def test_an_unsafe_or_wrong_query_is_refused(store_path: Path, tmp_path: Path, case: str) -> None:
    text, reason = QUERIES[case]
    path = tmp_path / f"{case}.rq"
    path.write_text(f"# title: {case}\n{text}\n", encoding="utf-8")
    before = BUILT[store_path]
    result = run(store_path, "query", str(path))
    assert result.exit_code == 2, result.output
    assert_refused(result, reason)
    assert store_hash(store_path) == before


def test_a_syntax_error_is_placed_in_the_file_as_written(store_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "typo.rq"
    path.write_text("# title: a typo\nSELECT ?s\nWHERE {\n  ?s ?p ?o .\n  FILTER (?o = )\n}\n")
    assert_refused(
        run(store_path, "query", str(path)),
        "SPARQL syntax error at line 5, column 3",
        '(near "FILTER (?o = )")',
    )


def test_no_such_file(store_path: Path, tmp_path: Path) -> None:
    assert_refused(run(store_path, "add", str(tmp_path / "missing.ttl")), "no such file")


@pytest.mark.parametrize(
    "command",
    [
        ["add", str(UKRAINIAN)],
        ["retract", "src:0000000000000000", "--reason", "a test"],
        ["meetings", "reconcile"],
        ["entities", "accept", "ent:nobody"],
    ],
)
@pytest.mark.parametrize("location", ["missing", "empty"])
def test_a_writer_refuses_a_location_with_no_kb_and_creates_none(
    tmp_path: Path, command: list[str], location: str
) -> None:
    """A misspelt --store is refused as a reader refuses it, not made a new, empty store."""
    store = tmp_path / "kb-dta"
    if location == "empty":
        store.mkdir()
    assert_refused(run(store, *command), "no KB at", "kb init", code=3)
    assert not store.exists() or not any(store.iterdir())


# -- any bytes in, a clear refusal or a submission out ------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from kb.errors import InputError  # noqa: E402
from kb.submission import read_file  # noqa: E402

SUFFIXES = [".ttl", ".trig", ".nt", ".nq", ".jsonld", ".yaml"]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.one_of(
        st.binary(max_size=300),
        st.text(max_size=300).map(lambda t: t.encode("utf-8")),
        st.sampled_from(
            [PREFIXES, "source:\n  file: x.txt\n", '{"@context": {}}', "<a> <b> <c> ."]
        ).flatmap(
            lambda head: st.text(max_size=120).map(lambda tail: (head + tail).encode("utf-8"))
        ),
    ),
    suffix=st.sampled_from(SUFFIXES),
)
def test_any_bytes_give_a_submission_or_an_input_error(
    tmp_path: Path, data: bytes, suffix: str
) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    try:
        read_file(path, kbase.model_registry())
    except InputError as error:
        assert "\n" not in str(error)
