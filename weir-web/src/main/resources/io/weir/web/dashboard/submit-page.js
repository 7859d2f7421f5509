// The "Submit" page: upload a jar (POST /jars/upload), then run one of the uploaded jars with an
// entry class, arguments, parallelism and a savepoint to start from (POST /jars/:jarid/run), or
// delete it. A successful run opens the new job's page. Only shown when /config says web-submit.
(function () {
  'use strict';
  const { h, replace, api, time, table } = window.Weir;

  function submit(el) {
    let message = null; // {text, error}
    let busy = false;
    const forms = {}; // jar id → its input elements, kept across refreshes so typing is not lost

    function say(text, error) {
      message = { text, error };
    }

    async function upload(input) {
      if (!input.files.length) {
        say('Choose a jar file first.', true);
        return controller.refresh();
      }
      const body = new FormData();
      body.append('jarfile', input.files[0]);
      busy = true;
      try {
        await api('/jars/upload', { method: 'POST', body });
        say('Uploaded ' + input.files[0].name + '.', false);
      } catch (e) {
        say(e.message, true);
      }
      busy = false;
      controller.refresh();
    }

    async function run(jar) {
      const form = forms[jar.id];
      const request = { entryClass: form.entryClass.value.trim() || null, programArgs: form.args.value };
      if (form.parallelism.value.trim()) request.parallelism = Number(form.parallelism.value);
      if (form.savepoint.value.trim()) {
        request.savepointPath = form.savepoint.value.trim();
        request.allowNonRestoredState = form.allowNonRestored.checked;
      }
      busy = true;
      try {
        const answer = await api('/jars/' + encodeURIComponent(jar.id) + '/run', {
          method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify(request),
        });
        busy = false;
        location.hash = '#/job/' + answer.jobid;
        return;
      } catch (e) {
        say(e.message, true);
      }
      busy = false;
      controller.refresh();
    }

    async function remove(jar) {
      try {
        await api('/jars/' + encodeURIComponent(jar.id), { method: 'DELETE' });
        delete forms[jar.id];
        say('Deleted ' + jar.name + '.', false);
      } catch (e) {
        say(e.message, true);
      }
      controller.refresh();
    }

    function formOf(jar) {
      if (!forms[jar.id]) {
        const entry = jar.entry.length ? jar.entry[0].name : '';
        forms[jar.id] = {
          entryClass: h('input', { class: 'entry-class', placeholder: 'main class', value: entry }),
          args: h('input', { class: 'program-args', placeholder: 'arguments' }),
          parallelism: h('input', { class: 'parallelism', type: 'number', min: '1', placeholder: 'default' }),
          savepoint: h('input', { class: 'savepoint-path', placeholder: 'savepoint path (optional)' }),
          allowNonRestored: h('input', { type: 'checkbox', class: 'allow-non-restored' }),
        };
      }
      return forms[jar.id];
    }

    const fileInput = h('input', { type: 'file', id: 'jar-file', accept: '.jar' });
    const controller = {
      async refresh() {
        if (busy) return;
        const jars = await api('/jars');
        replace(el,
          h('h1', null, 'Submit a job'),
          h('div', { class: 'actions' }, fileInput,
            h('button', { id: 'upload-jar', onclick: () => upload(fileInput) }, 'Upload')),
          message ? h('p', { class: message.error ? 'page-error' : 'notice', id: 'submit-message' }, message.text) : null,
          h('h2', null, 'Uploaded jars'),
          table([
            { title: 'Jar', value: (j) => j.name, class: 'jar-name' },
            { title: 'Uploaded', value: (j) => time(j.uploaded) },
            { title: 'Entry class', value: (j) => formOf(j).entryClass },
            { title: 'Arguments', value: (j) => formOf(j).args },
            { title: 'Parallelism', value: (j) => formOf(j).parallelism },
            { title: 'Savepoint', value: (j) => h('span', null, formOf(j).savepoint,
              h('label', null, formOf(j).allowNonRestored, ' allow non-restored state')) },
            { title: '', value: (j) => h('span', null,
              h('button', { class: 'run-jar', onclick: () => run(j) }, 'Submit'), ' ',
              h('button', { class: 'delete-jar', onclick: () => remove(j) }, 'Delete')) },
          ], jars.files));
      },
    };
    return controller;
  }

  Object.assign(window.Weir, { pages: Object.assign(window.Weir.pages || {}, { submit }) });
})();
