/* Dars pages: title suggestions on the search box, copy buttons, uploads with real progress.
   Every visible string comes from the page's bundles (the #messages and #problems JSON). */
(function () {
  'use strict';
  var lang = document.documentElement.lang || 'fa';

  function json(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : {};
  }
  var M = json('messages');
  /* Sent with every API call that changes something: a signed-in session needs it (CSRF). */
  var csrfMeta = document.querySelector('meta[name="csrf-token"]');
  var csrf = csrfMeta ? csrfMeta.content : '';
  var P = json('problems');

  function num(n, opts) {
    var o = Object.assign({ numberingSystem: M._digits || 'latn' }, opts || {});
    return new Intl.NumberFormat(lang, o).format(n);
  }
  /* Fills {0}, {1}… of a bundle message. */
  function msg(key) {
    var args = Array.prototype.slice.call(arguments, 1);
    var text = M[key] || key;
    return text.replace(/\{(\d)\}/g, function (_, i) { return args[+i]; });
  }
  function asciiSize(bytes) {
    if (bytes < 1024) return bytes + ' B';
    if (bytes < 1048576) return (bytes / 1024).toFixed(1) + ' KB';
    return (bytes / 1048576).toFixed(1) + ' MB';
  }
  /* A refusal from the API, as a sentence in the user's language (never the problem JSON). */
  function problemText(status, body) {
    var type = '';
    try { type = (JSON.parse(body).type || '').split('/').pop(); } catch (e) { /* not JSON */ }
    if (type && P[type]) return P[type];
    return (P.status || '{0}').replace('{0}', num(status, { useGrouping: false }));
  }

  /* ---- Search box: an ARIA 1.2 combobox over GET /api/v1/suggest ---- */
  var q = document.getElementById('q');
  var list = document.getElementById('suggestions');
  if (q && list) {
    var active = -1, timer = null, seq = 0;
    var close = function () {
      list.hidden = true; list.innerHTML = ''; active = -1;
      q.setAttribute('aria-expanded', 'false'); q.removeAttribute('aria-activedescendant');
    };
    var mark = function (i) {
      var items = list.querySelectorAll('[role=option]');
      items.forEach(function (li, j) { li.setAttribute('aria-selected', j === i ? 'true' : 'false'); });
      active = i;
      if (i >= 0 && items[i]) q.setAttribute('aria-activedescendant', items[i].id);
      else q.removeAttribute('aria-activedescendant');
    };
    var choose = function (text) { q.value = text; close(); q.form.submit(); };
    var show = function (suggestions) {
      list.innerHTML = '';
      if (!suggestions.length) { close(); return; }
      suggestions.forEach(function (s, i) {
        var li = document.createElement('li');
        li.id = 'suggestion-' + i; li.setAttribute('role', 'option'); li.setAttribute('aria-selected', 'false');
        li.dir = 'auto'; li.textContent = s.title;
        li.addEventListener('mousedown', function (e) { e.preventDefault(); choose(s.title); });
        list.appendChild(li);
      });
      list.hidden = false; q.setAttribute('aria-expanded', 'true'); active = -1;
    };
    q.addEventListener('input', function () {
      clearTimeout(timer);
      var text = q.value;
      if (!text.trim()) { close(); return; }
      timer = setTimeout(function () {
        var mine = ++seq;
        fetch(q.dataset.suggest + '?size=8&q=' + encodeURIComponent(text), { headers: { Accept: 'application/json' } })
          .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
          .then(function (data) { if (mine === seq) show(data.suggestions || []); })
          .catch(close);
      }, 120);
    });
    q.addEventListener('keydown', function (e) {
      var n = list.querySelectorAll('[role=option]').length;
      if (e.key === 'ArrowDown' && n) { e.preventDefault(); mark((active + 1) % n); }
      else if (e.key === 'ArrowUp' && n) { e.preventDefault(); mark(active <= 0 ? n - 1 : active - 1); }
      else if (e.key === 'Escape') { close(); }
      else if (e.key === 'Enter' && active >= 0) { e.preventDefault(); choose(list.querySelectorAll('[role=option]')[active].textContent); }
    });
    q.addEventListener('blur', function () { setTimeout(close, 150); });
  }

  /* ---- Curriculum tree: PrimeFaces's drop points are list items inside role=tree; they are
     presentation only, which assistive technology must be told. ---- */
  var fixTree = function () {
    document.querySelectorAll('.ui-tree-droppoint:not([role])').forEach(function (li) { li.setAttribute('role', 'none'); });
  };
  if (document.querySelector('.ui-tree')) {
    fixTree();
    new MutationObserver(fixTree).observe(document.body, { childList: true, subtree: true });
  }

  /* ---- Copy buttons ---- */
  /* Delegated, so buttons that arrive with an Ajax update (a token just issued) work too. */
  document.addEventListener('click', function (e) {
    var b = e.target.closest ? e.target.closest('button.copy') : null;
    if (!b) return;
    var input = document.getElementById(b.dataset.copy);
    var scope = b.closest('section, .issued') || document;
    var status = scope.querySelector('.copied') || document.querySelector('.copied');
    var done = function () { if (status) status.textContent = status.dataset.copied; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(done, function () { input.select(); document.execCommand('copy'); done(); });
    } else { input.select(); document.execCommand('copy'); done(); }
  });

  /* ---- Uploads: one XMLHttpRequest per file to POST /api/v1/items, for real progress ---- */
  function send(url, file, onProgress) {
    return new Promise(function (resolve) {
      var xhr = new XMLHttpRequest();
      var form = new FormData();
      form.append('file', file, file.name);
      xhr.open('POST', url);
      xhr.setRequestHeader('Accept', 'application/json');
      if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
      xhr.upload.onprogress = function (e) { if (e.lengthComputable) onProgress(e.loaded / e.total); };
      xhr.onload = function () { resolve({ status: xhr.status, body: xhr.responseText }); };
      xhr.onerror = function () { resolve({ status: 0, body: '' }); };
      xhr.send(form);
    });
  }
  function poll(id, onState) {
    return new Promise(function (resolve) {
      var tick = function () {
        fetch('api/v1/items/' + id, { headers: { Accept: 'application/json' } })
          .then(function (r) { return r.json(); })
          .then(function (item) {
            onState(item);
            if (item.status === 'READY' || item.status === 'FAILED') resolve(item); else setTimeout(tick, 600);
          })
          .catch(function () { setTimeout(tick, 1000); });
      };
      tick();
    });
  }

  var files = document.getElementById('files');
  var zone = document.getElementById('dropzone');
  var uploads = document.getElementById('uploads');
  var live = document.getElementById('upload-live');
  var counter = 0;
  function announce(text) { if (live) live.textContent = text; }

  function uploadOne(file) {
    var n = ++counter;
    var row = document.getElementById('upload-row').content.firstElementChild.cloneNode(true);
    row.id = 'upload-' + n;
    row.dataset.file = file.name;
    row.querySelector('.name bdi').textContent = file.name;
    row.querySelector('.size').textContent = asciiSize(file.size);
    var bar = row.querySelector('progress');
    bar.id = 'progress-' + n;
    bar.setAttribute('aria-label', msg('progressOf', file.name));
    var percent = row.querySelector('.percent');
    var state = row.querySelector('.state');
    state.id = 'state-' + n;
    state.textContent = msg('uploading');
    uploads.appendChild(row);
    document.getElementById('uploads-empty').hidden = true;

    send('api/v1/items', file, function (fraction) {
      bar.value = Math.round(fraction * 100);
      bar.dataset.max = Math.max(+(bar.dataset.max || 0), bar.value);
      percent.textContent = num(fraction, { style: 'percent' });
    }).then(function (r) {
      if (r.status !== 201) {
        state.textContent = msg('refused', problemText(r.status, r.body));
        state.classList.add('failed');
        row.dataset.state = 'REFUSED';
        announce(msg('refusedFile', file.name));
        return;
      }
      bar.value = 100;
      percent.textContent = num(1, { style: 'percent' });
      var item = JSON.parse(r.body);
      row.dataset.item = item.id;
      state.textContent = msg('extracting');
      return poll(item.id, function (it) {
        row.dataset.state = it.status;
        state.textContent = it.status === 'READY' ? msg('ready') : it.status === 'FAILED' ? msg('failed', it.failure || '') : msg('extracting');
      }).then(function (it) {
        state.classList.add(it.status === 'READY' ? 'ready' : 'failed');
        announce(msg(it.status === 'READY' ? 'readyFile' : 'failedFile', file.name));
        showForm(row, n, it);
      });
    });
  }

  function showForm(row, n, item) {
    var form = row.querySelector('.metaform');
    form.querySelectorAll('[data-id]').forEach(function (el) { el.id = el.dataset.id + '-' + n; });
    form.querySelectorAll('label[data-for]').forEach(function (l) { l.htmlFor = l.dataset.for + '-' + n; });
    form.querySelector('[data-hint]').setAttribute('aria-describedby', 'subjects-hint-' + n);
    var title = form.querySelector('[name=title]');
    title.value = item.title || '';
    var language = form.querySelector('[name=language]');
    var detected = item.detectedLanguage || (item.language && item.language[0]) || lang;
    if (language.querySelector('option[value="' + detected + '"]')) language.value = detected;
    form.querySelector('[name=subjects]').value = (item.subjects || []).join('، ');
    if (item.level) form.querySelector('[name=level]').value = item.level;
    if (item.license) form.querySelector('[name=license]').value = item.license;
    if (item.visibility) form.querySelector('[name=visibility]').value = item.visibility;
    form.hidden = false;
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var saved = form.querySelector('.saved');
      var patch = {
        title: title.value.trim(),
        language: [language.value],
        subjects: form.querySelector('[name=subjects]').value.split(/[,،؛;]/).map(function (s) { return s.trim(); }).filter(Boolean),
        level: form.querySelector('[name=level]').value || null,
        license: form.querySelector('[name=license]').value,
        visibility: form.querySelector('[name=visibility]').value
      };
      if (!patch.title) { saved.textContent = msg('titleNeeded'); title.focus(); return; }
      fetch('api/v1/items/' + item.id, {
        method: 'PATCH',
        headers: Object.assign({ 'Content-Type': 'application/merge-patch+json', Accept: 'application/json' },
          csrf ? { 'X-CSRF-Token': csrf } : {}),
        body: JSON.stringify(patch)
      }).then(function (r) {
        return r.text().then(function (body) {
          if (r.ok) {
            saved.innerHTML = '';
            saved.appendChild(document.createTextNode(msg('saved') + ' '));
            var a = document.createElement('a');
            a.href = 'item.xhtml?id=' + item.id; a.textContent = msg('open');
            saved.appendChild(a);
            row.dataset.saved = 'true';
          } else {
            saved.textContent = msg('refused', problemText(r.status, body));
          }
        });
      });
    });
  }

  function start(list) { Array.prototype.forEach.call(list, uploadOne); }
  if (files && zone) {
    files.addEventListener('change', function () { start(files.files); files.value = ''; });
    ['dragenter', 'dragover'].forEach(function (t) {
      zone.addEventListener(t, function (e) { e.preventDefault(); zone.classList.add('over'); });
    });
    ['dragleave', 'drop'].forEach(function (t) {
      zone.addEventListener(t, function (e) { e.preventDefault(); zone.classList.remove('over'); });
    });
    zone.addEventListener('drop', function (e) { if (e.dataTransfer && e.dataTransfer.files) start(e.dataTransfer.files); });
  }

  /* ---- Item page: a new version of the item ---- */
  var nv = document.getElementById('new-version-send');
  if (nv) {
    document.getElementById('new-version').addEventListener('submit', function (e) { e.preventDefault(); });
    nv.addEventListener('click', function () {
      var input = document.getElementById('new-version-file');
      var bar = document.getElementById('new-version-progress');
      var status = document.getElementById('new-version-status');
      var id = document.getElementById('new-version').dataset.item;
      if (!input.files.length) { status.textContent = msg('chooseFile'); return; }
      bar.hidden = false;
      status.textContent = msg('uploading');
      send('api/v1/items/' + id + '/versions', input.files[0], function (f) { bar.value = Math.round(f * 100); })
        .then(function (r) {
          if (r.status !== 201) { status.textContent = msg('refused', problemText(r.status, r.body)); return; }
          status.textContent = msg('extracting');
          return poll(id, function () {}).then(function () { window.location.reload(); });
        });
    });
  }
})();
