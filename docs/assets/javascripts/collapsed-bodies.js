/* Collapsed derivations, exercises, answers and programs (loaded by handbook.js, loadModule,
 * when a reader opens one whose body is still a placeholder, or prints the page). The build
 * moved the bodies into a script beside the page (hooks: render/deferred_details.py): a script,
 * not JSON, because file:// refuses fetch. It also carries the outlines of the glyphs only
 * those bodies use, which join the page's math sprite. */
(function () {
  "use strict";

  var loading = {};  // the page's script of bodies, by address: loaded once

  function bodies() {
    var src = window.hbPageFile(".details.js");  // handbook.js: the file beside the page
    loading[src] = loading[src] || window.hbFetchInto("script", { src: src }).then(function () {
      var loaded = (window.hbDeferred || {})[src];
      var sprite = document.querySelector("svg.hb-math-glyphs defs");
      if (loaded && loaded.glyphs && sprite) sprite.insertAdjacentHTML("beforeend", loaded.glyphs);
      return loaded;
    }, function (error) {
      delete loading[src];  // a later opening tries again
      throw error;
    });
    return loading[src];
  }

  // The body of `details` in place of its placeholder. Resolves either way: a body that could
  // not load leaves the placeholder, which links the page's Markdown twin.
  function fill(details) {
    var slot = details.querySelector(":scope > [data-hb-part]");
    if (!slot) return Promise.resolve();
    return bodies().then(function (loaded) {
      var part = loaded && loaded.parts[+slot.getAttribute("data-hb-part")];
      if (part === undefined || !slot.parentNode) return;
      slot.outerHTML = part;
      likeMaterialCode(details);
    }, function () {});
  }

  function fillAll() {
    return Promise.all(Array.prototype.map.call(document.querySelectorAll("details"), fill));
  }

  // Material gives the code on a page its copy button, and a block that scrolls sideways a
  // tab stop, when the page loads. Code that arrives later (a program in a collapsed block)
  // gets the same here; Material's clipboard listener is delegated, so the button is as good
  // as its own, "Copied to clipboard" included.
  var laterCode = 0;
  var config = document.getElementById("__config");  // Material's features and words
  config = config ? JSON.parse(config.textContent) : {};
  var copy = (config.features || []).indexOf("content.code.copy") >= 0;
  function likeMaterialCode(root) {
    root.querySelectorAll("pre > code").forEach(function (code) {
      var pre = code.parentNode;
      if (code.scrollWidth > code.clientWidth) code.setAttribute("tabindex", "0");
      if (!copy || pre.querySelector(":scope > .md-code__nav")) return;
      pre.id = pre.id || "__code_hb" + laterCode++;
      var nav = document.createElement("nav");
      nav.className = "md-code__nav";
      var button = document.createElement("button");
      button.className = "md-code__button";
      button.title = (config.translations || {})["clipboard.copy"] || "Copy to clipboard";
      button.setAttribute("data-clipboard-target", "#" + pre.id + " > code");
      button.setAttribute("data-md-type", "copy");
      nav.appendChild(button);
      pre.insertBefore(nav, code);
    });
  }

  window.hbModules["collapsed-bodies"] = { fill: fill, fillAll: fillAll };
})();
