/* Generative AI Handbook: glossary definitions in place, sortable tables, and the lightbox
 * loaded when a reader first opens an image. Plain script, no dependencies, works from file://.
 * Listeners are delegated on document and tables are enhanced on each document$ emission, so it
 * keeps working if Material's instant loading (off: mkdocs.yml says why) is turned back on. */
(function () {
  "use strict";

  /* ---- Glossary definitions and reference previews: hover, keyboard focus, tap ------
   * A glossary link shows the term's short definition; a citation number shows its entry
   * from the page's reference list (or the table's source list). On touch screens the first
   * tap shows it, with a link to the entry; a second tap follows the link. Only the gestures
   * are watched here; the tip itself (term-tips.js) loads on the first of them. */
  var tips = null; // term-tips.js, once loaded
  var wanted = null; // the link whose tip should show
  var armed = null; // the link a touch user has tapped once; a second tap follows it
  var lastPointer = "mouse";

  function termOf(node) {
    return node && node.closest ? node.closest("a.hb-term, sup.hb-cite a, sup.hb-src a") : null;
  }

  function want(link) {
    wanted = link;
    if (tips) return tips.show(link, lastPointer === "touch");
    loadModule("term-tips").then(function (module) {
      tips = module;
      if (wanted) tips.show(wanted, lastPointer === "touch");
    });
  }

  function unwant(link) {
    if (link && wanted !== link) return;
    wanted = null;
    armed = null;
    if (tips) tips.hide();
  }

  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType || "mouse";
  }, true);
  document.addEventListener("mouseover", function (event) {
    var link = termOf(event.target);
    if (link && lastPointer !== "touch") want(link);
  });
  document.addEventListener("mouseout", function (event) {
    var link = termOf(event.target);
    if (link && !link.contains(event.relatedTarget) && lastPointer !== "touch") unwant(link);
  });
  document.addEventListener("focusin", function (event) {
    var link = termOf(event.target);
    if (link) want(link);
  });
  document.addEventListener("focusout", function (event) {
    var link = termOf(event.target);
    if (link) unwant(link);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") unwant(null);
  });
  document.addEventListener("click", function (event) {
    if (lastPointer !== "touch") return;
    var link = termOf(event.target);
    if (!link) {
      if (!event.target.closest || !event.target.closest(".hb-term-tip")) unwant(null);
      return;
    }
    if (armed !== link) {
      // The first tap shows the tip: neither the browser nor Material may follow the link yet.
      event.preventDefault();
      event.stopImmediatePropagation();
      want(link);
      armed = link;
    }
  }, true);
  window.addEventListener("resize", function () { if (tips) tips.place(); });

  /* ---- The light/dark switch ------------------------------------------------------- */
  /* The scheme is already set (overrides/partials/javascripts/palette.html, window.__hb_palette);
   * pressing the button moves to the next option, as Material's palette toggle did. */
  var palette = document.getElementById("hb-palette");
  if (palette && window.__hb_palette) {
    var paletteOptions = palette.querySelectorAll("[data-hb-media]");
    palette.addEventListener("click", function () {
      var index = (+palette.dataset.hbIndex + 1) % paletteOptions.length;
      palette.dataset.hbIndex = index;
      // Material's rule for this attribute turns transitions off, so the page changes at once.
      document.body.setAttribute("data-md-color-switching", "");
      __md_set("__palette", { index: index, color: window.__hb_palette(index) });
      setTimeout(function () { document.body.removeAttribute("data-md-color-switching"); }, 0);
    });
    // Re-applying is enough: only the automatic option depends on the system's setting.
    matchMedia("(prefers-color-scheme: light)").addEventListener("change", function () {
      window.__hb_palette(+palette.dataset.hbIndex);
    });
  }

  /* ---- Lightbox, loaded when a reader first opens an image -------------------------- */
  /* Why: glightbox is about 18 KB gzipped, most pages have no image and most readers never
   * enlarge one. The hook sets the plugin's own per-page switch (meta glightbox: false) so it
   * adds no tags to any page; the plugin still wraps images in a.glightbox. The first click on
   * such a link loads the library and opens the image; later page switches (only with
   * Material's instant loading) just re-scan for images. */
  var scriptUrl = (document.currentScript && document.currentScript.src) || location.href;
  var lightbox = null;
  var lightboxLoading = false;

  function assetUrl(path) {
    return new URL(path, scriptUrl).href;
  }

  function openWithLightbox(link) {
    Promise.all([
      fetchInto("link", { rel: "stylesheet", href: assetUrl("../stylesheets/glightbox.min.css") }),
      fetchInto("script", { src: assetUrl("glightbox.min.js") })
    ]).then(function () {
      lightbox = window.GLightbox({
        touchNavigation: true, loop: false, zoomable: true, draggable: true,
        openEffect: "zoom", closeEffect: "zoom", slideEffect: "slide"
      });
      var links = Array.prototype.slice.call(document.querySelectorAll("a.glightbox"));
      lightbox.openAt(Math.max(0, links.indexOf(link)));
    }, function () { location.href = link.href; });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.glightbox") : null;
    if (link && PHONE.matches) {
      event.preventDefault();
      event.stopImmediatePropagation();
      loadModule("diagram-zoom").then(function (zoom) { zoom.open(link); });
      return;
    }
    if (!link || lightbox) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (lightboxLoading) return;
    lightboxLoading = true;
    openWithLightbox(link);
  }, true);

  /* ---- Features only some pages or gestures need, loaded then --------------------
   * Every page carries handbook.js; the tips (term-tips.js), the diagram view for phones
   * (diagram-zoom.js), the column list of wide tables (table-columns.js), the filter of the
   * long lists (list-filter.js) and "Copy page as Markdown" (copy-markdown.js) load, with
   * their stylesheets, when a page or a gesture needs them. */
  var modules = {};

  function fetchInto(tag, attributes) {
    return new Promise(function (resolve, reject) {
      var element = document.createElement(tag);
      Object.keys(attributes).forEach(function (key) { element[key] = attributes[key]; });
      element.onload = resolve;
      element.onerror = reject;
      document.head.appendChild(element);
    });
  }
  window.hbFetchInto = fetchInto;  // modules load their own files with it (collapsed-bodies.js)

  // Modules that draw something have a stylesheet of the same name.
  var STYLED = ["term-tips", "list-filter", "table-columns", "diagram-zoom"];

  function loadModule(name) {
    if (!modules[name]) {
      // Resolved once the script and its stylesheet are in: nothing shows unstyled.
      var parts = [fetchInto("script", { src: assetUrl(name + ".js") })];
      if (STYLED.indexOf(name) >= 0) {
        parts.push(fetchInto("link", { rel: "stylesheet", href: assetUrl("../stylesheets/" + name + ".css") }));
      }
      modules[name] = Promise.all(parts).then(function () { return window.hbModules[name]; });
    }
    return modules[name];
  }
  window.hbModules = window.hbModules || {};

  var PHONE = window.matchMedia("(max-width: 44.9375em)");

  function enhanceImages() {
    if (lightbox && document.querySelector("a.glightbox")) lightbox.reload();
  }

  /* ---- Sortable tables ------------------------------------------------------------- */
  function sortKey(row, index, numeric) {
    var cell = row.cells[index];
    var raw = cell ? (cell.getAttribute("data-sort") || cell.textContent) : "";
    if (!numeric) return raw.trim().toLowerCase();
    var value = parseFloat(raw);
    return isNaN(value) ? Infinity : value;
  }

  function sortBy(table, header, index) {
    var direction = header.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
      cell.setAttribute("aria-sort", "none");
    });
    header.setAttribute("aria-sort", direction);
    // The column type says (column_types.py): dates sort as ISO text (data-sort), so only
    // "number" columns (years, numbers) compare as numbers.
    var numeric = header.getAttribute("data-hb-sort") === "number";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = sortKey(a, index, numeric);
      var y = sortKey(b, index, numeric);
      var order = numeric ? (x === y ? 0 : x < y ? -1 : 1) : x.localeCompare(y);
      return direction === "ascending" ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  function enhanceTables(root) {
    root.querySelectorAll("table.hb-sortable").forEach(function (table) {
      if (table.getAttribute("data-hb-sortable") === "ready" || !table.tHead) return;
      table.setAttribute("data-hb-sortable", "ready");
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, index) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "hb-sort";
        while (header.firstChild) button.appendChild(header.firstChild);
        header.appendChild(button);
        header.setAttribute("aria-sort", "none");
        button.addEventListener("click", function () { sortBy(table, header, index); });
      });
      // Wide tables get a "Columns" list; its code loads when a reader opens it.
      var scroll = table.closest(".hb-table-scroll");
      if (table.tHead.rows[0].cells.length <= 3 || !scroll) return;
      var picker = document.createElement("details");
      picker.className = "hb-columns";
      picker.innerHTML = "<summary>Columns</summary>";
      picker.addEventListener("toggle", function () {
        loadModule("table-columns").then(function (columns) { columns.add(table, picker); });
      }, { once: true });
      scroll.parentNode.insertBefore(picker, scroll);
    });
  }

  /* ---- The search dialog's name ----------------------------------------------------
   * Material 9.8 marks the search box role="dialog" without a name (axe: aria-dialog-name,
   * serious). Naming it after its own options bar ("Search") here saves copying Material's
   * whole partials/search.html, which other engines (Zensical) render differently. */
  function nameSearchDialog() {
    var dialog = document.querySelector('.md-search[role="dialog"]');
    if (!dialog || dialog.hasAttribute("aria-label") || dialog.hasAttribute("aria-labelledby")) {
      return;
    }
    var options = dialog.querySelector(".md-search__options[aria-label]");
    dialog.setAttribute("aria-label", options ? options.getAttribute("aria-label") : "Search");
  }

  /* ---- Copy page as Markdown ---------------------------------------------------------
   * The button under each article (overrides/main.html; hidden while Material's "no-js" class
   * says scripts do not run) loads the code that copies on its first click (copy-markdown.js),
   * so pages carry none of it. */
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".hb-copy-markdown") : null;
    if (!button) return;
    loadModule("copy-markdown").then(function (module) { module.copy(button); });
  });

  /* ---- "Search the handbook" on the home page: opens Material's search box. ---------- */
  document.addEventListener("click", function (event) {
    if (!event.target.closest || !event.target.closest("[data-hb-open-search]")) return;
    var toggle = document.getElementById("__search");
    var input = document.querySelector("input.md-search__input");
    if (!toggle || !input) return;
    toggle.checked = true;
    toggle.dispatchEvent(new Event("change"));
    input.focus();
  });

  /* ---- Collapsed derivations, exercises, answers and programs: loaded when opened ---------
   * The build moves their bodies into a script beside the page, index.details.js on the web
   * and NAME.details.js offline (hooks: render/deferred_details.py), leaving a placeholder
   * ([data-hb-part]); collapsed-bodies.js puts them back. "toggle" does not bubble, so it is
   * caught on the way down. */

  // A file beside the page: 'x/' -> 'x/index.md', 'x.html' (offline) -> 'x.md' for ".md".
  // The hook names them the same way (markdown_twin.twin_path, deferred_details.script_name).
  function pageFileUrl(suffix) {
    var page = location.href.split("#")[0].split("?")[0];
    return /\/$/.test(page) ? page + "index" + suffix : page.replace(/\.html$/, suffix);
  }
  window.hbPageFile = pageFileUrl;  // copy-markdown.js and collapsed-bodies.js use it

  function fillCollapsed(details) {
    if (!details.querySelector(":scope > [data-hb-part]")) return;
    loadModule("collapsed-bodies").then(function (module) { module.fill(details); });
  }

  document.addEventListener("toggle", function (event) {
    var details = event.target;
    if (details.open && details.tagName === "DETAILS") fillCollapsed(details);
  }, true);

  // Printing: Material opens every collapsed block for print, but a body still in its script
  // would print as its placeholder. Ctrl+P (Cmd+P) loads them all first, then prints. Print
  // from the browser's menu cannot be held back: it starts the load, so a second print has them.
  function fillAll() {
    if (!document.querySelector("[data-hb-part]")) return null;
    return loadModule("collapsed-bodies").then(function (module) { return module.fillAll(); });
  }
  document.addEventListener("keydown", function (event) {
    var print = (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey &&
      (event.key || "").toLowerCase() === "p";
    var filling = print && fillAll();
    if (!filling) return;
    event.preventDefault();
    filling.then(function () { window.print(); });
  });
  window.addEventListener("beforeprint", fillAll);

  function onPage() {
    document.querySelectorAll("details[open]").forEach(fillCollapsed);
    document.querySelectorAll(".hb-filter").forEach(function (box) {
      loadModule("list-filter").then(function (filter) { filter.setUp(box); });
    });
    unwant(null);
    nameSearchDialog();
    enhanceTables(document);
    enhanceImages();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(onPage);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", onPage);
  } else {
    onPage();
  }
})();
