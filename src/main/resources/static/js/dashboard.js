// The dashboard's progress chart (Chart.js from its WebJar): packages per stage per day, from the data
// the page carries in the canvas's data attributes (no inline script: the Content-Security-Policy forbids it).
(function () {
  var colours = {
    DRAFT: '#8c96a3', UNIT_SIGN: '#d08c00', BUREAU_GUIDANCE: '#7b4fb8', FINANCE_REVIEW: '#0b5cad',
    DISCLOSURE: '#c62828', PUBLISHED: '#1a7f37'
  };
  function draw() {
    var canvas = document.getElementById('progress-chart');
    if (!canvas || typeof Chart === 'undefined' || canvas.dataset.drawn) {
      return;
    }
    canvas.dataset.drawn = 'true';
    var days = JSON.parse(canvas.dataset.days);
    var series = JSON.parse(canvas.dataset.series);
    new Chart(canvas, {
      type: 'line',
      data: {
        labels: days,
        datasets: series.map(function (s) {
          return {
            label: s.label, data: s.counts, borderColor: colours[s.stage], backgroundColor: colours[s.stage] + '33',
            fill: true, tension: 0.2, pointRadius: days.length > 31 ? 0 : 2
          };
        })
      },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        scales: { y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, x: { ticks: { maxTicksLimit: 12 } } }
      }
    });
    canvas.dataset.ready = 'true';
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
