// The job graph: vertices laid out left to right by dagre, edges labelled with their exchange. Each
// vertex shows its parallelism, records in and out with their rates, and is coloured by how busy
// (blue to red) or back-pressured (grey to black) its subtasks are. The layout is computed once per
// job; a refresh only redraws the labels and colours.
(function () {
  'use strict';
  const { svg, count } = window.Weir;
  const NODE_WIDTH = 250;
  const NODE_HEIGHT = 100;
  const layouts = new Map();

  function layout(job) {
    const key = job.jid + ':' + job.vertices.map((v) => v.id).join(',');
    if (layouts.has(key)) return layouts.get(key);
    const g = new dagre.graphlib.Graph();
    g.setGraph({ rankdir: 'LR', nodesep: 30, ranksep: 70, marginx: 10, marginy: 10 });
    g.setDefaultEdgeLabel(() => ({}));
    for (const v of job.vertices) g.setNode(v.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
    for (const node of job.plan.nodes) {
      for (const input of node.inputs || []) g.setEdge(input.id, node.id, { label: input.ship_strategy });
    }
    dagre.layout(g);
    layouts.set(key, g);
    return g;
  }

  /** The fill of a vertex: grey to black when back-pressured, else pale blue (idle) to red (busy). */
  function fill(stats) {
    const busy = Math.min(1, (stats.busy || 0) / 1000);
    const backPressured = Math.min(1, (stats.backPressured || 0) / 1000);
    if (backPressured > busy && backPressured > 0.1) return `hsl(0, 0%, ${Math.round(85 - 55 * backPressured)}%)`;
    return `hsl(${Math.round(210 - 210 * busy)}, ${Math.round(45 + 35 * busy)}%, ${Math.round(92 - 32 * busy)}%)`;
  }

  function shorten(text, max) {
    return text.length > max ? text.substring(0, max - 1) + '…' : text;
  }

  /**
   * Draws the graph of {@code job} (a /jobs/:jobid answer) into {@code container}, with live
   * statistics per vertex id: {inRate, outRate, busy, backPressured} (ms per second).
   */
  function render(container, job, stats, onVertexClick) {
    const g = layout(job);
    const graph = g.graph();
    const root = svg('svg', { class: 'job-graph', width: graph.width, height: graph.height,
      viewBox: `0 0 ${graph.width} ${graph.height}` },
    svg('defs', null, svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 8,
      markerHeight: 8, orient: 'auto-start-reverse' }, svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: '#667' }))));
    for (const e of g.edges()) {
      const edge = g.edge(e);
      const d = edge.points.map((p, i) => (i === 0 ? 'M' : 'L') + p.x + ' ' + p.y).join(' ');
      const mid = edge.points[Math.floor(edge.points.length / 2)];
      root.appendChild(svg('path', { class: 'edge', d, 'marker-end': 'url(#arrow)' }));
      root.appendChild(svg('text', { class: 'edge-label', x: mid.x, y: mid.y - 6, 'text-anchor': 'middle' },
        edge.label));
    }
    for (const vertex of job.vertices) {
      const n = g.node(vertex.id);
      const s = stats[vertex.id] || {};
      const m = vertex.metrics || {};
      const x = n.x - NODE_WIDTH / 2;
      const y = n.y - NODE_HEIGHT / 2;
      const lines = [
        `Parallelism ${vertex.parallelism} · ${vertex.status}`,
        `In ${count(m['read-records'])} (${count(s.inRate)}/s)`,
        `Out ${count(m['write-records'])} (${count(s.outRate)}/s)`,
        `Busy ${Math.round((s.busy || 0) / 10)}% · Back-pressured ${Math.round((s.backPressured || 0) / 10)}%`,
      ];
      root.appendChild(svg('g', { class: 'vertex', 'data-vertex-id': vertex.id, transform: `translate(${x},${y})`,
        onclick: () => onVertexClick(vertex) },
      svg('title', null, vertex.name),
      svg('rect', { width: NODE_WIDTH, height: NODE_HEIGHT, rx: 6, fill: fill(s) }),
      svg('text', { class: 'vertex-name', x: 10, y: 20 }, shorten(vertex.name, 34)),
      lines.map((line, i) => svg('text', { class: 'vertex-line', x: 10, y: 40 + i * 16 }, line))));
    }
    container.replaceChildren(root);
  }

  function legend() {
    const { h } = window.Weir;
    const swatch = (label, stats) => h('span', { class: 'swatch' },
      h('span', { class: 'swatch-box', style: 'background:' + fill(stats) }), label);
    return h('div', { class: 'legend' }, swatch('idle', {}), swatch('50% busy', { busy: 500 }),
      swatch('busy', { busy: 1000 }), swatch('back-pressured', { backPressured: 800 }));
  }

  window.Weir.graph = { render, legend, fill };
})();
