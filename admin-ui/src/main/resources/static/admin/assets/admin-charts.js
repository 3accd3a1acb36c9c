// Draws the dashboard's charts with Chart.js (its webjar) from the canvases' data attributes: no
// inline script, so CSP script-src 'self' holds. data-chart is the type ("bar", "line"),
// data-labels the comma-separated bucket starts, and each data-series-<name> one series.
(function () {
  "use strict";

  var COLORS = ["#303030", "#2c6ecb", "#8a8a8a"];
  var NAMES = {
    seriesPointsIssued: "Points issued",
    seriesPointsRedeemed: "Points redeemed",
    seriesOrders: "Orders"
  };

  function numbers(text) {
    return text ? text.split(",").map(Number) : [];
  }

  function draw(canvas) {
    if (typeof window.Chart === "undefined" || window.Chart.getChart(canvas)) {
      return;
    }
    var datasets = Object.keys(canvas.dataset)
      .filter(function (key) { return key.indexOf("series") === 0; })
      .map(function (key, i) {
        return {
          label: NAMES[key] || key,
          data: numbers(canvas.dataset[key]),
          backgroundColor: COLORS[i % COLORS.length],
          borderColor: COLORS[i % COLORS.length],
          tension: 0
        };
      });
    new window.Chart(canvas, {
      type: canvas.dataset.chart,
      data: { labels: canvas.dataset.labels ? canvas.dataset.labels.split(",") : [], datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        locale: "en-US",
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { position: "bottom" } }
      }
    });
  }

  function drawAll() {
    document.querySelectorAll("canvas[data-chart]").forEach(draw);
  }

  document.addEventListener("DOMContentLoaded", drawAll);
  document.addEventListener("htmx:afterSettle", drawAll);
})();
