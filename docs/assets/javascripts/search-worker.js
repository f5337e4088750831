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

async function handle(message) {
  if (message.type === SETUP) {
    embedded = (message.data.config && message.data.config.handbook) || null;
    engine = null;
    return { type: READY };
  }
  if (message.type === QUERY) {
    if (message.data.trim().length < 2) return { type: RESULT, data: { items: [] } };
    try {
      return { type: RESULT, data: await (await loadEngine()).search(message.data) };
    } catch (error) {
      console.warn("Search failed for " + JSON.stringify(message.data), error);
      return { type: RESULT, data: { items: [] } };
    }
  }
  throw new TypeError("Unknown search message type " + message.type);
}

/* One message at a time, so results never overtake those of an earlier query. Search as you
 * type sends a query per key, and each would load the texts of its results: a query is
 * answered only once TYPING_PAUSE has passed without a newer one. */
var queue = Promise.resolve(), received = 0;
function pause(ms) { return new Promise(function (resolve) { setTimeout(resolve, ms); }); }
addEventListener("message", function (event) {
  var number = ++received, message = event.data;
  queue = queue.then(async function () {
    if (message.type === QUERY && message.data.trim().length > 1) {
      if (number < received) return null;  /* replaced while queued */
      await pause(TYPING_PAUSE);
      if (number < received) return null;  /* replaced during the pause */
    }
    return handle(message);
  }).then(function (reply) {
    if (reply) postMessage(reply);
  });
});
