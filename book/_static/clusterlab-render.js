/* clusterlab-render.js - one renderer for rough-set results (no framework, no dependencies).
 *
 * window.clusterlab.render(element, result, options) shows `result`, the JSON printed by
 * `clusterlab analyse --json` (schema: clusterlab/schemas/analysis.schema.json), as HTML in
 * `element`: quality, core, reducts, rules (measures and the objects each covers) and regions
 * (which objects sit in the lower approximation of each decision class, in the boundary, or
 * were left out). Precomputed and live results go through this one function.
 *
 * options (all optional):
 *   labels    {column: {code: label}}   codebook labels for values
 *   titles    {column: title}           column titles (tile tooltips)
 *   names     {column: word}            attribute names as the page writes them in the core,
 *                                       reducts and rules (`legal status`); others as coded
 *   areas     {value: {pawlak, beta}}   region names of each decision value
 *   colours   {label: css colour}       tile colour of a decision label
 *   firms     {object: {column: value}} attribute values shown in tile tooltips
 *   tipColumns [column]                 the chart's tooltip fields t0, t1, ... (regionRows)
 *   beta      number|null               the result's beta (default: result.settings.beta)
 *   leftOut   [object]                  objects left out (default: result.settings.left_out)
 *   previous  result                    the result shown before: changes are highlighted
 *   title     string                    heading of the result
 *   level     number                    its heading level (default 4: h4); the result's parts
 *                                       take the next level, the regions the one after, so
 *                                       that a page's heading levels never skip one
 *   words     {boundary, left_out}
 * Returns {added, removed, rows}: the rules added and removed since `previous` and the rows of
 * the regions chart (clusterlab.regionRows).
 *
 * window.clusterlab.unpack(pack, key) turns one record of the static explorer's packed format
 * (format 3, defined in clusterlab/explorers/_packing.py) into that same result JSON.
 */
