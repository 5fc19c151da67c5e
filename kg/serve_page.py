"""The query page of ``kg serve``: one self-contained HTML file, no outside resources.

Its script and style are inline and allowed by hash in a Content-Security-Policy (sent as a
header and repeated in a meta tag), so the page can load nothing from elsewhere and run no
other script.  Results are written into the page with ``textContent`` only, never parsed
as HTML, so a value in the graph cannot inject markup.  Without JavaScript the form still
posts the query and the browser shows the raw result.
"""

from __future__ import annotations

import base64
import hashlib
import html

__all__ = ["DOCS_CSP", "PAGE_CSP", "page"]

_STYLE = """
body { font: 15px/1.4 system-ui, sans-serif; margin: 1.5em auto; max-width: 72em; padding: 0 1em; }
textarea { width: 100%; font: 13px/1.4 ui-monospace, monospace; box-sizing: border-box; }
table { border-collapse: collapse; margin-top: 1em; font-size: 13px; }
th, td { border: 1px solid #ccc; padding: 0.2em 0.5em; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
pre { white-space: pre-wrap; background: #f7f7f7; padding: 0.5em; }
.note { color: #555; }
"""

_SCRIPT = """
"use strict";
const form = document.getElementById("form");
const output = document.getElementById("output");
const statusLine = document.getElementById("status");
function cell(term) {
  if (!term) { return ""; }
  if (term.type === "literal" && term["xml:lang"]) { return term.value + " @" + term["xml:lang"]; }
  return term.value;
}
function showTable(data) {
  if (typeof data.boolean === "boolean") {
    const answer = document.createElement("pre");
    answer.textContent = String(data.boolean);
    output.appendChild(answer);
    return;
  }
  const table = document.createElement("table");
  const head = table.createTHead().insertRow();
  for (const name of data.head.vars) {
    const th = document.createElement("th");
    th.textContent = name;
    head.appendChild(th);
  }
  const body = table.createTBody();
  for (const binding of data.results.bindings) {
    const row = body.insertRow();
    for (const name of data.head.vars) { row.insertCell().textContent = cell(binding[name]); }
  }
  output.appendChild(table);
}
form.addEventListener("submit", async (event) => {
  event.preventDefault();
  output.replaceChildren();
  statusLine.textContent = "Running\\u2026";
  const headers = {
    "Accept": document.getElementById("format").value,
    "Content-Type": "application/sparql-query",
  };
  const token = document.getElementById("token").value.trim();
  if (token) { headers["Authorization"] = "Bearer " + token; }
  try {
    const response = await fetch("sparql", {
      method: "POST", headers: headers, body: document.getElementById("query").value,
    });
    const text = await response.text();
    const type = response.headers.get("Content-Type") || "";
    let line = response.status + " " + response.statusText;
    if (response.headers.get("X-KG-Truncated") === "true") {
      line += " \\u2014 only the first " + response.headers.get("X-KG-Row-Cap") + " rows";
    }
    statusLine.textContent = line;
    if (response.ok && type.startsWith("application/sparql-results+json")) {
      showTable(JSON.parse(text));
    } else {
      const pre = document.createElement("pre");
      pre.textContent = text;
      output.appendChild(pre);
    }
  } catch (error) {
    statusLine.textContent = String(error);
  }
});
"""

_EXAMPLE = """SELECT ?type (COUNT(DISTINCT ?event) AS ?events)
WHERE { ?event a ?type . ?type rdfs:subClassOf lek:Event }
GROUP BY ?type
ORDER BY DESC(?events)"""


def _hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


#: The query page's policy: its own script and style, requests to this server only.
PAGE_CSP = (
    f"default-src 'none'; script-src {_hash(_SCRIPT)}; style-src {_hash(_STYLE)}; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)

#: The ontology documentation's policy: inline styles and data: images, and nothing else.
DOCS_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'"
)


def page(time_limit: float, row_cap: int) -> bytes:
    """The query page, stating the server's limits."""
    csp = html.escape(PAGE_CSP, quote=True)
    text = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="referrer" content="no-referrer">
<title>legal-events-kg SPARQL</title>
<style>{_STYLE}</style>
</head>
<body>
<h1>legal-events-kg SPARQL endpoint</h1>
<p class="note">Read-only SPARQL 1.1 at <code>/sparql</code>. The default graph is the union of
all graphs; the prefixes lek:, res:, rdfs:, skos:, prov:, dcterms: and xsd: are predeclared.
Each query may run {time_limit:g} s and return {row_cap:,} rows.
The vocabulary is documented at <a href="ontology/">ontology/</a>.</p>
<form id="form" method="post" action="sparql">
<textarea id="query" name="query" rows="14" spellcheck="false">{html.escape(_EXAMPLE)}</textarea>
<p>
<label>Result format
<select id="format">
<option value="application/sparql-results+json">table (SPARQL JSON)</option>
<option value="application/sparql-results+xml">SPARQL XML</option>
<option value="text/csv">CSV</option>
<option value="text/tab-separated-values">TSV</option>
<option value="text/turtle">Turtle (CONSTRUCT, DESCRIBE)</option>
<option value="application/n-triples">N-Triples (CONSTRUCT, DESCRIBE)</option>
<option value="application/ld+json">JSON-LD (CONSTRUCT, DESCRIBE)</option>
</select></label>
<label>Bearer token <input id="token" type="password" autocomplete="off"></label>
<button type="submit">Run</button>
</p>
</form>
<p id="status" class="note"></p>
<div id="output"></div>
<script>{_SCRIPT}</script>
</body>
</html>
"""
    return text.encode("utf-8")
