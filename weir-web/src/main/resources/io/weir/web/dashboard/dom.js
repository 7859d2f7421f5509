// Building blocks of the dashboard: DOM construction that never parses data as HTML, the REST
// client, and number formatting. Every job name, operator name and exception text reaches the page
// as a text node (h() turns strings into text nodes; nothing assigns innerHTML), so markup in a
// name shows literally and never runs.
(function () {
  'use strict';
  const Weir = (window.Weir = window.Weir || {});

  /** Creates an element: h('td', {class: 'num'}, 'text', childNode, [more, children]). */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    setAttributes(el, attrs);
    append(el, children);
    return el;
  }

  /** Creates an SVG element the same way. */
  function svg(tag, attrs, ...children) {
    const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
    setAttributes(el, attrs);
    append(el, children);
    return el;
  }

  function setAttributes(el, attrs) {
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key.startsWith('on')) {
        el.addEventListener(key.substring(2), value);
      } else {
        el.setAttribute(key, value === true ? '' : String(value));
      }
    }
  }

  function append(el, children) {
    for (const child of children.flat(Infinity)) {
      if (child === undefined || child === null || child === false) continue;
      el.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }

  /** Replaces an element's children. */
  function replace(el, ...children) {
    el.replaceChildren();
    append(el, children);
  }

  class RestFailure extends Error {}

  /**
   * Adds the bearer token, when the server wants one (rest.auth.token), to request headers. The
   * token comes from the page's URL once (?token=...), and is then kept in this tab's session storage.
   */
  function authorization(headers) {
    const fromUrl = new URLSearchParams(location.search).get('token');
    if (fromUrl) sessionStorage.setItem('weir-token', fromUrl);
    const token = sessionStorage.getItem('weir-token');
    if (token) headers.Authorization = 'Bearer ' + token;
    return headers;
  }

  /** Fetches JSON from the REST API; rejects with the server's error message. */
  async function api(path, options) {
    options = Object.assign({}, options);
    options.headers = authorization(Object.assign({ Accept: 'application/json' }, options.headers));
    const response = await fetch(path, options);
    const text = await response.text();
    let body = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch (e) {
      throw new RestFailure(`${path} answered ${response.status} with something other than JSON`);
    }
    if (!response.ok) {
      const message = body && body.errors ? body.errors.join('; ') : `status ${response.status}`;
      throw new RestFailure(`${path}: ${message}`);
    }
    return body;
  }

  /** Fetches a text file (a log) from the REST API; rejects with the server's error message. */
  async function apiText(path) {
    const response = await fetch(path, { headers: authorization({}) });
    const text = await response.text();
    if (!response.ok) {
      let message = `status ${response.status}`;
      try {
        message = JSON.parse(text).errors.join('; ');
      } catch (e) {
        // not JSON: keep the status
      }
      throw new RestFailure(`${path}: ${message}`);
    }
    return text;
  }

  function count(n) {
    if (n === undefined || n === null || Number.isNaN(Number(n))) return '–';
    n = Number(n);
    if (Math.abs(n) >= 1e9) return (n / 1e9).toFixed(2) + ' G';
    if (Math.abs(n) >= 1e6) return (n / 1e6).toFixed(2) + ' M';
    if (Math.abs(n) >= 1e4) return (n / 1e3).toFixed(1) + ' K';
    if (Number.isInteger(n) || Math.abs(n) >= 100) return String(Math.round(n));
    return n.toFixed(1);
  }

  function bytes(n) {
    if (n === undefined || n === null || n < 0) return '–';
    const units = ['B', 'KB', 'MB', 'GB', 'TB'];
    let i = 0;
    while (n >= 1024 && i < units.length - 1) {
      n /= 1024;
      i++;
    }
    return (i === 0 ? n : n.toFixed(1)) + ' ' + units[i];
  }

  function duration(ms) {
    if (ms === undefined || ms === null || ms < 0) return '–';
    if (ms < 1000) return ms + ' ms';
    const s = Math.floor(ms / 1000);
    if (s < 60) return (ms / 1000).toFixed(1) + ' s';
    const parts = [];
    const d = Math.floor(s / 86400), hr = Math.floor((s % 86400) / 3600), m = Math.floor((s % 3600) / 60);
    if (d) parts.push(d + 'd');
    if (hr) parts.push(hr + 'h');
    if (m) parts.push(m + 'm');
    parts.push((s % 60) + 's');
    return parts.join(' ');
  }

  function time(epochMillis) {
    if (!epochMillis || epochMillis < 0) return '–';
    return new Date(epochMillis).toLocaleString();
  }

  /** A watermark in epoch milliseconds; Long.MIN_VALUE means none yet. */
  function watermark(value) {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= -9.2e18) return 'no watermark';
    if (n > 946684800000 && n < 4102444800000) return new Date(n).toISOString() + ` (${value})`;
    return String(value);
  }

  function stateBadge(state) {
    return h('span', { class: 'badge state-' + String(state).toLowerCase() }, state);
  }

  /** A table: columns [{title, value(row) → node or text, class}], rows, optional row link. */
  function table(columns, rows, link) {
    return h('div', { class: 'table-wrap' }, h('table', { class: 'grid' },
      h('thead', null, h('tr', null, columns.map((c) => h('th', { class: c.class }, c.title)))),
      h('tbody', null, rows.length === 0
        ? h('tr', null, h('td', { colspan: columns.length, class: 'empty' }, 'none'))
        : rows.map((row) => h('tr', link ? { class: 'link', onclick: () => (location.hash = link(row)) } : null,
          columns.map((c) => h('td', { class: c.class }, c.value(row))))))));
  }

  /** A row of labelled numbers. */
  function cards(items) {
    return h('div', { class: 'cards' }, items.map(([label, value, id]) =>
      h('div', { class: 'card', 'data-card': id }, h('div', { class: 'card-value' }, value),
        h('div', { class: 'card-label' }, label))));
  }

  Object.assign(Weir, { h, svg, replace, api, apiText, RestFailure, count, bytes, duration, time, watermark, stateBadge,
    table, cards });
})();
