/* Generative AI Handbook: diagram-zoom, loaded by handbook.js (loadModule) when needed. */
(function () {
  "use strict";

  /* ---- Diagrams on phones: a view that really enlarges -----------------------------
   * On a 390 px screen a 720-unit diagram shrinks its 9-11 unit labels to 5-6 px, and a
   * lightbox that fits the image to the screen shows them no larger. Here the diagram opens
   * at ZOOM_WIDTH px (labels of 9 units or more at 12 px or more; tests check every
   * diagram), in a full-screen view the reader pans by scrolling; Escape or Close shuts it. */
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

  window.hbModules = window.hbModules || {};
  window.hbModules["diagram-zoom"] = { open: openZoom };
})();
