// Drafts and review, the page form's "Version and review" panel.
// "Submit for review" sends what is saved, and it is a form of its own: edits
// not saved yet would be lost without a word. Once any field of the item's
// form changes, the button waits and says to save first. Without JavaScript
// the panel's "Save your changes first" line says the same.
(function () {
  "use strict";
  var panel = document.getElementById("workflow");
  var form = panel && document.getElementById(panel.getAttribute("data-form"));
  if (!form) { return; }
  var buttons = panel.querySelectorAll("button[data-save-first]");
  if (!buttons.length) { return; }
  function changed() {
    Array.prototype.forEach.call(buttons, function (button) {
      button.disabled = true;
      var note = document.getElementById(button.getAttribute("aria-describedby"));
      if (note) { note.hidden = false; }
    });
    form.removeEventListener("input", changed);
    form.removeEventListener("change", changed);
  }
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
}());
