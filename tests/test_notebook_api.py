"""kg.notebook and kg.notebook_graph: the tables and drawings the notebooks are made of.

Every case runs on the small FICTIONAL store of tests/fictional_cases.py (invented people,
party, court and ministry); one builds a fictional corpus with the real model.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pandas as pd
import pytest
from matplotlib.figure import Figure

from kg.errors import KgError, QueryError, StoreError
from kg.graph import GraphError
from kg.notebook import (
    STORE_ENV,
    NotebookError,
    build_demo,
    counts_by_class,
    draw_timeline,
    events_of,
    events_per_year,
    library_query,
    notebook_store,
    notebook_store_path,
    open_store,
    query_df,
)
from kg.notebook_graph import (
    centrality_before_after,
    centrality_table,
    draw_ego,
    proceedings_of,
    proceedings_per_actor,
)
from kg.store import KgStore
from tests.fictional import write_corpus
from tests.fictional_cases import build_store, iri


@pytest.fixture(scope="module")
def store() -> KgStore:
    return build_store()


@pytest.fixture(scope="module")
def store_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fictional") / "store"
    build_store(path).close()
    return path


def dtypes(frame: pd.DataFrame) -> dict[str, str]:
    return {column: str(dtype) for column, dtype in frame.dtypes.items()}


def test_query_df_types_each_column(store: KgStore) -> None:
    frame = query_df(
        store,
        """SELECT ?count ?share ?when ?flag ?who WHERE { VALUES (?count ?share ?when ?flag ?who) {
             (3 2.5 "2017"^^xsd:gYear true res:person\\/chan-dara)
             (UNDEF UNDEF "2017-09-03"^^xsd:date false UNDEF) } }""",
    )
    assert dtypes(frame) == {
        "count": "Int64",
        "share": "Float64",
        "when": "string",
        "flag": "boolean",
        "who": "string",
    }
    assert frame["count"][0] == 3 and pd.isna(frame["count"][1])
    assert list(frame["when"]) == ["2017", "2017-09-03"]
    assert frame["who"][0] == iri("Chan Dara")


def test_query_df_binds_declared_parameters_as_values(store: KgStore) -> None:
    query = """# @param person: string — a name
SELECT ?who WHERE { ?who rdfs:label ?person }"""
    assert list(query_df(store, query, person="Chan Dara")["who"]) == [iri("Chan Dara")]
    assert query_df(store, query, person='Chan Dara" } ?who ?p ?o { "').empty
    with pytest.raises(QueryError, match="missing parameter person"):
        query_df(store, query)


def test_query_df_takes_dates_and_query_files(store: KgStore, tmp_path: Path) -> None:
    path = tmp_path / "between.rq"
    path.write_text(
        """# @param start: date
