/* Generative AI Handbook: list-filter, loaded by handbook.js (loadModule) when needed. */
(function () {
  "use strict";

  /* ---- Filters on the long lists (glossary, bibliography; generate/list_filter.py) -----
   * An entry is the element matching data-hb-entries plus what follows it up to the next
   * entry or heading. Typing keeps the entries whose text holds every typed word; tag buttons
   * keep the entries carrying any pressed tag; letter sections with nothing left are hidden. */
  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function setUpFilter(box) {
    if (box.dataset.hbReady) return;
    box.dataset.hbReady = "1";
    var input = box.querySelector("input");
    var count = box.querySelector(".hb-filter-count");
    var container = box.parentNode;
    var heads = Array.prototype.slice.call(container.querySelectorAll(box.dataset.hbEntries));
    var entries = heads.map(function (head) {
      var parts = [head];
      for (var next = head.nextElementSibling; next && !next.matches(box.dataset.hbEntries) && !/^H[12]$/.test(next.tagName); next = next.nextElementSibling) {
        parts.push(next);
      }
      var text = fold(parts.map(function (part) { return part.textContent; }).join(" "));
      return { parts: parts, text: text, tags: (head.getAttribute("data-hb-tags") || "").split(" ") };
    });
    var sections = Array.prototype.slice.call(container.querySelectorAll("h2[id^='letter-']"));

    function apply() {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var pressed = Array.prototype.slice.call(box.querySelectorAll("[data-hb-tag][aria-pressed='true']"))
        .map(function (button) { return button.getAttribute("data-hb-tag"); });
      var shown = 0;
      entries.forEach(function (entry) {
        var visible = words.every(function (word) { return entry.text.indexOf(word) >= 0; }) &&
          (!pressed.length || pressed.some(function (tag) { return entry.tags.indexOf(tag) >= 0; }));
        entry.parts.forEach(function (part) { part.hidden = !visible; });
        if (visible) shown++;
      });
      sections.forEach(function (heading) {
        var any = false;
        for (var next = heading.nextElementSibling; next && next.tagName !== "H2"; next = next.nextElementSibling) {
          if (next.matches(box.dataset.hbEntries) && !next.hidden) { any = true; break; }
        }
        heading.hidden = !any;
      });
      var filtering = words.length || pressed.length;
      count.textContent = filtering ? shown + " of " + entries.length + " shown" : "";
    }

    input.addEventListener("input", apply);
    box.addEventListener("click", function (event) {
      var button = event.target.closest("[data-hb-tag]");
      if (!button) return;
      button.setAttribute("aria-pressed", button.getAttribute("aria-pressed") === "true" ? "false" : "true");
      apply();
    });
  }

  window.hbModules = window.hbModules || {};
  window.hbModules["list-filter"] = { setUp: setUpFilter };
})();
