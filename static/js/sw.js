// Reading offline. Served at /sw.js by condition/offline.py, which
// puts self.OMS_OFFLINE (cache name, addresses to save on install, addresses
// never to save) on the line above. Pages: network first, the saved copy when
// the network fails, with a banner saying it is a saved copy and from when.
"use strict";

var CONFIG = self.OMS_OFFLINE;
var SAVED_AT = "X-Oms-Saved-At";
var MAX_SAVED = 200;  // pages saved in one go (all topics, or again after a content change)
var AT_ONCE = 4;  // requests at a time when saving many
var PATIENCE = 8000;  // ms to wait for a page before showing its saved copy

// The words of the page's language (CONFIG.languages, longest address prefix first; the default's is "").
function wordsFor(url) {
  var path = new URL(url, self.location.href).pathname;
  return CONFIG.languages.filter(function (language) {
    return path === language.prefix || path.indexOf(language.prefix + "/") === 0;
  })[0];
}

function sameOrigin(url) {
  return new URL(url, self.location.href).origin === self.location.origin;
}

function neverSaved(url) {
  var path = new URL(url, self.location.href).pathname.slice(wordsFor(url).prefix.length);
  return CONFIG.never.some(function (prefix) { return path.indexOf(prefix) === 0; });
}

function isStatic(url) {
  return new URL(url, self.location.href).pathname.indexOf(CONFIG.static) === 0;
}

function when(iso, lang) {
  return new Date(iso).toLocaleString(lang === "en" ? "en-US" : lang, { dateStyle: "long", timeStyle: "short" });
}

// A copy worth keeping: a plain 200 from this site, meant for anyone, with no form token in it.
// Resolves to a response carrying the time it was saved, or null.
function keepable(url, response) {
  if (!response || response.status !== 200 || response.type !== "basic" || response.redirected) {
    return Promise.resolve(null);
  }
  if (!sameOrigin(url) || neverSaved(url)) { return Promise.resolve(null); }
  var control = (response.headers.get("Cache-Control") || "").toLowerCase();
  if (control.indexOf("no-store") !== -1 || control.indexOf("private") !== -1) {
    return Promise.resolve(null);
  }
  var type = response.headers.get("Content-Type") || "";
  var html = type.indexOf("text/html") === 0;
  if (!html && !isStatic(url)) { return Promise.resolve(null); }  // pages only (no PDFs), and static files
  return response.clone().blob().then(function (body) {
    var headers = new Headers(response.headers);
    headers.set(SAVED_AT, new Date().toISOString());
    var copy = new Response(body, { status: 200, statusText: response.statusText, headers: headers });
    if (!html) { return copy; }
    return body.text().then(function (text) {
      return text.indexOf("csrfmiddlewaretoken") === -1 ? copy : null;
    });
  });
}

function save(url, response) {
  return keepable(url, response).then(function (copy) {
    if (!copy) { return null; }
    return caches.open(CONFIG.cache).then(function (cache) {
      return cache.put(url, copy.clone()).then(function () { return copy; });
    });
  });
}

function fetchAndSave(url) {
  return fetch(url, { cache: "no-cache", credentials: "same-origin" }).then(function (response) {
    return save(url, response);
  });
}

function pageKey(url) {
  var address = new URL(url, self.location.href);
  address.hash = "";
  return address.href;
}

// A saved page as families see it without the network: the page with a banner at the top of its main content.
function savedCopy(saved, words, lead) {
  var stamp = saved.headers.get(SAVED_AT);
  return saved.text().then(function (html) {
    var banner = '<div class="wrap"><p class="offline-banner" role="status">' +
      lead + " " + words.savedOn.replace("{date}", when(stamp, words.lang)) + "</p></div>";
    var marked = html.replace(/<main\b[^>]*>/, function (main) { return main + banner; });
    var headers = new Headers(saved.headers);
    headers.delete("Content-Length");
    return new Response(marked, { status: 200, headers: headers });
  });
}

