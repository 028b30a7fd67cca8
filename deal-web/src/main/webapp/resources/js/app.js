// The pages carry no inline script or style (the Content-Security-Policy allows neither): what they need is here,
// driven by data- attributes.

// Buttons with data-confirm ask before they act; the text is set as data, never evaluated as script.
document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-confirm]');
    if (button && !window.confirm(button.getAttribute('data-confirm'))) {
        event.preventDefault();
        event.stopImmediatePropagation();
    }
}, true);

// Storefront: pick a city or use the browser's location to fill the coordinates; keep the chosen radius.
document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('finder');
    if (!form) {
        return;
    }
    var lat = document.getElementById('lat');
    var lng = document.getElementById('lng');
    var radius = document.getElementById('radiusKm');
    if (radius && radius.getAttribute('data-value')) {
        radius.value = String(parseFloat(radius.getAttribute('data-value')));
    }
    var city = document.getElementById('city');
    city.addEventListener('change', function () {
        if (city.value) {
            var parts = city.value.split(',');
            lat.value = parseFloat(parts[0]).toFixed(4);
            lng.value = parseFloat(parts[1]).toFixed(4);
            form.submit();
        }
    });
    var locate = document.getElementById('locate');
    function useLocation(submit) {
        if (!navigator.geolocation) {
            return;
        }
        navigator.geolocation.getCurrentPosition(function (position) {
            lat.value = position.coords.latitude.toFixed(4);
            lng.value = position.coords.longitude.toFixed(4);
            if (submit) {
                form.submit();
            }
        }, function () { /* refused or unavailable: the buyer types or picks a place */ }, {timeout: 8000});
    }
    locate.addEventListener('click', function () { useLocation(true); });
    // First visit without a place: ask the browser once, silently falling back to every deal.
    if (!lat.value && !lng.value && !new URLSearchParams(location.search).has('q') && !sessionStorage.getItem('gd-located')) {
        sessionStorage.setItem('gd-located', '1');
        useLocation(true);
    }
});

// Deal editor: the preview card follows the form as the merchant types, without a round trip.
document.addEventListener('DOMContentLoaded', function () {
    var fields = document.querySelectorAll('[data-preview]');
    if (!fields.length) {
        return;
    }
    function value(name) {
        var field = document.querySelector('[data-preview="' + name + '"]');
        return field ? field.value.trim() : '';
    }
    function show(name, text) {
        document.querySelectorAll('[data-show="' + name + '"]').forEach(function (target) {
            target.textContent = text || target.getAttribute('data-empty') || '';
        });
    }
    // An amount as the buyer's page writes it ("€14.90", "¥98.00" in the page's language); what the merchant typed
    // when it is not an amount yet. The card said "14.90 EUR" under "what buyers see".
    function money(text, currency) {
        var amount = Number(text.replace(',', '.'));
        if (!text || isNaN(amount) || !/^[A-Z]{3}$/.test(currency)) {
            return null;
        }
        try {
            return new Intl.NumberFormat(document.documentElement.lang || 'en', {style: 'currency', currency: currency})
                .format(amount);
        } catch (unknownCurrency) {
            return null;
        }
    }
    function update() {
        ['title', 'description', 'minBuyers'].forEach(function (name) {
            show(name, value(name));
        });
        var currency = value('currency');
        var shownPrice = money(value('price'), currency);
        show('price', shownPrice || value('price'));
        show('currency', shownPrice ? '' : currency);
        show('originalValue', money(value('originalValue'), currency) || value('originalValue'));
        var price = parseFloat(value('price'));
        var original = parseFloat(value('originalValue'));
        var valid = price > 0 && original > 0 && price <= original;
        show('discount', valid ? '\u2212' + Math.round((1 - price / original) * 100) + '%' : '');
    }
    fields.forEach(function (field) {
        field.addEventListener('input', update);
        field.addEventListener('change', update);
    });
    update();
});

// A button with data-busy marks its form busy when pressed (the buy box greys out while the payment runs).
document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-busy]');
    if (button && button.form) {
        button.form.classList.add('busy');
    }
});

// Progress bars: the width comes from data-progress (percent), set through the DOM since inline styles are not allowed.
document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-progress]').forEach(function (bar) {
        var percent = parseFloat(bar.getAttribute('data-progress'));
        bar.style.width = (isNaN(percent) ? 0 : Math.max(0, Math.min(100, percent))) + '%';
    });
});

// Counter: the element that should have the keyboard (the code input, or Redeem after a green answer) gets it.
document.addEventListener('DOMContentLoaded', function () {
    var holder = document.querySelector('[data-focus]');
    var element = holder && document.getElementById(holder.getAttribute('data-focus'));
    if (element) {
        element.focus();
        if (element.select) {
            element.select();
        }
    }
});
