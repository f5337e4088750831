/* The handbook's search engine, loaded by search-worker.js on the first query. search(query)
 * returns what Material's result list renders: { items: [[doc, ...], ...], suggest }.
 *
 * Data loads only as queries need it. The web edition fetches (all built by
 * hooks/search_index.py) search/meta.json (word forms, result units, aliases), the postings
 * shards of the query's words (search/postings/K.json: per stem, the units it occurs in with
 * a precomputed BM25F impact) and, for the results shown, search/text/N.json (the unit's plain
 * text, for choosing the section and cutting the snippet). The offline edition gets all of it
 * inside SETUP, from search/search_index.js, because file:// pages cannot fetch.
 *
 * Ranking: every query word (stop words dropped) is looked up among the corpus's word forms;
 * an unknown word is corrected to the closest forms (edit distance 1, or 2 for long words),
 * and the last word, while still being typed, also matches forms it begins. Aliases and
 * acronyms ("vae" / "variational autoencoder") add each other. A unit scores the sum of its
 * words' impacts, times the square of the share of query words it contains. Glossary entries
 * are gathered into one result, placed where the best entry ranks; an entry whose name is the
 * whole query counts double.
 */
"use strict";

var SHOWN = 10;            /* results that get a snippet (the first screen, and more) */
var SECTIONS_PER_RESULT = 4;
var SNIPPET_WORDS = 28;
var RARE_RANK = 0.6;       /* stems past this share of the vocabulary (by use) count as rare */

var source = null;         /* where the data comes from: meta(), postings(shard), text(unit) */
var index = null;          /* Promise of the analysed meta data */
var textCache = new Map();  /* unit -> Promise of its sections' texts */

/* ---------------------------------------------------------------- loading */

function webSource(workerURL) {
  var root = new URL("../../", workerURL);  /* the worker is assets/javascripts/ */
  function json(path) {
    return fetch(new URL(path, root)).then(function (response) {
      if (!response.ok) throw new Error(path + ": " + response.status);
      return response.json();
    });
  }
  return {
    meta: function () { return json("search/meta.json"); },
    postings: function (shard) { return json("search/postings/" + shard + ".json"); },
    text: function (unit) { return json("search/text/" + unit + ".json"); }
  };
}

function embeddedSource(data) {
  return {
    meta: function () { return Promise.resolve(data.meta); },
    postings: function (shard) { return Promise.resolve(data.postings[shard]); },
    text: function (unit) { return Promise.resolve(data.texts[unit] || []); }
  };
}

var ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
var DIGIT = {};
for (var i = 0; i < ALPHABET.length; i++) DIGIT[ALPHABET[i]] = i;

/* Postings are "gap impact gap impact ..." in base-32 digits; a digit >= 32 means more
 * digits of the same number follow (see hooks/search_index.py, encode_number). */
function decodePostings(text) {
  var result = new Map(), numbers = [], value = 0;
  for (var k = 0; k < text.length; k++) {
    var d = DIGIT[text[k]];
    value = value * 32 + (d & 31);
    if (d < 32) { numbers.push(value); value = 0; }
  }
  var unit = 0;
  for (var n = 0; n + 1 < numbers.length; n += 2) {
    unit += numbers[n];
    result.set(unit, numbers[n + 1]);
  }
  return result;
}

function analyse(data) {
  var token = new RegExp(data.token, "g"), stop = new Set(data.stop);  /* as in search_index.py */
  /* Stems come most used first: a form's position is its rank for corrections. */
  var formToStem = new Map(), forms = [], stemForms = new Map(), stemRank = new Map();
  data.forms.forEach(function (pair, rank) {
    var stem = pair[0];
    stemRank.set(stem, rank);
    stemForms.set(stem, []);
    pair[1].split(" ").forEach(function (entry) {
      var form = entry[0] === "." ? stem + entry.slice(1) : entry;
      if (!formToStem.has(form)) { formToStem.set(form, stem); forms.push(form); stemForms.get(stem).push(form); }
    });
  });
  var units = data.units.map(function (u) {
    return { location: u[0], title: u[1], path: u[2], kind: u[3], names: u[4] };
  });
  var named = new Map();  /* "stem stem" of a glossary term or alias -> unit */
  units.forEach(function (unit, number) {
    unit.names.forEach(function (name) {
      named.set(stems(name, token, formToStem, stop).join(" "), number);
    });
  });
  return {
    glossary: units.filter(function (u) { return u.kind === "glossary" && u.location.indexOf("#") < 0; })[0],
    token: token,
    stop: stop,
    units: units,
    shards: data.shards,
    loaded: new Map(),     /* shard -> Promise of { stem: encoded postings } */
    postings: new Map(),   /* stem -> Map(unit -> impact), decoded when first used */
    formToStem: formToStem,
    stemForms: stemForms,
    stemRank: stemRank,
    forms: forms,
    synonyms: data.synonyms,
    named: named
  };
}

