// A picture field in the admin: the chosen file shown before it is saved.
// The preview is read in the browser (a data: address, which the
// Content-Security-Policy allows for images); nothing is sent until the form
// is saved, and the portal checks every file then. Without JavaScript the
// stored picture is shown once saved.
(function () {
  "use strict";
  var SHOWN = /^image\/(jpeg|png|webp)$/;
  var LIMIT = 8 * 1024 * 1024;

  function previewOf(input) {
    var box = input.closest(".picture-input") || input.parentNode;
    var figure = box.querySelector(".picture-preview");
    if (!figure) {
      figure = document.createElement("figure");
      figure.className = "picture-preview";
      figure.appendChild(document.createElement("img"));
      figure.appendChild(document.createElement("figcaption"));
      box.appendChild(figure);
    }
    return figure;
  }

  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches("input[type=file][data-picture-preview]")) { return; }
    var figure = previewOf(input);
    var file = input.files && input.files[0];
    figure.hidden = true;
    var again = (input.closest(".picture-input") || document).querySelector(".picture-again");
    if (again && file) { again.hidden = true; }
    if (!file || !SHOWN.test(file.type) || file.size > LIMIT) { return; }
    var reader = new FileReader();
    reader.onload = function () {
      var image = figure.querySelector("img");
      image.src = reader.result;
      image.alt = "";  // the caption says what it is
      figure.querySelector("figcaption").textContent = input.getAttribute("data-picture-preview");
      figure.hidden = false;
    };
    reader.readAsDataURL(file);
  });
}());
