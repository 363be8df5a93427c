// The visit form keeps a draft on the device and sends it with fetch; when the connection fails it
// keeps the draft and retries when the browser is back online (and every 20 s), also after the page
// was reloaded or the phone restarted the browser. The client key makes a retried submission
// record the visit once.
// - Text, choices and the client key live in localStorage (key: data-draft-key).
// - Chosen photos live in IndexedDB (database bangfu-visit-drafts, store photos, same key): files
//   are too big for localStorage. After a reload they are put back into the file input where the
//   browser allows it (DataTransfer) and in any case sent with the retried form.
(function () {
  'use strict';
  var form = document.getElementById('visit-form');
  if (!form) { return; }
  var key = form.getAttribute('data-draft-key');
  var status = document.getElementById('draft-status');
  var photoStatus = document.getElementById('photo-draft-status');
  var photoInput = document.getElementById('photos');
  var sending = false;
  var pending = false;
  var timer = null;
  var keptPhotos = [];

  function say(attr) {
    if (status) { status.textContent = form.getAttribute(attr) || ''; }
  }

  function sayPhotos() {
    if (!photoStatus) { return; }
    photoStatus.textContent = keptPhotos.length === 0 ? ''
      : (form.getAttribute('data-msg-photos') || '').replace('#', String(keptPhotos.length));
  }

  function named(el) {
    return el.name && el.type !== 'file' && el.name !== '_csrf' && el.name !== 'householdId';
  }

  function collect() {
    var data = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!named(el) || ((el.type === 'radio' || el.type === 'checkbox') && !el.checked)) { return; }
      data[el.name] = el.value;
    });
    return data;
  }

  function save() {
    try {
      localStorage.setItem(key, JSON.stringify(collect()));
      say('data-msg-saved');
    } catch (e) { /* storage full or disabled: the form still works */ }
  }

  function restore() {
    var raw = null;
    try { raw = localStorage.getItem(key); } catch (e) { return; }
    if (!raw) { return; }
    var data;
    try { data = JSON.parse(raw); } catch (e) { return; }
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!named(el) || !Object.prototype.hasOwnProperty.call(data, el.name)) { return; }
      if (el.type === 'radio' || el.type === 'checkbox') {
        el.checked = el.value === data[el.name];
      } else if (data[el.name] !== '' || el.name !== 'clientKey') {
        el.value = data[el.name];
      }
    });
    say('data-msg-restored');
  }

  // ---- photos in IndexedDB (every call resolves, also where IndexedDB is missing or refused)

  function database() {
    return new Promise(function (resolve) {
      if (!window.indexedDB) { resolve(null); return; }
      var request;
      try { request = window.indexedDB.open('bangfu-visit-drafts', 1); } catch (e) { resolve(null); return; }
      request.onupgradeneeded = function () { request.result.createObjectStore('photos'); };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { resolve(null); };
      request.onblocked = function () { resolve(null); };
    });
  }

  function photoStore(mode, action) {
    return database().then(function (db) {
      if (!db) { return null; }
      return new Promise(function (resolve) {
        var result = null;
        try {
          var tx = db.transaction('photos', mode);
          var request = action(tx.objectStore('photos'));
          request.onsuccess = function () { result = request.result; };
          tx.oncomplete = function () { db.close(); resolve(result); };
          tx.onerror = tx.onabort = function () { db.close(); resolve(null); };
        } catch (e) { db.close(); resolve(null); }
      });
    });
  }

  function keepPhotos() {
    var files = photoInput && photoInput.files ? Array.prototype.slice.call(photoInput.files) : [];
    keptPhotos = files;
    sayPhotos();
    var saved = files.length === 0
      ? photoStore('readwrite', function (s) { return s.delete(key); })
      : photoStore('readwrite', function (s) {
        return s.put(files.map(function (f) { return { name: f.name, type: f.type, blob: f }; }), key);
      });
    return saved.then(function () { form.setAttribute('data-photos-kept', String(files.length)); });
  }

  function restorePhotos() {
    return photoStore('readonly', function (s) { return s.get(key); }).then(function (stored) {
      if (!stored || !stored.length || (photoInput && photoInput.files && photoInput.files.length)) { return; }
      keptPhotos = stored.map(function (p) {
        try { return new File([p.blob], p.name, { type: p.type }); } catch (e) { return p.blob; }
      });
      try {
        var transfer = new DataTransfer();
        keptPhotos.forEach(function (f) { transfer.items.add(f); });
        photoInput.files = transfer.files; // the user sees the file names; a plain submit sends them too
      } catch (e) { /* older browsers: send() adds the kept photos itself */ }
      sayPhotos();
      form.setAttribute('data-photos-kept', String(keptPhotos.length));
    });
  }

  function forget() {
    try { localStorage.removeItem(key); localStorage.removeItem(key + ':pending'); } catch (e) { /* ignore */ }
    keptPhotos = [];
    return photoStore('readwrite', function (s) { return s.delete(key); });
  }

  function formData() {
    var data = new FormData(form);
    var chosen = photoInput && photoInput.files ? photoInput.files.length : 0;
    if (chosen === 0 && keptPhotos.length > 0) {
      data.delete('photos');
      keptPhotos.forEach(function (f) { data.append('photos', f, f.name || 'photo'); });
    }
    return data;
  }

  // ---- sending

  function retryLater() {
    say('data-msg-offline');
    if (!timer) { timer = window.setTimeout(function () { timer = null; if (pending) { send(); } }, 20000); }
  }

  function send() {
    if (sending) { return; }
    sending = true;
    pending = true;
    try { localStorage.setItem(key + ':pending', '1'); } catch (e) { /* ignore */ }
    say('data-msg-sending');
    var headers = {};
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) { headers[header.content] = token.content; }
    fetch(form.action, { method: 'POST', body: formData(), credentials: 'same-origin', headers: headers })
      .then(function (res) {
        sending = false;
        if (res.redirected && res.url.indexOf('/login') >= 0) {
          say('data-msg-login');
          return;
        }
        if (res.ok && res.redirected) {
          pending = false;
          forget().then(function () { window.location.assign(res.url); });
          return;
        }
        if (res.status >= 500) {
          retryLater();
          return;
        }
        // the server refused the input: let it show the form with the errors next to the fields
        pending = false;
        try { localStorage.removeItem(key + ':pending'); } catch (e) { /* ignore */ }
        HTMLFormElement.prototype.submit.call(form);
      })
      .catch(function () {
        sending = false;
        retryLater();
      });
  }

  restore();
  form.addEventListener('input', save);
  form.addEventListener('change', function (event) {
    save();
    if (event.target === photoInput) { keepPhotos(); }
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    save();
    send();
  });
  window.addEventListener('online', function () { if (pending) { send(); } });
  var wasPending = false;
  try { wasPending = localStorage.getItem(key + ':pending') === '1'; } catch (e) { /* ignore */ }
  restorePhotos().then(function () {
    form.setAttribute('data-draft-ready', 'true');
    if (wasPending && navigator.onLine) { send(); }
  });
})();
