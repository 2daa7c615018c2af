/* clusterlab-live.js - the rough-set engine in the page (Python via Pyodide, served by the book).
 *
 * window.clusterlab.analyse(csv, options) -> Promise of the JSON that
 *   `clusterlab analyse FILE --decision D ... --json` prints for the same table and settings
 *   (schema: clusterlab/schemas/analysis.schema.json), computed by the book's own clusterlab
 *   modules (clusterlab.cli.analyse_text) under Pyodide, in this page; nothing is sent anywhere.
 *
 *   csv      the table: a string (CSV text), or the file's bytes (ArrayBuffer / Uint8Array;
 *            decoded as the command line does: UTF-8, byte-order mark allowed)
 *   options  decision (required), id, conditions (array or "a,b"), beta (number, null = Pawlak),
 *            rules ("lem2" | "minimal"), min_support (integer >= 1), leave_out (array of object
 *            labels), name (the file's name: source.file and the start of error messages;
 *            null/absent = pasted text), delimiter, encoding, max_reducts, heuristic, loo_max
 *
 *   Bad input rejects with an Error whose message is the command line's one-line error without
 *   its "clusterlab analyse: error: " prefix, e.g. "bad.csv: line 3 (row 2): 1 fields, ...".
 *
 * window.clusterlab.loadPython() -> Promise: loads Pyodide and the modules (analyse does it on
 *   its first call). window.clusterlab.liveState: "idle" | "loading" | "ready" | "failed".
 *
 * Nothing is fetched when this file loads: Pyodide (about 13.5 MB, from _static/pyodide/) and
 * the clusterlab modules (_static/clusterlab-lib.zip) are fetched on the first call only.
 * Python runs on the page's main thread; each call first lets the page paint (so a "computing"
 * message shows).
 */
(function () {
  "use strict";
  var cl = (window.clusterlab = window.clusterlab || {});
  if (cl.analyse) return;

  var here = document.currentScript && document.currentScript.src;
  var STATIC = here
    ? here.replace(/[^/]*$/, "")
    : (document.documentElement.dataset.content_root || "") + "_static/";
  var SITE_DIR = "/clusterlab-lib";
  var GLUE = [
    "import json, sys",
    "sys.path.insert(0, '" + SITE_DIR + "')",
    "from clusterlab.cli import AnalyseError, analyse_text",
    "def _clusterlab_analyse(data, options):",
    "    if not isinstance(data, str):",
    "        data = data.to_bytes()",
    "    try:",
    "        result = analyse_text(data, **json.loads(options))",
    "    except AnalyseError as exc:",
    "        return json.dumps({'error': str(exc)}, ensure_ascii=False)",
    "    return json.dumps({'result': result}, ensure_ascii=False, allow_nan=False)",
  ].join("\n");
  // JavaScript option -> keyword of clusterlab.cli.analyse_text
  var KEYWORDS = {
    decision: "decision", id: "id_column", conditions: "conditions", beta: "beta",
    rules: "rules", min_support: "min_support", minSupport: "min_support",
    leave_out: "leave_out", leaveOut: "leave_out", name: "name", delimiter: "delimiter",
    encoding: "encoding", max_reducts: "max_reducts", heuristic: "heuristic",
    loo_max: "loo_max",
  };

  var loading = null;
  cl.liveState = "idle";
  cl.liveBase = STATIC;

  function load() {
    if (loading) return loading;
    cl.liveState = "loading";
    loading = (async function () {
      var zip = fetch(STATIC + "clusterlab-lib.zip"); // meanwhile Pyodide loads
      var module = await import(STATIC + "pyodide/pyodide.mjs");
      var pyodide = await module.loadPyodide({
        indexURL: STATIC + "pyodide/",
        stdout: function () {},
        stderr: function () {},
      });
      var response = await zip;
      if (!response.ok) throw new Error("clusterlab-lib.zip: HTTP " + response.status);
      pyodide.unpackArchive(await response.arrayBuffer(), "zip", { extractDir: SITE_DIR });
      pyodide.runPython(GLUE);
      cl.liveState = "ready";
      return pyodide.globals.get("_clusterlab_analyse");
    })();
    loading.catch(function () {
      cl.liveState = "failed";
      loading = null; // a later call tries again
    });
    return loading;
  }

  function keywords(options) {
    var out = {};
    Object.keys(options || {}).forEach(function (key) {
      if (!(key in KEYWORDS)) throw new Error("unknown option " + JSON.stringify(key));
      var value = options[key];
      if (value !== undefined && value !== null && value !== "") out[KEYWORDS[key]] = value;
    });
    if (typeof out.decision !== "string") throw new Error("options.decision: a column name is needed");
    return out;
  }

  function painted() {
    return new Promise(function (resolve) {
      requestAnimationFrame(function () { setTimeout(resolve, 0); });
      setTimeout(resolve, 50); // hidden tabs get no animation frames
    });
  }

  cl.loadPython = function () { return load().then(function () {}); };

  cl.analyse = function (csv, options) {
    var data, kw;
    try {
      kw = JSON.stringify(keywords(options));
      if (typeof csv === "string") data = csv;
      else if (csv instanceof ArrayBuffer) data = new Uint8Array(csv);
      else if (ArrayBuffer.isView(csv)) data = new Uint8Array(csv.buffer, csv.byteOffset, csv.byteLength);
      else throw new Error("the table must be CSV text or the file's bytes");
    } catch (error) {
      return Promise.reject(error);
    }
    return load().then(function (run) {
      return painted().then(function () {
        var answer = JSON.parse(run(data, kw));
        if ("error" in answer) throw new Error(answer.error);
        return answer.result;
      });
    });
  };
})();
