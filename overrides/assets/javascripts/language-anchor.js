/* The language switcher keeps the section: a trainer on /nb/moduler/stemmen/#ovelse-tempo
 * who picks English lands on /en/moduler/stemmen/#ovelse-tempo. Section ids are the same
 * in every language (the build checks it), so the anchor is valid on the other side.
 * A classic script, not a module: the offline bundle opens pages from file://, where
 * browsers refuse module scripts. Node's test runner loads it through module.exports. */
(function () {
  "use strict";

  /** The address of the other language's page with this page's #anchor; an address
   * that already names a section keeps its own. */
  function withAnchor(href, hash) {
    if (!hash || hash === "#" || href.indexOf("#") !== -1) return href;
    return href + hash;
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = { withAnchor: withAnchor };
    return;
  }
  // Capture, so the address is right before the browser follows the link (mouse, Enter or touch).
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[hreflang]");
    if (!link || !link.closest(".md-select")) return;
    link.setAttribute("href", withAnchor(link.getAttribute("href"), window.location.hash));
  }, true);
})();
