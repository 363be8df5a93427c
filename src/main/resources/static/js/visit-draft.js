// The visit form keeps a draft in localStorage (text, choices, the client key) and sends it with
// fetch; when the connection fails it keeps the draft and retries when the browser is back
// online (and every 20 s). The client key makes a retried submission record the visit once.
// Photos are kept for retries while the page stays open; after a reload they must be chosen again.
(function () {
  'use strict';
  var form = document.getElementById('visit-form');
  if (!form) { return; }
  var key = form.getAttribute('data-draft-key');
  var status = document.getElementById('draft-status');
  var sending = false;
  var pending = false;
  var timer = null;

  function say(attr) {
    if (status) { status.textContent = form.getAttribute(attr) || ''; }
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

  function forget() {
    try { localStorage.removeItem(key); localStorage.removeItem(key + ':pending'); } catch (e) { /* ignore */ }
  }

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
    fetch(form.action, { method: 'POST', body: new FormData(form), credentials: 'same-origin', headers: headers })
      .then(function (res) {
        sending = false;
        if (res.redirected && res.url.indexOf('/login') >= 0) {
          say('data-msg-login');
          return;
        }
        if (res.ok && res.redirected) {
          pending = false;
          forget();
          window.location.assign(res.url);
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
  form.addEventListener('change', save);
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    save();
    send();
  });
  window.addEventListener('online', function () { if (pending) { send(); } });
  var wasPending = false;
  try { wasPending = localStorage.getItem(key + ':pending') === '1'; } catch (e) { /* ignore */ }
  if (wasPending && navigator.onLine) { send(); }
})();
