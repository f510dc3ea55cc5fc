// Progressive enhancement for the quiz: a live "answered so far" count.
// The quiz works fully without it; the server checks every answer.
(function () {
  "use strict";
  var form = document.querySelector("form.quiz-form");
  var hint = document.getElementById("quiz-progress");
  if (!form || !hint) { return; }
  var names = [];
  form.querySelectorAll("input[type=radio]").forEach(function (input) {
    if (names.indexOf(input.name) === -1) { names.push(input.name); }
  });
  function update() {
    var answered = names.filter(function (name) {
      return form.querySelector("input[name='" + name + "']:checked");
    }).length;
    // The words come from the page (data-answered, in its language): "{count} of {total} answered".
    hint.textContent = hint.getAttribute("data-answered").replace("{count}", answered).replace("{total}", names.length);
  }
  form.addEventListener("change", update);
  hint.hidden = false;
  update();
})();
