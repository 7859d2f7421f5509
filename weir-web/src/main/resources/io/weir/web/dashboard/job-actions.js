// The actions on a running job: cancel (after a confirmation), trigger a savepoint, and stop with
// a savepoint (optionally draining: event time advances to the end first). The elements are built
// once per job page and survive refreshes, so a directory being typed keeps its text and focus;
// a savepoint's progress is polled (GET /jobs/:jobid/savepoints/:triggerid) on each refresh.
(function () {
  'use strict';
  const { h, replace, api } = window.Weir;

  function jobActions(jid) {
    const element = h('div', { class: 'actions' });
    const message = h('span', { class: 'message', id: 'action-message' });
    const directory = h('input', { id: 'savepoint-dir', type: 'text', size: 38,
      placeholder: 'savepoint directory (optional)',
      title: 'Where the savepoint goes; empty: execution.checkpointing.savepoint-dir' });
    const drain = h('input', { id: 'drain', type: 'checkbox' });
    let confirming = false;
    let running = null;
    let operation = null;

    function render() {
      if (!running) {
        replace(element, message);
        return;
      }
      const cancelButtons = confirming
        ? [h('span', null, 'Cancel this job? '),
          h('button', { id: 'confirm-cancel', class: 'danger', onclick: cancel }, 'Yes, cancel'),
          h('button', { id: 'keep-running', onclick: () => { confirming = false; render(); } }, 'No')]
        : [h('button', { id: 'cancel-job', class: 'danger', onclick: () => { confirming = true; render(); } },
          'Cancel job')];
      replace(element, cancelButtons,
        h('span', { class: 'separator' }),
        directory,
        h('button', { id: 'trigger-savepoint', onclick: () => start('Savepoint', `/jobs/${jid}/savepoints`,
          { 'target-directory': target(), 'cancel-job': false }) }, 'Trigger savepoint'),
        h('button', { id: 'stop-job', onclick: () => start('Stop with savepoint', `/jobs/${jid}/stop`,
          { targetDirectory: target(), drain: drain.checked }) }, 'Stop with savepoint'),
        h('label', { class: 'drain' }, drain, ' drain'),
        message);
    }

    function target() {
      const text = directory.value.trim();
      return text === '' ? undefined : text;
    }

    async function cancel() {
      confirming = false;
      render();
      try {
        await api(`/jobs/${jid}?mode=cancel`, { method: 'PATCH' });
        message.textContent = 'Cancelling…';
      } catch (e) {
        message.textContent = e.message;
      }
    }

    async function start(what, path, body) {
      try {
        const answer = await api(path, { method: 'POST', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body) });
        operation = { what, trigger: answer['request-id'], done: false };
        message.textContent = what + ' in progress…';
      } catch (e) {
        message.textContent = e.message;
      }
    }

    /** Follows the savepoint in progress, if any. */
    async function poll() {
      if (!operation || operation.done) return;
      const status = await api(`/jobs/${jid}/savepoints/${operation.trigger}`);
      if (status.status.id !== 'COMPLETED') return;
      operation.done = true;
      const result = status.operation;
      message.textContent = result.location !== undefined
        ? `${operation.what} completed: ${result.location}`
        : `${operation.what} failed: ${result['failure-cause'].message || result['failure-cause'].class}`;
    }

    return {
      element,
      /** Called on each refresh with whether the job still runs. */
      async update(isRunning) {
        if (isRunning !== running) {
          running = isRunning;
          render();
        }
        await poll();
      },
    };
  }

  window.Weir.jobActions = jobActions;
})();
