// The merchant dashboard's charts, drawn by Chart.js from the figures the page hands over in data-dashboard
// (the same JSON as GET /api/v1/dashboard). Text from the data is drawn on the canvas, never put into the page as HTML.
document.addEventListener('DOMContentLoaded', function () {
    var holder = document.getElementById('charts');
    if (!holder || typeof Chart === 'undefined') {
        return;
    }
    var data = JSON.parse(holder.getAttribute('data-dashboard'));
    // The legend's words come from the page, in its language (data-label-sold, data-label-redeemed).
    var words = {sold: holder.getAttribute('data-label-sold'), redeemed: holder.getAttribute('data-label-redeemed')};
    var css = getComputedStyle(document.documentElement);
    var accent = css.getPropertyValue('--accent').trim() || '#4f46e5';
    var good = css.getPropertyValue('--good').trim() || '#047857';
    Chart.defaults.font.family = css.getPropertyValue('font-family');
    Chart.defaults.color = css.getPropertyValue('--muted').trim() || '#6b7280';
    Chart.defaults.maintainAspectRatio = false;
    Chart.defaults.animation = false;

    // A bar's name beside a horizontal bar, in lines of at most `width` characters (at most two, the second cut):
    // on a phone's narrow chart Chart.js clipped a 28-character name at the canvas's left edge ("odle Republic
    // Kreuzberg"), and a name cut after 16 characters made "Noodle Republic…" of both stores. Words stay whole where
    // they fit; a name without spaces (Chinese) is cut anywhere.
    var width = holder.clientWidth < 560 ? 16 : 28;
    function cut(text) {
        return text.length > width ? text.substring(0, width - 1) + '\u2026' : text;
    }
    function name(text) {
        if (text.length <= width) {
            return text;
        }
        var first = text.lastIndexOf(' ', width);
        var split = first > 0 ? first : width;
        return [text.substring(0, split), cut(text.substring(split).trim())];
    }
    var integers = {beginAtZero: true, ticks: {precision: 0}};

    new Chart(document.getElementById('chart-days'), {
        type: 'bar',
        data: {
            labels: data.byDay.map(function (d) { return d.date.substring(5); }),
            datasets: [
                {label: words.sold, data: data.byDay.map(function (d) { return d.sold; }), backgroundColor: accent, borderRadius: 4},
                {label: words.redeemed, data: data.byDay.map(function (d) { return d.redeemed; }), backgroundColor: good, borderRadius: 4}
            ]
        },
        options: {scales: {y: integers, x: {grid: {display: false}}}, plugins: {legend: {position: 'bottom'}}}
    });

    new Chart(document.getElementById('chart-stores'), {
        type: 'bar',
        data: {
            labels: data.byStore.map(function (s) { return name(s.storeName); }),
            datasets: [{label: words.redeemed, data: data.byStore.map(function (s) { return s.redeemed; }), backgroundColor: good, borderRadius: 4}]
        },
        options: {indexAxis: 'y', scales: {x: integers}, plugins: {legend: {display: false}}}
    });

    // Without sales the page shows a sentence instead of the top deals' canvas: empty axes read as a broken chart.
    var deals = document.getElementById('chart-deals');
    if (deals) {
        new Chart(deals, {
            type: 'bar',
            data: {
                labels: data.topDeals.map(function (t) { return name(t.title); }),
                datasets: [
                    {label: words.sold, data: data.topDeals.map(function (t) { return t.sold; }), backgroundColor: accent, borderRadius: 4},
                    {label: words.redeemed, data: data.topDeals.map(function (t) { return t.redeemed; }), backgroundColor: good, borderRadius: 4}
                ]
            },
            options: {indexAxis: 'y', scales: {x: integers}, plugins: {legend: {position: 'bottom'}}}
        });
    }
    holder.setAttribute('data-drawn', 'true');
});
