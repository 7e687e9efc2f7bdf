// Progressive enhancement of report.html: everything here is optional; without it the tables and the text form of every
// diagram are the page. Diagrams render lazily (when within reach of the viewport), one at a time, at their natural size;
// "#render-all" in the URL renders every diagram at once and records the outcome on <body> (audit/check-report.sh uses it).
(function () {
  "use strict";
  var bundle = null, queue = Promise.resolve(), pending = 0, errors = 0, rendered = 0;
  var figures = Array.prototype.slice.call(document.querySelectorAll("figure.diagram"));

  function loadMermaid() {
    if (bundle) return bundle;
    bundle = (async function () {
      if (typeof DecompressionStream === "undefined") throw new Error("this browser cannot unpack the diagrams (no DecompressionStream); the text forms stay");
      var b64 = document.getElementById("mermaid-gz").textContent.trim();
      var bin = atob(b64), bytes = new Uint8Array(bin.length);
      for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      var code = await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).text();
      var s = document.createElement("script");
      s.textContent = code;
      document.head.appendChild(s);
      window.mermaid.initialize({
        startOnLoad: false, securityLevel: "strict", theme: "default", suppressErrorRendering: true,
        sequence: { showSequenceNumbers: true, useMaxWidth: false },
        flowchart: { useMaxWidth: false }, state: { useMaxWidth: false }
      });
      return window.mermaid;
    })();
    return bundle;
  }

  function render(fig) {
    if (fig.getAttribute("data-state")) return queue;
    fig.setAttribute("data-state", "queued");
    pending++;
    queue = queue.then(async function () {
      var box = fig.querySelector(".svg-box");
      try {
        var m = await loadMermaid();
        var src = fig.querySelector("template.mmd").content.textContent;
        var out = await m.render("svg-" + fig.id, src);
        box.innerHTML = out.svg;
        box.hidden = false;
        fig.querySelector(".tools").hidden = false;
        fig.querySelector(".render-now").hidden = true;
        var text = fig.querySelector("details.textform");
        if (text) text.open = false;
        fig.setAttribute("data-state", "rendered");
        rendered++;
      } catch (e) {
        errors++;
        box.hidden = false;
        box.textContent = "Syntax error in diagram (or mermaid failed): " + (e && e.message ? e.message : e) + " — the text form below stays.";
        fig.setAttribute("data-state", "error");
        var stray = document.getElementById("dsvg-" + fig.id);
        if (stray) stray.remove();
      }
    }).finally(function () {
      pending--;
      if (pending === 0) {
        document.body.setAttribute("data-mermaid", errors ? "error" : "rendered");
        document.body.setAttribute("data-diagrams", rendered + " rendered, " + errors + " failed, of " + figures.length);
      }
    });
    return queue;
  }

  // Full-size viewer with zoom. The drawn SVG itself moves into the dialog and back on close: mermaid scopes its
  // styles to the SVG's id, so a copy without that id would lose them.
  var dialog = document.getElementById("viewer"), stage = dialog && dialog.querySelector(".stage"), zoom = 1, base = 0, home = null;
  function applyZoom() {
    var svg = stage.querySelector("svg");
    if (svg && base) { svg.style.width = Math.round(base * zoom) + "px"; svg.style.height = "auto"; }
    dialog.querySelector(".zoom").textContent = Math.round(zoom * 100) + "%";
  }
  function openFull(fig) {
    var box = fig.querySelector(".svg-box"), svg = box.querySelector("svg");
    if (!svg || !dialog) return;
    var vb = svg.viewBox && svg.viewBox.baseVal;
    base = vb && vb.width ? vb.width : svg.getBoundingClientRect().width;
    home = box;
    stage.appendChild(svg);
    zoom = 1;
    dialog.querySelector(".title").textContent = fig.getAttribute("data-title") || "";
    dialog.showModal();
    applyZoom();
  }
  if (dialog) {
    dialog.addEventListener("close", function () {
      var svg = stage.querySelector("svg");
      if (svg && home) { svg.style.width = ""; svg.style.height = ""; home.appendChild(svg); }
      home = null;
    });
    dialog.addEventListener("click", function (ev) {
      var act = ev.target && ev.target.getAttribute && ev.target.getAttribute("data-act");
      if (act === "in") zoom = Math.min(zoom * 1.25, 8);
      else if (act === "out") zoom = Math.max(zoom / 1.25, 0.1);
      else if (act === "one") zoom = 1;
      else if (act === "fit") zoom = Math.max(0.1, (stage.clientWidth - 20) / base);
      else if (act === "close") { dialog.close(); return; }
      else return;
      applyZoom();
    });
  }

  figures.forEach(function (fig) {
    fig.querySelector(".tools").addEventListener("click", function (ev) {
      var act = ev.target.getAttribute("data-act");
      var svg = fig.querySelector(".svg-box svg");
      if (act === "full") openFull(fig);
      else if (act === "newtab" && svg) {
        var url = URL.createObjectURL(new Blob([svg.outerHTML], { type: "image/svg+xml" }));
        window.open(url, "_blank");
      }
    });
    // Without IntersectionObserver nothing is drawn until asked.
    var drawButton = fig.querySelector(".render-now");
    drawButton.addEventListener("click", function () { render(fig); });
    if (!("IntersectionObserver" in window)) drawButton.hidden = false;
  });

  if (location.hash === "#render-all") {
    figures.forEach(render);
    if (figures.length === 0) document.body.setAttribute("data-mermaid", "rendered");
  } else if ("IntersectionObserver" in window) {
    var io = new IntersectionObserver(function (entries) {
      entries.forEach(function (en) { if (en.isIntersecting) { io.unobserve(en.target); render(en.target); } });
    }, { rootMargin: "300px 0px" });
    figures.forEach(function (f) { io.observe(f); });
  }

  // Filters: rows and blocks carry data-req / data-emb / data-status; a block shows when it matches every chosen value.
  var bar = document.getElementById("filters");
  if (bar) {
    bar.hidden = false;
    var selects = bar.querySelectorAll("select");
    var items = document.querySelectorAll("[data-filter]");
    var apply = function () {
      var req = bar.querySelector("#f-req").value, emb = bar.querySelector("#f-emb").value, st = bar.querySelector("#f-status").value;
      var shown = 0;
      items.forEach(function (el) {
        var has = function (attr, v) { return !v || (" " + (el.getAttribute(attr) || "") + " ").indexOf(" " + v + " ") >= 0; };
        var ok = has("data-req", req) && has("data-emb", emb) && (!st || el.getAttribute("data-status") === st);
        el.hidden = !ok;
        if (ok) shown++;
      });
      bar.querySelector(".count").textContent = (req || emb || st) ? shown + " of " + items.length + " rows and blocks shown" : "";
    };
    selects.forEach(function (s) { s.addEventListener("change", apply); });
    bar.querySelector("button").addEventListener("click", function () { selects.forEach(function (s) { s.value = ""; }); apply(); });
  }
})();
