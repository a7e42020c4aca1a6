// The statistics dashboard: draws each chart from the report embedded in the page (#stats-data,
// the JSON of GET /api/stats/report) in the axes' order (#stats-axes). The tables in <details>
// carry the same figures for readers who cannot see the charts.
(function () {
  'use strict';
  if (typeof Chart === 'undefined') {
    return;
  }
  var report = JSON.parse(document.getElementById('stats-data').textContent);
  var axes = JSON.parse(document.getElementById('stats-axes').textContent).axes;
  var names = document.getElementById('stats-series').dataset;
  // Okabe–Ito colours: told apart with the common colour-vision deficiencies
  var colours = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#999999', '#000000'];
  var series = ['acquisitions', 'loans', 'requests', 'downloads'];

  function count(map, key) {
    return map && map[key] !== undefined ? map[key] : 0;
  }

  function labels(axis) {
    return axis.map(function (a) { return a.label; });
  }

  function datasets(axis, field, which) {
    return which.map(function (s) {
      return {
        label: names[s],
        data: axis.map(function (a) { return count(report[s][field], a.key); }),
        backgroundColor: colours[series.indexOf(s)]
      };
    });
  }

  function bars(id, axis, field, which, horizontal) {
    return new Chart(document.getElementById(id), {
      type: 'bar',
      data: { labels: labels(axis), datasets: datasets(axis, field, which) },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        maintainAspectRatio: false,
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
  }

  bars('chart-months', axes.months, 'byMonth', series, false);
  bars('chart-themes', axes.themes, 'byTheme', series, true);
  bars('chart-categories', axes.categories, 'byCategory', ['loans', 'requests', 'downloads'], false);

  // as the centre's annual report gives its public: each category's share of the members
  var active = axes.members.map(function (a) { return count(report.members.active, a.key); });
  var total = active.reduce(function (x, y) { return x + y; }, 0);
  new Chart(document.getElementById('chart-members'), {
    type: 'doughnut',
    data: {
      labels: labels(axes.members),
      datasets: [{ label: names.active, data: active, backgroundColor: colours.slice(0, active.length) }]
    },
    options: {
      maintainAspectRatio: false,
      plugins: {
        tooltip: {
          callbacks: {
            label: function (ctx) {
              var share = total === 0 ? 0 : Math.round(100 * ctx.parsed / total);
              return ctx.label + ' : ' + ctx.parsed + ' (' + share + ' %)';
            }
          }
        }
      }
    }
  });
})();
