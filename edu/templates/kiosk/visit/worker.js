// The kiosk's service worker (edu/kiosk/offline.py): a kiosk page that cannot
// be fetched, or that a proxy answers with an error, shows the reconnecting
// screen instead of the browser's error page.
var CACHE = "kiosk-{{ version }}";
var OFFLINE = {{ offline|tojson }};
var ASSETS = {{ assets|tojson }};

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.addAll([OFFLINE].concat(ASSETS));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name !== CACHE; }).map(function (name) {
      return caches.delete(name);
    }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.mode === "navigate") {
    event.respondWith(fetch(request).then(function (response) {
      return response.status >= 500 ? caches.match(OFFLINE) : response;
    }, function () { return caches.match(OFFLINE); }));
  } else if (ASSETS.indexOf(new URL(request.url).pathname) !== -1) {
    event.respondWith(caches.match(request).then(function (cached) { return cached || fetch(request); }));
  }
});
