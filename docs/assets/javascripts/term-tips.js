/* Generative AI Handbook: the tip of a glossary link or a citation number, loaded by
 * handbook.js (loadModule) on the first hover, focus or tap of one; handbook.js watches the
 * gestures and calls show and hide. */
(function () {
  "use strict";

  var scriptUrl = (document.currentScript && document.currentScript.src) || location.href;
  var tip = null;
  var owner = null; // the link whose tip is shown
  var requested = null; // the link whose tip waits for the definitions to load
  var termsLoading = false;

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

  function place() {
    if (!owner) return;
    var element = tipElement();
    var rect = owner.getBoundingClientRect();
    var width = Math.min(320, document.documentElement.clientWidth - 16);
    element.style.maxWidth = width + "px";
    var left = Math.max(8, Math.min(rect.left, document.documentElement.clientWidth - width - 8));
    element.style.left = left + window.scrollX + "px";
    element.style.top = rect.bottom + window.scrollY + 6 + "px";
  }

  /* A term's short definition comes from one script shared by every page (glossary-terms.js,
   * window.hbTerms, loaded once); a citation's text is its entry in this page's list. */
  function definition(link, touch) {
    var id = link.hash.slice(1);
    if (!link.classList.contains("hb-term")) {
      var entry = document.getElementById(id);
      var item = entry && entry.closest("li");
      return item ? item.textContent.replace("\u21a9", "").trim() : "";
    }
    if (window.hbTerms) return window.hbTerms[id] || "";
    requested = link;
    if (!termsLoading) {
      termsLoading = true;
      var script = document.createElement("script");
      script.src = new URL("glossary-terms.js", scriptUrl).href;
      script.onload = function () { if (requested) show(requested, touch); };
      document.head.appendChild(script);
    }
    return "";
  }

  function show(link, touch) {
    var text = definition(link, touch);
    if (!text) return;
    requested = null;
    if (owner && owner !== link) owner.removeAttribute("aria-describedby");
    var element = tipElement();
    element.textContent = text;
    if (touch) {
      var more = document.createElement("a");
      more.className = "hb-tip-more";
      more.href = link.href;
      more.textContent = link.classList.contains("hb-term") ? "Open the glossary entry" : "Go to the reference";
      element.appendChild(more);
    }
    element.hidden = false;
    owner = link;
    link.setAttribute("aria-describedby", element.id);
    place();
  }

  function hide() {
    requested = null;
    if (owner) owner.removeAttribute("aria-describedby");
    owner = null;
    if (tip) tip.hidden = true;
  }

  window.hbModules = window.hbModules || {};
  window.hbModules["term-tips"] = { show: show, hide: hide, place: place };
})();
