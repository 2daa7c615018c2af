/* clusterlab-analyser.js - the own-data page's analyser: the reader's CSV, analysed in the page.
 *
 * Fills every <div class="clusterlab-analyser"> with: a file chooser, a drop area, a box to
 * paste a table and a button loading the page's example (data-example, default
 * _static/examples/partners.csv);
 * then the columns of the table's header (decision, id, conditions) and the settings (rules,
 * beta). "Analyse" runs window.clusterlab.analyse (clusterlab-live.js: Python in the page, via
 * Pyodide) and shows the result with window.clusterlab.render (clusterlab-render.js) when it is
 * there, else as plain lists; the result can be downloaded as JSON. Python starts loading as soon
 * as a table is chosen (not before). After the first analysis
 * every change of a setting recomputes. The file is read in the page and sent nowhere; a bad
 * file shows the command line's one-line message.
 */
(function () {
  "use strict";
  var cl = (window.clusterlab = window.clusterlab || {});
  var DELIMITERS = [",", ";", "\t"];

  function h(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k === "class") node.className = attrs[k];
      else if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false) node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }

  /* The header's column names: the first non-blank line, split at the delimiter giving the
   * most fields (ties: comma, semicolon, tab), double quotes as in CSV. Only to offer the
   * columns: the analysis itself reads the whole table in Python, with the CLI's rules. */
  function splitLine(line, sep) {
    var out = [], field = "", quoted = false;
    for (var i = 0; i < line.length; i++) {
      var c = line[i];
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') { field += '"'; i++; }
        else if (c === '"') quoted = false;
        else field += c;
      } else if (c === '"' && field === "") quoted = true;
      else if (c === sep) { out.push(field); field = ""; }
      else field += c;
    }
    out.push(field);
    return out;
  }

  function headerOf(text) {
    var lines = text.replace(/^\ufeff/, "").split(/\r\n|\n|\r/);
    var first = lines.find(function (l) { return l.trim() !== ""; }) || "";
    var best = [first];
    DELIMITERS.forEach(function (sep) {
      var fields = splitLine(first, sep);
      if (fields.length > best.length) best = fields;
    });
    return best;
  }

  function plainResult(result) {
    var rows = [
      ["Objects", result.objects.length],
      ["Quality of classification", result.quality === null ? "-" : result.quality.toFixed(3)],
      ["Core", result.core.join(", ") || "(empty)"],
      ["Reducts", result.reducts.map(function (r) { return "{" + r.join(", ") + "}"; }).join("; ")],
    ];
    var list = h("dl", {}, []);
    rows.forEach(function (r) {
      list.appendChild(h("dt", { text: r[0] }));
      list.appendChild(h("dd", { text: String(r[1]) }));
    });
    var rules = h("ol", {}, result.rules.map(function (rule) {
      var lhs = Object.keys(rule.if).map(function (a) { return a + " = " + rule.if[a]; }).join(" AND ");
      return h("li", { text: "IF " + lhs + " THEN " + result.decision + " = " + rule.then[0] +
        " (" + rule.type + ", support " + rule.support + ")" });
    }));
    var regions = h("ul", {}, Object.keys(result.approximations).map(function (v) {
      var a = result.approximations[v];
      return h("li", { text: result.decision + " = " + v + ": lower {" + a.lower.join(", ") +
        "}, boundary {" + a.boundary.join(", ") + "}" });
    }));
    return h("div", { class: "cla-plain" }, [list, h("h4", { text: "Rules" }), rules,
      h("h4", { text: "Regions" }), regions]);
  }

  function Analyser(root) {
    var self = this;
    this.root = root;
    this.table = null; // {data: string | Uint8Array, name: string | null, header: [...]}
    this.result = null;
    this.live = false;
    var uid = "cla" + Math.random().toString(36).slice(2, 8);

    this.file = h("input", { type: "file", id: uid + "-file", accept: ".csv,.tsv,.txt,text/csv" });
    this.drop = h("div", { class: "cla-drop", tabindex: "0", role: "button",
      text: "… or drop a CSV file here (or press Enter to choose one)" });
    this.example = h("button", { type: "button", class: "cla-example", text: "Load the example (partners.csv)" });
    this.paste = h("textarea", { id: uid + "-paste", rows: "6", spellcheck: "false",
      placeholder: "firm,sector,age,partners\nE01,software,young,abroad\n…" });
    this.usePaste = h("button", { type: "button", class: "cla-use-paste", text: "Use the pasted table" });
    this.decision = h("select", { id: uid + "-decision", class: "cla-decision" });
    this.id = h("select", { id: uid + "-id", class: "cla-id" });
    this.conditions = h("div", { class: "cla-conditions" });
    this.rules = h("select", { id: uid + "-rules", class: "cla-rules" }, [
      h("option", { value: "lem2", text: "LEM2 (certain and possible rules)" }),
      h("option", { value: "minimal", text: "all minimal certain rules" }),
    ]);
    this.useBeta = h("input", { type: "checkbox", id: uid + "-usebeta", class: "cla-use-beta" });
    this.beta = h("input", { type: "number", id: uid + "-beta", class: "cla-beta", min: "0.55",
      max: "1", step: "0.05", value: "0.8", disabled: "disabled" });
    this.run = h("button", { type: "button", class: "cla-run", text: "Analyse" });
    this.status = h("p", { class: "cla-status", role: "status", "aria-live": "polite" });
    this.error = h("p", { class: "cla-error", role: "alert", hidden: "hidden" });
    this.output = h("div", { class: "cla-result" });
    this.download = h("button", { type: "button", class: "cla-download", hidden: "hidden",
      text: "Download the result (JSON)" });

    this.settings = h("fieldset", { class: "cla-settings", hidden: "hidden" }, [
      h("legend", { text: "Columns and settings" }),
      h("p", { class: "cla-source" }),
      h("div", { class: "cla-row" }, [h("label", { for: uid + "-decision", text: "Decision" }),
        this.decision]),
      h("div", { class: "cla-row" }, [h("label", { for: uid + "-id", text: "Id column" }), this.id]),
      h("fieldset", { class: "cla-conditions-box" }, [h("legend", { text: "Condition attributes" }),
        this.conditions]),
      h("div", { class: "cla-row" }, [h("label", { for: uid + "-rules", text: "Rules" }), this.rules]),
      h("div", { class: "cla-row" }, [this.useBeta,
        h("label", { for: uid + "-usebeta", text: " variable precision, beta" }), this.beta]),
      h("p", {}, [this.run]),
    ]);

    root.appendChild(h("fieldset", { class: "cla-input" }, [
      h("legend", { text: "Your table (CSV with a header row)" }),
      h("div", { class: "cla-row" }, [h("label", { for: uid + "-file", text: "Choose a CSV file" }),
        this.file]),
      this.drop,
      h("p", {}, [this.example]),
      h("label", { for: uid + "-paste", text: "… or paste a table:" }), this.paste,
      h("p", {}, [this.usePaste]),
    ]));
    root.appendChild(this.settings);
    root.appendChild(this.status);
    root.appendChild(this.error);
    root.appendChild(this.output);
    root.appendChild(h("p", {}, [this.download]));

    this.file.addEventListener("change", function () {
      if (self.file.files.length) self.readFile(self.file.files[0]);
    });
    ["dragenter", "dragover"].forEach(function (type) {
      self.drop.addEventListener(type, function (e) { e.preventDefault(); self.drop.classList.add("cla-over"); });
    });
    self.drop.addEventListener("click", function () { self.file.click(); });
    self.drop.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); self.file.click(); }
    });
    self.drop.addEventListener("dragleave", function () { self.drop.classList.remove("cla-over"); });
    self.drop.addEventListener("drop", function (e) {
      e.preventDefault();
      self.drop.classList.remove("cla-over");
      if (e.dataTransfer && e.dataTransfer.files.length) self.readFile(e.dataTransfer.files[0]);
    });
    this.example.addEventListener("click", function () { self.loadExample(); });
    this.usePaste.addEventListener("click", function () {
      self.setTable(self.paste.value, null, self.paste.value);
    });
    this.run.addEventListener("click", function () { self.live = true; self.analyse(); });
    [this.decision, this.id, this.rules, this.beta, this.useBeta].forEach(function (control) {
      control.addEventListener("change", function () {
        if (control === self.decision || control === self.id) self.fillConditions();
        self.beta.disabled = !self.useBeta.checked;
        if (self.live) self.analyse();
      });
    });
    this.conditions.addEventListener("change", function () { if (self.live) self.analyse(); });
    this.download.addEventListener("click", function () { self.save(); });
  }

  Analyser.prototype.say = function (text) { this.status.textContent = text; };

  Analyser.prototype.fail = function (message) {
    this.error.textContent = message;
    this.error.hidden = false;
    this.output.textContent = "";
    this.download.hidden = true;
    this.result = null;
  };

  Analyser.prototype.readFile = function (file) {
    var self = this;
    this.say("Reading " + file.name + " …");
    file.arrayBuffer().then(function (buffer) {
      var bytes = new Uint8Array(buffer);
      var text = new TextDecoder("utf-8").decode(bytes.subarray(0, 65536));
      self.setTable(bytes, file.name, text);
    }, function () { self.fail(file.name + ": cannot read the file"); });
  };

  Analyser.prototype.loadExample = function () {
    var self = this;
    var url = this.root.dataset.example || (cl.liveBase || "") + "examples/partners.csv";
    fetch(url).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.text();
    }).then(function (text) {
      self.paste.value = text;
      self.setTable(text, "partners.csv", text);
    }, function (e) { self.fail("the example could not be loaded (" + e.message + ")"); });
  };

  Analyser.prototype.setTable = function (data, name, text) {
    var header = headerOf(text);
    this.table = { data: data, name: name, header: header };
    this.result = null;
    this.live = false;
    this.error.hidden = true;
    this.output.textContent = "";
    this.download.hidden = true;
    var options = function (select, values, first) {
      select.textContent = "";
      if (first) select.appendChild(h("option", { value: "", text: first }));
      values.forEach(function (v) { select.appendChild(h("option", { value: v, text: v })); });
    };
    options(this.decision, header);
    options(this.id, header, "(none: rows are numbered 1, 2, …)");
    this.decision.value = header[header.length - 1];
    this.id.value = header.length > 2 ? header[0] : "";
    this.fillConditions();
    this.settings.hidden = false;
    this.settings.querySelector(".cla-source").textContent =
      (name ? name : "Pasted table") + ": " + header.length + " columns. Choose the decision, " +
      "the id column and the conditions, then Analyse. Nothing leaves this page.";
    this.say("");
    this.preload();
  };

  /* A table was chosen: the reader asked for live computation, so Python starts loading now,
   * while the columns are being chosen (analyse waits for the same load). */
  Analyser.prototype.preload = function () {
    var self = this;
    if (cl.liveState === "ready" || typeof cl.loadPython !== "function") return;
    var loadingText = "Loading Python into the page (about 13 MB, once per visit) …";
    this.say(loadingText);
    cl.loadPython().then(function () {
      if (self.status.textContent === loadingText) self.say("Python is ready: press Analyse.");
    }, function () {
      if (self.status.textContent === loadingText) self.say("");
    });
  };

  Analyser.prototype.fillConditions = function () {
    var self = this, taken = [this.decision.value, this.id.value];
    var before = {};
    this.conditions.querySelectorAll("input").forEach(function (box) { before[box.value] = box.checked; });
    this.conditions.textContent = "";
    this.table.header.forEach(function (column, i) {
      if (taken.indexOf(column) >= 0) return;
      var id = self.decision.id + "-c" + i;
      var box = h("input", { type: "checkbox", id: id, value: column });
      box.checked = column in before ? before[column] : true;
      self.conditions.appendChild(h("span", { class: "cla-condition" }, [box,
        h("label", { for: id, text: " " + column + " " })]));
    });
  };

  Analyser.prototype.options = function () {
    var conditions = [];
    this.conditions.querySelectorAll("input:checked").forEach(function (box) { conditions.push(box.value); });
    return {
      decision: this.decision.value,
      id: this.id.value || null,
      conditions: conditions,
      rules: this.rules.value,
      beta: this.useBeta.checked ? Number(this.beta.value) : null,
      name: this.table.name,
    };
  };

  Analyser.prototype.analyse = function () {
    var self = this;
    if (!this.table) return Promise.resolve();
    var options = this.options();
    var started = performance.now();
    this.say(cl.liveState === "ready" ? "Computing …" :
      "Loading Python into the page (about 13 MB, once per visit) …");
    this.run.disabled = true;
    var job = (this.job = cl.analyse(this.table.data, options));
    return job.then(function (result) {
      if (job !== self.job) return;
      self.error.hidden = true;
      self.show(result);
      self.say("Computed in this page in " + Math.round(performance.now() - started) + " ms.");
    }, function (error) {
      if (job !== self.job) return;
      self.fail(error.message);
      self.say("");
    }).then(function () { self.run.disabled = false; });
  };

  Analyser.prototype.show = function (result) {
    var previous = this.result;
    this.result = result;
    this.output.textContent = "";
    if (typeof cl.render === "function") {
      cl.render(this.output, result, {
        previous: previous, title: "Result", level: cl.levelBelow(this.output)
      });
    } else {
      this.output.appendChild(plainResult(result));
    }
    this.download.hidden = false;
  };

  Analyser.prototype.save = function () {
    if (!this.result) return;
    var blob = new Blob([JSON.stringify(this.result, null, 2) + "\n"], { type: "application/json" });
    var link = h("a", { href: URL.createObjectURL(blob),
      download: (this.table.name || "pasted-table").replace(/\.[^.]*$/, "") + ".analysis.json" });
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  };

  // The analyser's own look (this page only); colours follow the theme (light and dark).
  var STYLE = [
    ".clusterlab-analyser fieldset{border:1px solid var(--pst-color-border,#ccc);",
    "border-radius:6px;padding:.6rem .8rem;margin:0 0 .8rem;min-width:0;max-width:100%}",
    ".clusterlab-analyser legend{font-size:1rem;font-weight:600;padding:0 .3rem;width:auto;",
    "float:none;margin:0}",
    ".clusterlab-analyser label{margin-right:.3rem}",
    ".clusterlab-analyser select{max-width:100%}",
    ".clusterlab-analyser textarea{display:block;width:100%;box-sizing:border-box;",
    "font-family:var(--pst-font-family-monospace,monospace);font-size:.85rem;",
    "background:inherit;color:inherit;margin:.3rem 0}",
    ".clusterlab-analyser .cla-drop{border:2px dashed var(--pst-color-border,#aaa);",
    "border-radius:6px;padding:.8rem;margin:.5rem 0;text-align:center;cursor:pointer}",
    ".clusterlab-analyser .cla-drop.cla-over{border-color:var(--pst-color-primary,#4c78a8)}",
    ".clusterlab-analyser .cla-conditions{display:flex;flex-wrap:wrap;gap:.2rem 1rem}",
    ".clusterlab-analyser .cla-condition{white-space:nowrap}",
    ".clusterlab-analyser .cla-row{margin:.3rem 0}",
    ".clusterlab-analyser .cla-error{border-left:4px solid var(--pst-color-danger,#c0392b);",
    "padding:.3rem .6rem;color:var(--pst-color-danger,#c0392b);overflow-wrap:anywhere}",
    ".clusterlab-analyser .cla-status{font-style:italic;min-height:1.5em}",
    ".clusterlab-analyser button{margin:.2rem .4rem .2rem 0}",
  ].join("");

  cl.Analyser = Analyser;
  function start() {
    if (!document.getElementById("clusterlab-analyser-style")) {
      document.head.appendChild(h("style", { id: "clusterlab-analyser-style", text: STYLE }));
    }
    document.querySelectorAll("div.clusterlab-analyser").forEach(function (root) {
      if (!root.analyser) root.analyser = new Analyser(root);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
