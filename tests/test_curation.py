"""Researchers' corrections: the curation file is checked, applied at every build, recorded
in the graph with who, when and why, and re-applied from the cache when it changes.

Every name here is fictional (tests/fictional.py).
"""

from __future__ import annotations

import dataclasses
import os
import re
import stat
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.curation import CurationError, load_curation, parse_curation
from kg.curation_apply import curate_document
from kg.errors import KgError
from kg.pipeline import BuildReport, build
from kg.remote import Endpoint, RemoteStore
from kg.settings import Settings
from kg.store import KgStore
from tests.fake_sparql import fake_sparql_server
from tests.fictional import write_corpus

RES = "https://w3id.org/legal-events-kg/id/"
LEK = "https://w3id.org/legal-events-kg/ontology#"
CURATION = f"<{RES}graph/curation>"
ENTITIES = f"<{RES}graph/entities>"
PREFIXES = f"""PREFIX lek: <{LEK}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""

# -- the file ---------------------------------------------------------------------------


def test_the_demo_template_holds_no_correction() -> None:
    demo = Path(__file__).resolve().parent.parent / "data" / "curation.toml"
    assert load_curation(demo).entries == ()


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("[[entry]\naction = 'merge'", "invalid TOML"),
        ("[[entry]]\naction = 'delete'\nwhy = 'x'", "is not one of"),
        ("[[entry]]\naction = 'rename'\nnode = 'res:person/a'\nlabel = 'A'", "'why' is required"),
        ("[[entry]]\naction = 'merge'\nkeep = 'res:person/a'\nabsorbs = 'res:person/b'", "needs"),
        ("[[entry]]\naction = 'rename'\nnode = 'Chan Dara'\nlabel = 'C'\nwhy = 'x'", "not an IRI"),
        (
            "[[entry]]\naction = 'retype'\nnode = 'res:event/1'\ntype = 'Conviction'\nwhy = 'x'",
            "needs 'from'",
        ),
        (
            "[[entry]]\naction = 'add'\nevent = 'Arrest'\nsubject = 'res:person/a'\n"
            "source = 'https://example.org/a'\nwhy = 'x'",
            "needs 'quote'",
        ),
        (
            "[[entry]]\naction = 'add'\nsubject = 'res:event/1'\npredicate = 'rdf:type'\n"
            "object = 'lek:Conviction'\nsource = 'a.txt'\nquote = 'q'\nwhy = 'x'",
            "use retype",
        ),
        (
            "[[entry]]\naction = 'reject'\nsubject = 'res:event/1'\npredicate = 'lek:status'\n"
            "value = 'disputed'\nwhy = 'x'",
            "status is what its source says",
        ),
        ("[[entry]]\naction = 'merge'\nkeep = 'res:a'\nabsorb = 'res:a'\nwhy = 'x'", "itself"),
    ],
)
def test_a_malformed_file_is_one_line_naming_the_entry(text: str, reason: str) -> None:
    with pytest.raises(CurationError) as error:
        parse_curation(text, Path("curation.toml"))
    message = str(error.value)
    assert reason in message and message.startswith("curation.toml: ")
    assert "\n" not in message


def test_entries_read_with_prefixed_iris_and_a_default_curator(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("KG_CURATOR", "Nora Placeholder")
    curation = parse_curation(
        "[[entry]]\naction = 'merge'\nkeep = 'res:person/chan-dara'\n"
        f"absorb = '<{RES}person/chan-darra>'\nwhy = 'a typo'\n",
        Path("c.toml"),
    )
    (entry,) = curation.entries
    assert entry.nodes == (f"{RES}person/chan-dara", f"{RES}person/chan-darra")
    assert entry.who == "Nora Placeholder"
    assert entry.summary == "#1 merge res:person/chan-dara res:person/chan-darra"


# -- one document's graph ---------------------------------------------------------------

GRAPH = ox.NamedNode(f"{RES}graph/d1")


def _term(text: str) -> ox.NamedNode | ox.Literal:
    if text.startswith('"'):
        return ox.Literal(text.strip('"'))
    for prefix, base in (("res:", RES), ("lek:", LEK)):
        if text.startswith(prefix):
            return ox.NamedNode(base + text[len(prefix) :])
    return ox.NamedNode(text)


def _quads(lines: str) -> list[ox.Quad]:
    quads = []
    for line in lines.strip().splitlines():
        subject, predicate, obj = line.split(maxsplit=2)
        node = _term(subject)
        assert isinstance(node, ox.NamedNode)
        quads.append(ox.Quad(node, ox.NamedNode(str(_term(predicate).value)), _term(obj), GRAPH))
    return quads


TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
DOCUMENT = _quads(f"""
res:doc/d1 lek:sourcePath "news/a.txt"
res:doc/d1 http://purl.org/dc/terms/identifier "a.txt"
res:person/chan-dara {TYPE} lek:Person
res:person/chan-dara lek:name "Chan Dara"
res:person/chan-darra {TYPE} lek:Person
res:person/chan-darra lek:name "Chan Darra"
res:person/chan-darra lek:name "Dara"
res:event/e1 {TYPE} lek:Arrest
res:event/e1 lek:subject res:person/chan-darra
res:event/e1 lek:report res:report/r1
res:report/r1 lek:evidence "Police arrested Chan Darra."
res:membership/m1 {TYPE} lek:Membership
res:membership/m1 lek:member res:person/chan-dara
res:membership/m1 lek:organization res:politicalparty/pip
res:person/chan-dara lek:memberOf res:politicalparty/pip
res:politicalparty/pip {TYPE} lek:PoliticalParty
res:politicalparty/pip lek:name "Party of Imaginary Progress"
""")


def _curate(entries: str) -> set[str]:
    curation = parse_curation(entries, Path("c.toml"))
    return {
        " ".join(str(t) for t in (q.subject, q.predicate, q.object))
        for q in curate_document(curation, DOCUMENT)
    }


def _has(quads: set[str], subject: str, predicate: str, obj: str) -> bool:
    return " ".join(str(_term(t)) for t in (subject, predicate, obj)) in quads


def test_a_merge_moves_every_statement_and_keeps_the_label_apart() -> None:
    quads = _curate(
        "[[entry]]\naction='merge'\nkeep='res:person/chan-dara'\n"
        "absorb='res:person/chan-darra'\nwhy='typo'"
    )
    assert not any("chan-darra" in quad for quad in quads)
    assert _has(quads, "res:event/e1", "lek:subject", "res:person/chan-dara")
    skos = "http://www.w3.org/2004/02/skos/core#altLabel"
    assert _has(quads, "res:person/chan-dara", skos, '"Chan Darra"')
    assert not _has(quads, "res:person/chan-dara", "lek:name", '"Chan Darra"')
    assert sum(TYPE in quad and "person/chan-dara>" in quad.split()[0] for quad in quads) == 1
    assert any("curatedBy" in quad and "person/chan-dara" in quad for quad in quads)


def test_rejecting_an_event_drops_its_reports_and_a_membership_its_shortcut() -> None:
    quads = _curate(
        "[[entry]]\naction='reject'\nnode='res:event/e1'\nwhy='not an arrest'\n"
        "[[entry]]\naction='reject'\nnode='res:membership/m1'\nwhy='wrong party'"
    )
    assert not any("event/e1" in quad or "report/r1" in quad for quad in quads)
    assert not any("memberOf" in quad or "membership/m1" in quad for quad in quads)
    assert any("doc/d1> <" + LEK + "curatedBy>" in quad for quad in quads)


def test_a_retype_of_an_event_applies_only_from_the_class_it_names() -> None:
    entry = "[[entry]]\naction='retype'\nnode='res:event/e1'\ntype='Detention'\nwhy='held'\n"
    assert _has(_curate(entry + "from='Arrest'"), "res:event/e1", TYPE, "lek:Detention")
    unchanged = _curate(entry + "from='Charge'")
    assert _has(unchanged, "res:event/e1", TYPE, "lek:Arrest")
    assert not any("curatedBy" in quad for quad in unchanged)


def test_a_split_by_name_moves_only_that_name() -> None:
    quads = _curate(
        "[[entry]]\naction='split'\nnode='res:person/chan-darra'\nlabel='Dara (journalist)'\n"
        "names=['dara']\nwhy='another person'"
    )
    new = "res:person/dara-journalist"
    assert _has(quads, new, "lek:name", '"Dara"') and _has(quads, new, TYPE, "lek:Person")
    assert _has(quads, "res:event/e1", "lek:subject", "res:person/chan-darra")


def test_a_split_by_document_moves_every_statement_of_that_document() -> None:
    entry = "[[entry]]\naction='split'\nnode='res:person/chan-darra'\nlabel='C. Darra'\nwhy='x'\n"
    quads = _curate(entry + "documents=['a.txt']")
    assert _has(quads, "res:event/e1", "lek:subject", "res:person/c-darra")
    assert _has(
        _curate(entry + "documents=['b.txt']"),
        "res:event/e1",
        "lek:subject",
        "res:person/chan-darra",
    )


# -- builds -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("curation") / "docs"
    write_corpus(folder, 2, size=4)
    return folder


def _build(corpus: Path, store: Path, curation: str | None) -> BuildReport:
    path = None
    if curation is not None:
        path = store.parent / "curation.toml"
        path.write_text(curation, encoding="utf-8")
    return build([corpus], store, Settings(n_process=1, curation_file=path))


def _rows(store: Path, sparql: str) -> list[dict[str, str]]:
    kg = KgStore(store, read_only=True)
    try:
        full = re.sub(r"res:([\w/-]+)", lambda found: f"<{RES}{found.group(1)}>", sparql)
        result = kg.query(PREFIXES + full)
        assert isinstance(result, ox.QuerySolutions)
        names = [v.value for v in result.variables]
        return [{n: row[n].value for n in names if row[n] is not None} for row in result]
    finally:
        kg.close()


def _dump(store: Path) -> bytes:
    kg = KgStore(store, read_only=True)
    try:
        data = kg.oxigraph.dump(format=ox.RdfFormat.N_QUADS)
        assert data is not None
        return b"\n".join(sorted(data.splitlines()))
    finally:
        kg.close()


MERGE = """
[[entry]]
action = "merge"
keep = "res:person/chan-dara"
absorb = "res:person/ivan-fictivov"
why = "One person under two names (a test of merging)."
who = "Nora Placeholder"
when = 2024-05-01T10:00:00Z
"""
RENAME = """
[[entry]]
action = "rename"
node = "res:court/provincial-court-of-nowhere"
label = "Nowhere Provincial Court"
why = "The court's own name."
"""
RETYPE = """
[[entry]]
action = "retype"
node = "res:civilsocietyorganization/league-of-invented-democrats"
type = "PoliticalParty"
why = "It stands in elections."
"""
ADD = """
[[entry]]
action = "add"
event = "Release"
subject = "res:person/pich-nary"
date = "2021-07-01"
source = "https://example.org/pich-nary-released"
quote = "Pich Nary was released on 1 July 2021."
why = "The corpus misses her release."
"""
STALE = """
[[entry]]
action = "merge"
keep = "res:person/nobody-at-all"
absorb = "res:person/no-one-either"
why = "A correction about nodes the corpus does not have."
"""


def test_each_action_changes_the_graph_and_the_curation_graph_records_it(
    corpus: Path, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    report = _build(corpus, store, MERGE + RENAME + RETYPE + ADD)
    assert report.ok and not report.stale
    outside = f"FILTER(?g != {CURATION})"  # where the merge entry names it
    assert not _rows(
        store, f"SELECT * {{ GRAPH ?g {{ ?s ?p res:person/ivan-fictivov }} {outside} }}"
    )
    assert not _rows(store, "SELECT * WHERE { res:person/ivan-fictivov ?p ?o }")
    labels = _rows(
        store,
        f"""SELECT ?node ?label ?alt WHERE {{ GRAPH {ENTITIES} {{ ?node rdfs:label ?label
              OPTIONAL {{ ?node skos:altLabel ?alt }} }}
              VALUES ?node {{ res:person/chan-dara res:court/provincial-court-of-nowhere }} }}""",
    )
    found = {(row["node"].rsplit("/", 1)[1], row["label"], row.get("alt")) for row in labels}
    assert ("chan-dara", "Chan Dara", None) in found
    assert (
        "provincial-court-of-nowhere",
        "Nowhere Provincial Court",
        "Provincial Court of Nowhere",
    ) in found
    alt = _rows(store, "SELECT ?a WHERE { res:person/chan-dara skos:altLabel ?a }")
    assert {"a": "Ivan Fictivov"} in alt
    arrested = _rows(
        store, "SELECT ?e WHERE { ?e a lek:Arrest ; lek:subject res:person/chan-dara }"
    )
    assert len(arrested) >= 2  # his own arrest and the absorbed node's
    league = "res:civilsocietyorganization/league-of-invented-democrats"
    assert _rows(store, f"SELECT DISTINCT ?t WHERE {{ {league} a ?t }}") == [
        {"t": f"{LEK}PoliticalParty"}
    ]
    added = _rows(
        store,
        f"""SELECT ?e ?source ?quote ?c WHERE {{ GRAPH {CURATION} {{ ?e a lek:Release ;
              lek:subject res:person/pich-nary ; prov:wasDerivedFrom ?source ;
              lek:evidence ?quote ; prov:wasGeneratedBy ?c . ?c a lek:Curation }} }}""",
    )
    assert [(r["source"], r["quote"]) for r in added] == [
        ("https://example.org/pich-nary-released", "Pich Nary was released on 1 July 2021.")
    ]
    record = _rows(
        store,
        f"""SELECT ?action ?who ?when ?why ?status WHERE {{ GRAPH {CURATION} {{
              ?c a lek:Curation ; lek:action ?action ; lek:entryNumber 1 ; rdfs:comment ?why ;
                 prov:wasAssociatedWith/rdfs:label ?who ; prov:endedAtTime ?when ;
                 lek:curationStatus ?status ; lek:target res:person/ivan-fictivov }} }}""",
    )
    assert record == [
        {
            "action": "merge",
            "who": "Nora Placeholder",
            "when": "2024-05-01T10:00:00Z",
            "why": "One person under two names (a test of merging).",
            "status": "applied",
        }
    ]
    validation = CliRunner().invoke(main, ["validate", "--store", str(store)])
    assert validation.exit_code == 0, validation.output


def test_curation_survives_rebuilds_and_a_new_file_applies_without_reparsing(
    corpus: Path, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    _build(corpus, store, "")
    plain = _dump(store)
    first = _build(corpus, store, MERGE)
    assert len(first.recurated) == 4 and not first.changed
    curated = _dump(store)
    assert curated != plain
    again = _build(corpus, store, MERGE)
    assert (len(again.unchanged), again.changed, again.recurated) == (4, [], [])
    assert _dump(store) == curated
    edited = _build(corpus, store, MERGE.replace("ivan-fictivov", "lim-sovann"))
    assert edited.changed == [] and len(edited.recurated) == 4
    assert _rows(store, "SELECT ?e WHERE { ?e lek:subject res:person/ivan-fictivov }")
    assert not _rows(store, "SELECT ?e WHERE { ?e lek:subject res:person/lim-sovann }")
    removed = _build(corpus, store, "")
    assert removed.changed == [] and len(removed.recurated) == 4
    assert _dump(store) == plain


def test_a_stale_entry_is_reported_and_recorded_not_an_error(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    curation = tmp_path / "curation.toml"
    curation.write_text(MERGE + STALE, encoding="utf-8")
    args = ["build", str(corpus), "--store", str(store), "--curation", str(curation)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    line = result.output.strip().splitlines()[-1]
    assert line.endswith(
        "curation: 1 stale entry: #2 merge res:person/nobody-at-all res:person/no-one-either "
        "(no such node)"
    )
    again = CliRunner().invoke(main, args)
    assert "0 changed, 4 unchanged" in again.output and "1 stale entry: #2" in again.output
    recorded = _rows(
        store,
        f"""SELECT ?n ?status WHERE {{ GRAPH {CURATION} {{ ?c lek:entryNumber ?n ;
              lek:curationStatus ?status }} }} ORDER BY ?n""",
    )
    assert [r["status"] for r in recorded] == ["applied", "stale"]


def test_a_malformed_file_leaves_the_store_as_it_was(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    _build(corpus, store, MERGE)
    before = _dump(store)
    curation = tmp_path / "curation.toml"
    curation.write_text(MERGE + "\n[[entry]]\naction = 'rename'\nnode = 'res:x'\n", "utf-8")
    args = ["build", str(corpus), "--store", str(store), "--curation", str(curation)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "entry #2" in result.output
    assert "Traceback" not in result.output
    assert _dump(store) == before
    with pytest.raises(KgError):
        build([corpus], store, Settings(curation_file=tmp_path / "missing.toml"))


def test_kg_curate_writes_entries_a_build_applies(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "store"
    _build(corpus, store, None)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "curation.toml").write_text("# Our corrections, kept by hand too.\n", "utf-8")
    monkeypatch.setenv("KG_CURATOR", "Mara Fabula")
    runner = CliRunner()
    commands = [
        ["merge", "chan dara", "Ivan Fictivov", "--why", "same person"],
        ["rename", "Olga Inventova", "Olga Inventova-Fabula", "--why", "married name"],
        [
            "add",
            "event",
            "Release",
            "--subject",
            "Pich Nary",
            "--date",
            "2021-07-01",
            "--source",
            "https://example.org/pich-nary",
            "--quote",
            "Pich Nary was freed.",
            "--why",
            "missing",
        ],
    ]
    for command in commands:
        result = runner.invoke(main, ["curate", *command, "--store", str(store)])
        assert result.exit_code == 0, result.output
    text = (tmp_path / "curation.toml").read_text("utf-8")
    assert text.startswith("# Our corrections, kept by hand too.\n")
    assert 'keep = "res:person/chan-dara"' in text and 'who = "Mara Fabula"' in text
    refused = runner.invoke(
        main,
        [
            "curate",
            "add",
            "event",
            "Arrest",
            "--subject",
            "Pich Nary",
            "--why",
            "x",
            "--source",
            "a.txt",
            "--store",
            str(store),
        ],
    )
    assert refused.exit_code == 2 and "--quote" in refused.output
    unknown = runner.invoke(
        main, ["curate", "merge", "Nobody", "Chan Dara", "--why", "x", "--store", str(store)]
    )
    assert unknown.exit_code == 1 and "no node is named 'Nobody'" in unknown.output
    listed = runner.invoke(main, ["curate", "list", "--store", str(store)])
    assert listed.output.count(": not built yet") == 3
    built = runner.invoke(main, ["build", str(corpus), "--store", str(store)])
    assert built.exit_code == 0 and "curated again" in built.output, built.output
    listed = runner.invoke(main, ["curate", "list", "--store", str(store)])
    assert listed.output.count(": applied") == 3, listed.output
    label = _rows(
        store,
        f"SELECT ?l WHERE {{ GRAPH {ENTITIES} {{ res:person/olga-inventova rdfs:label ?l }} }}",
    )
    assert label == [{"l": "Olga Inventova-Fabula"}]
    outside = f"FILTER(?g != {CURATION})"
    assert not _rows(
        store, f"SELECT * {{ GRAPH ?g {{ ?s ?p res:person/ivan-fictivov }} {outside} }}"
    )


def test_on_a_sparql_server_a_changed_curation_reads_the_documents_again(corpus: Path) -> None:
    with fake_sparql_server() as server:
        remote = RemoteStore(Endpoint(f"{server.base}/sparql", f"{server.base}/update"))
        settings = Settings(n_process=1)
        assert len(build([corpus], remote, settings).changed) == 4
        curation = corpus.parent / "remote-curation.toml"
        curation.write_text(MERGE, encoding="utf-8")
        curated = dataclasses.replace(settings, curation_file=curation)
        report = build([corpus], remote, curated)
        assert len(report.changed) == 4 and not report.recurated  # no cache on a server
        assert len(build([corpus], remote, curated).unchanged) == 4
        subjects = remote.query(f"ASK {{ ?e <{LEK}subject> <{RES}person/ivan-fictivov> }}")
        assert not bool(subjects)


def test_reject_and_split_act_on_every_document_that_has_them(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    _build(corpus, store, None)
    (arrest,) = _rows(
        store, "SELECT DISTINCT ?e WHERE { ?e a lek:Arrest ; lek:subject res:person/pich-nary }"
    )
    curation = f"""
[[entry]]
action = "reject"
node = "<{arrest["e"]}>"
why = "The sentence reports a threat of arrest."

[[entry]]
action = "split"
node = "res:person/mara-fabula"
label = "Mara Fabula (judge)"
documents = ["article-02.txt"]
why = "Article 2 quotes the judge of the same name."
"""
    report = _build(corpus, store, curation)
    assert not report.stale, report.stale
    assert not _rows(store, f"SELECT * WHERE {{ <{arrest['e']}> ?p ?o }}")
    moved = (
        f"SELECT ?l WHERE {{ GRAPH {ENTITIES} {{ res:person/mara-fabula-judge rdfs:label ?l }} }}"
    )
    assert _rows(store, moved) == [{"l": "Mara Fabula (judge)"}]
    assert not _rows(store, "SELECT * WHERE { res:person/mara-fabula ?p ?o }")


def test_kg_curate_refuses_to_write_anything_but_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "curation.toml"
    os.mkfifo(fifo)
    args = [
        "curate",
        "rename",
        "res:person/chan-dara",
        "C. Dara",
        "--why",
        "x",
        "--file",
        str(fifo),
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1 and "not a regular file" in result.output
    assert stat.S_ISFIFO(fifo.stat().st_mode)
