// Bangfu page behaviour. No inline scripts: the Content-Security-Policy allows only files from this site.
(function () {
  'use strict';
  // Ask once before destructive actions: <form data-confirm="...">
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  }, true);
  // Send the CSRF token with htmx requests.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });
  // Keyboard and screen-reader users: a link styled as disabled (a pager's end) says so and is
  // skipped by Tab; a region that scrolls (a wide table on a phone, a file preview) can be reached
  // with Tab and scrolled with the arrow keys.
  function accessible(root) {
    root.querySelectorAll('a.disabled, .disabled > a').forEach(function (a) {
      a.setAttribute('aria-disabled', 'true');
      a.setAttribute('tabindex', '-1');
    });
    root.querySelectorAll('.table-responsive, pre, .overflow-auto, .overflow-x-auto, .overflow-y-auto').forEach(function (el) {
      if (el.hasAttribute('tabindex')) { return; }
      var style = window.getComputedStyle(el);
      var scrolls = /(auto|scroll)/.test(style.overflowX + ' ' + style.overflowY);
      if (scrolls && (el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight)) {
        el.setAttribute('tabindex', '0');
      }
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    accessible(document);
    // Focus the first field with an error.
    var invalid = document.querySelector('.is-invalid');
    if (invalid) { invalid.focus(); }
  });
  document.addEventListener('htmx:afterSettle', function (event) { accessible(event.target); });
})();
