// Reading offline (issue 12), progressive enhancement: registers the service
// worker (served at data-worker by condition/offline.py) and runs the
// "Save for offline" button. Without JavaScript the pages work as always.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !("serviceWorker" in navigator)) { return; }
  var ready = navigator.serviceWorker.register(script.getAttribute("data-worker"), { updateViaCache: "none" })
    .then(function () { return navigator.serviceWorker.ready; });
  var firstVisit = !navigator.serviceWorker.controller;

  // Asks the worker about this page ("status") or to save it now ("save").
  function ask(type) {
    return ready.then(function (registration) {
      return new Promise(function (resolve) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) { resolve(event.data); };
        registration.active.postMessage({ type: type, url: location.href }, [channel.port2]);
      });
    });
  }

  // This page loaded before the worker ran: save it as every later page is saved.
  var known = ask(firstVisit ? "save" : "status").catch(function () { return null; });

  var box = document.querySelector("[data-save-offline]");
  if (!box) { return; }
  var button = box.querySelector("button");
  var status = box.querySelector("[role=status]");
  function show(answer) {
    if (answer.saved) {
      status.textContent = "Saved for offline reading on " + answer.saved + ".";
    } else if (answer.failed) {
      status.textContent = "Could not save this page. Check your connection and try again.";
    }
  }
  known.then(function (answer) {
    if (!answer) { return; }  // no worker here (an old browser, or not HTTPS): no button
    box.hidden = false;
    show(answer);
  });
  button.addEventListener("click", function () {
    status.textContent = "Saving…";
    ask("save").then(show);
  });
})();
