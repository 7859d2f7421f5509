// One vertex of a job: charts of its throughput and of its busy / back-pressured / idle time over
// the last minutes, its watermarks per subtask, and its subtasks. The REST API gives current values
// only, so the page keeps the history itself (per vertex, while the page is open, for HISTORY_MS).
// Route: #/job/<jid>/vertex/<vertex id>.
(function () {
  'use strict';
  const { h, replace, api, count, bytes, duration, watermark, stateBadge, table } = window.Weir;
  const HISTORY_MS = 5 * 60 * 1000;
  const GET = 'numRecordsInPerSecond,numRecordsOutPerSecond,busyTimeMsPerSecond,backPressuredTimeMsPerSecond,'
    + 'idleTimeMsPerSecond';
  const histories = new Map();

  function chart(canvas, title, series, max) {
    return new Chart(canvas, {
      type: 'line',
      data: { labels: [], datasets: series.map(([label, color]) => ({ label, data: [], borderColor: color,
        backgroundColor: color, pointRadius: 0, borderWidth: 2, tension: 0.2 })) },
      options: { animation: false, responsive: true, maintainAspectRatio: false,
        plugins: { title: { display: true, text: title } },
        scales: { y: { beginAtZero: true, max }, x: { ticks: { maxTicksLimit: 6 } } } },
    });
  }

  function vertex(el, params) {
    const [jid, , vid] = params;
    const key = jid + '/' + vid;
    if (!histories.has(key)) histories.set(key, []);
    const history = histories.get(key);
    const title = h('div');
    const throughputCanvas = h('canvas', { id: 'throughput-chart' });
    const timeCanvas = h('canvas', { id: 'time-chart' });
    const live = h('div');
    replace(el, title, h('div', { class: 'charts' }, h('div', { class: 'chart' }, throughputCanvas),
      h('div', { class: 'chart' }, timeCanvas)), live, window.Weir.flameGraphSection(`/jobs/${jid}/vertices/${vid}`));
    const throughput = chart(throughputCanvas, 'Records per second (all subtasks)',
      [['in', '#2a6fdb'], ['out', '#1b9e5a']]);
    const times = chart(timeCanvas, 'Milliseconds per second (busiest subtask)',
      [['busy', '#d9480f'], ['back-pressured', '#495057'], ['idle (average)', '#74c0fc']], 1000);

    function record(metrics) {
      const by = Object.fromEntries(metrics.map((m) => [m.id, m]));
      const v = (id, agg) => (by[id] ? by[id][agg] : null);
      const now = Date.now();
      history.push({ t: now, in: v('numRecordsInPerSecond', 'sum'), out: v('numRecordsOutPerSecond', 'sum'),
        busy: v('busyTimeMsPerSecond', 'max'), backPressured: v('backPressuredTimeMsPerSecond', 'max'),
        idle: v('idleTimeMsPerSecond', 'avg') });
      while (history.length && history[0].t < now - HISTORY_MS) history.shift();
      const labels = history.map((s) => new Date(s.t).toLocaleTimeString());
      throughput.data.labels = labels;
      throughput.data.datasets[0].data = history.map((s) => s.in);
      throughput.data.datasets[1].data = history.map((s) => s.out);
      times.data.labels = labels;
      times.data.datasets[0].data = history.map((s) => s.busy);
      times.data.datasets[1].data = history.map((s) => s.backPressured);
      times.data.datasets[2].data = history.map((s) => s.idle);
      throughput.update();
      times.update();
    }

    return {
      async refresh() {
        const base = `/jobs/${jid}/vertices/${vid}`;
        const details = await api(base);
        const alignments = details.subtasks.map((st) => st.subtask + '.checkpointAlignmentTime').join(',');
        const [metrics, watermarks, backPressure, alignment] = await Promise.all([
          api(base + '/subtasks/metrics?get=' + GET + '&agg=sum,max,avg'), api(base + '/watermarks'),
          api(base + '/backpressure'), api(base + '/metrics?get=' + alignments)]);
        record(metrics);
        const aligned = Object.fromEntries(alignment.map((m) => [m.id.split('.')[0], Number(m.value)]));
        const levels = Object.fromEntries(backPressure.subtasks.map((s) => [s.subtask, s]));
        const marks = Object.fromEntries(watermarks.map((w) => [w.id.split('.')[0], w.value]));
        replace(title,
          h('p', null, h('a', { href: `#/job/${jid}` }, '← job')),
          h('h1', null, h('span', { id: 'vertex-name' }, details.name)),
          h('div', { class: 'job-meta' }, `Parallelism ${details.parallelism} · max parallelism `,
            String(details.maxParallelism), ` · back pressure ${backPressure.backpressureLevel}`));
        replace(live,
          h('h2', null, 'Subtasks'),
          table([
            { title: '#', value: (s) => String(s.subtask), class: 'num' },
            { title: 'Status', value: (s) => stateBadge(s.status) },
            { title: 'Records in', value: (s) => count(s.metrics['read-records']), class: 'num' },
            { title: 'Records out', value: (s) => count(s.metrics['write-records']), class: 'num' },
            { title: 'Bytes in', value: (s) => bytes(s.metrics['read-bytes']), class: 'num' },
            { title: 'Bytes out', value: (s) => bytes(s.metrics['write-bytes']), class: 'num' },
            { title: 'Busy', value: (s) => pct((levels[s.subtask] || {}).busyRatio), class: 'num' },
            { title: 'Back-pressured', value: (s) => pct((levels[s.subtask] || {}).ratio), class: 'num' },
            { title: 'Input watermark', value: (s) => watermark(marks[String(s.subtask)]) },
            { title: 'Last alignment', value: (s) => nanos(aligned[String(s.subtask)]), class: 'num' },
            { title: 'Attempt', value: (s) => String(s.attempt), class: 'num' },
            { title: 'Task manager', value: (s) => s['taskmanager-id'], class: 'nowrap' },
            { title: 'Duration', value: (s) => duration(s.duration), class: 'num' },
          ], details.subtasks));
      },
      destroy() {
        throughput.destroy();
        times.destroy();
      },
    };
  }

  /** A duration in nanoseconds, for the checkpoint alignment; absent without checkpointing. */
  function nanos(ns) {
    if (ns === undefined || Number.isNaN(ns)) return '–';
    return ns >= 1e6 ? (ns / 1e6).toFixed(1) + ' ms' : (ns / 1e3).toFixed(0) + ' µs';
  }

  function pct(ratio) {
    return ratio === undefined || ratio === null ? '–' : Math.round(ratio * 100) + '%';
  }

  window.Weir.pages = Object.assign(window.Weir.pages || {}, { vertex });
})();
