// The job page: a header with the job's state and actions (job-actions.js), and tabs for the job graph
// with its vertices, the exception history, the checkpoints (history and details of one), and the
// checkpoint configuration. Route: #/job/<jid>[/<tab>[/<checkpoint id>]].
(function () {
  'use strict';
  const { h, replace, api, count, bytes, duration, time, stateBadge, table, cards, graph } = window.Weir;
  const TERMINAL = ['FINISHED', 'CANCELED', 'FAILED'];
  const TABS = [['overview', 'Overview'], ['exceptions', 'Exceptions'], ['checkpoints', 'Checkpoints'],
    ['configuration', 'Configuration']];
  const RATES = 'numRecordsInPerSecond,numRecordsOutPerSecond,busyTimeMsPerSecond,backPressuredTimeMsPerSecond';

  /** Live numbers of each vertex: the rates summed and the busy / back-pressured times at their maximum. */
  async function vertexStats(job) {
    const stats = {};
    if (TERMINAL.includes(job.state)) return stats;
    await Promise.all(job.vertices.map(async (v) => {
      const metrics = await api(`/jobs/${job.jid}/vertices/${v.id}/subtasks/metrics?get=${RATES}`);
      const by = Object.fromEntries(metrics.map((m) => [m.id, m]));
      const pick = (id, agg) => (by[id] ? by[id][agg] : undefined);
      stats[v.id] = {
        inRate: pick('numRecordsInPerSecond', 'sum'),
        outRate: pick('numRecordsOutPerSecond', 'sum'),
        busy: pick('busyTimeMsPerSecond', 'max'),
        backPressured: pick('backPressuredTimeMsPerSecond', 'max'),
      };
    }));
    return stats;
  }

  /** The last "Caused by" of a stack trace, or its first line. */
  function rootCause(stacktrace) {
    const lines = String(stacktrace || '').split('\n');
    const causes = lines.filter((l) => l.startsWith('Caused by: '));
    return causes.length ? causes[causes.length - 1].substring('Caused by: '.length) : lines[0];
  }

  function job(el, params) {
    const [jid, tab = 'overview', argument] = params;
    const actions = window.Weir.jobActions(jid);
    const title = h('div', { class: 'job-header' });
    const tabs = h('div', { class: 'tabs' }, TABS.map(([id, label]) => h('a', {
      href: `#/job/${jid}/${id}`, class: id === tab ? 'tab active' : 'tab', 'data-tab': id }, label)));
    const body = h('div');
    replace(el, title, actions.element, tabs, body);

    const controller = {
      async refresh() {
        const details = await api('/jobs/' + jid);
        const content = TAB_BODIES[tab] ? await TAB_BODIES[tab](details, argument)
          : h('p', { class: 'page-error' }, `There is no tab '${tab}'; pick one above.`);
        replace(title,
          h('h1', null, h('span', { id: 'job-name' }, details.name), ' ', stateBadge(details.state)),
          h('div', { class: 'job-meta' }, 'Id ', details.jid, ' · started ', time(details['start-time']),
            ' · duration ', duration(details.duration)));
        replace(body, content);
        await actions.update(!TERMINAL.includes(details.state));
      },
    };
    return controller;
  }

  async function overviewTab(details) {
    const stats = await vertexStats(details);
    const container = h('div', { class: 'graph-container', id: 'job-graph' });
    graph.render(container, details, stats, (v) => (location.hash = `#/job/${details.jid}/vertex/${v.id}`));
    return h('div', null, container, graph.legend(), h('h2', null, 'Vertices'), table([
      { title: 'Name', value: (v) => v.name, class: 'vertex-name-cell' },
      { title: 'Parallelism', value: (v) => String(v.parallelism), class: 'num' },
      { title: 'Records in', value: (v) => count(v.metrics['read-records']), class: 'num' },
      { title: 'Records out', value: (v) => count(v.metrics['write-records']), class: 'num' },
      { title: 'In / s', value: (v) => count((stats[v.id] || {}).inRate), class: 'num' },
      { title: 'Out / s', value: (v) => count((stats[v.id] || {}).outRate), class: 'num' },
      { title: 'Bytes in', value: (v) => bytes(v.metrics['read-bytes']), class: 'num' },
      { title: 'Bytes out', value: (v) => bytes(v.metrics['write-bytes']), class: 'num' },
      { title: 'Duration', value: (v) => duration(v.duration), class: 'num' },
      { title: 'Status', value: (v) => stateBadge(v.status) },
    ], details.vertices, (v) => `#/job/${details.jid}/vertex/${v.id}`));
  }

  /** Newest first: each failure the job restarted from or failed with, and those concurrent to it. */
  async function exceptionsTab(details) {
    const history = (await api(`/jobs/${details.jid}/exceptions`)).exceptionHistory;
    if (history.entries.length === 0) return h('p', { class: 'empty', id: 'no-exceptions' }, 'No exceptions.');
    return h('div', null, history.entries.map((e) => h('div', { class: 'exception' },
      h('div', { class: 'exception-head' }, time(e.timestamp), ' · ', e.taskName || 'the job',
        e.endpoint ? ' on ' + e.endpoint : ''),
      h('div', { class: 'root-cause' }, 'Root cause: ', rootCause(e.stacktrace)),
      h('details', null, h('summary', null, e.exceptionName), h('pre', { class: 'stacktrace' }, e.stacktrace)),
      (e.concurrentExceptions || []).length === 0 ? null : h('details', null,
        h('summary', null, `${e.concurrentExceptions.length} concurrent failure(s)`),
        e.concurrentExceptions.map((c) => h('div', { class: 'concurrent' },
          h('div', { class: 'exception-head' }, time(c.timestamp), ' · ', c.taskName || 'the job'),
          h('div', null, rootCause(c.stacktrace))))))));
  }

  async function checkpointStats(details) {
    try {
      return await api(`/jobs/${details.jid}/checkpoints`);
    } catch (e) {
      return { unavailable: e.message };
    }
  }

  async function checkpointsTab(details, checkpointId) {
    if (checkpointId) return checkpointDetails(details, checkpointId);
    const stats = await checkpointStats(details);
    if (stats.unavailable) return h('p', { class: 'empty', id: 'no-checkpoints' }, stats.unavailable);
    const c = stats.counts;
    const latest = stats.latest;
    return h('div', null,
      cards([['Triggered', c.total, 'total'], ['In progress', c.in_progress, 'in-progress'],
        ['Completed', c.completed, 'completed'], ['Failed', c.failed, 'failed'], ['Restored', c.restored, 'restored']]),
      h('h2', null, 'Latest'),
      h('ul', { class: 'latest' },
        h('li', null, 'Completed: ', latest.completed ? `#${latest.completed.id} at ${time(latest.completed.latest_ack_timestamp)}, ${duration(latest.completed.end_to_end_duration)}, ${bytes(latest.completed.state_size)}` : 'none'),
        h('li', null, 'Savepoint: ', latest.savepoint ? `#${latest.savepoint.id} at ${time(latest.savepoint.latest_ack_timestamp)}, ${latest.savepoint.external_path}` : 'none'),
        h('li', null, 'Failed: ', latest.failed ? `#${latest.failed.id} at ${time(latest.failed.failure_timestamp)}: ${latest.failed.failure_message}` : 'none'),
        h('li', null, 'Restored: ', latest.restored ? `#${latest.restored.id} at ${time(latest.restored.restore_timestamp)}` : 'none')),
      h('h2', null, 'Summary of completed checkpoints'),
      table([
        { title: '', value: (r) => r[0] },
        ...['min', 'avg', 'p50', 'p99', 'max'].map((k) => ({ title: k, value: (r) => r[1](r[2][k]), class: 'num' })),
      ], [['End to end duration', duration, stats.summary.end_to_end_duration],
        ['State size', bytes, stats.summary.state_size]]),
      h('h2', null, 'History'),
      table([
        { title: 'Id', value: (cp) => '#' + cp.id, class: 'num' },
        { title: 'Type', value: (cp) => (cp.is_savepoint ? 'savepoint' : 'checkpoint') },
        { title: 'Status', value: (cp) => stateBadge(cp.status) },
        { title: 'Triggered', value: (cp) => time(cp.trigger_timestamp) },
        { title: 'Duration', value: (cp) => duration(cp.end_to_end_duration), class: 'num' },
        { title: 'State size', value: (cp) => bytes(cp.state_size), class: 'num' },
        { title: 'Acknowledged', value: (cp) => `${cp.num_acknowledged_subtasks} / ${cp.num_subtasks}`, class: 'num' },
      ], stats.history, (cp) => `#/job/${details.jid}/checkpoints/${cp.id}`));
  }

  async function checkpointDetails(details, id) {
    const base = `/jobs/${details.jid}/checkpoints/details/${encodeURIComponent(id)}`;
    const cp = await api(base);
    const names = Object.fromEntries(details.vertices.map((v) => [v.id, v.name]));
    const perVertex = await Promise.all(Object.keys(cp.tasks).map((vid) => api(`${base}/subtasks/${vid}`)
      .then((answer) => answer.subtasks.map((s) => Object.assign({ vertex: names[vid] || vid }, s)))));
    return h('div', null,
      h('p', null, h('a', { href: `#/job/${details.jid}/checkpoints` }, '← all checkpoints')),
      h('h2', null, `${cp.is_savepoint ? 'Savepoint' : 'Checkpoint'} #${cp.id} `, stateBadge(cp.status)),
      h('p', null, `Triggered ${time(cp.trigger_timestamp)}, ${duration(cp.end_to_end_duration)} end to end, `,
        `${bytes(cp.state_size)} of state`, cp.external_path && !cp.external_path.startsWith('<') ? ', at ' + cp.external_path : '',
        cp.failure_message ? '; failed: ' + cp.failure_message : ''),
      table([
        { title: 'Vertex', value: ([vid]) => names[vid] || vid },
        { title: 'Acknowledged', value: ([, t]) => `${t.num_acknowledged_subtasks} / ${t.num_subtasks}`, class: 'num' },
        { title: 'Latest acknowledgement', value: ([, t]) => time(t.latest_ack_timestamp) },
        { title: 'End to end', value: ([, t]) => duration(t.end_to_end_duration), class: 'num' },
        { title: 'State size', value: ([, t]) => bytes(t.state_size), class: 'num' },
      ], Object.entries(cp.tasks)),
      h('h2', null, 'Subtasks'),
      h('div', { id: 'checkpoint-subtasks' }, table([
        { title: 'Vertex', value: (s) => s.vertex },
        { title: '#', value: (s) => String(s.index), class: 'num' },
        { title: 'Status', value: (s) => s.status },
        { title: 'Acknowledged', value: (s) => time(s.ack_timestamp) },
        { title: 'End to end', value: (s) => duration(s.end_to_end_duration), class: 'num' },
        { title: 'Start delay', value: (s) => s.start_delay === undefined ? '' : duration(s.start_delay), class: 'num' },
        { title: 'Alignment', value: (s) => s.alignment ? duration(s.alignment.duration) : '', class: 'num' },
        { title: 'Sync', value: (s) => s.checkpoint ? duration(s.checkpoint.sync) : '', class: 'num' },
        { title: 'Async', value: (s) => s.checkpoint ? duration(s.checkpoint.async) : '', class: 'num' },
        { title: 'State size', value: (s) => bytes(s.state_size), class: 'num' },
        { title: 'Unaligned', value: (s) => s.unaligned_checkpoint === undefined ? '' : (s.unaligned_checkpoint ? 'yes' : 'no') },
      ], perVertex.flat())));
  }

  /** The job's execution settings and options, then its checkpoint settings. */
  async function configurationTab(details) {
    const [job, checkpoints] = await Promise.all([api(`/jobs/${details.jid}/config`),
      checkpointConfig(details)]);
    const rows = (object) => Object.entries(object).map(([key, value]) =>
      [key, typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)]);
    const settings = (object) => table([{ title: 'Setting', value: (r) => r[0] },
      { title: 'Value', value: (r) => r[1] }], rows(object));
    const execution = Object.assign({}, job['execution-config']);
    delete execution['user-config'];
    return h('div', { id: 'job-configuration' },
      h('h2', null, 'Execution'), settings(execution),
      h('h2', null, 'Options set on the job'), settings(job.configuration),
      h('h2', null, 'Checkpointing'),
      checkpoints.unavailable ? h('p', { class: 'empty' }, checkpoints.unavailable) : settings(checkpoints),
      h('p', { class: 'footnote' }, 'The cluster\'s options are on the ', h('a', { href: '#/jobmanager' }, 'job manager'),
        ' page.'));
  }

  async function checkpointConfig(details) {
    try {
      return await api(`/jobs/${details.jid}/checkpoints/config`);
    } catch (e) {
      return { unavailable: e.message };
    }
  }

  const TAB_BODIES = { overview: overviewTab, exceptions: exceptionsTab, checkpoints: checkpointsTab,
    configuration: configurationTab };

  window.Weir.pages = Object.assign(window.Weir.pages || {}, { job, vertexStats });
})();
