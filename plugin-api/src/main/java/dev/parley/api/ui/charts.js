/*
 * Draws every <canvas data-parley-chart='{"type":..,"labels":[..],"series":[..]}'> with Chart.js.
 * Served as a resource reference (no inline script under the host's CSP); the accessible table
 * beside each chart carries the same numbers.
 */
(function () {
  'use strict';
  // Series colours with at least 3:1 against white (WCAG 1.4.11; Bootstrap's orange #fd7e14 has 2.6:1);
  // labels, legend and axes in Bootstrap's gray-700 (8:1).
  var COLORS = ['#0d6efd', '#198754', '#d63384', '#b35c00'];
  var TEXT = '#495057';

  function draw() {
    if (typeof Chart === 'undefined') {
      return;
    }
    Chart.defaults.color = TEXT;
    document.querySelectorAll('canvas[data-parley-chart]').forEach(function (canvas) {
      if (canvas.parleyChart) {
        return;
      }
      var spec = JSON.parse(canvas.getAttribute('data-parley-chart'));
      canvas.parleyChart = new Chart(canvas, {
        type: spec.type,
        data: {
          labels: spec.labels,
          datasets: spec.series.map(function (s, i) {
            var color = COLORS[i % COLORS.length];
            return { label: s.label, data: s.values, backgroundColor: color, borderColor: color, tension: 0.2, maxBarThickness: 48 };
          })
        },
        options: {
          locale: spec.locale,
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
          plugins: { legend: { display: spec.series.length > 1 } }
        }
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
