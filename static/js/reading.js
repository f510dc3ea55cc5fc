// Citations, progressive enhancement: a marker tapped makes its source entry's "Back to text" lead back to
// that very marker (without JavaScript it leads to the first, and "Cited at" lists every place).
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var marker = event.target.closest ? event.target.closest(".cite[id] a[href^='#cite-']") : null;
    if (!marker) { return; }
    var entry = document.getElementById(marker.getAttribute("href").slice(1));
    var back = entry && entry.querySelector("[data-back-to-text]");
    if (back) { back.setAttribute("href", "#" + marker.parentNode.id); }
  });
})();
