/*
 * Parley banners editor: live preview. While the user edits the content fields, the form's content is
 * posted (debounced) to the preview resource, which answers with the banner rendered for the chosen
 * partner (server-side escaped and sanitised HTML) or the validation messages. Without this script the
 * Preview button does the same with a full page submit.
 */
(function () {
  'use strict';

  function init(form) {
    var url = form.getAttribute('data-preview-url');
    var target = document.getElementById(form.getAttribute('data-preview-target'));
    if (!url || !target || !window.fetch || !window.FormData) {
      return;
    }
    var fields = ['internalName', 'headline', 'body', 'ctaLabel', 'ctaUrl', 'style', 'offerId', 'previewPartner'];
    var timer = null;
    var sequence = 0;

    function value(name) {
      var el = form.querySelector('[name="' + name + '"]');
      return el ? el.value : '';
    }

    function refresh() {
      var body = new URLSearchParams();
      fields.forEach(function (name) { body.append(name, value(name)); });
      body.append('imageId', form.getAttribute('data-image-id') || '');
      var mine = ++sequence;
      window.fetch(url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: body.toString()
      }).then(function (response) {
        return response.ok ? response.text() : null;
      }).then(function (html) {
        if (html !== null && mine === sequence) {
          target.innerHTML = html;
        }
      }).catch(function () { /* keep the last preview */ });
    }

    function schedule() {
      if (timer) {
        window.clearTimeout(timer);
      }
      timer = window.setTimeout(refresh, 500);
    }

    fields.forEach(function (name) {
      var el = form.querySelector('[name="' + name + '"]');
      if (el) {
        el.addEventListener('input', schedule);
        el.addEventListener('change', schedule);
      }
    });
  }

  function initAll() {
    Array.prototype.forEach.call(document.querySelectorAll('form[data-preview-url]'), init);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', initAll);
  } else {
    initAll();
  }
})();
