// Buttons with data-confirm ask before they act; the text is set as data, never evaluated as script.
document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-confirm]');
    if (button && !window.confirm(button.getAttribute('data-confirm'))) {
        event.preventDefault();
        event.stopImmediatePropagation();
    }
}, true);
