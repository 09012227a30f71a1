// The live view: reads the server's stream (GET /events) and draws it. Every figure on the page comes
// from the server's own windows; the page computes nothing but the layout.
(function () {
  'use strict';

  var KEEP = 600; // windows: ten minutes at one a second, as the server's backlog
  var $ = function (id) { return document.getElementById(id); };

  // One column per window; x is the window's end in seconds since the epoch (uPlot's time axis).
  var cols = { t: [], maxInFlight: [], inFlight: [], limit: [], accepted: [], rejected: [], failed: [], p50: [], p99: [] };
  var runs = new Map();
  var boot = null;
  var last = null;
  var dirty = false;
  var charts = [];

  // For tests and for the curious: what the page has received, as received.
  var seen = { windows: 0, rejected: 0, accepted: 0, failed: 0, last: null, runs: runs };
  window.labLive = seen;

  function text(id, value) { $(id).textContent = value; }

  function num(v) {
    if (v === null || v === undefined) return '–';
    if (Math.abs(v) >= 100 || Number.isInteger(v)) return Math.round(v).toLocaleString('en-US');
    return v.toFixed(1);
  }

  function ms(v) {
    if (v === null || v === undefined) return '–';
    return v >= 100 ? Math.round(v).toString() : v >= 10 ? v.toFixed(1) : v.toFixed(2);
  }

  function clear() {
    Object.keys(cols).forEach(function (k) { cols[k].length = 0; });
    runs.clear();
    seen.windows = seen.rejected = seen.accepted = seen.failed = 0;
  }

  function showServer(s) {
    if (boot !== null && boot !== s.boot) clear(); // another server on this port: start over
    boot = s.boot;
    var parts = Object.keys(s.server).map(function (k) { return k.replace(/_/g, ' ') + ' ' + s.server[k]; });
    text('flags', parts.join(' · '));
    text('limit', s.server.limit);
    document.title = 'lab-server · live · limit ' + s.server.limit;
  }

  function addWindow(w) {
    var lat = w.latency_ms;
    cols.t.push(w.t_ms / 1000);
    cols.maxInFlight.push(w.max_in_flight);
    cols.inFlight.push(w.in_flight);
    cols.limit.push(w.limit);
    cols.accepted.push(w.per_s.accepted);
    cols.rejected.push(w.per_s.rejected);
    cols.failed.push(w.per_s.failed);
    cols.p50.push(lat.count > 0 ? lat.p50 : null); // no answers in the window: a gap, not a zero
    cols.p99.push(lat.count > 0 ? lat.p99 : null);
    if (cols.t.length > KEEP) Object.keys(cols).forEach(function (k) { cols[k].shift(); });
    seen.windows++;
    seen.rejected += w.counts.rejected;
    seen.accepted += w.counts.accepted;
    seen.failed += w.counts.failed;
    seen.last = w;
    last = w;
  }

  function showTiles(w) {
    text('in-flight', w.in_flight);
    text('limit', w.limit);
    text('max-in-flight', w.max_in_flight);
    text('accepted-per-s', num(w.per_s.accepted));
    text('rejected-per-s', num(w.per_s.rejected));
    text('failed-per-s', num(w.per_s.failed));
    text('accepted-total', num(w.since_reset.accepted));
    text('rejected-total', num(w.since_reset.rejected));
    text('failed-total', num(w.since_reset.failed));
    var lat = w.latency_ms;
    text('p50', lat.count > 0 ? ms(lat.p50) : '–');
    text('p99', lat.count > 0 ? ms(lat.p99) : '–');
    text('answers', num(lat.count));
  }

  function seconds(fromMs, toMs) { return ((toMs - fromMs) / 1000).toFixed(1) + ' s'; }

  function showRuns() {
    var el = $('run');
    var all = Array.from(runs.values());
    if (all.length === 0) return;
    var open = all.filter(function (r) { return r.ended_ms === null; });
    var nowMs = last ? last.t_ms : Date.now();
    var describe = function (r) {
      return 'run ' + r.id + ': ' + r.name + (r.detail ? ' (' + r.detail + ')' : '');
    };
    if (open.length > 0) {
      el.textContent = open.map(function (r) {
        return describe(r) + ', running for ' + seconds(r.started_ms, Math.max(nowMs, r.started_ms));
      }).join(' · ');
      el.className = 'run active';
    } else {
      var r = all[all.length - 1];
      el.textContent = describe(r) + ', ended after ' + seconds(r.started_ms, r.ended_ms);
      el.className = 'run';
    }
  }

  // A vertical line where each announced run starts (solid) and ends (dashed), with its name.
  function runMarkers(u) {
    var ctx = u.ctx, box = u.bbox, px = uPlot.pxRatio;
    ctx.save();
    ctx.strokeStyle = '#1570ef';
    ctx.fillStyle = '#1570ef';
    ctx.lineWidth = px;
    ctx.font = (11 * px) + 'px system-ui, sans-serif';
    ctx.textAlign = 'left'; // uPlot leaves the axes' alignment on the context
    ctx.textBaseline = 'top';
    runs.forEach(function (r) {
      [[r.started_ms, [], r.name], [r.ended_ms, [4 * px, 4 * px], null]].forEach(function (m) {
        if (m[0] === null) return;
        var x = u.valToPos(m[0] / 1000, 'x', true);
        if (x < box.left || x > box.left + box.width) return;
        ctx.setLineDash(m[1]);
        ctx.beginPath();
        ctx.moveTo(x, box.top);
        ctx.lineTo(x, box.top + box.height);
        ctx.stroke();
        if (m[2]) ctx.fillText(m[2], x + 3 * px, box.top + (2 + (r.id % 2) * 13) * px); // neighbours on two rows
      });
    });
    ctx.restore();
  }

  function fromZero(u, min, max) { return [0, max > 0 ? max * 1.1 : 1]; }

  function chart(el, series, yLabel, range, columns) {
    var opts = {
      width: el.clientWidth || 900,
      height: 200,
      scales: { x: { time: true }, y: { range: range || fromZero } },
      series: [{}].concat(series),
      axes: [{}, { label: yLabel, size: 60 }],
      hooks: { draw: [runMarkers] }
    };
    var u = new uPlot(opts, [cols.t].concat(columns.map(function (c) { return cols[c]; })), el);
    charts.push({ plot: u, el: el, columns: columns });
  }

  function makeCharts() {
    chart($('chart-in-flight'), [
      { label: 'max in flight (per second)', stroke: '#b42318', width: 2, fill: 'rgba(217,45,32,0.08)' },
      { label: 'in flight (at the second\'s end)', stroke: '#667085', width: 1 },
      { label: 'limit', stroke: '#d92d20', width: 1.5, dash: [8, 5], points: { show: false } }
    ], 'in flight', function (u, min, max) { return [0, Math.max(max, 1) * 1.15]; }, ['maxInFlight', 'inFlight', 'limit']);
    chart($('chart-rates'), [
      { label: 'accepted / s', stroke: '#1570ef', width: 2 },
      { label: 'rejected (429) / s', stroke: '#d92d20', width: 2 },
      { label: 'failed / s', stroke: '#f79009', width: 2 }
    ], 'per second', null, ['accepted', 'rejected', 'failed']);
    chart($('chart-latency'), [
      { label: 'p50 per window', stroke: '#7a5af8', width: 2 },
      { label: 'p99 per window', stroke: '#c11574', width: 2 }
    ], 'ms', null, ['p50', 'p99']);
  }

  // Redraws at most every 200 ms, so that a backlog of 600 windows on connect draws once.
  function redrawSoon() {
    if (dirty) return;
    dirty = true;
    setTimeout(function () {
      dirty = false;
      charts.forEach(function (c) {
        c.plot.setData([cols.t].concat(c.columns.map(function (k) { return cols[k]; })));
      });
      if (last) showTiles(last);
      showRuns();
    }, 200);
  }

  function connect() {
    var status = $('status');
    var stream = new EventSource('/events');
    stream.addEventListener('server', function (e) { showServer(JSON.parse(e.data)); });
    stream.addEventListener('window', function (e) { addWindow(JSON.parse(e.data)); redrawSoon(); });
    stream.addEventListener('run', function (e) { var r = JSON.parse(e.data); runs.set(r.id, r); redrawSoon(); });
    stream.onopen = function () { status.textContent = 'live'; status.className = 'status live'; };
    stream.onerror = function () { status.textContent = 'reconnecting…'; status.className = 'status lost'; };
  }

  window.addEventListener('resize', function () {
    charts.forEach(function (c) { c.plot.setSize({ width: c.el.clientWidth, height: 200 }); });
  });

  makeCharts();
  connect();
})();
