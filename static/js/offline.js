// Reading offline, progressive enhancement: registers the service
// worker (served at data-worker by condition/offline.py) and runs the
// "Save for offline" buttons: one topic page, or every topic from the home
// page. Without JavaScript the pages work as always.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !("serviceWorker" in navigator)) { return; }
  var ready = navigator.serviceWorker.register(script.getAttribute("data-worker"), { updateViaCache: "none" })
    .then(function () { return navigator.serviceWorker.ready; });
  var firstVisit = !navigator.serviceWorker.controller;

  // Asks the worker whether these addresses are saved ("status"), or to save them now ("save").
  function ask(type, urls) {
    return ready.then(function (registration) {
      return new Promise(function (resolve) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) { resolve(event.data); };
        registration.active.postMessage({ type: type, urls: urls }, [channel.port2]);
      });
    });
  }

  // This page loaded before the worker ran: save it as every later page is saved.
  var here = ask(firstVisit ? "save" : "status", [location.href]).catch(function () { return null; });

  var box = document.querySelector("[data-save-offline]");
  if (!box) { return; }
  var all = box.getAttribute("data-save-offline") === "all";
  var urls = all ? Array.prototype.map.call(document.querySelectorAll(".topic-list a[href]"), function (link) {
    return link.href;
  }) : [location.href];
  var button = box.querySelector("button");
  var status = box.querySelector("[role=status]");
  // The words come from the page itself (includes/save_offline.html), in its language.
  function words(name, values) {
    return status.getAttribute("data-" + name).replace(/\{(\w+)\}/g, function (all, key) { return values[key]; });
  }
  var retry = " " + words("retry", {});

  function say(answer, saving) {
    var text = "";
    if (!all) {
      if (answer.count) {
        text = words("saved", answer);
      } else if (saving) {
        text = words("page-failed", answer) + retry;
      }
    } else if (answer.count && answer.count === answer.total) {
      text = words(saving ? "all-saved-now" : "all-saved", answer);
    } else if (answer.count) {
      text = words("some-saved", answer) + (saving ? retry : "");
    } else if (saving) {
      text = words("all-failed", answer) + retry;
    }
    status.textContent = text;
  }

  here.then(function (answer) {
    if (!answer) { return; }  // no worker here (an old browser, or not HTTPS): no button
    box.hidden = false;
    return all ? ask("status", urls).then(function (topics) { say(topics, false); }) : say(answer, false);
  });
  button.addEventListener("click", function () {
    status.textContent = words("saving", {});
    ask("save", urls).then(function (answer) { say(answer, true); });
  });
})();
