/* The handbook's search worker, in place of Material's lunr worker (overrides/main.html points
 * Material's search at this file). It speaks Material's worker protocol, so Material's search
 * box, result list, suggestions and on-page highlighting work unchanged:
 *   SETUP (0) -> READY (1), QUERY (2) -> RESULT (3).
 * Material starts this worker on every page view, so it is kept tiny: the engine
 * (search-engine.js) and the search data load on the first real query. In the offline
 * bundle this runs in iframe-worker.js's frame, where scripts load with a <script> tag.
 */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var TYPING_PAUSE = 120;  /* ms without a newer query before one is answered */
var SETTLE_PAUSE = 400;  /* ms more before the texts for snippets are loaded */
var here = self.document && document.currentScript ? document.currentScript.src : self.location.href;
var embedded = null, engine = null;

function loadEngine() {
  if (!engine) {
    /* search-engine.min.js beside search-worker.min.js when the build minified them */
    var url = new URL(/\.min\.js$/.test(here) ? "search-engine.min.js" : "search-engine.js", here).href;
    engine = new Promise(function (resolve, reject) {
      if (!self.document) { importScripts(url); return resolve(); }
      var script = document.createElement("script");
      script.src = url;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    }).then(function () {
      self.handbookSearch.setup(embedded, here);
      return self.handbookSearch;
    });
  }
  return engine;
}

async function answer(query, complete) {
  try {
    return { type: RESULT, data: await (await loadEngine()).search(query, complete) };
  } catch (error) {
    console.warn("Search failed for " + JSON.stringify(query), error);
    return { type: RESULT, data: { items: [], complete: true } };
  }
}

/* One message at a time, so results never overtake those of an earlier query. Search as you
 * type sends a query per key: a query is answered once TYPING_PAUSE has passed without a
 * newer one, from the data already loaded; if its results need texts not loaded yet (for
 * their snippets), it is answered again, completely, after SETTLE_PAUSE more. So a reader
 * typing a long question downloads the texts of one set of results, not of one per key. */
var queue = Promise.resolve(), received = 0;
function pause(ms) { return new Promise(function (resolve) { setTimeout(resolve, ms); }); }
addEventListener("message", function (event) {
  var number = ++received, message = event.data;
  function current() { return number === received; }
  queue = queue.then(async function () {
    if (message.type === SETUP) {
      embedded = (message.data.config && message.data.config.handbook) || null;
      engine = null;
      postMessage({ type: READY });
      return;
    }
    if (message.type !== QUERY) throw new TypeError("Unknown search message type " + message.type);
    var query = message.data;
    if (query.trim().length < 2) return postMessage({ type: RESULT, data: { items: [], complete: true } });
    if (!current()) return;  /* replaced while queued */
    await pause(TYPING_PAUSE);
    if (!current()) return;  /* replaced during the pause */
    var first = await answer(query, false);
    if (!current()) return;
    postMessage(first);
    if (first.data.complete) return;
    /* Outside the queue: a newer query must not wait for this one's pause. */
    pause(SETTLE_PAUSE).then(async function () {
      if (!current()) return;
      var full = await answer(query, true);
      if (current()) postMessage(full);
    });
  });
});
