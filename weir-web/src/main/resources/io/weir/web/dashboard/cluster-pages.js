// Cluster pages: the overview (slots, task managers, jobs by state), the job list, the task
// managers with their JVM metrics and thread dump, and the job manager's configuration. Each page
// is a function (element, route parameters) → {refresh()}; the app calls refresh on every tick.
(function () {
  'use strict';
  const { h, replace, api, apiText, count, bytes, duration, time, stateBadge, table, cards } = window.Weir;

  /**
   * The log section of a process (base: /jobmanager or /taskmanagers/<id>): its log files, each
   * opened on click, and its stdout. state.shown = {title, text} of the open file, kept across refreshes.
   */
  async function logSection(base, state, rerender) {
    const logs = await api(base + '/logs');
    const open = async (title, path) => {
      try {
        state.shown = { title, text: await apiText(path) };
      } catch (e) {
        state.shown = { title, text: e.message };
      }
      rerender();
    };
    return [
      h('h2', null, 'Logs'),
      table([
        { title: 'File', value: (f) => h('a', { href: 'javascript:void(0)', class: 'log-file',
          onclick: () => open(f.name, base + '/logs/' + encodeURIComponent(f.name)) }, f.name) },
        { title: 'Size', value: (f) => bytes(f.size), class: 'num' },
        { title: 'Modified', value: (f) => time(f.mtime) },
      ], logs.logs),
      h('div', { class: 'actions' },
        h('button', { id: 'show-stdout', onclick: () => open('stdout', base + '/stdout') }, 'Show stdout')),
      state.shown ? [h('h2', null, state.shown.title), h('pre', { class: 'log', id: 'log-text' }, state.shown.text)]
        : null,
    ];
  }

  function jobTable(jobs) {
    return table([
      { title: 'Name', value: (j) => h('a', { href: '#/job/' + j.jid }, j.name), class: 'job-name' },
      { title: 'Start', value: (j) => time(j['start-time']) },
      { title: 'Duration', value: (j) => duration(j.duration), class: 'num' },
      { title: 'Tasks', value: (j) => String(j.tasks.total), class: 'num' },
      { title: 'Status', value: (j) => stateBadge(j.state) },
    ], jobs.sort((a, b) => b['start-time'] - a['start-time']), (j) => '#/job/' + j.jid);
  }

  const TERMINAL = ['FINISHED', 'CANCELED', 'FAILED'];

  function overview(el) {
    return {
      async refresh() {
        const [cluster, jobs] = await Promise.all([api('/overview'), api('/jobs/overview')]);
        const running = jobs.jobs.filter((j) => !TERMINAL.includes(j.state));
        const ended = jobs.jobs.filter((j) => TERMINAL.includes(j.state));
        replace(el,
          h('h1', null, 'Cluster overview'),
          cards([
            ['Task managers', cluster.taskmanagers, 'taskmanagers'],
            ['Slots available', `${cluster['slots-available']} / ${cluster['slots-total']}`, 'slots'],
            ['Running jobs', cluster['jobs-running'], 'running'],
            ['Finished', cluster['jobs-finished'], 'finished'],
            ['Cancelled', cluster['jobs-cancelled'], 'cancelled'],
            ['Failed', cluster['jobs-failed'], 'failed'],
          ]),
          h('h2', null, 'Running jobs'), jobTable(running),
          h('h2', null, 'Completed jobs'), jobTable(ended),
          h('p', { class: 'footnote' }, 'Weir ', cluster['weir-version']));
      },
    };
  }

  function jobs(el) {
    return {
      async refresh() {
        const all = await api('/jobs/overview');
        replace(el, h('h1', null, 'Jobs'), jobTable(all.jobs));
      },
    };
  }

  function taskManagers(el) {
    return {
      async refresh() {
        const all = await api('/taskmanagers');
        replace(el, h('h1', null, 'Task managers'), table([
          { title: 'Id', value: (tm) => h('a', { href: '#/taskmanager/' + encodeURIComponent(tm.id) }, tm.id) },
          { title: 'Slots', value: (tm) => String(tm.slotsNumber), class: 'num' },
          { title: 'Free slots', value: (tm) => String(tm.freeSlots), class: 'num' },
          { title: 'CPU cores', value: (tm) => String(tm.hardware.cpuCores), class: 'num' },
        ], all.taskmanagers, (tm) => '#/taskmanager/' + encodeURIComponent(tm.id)));
      },
    };
  }

  function taskManager(el, params) {
    const id = params[0];
    const base = '/taskmanagers/' + encodeURIComponent(id);
    let dump = null;
    const logs = {};
    const controller = {
      async refresh() {
        const tm = await api(base);
        const logParts = await logSection(base, logs, () => controller.refresh());
        const m = tm.metrics;
        replace(el,
          h('h1', null, 'Task manager ', id),
          cards([
            ['Slots', `${tm.freeSlots} free of ${tm.slotsNumber}`, 'slots'],
            ['Heap used', `${bytes(m.heapUsed)} of ${bytes(m.heapMax)}`, 'heap'],
            ['Non-heap used', bytes(m.nonHeapUsed), 'nonheap'],
            ['Threads', count(m.threadsCount), 'threads'],
            ['CPU cores', tm.hardware.cpuCores, 'cores'],
          ]),
          h('h2', null, 'Thread dump'),
          h('p', { class: 'footnote' }, 'On the embedded cluster the task managers share one JVM: the dump, logs and ',
            'stdout are the whole process\'s.'),
          h('button', { id: 'thread-dump', onclick: async () => {
            const answer = await api(base + '/thread-dump');
            dump = answer.threadInfos.map((t) => t.stringifiedThreadInfo).join('\n');
            controller.refresh();
          } }, dump ? 'Take another thread dump' : 'Take a thread dump'),
          dump ? h('pre', { class: 'dump' }, dump) : null,
          logParts);
      },
    };
    return controller;
  }

  function jobManager(el) {
    const logs = {};
    const controller = {
      async refresh() {
        const config = await api('/jobmanager/config');
        const logParts = await logSection('/jobmanager', logs, () => controller.refresh());
        replace(el, h('h1', null, 'Job manager configuration'), table([
          { title: 'Key', value: (e) => e.key },
          { title: 'Value', value: (e) => e.value },
        ], config.sort((a, b) => a.key.localeCompare(b.key))), logParts);
      },
    };
    return controller;
  }

  Object.assign(window.Weir, { pages: Object.assign(window.Weir.pages || {}, {
    overview, jobs, taskManagers, taskManager, jobManager }) });
})();
