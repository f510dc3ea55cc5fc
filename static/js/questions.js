// Questions for the care team: what a family types stays in this browser only (localStorage), and a Print button.
// Without JavaScript the boxes still take typing and print; they are just not kept.
(function () {
  "use strict";
  var list = document.querySelector("[data-questions-key]");
  if (!list) { return; }
  var key = "oms-questions:" + list.getAttribute("data-questions-key");
  var fields = list.querySelectorAll("textarea, input[type=date]");
  var kept = {};
  try { kept = JSON.parse(window.localStorage.getItem(key) || "{}") || {}; } catch (e) { kept = {}; }
  fields.forEach(function (field) {
    if (typeof kept[field.name] === "string") { field.value = kept[field.name]; }
    field.addEventListener("input", function () {
      kept[field.name] = field.value;
      try { window.localStorage.setItem(key, JSON.stringify(kept)); } catch (e) { /* storage full or off: not kept */ }
    });
  });
  var clear = document.querySelector("[data-questions-clear]");
  if (clear) {
    clear.hidden = false;
    clear.addEventListener("click", function () {
      fields.forEach(function (field) { field.value = ""; });
      kept = {};
      try { window.localStorage.removeItem(key); } catch (e) { /* nothing kept */ }
    });
  }
  var print = document.querySelector("[data-print]");
  if (print) {
    print.hidden = false;
    print.addEventListener("click", function () { window.print(); });
  }
})();