function stems(text, token, formToStem, stop) {
  return (fold(text).match(token) || [])
    .filter(function (w) { return !stop.has(w); })
    .map(function (w) { return formToStem.get(w) || w; });
}

/* FNV-1a (32 bit) modulo the shard count, as shard_of in hooks/search_index.py. */
function shardOf(stem, count) {
  var value = 0x811c9dc5;
  var bytes = new TextEncoder().encode(stem);
  for (var k = 0; k < bytes.length; k++) value = Math.imul(value ^ bytes[k], 0x01000193) >>> 0;
  return value % count;
}

/* Loads the postings of these stems (their shards, once each). */
function fetchPostings(ix, stems) {
  var wanted = new Set();
  stems.forEach(function (stem) { if (!ix.postings.has(stem)) wanted.add(shardOf(stem, ix.shards)); });
  return Promise.all(Array.from(wanted).map(function (shard) {
    if (!ix.loaded.has(shard)) ix.loaded.set(shard, source.postings(shard).then(function (raw) {
      Object.keys(raw).forEach(function (stem) {
        if (!ix.postings.has(stem)) ix.postings.set(stem, decodePostings(raw[stem]));
      });
    }));
    return ix.loaded.get(shard);
  })).then(function () {
    stems.forEach(function (stem) { if (!ix.postings.has(stem)) ix.postings.set(stem, new Map()); });
  });
}

function postingsOf(ix, stem) {
  return ix.postings.get(stem) || new Map();
}

function loadIndex() {
  if (!index) index = source.meta().then(analyse);
  return index;
}

function unitText(unit) {
  if (!textCache.has(unit)) textCache.set(unit, source.text(unit).catch(function () { return []; }));
  return textCache.get(unit);
}

/* ---------------------------------------------------------------- query analysis */

function fold(text) {
  return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
}

/* Optimal string alignment distance, giving up above `limit`. */
function distance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  var prev2 = null, prev = [], cur;
  for (var j = 0; j <= b.length; j++) prev[j] = j;
  for (var i = 1; i <= a.length; i++) {
    cur = [i];
    var best = i;
    for (j = 1; j <= b.length; j++) {
      var cost = a[i - 1] === b[j - 1] ? 0 : 1;
      var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    prev2 = prev; prev = cur;
  }
  return prev[b.length];
}

function corrections(ix, word) {
  if (word.length < 4 || /^[0-9]+$/.test(word)) return [];
  var limit = word.length >= 8 ? 2 : 1, found = [];
  ix.forms.forEach(function (form) {
    if (form.length < 3) return;
    var d = distance(word, form, limit);
    if (d <= limit) found.push({ form: form, d: d });
  });
  if (!found.length) return [];
  var least = Math.min.apply(null, found.map(function (f) { return f.d; }));
  return found
    .filter(function (f) { return f.d === least; })  /* already most used first */
    .slice(0, 3)
    .map(function (f) { return { form: f.form, weight: least === 1 ? 0.9 : 0.7 }; });
}

function completions(ix, word) {
  var found = [];
  if (word.length < 3) return found;
  for (var k = 0; k < ix.forms.length && found.length < 6; k++) {
    var form = ix.forms[k];  /* most used first */
    if (form.length > word.length && form.lastIndexOf(word, 0) === 0) found.push(form);
  }
  return found;
}

