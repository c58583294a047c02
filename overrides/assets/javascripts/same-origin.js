/* Two guards on Material's requests, loaded before Material's bundle.
 *
 * 1. Keep every script request on this site's own origin. Material fetches
 *    sitemap.xml from the host of each <link rel="alternate">. Our hreflang
 *    links are absolute, as search engines require, so on any other host (an
 *    intranet mirror, the offline bundle, the test server) Material would call
 *    the public host: a request to a third party. Refusing cross-origin XHR
 *    makes Material fall back to the plain per-page language links, which the
 *    build already sets correctly.
 *
 * 2. Load the search index only when the reader starts to search. Material
 *    fetches it on every page view; it holds all three languages and weighs
 *    more than the rest of the page together. The request waits until the
 *    search field gets focus (click, tab or Material's "/" and "s" keys).
 */
(function () {
  "use strict";
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var searchWanted = false, waiting = [];

  function wantSearch() {
    if (searchWanted) return;
    searchWanted = true;
    waiting.splice(0).forEach(function (go) { go(); });
  }
  document.addEventListener("focusin", function (event) {
    if (event.target && event.target.matches && event.target.matches("input[data-md-component=search-query]")) wantSearch();
  });
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) wantSearch();
  });

  XMLHttpRequest.prototype.open = function (method, url) {
    var target = new URL(String(url), location.href);
    if (target.origin !== location.origin) {
      throw new DOMException("Blocked request to another host: " + target.href, "SecurityError");
    }
    this._kcSearchIndex = /\/search\/search_index\.json$/.test(target.pathname);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this, args = arguments;
    if (xhr._kcSearchIndex && !searchWanted) {
      waiting.push(function () { send.apply(xhr, args); });
      return undefined;
    }
    return send.apply(xhr, args);
  };
})();