SELECT ?event WHERE { ?event lek:date ?d FILTER(STR(?d) >= STR(?start)) }""",
        encoding="utf-8",
    )
    later = query_df(store, path, start=datetime.date(2018, 3, 1))
    assert len(later) == 4  # 2018-03-20, 2018-06, 2018-10 and 2019
    flagged = query_df(store, "# @param flag: boolean\nSELECT ?flag WHERE { }", flag=True)
    assert flagged["flag"].tolist() == [True]


def test_query_df_refuses_what_is_not_a_select(store: KgStore) -> None:
    with pytest.raises(NotebookError, match="SELECT"):
        query_df(store, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")


def test_library_query_reads_the_checkouts_queries() -> None:
    assert "@param person" in library_query("timeline")
    assert library_query("timeline.rq") == library_query("timeline")
    with pytest.raises(NotebookError, match="choose one of .*timeline"):
        library_query("../pyproject")


def test_counts_by_class_names_each_class_and_its_kind(store: KgStore) -> None:
    counts = counts_by_class(store).set_index("class")
    assert counts.loc["Person", "count"] == 4
    assert counts.loc["Person", "kind"] == "actor"
    assert counts.loc["Charge", ["kind", "count"]].tolist() == ["event", 3]
    assert counts.loc["Proceeding", "kind"] == "other"
    assert counts["count"].is_monotonic_decreasing


def test_events_of_lists_events_by_date_with_evidence_and_file(store: KgStore) -> None:
    events = events_of(store, "chan dara")
    assert events.attrs["name"] == "Chan Dara"
    assert list(events["date"]) == ["2016-02-28", "2016-03-01", "2016-09", "2017-02-10"] + [
        "2017-02-10"
    ]
    assert list(events["type"][:3]) == ["Arrest", "Charge", "Trial"]
    charge = events.iloc[1]
    assert charge["evidence"] == (
        "Chan Dara and Lim Sovann were charged with treason under Article 443."
    )
    assert "Lim Sovann (subject)" in charge["others"]
    assert charge["file"] == "fictional.txt"
    assert set(events["role"]) == {"subject"}


def test_events_of_puts_undated_events_last_and_names_unknown_actors(store: KgStore) -> None:
    events = events_of(store, "Lim Sovann")
    assert list(events["type"]) == ["Charge", "Acquittal", "Trial"]
    assert pd.isna(events["date"].iloc[-1])
    with pytest.raises(KgError, match="no node named 'Lim Sovan'.*did you mean 'Lim Sovann'"):
        events_of(store, "Lim Sovan")


def test_events_per_year_counts_each_type_in_every_year(store: KgStore) -> None:
    table = events_per_year(store)
    assert list(table.index) == [2016, 2017, 2018, 2019]
    assert table.loc[2016, "Charge"] == 1 and table.loc[2018, "Charge"] == 2
    assert table.loc[2019].sum() == 1
    assert table.attrs["undated"] == 1
    assert list(table.columns)[:3] == ["Arrest", "Detention", "Charge"]


def test_events_per_year_of_an_empty_store_is_empty() -> None:
    table = events_per_year(KgStore(None))
    assert table.empty and table.attrs["undated"] == 0


def test_proceedings_of_lists_each_case_with_the_actors_roles(store: KgStore) -> None:
    cases = proceedings_of(store, "Lim Sovann").set_index("proceeding")
    assert cases.loc["Lim Sovann — treason", "roles"] == "defendant | subject"
    assert cases.loc["Chan Dara — treason", "roles"] == "subject"
    assert cases.loc["Lim Sovann — treason", ["first", "last"]].tolist() == [
        "2016-03-01",
        "2017-05",
    ]
    judge = proceedings_of(store, "Ivan Fictivov")
    assert judge[["proceeding", "roles"]].values.tolist() == [["Chan Dara — treason", "agent"]]
    assert proceedings_of(store, "Ministry of Imaginary Affairs").empty
    with pytest.raises(NotebookError, match="not an actor"):
        proceedings_of(store, "treason")


def test_proceedings_per_actor_counts_cases_and_filters_by_type(store: KgStore) -> None:
    people = proceedings_per_actor(store).set_index("label")
    assert "Municipal Court of Nowhere" not in people.index
    assert people.loc["Pich Nary", ["proceedings", "as_defendant"]].tolist() == [2, 2]
    assert people.loc["Ivan Fictivov", ["proceedings", "as_defendant"]].tolist() == [1, 0]
    everyone = proceedings_per_actor(store, node_type=None)
    assert "Municipal Court of Nowhere" in set(everyone["label"])
    assert everyone["proceedings"].is_monotonic_decreasing


def test_centrality_table_ranks_filters_and_slices(store: KgStore) -> None:
    table = centrality_table(store, top=3)
    assert len(table) == 3 and table["pagerank"].is_monotonic_decreasing
    assert any("betweenness" in note for note in table.attrs["notes"])
    people = centrality_table(store, "bipartite", node_type="Person", top=10)
    assert set(people["type"]) == {"Person"}
    early = centrality_table(store, end="2016", top=10)
    assert "Ivan Fictivov" not in set(early["label"])
    assert "Ivan Fictivov" in set(centrality_table(store, start="2017", top=10)["label"])


def test_centrality_before_after_shows_who_appears_after_the_date(store: KgStore) -> None:
    table = centrality_before_after(store, "2017").set_index("label")
    judge = table.loc["Ivan Fictivov"]
    assert pd.isna(judge["before"]) and judge["after"] > 0
    assert table.loc["Chan Dara", "rank_before"] == 1
    assert table.attrs["periods"] == {"before": ["", "2016-12-31"], "after": ["2017-01-01", ""]}
    with pytest.raises(GraphError, match="not a date"):
        centrality_before_after(store, "last spring")


def test_draw_ego_draws_the_neighbourhood_with_labels(store: KgStore) -> None:
    ax = Figure().subplots()
    assert draw_ego(store, "Chan Dara", ax=ax) is ax
    labels = {text.get_text() for text in ax.texts}
    assert {"Chan Dara", "Lim Sovann", "Municipal Court of Nowhere", "Ivan Fictivov"} <= labels
    assert "Pich Nary" not in labels
    assert ax.get_title().startswith("Chan Dara: 4 nodes within 1 step(s)")
    with pytest.raises(GraphError, match="no node named"):
        draw_ego(store, "Nobody Atall", ax=Figure().subplots())


def test_draw_timeline_marks_each_dated_event(store: KgStore) -> None:
    ax = Figure().subplots()
    draw_timeline(store, "Chan Dara", ax=ax)
    points = sum(len(collection.get_offsets()) for collection in ax.collections)
    assert points == 5
    assert [tick.get_text() for tick in ax.get_yticklabels()] == [
        "Arrest",
        "Charge",
        "Trial",
        "Conviction",
        "Sentencing",
    ]
    assert ax.get_title() == "Events of Chan Dara (5 dated, 0 undated)"


def test_notebook_store_opens_the_store_the_environment_names(
    store_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(STORE_ENV, str(store_folder))
    assert notebook_store_path() == store_folder
    opened = notebook_store()
    counts = counts_by_class(opened).set_index("class")
    assert counts.loc["Person", "count"] == 4  # the fictional store as it is, not rebuilt
    monkeypatch.delenv(STORE_ENV)
    assert notebook_store_path() != store_folder


def test_open_store_says_when_there_is_none(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store at"):
        open_store(tmp_path / "nothing")


def test_build_demo_reports_a_document_it_cannot_read(tmp_path: Path) -> None:
    with pytest.raises(NotebookError, match="1 document\\(s\\) failed"):
        build_demo(tmp_path / "store", corpus=tmp_path / "missing")


@pytest.mark.model
def test_build_demo_builds_a_corpus_then_leaves_it_unchanged(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, version=1, size=2)
    first = build_demo(tmp_path / "store", corpus)
    assert len(first.changed) == 2
    again = build_demo(tmp_path / "store", corpus)
    assert (len(again.changed), len(again.unchanged)) == (0, 2)
    events = events_of(open_store(tmp_path / "store"), "Chan Dara")
    assert "Arrest" in set(events["type"])
