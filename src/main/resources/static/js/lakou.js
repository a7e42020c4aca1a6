// Small progressive enhancements; every page works without them.
document.addEventListener('htmx:afterSwap', function (e) {
  // a branch of the concept tree loaded by htmx: its button now folds and unfolds it
  var t = e.detail.requestConfig && e.detail.requestConfig.elt;
  if (t && t.classList && t.classList.contains('toggle')) {
    t.setAttribute('aria-expanded', 'true');
    t.dataset.loaded = 'true';
    t.textContent = '\u2212';
  }
});
document.addEventListener('click', function (e) {
  // once loaded, a branch is folded locally: the capture phase keeps htmx from loading it again
  var t = e.target.closest && e.target.closest('.toggle[data-loaded]');
  if (!t) {
    return;
  }
  e.stopPropagation();
  e.preventDefault();
  var slot = t.parentElement.querySelector('.slot');
  var open = t.getAttribute('aria-expanded') === 'true';
  slot.hidden = open;
  t.setAttribute('aria-expanded', open ? 'false' : 'true');
  t.textContent = open ? '+' : '\u2212';
}, true);
document.addEventListener('keydown', function (e) {
  // Escape closes the autocomplete list
  if (e.key === 'Escape') {
    document.querySelectorAll('.suggestions').forEach(function (l) { l.innerHTML = ''; });
  }
});
// the staff desk's upload: files dropped on the zone go into its file input and the form is sent
document.addEventListener('DOMContentLoaded', function () {
  var zone = document.querySelector('.drop-zone');
  if (!zone) {
    return;
  }
  var input = zone.querySelector('input[type=file]');
  ['dragenter', 'dragover'].forEach(function (type) {
    zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.add('dragging'); });
  });
  ['dragleave', 'drop'].forEach(function (type) {
    zone.addEventListener(type, function () { zone.classList.remove('dragging'); });
  });
  zone.addEventListener('drop', function (e) {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files.length) {
      input.files = e.dataTransfer.files;
      zone.submit();
    }
  });
});