/* The query as groups, one per kept word: { word, alts: Map(stem -> weight), forms: [...] }. */
function parseQuery(ix, query) {
  var all = fold(query).match(ix.token) || [];
  var kept = all.filter(function (w) { return !ix.stop.has(w); });
  if (!kept.length) kept = all;
  var typing = !/\s$/.test(query);
  var groups = kept.map(function (word, position) {
    var alts = new Map(), shown = [];
    var stem = ix.formToStem.get(word);
    var completing = typing && position === kept.length - 1;
    var completed = completing ? completions(ix, word) : [];
    if (stem) {
      alts.set(stem, 1);
      shown.push(word);
      /* A rare word may be a typo the text itself contains: add the common words it is
       * one edit away from, as if it were unknown. */
      if (ix.stemRank.get(stem) > RARE_RANK * ix.stemRank.size) corrections(ix, word).forEach(function (c) {
        var s = ix.formToStem.get(c.form);
        if (!alts.has(s) && ix.stemRank.get(s) < ix.stemRank.get(stem)) alts.set(s, c.weight);
      });
    }
    /* A word being typed that begins known words is unfinished, not misspelled. */
    else if (!completed.length) corrections(ix, word).forEach(function (c) {
      var s = ix.formToStem.get(c.form);
      if (!alts.has(s)) { alts.set(s, c.weight); shown.push(c.form); }
    });
    completed.forEach(function (form) {
      var s = ix.formToStem.get(form);
      if (!alts.has(s)) alts.set(s, stem ? 0.3 : 0.7);
    });
    return { word: word, alts: alts, shown: shown, completed: completed, spans: [] };
  });
  /* Aliases and acronyms: a run of query words that spells one side adds the other side. */
  var primary = groups.map(function (g) {
    return g.alts.size ? Array.from(g.alts.keys())[0] : g.word;
  });
  ix.synonyms.forEach(function (pair) {
    [[pair[0], pair[1]], [pair[1], pair[0]]].forEach(function (sides) {
      var from = sides[0], to = sides[1];
      for (var start = 0; start + from.length <= primary.length; start++) {
        var match = true;
        for (var k = 0; k < from.length; k++)
          if (primary[start + k] !== from[k]) { match = false; break; }
        if (match) groups[start].spans.push({ length: from.length, stems: to });
      }
    });
  });
  return groups;
}

/* ---------------------------------------------------------------- ranking */

function rank(ix, groups) {
  var scores = new Map();  /* unit -> per-group scores */
  function add(unit, g, value) {
    var row = scores.get(unit);
    if (!row) { row = new Array(groups.length).fill(0); scores.set(unit, row); }
    if (value > row[g]) row[g] = value;
  }
  groups.forEach(function (group, g) {
    group.alts.forEach(function (weight, stem) {
      postingsOf(ix, stem).forEach(function (impact, unit) { add(unit, g, weight * impact); });
    });
  });
  /* A synonym phrase matches a unit when it holds all the phrase's words; it then stands in
   * for the query words it replaces, if that scores better. */
  groups.forEach(function (group, g) {
    group.spans.forEach(function (span) {
      var lists = span.stems.map(function (s) { return postingsOf(ix, s); });
      lists[0].forEach(function (first, unit) {
        var total = 0;
        for (var k = 0; k < lists.length; k++) {
          var impact = lists[k].get(unit);
          if (!impact) return;
          total += impact;
        }
        var each = 0.8 * total / lists.length;
        for (var k2 = 0; k2 < span.length && g + k2 < groups.length; k2++) add(unit, g + k2, each);
      });
    });
  });
  var queryStems = groups.map(function (group) {
    return group.alts.size ? Array.from(group.alts.keys())[0] : group.word;
  }).join(" ");
  var ranked = [];
  scores.forEach(function (row, unit) {
    var matched = row.filter(function (v) { return v > 0; }).length;
    var sum = row.reduce(function (a, b) { return a + b; }, 0);
    var share = matched / groups.length;
    var score = sum * share * share;
    if (ix.named.get(queryStems) === unit) score *= 2;
    ranked.push({ unit: unit, score: score });
  });
  ranked.sort(function (a, b) { return b.score - a.score || a.unit - b.unit; });
  /* The glossary is one result: its entries become that result's sections. */
  var results = [], glossary = null;
  ranked.forEach(function (hit) {
    if (ix.units[hit.unit].kind === "glossary") {
      if (!glossary) { glossary = { units: [hit], score: hit.score }; results.push(glossary); }
      else if (glossary.units.length < SECTIONS_PER_RESULT + 1) glossary.units.push(hit);
    } else {
      results.push({ units: [hit], score: hit.score });
    }
  });
  return results;
}

