/* "Copy page as Markdown" (loaded by handbook.js, loadModule, on the button's first click): copies the
 * page's Markdown twin, index.md beside the page on the web, NAME.md beside NAME.html in the
 * offline edition (hooks: write_for_assistants). From file://, where fetch is refused, the
 * offline edition's NAME.md.js is loaded as a script instead. */
(function () {
  "use strict";

  function twinUrl() {
    return window.hbPageFile(".md");  // handbook.js: the file beside the page
  }

  function loadMarkdown() {
    if (location.protocol === "file:") {
      return new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = twinUrl() + ".js";
        script.onload = function () { resolve(window.hbMarkdown); script.remove(); };
        script.onerror = function () { reject(new Error("no Markdown twin")); script.remove(); };
        document.head.appendChild(script);
      });
    }
    return fetch(twinUrl()).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.text();
    });
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var copied = document.execCommand("copy");
    area.remove();
    return copied ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function copy(button) {
    var status = button.nextElementSibling;
    if (!status || !status.classList.contains("hb-copy-status")) {
      status = document.createElement("span");
      status.className = "hb-copy-status";
      status.setAttribute("role", "status");
      button.insertAdjacentElement("afterend", status);
    }
    loadMarkdown().then(copyText).then(
      function () { status.textContent = "Copied."; },
      function () { status.textContent = "Could not copy the page."; }
    );
  }

  window.hbModules = window.hbModules || {};
  window.hbModules["copy-markdown"] = { copy: copy };
})();
