/* Host-wide behaviour: a form is sent once — its submit buttons are disabled while the request runs. */
(function () {
  'use strict';
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (event.defaultPrevented || form.dataset.parleySubmitting === 'true') {
      if (form.dataset.parleySubmitting === 'true') { event.preventDefault(); }
      return;
    }
    form.dataset.parleySubmitting = 'true';
    window.setTimeout(function () {
      form.querySelectorAll('button[type=submit], input[type=submit]').forEach(function (b) {
        b.disabled = true;
        b.setAttribute('aria-busy', 'true');
      });
    }, 0);
  }, true);
  window.addEventListener('pageshow', function () {
    document.querySelectorAll('form[data-parley-submitting]').forEach(function (f) {
      delete f.dataset.parleySubmitting;
      f.querySelectorAll('[aria-busy]').forEach(function (b) { b.disabled = false; b.removeAttribute('aria-busy'); });
    });
  });
})();