/* ---------------------------------------------------------------- unit texts */

var WORD = /[\p{L}\p{N}]+/gu;
var PLAIN = /^[a-z0-9]+$/;

/* The words of a text with their positions and stems (null for stop words), made once. */
function tokenize(ix, text) {
  var tokens = [], m;
  WORD.lastIndex = 0;
  while ((m = WORD.exec(text))) {
    var word = m[0].toLowerCase();
    if (!PLAIN.test(word)) word = fold(word);
    tokens.push({
      start: m.index,
      end: m.index + m[0].length,
      stem: ix.stop.has(word) ? null : ix.formToStem.get(word) || word
    });
  }
  return tokens;
}

var sectionCache = new Map();

/* A unit's sections, each { location, heading, text, folded } (folded: lower case, no
 * accents, "heading. text", for counting matches with one regular expression). */
function unitSections(unit) {
  if (!sectionCache.has(unit)) {
    sectionCache.set(unit, unitText(unit).then(function (sections) {
      return sections.map(function (section) {
        return {
          location: section[0], heading: section[1], text: section[2],
          folded: fold(section[1] + ". " + section[2])
        };
      });
    }));
  }
  return sectionCache.get(unit);
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/* An alternation of all the forms of these stems: "(?:model|models|modeling)". */
function formsPattern(ix, stems) {
  var forms = [];
  stems.forEach(function (stem) { forms.push.apply(forms, ix.stemForms.get(stem) || [stem]); });
  forms.sort(function (a, b) { return b.length - a.length; });
  return "(?:" + forms.map(escapeRegExp).join("|") + ")";
}

/* Query words that stand next to each other in a unit's text (stop words between them do
 * not count) mark a unit about the phrase, not about the words one by one: "stable
 * diffusion", "open weights". The shown results' texts are loaded for snippets anyway. */
async function rerankByPhrase(ix, groups, results) {
  if (groups.length < 2) return results;
  var stop = "(?:[^a-z0-9]+(?:" + Array.from(ix.stop).join("|") + "))*";
  var phrases = [];
  for (var g = 1; g < groups.length; g++) {
    var before = Array.from(groups[g - 1].alts.keys()), after = Array.from(groups[g].alts.keys());
    if (before.length && after.length)
      phrases.push(new RegExp("\\b" + formsPattern(ix, before) + stop + "[^a-z0-9]+" + formsPattern(ix, after) + "\\b", "g"));
  }
  var units = await Promise.all(results.map(function (result) { return unitSections(result.units[0].unit); }));
  results.forEach(function (result, n) {
    var pairs = 0;
    units[n].forEach(function (section) {
      phrases.forEach(function (phrase) {
        phrase.lastIndex = 0;
        while (phrase.exec(section.folded)) pairs++;
      });
    });
    result.score *= 1 + 0.5 * Math.min(Math.log(1 + pairs), 2);
  });
  return results.slice().sort(function (a, b) { return b.score - a.score; });
}

/* ---------------------------------------------------------------- display */

function escapeHTML(text) {
  return text.replace(/[&<>"']/g, function (c) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
  });
}

/* text[from, to) as HTML, with the words whose stem the query wants in <mark>. */
function marked(text, tokens, first, last, wanted) {
  var out = "", at = tokens[first].start;
  for (var t = first; t <= last; t++) {
    if (tokens[t].stem && wanted.has(tokens[t].stem)) {
      out += escapeHTML(text.slice(at, tokens[t].start)) + "<mark>" +
        escapeHTML(text.slice(tokens[t].start, tokens[t].end)) + "</mark>";
      at = tokens[t].end;
    }
  }
  return out + escapeHTML(text.slice(at, tokens[last].end));
}

/* The stretch of about SNIPPET_WORDS words with the most distinct matched stems. */
function snippet(text, tokens, wanted) {
  if (!tokens.length) return "";
  var hits = [];
  for (var t = 0; t < tokens.length; t++) if (tokens[t].stem && wanted.has(tokens[t].stem)) hits.push(t);
  var best = 0, bestScore = -1;
  for (var h = 0; h < hits.length; h++) {
    var seen = new Set(), count = 0;
    for (var k = h; k < hits.length && hits[k] < hits[h] + SNIPPET_WORDS; k++) {
      count++;
      seen.add(tokens[hits[k]].stem);
    }
    var value = seen.size * 10 + count;
    if (value > bestScore) { bestScore = value; best = hits[h]; }
  }
  var from = best > 6 ? best - 6 : 0;
  var to = Math.min(tokens.length, from + SNIPPET_WORDS) - 1;
  var html = marked(text, tokens, from, to, wanted);
  return (from ? "… " : "") + html + (to < tokens.length - 1 ? " …" : "");
}

/* How well a section answers: per wanted stem, 3 if in the heading, plus log(1 + uses).
 * `found` collects the stems the section contains. */
function sectionScore(ix, section, pattern, wanted, title, found) {
  var inHeading = new Set(), inText = new Map(), m;
  var headingEnd = section.heading ? fold(section.heading).length : 0;
  var heading = title ? fold(title) : "";
  pattern.lastIndex = 0;
  while ((m = pattern.exec(heading))) inHeading.add(ix.formToStem.get(m[0]));
  pattern.lastIndex = 0;
  while ((m = pattern.exec(section.folded))) {
    var stem = ix.formToStem.get(m[0]);
    if (m.index < headingEnd) inHeading.add(stem);
    else inText.set(stem, (inText.get(stem) || 0) + 1);
  }
  var score = 0;
  wanted.forEach(function (weight, stem) {
    score += weight * (3 * (inHeading.has(stem) ? 1 : 0) + Math.log(1 + (inText.get(stem) || 0)));
    if (inHeading.has(stem) || inText.has(stem)) found.add(stem);
  });
  return score;
}

/* Material's `terms`: each query word (as corrected) and whether this section contains it;
 * the matched ones become the page's ?h= highlight, the others are listed as missing. */
function termsFor(groups, found) {
  var terms = {};
  groups.forEach(function (group) {
    var key = group.shown[0] || group.completed[0] || group.word;
    var hit = false;
    group.alts.forEach(function (weight, stem) { if (found.has(stem)) hit = true; });
    group.spans.forEach(function (span) {
      if (span.stems.every(function (stem) { return found.has(stem); })) hit = true;
    });
    terms[key] = hit;
  });
  return terms;
}

/* The glossary page itself, which heads the glossary's one result in Material's list. */
function glossaryHead(ix, terms) {
  return { location: ix.glossary.location, title: pathTitle(ix.glossary), text: "", score: 0, terms: terms };
}

function pathTitle(unit) {
  var path = unit.path ? '<span class="hb-search-path">' + escapeHTML(unit.path) + "</span> " : "";
  return path + escapeHTML(unit.title);
}

/* Every stem the query can match, with its weight: the words, their corrections and
 * completions, and the words of synonyms. */
function wantedStems(groups) {
  var wanted = new Map();
  groups.forEach(function (group) {
    group.alts.forEach(function (weight, stem) { wanted.set(stem, Math.max(wanted.get(stem) || 0, weight)); });
    group.spans.forEach(function (span) {
      span.stems.forEach(function (stem) { if (!wanted.has(stem)) wanted.set(stem, 0.8); });
    });
  });
  return wanted;
}

/* One result as Material's documents: its best section with a snippet, the page, and more
 * matching sections. `wanted` from wantedStems; `pattern` matches any of their forms. */
async function display(ix, groups, result, wanted, pattern) {
  var docs = [];
  var texts = await Promise.all(result.units.map(function (hit) { return unitSections(hit.unit); }));
  for (var h = 0; h < result.units.length; h++) {
    var hit = result.units[h], unit = ix.units[hit.unit];
    var sections = texts[h];
    sections.forEach(function (section) {
      var head = !section.heading, found = new Set();
      var score = sectionScore(ix, section, pattern, wanted, head ? unit.title : "", found);
      docs.push({
        unit: unit, head: head, location: section.location, heading: section.heading,
        text: section.text, found: found, score: score + (h === 0 ? 0.01 : -h)
      });
    });
    if (!sections.length)
      docs.push({ unit: unit, head: true, location: unit.location, heading: "", text: "", found: new Set(), score: 0 });
  }
  var first = ix.units[result.units[0].unit];
  var head = docs.filter(function (d) { return d.head && d.unit === first; })[0];
  var scored = docs.filter(function (d) { return d.score > 0; }).sort(function (a, b) { return b.score - a.score; });
  var out = [];
  function item(doc, title, score) {
    var text = snippet(doc.text, tokenize(ix, doc.text), wanted);
    return { location: doc.location, title: title, text: text ? "<p>" + text + "</p>" : "", score: score, terms: termsFor(groups, doc.found) };
  }
  if (first.kind === "glossary") {
    /* The glossary page heads the result; its best entries are the sections. */
    result.units.forEach(function (entryHit, n) {
      var entry = docs.filter(function (d) { return d.unit === ix.units[entryHit.unit]; })[0];
      out.push(item(entry, escapeHTML(entry.unit.title), result.score - n));
      if (n === 0)
        out.push(glossaryHead(ix, termsFor(groups, entry.found)));
    });
    return out;
  }
  var best = scored[0] || head;
  if (best === head) {
    out.push(item(head, pathTitle(head.unit), result.score));
  } else {
    out.push(item(best, escapeHTML(best.heading), result.score));
    /* The page's own link: Material renders it first, and its terms become ?h= there. */
    var inPage = new Set();
    docs.forEach(function (d) { if (d.unit === first) d.found.forEach(function (stem) { inPage.add(stem); }); });
    out.push({ location: head.location, title: pathTitle(head.unit), text: "", score: 0, terms: termsFor(groups, inPage) });
  }
  scored.filter(function (d) { return d !== best && d !== head; })
    .slice(0, SECTIONS_PER_RESULT - 1)
    .forEach(function (d, n) { out.push(item(d, escapeHTML(d.heading), result.score / 2 - n)); });
  return out;
}

/* The engine's entry point. With `complete` false (the reader may still be typing) nothing
 * more is downloaded than the postings: results whose text is not loaded yet show their
 * title and section only, and the phrase bonus waits. `complete` in the answer says whether
 * it is final; search-worker.js asks again with complete=true once typing pauses. */
async function search(query, complete) {
  var ix = await loadIndex();
  var groups = parseQuery(ix, query);
  if (!groups.length) return { items: [], complete: true };
  var wanted = wantedStems(groups);
  await fetchPostings(ix, Array.from(wanted.keys()));
  var results = rank(ix, groups).slice(0, SHOWN);
  var full = complete || results.every(function (result) {
    return result.units.every(function (hit) { return sectionCache.has(hit.unit); });
  });
  if (full) results = await rerankByPhrase(ix, groups, results);
  var pattern = new RegExp("\\b" + formsPattern(ix, Array.from(wanted.keys())) + "\\b", "g");
  var items = await Promise.all(results.map(function (result) {
    return full ? display(ix, groups, result, wanted, pattern) : titleOnly(ix, groups, result);
  }));
  /* Material completes the last word in the search box from the last suggestion. */
  var last = groups[groups.length - 1];
  var suggest = last.completed.length && !last.shown.length ? [last.completed[0]] : [];
  return { items: items, suggest: suggest, complete: Boolean(full) };
}

/* A result before its text is loaded: the page (or glossary entry) title and its section. */
function titleOnly(ix, groups, result) {
  var unit = ix.units[result.units[0].unit];
  var terms = {};
  groups.forEach(function (group) { terms[group.shown[0] || group.completed[0] || group.word] = true; });
  if (unit.kind === "glossary")
    return [
      { location: unit.location, title: escapeHTML(unit.title), text: "", score: result.score, terms: terms },
      glossaryHead(ix, {})
    ];
  return [{ location: unit.location, title: pathTitle(unit), text: "", score: result.score, terms: terms }];
}

/* Called by search-worker.js: `embedded` is the offline edition's data, or null on the web. */
function setup(embedded, workerURL) {
  source = embedded ? embeddedSource(embedded) : webSource(workerURL);
  index = null;
}

self.handbookSearch = { setup: setup, search: search };
