(function () {
  var failedOnly = document.getElementById('failed-only');
  var errorsOnly = document.getElementById('errors-only');
  var search = document.getElementById('search');
  var counter = document.getElementById('shown');
  function apply() {
    var query = search.value.trim().toLowerCase();
    var cards = document.querySelectorAll('section.case[id^="case-"]');
    var shown = 0;
    cards.forEach(function (card) {
      var visible = (!failedOnly.checked || card.dataset.failed === 'true')
        && (!errorsOnly.checked || card.dataset.errors === 'true')
        && (query === '' || card.textContent.toLowerCase().indexOf(query) >= 0);
      card.classList.toggle('hidden', !visible);
      if (visible) { shown++; }
    });
    counter.textContent = shown + ' of ' + cards.length + ' case(s) shown';
  }
  [failedOnly, errorsOnly].forEach(function (box) { box.addEventListener('change', apply); });
  search.addEventListener('input', apply);
  apply();
})();
