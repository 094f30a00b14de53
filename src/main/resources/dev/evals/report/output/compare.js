(function () {
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input.status-filter'));
  var search = document.getElementById('search');
  var counter = document.getElementById('shown');
  var body = document.querySelector('#cases tbody');
  function rows() { return Array.prototype.slice.call(body.querySelectorAll('tr.case')); }
  function apply() {
    var query = search.value.trim().toLowerCase();
    var wanted = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    var all = rows();
    var shown = 0;
    all.forEach(function (row) {
      var visible = wanted.indexOf(row.dataset.change) >= 0
        && (query === '' || row.textContent.toLowerCase().indexOf(query) >= 0);
      row.classList.toggle('hidden', !visible);
      if (visible) { shown++; }
    });
    counter.textContent = shown + ' of ' + all.length + ' case(s) shown';
  }
  function value(row, key, type) {
    var text = row.dataset[key];
    if (type !== 'number') { return text; }
    return text === '' ? null : parseFloat(text);
  }
  function sortBy(th) {
    var key = th.dataset.key;
    var type = th.dataset.type;
    var ascending = !th.classList.contains('asc');
    document.querySelectorAll('#cases th').forEach(function (h) { h.classList.remove('asc', 'desc'); });
    th.classList.add(ascending ? 'asc' : 'desc');
    var sorted = rows().sort(function (x, y) {
      var a = value(x, key, type);
      var b = value(y, key, type);
      if (a === b) { return 0; }
      if (a === null) { return 1; }
      if (b === null) { return -1; }
      var order = a < b ? -1 : 1;
      return ascending ? order : -order;
    });
    sorted.forEach(function (row) { body.appendChild(row); });
  }
  document.querySelectorAll('#cases th').forEach(function (th) {
    th.addEventListener('click', function () { sortBy(th); });
  });
  boxes.forEach(function (box) { box.addEventListener('change', apply); });
  search.addEventListener('input', apply);
  apply();
})();
