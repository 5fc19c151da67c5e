"""kg.validate checks the union of all named graphs against ontology/shapes.ttl.

The graph below is written by hand after docs/graph-layout.md; its people are fictional.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from kg.errors import StoreError
from kg.namespaces import RDFS, RES
from kg.validate import ValidationReport, validate

PREFIXES = """
@prefix lek: <https://w3id.org/legal-events-kg/ontology#> .
@prefix res: <https://w3id.org/legal-events-kg/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

GRAPH = (
    PREFIXES
    + """
<https://w3id.org/legal-events-kg/id/graph/d1> {
  <https://w3id.org/legal-events-kg/id/doc/d1> a lek:Document ;
      dcterms:identifier "d1.txt" ; lek:sourcePath "d1.txt" ; lek:contentHash "00ff" ;
      dcterms:date "2021-05"^^xsd:gYearMonth .
  <https://w3id.org/legal-events-kg/id/doc/d1/item/0> a lek:Document ;
      dcterms:isPartOf <https://w3id.org/legal-events-kg/id/doc/d1> ;
      lek:itemIndex 0 ; lek:startOffset 0 ; lek:endOffset 120 .
  <https://w3id.org/legal-events-kg/id/person/chan-dara> a lek:Person ;
      lek:name "Chan Dara" , "Dara" ;
      lek:mentionedIn <https://w3id.org/legal-events-kg/id/doc/d1/item/0> ;
      lek:memberOf <https://w3id.org/legal-events-kg/id/politicalparty/pip> .
  <https://w3id.org/legal-events-kg/id/politicalparty/pip> a lek:PoliticalParty ;
      lek:name "Party of Imaginary Progress" .
  <https://w3id.org/legal-events-kg/id/court/fictiva-court> a lek:Court ;
      lek:name "Fictiva Court" .
  <https://w3id.org/legal-events-kg/id/facility/fictiva-prison> a lek:Facility ;
      lek:name "Fictiva Prison" .
  <https://w3id.org/legal-events-kg/id/event/e1> a lek:Conviction ;
      lek:subject <https://w3id.org/legal-events-kg/id/person/chan-dara> ;
      lek:agent <https://w3id.org/legal-events-kg/id/court/fictiva-court> ;
      lek:place <https://w3id.org/legal-events-kg/id/facility/fictiva-prison> ;
      lek:charge <https://w3id.org/legal-events-kg/id/offence/treason> ;
      lek:provision <https://w3id.org/legal-events-kg/id/provision/criminal-code-article-443> ;
      lek:date "2021-05-03"^^xsd:date ;
      lek:sentence "five years in prison" ;
      lek:status "asserted" ;
      lek:evidence "The Fictiva Court convicted Chan Dara of treason." ;
      prov:wasDerivedFrom <https://w3id.org/legal-events-kg/id/doc/d1/item/0> ;
      lek:startOffset 10 ; lek:endOffset 60 ;
      lek:confidence 0.9 ; lek:extractor "rules" .
  <https://w3id.org/legal-events-kg/id/membership/m1> a lek:Membership ;
      lek:member <https://w3id.org/legal-events-kg/id/person/chan-dara> ;
      lek:organization <https://w3id.org/legal-events-kg/id/politicalparty/pip> ;
      lek:role "deputy president" ;
      lek:evidence "Chan Dara, deputy president of the Party of Imaginary Progress" ;
      prov:wasDerivedFrom <https://w3id.org/legal-events-kg/id/doc/d1/item/0> ;
      lek:startOffset 61 ; lek:endOffset 120 ;
      lek:confidence 1.0 ; lek:extractor "rules" .
  <https://w3id.org/legal-events-kg/id/offence/treason> a lek:Offence ; rdfs:label "treason" .
  <https://w3id.org/legal-events-kg/id/provision/criminal-code-article-443> a lek:LegalProvision ;
      rdfs:label "Criminal Code Article 443" ; lek:article "443" ; lek:law "Criminal Code" .
}
<https://w3id.org/legal-events-kg/id/graph/entities> {
  <https://w3id.org/legal-events-kg/id/person/chan-dara> rdfs:label "Chan Dara" ;
      skos:altLabel "Dara" .
}
"""
)


