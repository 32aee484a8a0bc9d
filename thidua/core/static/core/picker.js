// core.pickers.SearchPicker: a ticked match becomes a chip (a hidden input with a remove button),
// so the next search keeps it; Enter in the search box searches instead of sending the form.
// htmx does the searching; without this script the matches stay plain checkboxes in the form.
(function () {
  if (window.thiduaPicker) return;
  window.thiduaPicker = true;
  document.addEventListener("change", function (event) {
    var option = event.target.closest("[data-picker-option]");
    if (!option || !option.checked) return;
    var picker = option.closest("[data-picker]");
    var chips = picker.querySelector("[data-picker-chips]");
    var chip = picker.querySelector("[data-picker-chip-template]").content.firstElementChild.cloneNode(true);
    chip.querySelector("input").value = option.value;
    chip.querySelector("[data-picker-label]").textContent = option.dataset.label;
    if (option.type === "radio") chips.innerHTML = "";
    chips.appendChild(chip);
    chips.classList.add("mb-2");
    var results = picker.querySelector("[data-picker-results]");
    option.closest("[data-picker-row]").remove();
    if (option.type === "radio") results.innerHTML = "";
    var search = picker.querySelector("[data-picker-search]");
    if (picker.hasAttribute("data-picker-submit") && search.form) {
      search.value = "";
      search.form.requestSubmit();
      return;
    }
    search.focus();
  });
  document.addEventListener("click", function (event) {
    var remove = event.target.closest("[data-picker-remove]");
    if (!remove) return;
    var picker = remove.closest("[data-picker]");
    remove.closest("[data-picker-chip]").remove();
    picker.querySelector("[data-picker-search]").focus();
  });
  // Letters typed before htmx wired the box (a slow page) fired no search: search them once
  // the page has loaded, unless the server already listed their matches.
  window.addEventListener("load", function () {
    if (!window.htmx) return;
    document.querySelectorAll("[data-picker]").forEach(function (picker) {
      var search = picker.querySelector("[data-picker-search]");
      var results = picker.querySelector("[data-picker-results]");
      if (search.value.trim() && !results.querySelector("[data-picker-option]")) {
        window.htmx.trigger(search, "search");
      }
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && event.target.matches("[data-picker-search]")) {
      event.preventDefault();
      if (window.htmx) window.htmx.trigger(event.target, "search");
    }
  });
})();
