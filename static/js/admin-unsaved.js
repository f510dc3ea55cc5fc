// Unsaved edits on an admin change form: leaving the page warns first.
// A link clicked on the page (a section's "Change", the breadcrumbs, the menu)
// asks to confirm; closing the tab, reloading or typing an address gets the
// browser's own "Leave site?" question (beforeunload). Saving the form never
// warns. A field counts as edited when it differs from what the page was
// served with, so typing a word and deleting it again is no edit. A form
// shown again with errors holds edits not saved yet from the start.
(function () {
  "use strict";
  var script = document.currentScript;
  var form = document.querySelector("#content-main form[id$='_form']");
  if (!script || !form) { return; }
  var message = script.getAttribute("data-message") || "";
  var unsavedFromStart = script.hasAttribute("data-unsaved");
  var submitting = false;
  var confirmedAt = 0;

  function selectChanged(select) {
    var options = select.options;
    if (select.type === "select-one") {
      var initial = 0;
      for (var i = 0; i < options.length; i += 1) {
        if (options[i].defaultSelected) { initial = i; }
      }
      return options.length > 0 && select.selectedIndex !== initial;
    }
    return Array.prototype.some.call(options, function (option) {
      return option.selected !== option.defaultSelected;
    });
  }

  function fieldChanged(field) {
    if (!field.name || field.disabled || field.name.indexOf("__prefix__") !== -1) { return false; }
    switch (field.type) {
    case "hidden": case "submit": case "button": case "reset": case "image": return false;
    case "checkbox": case "radio": return field.checked !== field.defaultChecked;
    case "file": return Boolean(field.files && field.files.length);
    case "select-one": case "select-multiple": return selectChanged(field);
    default: return field.value !== field.defaultValue;
    }
  }

  function unsaved() {
    return unsavedFromStart || Array.prototype.some.call(form.elements, fieldChanged);
  }

  // Last of all submit listeners (on window): a submit another script cancelled leaves the warning on.
  window.addEventListener("submit", function (event) {
    if (event.target === form && !event.defaultPrevented) { submitting = true; }
  });

  window.addEventListener("beforeunload", function (event) {
    if (submitting || Date.now() - confirmedAt < 2000 || !unsaved()) { return; }
    event.preventDefault();
    event.returnValue = message;
    return message;
  });

  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;  // handled by the admin's own scripts (add a row, a popup), or opened in a new tab
    }
    var link = event.target.closest ? event.target.closest("a[href]") : null;
    if (!link || (link.target && link.target !== "_self") || link.hasAttribute("download")) { return; }
    var href = link.getAttribute("href");
    if (href.charAt(0) === "#" || /^\s*javascript:/i.test(href)) { return; }
    if (link.origin === window.location.origin && link.pathname === window.location.pathname &&
        link.search === window.location.search && link.hash) { return; }
    if (!unsaved()) { return; }
    if (window.confirm(message)) {
      confirmedAt = Date.now();  // asked once: the browser does not ask again as the page unloads
    } else {
      event.preventDefault();
    }
  });
}());
