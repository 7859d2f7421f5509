// A vertex's flame graph (GET /jobs/<jid>/vertices/<vid>/flamegraph): sampled stacks of its task
// threads, drawn as an icicle chart, outermost frame on top; each frame's width is its share of
// the samples. Frame names are text (h() makes text nodes), so class and method names never become
// markup. Taken on request only: sampling costs the server a moment.
(function () {
  'use strict';
  const { h, replace, api } = window.Weir;
  const MIN_SHARE = 0.002; // frames thinner than this are left out of the picture

  function frames(node, total, depth, left, out) {
    const share = node.value / total;
    if (share < MIN_SHARE) return;
    out.push(h('div', {
      class: 'flame-frame', title: `${node.name} (${node.value} samples)`,
      style: `left:${(left * 100).toFixed(3)}%;width:${(share * 100).toFixed(3)}%;top:${depth * 18}px;`
        + `background:hsl(${20 + (depth * 37) % 40},85%,${62 + (depth % 3) * 6}%)`,
    }, node.name));
    let offset = left;
    for (const child of node.children) {
      frames(child, total, depth + 1, offset, out);
      offset += child.value / total;
    }
  }

  function depthOf(node) {
    return 1 + node.children.reduce((max, child) => Math.max(max, depthOf(child)), 0);
  }

  /** The flame graph section of the vertex page: a type, a button, and the graph once taken. */
  function flameGraphSection(base) {
    const type = h('select', { id: 'flame-type' }, h('option', { value: 'full' }, 'all samples'),
      h('option', { value: 'on_cpu' }, 'on CPU'), h('option', { value: 'off_cpu' }, 'off CPU (waiting)'));
    const view = h('div', { id: 'flame-graph' });
    const button = h('button', { id: 'take-flame-graph', onclick: async () => {
      button.disabled = true;
      replace(view, h('p', { class: 'loading' }, 'Sampling the task threads…'));
      try {
        const graph = await api(`${base}/flamegraph?type=${type.value}`);
        const root = graph.data;
        if (!root.value) {
          replace(view, h('p', { class: 'empty' }, 'No samples: the vertex has no running subtasks, or none matched.'));
        } else {
          const out = [];
          frames(root, root.value, 0, 0, out);
          replace(view, h('p', { class: 'footnote' }, `${root.value} samples, taken `,
            new Date(graph.endTimestamp).toLocaleTimeString(), '; hover a frame for its name and count.'),
          h('div', { class: 'flame', style: `height:${depthOf(root) * 18 + 4}px` }, out));
        }
      } catch (e) {
        replace(view, h('p', { class: 'page-error' }, e.message));
      }
      button.disabled = false;
    } }, 'Take a flame graph');
    return h('div', null, h('h2', null, 'Flame graph'), h('div', { class: 'actions' }, type, button), view);
  }

  Object.assign(window.Weir, { flameGraphSection });
})();
