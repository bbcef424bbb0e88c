/*
 * Parley banners: an accessible carousel (WAI-ARIA carousel pattern). Auto-advances about every
 * 5 s; pauses while the pointer is over it or focus is inside it, and when the user presses Pause;
 * never auto-advances for users who prefer reduced motion. Previous/next buttons and the arrow keys
 * change slides. No inline script or style: loaded as a file, so the host's CSP nonce applies.
 */
(function () {
  'use strict';

  function init(root) {
    if (root.getAttribute('data-bnr-ready') === 'true') {
      return;
    }
    root.setAttribute('data-bnr-ready', 'true');
    var slides = Array.prototype.slice.call(root.querySelectorAll('.bnr-slide'));
    if (slides.length < 2) {
      return;
    }
    var live = root.querySelector('.bnr-slides');
    var pauseButton = root.querySelector('.bnr-pause');
    var interval = parseInt(root.getAttribute('data-interval'), 10) || 5000;
    var reduced = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    var current = 0;
    var userPaused = reduced;
    var hover = false;
    var focus = false;
    var timer = null;

    function show(index) {
      current = (index + slides.length) % slides.length;
      slides.forEach(function (slide, i) {
        if (i === current) {
          slide.removeAttribute('hidden');
        } else {
          slide.setAttribute('hidden', '');
        }
      });
    }

    function updatePauseButton() {
      if (!pauseButton) {
        return;
      }
      pauseButton.setAttribute('aria-pressed', userPaused ? 'true' : 'false');
      var label = userPaused ? pauseButton.getAttribute('data-label-play') : pauseButton.getAttribute('data-label-pause');
      pauseButton.setAttribute('aria-label', label);
      pauseButton.setAttribute('title', label);
      var icon = pauseButton.querySelector('.bnr-pause-icon');
      if (icon) {
        icon.textContent = userPaused ? '\u25B6' : '\u275A\u275A';
      }
    }

    function schedule() {
      if (timer) {
        window.clearInterval(timer);
        timer = null;
      }
      var rotating = !userPaused && !hover && !focus;
      // Announce slide changes only while not rotating on its own.
      live.setAttribute('aria-live', rotating ? 'off' : 'polite');
      if (rotating) {
        timer = window.setInterval(function () { show(current + 1); }, interval);
      }
    }

    root.querySelector('.bnr-prev').addEventListener('click', function () { show(current - 1); });
    root.querySelector('.bnr-next').addEventListener('click', function () { show(current + 1); });
    if (pauseButton) {
      pauseButton.addEventListener('click', function () {
        userPaused = !userPaused;
        updatePauseButton();
        schedule();
      });
    }
    root.addEventListener('mouseenter', function () { hover = true; schedule(); });
    root.addEventListener('mouseleave', function () { hover = false; schedule(); });
    root.addEventListener('focusin', function () { focus = true; schedule(); });
    root.addEventListener('focusout', function (e) {
      if (!root.contains(e.relatedTarget)) {
        focus = false;
        schedule();
      }
    });
    root.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowLeft') {
        show(current - 1);
      } else if (e.key === 'ArrowRight') {
        show(current + 1);
      }
    });
    show(0);
    updatePauseButton();
    schedule();
  }

  function initAll() {
    Array.prototype.forEach.call(document.querySelectorAll('.bnr-carousel'), init);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', initAll);
  } else {
    initAll();
  }
})();
