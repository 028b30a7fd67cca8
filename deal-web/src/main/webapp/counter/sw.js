// The counter's service worker (scope /counter/). It keeps the counter's shell (counter/shell.xhtml: the page without
// any coupon data) and the static files the pages load (styles, scripts, icons), so that the counter opens on a phone
// without a connection. It never stores an API answer, the offline list or queue calls, or a page with coupon data:
// pages always come from the network, and only when the network fails does the shell stand in for them.
'use strict';

var CACHE = 'gd-counter-shell-v1';
var SHELL = new URL('shell.xhtml', self.registration.scope).href;
var REFRESH_EVERY_MS = 10 * 60 * 1000;
var refreshedAt = 0;

/** Static files: Faces resources (styles, scripts, vendor libraries) and the files under /resources/ (icons). */
function isStatic(url) {
    return url.origin === self.location.origin
        && (url.pathname.indexOf('/jakarta.faces.resource/') >= 0 || url.pathname.indexOf('/resources/') >= 0);
}

/** Fetches the shell (with the login cookie) and the static files it names, and keeps them. */
function keepShell() {
    refreshedAt = Date.now();
    return fetch(SHELL, {credentials: 'same-origin', cache: 'no-store', redirect: 'manual'}).then(function (response) {
        if (response.status !== 200) {
            throw new Error('the shell needs a signed-in session');
        }
        return response.clone().text().then(function (html) {
            var urls = [];
            // The shell's scripts, styles and icons, and the QR reader it loads when the camera opens (data-jsqr).
            html.replace(/(?:src|href|data-jsqr)="([^"]+)"/g, function (all, link) {
                var url = new URL(link.replace(/&amp;/g, '&'), SHELL);
                if (isStatic(url) && urls.indexOf(url.href) < 0) {
                    urls.push(url.href);
                }
                return all;
            });
            return caches.open(CACHE).then(function (cache) {
                return cache.put(SHELL, response).then(function () {
                    return cache.addAll(urls);
                });
            });
        });
    });
}

self.addEventListener('install', function (event) {
    event.waitUntil(keepShell().then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
    event.waitUntil(caches.keys().then(function (names) {
        return Promise.all(names.filter(function (name) { return name !== CACHE; }).map(function (name) {
            return caches.delete(name);
        }));
    }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
    var request = event.request;
    var url = new URL(request.url);
    if (request.mode === 'navigate') {
        event.respondWith(fetch(request).then(function (response) {
            if (Date.now() - refreshedAt > REFRESH_EVERY_MS) {
                event.waitUntil(keepShell().catch(function () { /* signed out: keep the shell there is */ }));
            }
            return response;
        }, function () {
            return caches.match(SHELL).then(function (shell) { return shell || Response.error(); });
        }));
        return;
    }
    if (request.method === 'GET' && isStatic(url)) {
        // The kept copy at once, refreshed from the network behind it.
        event.respondWith(caches.open(CACHE).then(function (cache) {
            return cache.match(request).then(function (kept) {
                var fresh = fetch(request).then(function (response) {
                    if (response.ok) {
                        return cache.put(request, response.clone()).then(function () { return response; });
                    }
                    return response;
                });
                if (kept) {
                    event.waitUntil(fresh.catch(function () { /* offline: the kept copy serves */ }));
                    return kept;
                }
                return fresh;
            });
        }));
    }
    // Everything else (the API, the offline list and queue calls, images of coupons): the network only, never kept.
});
