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
  // Focus the first field with an error.
  document.addEventListener('DOMContentLoaded', function () {
    var invalid = document.querySelector('.is-invalid');
    if (invalid) { invalid.focus(); }
  });
})();
