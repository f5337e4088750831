/* Generative AI Handbook: glossary definitions in place, sortable tables, and the lightbox
 * loaded when a reader first opens an image. Plain script, no dependencies, works from file://.
 * Listeners are delegated on document and tables are enhanced on each document$ emission, so it
 * keeps working if Material's instant loading (off: mkdocs.yml says why) is turned back on. */
(function () {
  "use strict";

  /* ---- Glossary definitions and reference previews: hover, keyboard focus, tap ------
   * A glossary link shows the term's short definition; a citation number shows its entry
   * from the page's reference list (or the table's source list). On touch screens the first
   * tap shows it, with a link to the entry; a second tap follows the link. */
  var tip = null;
  var owner = null;
  var armed = null; // the term a touch user has tapped once; a second tap follows the link
  var lastPointer = "mouse";

  function termOf(node) {
    return node && node.closest ? node.closest("a.hb-term, sup.hb-cite a, sup.hb-src a") : null;
  }

  function tipElement() {
    if (!tip) {
      tip = document.createElement("div");
      tip.id = "hb-term-tip";
      tip.className = "hb-term-tip";
      tip.setAttribute("role", "tooltip");
      tip.hidden = true;
      document.body.appendChild(tip);
    }
    return tip;
  }

  function place(link, element) {
    var rect = link.getBoundingClientRect();
    var width = Math.min(320, document.documentElement.clientWidth - 16);
    element.style.maxWidth = width + "px";
    var left = Math.max(8, Math.min(rect.left, document.documentElement.clientWidth - width - 8));
    element.style.left = left + window.scrollX + "px";
    element.style.top = rect.bottom + window.scrollY + 6 + "px";
  }

  /* The short definitions of all terms are one script shared by every page
   * (glossary-terms.js, window.hbTerms), loaded on the first hover, focus or tap. */
  var termsLoading = false;

  function definition(link) {
    var id = link.hash.slice(1);
    if (!link.classList.contains("hb-term")) {
      var entry = document.getElementById(id);
      var item = entry && entry.closest("li");
      return item ? item.textContent.replace("\u21a9", "").trim() : "";
    }
    if (window.hbTerms) return window.hbTerms[id] || "";
    if (!termsLoading) {
      termsLoading = true;
      var script = document.createElement("script");
      script.src = assetUrl("glossary-terms.js");
      script.onload = function () { if (owner === link || pending === link) show(link); };
      document.head.appendChild(script);
    }
    pending = link;
    return "";
  }
  var pending = null;

  function show(link) {
    var text = definition(link);
    if (!text) return;
    pending = null;
    if (owner && owner !== link) hide();
    var element = tipElement();
    element.textContent = text;
    if (lastPointer === "touch") {
      var more = document.createElement("a");
      more.className = "hb-tip-more";
      more.href = link.href;
      more.textContent = link.classList.contains("hb-term") ? "Open the glossary entry" : "Go to the reference";
      element.appendChild(more);
    }
    element.hidden = false;
    owner = link;
    link.setAttribute("aria-describedby", element.id);
    place(link, element);
  }

  function hide() {
    if (owner) owner.removeAttribute("aria-describedby");
    owner = null;
    armed = null;
    if (tip) tip.hidden = true;
  }

  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType || "mouse";
  }, true);
  document.addEventListener("mouseover", function (event) {
    var link = termOf(event.target);
    if (link && lastPointer !== "touch") show(link);
  });
  document.addEventListener("mouseout", function (event) {
    var link = termOf(event.target);
    if (link && link === pending && !link.contains(event.relatedTarget)) pending = null;
    if (link && link === owner && !link.contains(event.relatedTarget) && lastPointer !== "touch") hide();
  });
  document.addEventListener("focusin", function (event) {
    var link = termOf(event.target);
    if (link) show(link);
  });
  document.addEventListener("focusout", function (event) {
    if (termOf(event.target) === owner) hide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && owner) hide();
  });
  document.addEventListener("click", function (event) {
    var link = termOf(event.target);
    if (lastPointer !== "touch") return;
    if (!link) {
      if (owner) hide();
      return;
    }
    if (armed !== link) {
      // First tap shows the definition: neither the browser nor Material may follow the link yet.
      event.preventDefault();
      event.stopImmediatePropagation();
      show(link);
      armed = link;
    }
  }, true);
  window.addEventListener("resize", function () { if (owner) place(owner, tipElement()); });

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
    var style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = assetUrl("../stylesheets/glightbox.min.css");
    document.head.appendChild(style);
    var script = document.createElement("script");
    script.src = assetUrl("glightbox.min.js");
    script.onload = function () {
      lightbox = window.GLightbox({
        touchNavigation: true, loop: false, zoomable: true, draggable: true,
        openEffect: "zoom", closeEffect: "zoom", slideEffect: "slide"
      });
      var links = Array.prototype.slice.call(document.querySelectorAll("a.glightbox"));
      lightbox.openAt(Math.max(0, links.indexOf(link)));
    };
    script.onerror = function () { location.href = link.href; };
    document.head.appendChild(script);
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.glightbox") : null;
    if (link && PHONE.matches) {
      event.preventDefault();
      event.stopImmediatePropagation();
      openZoom(link);
      return;
    }
    if (!link || lightbox) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (lightboxLoading) return;
    lightboxLoading = true;
    openWithLightbox(link);
  }, true);

  /* ---- Diagrams on phones: a view that really enlarges -----------------------------
   * On a 390 px screen a 720-unit diagram shrinks its 9-11 unit labels to 5-6 px, and a
   * lightbox that fits the image to the screen shows them no larger. Here the diagram opens
   * at ZOOM_WIDTH px (labels of 9 units or more at 12 px or more; tests check every
   * diagram), in a full-screen view the reader pans by scrolling; Escape or Close shuts it. */
  var PHONE = window.matchMedia("(max-width: 44.9375em)");
  var ZOOM_WIDTH = 1000;
  var zoomReturn = null;

  function closeZoom() {
    var view = document.getElementById("hb-zoom");
    if (!view) return;
    view.remove();
    document.documentElement.classList.remove("hb-zoom-open");
    if (zoomReturn) zoomReturn.focus();
  }

  function openZoom(link) {
    var image = link.querySelector("img");
    var view = document.createElement("div");
    view.id = "hb-zoom";
    view.className = "hb-zoom";
    view.setAttribute("role", "dialog");
    view.setAttribute("aria-modal", "true");
    view.setAttribute("aria-label", "Enlarged diagram");
    var close = document.createElement("button");
    close.type = "button";
    close.className = "hb-zoom-close";
    close.textContent = "Close";
    close.addEventListener("click", closeZoom);
    var big = document.createElement("img");
    big.src = link.href;
    big.alt = image ? image.alt : "";
    big.style.width = ZOOM_WIDTH + "px";
    view.appendChild(close);
    view.appendChild(big);
    view.addEventListener("keydown", function (event) {
      if (event.key === "Escape") closeZoom();
      if (event.key === "Tab") { event.preventDefault(); close.focus(); }
    });
    zoomReturn = link;
    document.body.appendChild(view);
    document.documentElement.classList.add("hb-zoom-open");
    close.focus();
  }

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
      addColumnPicker(table);
    });
  }

  /* ---- Which columns a wide table shows ---------------------------------------------
   * Tables with more than three columns get a "Columns" list above them: a reader on a phone
   * keeps the few columns they compare, and the table fits the screen. The first column
   * (the row's name) always stays, and stays in view while the table scrolls (handbook.css). */
  function addColumnPicker(table) {
    var headers = table.tHead.rows[0].cells;
    var scroll = table.closest(".hb-table-scroll");
    if (headers.length <= 3 || !scroll) return;
    var picker = document.createElement("details");
    picker.className = "hb-columns";
    var summary = document.createElement("summary");
    var list = document.createElement("fieldset");
    var legend = document.createElement("legend");
    legend.textContent = "Columns to show";
    list.appendChild(legend);
    function update() {
      var boxes = list.querySelectorAll("input");
      var shown = 0;
      Array.prototype.forEach.call(boxes, function (box, index) {
        var column = index + 1;
        if (box.checked) shown++;
        Array.prototype.forEach.call(table.rows, function (row) {
          if (row.cells[column]) row.cells[column].hidden = !box.checked;
        });
      });
      summary.textContent = "Columns: " + (shown + 1) + " of " + headers.length;
    }
    Array.prototype.forEach.call(headers, function (header, index) {
      if (index === 0) return;
      var label = document.createElement("label");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.checked = true;
      box.addEventListener("change", update);
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + header.textContent.trim()));
      list.appendChild(label);
    });
    picker.appendChild(summary);
    picker.appendChild(list);
    scroll.parentNode.insertBefore(picker, scroll);
    update();
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
    if (window.hbCopyMarkdown) return window.hbCopyMarkdown(button);
    var script = document.createElement("script");
    script.src = assetUrl("copy-markdown.js");
    script.onload = function () { window.hbCopyMarkdown(button); };
    document.head.appendChild(script);
  });

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

  function onPage() {
    document.querySelectorAll(".hb-filter").forEach(setUpFilter);
    hide();
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
