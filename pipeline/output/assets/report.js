/* report.html behaviour. Renders tables, charts and articles from the JSON block #report-data.
   Fixed code: it never evaluates data, builds nodes with textContent, and escapes every string it
   puts into SVG markup. No network: the page's Content-Security-Policy forbids any fetch. */
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('report-data').textContent);
  var PAGE = D.page_size || 50;
  document.body.classList.add('js');

  // --- small helpers ------------------------------------------------------------------------
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') { node.textContent = attrs[k]; } else if (k === 'cls') { node.className = attrs[k]; }
      else { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) {
      node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return node;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } return node; }
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c];
    });
  }
  function show(v) {
    if (v === null || v === undefined) { return ''; }
    if (Array.isArray(v)) { return v.join('; '); }
    return String(v);
  }
  function rowsToObjects(block) {
    return block.rows.map(function (row) {
      var o = {};
      block.cols.forEach(function (c, i) { o[c] = row[i]; });
      return o;
    });
  }
  function terms(q) { return q.toLowerCase().split(/\s+/).filter(Boolean); }
  function matchesAll(hay, ts) {
    for (var i = 0; i < ts.length; i++) { if (hay.indexOf(ts[i]) === -1) { return false; } }
    return true;
  }
  function compare(a, b) {  // empty values last, numbers as numbers, text by locale
    var ea = a === null || a === undefined || a === '', eb = b === null || b === undefined || b === '';
    if (ea || eb) { return ea === eb ? 0 : (ea ? 1 : -1); }
    if (typeof a === 'number' && typeof b === 'number') { return a - b; }
    return String(a).localeCompare(String(b), 'id', {sensitivity: 'base', numeric: true});
  }

  // --- tabs ---------------------------------------------------------------------------------
  var sections = Array.prototype.slice.call(document.querySelectorAll('section.tab'));
  var nav = document.getElementById('tabs');
  var buttons = {};
  var onShow = {};
  sections.forEach(function (s) {
    var name = s.id.slice(4);
    var b = el('button', {type: 'button', 'data-tab': name, text: s.getAttribute('data-title')});
    b.addEventListener('click', function () { location.hash = 'view=' + name; });
    nav.appendChild(b);
    buttons[name] = b;
  });
  function showTab(name) {
    if (!buttons[name]) { name = 'summary'; }
    sections.forEach(function (s) { s.classList.toggle('active', s.id === 'tab-' + name); });
    Object.keys(buttons).forEach(function (k) { buttons[k].classList.toggle('active', k === name); });
    if (onShow[name]) { onShow[name](); }
  }

  // --- a sortable, paginated table ----------------------------------------------------------
  function Table(opts) {
    this.o = opts;
    this.rows = [];
    this.page = 0;
    this.sortCol = null;
    this.dir = 1;
    var self = this, thead = clear(opts.table.tHead || opts.table.createTHead()), tr = el('tr');
    opts.columns.forEach(function (c) {
      var th = el('th', {'data-col': c, text: opts.labels && opts.labels[c] || c, title: 'sort'});
      if (opts.numeric && opts.numeric.indexOf(c) !== -1) { th.className = 'num'; }
      th.addEventListener('click', function () { self.sortBy(c); });
      tr.appendChild(th);
    });
    thead.appendChild(tr);
  }
  Table.prototype.setRows = function (rows) { this.rows = rows; this.sort(); this.page = 0; this.render(); };
  Table.prototype.sortBy = function (col) {
    this.dir = this.sortCol === col ? -this.dir : (this.o.descFirst && this.o.descFirst.indexOf(col) !== -1 ? -1 : 1);
    this.sortCol = col;
    this.sort();
    this.page = 0;
    this.render();
  };
  Table.prototype.sort = function () {
    var col = this.sortCol, dir = this.dir, key = this.o.key;
    if (!col) { return; }
    this.rows = this.rows.slice().sort(function (a, b) {
      var ka = key(col, a), kb = key(col, b), c = compare(ka, kb);
      var empty = ka === null || ka === undefined || ka === '' || kb === null || kb === undefined || kb === '';
      return empty ? c : c * dir;
    });
    var ths = this.o.table.tHead.querySelectorAll('th');
    Array.prototype.forEach.call(ths, function (th) {
      th.classList.remove('asc', 'desc');
      if (th.getAttribute('data-col') === col) { th.classList.add(dir > 0 ? 'asc' : 'desc'); }
    });
  };
  Table.prototype.render = function () {
    var o = this.o, self = this, size = o.size || PAGE, pages = Math.max(1, Math.ceil(this.rows.length / size));
    this.page = Math.min(this.page, pages - 1);
    var start = this.page * size, slice = this.rows.slice(start, start + size);
    var body = clear(o.table.tBodies[0] || o.table.createTBody());
    var frag = document.createDocumentFragment();
    slice.forEach(function (row) {
      var tr = el('tr');
      o.columns.forEach(function (c) {
        var td = el('td'), v = o.cell(c, row);
        if (o.numeric && o.numeric.indexOf(c) !== -1) { td.className = 'num'; }
        if (typeof v === 'string') { td.textContent = v; } else if (v) { td.appendChild(v); }
        tr.appendChild(td);
      });
      frag.appendChild(tr);
    });
    body.appendChild(frag);
    var p = clear(o.pager);
    function go(n) {
      var b = el('button', {type: 'button', text: n[0]});
      b.disabled = n[1] < 0 || n[1] >= pages || n[1] === self.page;
      b.addEventListener('click', function () { self.page = n[1]; self.render(); });
      return b;
    }
    p.appendChild(go(['« first', 0]));
    p.appendChild(go(['‹ previous', this.page - 1]));
    p.appendChild(el('span', {text: this.rows.length ? ('rows ' + (start + 1) + '–' + (start + slice.length) + ' of ' +
      this.rows.length + ' · page ' + (this.page + 1) + ' of ' + pages) : 'no rows match'}));
    p.appendChild(go(['next ›', this.page + 1]));
    p.appendChild(go(['last »', pages - 1]));
  };

  // --- records ------------------------------------------------------------------------------
  var records = rowsToObjects(D.records);
  var RECORD_COLS = D.records.cols.filter(function (c) { return c[0] !== '_' && c !== 'title'; });
  records.forEach(function (r, i) {
    r._i = i;
    r._hay = RECORD_COLS.concat(['title']).map(function (c) { return show(r[c]); }).join(' \u0001 ').toLowerCase();
    r._orgsl = (r._orgs || []).map(function (s) { return s.toLowerCase(); });
  });
  var recordsByArticle = {};
  records.forEach(function (r) { (recordsByArticle[r.article_id] = recordsByArticle[r.article_id] || []).push(r); });

  function articleLink(id, title) {
    var a = el('a', {href: '#article=' + encodeURIComponent(id), text: id});
    if (title) { a.title = title; }
    return a;
  }
  var SHORT_LIST = 3;
  function listCell(items) {  // one item per line; past SHORT_LIST a button shows the rest of the row
    var box = el('div');
    items.forEach(function (x, i) { box.appendChild(el('div', {cls: i >= SHORT_LIST ? 'more' : '', text: x})); });
    if (items.length > SHORT_LIST) {
      var b = el('button', {type: 'button', cls: 'morebtn', text: '+' + (items.length - SHORT_LIST) + ' more'});
      b.addEventListener('click', function () {
        var tr = b.closest('tr');
        tr.classList.toggle('open');
        Array.prototype.forEach.call(tr.querySelectorAll('.morebtn'), function (x) {
          x.textContent = tr.classList.contains('open') ? 'less' : x.getAttribute('data-label');
        });
      });
      b.setAttribute('data-label', b.textContent);
      box.appendChild(b);
    }
    return box;
  }
  var recordTable = new Table({
    table: document.getElementById('records'), pager: document.getElementById('records-pager'),
    columns: RECORD_COLS, numeric: ['participants_total', 'confidence'], descFirst: ['participants_total', 'confidence'],
    key: function (c, r) {
      if (c === 'participants_total') { return r._n; }
      if (c === 'dates') { return r._dlo; }
      return typeof r[c] === 'number' ? r[c] : show(r[c]);
    },
    cell: function (c, r) {
      if (c === 'article_id') { return articleLink(r.article_id, r.title); }
      if (Array.isArray(r[c])) { return listCell(r[c]); }
      if (c === 'confidence' && typeof r[c] === 'number') { return r[c].toFixed(2); }
      return show(r[c]);
    }
  });

  var F = {q: document.getElementById('filter'), org: document.getElementById('f-org'),
           prov: document.getElementById('f-prov'), from: document.getElementById('f-from'),
           to: document.getElementById('f-to'), nmin: document.getElementById('f-nmin'),
           nmax: document.getElementById('f-nmax')};
  var filtered = records;
  var chartsDirty = true;

  function counts(list, keys) {
    var m = {};
    list.forEach(function (r) {
      (keys(r) || []).forEach(function (k) { if (k) { m[k] = (m[k] || 0) + 1; } });
    });
    return Object.keys(m).map(function (k) { return [k, m[k]]; }).sort(function (a, b) {
      return b[1] - a[1] || compare(a[0], b[0]);
    });
  }
  function fillFilterChoices() {
    counts(records, function (r) { return r._provs; }).forEach(function (p) {
      F.prov.appendChild(el('option', {value: p[0], text: p[0] + ' (' + p[1] + ')'}));
    });
    var dl = document.getElementById('org-list');
    counts(records, function (r) { return r._orgs; }).slice(0, 2000).forEach(function (o) {
      dl.appendChild(el('option', {value: o[0]}));
    });
  }
  function number(input) { var v = input.value.trim(); return v === '' || isNaN(+v) ? null : +v; }
  function applyFilters() {
    var ts = terms(F.q.value), org = F.org.value.trim().toLowerCase(), prov = F.prov.value,
        from = F.from.value, to = F.to.value, nmin = number(F.nmin), nmax = number(F.nmax);
    filtered = records.filter(function (r) {
      if (ts.length && !matchesAll(r._hay, ts)) { return false; }
      if (org && !r._orgsl.some(function (o) { return o.indexOf(org) !== -1; })) { return false; }
      if (prov && (r._provs || []).indexOf(prov) === -1) { return false; }
      if (from && (!r._dhi || r._dhi < from)) { return false; }
      if (to && (!r._dlo || r._dlo > to)) { return false; }
      if (nmin !== null && (r._n === null || r._n < nmin)) { return false; }
      if (nmax !== null && (r._n === null || r._n > nmax)) { return false; }
      return true;
    });
    document.getElementById('shown').textContent = filtered.length;
    recordTable.setRows(filtered);
    chartsDirty = true;
    if (document.getElementById('tab-charts').classList.contains('active')) { drawCharts(); }
  }
  Object.keys(F).forEach(function (k) {
    F[k].addEventListener(F[k].tagName === 'SELECT' || F[k].type === 'date' ? 'change' : 'input', applyFilters);
  });
  document.getElementById('f-reset').addEventListener('click', function () {
    Object.keys(F).forEach(function (k) { F[k].value = ''; });
    applyFilters();
  });

  // --- charts (inline SVG) ------------------------------------------------------------------
  function hbars(title, pairs, filterInput) {
    var top = pairs.slice(0, 15), rest = pairs.slice(15), W = 560, L = 210, R = 40, H = 22;
    var max = Math.max.apply(null, top.map(function (p) { return p[1]; }).concat([1]));
    var svg = '<svg viewBox="0 0 ' + W + ' ' + ((top.length + (rest.length ? 1 : 0)) * H + 8) +
      '" role="img" aria-label="' + esc(title) + '">';
    top.forEach(function (p, i) {
      var w = Math.max(1, (W - L - R) * p[1] / max), y = i * H + 4;
      var label = p[0].length > 28 ? p[0].slice(0, 27) + '…' : p[0];
      svg += '<g class="hit" data-key="' + esc(p[0]) + '"><title>' + esc(p[0] + ': ' + p[1]) +
        '</title><text x="' + (L - 6) + '" y="' + (y + 15) + '" text-anchor="end" font-size="12" fill="#333">' +
        esc(label) + '</text><rect x="' + L + '" y="' + (y + 3) + '" width="' + w.toFixed(1) +
        '" height="' + (H - 7) + '" rx="2" fill="#2b5fab"></rect><text x="' +
        (L + w + 5).toFixed(1) + '" y="' + (y + 15) + '" font-size="12" fill="#333">' + p[1] + '</text></g>';
    });
    if (rest.length) {
      svg += '<text x="' + (L - 6) + '" y="' + (top.length * H + 19) + '" text-anchor="end" font-size="12" ' +
        'fill="#66707c">+ ' + rest.length + ' more</text><text x="' + L + '" y="' + (top.length * H + 19) +
        '" font-size="12" fill="#66707c">with ' + rest.reduce(function (s, p) { return s + p[1]; }, 0) +
        ' programmes among them</text>';
    }
    svg += '</svg>';
    return chartBox(title, pairs.length ? svg : '<p class="hint">no data</p>', filterInput);
  }
  function timeline(title, list) {
    var keys = [];
    list.forEach(function (r) { if (r._dlo) { keys.push(r._dlo.slice(0, 7)); } });
    if (!keys.length) { return chartBox(title, '<p class="hint">no dates</p>'); }
    keys.sort();
    var first = keys[0], last = keys[keys.length - 1];
    var months = (+last.slice(0, 4) - +first.slice(0, 4)) * 12 + (+last.slice(5, 7) - +first.slice(5, 7)) + 1;
    var byYear = months > 48, bins = [], m = {};
    keys.forEach(function (k) { var b = byYear ? k.slice(0, 4) : k; m[b] = (m[b] || 0) + 1; });
    if (byYear) {
      for (var y = +first.slice(0, 4); y <= +last.slice(0, 4); y++) { bins.push(String(y)); }
    } else {
      var yy = +first.slice(0, 4), mm = +first.slice(5, 7);
      for (var i = 0; i < months; i++) {
        bins.push(yy + '-' + (mm < 10 ? '0' : '') + mm);
        mm++;
        if (mm > 12) { mm = 1; yy++; }
      }
    }
    var W = 640, H = 200, B = 36, T = 14, max = Math.max.apply(null, bins.map(function (b) { return m[b] || 0; }));
    var bw = (W - 30) / bins.length, every = Math.ceil(bins.length / 12);
    var svg = '<svg viewBox="0 0 ' + W + ' ' + (H + B) + '" role="img" aria-label="' + esc(title) + '">' +
      '<line x1="24" y1="' + (H + 0.5) + '" x2="' + W + '" y2="' + (H + 0.5) + '" stroke="#999"></line>' +
      '<text x="0" y="' + (T + 4) + '" font-size="11" fill="#666">' + max + '</text>';
    bins.forEach(function (b, i) {
      var v = m[b] || 0, h = (H - T) * v / (max || 1), x = 28 + i * bw;
      svg += '<g><title>' + esc(b + ': ' + v) + '</title><rect x="' + x.toFixed(1) + '" y="' + (H - h).toFixed(1) +
        '" width="' + Math.max(1, bw - 2).toFixed(1) + '" height="' + h.toFixed(1) + '" fill="#2f9a3a"></rect></g>';
      if (i % every === 0) {
        svg += '<text x="' + (x + bw / 2).toFixed(1) + '" y="' + (H + 16) + '" font-size="11" text-anchor="middle" ' +
          'fill="#333">' + esc(b) + '</text>';
      }
    });
    svg += '</svg>';
    var note = keys.length < list.length ? '<p class="hint">' + keys.length + ' of ' + list.length +
      ' records have a date.</p>' : '';
    return chartBox(title + (byYear ? ' (per year)' : ' (per month)'), note + svg);
  }
  function chartBox(title, inner, filterInput) {
    var box = el('div', {cls: 'chart'}, [el('h3', {text: title})]);
    var holder = el('div');
    holder.innerHTML = inner;  // markup built above from escaped strings only
    box.appendChild(holder);
    if (filterInput) {
      Array.prototype.forEach.call(holder.querySelectorAll('g.hit'), function (g) {
        g.addEventListener('click', function () {
          filterInput.value = g.getAttribute('data-key');
          applyFilters();
          location.hash = 'view=records';
        });
      });
    }
    return box;
  }
  function drawCharts() {
    if (!chartsDirty) { return; }
    chartsDirty = false;
    document.getElementById('chart-count').textContent = filtered.length + ' of ' + records.length + ' records';
    var box = clear(document.getElementById('charts'));
    var wrap = el('div', {cls: 'charts'});
    wrap.appendChild(hbars('Programmes per province', counts(filtered, function (r) { return r._provs; }), F.prov));
    wrap.appendChild(hbars('Programmes per organisation', counts(filtered, function (r) { return r._orgs; }), F.org));
    wrap.appendChild(timeline('Programmes over time', filtered));
    box.appendChild(wrap);
  }
  onShow.charts = drawCharts;

  // --- articles -----------------------------------------------------------------------------
  var KIND_ORDER = ['org', 'person', 'place', 'date', 'count', 'rule', 'cue', 'ner'];
  var articles = D.articles, articleById = {}, hiddenKinds = {};
  articles.forEach(function (a) { articleById[a.id] = a; });
  var alist = document.getElementById('article-list'), afilter = document.getElementById('a-filter');
  var tip = document.getElementById('tip');
  var current = null;

  function kindClass(k) { return KIND_ORDER.indexOf(k) === -1 ? 'other' : k; }
  function fillArticleList() {
    var ts = terms(afilter.value), frag = document.createDocumentFragment(), shown = 0;
    clear(alist);
    articles.forEach(function (a) {
      if (ts.length && !matchesAll((a.id + ' ' + a.title).toLowerCase(), ts)) { return; }
      if (++shown > 3000) { return; }
      var li = el('li', {'data-id': a.id}, [a.id, el('small', {text: a.title || ''}),
        el('small', {cls: a.records ? '' : 'none',
                     text: (a.records ? a.records + ' record' + (a.records > 1 ? 's' : '') : 'no record') +
                       ' · ' + a.mentions.length + ' mentions'})]);
      if (current && current.id === a.id) { li.className = 'active'; }
      li.addEventListener('click', function () { location.hash = 'article=' + encodeURIComponent(a.id); });
      frag.appendChild(li);
    });
    alist.appendChild(frag);
    if (!articles.length) { alist.appendChild(el('li', {text: 'no article texts in this report'})); }
  }
  afilter.addEventListener('input', fillArticleList);

  function recordBox(r) {
    var dl = el('dl');
    [['program', 'program'], ['organisations', 'organizations'], ['people', 'people'], ['places', 'places'],
     ['dates', 'dates'], ['participants', 'participants'], ['confidence', 'confidence']].forEach(function (p) {
      dl.appendChild(el('dt', {text: p[0]}));
      dl.appendChild(el('dd', {text: show(r[p[1]]) || '—'}));
    });
    return el('div', {cls: 'recbox'}, [dl]);
  }
  function segments(a) {
    // Cut the text at every mention and region boundary; each piece knows what covers it.
    var ms = [];
    a.mentions.forEach(function (m, i) { if (!hiddenKinds[m[2]]) { ms.push(i); } });
    var cuts = {0: 1};
    cuts[a.text.length] = 1;
    ms.forEach(function (i) { cuts[a.mentions[i][0]] = 1; cuts[a.mentions[i][1]] = 1; });
    a.regions.forEach(function (r) { cuts[Math.max(0, r[0])] = 1; cuts[Math.min(a.text.length, r[1])] = 1; });
    var pts = Object.keys(cuts).map(Number).sort(function (x, y) { return x - y; });
    ms.sort(function (x, y) { return a.mentions[x][0] - a.mentions[y][0]; });
    var out = [], active = [], next = 0;
    for (var p = 0; p + 1 < pts.length; p++) {
      var s = pts[p], e = pts[p + 1];
      while (next < ms.length && a.mentions[ms[next]][0] <= s) { active.push(ms[next++]); }
      active = active.filter(function (i) { return a.mentions[i][1] > s; });
      var reg = -1;
      for (var r = 0; r < a.regions.length; r++) {
        if (a.regions[r][0] <= s && a.regions[r][1] >= e) { reg = r; break; }
      }
      out.push([s, e, active.filter(function (i) { return a.mentions[i][1] >= e; }), reg]);
    }
    return out;
  }
  function renderText(a, box) {
    var frag = document.createDocumentFragment();
    segments(a).forEach(function (sg) {
      var piece = a.text.slice(sg[0], sg[1]), cover = sg[2];
      if (!cover.length && sg[3] < 0) { frag.appendChild(document.createTextNode(piece)); return; }
      var kinds = [];
      cover.map(function (i) { return kindClass(a.mentions[i][2]); })
        .sort(function (x, y) { return KIND_ORDER.indexOf(x) - KIND_ORDER.indexOf(y); })
        .forEach(function (k) { if (kinds.indexOf(k) === -1) { kinds.push(k); } });
      var node;
      if (cover.length) {
        node = el('mark', {cls: 'm k-' + kinds[0] + (kinds[1] ? ' u-' + kinds[1] : '') + (sg[3] >= 0 ? ' x' : ''),
                           'data-m': cover.join(' '), text: piece});
      } else {
        node = el('span', {cls: 'x', text: piece});
      }
      if (sg[3] >= 0) { node.setAttribute('data-r', sg[3]); }
      frag.appendChild(node);
    });
    box.appendChild(frag);
  }
  function valueLines(v) {
    if (v === null || v === undefined) { return []; }
    if (typeof v !== 'object' || Array.isArray(v)) { return [['value', JSON.stringify(v)]]; }
    return Object.keys(v).map(function (k) {
      return [k, typeof v[k] === 'string' ? v[k] : JSON.stringify(v[k])];
    });
  }
  function describeMention(m) {
    var d = el('div', {cls: 'tm'}, [el('span', {cls: 'badge k-' + kindClass(m[2]), text: m[2] + (m[3] ? ' · ' + m[3] : '')}),
      ' ', el('b', {text: '“' + current.text.slice(m[0], m[1]) + '”'})]);
    valueLines(m[4]).forEach(function (kv) {
      d.appendChild(el('div', {}, [el('span', {cls: 'kv', text: kv[0] + ': '}), kv[1]]));
    });
    d.appendChild(el('div', {}, [el('span', {cls: 'kv', text: 'source: '}), el('code', {text: m[5]})]));
    var flags = [m[6] ? 'in an excluded region' : '', m[7] ? 'used in the record' : 'not in the record', m[8]];
    d.appendChild(el('div', {cls: 'kv', text: flags.filter(Boolean).join(' · ')}));
    return d;
  }
  function showTip(target) {
    clear(tip);
    var ms = (target.getAttribute('data-m') || '').split(' ').filter(Boolean);
    ms.forEach(function (i) { tip.appendChild(describeMention(current.mentions[+i])); });
    var r = target.getAttribute('data-r');
    if (r !== null) {
      var reg = current.regions[+r];
      tip.appendChild(el('div', {cls: 'tm kv', text: 'excluded region: ' + reg[2] + (reg[3] ? ' (' + reg[3] + ')' : '')}));
    }
    tip.hidden = false;
    var rect = target.getBoundingClientRect(), tw = tip.offsetWidth, th = tip.offsetHeight;
    var top = rect.bottom + 6 + th > window.innerHeight ? rect.top - th - 6 : rect.bottom + 6;
    tip.style.left = Math.max(4, Math.min(rect.left, window.innerWidth - tw - 8)) + 'px';
    tip.style.top = Math.max(4, top) + 'px';
  }
  function hideTip() { tip.hidden = true; }

  function openArticle(id) {
    showTab('articles');
    var a = articleById[id], view = clear(document.getElementById('article-view'));
    Array.prototype.forEach.call(alist.children, function (li) {
      li.classList.toggle('active', li.getAttribute('data-id') === id);
    });
    if (!a) {
      view.appendChild(el('h3', {text: id}));
      view.appendChild(el('p', {cls: 'note', text: 'The text of this article is not in the page (only the first ' +
        articles.length + ' articles of the run are). Its record is in the records table.'}));
      (recordsByArticle[id] || []).forEach(function (r) { view.appendChild(recordBox(r)); });
      return;
    }
    current = a;
    view.appendChild(el('h3', {text: a.title || a.id}));
    view.appendChild(el('p', {cls: 'hint', text: a.id + ' · ' + a.text.length + ' characters · ' + a.mentions.length +
      ' mentions · ' + a.regions.length + ' excluded regions'}));
    var recs = recordsByArticle[id] || [];
    if (!recs.length) { view.appendChild(el('p', {cls: 'note', text: 'No programme record from this article.'})); }
    recs.forEach(function (r) { view.appendChild(recordBox(r)); });

    var byKind = {};
    a.mentions.forEach(function (m) { byKind[m[2]] = (byKind[m[2]] || 0) + 1; });
    var legend = el('div', {cls: 'legend'});
    Object.keys(byKind).sort(function (x, y) {
      return KIND_ORDER.indexOf(kindClass(x)) - KIND_ORDER.indexOf(kindClass(y));
    }).forEach(function (k) {
      var cb = el('input', {type: 'checkbox', 'data-kind': k});
      cb.checked = !hiddenKinds[k];
      cb.addEventListener('change', function () { hiddenKinds[k] = !cb.checked; openArticle(id); });
      legend.appendChild(el('label', {cls: 'k-' + kindClass(k)}, [cb, ' ' + k + ' (' + byKind[k] + ')']));
    });
    if (a.regions.length) { legend.appendChild(el('label', {cls: 'x', text: 'excluded (not article text)'})); }
    view.appendChild(legend);
    var box = el('div', {cls: 'atext', id: 'article-text'});
    renderText(a, box);
    box.addEventListener('mouseover', function (ev) {
      var t = ev.target.closest('mark.m, span.x');
      if (t) { showTip(t); } else { hideTip(); }
    });
    box.addEventListener('mouseleave', hideTip);
    view.appendChild(box);

    view.appendChild(el('h3', {text: 'Mentions (' + a.mentions.length + ')'}));
    var table = el('table', {cls: 'small', id: 'mention-table'});
    var thead = el('thead', {}, [el('tr', {}, ['kind', 'label', 'text', 'value', 'source', 'at', 'flags'].map(function (h) {
      return el('th', {text: h});
    }))]);
    var tbody = el('tbody');
    a.mentions.forEach(function (m, i) {
      var value = valueLines(m[4]).map(function (kv) { return kv[0] + ': ' + kv[1]; }).join('; ');
      var tr = el('tr', {}, [el('td', {}, [el('span', {cls: 'badge k-' + kindClass(m[2]), text: m[2]})]),
        el('td', {text: m[3]}), el('td', {text: a.text.slice(m[0], m[1])}), el('td', {text: value}),
        el('td', {text: m[5]}), el('td', {text: m[0] + '–' + m[1]}),
        el('td', {text: [m[6] ? 'excluded' : '', m[7] ? 'in record' : '', m[8]].filter(Boolean).join(', ')})]);
      tr.style.cursor = 'pointer';
      tr.addEventListener('click', function () {
        var mark = box.querySelector('mark[data-m~="' + i + '"]');
        if (!mark) { return; }
        mark.scrollIntoView({block: 'center'});
        mark.classList.add('flash');
        setTimeout(function () { mark.classList.remove('flash'); }, 1500);
      });
      tbody.appendChild(tr);
    });
    table.appendChild(thead);
    table.appendChild(tbody);
    view.appendChild(table);
  }

  // --- entities -----------------------------------------------------------------------------
  var entities = rowsToObjects(D.entities);
  entities.forEach(function (e) {
    e._hay = [e.name, show(e.aliases), e.entity_id, e.kind].join(' ').toLowerCase();
  });
  var ekind = document.getElementById('e-kind'), efilter = document.getElementById('e-filter');
  counts(entities, function (e) { return [e.kind]; }).forEach(function (p) {
    ekind.appendChild(el('option', {value: p[0], text: p[0] + ' (' + p[1] + ')'}));
  });
  var entityTable = new Table({
    table: document.getElementById('entities'), pager: document.getElementById('entities-pager'),
    columns: ['name', 'kind', 'article_count', 'aliases', 'articles', 'entity_id'],
    labels: {article_count: 'articles (count)', articles: 'articles'},
    numeric: ['article_count'], descFirst: ['article_count'],
    key: function (c, e) { return c === 'article_count' ? e.article_count : show(e[c]); },
    cell: function (c, e) {
      if (c === 'articles') {
        var span = el('span');
        (e.articles || []).slice(0, 5).forEach(function (id, i) {
          if (i) { span.appendChild(document.createTextNode(', ')); }
          span.appendChild(articleLink(id));
        });
        if (e.article_count > 5) { span.appendChild(document.createTextNode(' …')); }
        return span;
      }
      return show(e[c]);
    }
  });
  function applyEntityFilter() {
    var ts = terms(efilter.value), k = ekind.value;
    entityTable.setRows(entities.filter(function (e) {
      return (!k || e.kind === k) && (!ts.length || matchesAll(e._hay, ts));
    }));
  }
  efilter.addEventListener('input', applyEntityFilter);
  ekind.addEventListener('change', applyEntityFilter);
  entityTable.sortCol = 'article_count';
  entityTable.dir = -1;

  // --- start --------------------------------------------------------------------------------
  function route() {
    var h = decodeURIComponent(location.hash.slice(1));
    if (h.indexOf('article=') === 0) { openArticle(h.slice(8)); } else { showTab(h.replace(/^view=/, '') || 'summary'); }
  }
  fillFilterChoices();
  applyFilters();
  applyEntityFilter();
  fillArticleList();
  window.addEventListener('hashchange', route);
  document.addEventListener('scroll', hideTip, true);
  route();
}());
