// The dashboard's router and refresh loop. The hash names the page (#/overview, #/jobs,
// #/job/<jid>[/<tab>[/<id>]], #/job/<jid>/vertex/<vid>, #/taskmanagers, #/taskmanager/<id>,
// #/jobmanager, #/submit); the current page refreshes every refresh-interval (from /config), one refresh at
// a time. A failed refresh is shown in the status bar and on the page, and retried on the next tick.
(function () {
  'use strict';
  const { h, replace, api, pages } = window.Weir;
  const page = document.getElementById('page');
  const status = document.getElementById('status');
  let current = null;
  let interval = 3000;
  let timer = null;
  let refreshes = 0;

  function route() {
    const parts = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
    const [section, ...params] = parts;
    switch (section) {
      case 'jobs': return ['jobs', pages.jobs, params];
      case 'job': return params[1] === 'vertex' ? ['jobs', pages.vertex, params] : ['jobs', pages.job, params];
      case 'taskmanagers': return ['taskmanagers', pages.taskManagers, params];
      case 'taskmanager': return ['taskmanagers', pages.taskManager, params];
      case 'jobmanager': return ['jobmanager', pages.jobManager, params];
      case 'submit': return ['submit', pages.submit, params];
      default: return ['overview', pages.overview, params];
    }
  }

  function navigate() {
    if (current && current.destroy) current.destroy();
    clearTimeout(timer);
    const [section, create, params] = route();
    for (const link of document.querySelectorAll('#nav [data-section]')) {
      link.classList.toggle('active', link.dataset.section === section);
    }
    replace(page, h('p', { class: 'loading' }, 'Loading…'));
    const controller = create(page, params);
    current = controller;
    tick(controller);
  }

  async function tick(controller) {
    try {
      await controller.refresh();
      refreshes++;
      status.textContent = 'updated ' + new Date().toLocaleTimeString();
      status.dataset.refreshes = String(refreshes);
      status.classList.remove('error');
    } catch (e) {
      status.textContent = e.message;
      status.classList.add('error');
      if (!page.querySelector('.page-error')) {
        page.prepend(h('div', { class: 'page-error' }, e.message));
      }
    }
    if (controller === current) timer = setTimeout(() => tick(controller), interval);
  }

  window.addEventListener('hashchange', navigate);
  api('/config').then((config) => {
    interval = Math.max(500, Number(config['refresh-interval']) || interval);
    if (!config.features || !config.features['web-submit']) document.getElementById('nav-submit').remove();
  }).catch(() => {}).finally(navigate);
})();
