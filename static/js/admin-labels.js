// Names for the admin's search-as-you-type pickers (select2), which Django leaves without one:
// each picker's box and its shown choice are named by the field's own label. Select2 draws its boxes
// after the page loads (and again for a row added to an inline), so new ones are named as they appear.
"use strict";
(function () {
  function name(select) {
    const label = select.id && document.querySelector('label[for="' + select.id + '"]');
    const container = select.nextElementSibling;
    if (!label || !container || !container.classList.contains("select2")) {
      return;
    }
    const text = label.textContent.replace(/:\s*$/, "").trim();
    container.querySelectorAll(".select2-selection, .select2-selection__rendered").forEach(function (box) {
      if (box.getAttribute("aria-label") !== text) {
        box.setAttribute("aria-label", text);
      }
    });
  }
  function nameAll() {
    document.querySelectorAll("select.admin-autocomplete").forEach(name);
  }
  document.addEventListener("DOMContentLoaded", function () {
    nameAll();
    new MutationObserver(nameAll).observe(document.body, { childList: true, subtree: true });
  });
  window.addEventListener("load", nameAll);
})();
