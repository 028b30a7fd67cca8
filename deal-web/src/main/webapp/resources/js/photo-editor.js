// The deal editor's photos: uploads with progress (XMLHttpRequest's upload progress events), one file at a time,
// then reorder (the first is the cover) and delete. Every word shown comes from the section's data attributes.
(function () {
    "use strict";

    var PROBLEMS = {
        "photo-too-large": "data-msg-too-large",
        "photo-type": "data-msg-type",
        "not-an-image": "data-msg-not-image",
        "too-many-photos": "data-msg-too-many"
    };

    function start(editor) {
        var endpoint = editor.getAttribute("data-endpoint");
        var input = editor.querySelector("#photo-file");
        var drop = editor.querySelector("#photo-drop");
        var uploads = editor.querySelector("#photo-uploads");
        var list = editor.querySelector("#photo-list");
        var none = editor.querySelector("#photo-none");
        var counter = editor.querySelector("[data-count]");
        var template = editor.querySelector("#photo-item-template");
        var queue = [];
        var busy = false;

        function words(name) {
            return editor.getAttribute(name) || "";
        }

        function problemText(xhr) {
            try {
                var type = JSON.parse(xhr.responseText).type.replace("/problems/", "");
                return words(PROBLEMS[type] || "data-msg-failed");
            } catch (e) {
                return words(xhr.status === 413 ? "data-msg-too-large" : "data-msg-failed");
            }
        }

        function refresh() {
            var items = list.querySelectorAll(".photo-item");
            counter.textContent = String(items.length);
            none.hidden = items.length > 0;
        }

        function add(photo) {
            var item = template.content.firstElementChild.cloneNode(true);
            item.setAttribute("data-photo", photo.id);
            var img = item.querySelector("img");
            img.src = photo.thumb;
            list.appendChild(item);
            refresh();
        }

        function send(method, url, body, contentType, onDone, onProgress) {
            var xhr = new XMLHttpRequest();
            xhr.open(method, url);
            xhr.setRequestHeader("X-Requested-With", "XMLHttpRequest");
            if (contentType) {
                xhr.setRequestHeader("Content-Type", contentType);
            }
            if (onProgress) {
                xhr.upload.addEventListener("progress", onProgress);
            }
            xhr.addEventListener("load", function () { onDone(xhr); });
            xhr.addEventListener("error", function () { onDone(xhr); });
            xhr.send(body);
        }

        function next() {
            if (busy || queue.length === 0) {
                return;
            }
            busy = true;
            var file = queue.shift();
            var row = document.createElement("li");
            row.className = "photo-upload";
            var name = document.createElement("span");
            name.textContent = file.name;
            var state = document.createElement("span");
            state.className = "photo-upload-state";
            state.textContent = words("data-msg-uploading");
            var bar = document.createElement("progress");
            bar.max = 100;
            bar.value = 0;
            row.appendChild(name);
            row.appendChild(state);
            row.appendChild(bar);
            uploads.appendChild(row);
            send("POST", endpoint, file, file.type || "application/octet-stream", function (xhr) {
                busy = false;
                if (xhr.status === 201) {
                    bar.value = 100;
                    row.classList.add("done");
                    row.setAttribute("data-done", "true");
                    state.textContent = words("data-msg-uploaded");
                    add(JSON.parse(xhr.responseText));
                } else {
                    row.classList.add("failed");
                    row.setAttribute("data-failed", "true");
                    state.textContent = problemText(xhr);
                }
                next();
            }, function (event) {
                if (event.lengthComputable) {
                    bar.value = Math.round(event.loaded * 100 / event.total);
                    row.setAttribute("data-progress-seen", String(bar.value));
                }
            });
        }

        function enqueue(files) {
            Array.prototype.forEach.call(files, function (file) { queue.push(file); });
            next();
        }

        function order() {
            return Array.prototype.map.call(list.querySelectorAll(".photo-item"), function (item) {
                return item.getAttribute("data-photo");
            });
        }

        input.addEventListener("change", function () {
            enqueue(input.files);
            input.value = "";
        });
        drop.addEventListener("dragover", function (event) {
            event.preventDefault();
            drop.classList.add("dragging");
        });
        drop.addEventListener("dragleave", function () { drop.classList.remove("dragging"); });
        drop.addEventListener("drop", function (event) {
            event.preventDefault();
            drop.classList.remove("dragging");
            enqueue(event.dataTransfer.files);
        });

        list.addEventListener("click", function (event) {
            var button = event.target.closest("button");
            if (!button) {
                return;
            }
            var item = button.closest(".photo-item");
            var id = item.getAttribute("data-photo");
            if (button.hasAttribute("data-delete")) {
                if (!window.confirm(words("data-msg-confirm"))) {
                    return;
                }
                send("DELETE", endpoint + "/" + encodeURIComponent(id), null, null, function (xhr) {
                    if (xhr.status === 204) {
                        item.remove();
                        refresh();
                    }
                });
                return;
            }
            var step = Number(button.getAttribute("data-move"));
            var sibling = step < 0 ? item.previousElementSibling : item.nextElementSibling;
            if (!sibling) {
                return;
            }
            list.insertBefore(item, step < 0 ? sibling : sibling.nextElementSibling);
            button.focus();
            send("PUT", endpoint, JSON.stringify({order: order()}), "application/json", function (xhr) {
                if (xhr.status !== 200) {
                    window.location.reload(); // someone else changed the photos meanwhile: show them as they are
                }
            });
        });
        refresh();
    }

    function init() {
        var editor = document.getElementById("photo-editor");
        if (editor) {
            start(editor);
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
}());
