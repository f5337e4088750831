/* Generative AI Handbook: table-columns, loaded by handbook.js (loadModule) when needed. */
(function () {
  "use strict";

  /* ---- Which columns a wide table shows ---------------------------------------------
   * Tables with more than three columns get a "Columns" list above them (handbook.js makes
   * it; this fills it when first opened): a reader on a phone keeps the few columns they
   * compare, and the table fits the screen. The first column (the row's name) always stays,
   * and stays in view while the table scrolls (handbook.css). */
  function addColumnPicker(table, picker) {
    var headers = table.tHead.rows[0].cells;
    var summary = picker.querySelector("summary");
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
    picker.appendChild(list);
    update();
  }

  window.hbModules = window.hbModules || {};
  window.hbModules["table-columns"] = { add: addColumnPicker };
})();
