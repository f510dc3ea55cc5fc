// Questions for the care team: what a family types stays in this browser only (localStorage), and a Print button.
// Nothing is ever sent: the boxes are in no form. Without JavaScript the boxes still take typing and print;
// they are just not kept, as the page says (also where the browser keeps nothing).
(function () {
  "use strict";
  var list = document.querySelector("[data-questions-key]");
  if (!list) { return; }
  var key = "oms-questions:" + list.getAttribute("data-questions-key");
  var fields = list.querySelectorAll("textarea, input[type=date]");
  var kept = {};
  var storage = null;
  try {
    storage = window.localStorage;
    storage.setItem(key + ":test", "1");
    storage.removeItem(key + ":test");
    kept = JSON.parse(storage.getItem(key) || "{}") || {};
  } catch (e) { storage = null; kept = {}; }
  if (storage) {
    var note = document.querySelector("[data-questions-kept]");
    if (note) { note.hidden = false; }
    var lost = document.querySelector("[data-questions-not-kept]");
    if (lost) { lost.hidden = true; }
  }
  function keep() {
    if (!storage) { return; }
    try { storage.setItem(key, JSON.stringify(kept)); } catch (e) { /* storage full: not kept */ }
  }
  fields.forEach(function (field) {
    if (typeof kept[field.name] === "string") { field.value = kept[field.name]; }
    field.addEventListener("input", function () {
      kept[field.name] = field.value;
      keep();
    });
  });
  var clear = document.querySelector("[data-questions-clear]");
  if (clear) {
    clear.hidden = false;
    clear.addEventListener("click", function () {
      var question = clear.getAttribute("data-confirm");
      if (question && !window.confirm(question)) { return; }
      fields.forEach(function (field) { field.value = ""; });
      kept = {};
      if (storage) { try { storage.removeItem(key); } catch (e) { /* nothing kept */ } }
      if (fields.length) { fields[0].focus(); }
    });
  }
  var print = document.querySelector("[data-print]");
  if (print) {
    print.hidden = false;
    print.addEventListener("click", function () { window.print(); });
  }
})();