def _quads(trig: str) -> list[ox.Quad]:
    return list(ox.parse(trig, format=ox.RdfFormat.TRIG))


def test_a_well_formed_graph_conforms() -> None:
    report = validate(_quads(GRAPH))
    assert report == ValidationReport(conforms=True, result_count=0, text=report.text)


def test_n_quads_text_is_accepted() -> None:
    nquads = (ox.serialize(_quads(GRAPH), format=ox.RdfFormat.N_QUADS) or b"").decode("utf-8")
    assert validate(nquads).conforms


def _ntriples(quads: list[ox.Quad]) -> bytes:
    return ox.serialize([quad.triple for quad in quads], format=ox.RdfFormat.N_TRIPLES) or b""


def test_rdflib_dataset_is_validated_as_the_union_of_its_graphs() -> None:
    """A second label in another named graph is still a second label."""
    dataset = Dataset()
    quads = _quads(GRAPH)
    for name in {quad.graph_name for quad in quads}:
        in_graph = [quad for quad in quads if quad.graph_name == name]
        assert isinstance(name, ox.NamedNode)
        dataset.graph(URIRef(name.value)).parse(data=_ntriples(in_graph), format="nt")
    assert validate(dataset).conforms
    other = dataset.graph(URIRef(RES["graph/d2"]))
    other.add((URIRef(RES["person/chan-dara"]), RDFS.label, Literal("C. Dara")))
    report = validate(dataset)
    assert not report.conforms
    assert report.result_count == 1


def test_plain_rdflib_graph_is_accepted() -> None:
    graph = Graph().parse(data=_ntriples(_quads(GRAPH)), format="nt")
    assert validate(graph).conforms


EVIDENCE = '      lek:evidence "The Fictiva Court convicted Chan Dara of treason." ;\n'
SOURCE = "prov:wasDerivedFrom <https://w3id.org/legal-events-kg/id/doc/d1/item/0> ;\n"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (EVIDENCE, "", "lek:evidence"),
        (
            "      " + SOURCE + "      lek:startOffset 10",
            "      lek:startOffset 10",
            "wasDerivedFrom",
        ),
        ('"2021-05-03"^^xsd:date', '"May 2021"', "lek:date"),
        ("lek:confidence 0.9", "lek:confidence 1.5", "lek:confidence"),
        (
            "lek:startOffset 61 ; lek:endOffset 120",
            "lek:startOffset 130 ; lek:endOffset 120",
            "below",
        ),
        ("a lek:Conviction", "a lek:Conviction , lek:Sentencing", "fifteen event classes"),
        (
            'rdfs:label "Chan Dara" ;',
            'rdfs:label "Chan Dara" , "Chan Darra" ;',
            "at most one rdfs:label",
        ),
        ('lek:article "443" ;', "", "lek:article"),
        ('dcterms:identifier "d1.txt" ;', "", "either a file"),
        (
            "lek:member <https://w3id.org/legal-events-kg/id/person/chan-dara>",
            "lek:member <https://w3id.org/legal-events-kg/id/politicalparty/pip>",
            "lek:Person",
        ),
        (
            "lek:subject <https://w3id.org/legal-events-kg/id/person/chan-dara>",
            "lek:subject <https://w3id.org/legal-events-kg/id/facility/fictiva-prison>",
            "person or an organisation",
        ),
        (
            'lek:name "Party of Imaginary Progress"',
            'rdfs:comment "unnamed"',
            "lek:name",
        ),
    ],
)
def test_a_broken_graph_fails_with_a_readable_message(old: str, new: str, message: str) -> None:
    assert old in GRAPH
    report = validate(_quads(GRAPH.replace(old, new)))
    assert not report.conforms
    assert report.result_count >= 1
    assert message in report.text


def test_unreadable_n_quads_are_a_store_error() -> None:
    with pytest.raises(StoreError, match="cannot read the graph"):
        validate("<not an iri> <p> <o> .")
