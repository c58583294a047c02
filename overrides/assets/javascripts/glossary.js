/* Glossary tooltips: CSS shows them on hover and keyboard focus; this adds the
 * third WCAG 1.4.13 requirement, dismissal: Escape hides the open tooltip
 * until the pointer or focus leaves the term. */
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll(".kc-term:hover, .kc-term:focus-within").forEach(function (term) {
      term.classList.add("kc-term--closed");
    });
  });
  function reopen(event) {
    var term = event.target.closest && event.target.closest(".kc-term");
    if (term && !(event.relatedTarget && term.contains(event.relatedTarget))) {
      term.classList.remove("kc-term--closed");
    }
  }
  document.addEventListener("mouseout", reopen);
  document.addEventListener("focusout", reopen);
})();
