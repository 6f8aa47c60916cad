"""kb add: all or nothing, idempotent, recorded; kb validate: reports and exit codes."""

from __future__ import annotations

import gc
import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
import yaml
from click.testing import CliRunner, Result

from kb import kbase
from kb.cli import main
from kb.errors import ValidationFailed
from kb.namespaces import CLAIM, GRAPH, KB, sparql_prologue
from kb.resources import SEEDS_DIR
from kb.store import Store
from kb.store.embedded import EmbeddedStore
from kb.submission import read_submission
from kb.validation import context_for

from .conftest import store_hash

SEED = SEEDS_DIR / "001_35c6b722bd335644.claims.yaml"
SEED_SOURCE = "f0dfe1a430830148"
SPEAKERS = [
    "ebrahim-raisi",
    "hossein-amir-abdollahian",
    "ali-akbar-ahmadian",
    "khalaf-khalafov",
    "mohammad-bagheri",
]
POSITIONS = [
    "regional-cooperation",
    "regional-solutions",
    "extra-regional-forces",
    "geopolitical-changes",
    "bilateral-relations",
]


def synthetic_form(directory: Path, n: int, bad: int | None = None, tag: str = "") -> Path:
    """A claim form of ``n`` statements on a made-up article; statement ``bad`` names nobody."""
    directory.mkdir(parents=True, exist_ok=True)
    lines = [f"Synthetic wire {tag}, 5 October 2023."]
    statements = []
    for i in range(n):
        quote = f"Statement {i}{tag} stresses point {i * 7 % 1013} of the region"
        lines.append(quote + ".")
        statements.append(
            {
                "id": f"s{i}",
                "speaker": "nobody-at-all" if i == bad else SPEAKERS[i % 5],
                "position": POSITIONS[(i // 5) % 5],
                "stance": "affirms",
                "quote": quote,
                "speech": "reported",
            }
        )
    (directory / "article.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    form = {
        "source": {
            "file": "article.txt",
            "publisher": "irna",
            "language": "en",
            "title": f"Synthetic wire {tag}",
            "published": {"printed": "5 October 2023", "date": "2023-10-05"},
        },
        "statements": statements,
    }
    path = directory / "form.claims.yaml"
    path.write_text(yaml.safe_dump(form, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("add") / "store"
    store = EmbeddedStore(path)
    kbase.build(store)
    store.close()
    return path


@pytest.fixture
def store_path(built: Path, tmp_path: Path) -> Path:
    """A copy of the built KB that this test may change."""
    path = tmp_path / "store"
    shutil.copytree(built, path)
    return path


def run(store: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--store", str(store), *args], catch_exceptions=False)


def open_store(path: Path) -> EmbeddedStore:
    gc.collect()
    return EmbeddedStore(path)


def records(store: Store) -> list[ox.NamedNode]:
    return sorted(
        (g for g in store.graph_names() if g.value.startswith(GRAPH["submission/"].value)), key=str
    )


# -- idempotent and recorded ----------------------------------------------------------------


def test_adding_the_same_claims_twice_changes_nothing(store_path: Path, tmp_path: Path) -> None:
    form = synthetic_form(tmp_path / "wire", 5)
    before = store_hash(store_path)
    first = run(store_path, "add", str(form), "--agent", "curator@example.org")
    assert first.exit_code == 0, first.output
    assert "added 5 claim(s)" in first.stderr
    after = store_hash(store_path)
    assert after != before
    second = run(store_path, "add", str(form), "--agent", "someone-else")
    assert second.exit_code == 0, second.output
    assert "nothing to add" in second.stderr
    assert store_hash(store_path) == after  # the PROV record included


def test_the_same_claims_in_another_syntax_change_nothing(store_path: Path, tmp_path: Path) -> None:
    """The seed source exported as TriG, Turtle, N-Quads and JSON-LD: each is what the KB holds."""
    store = open_store(store_path)
    graph = kbase.GRAPH["source/" + SEED_SOURCE]
    triples = store.construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}")
    store.close()
    before = store_hash(store_path)
    for suffix, fmt in ((".trig", ox.RdfFormat.TRIG), (".nq", ox.RdfFormat.N_QUADS)):
        path = tmp_path / f"seed{suffix}"
        path.write_bytes(
            ox.serialize(
                [ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples], format=fmt
            )
        )
        result = run(store_path, "add", str(path))
        assert result.exit_code == 0, result.output
        assert "nothing to add" in result.stderr
    for suffix, fmt in ((".ttl", ox.RdfFormat.TURTLE), (".jsonld", ox.RdfFormat.JSON_LD)):
        path = tmp_path / f"seed{suffix}"
        path.write_bytes(ox.serialize(triples, format=fmt))
        result = run(store_path, "add", str(path))
        assert result.exit_code == 0, result.output
        assert "nothing to add" in result.stderr
    assert store_hash(store_path) == before


BLANK_EVIDENCE = """\
@prefix kb: <https://w3id.org/kb/ontology#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix src: <https://w3id.org/kb/source/> .
@prefix ent: <https://w3id.org/kb/entity/> .
@prefix pos: <https://w3id.org/kb/position/> .
@prefix stance: <https://w3id.org/kb/stance/> .

<https://w3id.org/kb/claim/f0dfe1a430830148/extra> a kb:Statement ;
    kb:source src:f0dfe1a430830148 ; kb:origin kb:Extracted ; kb:extractorVersion "0.3.1" ;
    kb:confidence 0.8 ;
    kb:speaker ent:ebrahim-raisi ; kb:position pos:bilateral-relations ; kb:stance stance:supports ;
    kb:evidence [ a oa:SpecificResource ; oa:hasSource src:f0dfe1a430830148 ;
        oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact "Khalaf Khalafov"@en ] ,
                       [ a oa:TextPositionSelector ; oa:start 0 ; oa:end 15 ] ] .
"""


def test_blank_nodes_get_stable_iris_nested_in_their_claim(
    store_path: Path, tmp_path: Path
) -> None:
    path = tmp_path / "extra.ttl"
    path.write_text(BLANK_EVIDENCE, encoding="utf-8")
    result = run(store_path, "add", str(path))
    assert result.exit_code == 0, result.output
    after = store_hash(store_path)
    # the same triples with other blank node labels, in another syntax
    again = tmp_path / "extra.nt"
    again.write_bytes(
        ox.serialize(
            ox.parse(path=str(path), format=ox.RdfFormat.TURTLE), format=ox.RdfFormat.N_TRIPLES
        )
    )
    result = run(store_path, "add", str(again))
    assert "nothing to add" in result.stderr, result.output
    assert store_hash(store_path) == after
    store = open_store(store_path)
    claim = CLAIM[f"{SEED_SOURCE}/extra"]
    nested = store.select(f"SELECT ?n WHERE {{ {claim} <{KB.evidence.value}> ?n }}").rows
    assert nested[0]["n"].value.startswith(claim.value + "/genid-")  # type: ignore[attr-defined]
    assert not any(
        isinstance(t, ox.BlankNode) for q in store.quads() for t in (q.subject, q.object)
    )
    # (the model graphs too: kb build skolemizes them, so that building twice is a no-op)
    store.close()


def test_each_submission_is_recorded_with_prov(store_path: Path, tmp_path: Path) -> None:
    form = synthetic_form(tmp_path / "wire", 3)
    extra = tmp_path / "extra.ttl"
    extra.write_text(BLANK_EVIDENCE, encoding="utf-8")
    result = run(store_path, "add", str(form), str(extra), "--agent", "curator@example.org")
    assert result.exit_code == 0, result.output
    store = open_store(store_path)
    (record,) = records(store)
    rows = store.select(
        sparql_prologue()
        + f"""
        SELECT ?agent ?label ?when ?file ?sha ?extractor WHERE {{ GRAPH {record} {{
            ?activity a prov:Activity ; prov:endedAtTime ?when ; prov:wasAssociatedWith ?agent .
            ?agent a prov:Agent ; rdfs:label ?label .
            ?activity prov:used ?used . ?used rdfs:label ?file ; kb:sha256 ?sha .
            OPTIONAL {{ ?activity prov:wasAssociatedWith ?extractor .
                       ?extractor a prov:SoftwareAgent }}
        }} }}"""
    ).rows
    assert {r["label"].value for r in rows} == {"curator@example.org"}  # type: ignore[attr-defined]
    assert {r["file"].value for r in rows} == {str(form.resolve()), str(extra.resolve())}  # type: ignore[attr-defined]
    assert {r["extractor"].value.rsplit("/", 1)[-1] for r in rows} == {"0.3.1"}  # type: ignore[attr-defined]
    assert all(r["when"].datatype.value.endswith("#dateTime") for r in rows)  # type: ignore[attr-defined]
    generated = store.select(
        sparql_prologue()
        + f"""
        SELECT ?thing WHERE {{ GRAPH {record} {{ ?thing prov:wasGeneratedBy ?activity }} }}"""
    ).column("thing")
    assert CLAIM[f"{SEED_SOURCE}/extra"] in generated
    assert sum(1 for g in generated if "/claim/" in g.value) == 4  # type: ignore[attr-defined]
    store.close()


# -- all or nothing ----------------------------------------------------------------------------


def test_one_bad_claim_in_a_thousand_stores_nothing(store_path: Path, tmp_path: Path) -> None:
    form = synthetic_form(tmp_path / "wire", 1000, bad=537)
    before = store_hash(store_path)
    result = run(store_path, "add", str(form), "--format", "json")
    assert result.exit_code == 1, result.stderr[-2000:]
    report = json.loads(result.stdout)
    assert {v["claim"].rsplit("/", 1)[-1] for v in report["violations"]} == {"s537>"}
    assert "nothing was written" in result.stderr
    assert store_hash(store_path) == before


def test_a_copy_of_a_stored_claim_under_another_iri_is_refused(
    store_path: Path, tmp_path: Path
) -> None:
    store = open_store(store_path)
    original = CLAIM[f"{SEED_SOURCE}/s9"]
    source = GRAPH[f"source/{SEED_SOURCE}"]  # the claim as given, without the view kb derives
    triples = store.construct(
        f"CONSTRUCT {{ {original} ?p ?o }} WHERE {{ GRAPH {source} {{ {original} ?p ?o }} }}"
    )
    store.close()
    copy = tmp_path / "copy.ttl"
    copy.write_bytes(
        ox.serialize(
            [ox.Triple(CLAIM[f"{SEED_SOURCE}/s9-copy"], t.predicate, t.object) for t in triples],
            format=ox.RdfFormat.TURTLE,
        )
    )
    before = store_hash(store_path)
    result = run(store_path, "add", str(copy))
    assert result.exit_code == 1
    assert f"claim <{CLAIM[SEED_SOURCE + '/s9-copy'].value}>" in result.stderr
    assert "The same statement is already in the KB" in result.stderr
    assert store_hash(store_path) == before


def test_replacing_a_source_does_not_lean_on_its_old_claims(
    store_path: Path, tmp_path: Path
) -> None:
    """The source given again without meeting m1: statements stated at m1 now point nowhere.

    The stored graph still holds m1 until the new one replaces it, so the context must leave
    that graph out, or the check would pass and the write leave dangling kb:statedAt links.
    """
    store = open_store(store_path)
    graph = kbase.GRAPH["source/" + SEED_SOURCE]
    m1 = CLAIM[f"{SEED_SOURCE}/m1"].value
    triples = [
        t
        for t in store.construct(
            f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}"
        )
        if not (t.subject.value == m1 or t.subject.value.startswith(m1 + "/"))  # type: ignore[union-attr]
    ]
    store.close()
    path = tmp_path / "without-m1.trig"
    path.write_bytes(
        ox.serialize(
            [ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples],
            format=ox.RdfFormat.TRIG,
        )
    )
    result = run(store_path, "validate", str(path))
    assert result.exit_code == 1, result.output
    assert "kb:statedAt points to one meeting account" in result.stdout


def test_renaming_claims_of_a_stored_source_is_not_a_duplicate(
    store_path: Path, tmp_path: Path
) -> None:
    """The form given again with its ids changed replaces the old claims: no duplicates."""
    form = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    for item in form["meetings"] + form["statements"]:
        item["id"] = "renamed-" + item["id"]
    for statement in form["statements"]:
        if statement.get("at"):
            statement["at"] = "renamed-" + statement["at"]
    path = tmp_path / SEED.name
    shutil.copy(SEED.with_name(form["source"]["file"]), tmp_path)
    path.write_text(yaml.safe_dump(form, allow_unicode=True), encoding="utf-8")
    result = run(store_path, "add", str(path))
    assert result.exit_code == 0, result.output
    store = open_store(store_path)
    assert not store.ask(f"ASK {{ {CLAIM[SEED_SOURCE + '/s1']} ?p ?o }}")
    assert store.ask(f"ASK {{ {CLAIM[SEED_SOURCE + '/renamed-s1']} ?p ?o }}")
    store.close()


def test_one_bad_file_among_several_stores_nothing(store_path: Path, tmp_path: Path) -> None:
    good = synthetic_form(tmp_path / "good", 5, tag="good")
    bad = synthetic_form(tmp_path / "bad", 5, bad=2, tag="bad")
    before = store_hash(store_path)
    result = run(store_path, "add", str(good), str(bad))
    assert result.exit_code == 1
    assert store_hash(store_path) == before


# -- validate: reports and exit codes ------------------------------------------------------


def _broken_seed(tmp_path: Path) -> Path:
    form = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    form["statements"][0]["speaker"] = "nobody-at-all"
    form["meetings"][0]["participants"][1]["person"] = "hassan-rouhani"
    path = tmp_path / SEED.name
    shutil.copy(SEED.with_name(form["source"]["file"]), tmp_path)
    path.write_text(yaml.safe_dump(form, allow_unicode=True), encoding="utf-8")
    return path


def test_validate_exit_codes(store_path: Path, tmp_path: Path) -> None:
    assert run(store_path, "validate", str(SEED)).exit_code == 0
    assert run(store_path, "validate", str(_broken_seed(tmp_path))).exit_code == 1
    (tmp_path / "bad.ttl").write_text("not turtle", encoding="utf-8")
    assert run(store_path, "validate", str(tmp_path / "bad.ttl")).exit_code == 2
    assert run(store_path, "validate", "--all").exit_code == 0


def test_the_text_report_names_claim_node_path_value_and_fix(
    store_path: Path, tmp_path: Path
) -> None:
    result = run(store_path, "validate", str(_broken_seed(tmp_path)))
    lines = result.stdout.splitlines()
    assert lines[0] == "2 violation(s):"
    speaker = next(line for line in lines if "kb:speaker" in line)
    assert f"claim <{CLAIM[SEED_SOURCE + '/s1'].value}>" in speaker
    assert "value <https://w3id.org/kb/entity/nobody-at-all>" in speaker
    assert "of the registry" in speaker
    office = next(line for line in lines if "did not hold this office" in line)
    assert f"claim <{CLAIM[SEED_SOURCE + '/m1'].value}>" in office
    assert f"node <{CLAIM[SEED_SOURCE + '/m1/p2'].value}>" in office
    assert "path kb:inOffice" in office
    assert "value <https://w3id.org/kb/office/iran-president>" in office


def test_the_json_and_turtle_reports(store_path: Path, tmp_path: Path) -> None:
    broken = _broken_seed(tmp_path)
    report = json.loads(run(store_path, "validate", str(broken), "--format", "json").stdout)
    assert report["conforms"] is False
    assert {v["claim"] for v in report["violations"]} == {
        f"<{CLAIM[SEED_SOURCE + '/s1'].value}>",
        f"<{CLAIM[SEED_SOURCE + '/m1'].value}>",
    }
    assert all(v["message"] and v["path"] and v["value"] for v in report["violations"])
    graph = rdflib.Graph().parse(
        data=run(store_path, "validate", str(broken), "--format", "turtle").stdout, format="turtle"
    )
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    (report_node,) = graph.subjects(rdflib.RDF.type, sh.ValidationReport)
    assert graph.value(report_node, sh.conforms) == rdflib.Literal(False)
    results = list(graph.objects(report_node, sh.result))
    assert len(results) == 2
    for result in results:
        for predicate in (
            sh.focusNode,
            sh.resultPath,
            sh.value,
            sh.resultMessage,
            sh.sourceShape,
            sh.resultSeverity,
        ):
            assert graph.value(result, predicate) is not None, predicate


def test_checking_a_claim_reads_only_its_context(store_path: Path, tmp_path: Path) -> None:
    """The context of one claim is the same before and after the KB grows by 300 claims."""
    extra = tmp_path / "extra.ttl"
    extra.write_text(BLANK_EVIDENCE, encoding="utf-8")
    store = open_store(store_path)
    submission = read_submission([extra], kbase.Registry(store))
    before = sorted(map(str, context_for(store, submission.triples())))
    kbase.add(store, [synthetic_form(tmp_path / "wire", 300)])
    after = sorted(map(str, context_for(store, submission.triples())))
    store.close()
    assert len(before) > 100  # the source's text, the speaker, the concepts, ...
    assert after == before


# -- the claim form template ----------------------------------------------------------------


def test_a_filled_in_claim_template_is_added(store_path: Path, tmp_path: Path) -> None:
    article = tmp_path / "wire.txt"
    article.write_text(
        "Tehran, 4 October 2023. Khalaf Khalafov met Ibrahim Raisi in Tehran today.\n"
        "Raisi said regional cooperation is the key to stability.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["claim-template", str(article)])
    assert result.exit_code == 0
    assert result.stdout.count("#") > 30  # commented for a person who does not write RDF
    form = yaml.safe_load(result.stdout)
    assert form["source"]["file"] == "wire.txt"
    form["source"]["published"] = {"printed": "4 October 2023", "date": "2023-10-04"}
    meeting = form["meetings"][0]
    meeting["participants"][1]["mention"] = "Ibrahim Raisi"
    meeting["evidence"] = "Khalaf Khalafov met Ibrahim Raisi in Tehran today"
    meeting["date"] = "2023-10-04"
    del meeting["according_to"], meeting["attribution"]
    form["statements"][0]["quote"] = "regional cooperation is the key to stability"
    path = tmp_path / "wire.claims.yaml"
    path.write_text(yaml.safe_dump(form, allow_unicode=True), encoding="utf-8")
    added = run(store_path, "add", str(path))
    assert added.exit_code == 0, added.output
    assert "added 2 claim(s)" in added.stderr
    store = open_store(store_path)
    assert store.ask(
        sparql_prologue()
        + """ASK { ?s a kb:Statement ; kb:speaker ent:ebrahim-raisi ;
                      kb:position pos:regional-cooperation ;
                      kb:evidence/oa:hasSelector/oa:exact ?q .
                   FILTER (STR(?q) = 'regional cooperation is the key to stability') }"""
    )
    store.close()


def test_the_bare_template_is_refused_until_filled_in(store_path: Path, tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text("An article.\n", encoding="utf-8")
    template = CliRunner().invoke(main, ["claim-template"]).stdout
    (tmp_path / "article.claims.yaml").write_text(template, encoding="utf-8")
    result = run(store_path, "add", str(tmp_path / "article.claims.yaml"))
    assert result.exit_code == 2
    assert "not found verbatim in the article" in result.stderr


def test_add_refuses_unvalidated_library_use(store_path: Path, tmp_path: Path) -> None:
    store = open_store(store_path)
    with pytest.raises(ValidationFailed):
        kbase.add(store, [synthetic_form(tmp_path / "wire", 3, bad=1)])
    store.close()


def test_new_commands_have_help_with_an_example() -> None:
    for name in ("retract", "claim-template", "add", "validate"):
        command = main.commands[name]
        assert command.help and "Example:" in command.help, name
