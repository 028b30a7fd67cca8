// The deal page's gallery: one photo at a time, moved by the buttons, the thumbnails, the arrow keys (Home, End)
// on the focused stage, and a horizontal swipe on touch screens. Without this script every photo shows in a column.
(function () {
    "use strict";

    function start(gallery) {
        var slides = Array.prototype.slice.call(gallery.querySelectorAll(".gallery-slide"));
        var thumbs = Array.prototype.slice.call(gallery.querySelectorAll(".gallery-thumb"));
        var stage = gallery.querySelector(".gallery-stage");
        var count = gallery.querySelector(".gallery-count");
        var position = gallery.getAttribute("data-position") || "{0} / {1}";
        var current = 0;
        if (slides.length === 0) {
            return;
        }

        function show(index) {
            current = (index + slides.length) % slides.length;
            slides.forEach(function (slide, i) {
                slide.classList.toggle("current", i === current);
                slide.setAttribute("aria-hidden", i === current ? "false" : "true");
            });
            thumbs.forEach(function (thumb, i) {
                thumb.classList.toggle("current", i === current);
                thumb.setAttribute("aria-current", i === current ? "true" : "false");
            });
            if (count) {
                count.textContent = position.replace("{0}", String(current + 1)).replace("{1}", String(slides.length));
            }
            gallery.setAttribute("data-current", String(current));
        }

        gallery.setAttribute("data-gallery-ready", "true");
        Array.prototype.forEach.call(gallery.querySelectorAll(".gallery-nav"), function (button) {
            button.addEventListener("click", function () {
                show(current + Number(button.getAttribute("data-step")));
            });
        });
        thumbs.forEach(function (thumb) {
            thumb.addEventListener("click", function () {
                show(Number(thumb.getAttribute("data-index")));
            });
        });
        stage.addEventListener("keydown", function (event) {
            var moves = {ArrowLeft: current - 1, ArrowRight: current + 1, Home: 0, End: slides.length - 1};
            if (Object.prototype.hasOwnProperty.call(moves, event.key)) {
                event.preventDefault();
                show(moves[event.key]);
            }
        });
        var touchX = null;
        var touchY = null;
        stage.addEventListener("touchstart", function (event) {
            touchX = event.touches[0].clientX;
            touchY = event.touches[0].clientY;
        }, {passive: true});
        stage.addEventListener("touchend", function (event) {
            if (touchX === null) {
                return;
            }
            var dx = event.changedTouches[0].clientX - touchX;
            var dy = event.changedTouches[0].clientY - touchY;
            touchX = null;
            if (Math.abs(dx) > 40 && Math.abs(dx) > Math.abs(dy)) {
                show(current + (dx < 0 ? 1 : -1));
            }
        });
        show(0);
    }

    function init() {
        Array.prototype.forEach.call(document.querySelectorAll("[data-gallery]"), start);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
}());
