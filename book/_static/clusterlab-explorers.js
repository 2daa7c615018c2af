/* clusterlab-explorers.js - the static explorers of the book (needs clusterlab-render.js).
 *
 * Mounts every <div class="clusterlab-explorer"> of the page from the JSON it holds
 * (written by clusterlab.explorers.static):
 *   data-kind="roughsets"  the rough-set explorer: every control live. Default settings
 *                          (decision and rule method of the precomputed data, Pawlak, minimum
 *                          support as precomputed, nobody left out) show the precomputed result
 *                          of the ticked attributes at once; anything else is computed in the
 *                          page by window.clusterlab.analyse (clusterlab-live.js, Pyodide,
 *                          loaded on first use). Both go through window.clusterlab.render.
 *   data-kind="twin"       a static twin of a kernel widget: the widget's output recorded for
 *                          every value of its controls.
 * Settings live in the page's URL query (<id>.<setting>=...), so a view can be linked.
 */
(function () {
  "use strict";
  var cl = (window.clusterlab = window.clusterlab || {});
  if (cl.mountExplorers) return;
  var h = cl._h, label = cl._label;

  function scriptBase() {
    return (document.documentElement.dataset.content_root || "") + "_static/";
  }

  var liveLoading = null;
  function ensureLive() {
    if (cl.analyse) return Promise.resolve(cl.analyse);
    if (!liveLoading) {
      liveLoading = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = scriptBase() + "clusterlab-live.js";
        s.dataset.clusterlab = "clusterlab-live.js";
        s.onload = function () { cl.analyse ? resolve(cl.analyse) : reject(new Error("clusterlab-live.js did not define clusterlab.analyse")); };
        s.onerror = function () { reject(new Error("could not load clusterlab-live.js")); };
        document.head.appendChild(s);
      });
    }
    return liveLoading;
  }

  /* ---- URL state ---- */
  function readUrl(id) {
    var params = new URLSearchParams(window.location.search), out = {};
    params.forEach(function (v, k) { if (k.indexOf(id + ".") === 0) out[k.slice(id.length + 1)] = v; });
    return out;
  }
  function writeUrl(id, state) {
    var params = new URLSearchParams(window.location.search);
    Array.from(params.keys()).forEach(function (k) { if (k.indexOf(id + ".") === 0) params.delete(k); });
    Object.keys(state).forEach(function (k) { if (state[k] !== null && state[k] !== "") params.set(id + "." + k, state[k]); });
    var q = params.toString();
    history.replaceState(history.state, "", window.location.pathname + (q ? "?" + q : "") + window.location.hash);
  }

  /* ---- the rough-set explorer ---- */
  function defaults(data) {
    return { attrs: data.initial.slice(), decision: data.pack.decision, method: data.pack.method,
      beta: null, minSupport: data.pack.min_support, leaveOut: [] };
  }

  function fromUrl(data, q) {
    var s = defaults(data), known = data.pack.attributes, firms = Object.keys(data.firms);
    if ("attrs" in q) s.attrs = q.attrs ? q.attrs.split(",").filter(function (a) { return known.indexOf(a) >= 0; }) : [];
    if (data.decisions.indexOf(q.decision) >= 0) s.decision = q.decision;
    if (q.rules && q.rules in data.methods) s.method = q.rules;
    var b = parseFloat(q.beta);
    if (b > 0.5 && b <= 1) s.beta = b;
    var m = parseInt(q.support, 10);
    if (m >= 1) s.minSupport = m;
    if (q.out) s.leaveOut = q.out.split(",").filter(function (f) { return firms.indexOf(f) >= 0; });
    return s;
  }

  function toUrl(data, s) {
    var d = defaults(data);
    return {
      attrs: s.attrs.join(",") === d.attrs.join(",") ? null : (s.attrs.join(",") || ""),
      decision: s.decision === d.decision ? null : s.decision,
      rules: s.method === d.method ? null : s.method,
      beta: s.beta === null ? null : String(s.beta),
      support: s.minSupport === d.minSupport ? null : String(s.minSupport),
      out: s.leaveOut.join(",") || null
    };
  }

  function isPrecomputed(data, s) {
    var p = data.pack;
    return s.decision === p.decision && s.method === p.method && s.beta === null &&
      s.minSupport === p.min_support && s.leaveOut.length === 0;
  }

  function nameOf(data, column) {
    var n = data.names;
    return n && Object.prototype.hasOwnProperty.call(n, column) ? n[column] : column;
  }

  function describe(data, s) {
    var named = s.attrs.map(function (a) { return nameOf(data, a); });
    var parts = ["attributes " + (named.length ? named.join(", ") : "(none)"), "decision " + nameOf(data, s.decision),
      data.methods[s.method], s.beta === null ? "Pawlak" : "beta " + s.beta];
    if (s.minSupport > 1) parts.push("minimum support " + s.minSupport);
    if (s.leaveOut.length) parts.push("left out " + s.leaveOut.join(", "));
    return parts.join("; ");
  }

  function renderOptions(data, s, extra) {
    return Object.assign({
      labels: data.labels, titles: data.titles, names: data.names, areas: data.areas[s.decision],
      colours: data.colours[s.decision], firms: data.firms, beta: s.beta, decision: s.decision,
      leftOut: s.leaveOut, words: data.words, tipColumns: data.pack.attributes
    }, extra || {});
  }

  function checkbox(name, value, checked, text, extraClass) {
    var input = h("input", { type: "checkbox", name: name, value: value });
    input.checked = checked;
    return { input: input, label: h("label", { class: extraClass || "" }, [input, text]) };
  }

  function select(name, text, options, value) {
    var sel = h("select", { name: name }, options.map(function (o) {
      var opt = h("option", { value: o[1], text: o[0] });
      if (o[1] === value) opt.selected = true;
      return opt;
    }));
    return { select: sel, label: h("label", {}, [text + " ", sel]) };
  }

  function mountRoughsets(root, data) {
    var id = root.id, pack = data.pack, level = cl.levelBelow(root);
    var state = fromUrl(data, readUrl(id));
    var shown = null, pinned = null, token = 0, view = null, viewReady = null;

    /* controls */
    var attrBoxes = {}, attrField = h("fieldset", { class: "cl-attrs" }, [h("legend", { text: "Condition attributes" })]);
    pack.attributes.forEach(function (a) {
      var word = nameOf(data, a);
      var c = checkbox("attr", a, state.attrs.indexOf(a) >= 0, word, "cl-attr-label");
      c.input.setAttribute("aria-describedby", id + "-status");
      attrBoxes[a] = c.input;
      var only = h("button", { type: "button", class: "cl-only", "data-attr": a, title: "Only " + word, "aria-label": "Only " + word, text: "only" });
      only.addEventListener("click", function () { state.attrs = [a]; sync(); update(); });
      c.input.addEventListener("change", function () {
        state.attrs = pack.attributes.filter(function (x) { return attrBoxes[x].checked; }); update();
      });
      attrField.appendChild(h("span", { class: "cl-attr" }, [c.label, only]));
    });
    var reset = h("button", { type: "button", class: "cl-reset", text: "Reset" });
    var clear = h("button", { type: "button", class: "cl-clear", text: "Clear all" });
    var all = h("button", { type: "button", class: "cl-all", text: "All attributes" });
    attrField.appendChild(h("div", { class: "cl-buttons" }, [reset, " ", clear, " ", all]));

    var decision = select("decision", "Decision", data.decisions.map(function (d) { return [nameOf(data, d), d]; }), state.decision);
    var method = select("rules", "Rules", Object.keys(data.methods).map(function (m) { return [data.methods[m], m]; }), state.method);
    var betaOn = checkbox("beta-on", "1", state.beta !== null, "Variable precision (beta)");
    var beta = h("input", { type: "number", name: "beta", min: "0.55", max: "1", step: "0.05", value: String(state.beta === null ? 0.6 : state.beta), "aria-label": "beta" });
    beta.disabled = state.beta === null;
    var support = h("input", { type: "number", name: "min-support", min: "1", max: String(pack.objects.length), step: "1", value: String(state.minSupport), "aria-label": "Minimum support" });
    var settings = h("fieldset", { class: "cl-settings" }, [h("legend", { text: "Analysis" }),
      h("div", {}, [decision.label]), h("div", {}, [method.label]),
      h("div", {}, [betaOn.label, " ", beta]),
      h("div", {}, [h("label", {}, ["Minimum support ", support])])]);
    var outBoxes = {};
    var outList = h("div", { class: "cl-outlist" }, pack.objects.map(function (o) {
      var c = checkbox("leave-out", o, state.leaveOut.indexOf(o) >= 0, o);
      outBoxes[o] = c.input;
      c.input.addEventListener("change", function () {
        state.leaveOut = pack.objects.filter(function (x) { return outBoxes[x].checked; }); update();
      });
      return h("span", { class: "cl-attr" }, [c.label]);
    }));
    var outField = h("fieldset", { class: "cl-leaveout" }, [h("legend", { text: "Leave out firms" }), outList]);
    var pin = h("button", { type: "button", class: "cl-pin", text: "Pin this setting" });
    var unpin = h("button", { type: "button", class: "cl-unpin", text: "Unpin" });
    unpin.hidden = true;
    var link = h("a", { class: "cl-link", href: "#" + id, text: "Link to this view" });
    var status = h("p", { class: "cl-status", id: id + "-status", role: "status", "aria-live": "polite" });
    var pinnedPane = h("section", { class: "cl-pane cl-pinned", "aria-label": "Pinned setting" });
    pinnedPane.hidden = true;
    var currentPane = h("section", { class: "cl-pane cl-current", "aria-label": "Current setting" });
    var panes = h("div", { class: "cl-panes" }, [currentPane, pinnedPane]);
    var chart = h("div", { class: "cl-chart", role: "img", "aria-label": "Chart of the firms by region (the same as the lists above)" });
    root.replaceChildren(
      h("div", { class: "cl-controls" }, [attrField, settings, outField]),
      h("div", { class: "cl-actions" }, [pin, " ", unpin, " ", link]),
      status, panes,
      h("h" + level, { class: "cl-part", text: "Regions chart" }), chart);

    function sync() {
      pack.attributes.forEach(function (a) { attrBoxes[a].checked = state.attrs.indexOf(a) >= 0; });
      pack.objects.forEach(function (o) { outBoxes[o].checked = state.leaveOut.indexOf(o) >= 0; });
      decision.select.value = state.decision; method.select.value = state.method;
      betaOn.input.checked = state.beta !== null; beta.disabled = state.beta === null;
      if (state.beta !== null) beta.value = String(state.beta);
      support.value = String(state.minSupport);
    }

    reset.addEventListener("click", function () { state = defaults(data); sync(); update(); });
    clear.addEventListener("click", function () { state.attrs = []; sync(); update(); });
    all.addEventListener("click", function () { state.attrs = pack.attributes.slice(); sync(); update(); });
    decision.select.addEventListener("change", function () { state.decision = decision.select.value; update(); });
    method.select.addEventListener("change", function () { state.method = method.select.value; update(); });
    betaOn.input.addEventListener("change", function () {
      state.beta = betaOn.input.checked ? clampBeta(beta.value) : null; sync(); update();
    });
    beta.addEventListener("change", function () { if (state.beta !== null) { state.beta = clampBeta(beta.value); sync(); update(); } });
    support.addEventListener("change", function () {
      var m = parseInt(support.value, 10); state.minSupport = m >= 1 ? m : 1; sync(); update();
    });
    pin.addEventListener("click", function () {
      if (!shown) return;
      pinned = { state: JSON.parse(JSON.stringify(state)), result: shown.result };
      pinnedPane.hidden = false; unpin.hidden = false; panes.classList.add("cl-compare");
      cl.render(pinnedPane, pinned.result, renderOptions(data, pinned.state, { level: level, title: "Pinned: " + describe(data, pinned.state) }));
    });
    unpin.addEventListener("click", function () {
      pinned = null; pinnedPane.hidden = true; unpin.hidden = true; panes.classList.remove("cl-compare");
      pinnedPane.replaceChildren();
    });

    function clampBeta(text) {
      var b = parseFloat(text);
      if (!(b > 0.5)) b = 0.55;
      if (b > 1) b = 1;
      return Math.round(b * 100) / 100;
    }

    function ensureChart() {
      if (!viewReady) {
        viewReady = typeof window.vegaEmbed === "function"
          ? window.vegaEmbed(chart, data.spec, { renderer: "svg", actions: false }).then(function (r) { view = r.view; return view; })
          : Promise.resolve(null);
      }
      return viewReady;
    }

    function show(result, s, source) {
      var out = cl.render(currentPane, result, renderOptions(data, s, {
        previous: shown ? shown.result : null, level: level,
        title: (pinned ? "Current: " : "") + describe(data, s)
      }));
      shown = { result: result, state: JSON.parse(JSON.stringify(s)) };
      root.dataset.source = source;
      ensureChart().then(function (v) {
        if (v) return v.data("rsx_tiles", out.rows).runAsync();
      }).then(function () { root.dataset.chartRows = String(out.rows.length); });
    }

    function update() {
      var s = JSON.parse(JSON.stringify(state)), mine = ++token;
      writeUrl(id, toUrl(data, s));
      link.href = window.location.href.split("#")[0] + "#" + id;
      if (isPrecomputed(data, s)) {
        show(cl.unpack(pack, cl.keyOf(pack, s.attrs)), s, "precomputed");
        status.className = "cl-status";
        status.textContent = "Showing a precomputed result (analysed when the book was built).";
        root.dataset.state = "ready";
        return;
      }
      root.dataset.state = "computing";
      status.className = "cl-status cl-busy";
      status.textContent = cl.analyse ? "Computing in this page\u2026" :
        "Computing in this page: loading Python (Pyodide) for the first time, a few seconds\u2026";
      ensureLive().then(function (analyse) {
        var conditions = pack.attributes.filter(function (a) { return s.attrs.indexOf(a) >= 0; });
        return analyse(data.csv, { decision: s.decision, id: data.id, conditions: conditions,
          beta: s.beta, rules: s.method, min_support: s.minSupport, leave_out: s.leaveOut });
      }).then(function (result) {
        if (mine !== token) return;
        show(result, s, "live");
        status.className = "cl-status";
        status.textContent = "Showing a live result, computed in this page by Python (Pyodide).";
        root.dataset.state = "ready";
      }, function (error) {
        if (mine !== token) return;
        status.className = "cl-status cl-error";
        status.textContent = "Could not compute: " + (error && error.message ? error.message : error);
        root.dataset.state = "error";
      });
    }
    update();
  }

  /* ---- twins of the kernel widgets ---- */
  function mountTwin(root, data) {
    var id = root.id, q = readUrl(id), selects = {};
    var out = h("div", { class: "cl-twin-out", "aria-live": "polite" });
    var controls = h("div", { class: "cl-controls" }, data.order.map(function (name) {
      var options = data.controls[name];
      var values = options.map(function (o) { return o[1]; });
      var value = values.indexOf(q[name]) >= 0 ? q[name] : values[0];
      var s = select(name, name.charAt(0).toUpperCase() + name.slice(1), options, value);
      selects[name] = s.select;
      s.select.addEventListener("change", update);
      return s.label;
    }));
    root.replaceChildren(controls, out);
    function update() {
      var state = {};
      // HTML written (and escaped) by the kernel widget at build time, one view per part
      out.innerHTML = data.parts.map(function (part) {
        return part.views[part.on.map(function (n) { return selects[n].value; }).join("|")];
      }).join("");
      data.order.forEach(function (n) { state[n] = selects[n].value === data.controls[n][0][1] ? null : selects[n].value; });
      writeUrl(id, state);
      root.dataset.state = "ready";
    }
    update();
  }

  function mountExplorers() {
    document.querySelectorAll(".clusterlab-explorer").forEach(function (root) {
      if (root.dataset.mounted) return;
      var holder = root.querySelector("script.clusterlab-data");
      if (!holder) return;
      root.dataset.mounted = "1";
      var data = JSON.parse(holder.textContent);
      try {
        if (root.dataset.kind === "roughsets") mountRoughsets(root, data);
        else if (root.dataset.kind === "twin") mountTwin(root, data);
      } catch (error) {
        root.appendChild(h("p", { class: "cl-status cl-error", text: "The explorer failed: " + error.message }));
        throw error;
      }
    });
  }

  cl.mountExplorers = mountExplorers;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountExplorers);
  else mountExplorers();
})();
