// Register forms: the one-head rule checked as the relation changes (no inline scripts: CSP).
// The server puts the messages on the select: data-when-head (shown when 户主 is chosen; it
// blocks saving unless data-when-head-blocks is "false") and data-when-not-head.
(function () {
  'use strict';
  function check(select) {
    var box = document.getElementById(select.getAttribute('data-head-check'));
    if (!box) { return; }
    var head = select.value === 'HEAD';
    var text = (head ? select.getAttribute('data-when-head') : select.getAttribute('data-when-not-head')) || '';
    var blocks = !head || select.getAttribute('data-when-head-blocks') !== 'false';
    box.textContent = text;
    box.classList.toggle('text-danger', text !== '' && blocks);
    box.classList.toggle('text-warning-emphasis', text !== '' && !blocks);
    box.setAttribute('role', text !== '' && blocks ? 'alert' : 'status');
  }
  document.addEventListener('change', function (event) {
    var target = event.target;
    if (target && target.matches && target.matches('select[data-head-check]')) {
      check(target);
    }
  });
})();
