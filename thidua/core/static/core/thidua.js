// Small behaviours the pages ask for through data-* attributes, so that no page needs an inline
// script, an on* handler or a style attribute: the Content-Security-Policy (settings.py) allows
// scripts and styles from our own static files only.
(function () {
  if (window.thiduaBehaviours) return;
  window.thiduaBehaviours = true;

  // <select data-submit-on-change>: choosing a value sends its form (a year picker).
  document.addEventListener("change", function (event) {
    var field = event.target.closest("[data-submit-on-change]");
    if (field && field.form) field.form.submit();
  });

  // <button data-disable-after-request hx-get=…>: once its content has arrived (the tree's "+").
  document.addEventListener("htmx:afterRequest", function (event) {
    var elt = event.detail && event.detail.elt;
    if (elt && elt.matches && elt.matches("[data-disable-after-request]")) elt.disabled = true;
  });

  // data-width-percent="42": a progress bar's width, set through the DOM (allowed by the CSP)
  // rather than a style attribute (refused by it); again on every piece htmx swaps in.
  function widths(root) {
    var bars = root.querySelectorAll ? root.querySelectorAll("[data-width-percent]") : [];
    Array.prototype.forEach.call(bars, function (bar) { bar.style.width = bar.dataset.widthPercent + "%"; });
    if (root.matches && root.matches("[data-width-percent]")) root.style.width = root.dataset.widthPercent + "%";
  }
  document.addEventListener("DOMContentLoaded", function () { widths(document); });
  document.addEventListener("htmx:load", function (event) { widths(event.target); });
})();
