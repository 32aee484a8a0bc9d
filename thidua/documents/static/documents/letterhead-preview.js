// The letterhead page's preview follows what is typed: each [data-letterhead-show] element
// shows the field of its name, upper-cased where the paper prints capitals; a multi-line
// title shows one line per line typed. Without this script the preview shows what is saved.
(function () {
  function lines(value) {
    return value.split(/\n| \/ /).map(function (s) { return s.trim(); }).filter(Boolean);
  }
  function refresh(form) {
    form.querySelectorAll("[data-letterhead]").forEach(function (input) {
      var name = input.dataset.letterhead;
      document.querySelectorAll('[data-letterhead-show="' + name + '"]').forEach(function (out) {
        var value = input.value;
        if (out.dataset.upper !== undefined) value = value.toUpperCase();
        if (out.dataset.lines !== undefined) {
          out.replaceChildren();
          lines(value).forEach(function (line) {
            var div = document.createElement("div");
            div.textContent = line;
            out.appendChild(div);
          });
        } else {
          out.textContent = value;
        }
      });
    });
  }
  document.addEventListener("input", function (event) {
    var form = event.target.closest("[data-letterhead-form]");
    if (form) refresh(form);
  });
})();
