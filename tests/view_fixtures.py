"""A small fictional graph, laid out as ``kg build`` lays it out, for the view tests.

Every name is invented.  ``hostile=True`` puts script and image payloads into every piece
of text a view shows: names, aliases, roles, offences, sentences, titles and publishers.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox

from kg.store import KgStore, open_for_writing
from kg.union import fill_default_graph

IMG_PAYLOAD = "<img src=x onerror=window.__pwned=1>"
SCRIPT_PAYLOAD = "<script>window.__pwned=1</script>"
CLOSING_PAYLOAD = "</script><script>window.__pwned=1</script>"

PREFIXES = """\
@prefix lek: <https://w3id.org/legal-events-kg/ontology#> .
@prefix res: <https://w3id.org/legal-events-kg/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

ARREST_SENTENCE = "Police arrested Chan Dara in Imaginaria on 2 March 2019."
CHARGE_SENTENCE = "Chan Dara was charged with treason."
RELEASE_SENTENCE = "Lim Sovann was released."
MEMBER_SENTENCE = "Chan Dara, president of the Party of Imaginary Progress, spoke."


def _lit(text: str) -> str:
    return json.dumps(text)


def fictional_trig(*, hostile: bool = False, crowd: int = 0) -> str:
    """TriG of one document: an arrest, a charge, a release, a membership; ``crowd`` more
    fictional people arrested by the same police, each in an event of their own."""
    spice = f" {IMG_PAYLOAD} {SCRIPT_PAYLOAD}" if hostile else ""
    dara = f"Chan {IMG_PAYLOAD} Dara" if hostile else "Chan Dara"
    arrest = ARREST_SENTENCE + (f" {SCRIPT_PAYLOAD}" if hostile else "")
    events = [
        f"""res:event\\/arrest a lek:Arrest ; lek:subject res:person\\/chan-dara ;
  lek:agent res:governmentbody\\/police ; lek:place res:place\\/imaginaria ;
  lek:date "2019-03-02"^^xsd:date ; lek:evidence {_lit(arrest)} ;
  prov:wasDerivedFrom res:doc\\/d1\\/item\\/0 ; lek:startOffset 100 .""",
        f"""res:event\\/charge a lek:Charge ; lek:subject res:person\\/chan-dara ;
  lek:charge res:offence\\/treason ; lek:date "2019-04"^^xsd:gYearMonth ;
  lek:evidence {_lit(CHARGE_SENTENCE + spice)} ;
  prov:wasDerivedFrom res:doc\\/d1\\/item\\/0 ; lek:startOffset 200 .""",
        f"""res:event\\/release a lek:Release ; lek:subject res:person\\/lim-sovann ;
  lek:evidence {_lit(RELEASE_SENTENCE + spice)} ;
  prov:wasDerivedFrom res:doc\\/d1\\/item\\/0 ; lek:startOffset 300 .""",
        f"""res:membership\\/m1 a lek:Membership ; lek:member res:person\\/chan-dara ;
  lek:organization res:politicalparty\\/pip ; lek:role {_lit("president" + spice)} ;
  lek:evidence {_lit(MEMBER_SENTENCE + spice)} ;
  prov:wasDerivedFrom res:doc\\/d1\\/item\\/0 ; lek:startOffset 0 .""",
    ]
    actors = [
        ("person\\/chan-dara", "Person", dara),
        ("person\\/lim-sovann", "Person", "Lim Sovann"),
        ("governmentbody\\/police", "GovernmentBody", "Imaginaria police"),
        ("politicalparty\\/pip", "PoliticalParty", "Party of Imaginary Progress" + spice),
        ("place\\/imaginaria", "Place", "Imaginaria"),
    ]
    for number in range(1, crowd + 1):
        actors.append((f"person\\/detainee-{number}", "Person", f"Fictional Detainee {number}"))
        events.append(
            f"""res:event\\/crowd-{number} a lek:Arrest ;
  lek:subject res:person\\/detainee-{number} ; lek:agent res:governmentbody\\/police ;
  lek:date "2019-05-{number % 28 + 1:02d}"^^xsd:date ;
  lek:evidence {_lit(f"Police arrested Fictional Detainee {number}.")} ;
  prov:wasDerivedFrom res:doc\\/d1\\/item\\/0 ; lek:startOffset {1000 + number} ."""
        )
    nodes = "\n".join(
        f"res:{iri} a lek:{kind} ; lek:name {_lit(name)} ; "
        "lek:mentionedIn res:doc\\/d1\\/item\\/0 ."
        for iri, kind, name in actors
    )
    labels = "\n".join(f"res:{iri} rdfs:label {_lit(name)} ." for iri, _kind, name in actors)
    return f"""{PREFIXES}
res:graph\\/d1 {{
res:doc\\/d1 a lek:Document ; dcterms:identifier "001_fiction.txt" ;
  lek:sourcePath "data/001_fiction.txt" ; dcterms:title {_lit("Crackdown in Imaginaria" + spice)} ;
  dcterms:publisher {_lit("Fictional Watch" + (CLOSING_PAYLOAD if hostile else ""))} .
res:doc\\/d1\\/item\\/0 a lek:Document ; dcterms:isPartOf res:doc\\/d1 ;
  dcterms:date "2019-03-04"^^xsd:date .
res:offence\\/treason a lek:Offence ; rdfs:label {_lit("treason" + spice)} .
{nodes}
{chr(10).join(events)}
}}
res:graph\\/entities {{
{labels}
res:person\\/chan-dara skos:altLabel {_lit("Dara" + spice)} .
}}
"""


def fictional_store(path: Path | None = None, *, hostile: bool = False, crowd: int = 0) -> KgStore:
    """A store holding :func:`fictional_trig` (on disk at ``path``, else in memory)."""
    trig = fictional_trig(hostile=hostile, crowd=crowd).encode("utf-8")
    if path is None:
        store = KgStore(None)
        store.oxigraph.load(trig, format=ox.RdfFormat.TRIG)
        fill_default_graph(store.oxigraph)  # as a build keeps it: the union of the graphs
        return store
    with open_for_writing(path) as writable:
        writable.oxigraph.load(trig, format=ox.RdfFormat.TRIG)
        fill_default_graph(writable.oxigraph)
    return KgStore(path, read_only=True)
