// The counter on a phone: the connection's state, the camera, and redemption without a connection.
// Words come from the page (data-w-* on [data-counter]); nothing here is shown to people as written.
//
// While online the page keeps its store's list of hashes of the redeemable codes (never the codes), asked for every
// minute. Offline, a code typed or scanned is hashed (PBKDF2-SHA256, the list's salt and iterations, WebCrypto) and,
// when the list has it, redeemed on this phone: queued with a client id (a UUID). Back online the queue is sent, one
// redemption at a time, with the client id as Idempotency-Key, so each is taken once however often it is sent.
(function () {
    'use strict';

    var LIST_EVERY_MS = 60 * 1000;
    var QUEUE_KEY = 'gd-counter-queue';
    var STORE_KEY = 'gd-counter-store';
    var LIST_KEY = 'gd-counter-list-';
    var TYPED_KEY = 'gd-counter-typed';
    var SYMBOLS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    var CHECK_SYMBOLS = SYMBOLS + '*~$=U';

    document.addEventListener('DOMContentLoaded', function () {
        var root = document.querySelector('[data-counter]');
        if (!root) {
            return;
        }
        var words = root.dataset;
        var store = root.getAttribute('data-store') ? {
            id: root.getAttribute('data-store'),
            name: root.getAttribute('data-store-name')
        } : read(STORE_KEY);
        if (root.getAttribute('data-store')) {
            write(STORE_KEY, store);
        }
        var shell = !root.getAttribute('data-store');
        var form = document.querySelector('[data-counter-form]');
        var input = form && form.querySelector('[data-counter-code]');
        var answer = document.querySelector('[data-counter-answer]');
        var online = navigator.onLine;
        var pending = null; // the code the local answer offers to redeem
        var sending = false;

        if (shell && store) {
            document.querySelectorAll('[data-counter-store-name]').forEach(function (el) { el.textContent = store.name; });
        }
        if (shell && !store) {
            show(words.wAnswerNo, words.wNoStore, '', false);
        }

        function say(template) {
            var args = Array.prototype.slice.call(arguments, 1);
            return String(template || '').replace(/\{(\d)\}/g, function (all, i) { return args[+i] === undefined ? '' : args[+i]; });
        }

        function read(key) {
            try {
                return JSON.parse(localStorage.getItem(key));
            } catch (e) {
                return null;
            }
        }

        function write(key, value) {
            try {
                localStorage.setItem(key, JSON.stringify(value));
            } catch (e) { /* storage full or denied: the counter still works online */ }
        }

        // -- the connection ------------------------------------------------------------------------------------------

        function setOnline(now) {
            var was = online;
            online = now;
            document.body.classList.toggle('counter-is-offline', !now);
            root.querySelector('[data-counter-offline]').hidden = now;
            root.querySelector('[data-counter-online]').hidden = !now || was;
            root.querySelector('[data-counter-reload]').hidden = !(now && shell);
            if (now && !was) {
                refreshList();
                sendQueue();
            }
        }

        // The browser's own word on the connection: its events, and (for a browser that changes navigator.onLine
        // without one) a look every second; a failed request says it too (request below).
        var browserOnline = navigator.onLine;
        function browserSays(now) {
            browserOnline = now;
            setOnline(now);
        }
        window.addEventListener('offline', function () { browserSays(false); });
        window.addEventListener('online', function () { browserSays(true); });
        setInterval(function () {
            if (navigator.onLine !== browserOnline) {
                browserSays(navigator.onLine);
            }
        }, 1000);

        /** A fetch that says the connection is gone when it fails, and back when it answers. */
        function request(url, options) {
            return fetch(url, Object.assign({credentials: 'same-origin', cache: 'no-store', redirect: 'manual'}, options))
                .then(function (response) {
                    if (!online) {
                        setOnline(true);
                    }
                    return response;
                }, function (failure) {
                    setOnline(false);
                    throw failure;
                });
        }

        // -- the store's list of hashes ------------------------------------------------------------------------------

        function refreshList() {
            if (!store || !online) {
                return;
            }
            request(root.getAttribute('data-list-url') + '?store=' + encodeURIComponent(store.id), {headers: {Accept: 'application/json'}})
                .then(function (response) {
                    var type = response.headers.get('Content-Type') || '';
                    if (response.status === 200 && type.indexOf('application/json') === 0) {
                        return response.json().then(function (list) {
                            list.fetchedAt = new Date().toISOString();
                            write(LIST_KEY + store.id, list);
                        });
                    }
                }).catch(function () { /* offline: the last list stays until it expires */ });
        }

        function list() {
            var kept = store && read(LIST_KEY + store.id);
            return kept && Array.isArray(kept.hashes) ? kept : null;
        }

        /** The code as the server keeps it (13 characters), or null when it is not one (same rules as CouponCode). */
        function normal(typed) {
            var text = String(typed || '').replace(/[\s-]/g, '').toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
            if (text.length !== 13) {
                return null;
            }
            var rest = 0;
            for (var i = 0; i < 12; i++) {
                var digit = SYMBOLS.indexOf(text.charAt(i));
                if (digit < 0) {
                    return null;
                }
                rest = (rest * 32 + digit) % 37;
            }
            return CHECK_SYMBOLS.indexOf(text.charAt(12)) === rest ? text : null;
        }

        function printed(code) {
            return code.slice(0, 4) + '-' + code.slice(4, 8) + '-' + code.slice(8, 12) + '-' + code.charAt(12);
        }

        function hash(code, kept) {
            var bytes = new TextEncoder().encode(code);
            var salt = Uint8Array.from(atob(kept.salt), function (c) { return c.charCodeAt(0); });
            return crypto.subtle.importKey('raw', bytes, 'PBKDF2', false, ['deriveBits']).then(function (key) {
                return crypto.subtle.deriveBits({name: 'PBKDF2', hash: 'SHA-256', salt: salt, iterations: kept.iterations}, key, 256);
            }).then(function (bits) {
                return btoa(String.fromCharCode.apply(null, new Uint8Array(bits)));
            });
        }

        // -- the answer without a connection ------------------------------------------------------------------------

        function show(verdict, detail, code, ok) {
            answer.hidden = false;
            answer.classList.toggle('answer-ok', ok);
            answer.classList.toggle('answer-no', !ok);
            answer.querySelector('[data-counter-mark]').textContent = ok ? '\u2713' : '\u2715';
            answer.querySelector('[data-counter-verdict]').textContent = verdict;
            answer.querySelector('[data-counter-title]').textContent = '';
            answer.querySelector('[data-counter-shown]').textContent = code;
            answer.querySelector('[data-counter-detail]').textContent = detail;
            answer.querySelector('[data-counter-actions]').hidden = !ok;
            var server = document.getElementById('answer');
            if (server) {
                server.hidden = true;
            }
            // The verdict at the top of the screen, the buttons below it, above the docked field.
            answer.scrollIntoView({block: 'start'});
            (ok ? answer.querySelector('[data-counter-redeem]') : answer).focus({preventScroll: true});
        }

        function hide() {
            answer.hidden = true;
            pending = null;
        }

        function checkOffline(typed) {
            var code = normal(typed);
            if (!code) {
                show(words.wAnswerNo, words.wInvalid, String(typed).trim().toUpperCase(), false);
                return;
            }
            var kept = list();
            if (!kept) {
                show(words.wUnknown, words.wNoList, printed(code), false);
                return;
            }
            if (Date.parse(kept.expiresAt) <= Date.now()) {
                show(words.wUnknown, words.wExpired, printed(code), false);
                return;
            }
            hash(code, kept).then(function (h) {
                var used = queue().filter(function (item) { return item.code === code; })[0];
                if (used) {
                    show(words.wAnswerNo, say(words.wUsedHere, new Date(used.redeemedOfflineAt).toLocaleTimeString([], {
                        hour: '2-digit', minute: '2-digit'})), printed(code), false);
                } else if (kept.hashes.indexOf(h) >= 0) {
                    pending = {code: code, hash: h};
                    show(words.wAnswerOk, words.wAnswerOkDetail, printed(code), true);
                } else {
                    show(words.wUnknown, words.wUnknownDetail, printed(code), false);
                }
            }, function () {
                show(words.wUnknown, words.wNoList, printed(code), false);
            });
        }

        function redeemOffline() {
            if (!pending) {
                return;
            }
            var items = queue();
            items.push({
                clientId: crypto.randomUUID ? crypto.randomUUID() : uuid(),
                code: pending.code,
                storeId: store.id,
                redeemedOfflineAt: new Date().toISOString()
            });
            write(QUEUE_KEY, items);
            var kept = list();
            if (kept) { // this phone does not take the same code twice while offline
                kept.hashes = kept.hashes.filter(function (h) { return h !== pending.hash; });
                write(LIST_KEY + store.id, kept);
            }
            var code = pending.code;
            hide();
            note(say(words.wDone, printed(code)), 'note-ok');
            showQueue();
            input.value = '';
            input.focus();
            if (online) {
                sendQueue();
            }
        }

        function uuid() {
            var b = crypto.getRandomValues(new Uint8Array(16));
            b[6] = (b[6] & 0x0f) | 0x40;
            b[8] = (b[8] & 0x3f) | 0x80;
            var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join('');
            return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
        }

        function note(text, kind) {
            var li = document.createElement('li');
            li.className = 'queue-note ' + kind;
            li.textContent = text;
            root.querySelector('[data-counter-notes]').appendChild(li);
        }

        // -- the queue -----------------------------------------------------------------------------------------------

        function queue() {
            var items = read(QUEUE_KEY);
            return Array.isArray(items) ? items : [];
        }

        function showQueue() {
            var status = root.querySelector('[data-counter-queue]');
            var waiting = queue().length;
            status.hidden = waiting === 0;
            status.textContent = waiting ? say(words.wWaiting, waiting) : '';
        }

        function drop(clientId) {
            write(QUEUE_KEY, queue().filter(function (item) { return item.clientId !== clientId; }));
        }

        /** Sends the queue, oldest first, one at a time; stops at the first sign of no connection and tries later. */
        function sendQueue() {
            if (sending || !online) {
                return;
            }
            var item = queue()[0];
            if (!item) {
                return;
            }
            sending = true;
            request(root.getAttribute('data-sync-url'), {
                method: 'POST',
                headers: {'Content-Type': 'application/json', 'X-Counter': '1', Accept: 'application/json'},
                body: JSON.stringify(item)
            }).then(function (response) {
                var type = response.headers.get('Content-Type') || '';
                if (type.indexOf('json') < 0 || response.status >= 500 || response.status === 429 || response.status === 408) {
                    throw new Error('not now'); // signed out, busy or failing: the item stays queued
                }
                return response.json().then(function (body) {
                    if (response.status === 201) {
                        drop(item.clientId);
                        note(say(words.wSent, printed(item.code)), 'note-ok');
                    } else if (body.type === '/problems/double-use') {
                        drop(item.clientId);
                        note(say(words.wDoubleUse, printed(item.code), body.title), 'note-bad');
                    } else {
                        // refused for good (not this business's code, a store no longer theirs): said, not retried
                        drop(item.clientId);
                        note(say(words.wRefused, printed(item.code), body.detail || body.title), 'note-bad');
                    }
                });
            }).then(function () {
                sending = false;
                showQueue();
                sendQueue();
            }, function () {
                sending = false;
                showQueue();
            });
        }

        // -- the form ------------------------------------------------------------------------------------------------

        if (form) {
            form.addEventListener('submit', function (event) {
                if (online && !form.hasAttribute('data-counter-offline-only')) {
                    hide();
                    // Should the connection be gone after all, the service worker shows the shell, which checks this code.
                    sessionStorage.setItem(TYPED_KEY, input.value);
                    return; // the server answers
                }
                event.preventDefault();
                if (online && form.hasAttribute('data-counter-offline-only')) {
                    // the shell, back online: the counter page answers
                    window.location.href = root.getAttribute('data-counter-url') + (store ? '?store=' + encodeURIComponent(store.id) : '');
                    return;
                }
                checkOffline(input.value);
            });
        }
        if (answer) {
            answer.querySelector('[data-counter-redeem]').addEventListener('click', redeemOffline);
            answer.querySelector('[data-counter-dismiss]').addEventListener('click', function () {
                hide();
                input.focus();
            });
        }

        // -- the camera ----------------------------------------------------------------------------------------------

        var scanner = root.querySelector('[data-counter-scanner]');
        var video = root.querySelector('[data-counter-video]');
        var stream = null;
        var detector = null;
        var canvas = document.createElement('canvas');

        function loadJsQr() {
            if (window.jsQR) {
                return Promise.resolve();
            }
            return new Promise(function (resolve, reject) {
                var script = document.createElement('script');
                script.src = root.getAttribute('data-jsqr');
                script.onload = resolve;
                script.onerror = reject;
                document.head.appendChild(script);
            });
        }

        function reader() {
            if ('BarcodeDetector' in window) {
                return window.BarcodeDetector.getSupportedFormats().then(function (formats) {
                    if (formats.indexOf('qr_code') >= 0) {
                        detector = new window.BarcodeDetector({formats: ['qr_code']});
                    }
                }, function () { /* no formats: jsQR reads */ });
            }
            return Promise.resolve();
        }

        function frame() {
            if (!stream) {
                return;
            }
            if (video.readyState < 2 || !video.videoWidth) {
                requestAnimationFrame(frame);
                return;
            }
            var found;
            if (detector) {
                found = detector.detect(video).then(function (codes) { return codes.length ? codes[0].rawValue : null; });
            } else {
                var width = Math.min(video.videoWidth, 640);
                var height = Math.round(video.videoHeight * width / video.videoWidth);
                canvas.width = width;
                canvas.height = height;
                var context = canvas.getContext('2d', {willReadFrequently: true});
                context.drawImage(video, 0, 0, width, height);
                var read = window.jsQR(context.getImageData(0, 0, width, height).data, width, height, {inversionAttempts: 'dontInvert'});
                found = Promise.resolve(read ? read.data : null);
            }
            found.then(function (text) {
                if (text) {
                    stopCamera();
                    input.value = text.trim();
                    // Submitted by its own button, so that the page runs the button's action (Check).
                    var button = form.querySelector('[type=submit]');
                    if (form.requestSubmit) {
                        form.requestSubmit(button);
                    } else {
                        button.click();
                    }
                } else {
                    setTimeout(frame, 120);
                }
            }, function () { setTimeout(frame, 250); });
        }

        function startCamera() {
            hide();
            if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
                show(words.wAnswerNo, words.wCameraDenied, '', false);
                return;
            }
            navigator.mediaDevices.getUserMedia({video: {facingMode: {ideal: 'environment'}}, audio: false})
                .then(function (media) {
                    stream = media;
                    video.srcObject = media;
                    scanner.hidden = false;
                    document.body.classList.add('counter-scanning');
                    return Promise.all([video.play(), reader().then(function () { return detector ? null : loadJsQr(); })]);
                })
                .then(frame)
                .catch(function () {
                    stopCamera();
                    show(words.wAnswerNo, words.wCameraDenied, '', false);
                });
        }

        function stopCamera() {
            if (stream) {
                stream.getTracks().forEach(function (track) { track.stop(); });
            }
            stream = null;
            video.srcObject = null;
            scanner.hidden = true;
            document.body.classList.remove('counter-scanning');
        }

        var scan = form && form.querySelector('[data-counter-scan]');
        if (scan && navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
            scan.hidden = false; // only where a camera can be asked for (a secure page)
            scan.addEventListener('click', startCamera);
            root.querySelector('[data-counter-scan-close]').addEventListener('click', function () {
                stopCamera();
                input.focus();
            });
        }

        // -- start ---------------------------------------------------------------------------------------------------

        if ('serviceWorker' in navigator) {
            navigator.serviceWorker.register(root.getAttribute('data-sw'), {scope: root.getAttribute('data-scope')})
                .catch(function () { /* not installable here (no secure context): the page works as a page */ });
        }
        setOnline(navigator.onLine);
        root.querySelector('[data-counter-online]').hidden = true;
        var typed = sessionStorage.getItem(TYPED_KEY);
        sessionStorage.removeItem(TYPED_KEY);
        if (shell && typed && input) { // the counter page could not be reached with this code: check it here
            setOnline(false);
            input.value = typed;
            checkOffline(typed);
        }
        showQueue();
        refreshList();
        sendQueue();
        setInterval(function () {
            refreshList();
            sendQueue();
        }, LIST_EVERY_MS);
    });
}());