(function () {
  "use strict";
  var cl = (window.clusterlab = window.clusterlab || {});
  if (cl.render) return;

  var PALETTE = ["#4c78a8", "#f58518", "#54a24b", "#b279a2", "#e45756", "#72b7b2",
    "#9d755d", "#eeca3b", "#ff9da6", "#79706e"];
  var PER_LINE = 8;

  function h(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k === "class") node.className = attrs[k];
      else if (attrs[k] !== null && attrs[k] !== undefined) node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  function fixed(x, digits) {
    return x === null || x === undefined ? "n/a" : Number(x).toFixed(digits);
  }

  function label(labels, column, value) {
    var m = labels && labels[column];
    return m && Object.prototype.hasOwnProperty.call(m, value) ? m[value] : String(value);
  }

  function nameOf(names, column) {
    return names && Object.prototype.hasOwnProperty.call(names, column) ? names[column] : column;
  }

  function setText(attributes, names) {
    return attributes.length ? "{" + attributes.map(function (a) { return nameOf(names, a); }).join(", ") + "}" : "(empty)";
  }

  function ruleKey(rule) {
    return JSON.stringify([Object.keys(rule["if"]).map(function (a) { return [a, rule["if"][a]]; }),
      rule.then, rule.type]);
  }

  function ruleText(rule, decision, labels, names) {
    var conds = Object.keys(rule["if"]).map(function (a) {
      return nameOf(names, a) + " = " + label(labels, a, rule["if"][a]);
    });
    return {
      when: "IF " + (conds.join(" AND ") || "TRUE"),
      then: "THEN " + nameOf(names, decision) + " = " + rule.then.map(function (v) { return label(labels, decision, v); }).join(" or ")
    };
  }

  /* ---- the packed format (format 3) ---- */
  function keyOf(pack, conditions) {
    return pack.attributes.reduce(function (k, a, i) {
      return conditions.indexOf(a) >= 0 ? k | (1 << i) : k;
    }, 0);
  }

  function attrsOf(pack, key) {
    return pack.attributes.filter(function (a, i) { return (key >> i) & 1; });
  }

  function qualityOf(pack, key) {
    var cls = pack.subsets[key].i, first = {}, mixed = {}, kept = 0;
    cls.forEach(function (c, o) {
      if (!(c in first)) first[c] = pack.d[o];
      else if (first[c] !== pack.d[o]) mixed[c] = true;
    });
    cls.forEach(function (c) { if (!mixed[c]) kept += 1; });
    return kept / cls.length;
  }

  function unpack(pack, key) {
    var rec = pack.subsets[key], cls = rec.i, objects = pack.objects;
    var conditions = attrsOf(pack, key), groups = {}, approximations = {}, positive = {};
    cls.forEach(function (c, o) { (groups[c] = groups[c] || []).push(objects[o]); });
    pack.values.forEach(function (value, v) {
      var meets = {}, other = {};
      cls.forEach(function (c, o) { if (pack.d[o] === v) meets[c] = true; else other[c] = true; });
      var upper = objects.filter(function (o, j) { return meets[cls[j]]; });
      var lower = objects.filter(function (o, j) { return meets[cls[j]] && !other[cls[j]]; });
      lower.forEach(function (o) { positive[o] = true; });
      approximations[value] = {
        lower: lower, upper: upper,
        boundary: upper.filter(function (o) { return lower.indexOf(o) < 0; }),
        accuracy: lower.length / upper.length
      };
    });
    var quality = qualityOf(pack, key), significance = {};
    conditions.forEach(function (a) {
      significance[a] = quality - qualityOf(pack, key & ~(1 << pack.attributes.indexOf(a)));
    });
    return {
      source: pack.source, warnings: [], objects: objects.slice(), conditions: conditions,
      decision: pack.decision,
      classes: Object.keys(groups).map(Number).sort(function (a, b) { return a - b; })
        .map(function (c) { return groups[c]; }),
      approximations: approximations,
      positive_region: objects.filter(function (o) { return positive[o]; }),
      quality: quality, significance: significance,
      core: attrsOf(pack, rec.c),
      reducts: rec.r.map(function (r) { return attrsOf(pack, r); }),
      reducts_complete: true, reduct_method: "exact",
      rules: rec.u.map(function (i) { return pack.rules[i]; }),
      loo_accuracy: null, loo_skipped: "not precomputed for the static page",
      settings: { beta: null, rules: pack.method, min_support: pack.min_support, left_out: [] }
    };
  }

  /* ---- regions ---- */
  /* An object's own decision when no attribute values are given: the one decision class whose
     upper approximation holds it (Pawlak: its own); "?" when it is in several (the boundary). */
  function decisionOf(result) {
    var own = {};
    Object.keys(result.approximations).forEach(function (v) {
      result.approximations[v].upper.forEach(function (o) { own[o] = o in own ? "?" : v; });
    });
    return own;
  }

  function regionName(options, value, beta) {
    var areas = options.areas || {}, labels = options.labels || {};
    var entry = areas[value];
    if (entry) return beta === null || beta === undefined ? entry.pawlak : entry.beta;
    var lab = label(labels, options.decision, value);
    return (beta === null || beta === undefined ? "certainly " : "mostly ") + lab;
  }

  /* The regions: [{value, name, objects}] for each decision value's lower approximation, then
     the boundary and the left-out objects. */
  function regions(result, options) {
    var words = options.words || {}, inLower = {}, out = [];
    var beta = options.beta;
    Object.keys(result.approximations).forEach(function (v) {
      var lower = result.approximations[v].lower;
      lower.forEach(function (o) { inLower[o] = true; });
      out.push({ value: v, name: regionName(options, v, beta), objects: lower });
    });
    out.push({ value: null, name: words.boundary || "boundary",
      objects: result.objects.filter(function (o) { return !inLower[o]; }) });
    if (options.leftOut && options.leftOut.length) {
      out.push({ value: null, name: words.left_out || "left out", objects: options.leftOut.slice() });
    }
    return out;
  }

  function colourOf(options, decisionLabel, values) {
    var c = options.colours || {};
    if (c[decisionLabel]) return c[decisionLabel];
    var i = values.indexOf(decisionLabel);
    return PALETTE[(i < 0 ? 0 : i) % PALETTE.length];
  }

  function ownValue(options, object, fallback) {
    var f = options.firms && options.firms[object];
    return f && options.decision in f ? f[options.decision] : fallback[object];
  }

  function tipLines(options, object) {
    var f = (options.firms || {})[object], titles = options.titles || {};
    if (!f) return [];
    return Object.keys(f).map(function (c) {
      return (titles[c] || c) + ": " + label(options.labels, c, f[c]);
    });
  }

  /* Rows of the regions chart (Vega data set rsx_tiles): headings and tiles, PER_LINE a line. */
  function regionRows(result, options) {
    var rows = [], y = 0, fallback = decisionOf(result);
    var labelsSeen = Object.keys(result.approximations).map(function (v) {
      return label(options.labels, options.decision, v);
    });
    regions(result, options).forEach(function (region) {
      if (!region.objects.length) return;
      rows.push({ kind: "heading", x: 0, y: y, text: region.name + " (" + region.objects.length + ")" });
      y += 1;
      region.objects.forEach(function (o, i) {
        var dl = label(options.labels, options.decision, ownValue(options, o, fallback));
        var row = { kind: "tile", x: i % PER_LINE, y: y + Math.floor(i / PER_LINE), text: o,
          area: region.name, dl: dl, c: colourOf(options, dl, labelsSeen) };
        var f = (options.firms || {})[o] || {};
        (options.tipColumns || []).forEach(function (col, k) { row["t" + k] = label(options.labels, col, f[col]); });
        rows.push(row);
      });
      y += Math.ceil(region.objects.length / PER_LINE);
    });
    return rows;
  }

  /* ---- the HTML ---- */
  function summary(result, options) {
    var n = result.objects.length;
    var dl = h("dl", { class: "cl-summary" }, [
      h("dt", { text: "Quality of classification" }),
      h("dd", { class: "cl-quality", text: fixed(result.quality, 3) + " (" + result.positive_region.length +
        " of " + n + " objects in the positive region)" }),
      h("dt", { text: "Core" }),
      h("dd", { class: "cl-core", text: setText(result.core, options.names) }),
      h("dt", { text: "Reducts (" + result.reducts.length + (result.reducts_complete === false ? ", search stopped early" : "") + ")" }),
      h("dd", {}, [h("ul", { class: "cl-reducts" }, result.reducts.map(function (r) {
        return h("li", { text: setText(r, options.names) });
      }))])
    ]);
    var notes = [dl];
    if (options.beta !== null && options.beta !== undefined) {
      notes.push(h("p", { class: "cl-note", text: "Variable precision beta = " + options.beta +
        ": approximations and quality use beta; core, reducts and rules are Pawlak's." }));
    }
    return notes;
  }

  function changes(result, previous, decision, labels, names) {
    var before = {}, now = {}, added = [], removed = [];
    previous.rules.forEach(function (r) { before[ruleKey(r)] = r; });
    result.rules.forEach(function (r) { now[ruleKey(r)] = r; if (!before[ruleKey(r)]) added.push(r); });
    previous.rules.forEach(function (r) { if (!now[ruleKey(r)]) removed.push(r); });
    var parts = [];
    if (fixed(previous.quality, 6) !== fixed(result.quality, 6)) {
      parts.push("quality " + fixed(previous.quality, 3) + " \u2192 " + fixed(result.quality, 3));
    }
    if (setText(previous.core) !== setText(result.core)) {
      parts.push("core " + setText(previous.core, names) + " \u2192 " + setText(result.core, names));
    }
    if (JSON.stringify(previous.reducts) !== JSON.stringify(result.reducts)) {
      parts.push("reducts changed (" + previous.reducts.length + " \u2192 " + result.reducts.length + ")");
    }
    if (added.length) parts.push(added.length + " rule" + (added.length > 1 ? "s" : "") + " added");
    if (removed.length) parts.push(removed.length + " rule" + (removed.length > 1 ? "s" : "") + " removed");
    if (JSON.stringify(previous.approximations) !== JSON.stringify(result.approximations)) {
      parts.push("regions changed");
    }
    var text = parts.length ? "Since the last setting: " + parts.join("; ") + "." :
      "Nothing changed since the last setting.";
    var node = h("p", { class: "cl-changes" + (parts.length ? "" : " cl-nochange"), text: text });
    var list = null;
    if (removed.length) {
      list = h("details", { class: "cl-removed" }, [
        h("summary", { text: "Rules removed (" + removed.length + ")" }),
        h("ul", {}, removed.map(function (r) {
          var t = ruleText(r, decision, labels, names);
          return h("li", {}, [h("del", { text: t.when + " " + t.then })]);
        }))
      ]);
    }
    return { node: node, list: list, added: added, removed: removed };
  }

  function rulesList(result, options, added) {
    var isNew = {};
    (added || []).forEach(function (r) { isNew[ruleKey(r)] = true; });
    if (!result.rules.length) return h("p", { class: "cl-norules", text: "No rules." });
    return h("ol", { class: "cl-rules" }, result.rules.map(function (r) {
      var t = ruleText(r, result.decision, options.labels, options.names), fresh = isNew[ruleKey(r)];
      return h("li", { class: "cl-rule cl-" + r.type + (fresh ? " cl-added" : "") }, [
        h("span", { class: "cl-if", text: t.when }), " ",
        h("span", { class: "cl-then", text: t.then }),
        fresh ? h("span", { class: "cl-badge", text: "new" }) : null,
        h("span", { class: "cl-measures", text: r.type + "; support " + r.support + ", strength " +
          fixed(r.strength, 2) + ", certainty " + fixed(r.certainty, 2) + ", coverage " + fixed(r.coverage, 2) }),
        h("span", { class: "cl-covers", text: "Covers: " + (r.objects.join(", ") || "(none)") })
      ]);
    }));
  }

  function regionsBlock(result, options) {
    var fallback = decisionOf(result);
    var labelsSeen = Object.keys(result.approximations).map(function (v) {
      return label(options.labels, options.decision, v);
    });
    var blocks = regions(result, options).map(function (region) {
      return h("div", { class: "cl-region" }, [
        h(heading(options, 2), { class: "cl-region-name", text: region.name + " (" + region.objects.length + ")" }),
        region.objects.length ? h("ul", { class: "cl-tiles" }, region.objects.map(function (o) {
          var value = ownValue(options, o, fallback);
          var dl = label(options.labels, options.decision, value);
          var tip = [o + " (" + dl + ")"].concat(tipLines(options, o)).join("\n");
          return h("li", { class: "cl-tile", tabindex: "0", title: tip, "data-object": o,
            style: "background:" + colourOf(options, dl, labelsSeen),
            "aria-label": o + ", " + dl }, [o]);
        })) : h("p", { class: "cl-none", text: "(none)" })
      ]);
    });
    var rows = Object.keys(result.approximations).map(function (v) {
      var a = result.approximations[v];
      return h("tr", {}, [
        h("th", { scope: "row", text: label(options.labels, result.decision, v) }),
        h("td", { text: a.lower.join(", ") || "(none)" }),
        h("td", { text: a.boundary.join(", ") || "(none)" }),
        h("td", { text: fixed(a.accuracy, 3) })
      ]);
    });
    var table = h("div", { class: "cl-scroll" }, [h("table", { class: "cl-approx" }, [
      h("caption", { text: "Approximations of each decision class" }),
      h("thead", {}, [h("tr", {}, ["Class", "Lower approximation", "Boundary", "Accuracy"].map(function (t) {
        return h("th", { scope: "col", text: t });
      }))]),
      h("tbody", {}, rows)
    ])]);
    return h("div", { class: "cl-regions" }, blocks.concat([table]));
  }

  /* The heading level for a block placed at `element`: one below the page's last heading
   * before it (3 when there is none), so that the page's heading levels never skip one. */
  function levelBelow(element) {
    var level = 2;
    document.querySelectorAll("h1, h2, h3, h4, h5, h6").forEach(function (heading) {
      if (heading.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) {
        level = Number(heading.tagName.charAt(1));
      }
    });
    return Math.min(6, level + 1);
  }

  /* The heading tag `steps` levels below the result's title (h6 at most). */
  function heading(options, steps) {
    return "h" + Math.min(6, (options.level || 4) + steps);
  }

  function render(element, result, options) {
    var settings = result.settings || {};
    options = Object.assign({ decision: result.decision, beta: settings.beta, leftOut: settings.left_out },
      options || {});
    var diff = options.previous ? changes(result, options.previous, result.decision, options.labels, options.names) : null;
    var parts = [];
    if (options.title) parts.push(h(heading(options, 0), { class: "cl-title", text: options.title }));
    parts = parts.concat(summary(result, options));
    if (diff) { parts.push(diff.node); }
    parts.push(h(heading(options, 1), { class: "cl-part", text: "Decision rules (" + result.rules.length + ")" }));
    parts.push(rulesList(result, options, diff && diff.added));
    if (diff && diff.list) parts.push(diff.list);
    parts.push(h(heading(options, 1), { class: "cl-part", text: "Objects by region" }));
    parts.push(regionsBlock(result, options));
    var box = h("div", { class: "cl-result" }, parts);
    element.replaceChildren(box);
    return { added: diff ? diff.added : [], removed: diff ? diff.removed : [], rows: regionRows(result, options) };
  }

  var CSS = [
    ".clusterlab-explorer,.cl-result{--cl-fg:var(--pst-color-text-base,#222);--cl-muted:var(--pst-color-text-muted,#555);",
    "--cl-bg:var(--pst-color-surface,#f6f6f6);--cl-border:var(--pst-color-border,#ccc);",
    "--cl-accent:var(--pst-color-primary,#0a58ca);--cl-new:#1a7f37;--cl-new-bg:rgba(26,127,55,.12);",
    "color:var(--cl-fg);overflow-wrap:break-word}",
    ".clusterlab-explorer{background:var(--pst-color-background,#fff);padding:.5em;border-radius:6px;",
    "max-width:100%;overflow-wrap:break-word;margin:1em 0}",
    "div.cell_output div.output:has(> .clusterlab-explorer){background:transparent!important;padding:0!important}",
    "html[data-theme=dark] .clusterlab-explorer,html[data-theme=dark] .cl-result{--cl-new:#56d364;--cl-new-bg:rgba(86,211,100,.15)}",
    ".clusterlab-explorer .cl-noscript{color:var(--cl-muted)}",
    ".cl-controls{display:flex;flex-wrap:wrap;gap:.6em 1.2em;align-items:flex-start;margin-bottom:.8em}",
    ".cl-controls fieldset{border:1px solid var(--cl-border);border-radius:6px;padding:.4em .7em;margin:0;min-width:0;max-width:100%}",
    ".cl-controls legend{font-size:.95em;font-weight:600;padding:0 .3em;width:auto;float:none;margin:0}",
    ".cl-attr{display:inline-flex;align-items:center;gap:.25em;margin:.15em .8em .15em 0}",
    ".clusterlab-explorer button,.clusterlab-explorer select,.clusterlab-explorer input[type=number]{min-height:28px;",
    "font:inherit;color:var(--cl-fg);background:var(--cl-bg);border:1px solid var(--cl-border);border-radius:4px;padding:.1em .5em}",
    ".clusterlab-explorer input[type=checkbox]{width:24px;height:24px;margin:0}",
    ".clusterlab-explorer label{min-height:24px;display:inline-flex;flex-wrap:wrap;align-items:center;gap:.3em}",
    ".clusterlab-explorer select{max-width:100%;min-width:0}.clusterlab-explorer label{max-width:100%}",
    ".cl-approx,.cl-twin-out table{overflow-wrap:normal}",
    ".cl-tile{position:relative}.cl-tile:focus::after{content:attr(title);position:absolute;left:0;top:100%;",
    "z-index:5;white-space:pre-wrap;width:max-content;max-width:min(22em,80vw);text-align:left;font-weight:400;",
    "text-shadow:none;background:var(--cl-bg);color:var(--cl-fg);border:1px solid var(--cl-border);padding:.3em .5em;border-radius:4px}",
    ".clusterlab-explorer button.cl-only{font-size:.8em;min-height:24px;padding:0 .35em}",
    ".clusterlab-explorer :focus-visible{outline:3px solid var(--cl-accent);outline-offset:2px}",
    ".cl-status{font-size:.95em;color:var(--cl-muted);margin:.3em 0 .6em}",
    ".cl-status.cl-busy::before{content:'\\231B ';}",
    ".cl-status.cl-error{color:#c62828}",
    ".cl-panes{display:grid;grid-template-columns:minmax(0,1fr);gap:1em}",
    ".cl-panes.cl-compare{grid-template-columns:repeat(auto-fit,minmax(300px,1fr))}",
    ".cl-pane{min-width:0}",
    ".cl-pinned{border-left:4px solid var(--cl-accent);padding-left:.7em}",
    ".cl-summary{display:grid;grid-template-columns:fit-content(11em) minmax(0,1fr);gap:.15em .8em;margin:.3em 0}",
    ".cl-summary dt{font-weight:600}.cl-summary dd{margin:0}",
    ".cl-pane,.cl-result{container-type:inline-size}",
    "@container (max-width:520px){.cl-summary{grid-template-columns:minmax(0,1fr)}.cl-summary dd{margin-bottom:.3em}}",
    ".cl-reducts{margin:0;padding-left:1.1em}",
    // headings take the page's levels (h3 under an h2, ...) but keep one size
    ".cl-result .cl-title{margin:.4em 0 .2em;font-size:1.05em;line-height:1.35}",
    ".cl-result .cl-part,.clusterlab-explorer .cl-part{margin:.9em 0 .3em;font-size:1em;line-height:1.35}",
    ".cl-changes{padding:.3em .6em;border-radius:4px;background:var(--cl-bg);border:1px solid var(--cl-border)}",
    ".cl-rules{padding-left:1.6em;margin:0}",
    ".cl-rule{margin:.15em 0 .55em;padding:.2em .4em;border-radius:4px}",
    ".cl-rule span{display:inline}.cl-rule .cl-measures,.cl-rule .cl-covers{display:block;font-size:.9em;color:var(--cl-muted)}",
    ".cl-then{font-weight:600}.cl-possible .cl-then{font-style:italic}",
    ".cl-added{background:var(--cl-new-bg);outline:1px solid var(--cl-new)}",
    ".cl-badge{margin-left:.5em;font-size:.8em;font-weight:700;color:var(--cl-new);text-transform:uppercase}",
    ".cl-removed del{color:var(--cl-muted)}",
    ".cl-tiles{list-style:none;display:flex;flex-wrap:wrap;gap:4px;padding:0;margin:.2em 0 .6em}",
    ".cl-tile{color:#fff;font-weight:700;font-size:.8em;padding:.3em .45em;border-radius:4px;min-width:2.6em;",
    "text-align:center;cursor:help;text-shadow:0 0 2px rgba(0,0,0,.6)}",
    ".cl-region-name{font-size:.95em!important}",
    ".cl-scroll{overflow-x:auto;max-width:100%}",
    ".cl-approx{font-size:.9em;border-collapse:collapse}.cl-approx th,.cl-approx td{border:1px solid var(--cl-border);padding:.2em .4em;vertical-align:top;text-align:left}",
    ".cl-approx caption{caption-side:top;text-align:left;color:var(--cl-muted)}",
    ".cl-chart{max-width:100%;overflow-x:auto}",
    ".cl-chart [class*=rsx_headings] text{fill:var(--cl-fg)}",
    ".cl-twin-out table{font-size:.9em;border-collapse:collapse;display:block;overflow-x:auto;max-width:100%}",
    ".cl-twin-out th,.cl-twin-out td{border:1px solid var(--cl-border);padding:.2em .4em;text-align:left}",
    ".cl-link{font-size:.9em}"
  ].join("");

  function injectStyle() {
    if (document.getElementById("clusterlab-render-css")) return;
    var style = h("style", { id: "clusterlab-render-css" });
    style.textContent = CSS;
    document.head.appendChild(style);
  }
  injectStyle();

  cl.render = render;
  cl.levelBelow = levelBelow;
  cl.unpack = unpack;
  cl.keyOf = keyOf;
  cl.regionRows = regionRows;
  cl.ruleText = ruleText;
  cl._h = h;
  cl._label = label;
})();
