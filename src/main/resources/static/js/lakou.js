// Small progressive enhancements; every page works without them.
document.addEventListener('htmx:afterSwap', function (e) {
  // a branch expanded by htmx: its toggle now says so
  var t = e.detail.requestConfig && e.detail.requestConfig.elt;
  if (t && t.classList && t.classList.contains('toggle')) {
    t.setAttribute('aria-expanded', 'true');
    t.disabled = true;
  }
});
document.addEventListener('keydown', function (e) {
  // Escape closes the autocomplete list
  if (e.key === 'Escape') {
    document.querySelectorAll('.suggestions').forEach(function (l) { l.innerHTML = ''; });
  }
});
