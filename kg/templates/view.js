/* kg view: builds tooltips and the details panel from the page's JSON with textContent only. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var TOOLTIP_ITEMS = 3;

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (className) { node.className = className; }
    return node;
  }

  function describeSource(key) {
    var source = data.sources[key] || {};
    var parts = [source.file || key];
    if (source.title) { parts.push("\u201c" + source.title + "\u201d"); }
    if (source.publisher) { parts.push(source.publisher); }
    if (source.date) { parts.push(source.date); }
    return parts.join(", ");
  }

  function card(info, limit) {
    var box = element("div", null, "kg-card");
    box.appendChild(element("h3", info.label));
    var kind = info.type;
    if (info.aliases && info.aliases.length) { kind += " \u2014 also: " + info.aliases.join("; "); }
    box.appendChild(element("p", kind, "kg-kind"));
    var evidence = info.evidence || [];
    if (evidence.length) {
      var list = element("ul", null, "kg-evidence");
      evidence.slice(0, limit).forEach(function (entry) {
        var item = element("li");
        item.appendChild(element("blockquote", entry[0]));
        var where = entry[3] + (entry[2] ? " " + entry[2] : "") + " \u2014 " + describeSource(entry[1]);
        item.appendChild(element("div", where, "kg-source"));
        list.appendChild(item);
      });
      box.appendChild(list);
      if (evidence.length > limit) {
        box.appendChild(element("p", "\u2026 and " + (evidence.length - limit) + " more: click to list them all."));
      }
    } else {
      box.appendChild(element("p", "No evidence sentence in this selection."));
    }
    var documents = info.documents || [];
    if (documents.length) {
      box.appendChild(element("p", "Mentioned in:", "kg-kind"));
      var docs = element("ul", null, "kg-documents");
      documents.slice(0, limit).forEach(function (key) {
        docs.appendChild(element("li", describeSource(key), "kg-source"));
      });
      if (documents.length > limit) { docs.appendChild(element("li", "\u2026 " + (documents.length - limit) + " more")); }
      box.appendChild(docs);
    }
    return box;
  }

  var nodes = new vis.DataSet(data.nodes.map(function (node) {
    node.title = card(data.info.nodes[node.id], TOOLTIP_ITEMS);
    return node;
  }));
  var edges = new vis.DataSet(data.edges.map(function (edge) {
    edge.title = card(data.info.edges[edge.id], TOOLTIP_ITEMS);
    return edge;
  }));
  var container = document.getElementById("kg-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  var details = document.getElementById("kg-details");

  function show(info) {
    while (details.firstChild) { details.removeChild(details.firstChild); }
    details.appendChild(card(info, Infinity));
  }

  function settle() {
    network.setOptions({ physics: false });
    document.body.setAttribute("data-stable", "true");
  }
  network.once("stabilizationIterationsDone", settle);
  if (data.nodes.length === 0) { settle(); }

  network.on("click", function (event) {
    if (event.nodes.length) { show(data.info.nodes[event.nodes[0]]); }
    else if (event.edges.length) { show(data.info.edges[event.edges[0]]); }
  });

  var names = document.getElementById("kg-names");
  var index = [];
  data.nodes.forEach(function (node) {
    var info = data.info.nodes[node.id];
    [info.label].concat(info.aliases || []).forEach(function (name) {
      index.push([name.toLowerCase(), node.id]);
    });
    var option = document.createElement("option");
    option.value = info.label;
    names.appendChild(option);
  });

  document.getElementById("kg-search").addEventListener("submit", function (event) {
    event.preventDefault();
    var wanted = document.getElementById("kg-search-input").value.trim().toLowerCase();
    var status = document.getElementById("kg-search-status");
    var hit = index.find(function (pair) { return pair[0] === wanted; }) ||
      index.find(function (pair) { return wanted && pair[0].indexOf(wanted) !== -1; });
    if (!hit) { status.textContent = "Not in this view."; return; }
    status.textContent = "";
    network.selectNodes([hit[1]]);
    network.focus(hit[1], { scale: 1.2, animation: false });
    show(data.info.nodes[hit[1]]);
  });

  window.kgView = { network: network, nodes: nodes, edges: edges };
}());