function notSaved(words) {
  var css = CONFIG.precache.filter(function (url) { return /\.css$/.test(url); })[0];
  var links = words.links.replace("{help}", '<a href="' + words.help + '">').replace("{home}", '<a href="' + words.home + '">');
  var html = '<!doctype html><html lang="' + words.lang + '"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    "<title>" + words.title + "</title>" + '<link rel="stylesheet" href="' + css + '"></head>' +
    '<body><main id="main" class="wrap"><h1>' + words.title + "</h1>" +
    '<p class="offline-banner" role="status">' + words.notSaved + "</p>" +
    "<p>" + links + "</p></main></body></html>";
  return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

// Copies being kept now, by address: a page asking whether it is saved waits for its own.
var saving = {};

// Keep a copy for offline reading, without making the family wait for it.
function keepCopy(url, response) {
  var done = save(url, response).catch(function () { return null; });
  saving[url] = done;
  done.then(function () { if (saving[url] === done) { delete saving[url]; } });
  return done;
}

function saveLater(event, url, response) {
  event.waitUntil(keepCopy(url, response));
}

// Network first. No answer at all (offline): the saved copy. An answer that does not come
// (a signal that comes and goes): the saved copy after PATIENCE, if there is one.
function page(event) {
  var url = pageKey(event.request.url);
  var words = wordsFor(url);
  var kept = null;
  var network = fetch(event.request).then(function (response) {
    kept = keepCopy(url, response.clone());
    return response;
  });
  // The worker stays up until the fresh copy is kept, also when the saved one was shown first.
  event.waitUntil(network.then(function () { return kept; }, function () { return null; }));
  var saved = caches.open(CONFIG.cache).then(function (cache) { return cache.match(url); });
  var slow = new Promise(function (resolve) { setTimeout(resolve, PATIENCE); }).then(function () {
    return saved.then(function (copy) { return copy ? savedCopy(copy, words, words.slow) : network; });
  });
  return Promise.race([network, slow]).catch(function () {
    return saved.then(function (copy) { return copy ? savedCopy(copy, words, words.offline) : notSaved(words); });
  });
}

function asset(event) {
  var request = event.request;
  return fetch(request).then(function (response) {
    saveLater(event, request.url, response.clone());
    return response;
  }, function () {
    return caches.open(CONFIG.cache).then(function (cache) {
      return cache.match(request.url).then(function (saved) { return saved || Response.error(); });
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (!CONFIG || request.method !== "GET" || !sameOrigin(request.url)) { return; }
  if (neverSaved(request.url)) {
    // Never kept (the quiz): online, straight through; offline, the portal's own
    // "not saved" page with Get help now, not the browser's error page.
    if (request.mode === "navigate") {
      event.respondWith(fetch(request).catch(function () { return notSaved(wordsFor(request.url)); }));
    }
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(page(event));
  } else if (isStatic(request.url)) {
    event.respondWith(asset(event));
  }
});

// Pages saved under an older content version (or an older worker): addresses to fetch again.
function previouslySaved() {
  return caches.keys().then(function (names) {
    var old = names.filter(function (name) { return name !== CONFIG.cache && name.indexOf("oms-offline-") === 0; });
    return Promise.all(old.map(function (name) {
      return caches.open(name).then(function (cache) { return cache.keys(); });
    }));
  }).then(function (lists) {
    var urls = [];
    lists.forEach(function (requests) {
      requests.forEach(function (request) {
        if (!isStatic(request.url) && urls.indexOf(request.url) === -1) { urls.push(request.url); }
      });
    });
    return urls.slice(0, MAX_SAVED);
  });
}

// work(url) for each address, AT_ONCE at a time; resolves to the results in order.
function each(urls, work) {
  var results = [];
  var next = 0;
  function more() {
    if (next >= urls.length) { return Promise.resolve(); }
    var index = next++;
    return work(urls[index]).then(function (result) {
      results[index] = result;
      return more();
    });
  }
  var workers = [];
  for (var n = 0; n < AT_ONCE; n++) { workers.push(more()); }
  return Promise.all(workers).then(function () { return results; });
}

// Best effort: a page that is gone, or no longer for families, is simply not saved.
function trySave(url) {
  return fetchAndSave(url).catch(function () { return null; });
}

function copyOf(url) {
  return Promise.resolve(saving[url]).then(function () {
    return caches.open(CONFIG.cache);
  }).then(function (cache) { return cache.match(url); });
}

self.addEventListener("install", function (event) {
  if (!CONFIG) { return; }
  event.waitUntil(
    Promise.all(CONFIG.precache.map(fetchAndSave)).then(previouslySaved).then(function (urls) {
      return each(urls, trySave);
    }).then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  if (!CONFIG) { return; }
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) { return name !== CONFIG.cache; }).map(function (name) {
        return caches.delete(name);
      }));
    }).then(function () { return self.clients.claim(); })
  );
});

// From offline.js: {type: "status" | "save", urls}. Answers {count, total, saved}: how many of
// the addresses have a copy (after saving them, for "save"), and the oldest copy's date or null.
self.addEventListener("message", function (event) {
  var data = event.data || {};
  var port = event.ports[0];
  if (!CONFIG || !port || !Array.isArray(data.urls)) { return; }
  var urls = data.urls.filter(function (url) { return typeof url === "string" && sameOrigin(url); });
  urls = urls.map(pageKey).slice(0, MAX_SAVED);
  event.waitUntil(each(urls, data.type === "save" ? trySave : copyOf).then(function (copies) {
    var stamps = copies.filter(Boolean).map(function (copy) { return copy.headers.get(SAVED_AT); }).sort();
    var lang = wordsFor(urls.length ? urls[0] : self.location.href).lang;  // the asking page's language
    port.postMessage({ count: stamps.length, total: urls.length, saved: stamps.length ? when(stamps[0], lang) : null });
  }));
});
